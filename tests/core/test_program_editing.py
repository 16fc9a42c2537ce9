"""A copy of a program with new titles and minutes, held to the loader's rules."""

from __future__ import annotations

import pytest

from facilitator.paths import programs_dir
from facilitator.program import load_program, load_program_text
from facilitator.program.editing import edited_program, program_rows, save_program_copy
from facilitator.text import UserError


@pytest.fixture(scope="module")
def followup():
    return load_program(programs_dir() / "opfoelgningsmoede.toml")


def test_rows_list_parts_steps_and_breaks_in_order(program):
    rows = program_rows(program)
    assert [row.id for row in rows[:3]] == ["indledning", "indledning-kontekst", "indledning-processer"]
    part = rows[0]
    assert (part.kind, part.minutes, part.editable_minutes) == ("part", 10, False)
    lunch = next(row for row in rows if row.id == "frokost")
    assert (lunch.kind, lunch.minutes, lunch.editable_minutes, lunch.is_break) == ("break", 60, True, True)
    pause = next(row for row in rows if row.id == "delsession-1-pause")
    assert pause.kind == "step"
    assert pause.is_break
    assert len(rows) == len(program.parts) + len(program.step_ids())


def test_an_edited_copy_has_the_new_titles_and_minutes_and_the_rest_unchanged(followup):
    text = edited_program(
        followup,
        {"status-aftaler": "Status på aftalerne, én for én", "indledning": "Velkommen tilbage"},
        {"status-aftaler": "40", "status-pause": 5},
    )
    copy = load_program_text(text, "kopi.toml")
    step = copy.find_step("status-aftaler")[1]
    assert (step.title.da, step.minutes, step.workspace) == ("Status på aftalerne, én for én", 40, "status")
    assert step.title.en is None  # a new Danish title does not keep the old English one
    assert copy.parts[0].title.da == "Velkommen tilbage"
    assert copy.minutes == followup.minutes
    unchanged = copy.find_step("forandringer-cirkel")[1]
    assert unchanged == followup.find_step("forandringer-cirkel")[1]


@pytest.mark.parametrize(
    ("titles", "minutes", "reason"),
    [
        ({}, {"status-aftaler": "0"}, "'status-aftaler'.*'minutes' skal være større end 0"),
        ({}, {"status-aftaler": "ti"}, "'status-aftaler'.*helt antal minutter \\(fik 'ti'\\)"),
        ({}, {"status-aftaler": "2.5"}, "'status-aftaler'.*helt antal"),
        ({}, {"status-aftaler": "9999"}, "'status-aftaler'.*urealistisk"),
        ({"forandringer-cirkel": "   "}, {}, "'forandringer-cirkel'.*'title.da' mangler eller er tom"),
    ],
)
def test_a_broken_edit_is_refused_with_the_loaders_reason_and_nothing_is_written(
    tmp_path, followup, titles, minutes, reason
):
    with pytest.raises(UserError, match=f"Kopien kan ikke gemmes: Programfilen .*{reason}") as caught:
        save_program_copy(followup, tmp_path / "programs", "Min kopi", titles, minutes)
    assert caught.value.message("en").startswith("The copy cannot be saved: Program file")
    assert not (tmp_path / "programs").exists()


def test_a_saved_copy_loads_back_under_its_new_name(tmp_path, followup):
    path = save_program_copy(followup, tmp_path / "programs", "Kort opfølgning", {}, {"status-aftaler": 25})
    assert path.name == "kort-opfoelgning.toml"
    copy = load_program(path)
    assert copy.title.da == "Kort opfølgning"
    assert copy.id == "kort-opfoelgning"
    assert copy.minutes == followup.minutes - 10
    with pytest.raises(UserError, match="navn"):
        save_program_copy(followup, tmp_path / "programs", "  ", {}, {})
