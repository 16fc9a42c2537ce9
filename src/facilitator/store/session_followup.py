"""The follow-up fields of a session file (version 3): the partnership, each action's status light,
comment and history, and the session an action was first agreed in (docs/session-file.md).

Kept apart from `session_check` so the format's other additions merge beside these. Plain
data and the checker only (no SQLAlchemy): `transfer` reads and writes the rows.
"""

from __future__ import annotations

from typing import Any

from facilitator.conversation.action_status import LIGHTS
from facilitator.conversation.next_steps import STATUSES
from facilitator.store.fields import PARTNERSHIP_NAME, STATUS_BY, STATUS_COMMENT
from facilitator.store.limits import MAX_POSITION
from facilitator.store.session_document import KEYS
from facilitator.store.session_values import ValueChecker
from facilitator.text import Text

#: A document's partnership: null, or an object with these fields.
PARTNERSHIP_KEYS = KEYS["partnership"]
#: One entry of an action's history.
HISTORY_KEYS = KEYS["history"]


def empty_action_fields() -> dict[str, Any]:
    """What an action of a version 1 or 2 file gets: no light, no comment, no history."""
    return {"light": None, "status_comment": "", "status_changed_at": None, "origin_session_uid": "", "history": []}


def check_partnership(check: ValueChecker, value: object, check_uid) -> dict[str, Any] | None:
    """The document's partnership, canonical; null when the session belongs to none."""
    if value is None:
        return None
    row = check.record(value, "partnership", PARTNERSHIP_KEYS, Text("et partnerskab", "a partnership"))
    return {
        "uid": check_uid(
            check, check.field(row, "uid"), "partnership.uid", Text("partnerskabets", "the partnership's")
        ),
        "name": check.text(check.field(row, "name"), "partnership.name", PARTNERSHIP_NAME),
        "position": check.integer(check.field(row, "position"), "partnership.position", 0, MAX_POSITION),
    }


def check_action_fields(check: ValueChecker, row: dict[str, Any], where: str, check_uid) -> dict[str, Any]:
    """An action's version-3 fields, canonical (`row` is the action's object, already known to have them)."""
    origin = check.field(row, "origin_session_uid")
    if origin != "":
        origin = check_uid(
            check, origin, f"{where}.origin_session_uid", Text("den første sessions", "the first session's")
        )
    changed = check.field(row, "status_changed_at")
    history = []
    listed = check.items(
        check.field(row, "history"),
        f"{where}.history",
        Text("en liste af statusændringer", "a list of status changes"),
    )
    for index, value in enumerate(listed):
        at = f"{where}.history[{index}]"
        entry = check.record(value, at, HISTORY_KEYS, Text("en statusændring", "a status change"))
        session = check.field(entry, "session")
        history.append(
            {
                "at": check.timestamp(check.field(entry, "at"), f"{at}.at"),
                "status": check.choice(check.field(entry, "status"), f"{at}.status", STATUSES),
                "light": _light(check, check.field(entry, "light"), f"{at}.light"),
                "comment": check.text(check.field(entry, "comment"), f"{at}.comment", STATUS_COMMENT),
                "by": check.text(check.field(entry, "by"), f"{at}.by", STATUS_BY),
                "session": None
                if session is None
                else check_uid(check, session, f"{at}.session", Text("sessionens", "the session's")),
            }
        )
    return {
        "light": _light(check, check.field(row, "light"), f"{where}.light"),
        "status_comment": check.text(check.field(row, "status_comment"), f"{where}.status_comment", STATUS_COMMENT),
        "status_changed_at": None if changed is None else check.timestamp(changed, f"{where}.status_changed_at"),
        "origin_session_uid": origin,
        "history": history,
    }


def _light(check: ValueChecker, value: object, where: str) -> str | None:
    return None if value is None else check.choice(value, where, LIGHTS)


__all__ = [
    "HISTORY_KEYS",
    "PARTNERSHIP_KEYS",
    "check_action_fields",
    "check_partnership",
    "empty_action_fields",
]
