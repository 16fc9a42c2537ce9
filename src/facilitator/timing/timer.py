"""The step timer: one countdown per step, kept as a log of what happened and when.

Every start, pause, resume, finish, extension and reset is an event with its wall-clock
time and the seconds the step had run by then. The log is stored as it happens, so a
crash or a sleeping laptop never stops the workshop's clock: on reopening, a running step
has run for as long as really passed. While the app runs, time is measured on the steady
clock rather than by counting ticks, so a seven-hour day does not drift.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum

from facilitator.text import Text
from facilitator.timing.clock import Clock

START, PAUSE, RESUME, FINISH, EXTEND, RESET = "start", "pause", "resume", "finish", "extend", "reset"
EVENT_KINDS = (START, PAUSE, RESUME, FINISH, EXTEND, RESET)

#: How much more the wall clock may have moved than the steady clock before the timer
#: concludes the computer was asleep and trusts the wall clock.
SLEEP_TOLERANCE = 5.0
DEFAULT_WARNING_SECONDS = 120


class RunState(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Phase(Enum):
    """How a countdown looks: calm, nearly done, or past its time."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERRUN = "overrun"
    FINISHED = "finished"


@dataclass(frozen=True)
class TimerEvent:
    """Something the facilitator did to a step's timer."""

    step_id: str
    kind: str
    at: dt.datetime
    elapsed: float
    amount: float = 0.0


@dataclass(frozen=True)
class StepRun:
    """What a step's timer has done so far, rebuilt from its events."""

    step_id: str
    state: RunState = RunState.IDLE
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    #: Seconds run up to the last event.
    elapsed: float = 0.0
    #: When the current running stretch began (None unless running).
    running_since: dt.datetime | None = None
    #: Seconds added with +1 min / +5 min.
    extra: float = 0.0
    #: (paused at, resumed at or None while still paused)
    pauses: tuple[tuple[dt.datetime, dt.datetime | None], ...] = ()

    def elapsed_at(self, now: dt.datetime) -> float:
        """Seconds run by `now`, trusting the wall clock for the open stretch."""
        if self.state is RunState.RUNNING and self.running_since is not None:
            return self.elapsed + max(0.0, (now - self.running_since).total_seconds())
        return self.elapsed

    def apply(self, event: TimerEvent) -> StepRun:
        """The run after `event`; events that make no sense in the current state change nothing."""
        kind, state = event.kind, self.state
        if kind == RESET:
            return StepRun(self.step_id)
        if kind == EXTEND:
            return replace(self, extra=self.extra + event.amount) if state is not RunState.IDLE else self
        if kind in (START, RESUME) and state is not RunState.RUNNING:
            pauses = self.pauses
            if state is RunState.PAUSED and pauses and pauses[-1][1] is None:
                pauses = (*pauses[:-1], (pauses[-1][0], event.at))
            return replace(
                self,
                state=RunState.RUNNING,
                started_at=self.started_at or event.at,
                finished_at=None,
                elapsed=event.elapsed,
                running_since=event.at,
                pauses=pauses,
            )
        if kind == PAUSE and state is RunState.RUNNING:
            return replace(
                self,
                state=RunState.PAUSED,
                elapsed=event.elapsed,
                running_since=None,
                pauses=(*self.pauses, (event.at, None)),
            )
        if kind == FINISH and state in (RunState.RUNNING, RunState.PAUSED):
            pauses = self.pauses
            if pauses and pauses[-1][1] is None:
                pauses = (*pauses[:-1], (pauses[-1][0], event.at))
            elapsed = event.elapsed if state is RunState.RUNNING else self.elapsed
            return replace(
                self, state=RunState.FINISHED, finished_at=event.at, elapsed=elapsed, running_since=None, pauses=pauses
            )
        return self


def replay(events: Iterable[TimerEvent]) -> dict[str, StepRun]:
    """Every step's run, from its events in the order they happened."""
    runs: dict[str, StepRun] = {}
    for event in events:
        if event.kind not in EVENT_KINDS:
            continue
        runs[event.step_id] = runs.get(event.step_id, StepRun(event.step_id)).apply(event)
    return runs


def format_countdown(seconds: float) -> str:
    """'MM:SS' (or 'H:MM:SS') left; past zero, the overrun with a minus sign: '−01:30'."""
    if seconds > 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "−" if whole > 0 else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_delay(minutes: int | None) -> Text:
    """'12 min bagud', '3 min foran' or 'Til tiden'."""
    if minutes is None:
        return Text("Ikke startet", "Not started")
    if minutes > 0:
        return Text(f"{minutes} min bagud", f"{minutes} min behind")
    if minutes < 0:
        return Text(f"{-minutes} min foran", f"{-minutes} min ahead")
    return Text("Til tiden", "On time")


@dataclass
class _Anchor:
    monotonic: float
    wall: dt.datetime
    elapsed: float


