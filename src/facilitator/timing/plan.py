"""The facilitator's changes to the day: other minutes, skipped steps, a moved lunch.

The program file stays untouched; a `DayPlan` is stored with the session and laid over the
program snapshot whenever the schedule is built.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitator.program import Break, Part, Program, Schedule, build_schedule
from facilitator.program.loader import MAX_STEP_MINUTES

#: `DayPlan.break_after` value for a break moved to the very start of the day.
AT_START = ""


@dataclass(frozen=True)
class DayPlan:
    """How today's run differs from the program."""

    minutes: Mapping[str, int] = field(default_factory=dict)
    skipped: frozenset[str] = frozenset()
    #: Top-level break id -> id of the part it now follows (AT_START for the very start).
    break_after: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.minutes or self.skipped or self.break_after)


def valid_minutes(minutes: int) -> bool:
    """Whether a step may be planned with this many minutes."""
    return isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= MAX_STEP_MINUTES


def apply_plan(program: Program, plan: DayPlan) -> Program:
    """The program as the day will run it: changed minutes and moved breaks, skips kept in place.

    Changes that name steps the program does not have are ignored, so a plan can never
    break a session.
    """
    items: list[Part | Break] = []
    for item in program.items:
        if isinstance(item, Part):
            steps = tuple(
                dataclasses.replace(step, minutes=plan.minutes[step.id])
                if valid_minutes(plan.minutes.get(step.id, 0))
                else step
                for step in item.steps
            )
            items.append(dataclasses.replace(item, steps=steps))
        else:
            minutes = plan.minutes.get(item.id, 0)
            items.append(dataclasses.replace(item, minutes=minutes) if valid_minutes(minutes) else item)
    part_ids = {item.id for item in items if isinstance(item, Part)}
    for break_id, after in plan.break_after.items():
        moving = next((item for item in items if isinstance(item, Break) and item.id == break_id), None)
        if moving is None or (after != AT_START and after not in part_ids):
            continue
        items.remove(moving)
        index = 0 if after == AT_START else next(i for i, item in enumerate(items) if item.id == after) + 1
        items.insert(index, moving)
    return dataclasses.replace(program, items=tuple(items))


def plan_schedule(program: Program, plan: DayPlan, start: int | str) -> Schedule:
    """The schedule of the day with the facilitator's changes applied."""
    return build_schedule(apply_plan(program, plan), start, plan.skipped)


def planned_program(program: Program, plan: DayPlan) -> Program:
    """The day's program as a reusable program: changes applied, skipped steps left out.

    A part whose steps were all skipped is left out too. The result has no source text;
    `facilitator.program.writer` turns it into a program file.
    """
    adjusted = apply_plan(program, plan)
    items: list[Part | Break] = []
    for item in adjusted.items:
        if isinstance(item, Part):
            steps = tuple(step for step in item.steps if step.id not in plan.skipped)
            if steps:
                items.append(dataclasses.replace(item, steps=steps))
        elif item.id not in plan.skipped:
            items.append(item)
    return dataclasses.replace(adjusted, items=tuple(items), source_name="", source_text="")
