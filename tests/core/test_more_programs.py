"""The programs beside the method's full day: LIFE ACT's partnership meeting and the follow-up."""

from __future__ import annotations

import pytest

from facilitator.paths import programs_dir
from facilitator.program import WORKSPACES, Part, build_schedule, format_clock, load_program
from tests.core.guide import GUIDE_QUESTIONS

#: The programme slide of LIFE ACT's partnership meeting at Hotel Nyborg Strand, 27 April
#: 2026, as it stands (the seed is not in the repository): clock time and item.
LIFE_ACT_SEED = (
    ("10:00", "Velkomst og rammesætning for dagen"),
    ("10:15", "Masterclass i samskabelse"),
    ("13:00", "Frokost (vegetarisk) og pause"),
    ("13:45", "Status ved projektledelsen"),
    ("14:05", "Fælles foto"),
    ("14:15", "Status fra arbejdspakkerne: WP4, WP5, WP6, WP7"),
    ("14:45", "Kaffepause"),
    ("15:00", "Status fra arbejdspakker: WP2, WP8, WP9, WP10, WP11"),
    ("15:40", "Afrunding på mødets faglige del"),
)


@pytest.fixture(scope="module")
def life_act():
    return load_program(programs_dir() / "life-act-partnerskabsmoede.toml")


@pytest.fixture(scope="module")
def followup():
    return load_program(programs_dir() / "opfoelgningsmoede.toml")


def test_every_bundled_program_loads_with_english_titles():
    paths = sorted(programs_dir().glob("*.toml"))
    assert {path.name for path in paths} >= {
        "partnerskab-for-baeredygtig-omstilling.toml",
        "life-act-partnerskabsmoede.toml",
        "opfoelgningsmoede.toml",
    }
    for path in paths:
        program = load_program(path)
        assert program.description is not None, path.name
        assert program.description.en, path.name
        for _item, step in program.stops():
            assert step.workspace in WORKSPACES
            assert step.title.en, (path.name, step.id)


def test_life_act_from_ten_keeps_every_clock_time_of_the_seed(life_act):
    schedule = build_schedule(life_act, "10:00")
    # The seed's program lists each part and break, and the coffee break inside the
    # work-package status; the stops carry the steps the part is made of.
    starts = {format_clock(item.start) for item in schedule.items} | {
        format_clock(stop.start) for stop in schedule.stops()
    }
    for clock, what in LIFE_ACT_SEED:
        assert clock in starts, (clock, what)
    starts_of = [(format_clock(item.start), item.title.da) for item in schedule.items if item.kind in ("part", "break")]
    assert starts_of == [
        ("10:00", "Velkomst og rammesætning for dagen"),
        ("10:15", "Masterclass i samskabelse"),
        ("13:00", "Frokost (vegetarisk) og pause"),
        ("13:45", "Status ved projektledelsen"),
        ("14:05", "Fælles foto"),
        ("14:15", "Status fra arbejdspakkerne"),
        ("15:40", "Afrunding på mødets faglige del"),
    ]
    work_packages = [(format_clock(s.start), s.title.da) for s in schedule.items[5].steps]
    assert work_packages == [
        ("14:15", "WP4, WP5, WP6, WP7"),
        ("14:45", "Kaffepause"),
        ("15:00", "WP2, WP8, WP9, WP10, WP11"),
    ]
    assert schedule.items[5].steps[1].kind == "break"
    assert format_clock(schedule.end) == "16:00"


def test_life_act_status_items_open_the_status_board(life_act):
    status_steps = [step.id for _item, step in life_act.stops() if step.workspace == "status"]
    assert status_steps == ["projektledelsen-status", "arbejdspakker-wp4-wp7", "arbejdspakker-wp2-wp11"]


def test_followup_takes_about_two_and_a_half_hours_in_the_guides_order(followup):
    assert 140 <= followup.minutes <= 160
    workspaces = [step.workspace for _item, step in followup.stops() if not step.is_break]
    order = ["form:ambition", "status", "circle:change", "review:change", "next-steps", "closing"]
    positions = [workspaces.index(name) for name in order]
    assert positions == sorted(positions), workspaces
    assert all(isinstance(item, Part) for item in followup.items)


def test_followup_keeps_the_guides_words_and_says_what_is_ours(followup):
    steps = {step.workspace: step for _item, step in followup.stops()}
    ambition = steps["form:ambition"].instruction.da
    assert "Vil partnerskabet kræve, at vores organisationer forandrer sig?" in ambition
    assert "Er vores partnerskab godt timet?" in ambition
    circle = steps["circle:change"].instruction.da
    for question in GUIDE_QUESTIONS["change"][1:]:
        assert question in circle
    assert "Med partnerskabet drømmer jeg om at forandre…" in circle
    assert "Hvem gør hvad, hvor meget og hvornår?" in steps["next-steps"].instruction.da
    description = followup.description.da
    assert "praksisvejledningens egne" in description
    assert "vores tilrettelæggelse" in description
    assert "praktikaliteter" in steps["session"].instruction.da


def test_followup_schedule_from_one_ends_at_half_past_three(followup):
    schedule = build_schedule(followup, "13:00")
    assert format_clock(schedule.end) == "15:30"
    assert [format_clock(item.start) for item in schedule.items] == [
        "13:00",
        "13:10",
        "13:30",
        "14:15",
        "14:50",
        "15:15",
    ]
