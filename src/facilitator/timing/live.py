"""The day as it goes: planned, actual and expected clock times, and how far behind plan.

All times are minutes after local midnight of the day the session runs (they may pass
1440 if the day runs past midnight).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from facilitator.program import Schedule, ScheduledItem
from facilitator.timing.timer import RunState, StepRun


@dataclass(frozen=True)
class LiveStep:
    """One stop of the day: its plan, what happened, and what is expected now."""

    id: str
    planned_start: int
    planned_end: int
    skipped: bool
    state: RunState
    actual_start: float | None = None
    actual_end: float | None = None
    expected_start: float | None = None
    expected_end: float | None = None


@dataclass(frozen=True)
class LiveDay:
    steps: Mapping[str, LiveStep]
    #: Whole minutes behind plan (negative: ahead); None before the first step starts.
    delay: int | None
    #: Minutes the plan is moved to compare with a run on another day than the session's date.
    shift: float = 0.0

    def step(self, step_id: str) -> LiveStep | None:
        return self.steps.get(step_id)


def _round_minutes(value: float) -> int:
    # Half a minute or more counts: 12.5 min behind reads "13 min bagud".
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def live_day(
    schedule: Schedule,
    runs: Mapping[str, StepRun],
    elapsed: Callable[[str], float],
    target: Callable[[str], float],
    now: dt.datetime,
    session_date: dt.date | None = None,
    tz: dt.tzinfo | None = None,
) -> LiveDay:
    """Compare the plan with the runs so far, at wall time `now`.

    `elapsed` and `target` give a step's seconds run and seconds planned (with extensions)
    as the running timer sees them. A run on another day than `session_date` (a rehearsal,
    or a date that was never set right) is compared with the plan moved to its own start.
    """
    stops: list[ScheduledItem] = schedule.stops()
    started = [runs[stop.id] for stop in stops if stop.id in runs and runs[stop.id].started_at is not None]
    if not started:
        return LiveDay({stop.id: _plain(stop, runs) for stop in stops}, None)

    def local(moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(tz)

    first_start = local(min(run.started_at for run in started if run.started_at is not None))
    # The day being run is the day of the latest start: a session resumed on a later day
    # (or the demo opened today) is measured from where it resumed, not from months ago.
    latest_start = local(max(run.started_at for run in started if run.started_at is not None))
    run_day = latest_start.date()
    midnight = dt.datetime.combine(run_day, dt.time(), latest_start.tzinfo)

    def minutes_of_day(moment: dt.datetime) -> float:
        return (local(moment) - midnight).total_seconds() / 60

    def clock_minutes(moment: dt.datetime) -> float:
        """Minutes after midnight of the moment's own day, for showing it."""
        moment = local(moment)
        return moment.hour * 60 + moment.minute + moment.second / 60

    shift = 0.0
    if run_day != first_start.date() or (session_date is not None and run_day != session_date):
        # Moved plan: the first step started on the run day starts on plan.
        started_that_day = [
            stop for stop in stops if (at := runs.get(stop.id, _IDLE).started_at) and local(at).date() == run_day
        ]
        first_today = min(started_that_day, key=lambda stop: runs[stop.id].started_at)
        shift = minutes_of_day(runs[first_today.id].started_at) - first_today.start

    now_minutes = minutes_of_day(now)
    live = next((stop for stop in stops if runs.get(stop.id, _IDLE).state in _UNDER_WAY), None)
    last_done = max(
        (index for index, stop in enumerate(stops) if runs.get(stop.id, _IDLE).state is RunState.FINISHED),
        default=-1,
    )
    if live is not None:
        live_end = now_minutes + max(0.0, target(live.id) - elapsed(live.id)) / 60
        live_index = stops.index(live)
        delay = live_end - (live.end + shift)
        if live_index < last_done:
            # A step done earlier is being run again: the day goes on with the first step not
            # yet done, so that is what the clock is measured against.
            upcoming = next((stop for stop in stops[last_done + 1 :] if not stop.skipped), None)
            if upcoming is not None:
                delay = live_end - (upcoming.start + shift)
        cursor, after = live_end, live_index + 1
    else:
        upcoming = next((stop for stop in stops[last_done + 1 :] if not stop.skipped), None)
        day_over = local(now).date() != run_day and last_done >= 0
        if upcoming is not None and not day_over:
            delay = now_minutes - (upcoming.start + shift)
            cursor, after = now_minutes, stops.index(upcoming)
        else:
            # The day is done (or was left unfinished on an earlier day): keep the figure it
            # ended with rather than counting the days since.
            last = stops[last_done]
            finished_at = runs[last.id].finished_at
            assert finished_at is not None
            delay = minutes_of_day(finished_at) - (last.end + shift)
            cursor, after = minutes_of_day(finished_at), len(stops)

    result: dict[str, LiveStep] = {}
    for index, stop in enumerate(stops):
        run = runs.get(stop.id, _IDLE)
        actual_start = clock_minutes(run.started_at) if run.started_at else None
        actual_end = clock_minutes(run.finished_at) if run.finished_at else None
        expected_start = expected_end = None
        if stop is live:
            expected_start, expected_end = actual_start, cursor
        elif index >= after and not stop.skipped and run.state is not RunState.FINISHED:
            expected_start, expected_end = cursor, cursor + stop.minutes
            cursor = expected_end
        result[stop.id] = LiveStep(
            stop.id,
            stop.start,
            stop.end,
            stop.skipped,
            run.state,
            actual_start,
            actual_end,
            expected_start,
            expected_end,
        )
    return LiveDay(result, _round_minutes(delay), shift)


_IDLE = StepRun("")
_UNDER_WAY = (RunState.RUNNING, RunState.PAUSED)


def _plain(stop: ScheduledItem, runs: Mapping[str, StepRun]) -> LiveStep:
    return LiveStep(stop.id, stop.start, stop.end, stop.skipped, runs.get(stop.id, _IDLE).state)
