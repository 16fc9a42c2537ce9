"""What the store hands out: plain, frozen records of sessions, partners, circles and elements.

No SQLAlchemy, so widgets and exports can name these types (and the first look at the
reopened session can build them) without loading the ORM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from facilitator.conversation.action_status import ActionStatusEntry
from facilitator.conversation.next_steps import Action
from facilitator.program import Program, load_program_text


@dataclass(frozen=True)
class SessionSummary:
    """One line of the list of stored sessions."""

    id: int
    title: str
    date: dt.date | None
    venue: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class SessionData:
    """A session's own fields, including the program text it runs."""

    id: int
    title: str
    date: dt.date | None
    venue: str
    facilitator: str
    start_time: str
    program_name: str
    program_text: str
    current_step_id: str | None

    def program(self) -> Program:
        """The program snapshot this session runs, parsed and validated."""
        return load_program_text(self.program_text, self.program_name or "<session>")


@dataclass(frozen=True)
class ChecklistEntry:
    """One planning checklist item as the facilitator left it."""

    done: bool = False
    note: str = ""


@dataclass(frozen=True)
class PartnerData:
    """A partner as the UI and exports see it."""

    id: int
    session_id: int
    position: int
    name: str
    organisation: str
    role: str
    mandate: str
    why_now: str
    colour: str

    @property
    def display_name(self) -> str:
        """'Name (Organisation)', or whichever of the two is filled in."""
        if self.name and self.organisation:
            return f"{self.name} ({self.organisation})"
        return self.name or self.organisation


@dataclass(frozen=True)
class CircleData:
    """One partner's circle of one kind."""

    id: int
    session_id: int
    partner_id: int
    kind: str
    title: str
    position: int
    #: False while the circle is private to its partner (written on a device, not yet shown).
    revealed: bool = True


@dataclass(frozen=True)
class ElementData:
    """One element (a future post-it) as the UI, the board and the exports see it."""

    id: int
    session_id: int
    circle_id: int | None
    partner_id: int | None
    kind: str
    field: str | None
    position: int
    text: str
    category: str | None
    value_forms: frozenset[str]
    #: Written by the partner on a device in the room (shown with a small mark).
    written_on_device: bool = False


class ElementWords(NamedTuple):
    """An element as a room page shows it: its words, where they stand, and the phone mark."""

    id: int
    circle_id: int | None
    field: str | None
    text: str
    written_on_device: bool


@dataclass(frozen=True)
class FormSource:
    """Words taken from an element into a joint form field."""

    id: int
    form: str
    field: str
    #: None once the element has been removed for good.
    element_id: int | None
    text: str
    #: The partner the element came from (None for the group's own or a removed element).
    partner_id: int | None


@dataclass(frozen=True)
class PartnershipData:
    """A partnership (partnerskab): its name and its sessions, first meeting first."""

    id: int
    name: str
    session_ids: tuple[int, ...]


@dataclass(frozen=True)
class ActionLogEntry:
    """One action of a partnership's action log, as it stands in the latest session that holds it."""

    action: Action
    session_id: int
    session_title: str
    session_date: dt.date | None
    #: "Vesterhavs Kommune (Mette Kjær)", as the sheet writes the owner.
    owner: str
    #: The session it was first agreed in (the same as `session_id` if never carried).
    first_session_id: int
    #: Every session of the partnership that holds it, in the partnership's order.
    session_ids: tuple[int, ...] = ()
    #: The uid of the session it was first agreed in: with the action's uid, its calendar UID.
    origin_session_uid: str = ""


__all__ = [
    "ActionLogEntry",
    "ActionStatusEntry",
    "ChecklistEntry",
    "CircleData",
    "ElementData",
    "FormSource",
    "PartnerData",
    "PartnershipData",
    "SessionData",
    "SessionSummary",
]
