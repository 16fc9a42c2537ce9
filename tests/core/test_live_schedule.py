"""Adapting the day and comparing it with the plan: minutes, skips, moved lunch, ahead/behind."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.program import load_program_text
from facilitator.program.writer import dump_program
from facilitator.timing import (
    AT_START,
    DayPlan,
    ManualClock,
    Timekeeper,
    live_day,
    plan_schedule,
    planned_program,
)

SESSION_DAY = dt.date(2026, 4, 27)


def test_changing_a_steps_minutes_moves_everything_after_it(program):
    before = plan_schedule(program, DayPlan(), "09:00")
    after = plan_schedule(program, DayPlan(minutes={"indledning-kontekst": 12}), "09:00")
    assert after.slot("indledning-kontekst").minutes == 12
    assert after.slot("frokost").start == before.slot("frokost").start + 10
    assert after.end == before.end + 10


def test_skipping_a_step_takes_its_minutes_out_of_the_day(program):
    skipped = plan_schedule(program, DayPlan(skipped=frozenset({"introduktion-principper"})), "09:00")
    plain = plan_schedule(program, DayPlan(), "09:00")
    step = program.find_step("introduktion-principper")[1]
    assert skipped.slot("introduktion-principper").skipped
    assert skipped.slot("introduktion-principper").minutes == 0
    assert skipped.end == plain.end - step.minutes


def test_moving_lunch_reorders_the_day(program):
    plan = DayPlan(break_after={"frokost": "delsession-2"})
    schedule = plan_schedule(program, plan, "09:00")
    order = [item.id for item in schedule.items]
    assert order.index("frokost") == order.index("delsession-2") + 1
    assert schedule.slot("delsession-2-skabelon").start < schedule.slot("frokost").start
    assert schedule.end == plan_schedule(program, DayPlan(), "09:00").end


def test_lunch_can_move_to_the_start_and_bad_targets_are_ignored(program):
    first = plan_schedule(program, DayPlan(break_after={"frokost": AT_START}), "09:00")
    assert first.items[0].id == "frokost"
    unchanged = plan_schedule(program, DayPlan(break_after={"frokost": "no-such-part", "nope": "indledning"}), "09:00")
    assert [item.id for item in unchanged.items] == [item.id for item in program.items]


def test_changing_the_start_time_moves_the_whole_day(program):
    early = plan_schedule(program, DayPlan(), "08:30")
    assert early.slot("frokost").start == plan_schedule(program, DayPlan(), "09:00").slot("frokost").start - 30


def test_invalid_minutes_in_a_plan_are_ignored(program):
    schedule = plan_schedule(program, DayPlan(minutes={"indledning-kontekst": 0, "afrunding-skaal": 10_000}), "09:00")
    assert schedule.slot("indledning-kontekst").minutes == program.find_step("indledning-kontekst")[1].minutes


def test_saved_program_round_trips_with_the_changes(program):
    plan = DayPlan(
        minutes={"indledning-kontekst": 7},
        skipped=frozenset({"introduktion-principper"}),
        break_after={"frokost": "delsession-2"},
    )
    saved = planned_program(program, plan)
    text = dump_program(saved)
    loaded = load_program_text(text, "saved.toml")
    assert loaded.find_step("introduktion-principper") is None
    assert loaded.find_step("indledning-kontekst")[1].minutes == 7
    assert [item.id for item in loaded.items].index("frokost") == [item.id for item in loaded.items].index(
        "delsession-2"
    ) + 1
    assert dump_program(loaded) == text


def test_the_unchanged_program_round_trips_through_the_writer(program):
    loaded = load_program_text(dump_program(program), "copy.toml")
    assert loaded.items == program.items
    assert loaded.title == program.title
    assert loaded.description == program.description


# --- ahead or behind ----------------------------------------------------------------------


@pytest.fixture
def day(program):
    """A timekeeper on the default program, starting the clock at 09:00 UTC on the session day."""
    clock = ManualClock(dt.datetime(2026, 4, 27, 9, 0, tzinfo=dt.UTC))
    schedule = plan_schedule(program, DayPlan(), "09:00")
    planned = {stop.id: stop.minutes * 60 for stop in schedule.stops()}
    timer = Timekeeper(clock, planned.__getitem__)

    def live(date=SESSION_DAY):
        return live_day(schedule, timer.runs(), timer.elapsed, timer.target, clock.wall(), date, dt.UTC)

    return clock, schedule, timer, live


def test_no_delay_before_the_day_starts(day):
    _clock, _schedule, _timer, live = day
    assert live().delay is None


def test_on_time_when_steps_run_as_planned(day):
    clock, schedule, timer, live = day
    first, second = schedule.stops()[:2]
    timer.start(first.id)
    clock.advance(first.minutes * 60)
    timer.advance(second.id)
    assert live().delay == 0


def test_behind_when_a_step_overruns(day):
    clock, schedule, timer, live = day
    first = schedule.stops()[0]
    timer.start(first.id)
    clock.advance(first.minutes * 60 + 12 * 60)
    state = live()
    assert state.delay == 12
    following = schedule.stops()[1]
    assert state.step(following.id).expected_start == pytest.approx(following.start + 12)


def test_behind_when_the_day_starts_late(day):
    clock, schedule, timer, live = day
    clock.advance(20 * 60)
    timer.start(schedule.stops()[0].id)
    assert live().delay == 20


def test_ahead_when_steps_finish_early(day):
    clock, schedule, timer, live = day
    first, second = schedule.stops()[:2]
    timer.start(first.id)
    clock.advance(60)
    timer.finish()
    assert live().delay == -(first.minutes - 1)
    assert live().step(first.id).actual_end == pytest.approx(first.start + 1)
    timer.start(second.id)
    assert live().delay == -(first.minutes - 1)


def test_pausing_lets_the_delay_grow(day):
    clock, schedule, timer, live = day
    first = schedule.stops()[0]
    timer.start(first.id)
    timer.pause()
    clock.advance(first.minutes * 60 + 5 * 60)
    assert live().delay == first.minutes + 5


def test_a_rehearsal_on_another_day_is_compared_with_its_own_start(day):
    clock, schedule, timer, live = day
    clock.advance(3 * 3600)  # 12:00, three hours after the planned start
    timer.start(schedule.stops()[0].id)
    assert live(dt.date(2026, 5, 1)).delay == 0
    assert live().delay == 180


def test_finished_day_reports_the_final_difference(day):
    clock, schedule, timer, live = day
    stops = [stop for stop in schedule.stops()]
    for stop in stops:
        timer.start(stop.id)
        clock.advance(stop.minutes * 60 + 60)
    timer.finish()
    assert live().delay == len(stops)


def test_save_program_file_never_overwrites_and_loads_back(tmp_path, program):
    from facilitator.program import load_program
    from facilitator.program.writer import save_program_file, slug

    assert slug("Kystdag – tilpasset æøå!") == "kystdag-tilpasset-aeoeaa"
    plan = DayPlan(minutes={"indledning-kontekst": 5})
    first = save_program_file(planned_program(program, plan), tmp_path / "programs", "Kystdag tilpasset", "Gemt")
    second = save_program_file(planned_program(program, plan), tmp_path / "programs", "Kystdag tilpasset")
    assert first.name == "kystdag-tilpasset.toml"
    assert second.name == "kystdag-tilpasset-2.toml"
    loaded = load_program(first)
    assert loaded.title.da == "Kystdag tilpasset"
    assert loaded.id == "kystdag-tilpasset"
    assert loaded.find_step("indledning-kontekst")[1].minutes == 5
    assert first.read_text(encoding="utf-8").startswith("# Gemt\n")


def test_save_program_file_reports_an_unwritable_folder(tmp_path, program):
    from facilitator.program.writer import save_program_file
    from facilitator.text import UserError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="kunne ikke gemmes"):
        save_program_file(program, blocker / "programs", "X")
    with pytest.raises(UserError, match="titel"):
        save_program_file(program, tmp_path, "  ")


def test_a_day_left_unfinished_keeps_the_delay_it_ended_with(day):
    clock, schedule, timer, live = day
    first = schedule.stops()[0]
    timer.start(first.id)
    clock.advance(first.minutes * 60 + 4 * 60)
    timer.finish()
    clock.advance(30 * 24 * 3600)  # the session is opened again a month later
    assert live().delay == 4


def test_running_a_finished_step_again_is_measured_against_the_next_step(day):
    clock, schedule, timer, live = day
    first, second, third = schedule.stops()[:3]
    for stop in (first, second):
        timer.start(stop.id)
        clock.advance(stop.minutes * 60)
        timer.finish()
    timer.start(first.id)  # back to the first step for a moment
    timer.reset(first.id)
    timer.start(first.id)
    # The first step's planned minutes from now, then the day goes on with the third step.
    assert live().delay == round(first.minutes)
    assert live().step(third.id).expected_start == pytest.approx(third.start + first.minutes)


def test_a_day_with_everything_skipped_cannot_be_saved_as_a_program(tmp_path, program):
    from facilitator.program.writer import save_program_file
    from facilitator.text import UserError

    everything = frozenset(program.step_ids())
    with pytest.raises(UserError, match="kan ikke gemmes som program"):
        save_program_file(planned_program(program, DayPlan(skipped=everything)), tmp_path, "Tom")
    assert not list(tmp_path.iterdir())


def test_a_part_longer_than_a_step_may_be_saved(tmp_path, program):
    from facilitator.program import load_program
    from facilitator.program.writer import save_program_file

    steps = [step.id for step in program.parts[2].steps]
    long_day = DayPlan(minutes={steps[0]: 400, steps[1]: 400})
    path = save_program_file(planned_program(program, long_day), tmp_path, "Lang")
    assert load_program(path).parts[2].minutes > 480


def test_a_session_resumed_on_a_later_day_is_measured_from_where_it_resumed(day):
    clock, schedule, timer, live = day
    first, second, third = schedule.stops()[:3]
    timer.start(first.id)
    clock.advance(first.minutes * 60 + 3 * 60)
    timer.finish()
    clock.advance(200 * 24 * 3600)  # months later, the facilitator carries on
    timer.start(second.id)
    clock.advance(60)
    state = live()
    assert state.delay == 0
    assert state.step(first.id).actual_start == pytest.approx(first.start)  # its own day's clock
    assert state.step(third.id).expected_start == pytest.approx(state.step(second.id).actual_start + second.minutes)
