"""The method's program as data, its validation and its schedule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.paths import default_program_path
from facilitator.program import (
    WORKSPACES,
    Part,
    ProgramError,
    build_schedule,
    format_clock,
    load_program,
    load_program_text,
    parse_clock,
)
from facilitator.text import UserError

STEP_MINUTES = {
    "indledning": [2, 2, 2, 2, 2],
    "introduktion": [8, 5, 2],
    "delsession-1": [10, 30, 20, 15, 15, 30],
    "delsession-2": [10, 15, 20, 10, 15, 20],
    "delsession-3": [10, 20, 20, 10, 15, 15],
    "delsession-4": [5, 15],
    "afrunding": [5, 5, 5],
}


def test_program_has_the_seven_parts_with_the_guides_minutes(program):
    parts = program.parts
    assert [part.number for part in parts] == [1, 2, 3, 4, 5, 6, 7]
    assert [part.minutes for part in parts] == [10, 15, 120, 90, 90, 20, 15]
    assert [part.title.da for part in parts][2:6] == [
        "Hvad bliver vi partnere om?",
        "Hvordan bliver vi gode sammen?",
        "Hvordan skaber vi omstilling?",
        "Hvordan kommer vi videre?",
    ]


def test_every_step_has_the_guides_minutes_and_breaks_are_explicit(program):
    assert {part.id: [step.minutes for step in part.steps] for part in program.parts} == STEP_MINUTES
    for part_id in ("delsession-1", "delsession-2", "delsession-3"):
        part = next(part for part in program.parts if part.id == part_id)
        assert sum(step.is_break for step in part.steps) == 1, part_id


def test_lunch_is_an_hour_right_after_delsession_1(program):
    ids = [item.id for item in program.items]
    lunch_index = ids.index("frokost")
    assert ids[lunch_index - 1] == "delsession-1"
    assert program.items[lunch_index].minutes == 60
    assert program.minutes == 7 * 60


def test_sorting_steps_carry_the_methods_categories(program):
    boards = {step.workspace: [c.title.da for c in step.categories] for _, step in program.stops() if step.categories}
    assert boards == {
        "board:change": ["Fælles", "Forskelle", "Modsatrettede"],
        "board:contribution": ["Styrker", "Forhindringer", "Mangler"],
        "board:scaling": ["Branche/marked", "Samfund", "Partnerne"],
    }


def test_every_step_opens_a_known_workspace_and_has_an_instruction(program):
    for _, step in program.stops():
        assert step.workspace in WORKSPACES
        if not step.is_break:
            assert step.instruction is not None, step.id
            assert step.instruction.da, step.id
    used = {step.workspace for _, step in program.stops()}
    assert {"partners", "principles", "circle:change", "board:change", "form:ambition", "next-steps"} <= used


def test_texts_have_english_variants(program):
    for part in program.parts:
        assert part.title.en, part.id
        assert part.purpose is not None, part.id
        assert part.purpose.en, part.id
        for step in part.steps:
            assert step.title.en, step.id
    assert program.title.get("en") != program.title.get("da")


def test_schedule_from_nine_ends_at_four(program):
    schedule = build_schedule(program, "09:00")
    assert format_clock(schedule.start) == "09:00"
    assert format_clock(schedule.end) == "16:00"
    lunch = schedule.slot("frokost")
    assert (format_clock(lunch.start), format_clock(lunch.end)) == ("11:25", "12:25")


def test_schedule_steps_follow_each_other_and_fill_their_part(program):
    schedule = build_schedule(program, "08:30")
    previous_end = schedule.start
    for item in schedule.items:
        assert item.start == previous_end
        if item.kind == "part":
            assert item.steps[0].start == item.start
            assert item.steps[-1].end == item.end
            assert sum(step.minutes for step in item.steps) == item.minutes
        previous_end = item.end
    assert format_clock(schedule.end) == "15:30"


def test_schedule_json_contract(program):
    data = build_schedule(program, "09:00").to_json()
    assert set(data) == {"program", "start", "end", "items"}
    assert (data["start"], data["end"]) == ("09:00", "16:00")
    for item in data["items"]:
        assert item["kind"] in ("part", "break")
        assert re.fullmatch(r"\d\d:\d\d", item["start"])
        assert re.fullmatch(r"\d\d:\d\d", item["end"])
        if item["kind"] == "break":
            assert "steps" not in item
        else:
            assert item["minutes"] == sum(step["minutes"] for step in item["steps"])
            for step in item["steps"]:
                assert set(step) == {"kind", "title", "minutes", "start", "end"}
                assert step["kind"] in ("step", "break")


@pytest.mark.parametrize(("text", "minutes"), [("09:00", 540), ("9:05", 545), ("23.59", 1439), (" 00:00 ", 0)])
def test_parse_clock_accepts_common_forms(text, minutes):
    assert parse_clock(text) == minutes


@pytest.mark.parametrize("text", ["", "9", "24:00", "12:60", "ni", "12:5", "-1:00"])
def test_parse_clock_rejects_nonsense_with_a_message(text):
    with pytest.raises(UserError, match="TT:MM"):
        parse_clock(text)


def test_day_running_past_midnight_wraps_on_the_clock(program):
    assert format_clock(build_schedule(program, "20:00").end) == "03:00"


MINIMAL = """
format = "facilitator-program"
version = 1
[program]
id = "mini"
title = "Mini"
[[items]]
kind = "part"
id = "del-1"
number = 1
title = "Første del"
minutes = 15
[[items.steps]]
id = "trin-1"
title = "Trin"
minutes = 10
workspace = "session"
[[items.steps]]
id = "trin-2"
title = "Trin to"
minutes = 5
workspace = "partners"
[[items]]
kind = "break"
id = "frokost"
title = "Frokost"
minutes = 60
"""


def test_minimal_program_loads():
    program = load_program_text(MINIMAL, "mini.toml")
    assert isinstance(program.items[0], Part)
    assert program.step_ids() == ["trin-1", "trin-2", "frokost"]
    assert program.minutes == 75


BROKEN = {
    "bad toml": (MINIMAL.replace('title = "Mini"', 'title = "Mini'), "ugyldig TOML"),
    "missing minutes": (MINIMAL.replace("minutes = 10\n", ""), "'trin-1'.*'minutes' mangler"),
    "negative minutes": (MINIMAL.replace("minutes = 10", "minutes = -10"), "'trin-1'.*større end 0"),
    "zero minutes": (MINIMAL.replace("minutes = 10", "minutes = 0"), "'trin-1'.*større end 0"),
    "fractional minutes": (MINIMAL.replace("minutes = 10", "minutes = 10.5"), "'trin-1'.*helt antal"),
    "minutes as text": (MINIMAL.replace("minutes = 10", 'minutes = "10"'), "'trin-1'.*helt antal"),
    "minutes as bool": (MINIMAL.replace("minutes = 10", "minutes = true"), "'trin-1'.*helt antal"),
    "huge minutes": (MINIMAL.replace("minutes = 60", "minutes = 100000"), "'frokost'.*urealistisk"),
    "unknown workspace": (MINIMAL.replace('"partners"', '"whiteboard"'), "'trin-2'.*ukendt arbejdsflade"),
    "duplicate ids": (MINIMAL.replace('id = "trin-2"', 'id = "trin-1"'), "'trin-1' findes mere end én gang"),
    "part minutes disagree": (MINIMAL.replace("minutes = 15", "minutes = 20"), "'del-1'.*tilsammen 15"),
    "unknown kind": (MINIMAL.replace('kind = "break"', 'kind = "lunch"'), "items #2.*ukendt 'kind'"),
    "no items": (MINIMAL.split("[[items]]")[0], "ingen punkter"),
    "wrong format": (MINIMAL.replace("facilitator-program", "other"), "'format'"),
    "future version": (MINIMAL.replace("version = 1", "version = 9"), "formatversion 9"),
    "empty title": (MINIMAL.replace('title = "Trin to"', 'title = "  "'), "'trin-2'.*'title.da'"),
    "part without steps": (
        MINIMAL.replace("[[items.steps]]", "[[items.other]]"),
        "'del-1'.*ingen trin",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_program_gives_one_clear_line(case):
    text, expected = BROKEN[case]
    with pytest.raises(ProgramError) as caught:
        load_program_text(text, "mini.toml")
    message = caught.value.message()
    assert "\n" not in message
    assert message.startswith("Programfilen mini.toml")
    assert re.search(expected, message), message
    assert caught.value.message("en").startswith("Program file mini.toml")


def test_missing_and_undecodable_files_are_reported(tmp_path: Path):
    with pytest.raises(ProgramError, match="kan ikke læses"):
        load_program(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProgramError, match="ikke UTF-8"):
        load_program(binary)


def test_the_same_program_text_is_parsed_once_and_a_broken_one_is_refused_every_time():
    text = default_program_path().read_text(encoding="utf-8")
    assert load_program_text(text, "session") is load_program_text(text, "session")
    broken = text + "\n[[items]]\nkind = 'ukendt'\n"
    for _ in range(2):
        with pytest.raises(UserError):
            load_program_text(broken, "session")
