"""Clock times for a program: when each part, step and break starts and ends."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from facilitator.program.model import Part, Program
from facilitator.text import Text, UserError

MINUTES_PER_DAY = 24 * 60
_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_clock(value: str) -> int:
    """Minutes after midnight for 'HH:MM' (also 'H.MM'); raises UserError otherwise."""
    match = _CLOCK.match(value or "")
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
    raise UserError(
        Text(
            f"Ugyldigt klokkeslæt {value!r}; skriv det som TT:MM, fx 09:00.",
            f"Invalid time of day {value!r}; write it as HH:MM, e.g. 09:00.",
        )
    )


def format_clock(minutes: int) -> str:
    """'HH:MM' for minutes after midnight; a day that runs past midnight wraps."""
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class ScheduledItem:
    """A part, step or break placed on the clock (minutes after midnight)."""

    id: str
    kind: str
    title: Text
    minutes: int
    start: int
    steps: tuple[ScheduledItem, ...] = ()
    #: Left out of today's plan by the facilitator; it then takes no time.
    skipped: bool = False

    @property
    def end(self) -> int:
        return self.start + self.minutes

    def to_json(self, language: str = "da") -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "title": self.title.get(language),
            "minutes": self.minutes,
            "start": format_clock(self.start),
            "end": format_clock(self.end),
        }
        if self.skipped:
            data["skipped"] = True
        if self.kind == "part":
            data["steps"] = [step.to_json(language) for step in self.steps]
        return data


@dataclass(frozen=True)
class Schedule:
    """The whole day on the clock."""

    program: Program
    start: int
    items: tuple[ScheduledItem, ...]

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else self.start

    def stops(self) -> list[ScheduledItem]:
        """Every navigable step (and top-level break) in the order of the day."""
        return [step for item in self.items for step in (item.steps if item.kind == "part" else (item,))]

    def slot(self, step_id: str) -> ScheduledItem | None:
        """The scheduled step (or top-level break) with this id."""
        for item in self.items:
            if item.id == step_id and item.kind == "break":
                return item
            for step in item.steps:
                if step.id == step_id:
                    return step
        return None

    def to_json(self, language: str = "da") -> dict[str, object]:
        return {
            "program": self.program.title.get(language),
            "start": format_clock(self.start),
            "end": format_clock(self.end),
            "items": [item.to_json(language) for item in self.items],
        }


def build_schedule(program: Program, start: int | str = "09:00", skipped: Collection[str] = ()) -> Schedule:
    """Place every item of `program` on the clock, starting at `start`; `skipped` steps take no time."""
    first = parse_clock(start) if isinstance(start, str) else start
    clock = first
    items = []
    for item in program.items:
        if isinstance(item, Part):
            steps = []
            step_clock = clock
            for step in item.steps:
                left_out = step.id in skipped
                minutes = 0 if left_out else step.minutes
                steps.append(ScheduledItem(step.id, step.kind, step.title, minutes, step_clock, skipped=left_out))
                step_clock += minutes
            part_minutes = step_clock - clock
            all_out = bool(steps) and all(step.skipped for step in steps)
            items.append(ScheduledItem(item.id, "part", item.title, part_minutes, clock, tuple(steps), all_out))
            clock += part_minutes
        else:
            left_out = item.id in skipped
            minutes = 0 if left_out else item.minutes
            items.append(ScheduledItem(item.id, "break", item.title, minutes, clock, skipped=left_out))
            clock += minutes
    return Schedule(program, first, tuple(items))
