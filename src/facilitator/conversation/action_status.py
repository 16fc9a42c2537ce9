"""How far an agreed action has come: its status, its traffic light, and whether it is overdue.

The lights and their words are the KKR result tables' (kvalitativ målopfyldelse: "Grøn: on
track, Gul: i proces, Rød: ikke i gang"). Every place that shows a light shows its words
too: colour alone says nothing to a colour-blind partner or on a grey printout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.conversation.next_steps import CLOSED_STATUSES, STATUSES, Action
from facilitator.text import Text

LIGHTS: dict[str, Text] = {
    "green": Text("Grøn: on track", "Green: on track"),
    "yellow": Text("Gul: i proces", "Yellow: in progress"),
    "red": Text("Rød: ikke i gang", "Red: not started"),
}
#: The light's colour on screen and in print (always beside its words).
LIGHT_COLOURS: dict[str, str] = {"green": "#2E7D32", "yellow": "#F2B705", "red": "#C62828"}
#: One word per light, where the full words do not fit (a narrow column).
LIGHT_SHORT: dict[str, Text] = {
    "green": Text("Grøn", "Green"),
    "yellow": Text("Gul", "Yellow"),
    "red": Text("Rød", "Red"),
}
#: An overdue mark's colour on a dark background (the projector): a light red that still reads as red.
OVERDUE_ON_DARK = "#FF8A80"
NO_LIGHT = Text("Ingen status givet", "No status given")
OVERDUE = Text("Overskredet", "Overdue")


def is_overdue(action: Action, today: dt.date) -> bool:
    """The due date has passed and the action is neither done nor dropped."""
    return action.due is not None and action.due < today and action.status not in CLOSED_STATUSES


def is_open(action: Action) -> bool:
    """Not done and not dropped: a follow-up carries it on."""
    return action.status not in CLOSED_STATUSES


def light_label(light: str | None, language: str) -> str:
    """The light in words ("Gul: i proces"), or that none was given."""
    return LIGHTS.get(light or "", NO_LIGHT).get(language)


def status_label(status: str, language: str) -> str:
    """The status in words; an unknown one reads as not started."""
    return STATUSES.get(status, STATUSES["open"]).get(language)


def check_light(light: str | None) -> str | None:
    """The light as stored ("" clears it to None); ValueError for anything else."""
    if light in (None, ""):
        return None
    if light not in LIGHTS:
        raise ValueError(f"unknown traffic light {light!r}")
    return light


@dataclass(frozen=True)
class ActionStatusEntry:
    """One change of an action's status: who said what, when, and in which session."""

    #: Naive UTC, as the store keeps time.
    at: dt.datetime
    status: str
    light: str | None
    comment: str
    by: str
    #: The session it was said in (None once that session is deleted).
    session_id: int | None


@dataclass(frozen=True)
class StatusChange:
    """What became of an action since the last meeting, for the status report."""

    before: ActionStatusEntry | None
    now: Action

    @property
    def changed(self) -> bool:
        if self.before is None:
            return self.now.light is not None or self.now.status != "open" or bool(self.now.status_comment)
        return (self.before.status, self.before.light, self.before.comment) != (
            self.now.status,
            self.now.light,
            self.now.status_comment,
        )


def overdue_first(actions: Iterable[Action], today: dt.date) -> list[Action]:
    """Overdue actions first (earliest due first), then the rest in their given order."""
    listed = list(actions)
    overdue = sorted((a for a in listed if is_overdue(a, today)), key=lambda a: (a.due, a.position, a.id))
    return overdue + [a for a in listed if not is_overdue(a, today)]


__all__ = [
    "LIGHTS",
    "LIGHT_COLOURS",
    "LIGHT_SHORT",
    "NO_LIGHT",
    "OVERDUE",
    "OVERDUE_ON_DARK",
    "ActionStatusEntry",
    "StatusChange",
    "check_light",
    "is_open",
    "is_overdue",
    "light_label",
    "overdue_first",
    "status_label",
]