class Timekeeper:
    """The timers of one session: at most one step runs (or is paused) at a time.

    `record` is called with every new event so it can be stored at once; `planned` gives a
    step's planned seconds.
    """

    def __init__(
        self,
        clock: Clock,
        planned: Callable[[str], float],
        events: Iterable[TimerEvent] = (),
        record: Callable[[TimerEvent], None] = lambda event: None,
    ) -> None:
        self._clock = clock
        self._planned = planned
        self._record = record
        ordered = list(events)
        self._runs = replay(ordered)
        self._live: str | None = None
        self._anchor: _Anchor | None = None
        for event in reversed(ordered):
            run = self._runs.get(event.step_id)
            if run is not None and run.state in (RunState.RUNNING, RunState.PAUSED):
                self._live = event.step_id
                break
        live = self.live_run
        if live is not None and live.state is RunState.RUNNING:
            now = clock.wall()
            self._anchor = _Anchor(clock.monotonic(), now, live.elapsed_at(now))

    # Reading ----------------------------------------------------------------------

    @property
    def live_step_id(self) -> str | None:
        """The step whose timer is running or paused."""
        return self._live

    @property
    def live_run(self) -> StepRun | None:
        return self._runs.get(self._live) if self._live else None

    def run(self, step_id: str) -> StepRun:
        return self._runs.get(step_id, StepRun(step_id))

    def runs(self) -> Mapping[str, StepRun]:
        return dict(self._runs)

    def is_running(self) -> bool:
        run = self.live_run
        return run is not None and run.state is RunState.RUNNING

    def elapsed(self, step_id: str) -> float:
        """Seconds the step has run, measured on the steady clock while it runs."""
        run = self.run(step_id)
        if step_id == self._live and run.state is RunState.RUNNING and self._anchor is not None:
            steady = self._clock.monotonic() - self._anchor.monotonic
            wall = (self._clock.wall() - self._anchor.wall).total_seconds()
            passed = wall if wall - steady > SLEEP_TOLERANCE else steady
            return self._anchor.elapsed + max(0.0, passed)
        return run.elapsed

    def target(self, step_id: str) -> float:
        """The seconds the countdown runs: the planned minutes plus any extension."""
        return self._planned(step_id) + self.run(step_id).extra

    def remaining(self, step_id: str) -> float:
        """Seconds left; negative once the step runs over."""
        return self.target(step_id) - self.elapsed(step_id)

    def phase(self, step_id: str, warning_seconds: float = DEFAULT_WARNING_SECONDS) -> Phase:
        state = self.run(step_id).state
        if state is RunState.IDLE:
            return Phase.IDLE
        if state is RunState.FINISHED:
            return Phase.FINISHED
        remaining = self.remaining(step_id)
        if remaining <= 0:
            return Phase.OVERRUN
        if remaining <= warning_seconds:
            return Phase.WARNING
        return Phase.PAUSED if state is RunState.PAUSED else Phase.RUNNING

    # Acting -----------------------------------------------------------------------

    def _emit(self, step_id: str, kind: str, amount: float = 0.0) -> None:
        event = TimerEvent(step_id, kind, self._clock.wall(), round(self.elapsed(step_id), 3), amount)
        self._runs[step_id] = self.run(step_id).apply(event)
        run = self._runs[step_id]
        if run.state is RunState.RUNNING:
            self._live = step_id
            if kind in (START, RESUME):
                self._anchor = _Anchor(self._clock.monotonic(), event.at, run.elapsed)
        elif run.state is RunState.PAUSED:
            self._live = step_id
            self._anchor = None
        elif step_id == self._live:
            self._live = None
            self._anchor = None
        self._record(event)

    def start(self, step_id: str) -> None:
        """Run `step_id`'s timer, closing any other step that is under way."""
        if self._live and self._live != step_id:
            self.finish()
        run = self.run(step_id)
        if run.state is RunState.RUNNING:
            return
        self._emit(step_id, START if run.state is RunState.IDLE else RESUME)

    def pause(self) -> None:
        if self.is_running():
            assert self._live is not None
            self._emit(self._live, PAUSE)

    def toggle(self, step_id: str) -> None:
        """Space: pause the running step, resume a paused one, or start `step_id`."""
        if self.is_running():
            self.pause()
        elif self._live is not None:
            self.start(self._live)
        else:
            self.start(step_id)

    def finish(self) -> None:
        """Close the step under way."""
        if self._live is not None:
            self._emit(self._live, FINISH)

    def advance(self, next_step_id: str | None) -> None:
        """'Next step': close the step under way and start the next one's timer."""
        self.finish()
        if next_step_id is not None:
            self.start(next_step_id)

    def extend(self, seconds: float, step_id: str | None = None) -> None:
        """Give the step (by default the one under way) more time."""
        target = step_id or self._live
        if target is not None and self.run(target).state is not RunState.IDLE:
            self._emit(target, EXTEND, seconds)

    def reset(self, step_id: str) -> None:
        """Forget the step's run, as if it had not started."""
        if self.run(step_id).state is not RunState.IDLE:
            self._emit(step_id, RESET)
