"""The step timer with a fake clock: countdown, pause, overrun, next step, crash and sleep."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.timing import (
    ManualClock,
    Phase,
    RunState,
    Timekeeper,
    TimerEvent,
    format_countdown,
    format_delay,
    replay,
)

PLANNED = {"a": 10 * 60, "b": 5 * 60, "c": 20 * 60}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC))


def keeper(clock: ManualClock, events: list[TimerEvent] | None = None) -> tuple[Timekeeper, list[TimerEvent]]:
    log = [] if events is None else events
    return Timekeeper(clock, PLANNED.__getitem__, list(log), log.append), log


def test_countdown_runs_from_the_planned_minutes(clock):
    timer, _ = keeper(clock)
    timer.start("a")
    assert timer.remaining("a") == 600
    clock.advance(61.5)
    assert timer.remaining("a") == pytest.approx(538.5)
    assert format_countdown(timer.remaining("a")) == "08:59"


def test_pause_stops_the_countdown_and_resume_continues(clock):
    timer, log = keeper(clock)
    timer.start("a")
    clock.advance(100)
    timer.pause()
    clock.advance(300)
    assert timer.elapsed("a") == pytest.approx(100)
    assert timer.phase("a") is Phase.PAUSED
    timer.toggle("a")
    clock.advance(50)
    assert timer.elapsed("a") == pytest.approx(150)
    assert [event.kind for event in log] == ["start", "pause", "resume"]
    run = timer.run("a")
    assert run.pauses == ((clock.wall() - dt.timedelta(seconds=350), clock.wall() - dt.timedelta(seconds=50)),)


def test_warning_then_overrun_counts_on_past_zero(clock):
    timer, _ = keeper(clock)
    timer.start("b")
    clock.advance(PLANNED["b"] - 121)
    assert timer.phase("b") is Phase.RUNNING
    clock.advance(2)
    assert timer.phase("b", warning_seconds=120) is Phase.WARNING
    assert timer.phase("b", warning_seconds=60) is Phase.RUNNING
    clock.advance(119 + 90)
    assert timer.phase("b") is Phase.OVERRUN
    assert format_countdown(timer.remaining("b")) == "−01:30"


def test_extend_adds_to_the_countdown(clock):
    timer, log = keeper(clock)
    timer.extend(60, "a")
    assert log == [], "an idle step cannot be extended"
    timer.start("a")
    clock.advance(600)
    timer.extend(5 * 60)
    assert timer.remaining("a") == pytest.approx(300)
    assert timer.phase("a") is Phase.RUNNING


def test_next_step_closes_the_current_and_starts_the_next(clock):
    timer, log = keeper(clock)
    timer.start("a")
    clock.advance(500)
    timer.advance("b")
    assert timer.run("a").state is RunState.FINISHED
    assert timer.run("a").elapsed == pytest.approx(500)
    assert timer.live_step_id == "b"
    assert timer.is_running()
    assert [(event.step_id, event.kind) for event in log] == [("a", "start"), ("a", "finish"), ("b", "start")]


def test_starting_another_step_finishes_a_paused_one(clock):
    timer, _ = keeper(clock)
    timer.start("a")
    clock.advance(30)
    timer.pause()
    timer.start("c")
    assert timer.run("a").state is RunState.FINISHED
    assert timer.run("a").pauses[-1][1] is not None
    assert timer.live_step_id == "c"


def test_reset_forgets_the_run(clock):
    timer, _ = keeper(clock)
    timer.start("a")
    clock.advance(30)
    timer.reset("a")
    assert timer.run("a").state is RunState.IDLE
    assert timer.live_step_id is None
    assert timer.remaining("a") == 600


def test_no_drift_over_a_seven_hour_day(clock):
    timer, _ = keeper(clock)
    timer.start("c")
    # Thousands of irregular "ticks" must not add up errors: elapsed is read, not summed.
    for _ in range(7 * 3600 * 3):
        clock.advance(1 / 3)
        timer.remaining("c")
    assert timer.elapsed("c") == pytest.approx(7 * 3600, abs=1e-6)


def test_crash_and_reopen_mid_step_shows_the_time_that_really_passed(clock):
    timer, log = keeper(clock)
    timer.start("a")
    clock.advance(120)
    timer.pause()
    clock.advance(60)
    timer.toggle("a")
    clock.advance(200)
    del timer  # the app dies; only the stored events remain
    clock.advance(240)  # ... and takes four minutes to come back
    reopened, _ = keeper(clock, list(log))
    assert reopened.live_step_id == "a"
    assert reopened.is_running()
    assert reopened.elapsed("a") == pytest.approx(120 + 200 + 240)
    clock.advance(10)
    assert reopened.elapsed("a") == pytest.approx(570)


def test_reopen_with_a_paused_step_keeps_it_paused(clock):
    timer, log = keeper(clock)
    timer.start("b")
    clock.advance(42)
    timer.pause()
    clock.advance(1000)
    reopened, _ = keeper(clock, list(log))
    assert reopened.live_step_id == "b"
    assert reopened.phase("b") is Phase.PAUSED
    assert reopened.elapsed("b") == pytest.approx(42)


def test_a_sleeping_laptop_does_not_stop_the_timer(clock):
    timer, _ = keeper(clock)
    timer.start("c")
    clock.advance(60)
    clock.sleep(600)  # lid closed: the steady clock may stand still, the wall clock does not
    assert timer.elapsed("c") == pytest.approx(660)


def test_small_wall_clock_corrections_do_not_move_the_timer(clock):
    timer, _ = keeper(clock)
    timer.start("a")
    clock.advance(100)
    clock.sleep(2)  # an NTP nudge, not a sleep
    assert timer.elapsed("a") == pytest.approx(100)


def test_replay_ignores_events_that_make_no_sense():
    at = dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC)
    runs = replay(
        [
            TimerEvent("a", "pause", at, 0),
            TimerEvent("a", "finish", at, 0),
            TimerEvent("a", "bogus", at, 0),
            TimerEvent("a", "start", at, 0),
            TimerEvent("a", "start", at + dt.timedelta(seconds=5), 5),
        ]
    )
    assert runs["a"].state is RunState.RUNNING
    assert runs["a"].running_since == at


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (600, "10:00"),
        (599.2, "10:00"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-0.6, "00:00"),
        (-61, "−01:01"),
        (3725, "1:02:05"),
    ],
)
def test_countdown_format(seconds, shown):
    assert format_countdown(seconds) == shown


def test_delay_wording():
    assert format_delay(12).get("da") == "12 min bagud"
    assert format_delay(-3).get("en") == "3 min ahead"
    assert format_delay(0).get("da") == "Til tiden"
    assert format_delay(None).get("da") == "Ikke startet"
