"""Running the day: step timers, the facilitator's changes to the plan, and the live schedule."""

from facilitator.timing.clock import Clock, ManualClock, SystemClock
from facilitator.timing.live import LiveDay, LiveStep, live_day
from facilitator.timing.plan import AT_START, DayPlan, apply_plan, plan_schedule, planned_program, valid_minutes
from facilitator.timing.settings import TimerSettings
from facilitator.timing.timer import (
    DEFAULT_WARNING_SECONDS,
    Phase,
    RunState,
    StepRun,
    Timekeeper,
    TimerEvent,
    format_countdown,
    format_delay,
    replay,
)

__all__ = [
    "AT_START",
    "DEFAULT_WARNING_SECONDS",
    "Clock",
    "DayPlan",
    "LiveDay",
    "LiveStep",
    "ManualClock",
    "Phase",
    "RunState",
    "StepRun",
    "SystemClock",
    "Timekeeper",
    "TimerEvent",
    "TimerSettings",
    "apply_plan",
    "format_countdown",
    "format_delay",
    "live_day",
    "plan_schedule",
    "planned_program",
    "replay",
    "valid_minutes",
]
