"""Session programs: the method's parts and steps as data, their validation and schedule."""

from facilitator.program.loader import ProgramError, load_program, load_program_text
from facilitator.program.model import (
    WORKSPACES,
    Break,
    Category,
    Item,
    Part,
    Program,
    Step,
)
from facilitator.program.schedule import Schedule, ScheduledItem, build_schedule, format_clock, parse_clock

__all__ = [
    "WORKSPACES",
    "Break",
    "Category",
    "Item",
    "Part",
    "Program",
    "ProgramError",
    "Schedule",
    "ScheduledItem",
    "Step",
    "build_schedule",
    "format_clock",
    "load_program",
    "load_program_text",
    "parse_clock",
]
