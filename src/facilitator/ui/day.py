"""The running day of one open session: timers, plan changes and the live schedule, for every view.

The timer bar, the agenda and the projector all read from one `DayController`, so they can
never disagree. It wakes up only when the shown second changes (or every few seconds while
a step is paused), which keeps an idle app with a running timer cheap.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.program import Part, Program, Schedule, Step
from facilitator.timing import (
    Clock,
    DayPlan,
    LiveDay,
    Phase,
    Timekeeper,
    TimerEvent,
    TimerSettings,
    apply_plan,
    live_day,
    plan_schedule,
)
from facilitator.ui.context import SessionContext

#: How often the live schedule is refreshed while no timer counts down (a paused step).
IDLE_REFRESH_MS = 15_000


class DayController(QObject):
    """Owns the session's timekeeper and day plan; tells every view when something changed."""

    #: The plan changed (minutes, skips, a moved break, the start time): rebuild the agenda.
    plan_changed = Signal()
    #: A timer was used, or the shown second (or the live schedule) may have moved.
    tick = Signal()
    #: The facilitator used a timer (start, pause, +minutes, reset, next step).
    timers_changed = Signal()
    #: The live step came within its warning time.
    warning_reached = Signal(str)
    #: The live step reached zero.
    time_up = Signal(str)

    def __init__(self, context: SessionContext, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.operations = context.operations()
        self.clock = clock
        self.settings = TimerSettings.from_state(context.store.get_state)
        self._unsaved: list[TimerEvent] = []
        # While a timer action runs, its events are gathered and written together after it.
        self._acting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._plan = DayPlan()
        self._start_time = "09:00"
        self.reload_plan()
        store, session_id = context.store, context.session_id
        self.timekeeper = Timekeeper(clock, self.planned_seconds, store.timer_events(session_id), self._record)
        self._last_phase = self.phase(self.timekeeper.live_step_id) if self.timekeeper.live_step_id else Phase.IDLE
        self.live = self._compute_live()
        self._schedule_tick()

    # Plan -------------------------------------------------------------------------

    def reload_plan(self) -> None:
        """Read the plan and start time from the store and rebuild the schedule."""
        store, session_id = self.context.store, self.context.session_id
        self._plan = store.day_plan(session_id)
        session = store.get_session(session_id)
        self._start_time, self._date = session.start_time, session.date
        self.program: Program = apply_plan(self.context.program, self._plan)
        self.schedule: Schedule = plan_schedule(self.context.program, self._plan, self._start_time)

    @property
    def plan(self) -> DayPlan:
        return self._plan

    def planned_seconds(self, step_id: str) -> float:
        slot = self.schedule.slot(step_id)
        if slot is None:
            return 0.0
        if slot.skipped:
            found = self.program.find_step(step_id)
            return found[1].minutes * 60.0 if found else 0.0
        return slot.minutes * 60.0

    def step_ids(self) -> list[str]:
        return self.program.step_ids()

    def is_skipped(self, step_id: str) -> bool:
        return step_id in self._plan.skipped

    def find(self, step_id: str) -> tuple[Part | None, Step] | None:
        found = self.program.find_step(step_id)
        if found is None:
            return None
        item, step = found
        return (item if isinstance(item, Part) else None), step

    def _change_plan(self, action) -> None:
        def change() -> None:
            action()
            self.reload_plan()

        if self.operations.run(change).failed:
            return
        self.plan_changed.emit()
        self._after_change()

    def set_minutes(self, step_id: str, minutes: int | None) -> None:
        """Plan the step with other minutes today (None: the program's)."""
        original = self.context.program.find_step(step_id)
        if original is not None and minutes == original[1].minutes:
            minutes = None
        self._change_plan(lambda: self.context.store.set_step_minutes(self.context.session_id, step_id, minutes))

    def set_skipped(self, step_id: str, skipped: bool) -> None:
        self._change_plan(lambda: self.context.store.set_step_skipped(self.context.session_id, step_id, skipped))

    def place_break(self, break_id: str, after_id: str | None) -> None:
        self._change_plan(lambda: self.context.store.place_break(self.context.session_id, break_id, after_id))

    # Timers -----------------------------------------------------------------------

    def _record(self, event: TimerEvent) -> None:
        self._unsaved.append(event)
        if not self._acting:
            self._save_pending()

    def _save_pending(self, current_step_id: str | None = None) -> bool:
        """Write the gathered events (and the step the session moves to); False if that failed."""
        # A failed save (full disk, read-only folder) keeps the events and tries again at the
        # next tick: the workshop's timings are never silently dropped.
        if not self._unsaved and current_step_id is None:
            return True
        store, session_id = self.context.store, self.context.session_id
        pending = list(self._unsaved)
        saved = self.operations.run(
            lambda: store.add_timer_events(session_id, pending, current_step_id=current_step_id)
        )
        if saved.failed:
            return False
        del self._unsaved[: len(pending)]
        return True

    @property
    def unsaved_events(self) -> int:
        return len(self._unsaved)

    def _act(self, action, current_step_id: str | None = None) -> bool:
        self._acting = True
        try:
            action()
        finally:
            self._acting = False
        # Næste trin ends one step and starts the next: one transaction for both events,
        # and for the step the window moves to when the caller names it.
        saved = self._save_pending(current_step_id)
        self._after_change()
        self.timers_changed.emit()
        return saved

    def toggle(self, step_id: str) -> None:
        """Start/pause: pause a running step, resume a paused one, or start `step_id`."""
        self._act(lambda: self.timekeeper.toggle(step_id))

    def start(self, step_id: str) -> None:
        self._act(lambda: self.timekeeper.start(step_id))

    def pause(self) -> None:
        self._act(self.timekeeper.pause)

    def finish(self, current_step_id: str | None = None) -> bool:
        """Close the live step; with `current_step_id`, store that the session moves there too."""
        return self._act(self.timekeeper.finish, current_step_id)

    def advance(self, next_step_id: str | None, current_step_id: str | None = None) -> bool:
        """End the live step and start `next_step_id`; True when that (and `current_step_id`) is stored."""
        return self._act(lambda: self.timekeeper.advance(next_step_id), current_step_id)

    def extend(self, minutes: int, step_id: str | None = None) -> None:
        self._act(lambda: self.timekeeper.extend(minutes * 60, step_id))

    def reset(self, step_id: str) -> None:
        self._act(lambda: self.timekeeper.reset(step_id))

    @property
    def live_step_id(self) -> str | None:
        return self.timekeeper.live_step_id

    def phase(self, step_id: str) -> Phase:
        return self.timekeeper.phase(step_id, self.settings.warning_minutes * 60)

    def remaining(self, step_id: str) -> float:
        return self.timekeeper.remaining(step_id)

    # Refreshing -------------------------------------------------------------------

    def _compute_live(self) -> LiveDay:
        keeper = self.timekeeper
        return live_day(self.schedule, keeper.runs(), keeper.elapsed, keeper.target, self.clock.wall(), self._date)

    def _after_change(self) -> None:
        live = self.timekeeper.live_step_id
        self._last_phase = self.phase(live) if live else Phase.IDLE
        self.live = self._compute_live()
        self.tick.emit()
        self._schedule_tick()

    def refresh(self) -> None:
        """Re-read the clocks: signal a reached warning or zero, and let views redraw."""
        self._save_pending()
        live = self.timekeeper.live_step_id
        if live is not None:
            phase = self.phase(live)
            if phase is not self._last_phase:
                if phase is Phase.WARNING and self._last_phase is Phase.RUNNING:
                    self.warning_reached.emit(live)
                elif phase is Phase.OVERRUN and self._last_phase in (Phase.RUNNING, Phase.WARNING):
                    self.time_up.emit(live)
                self._last_phase = phase
        self.live = self._compute_live()
        self.tick.emit()
        self._schedule_tick()

    def _schedule_tick(self) -> None:
        keeper = self.timekeeper
        if keeper.is_running():
            assert keeper.live_step_id is not None
            remaining = keeper.remaining(keeper.live_step_id)
            # Wake exactly when the shown second changes, not on a blind 1 s beat.
            until_change = remaining - math.floor(remaining)
            self._timer.start(int(until_change * 1000) + 10 if until_change > 0.001 else 1000)
        elif self.live.delay is not None or self._unsaved:
            self._timer.start(IDLE_REFRESH_MS)
        else:
            self._timer.stop()

    def stop(self) -> None:
        """Stop waking up (the session is closing)."""
        self._timer.stop()
        self._save_pending()
