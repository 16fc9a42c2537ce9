"""The session document: what a session file holds, field by field (docs/session-file.md).

A session document is plain JSON data (dicts, lists, strings, numbers) in which rows refer
to each other by ids that only mean something inside the document, so the same session
exported from two databases gives the same document. This module says what the format is;
`facilitator.store.session_check` checks a document against it, `facilitator.store.transfer`
reads and writes the store's rows, and `facilitator.export.session_file` turns documents
into bytes and back. No SQLAlchemy and no Qt: a document can be checked without a database.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from facilitator.text import Text, UserError

FORMAT_NAME = "facilitator-session"
FORMAT_VERSION = 3
#: The versions this app reads: version 1 had no action `uid`; version 2 no partnership, no
#: action status light, comment or history, no circle `revealed` and no element
#: `written_on_device` (the room) (docs/session-file.md).
READABLE_VERSIONS = (1, 2, 3)

#: A session document: the parsed JSON of a session file.
SessionDocument = dict[str, Any]

#: The keys of every kind of object in a document, in the documented order, which is also
#: the order a canonical document writes them in.
KEYS: dict[str, tuple[str, ...]] = {
    "document": (
        "format",
        "version",
        "session",
        "partners",
        "principles",
        "step_plans",
        "timer_events",
        "checklist",
        "circles",
        "clusters",
        "elements",
        "form_texts",
        "form_sources",
        "actions",
        # Version 3: follow-ups (`session_followup`).
        "partnership",
    ),
    "session": (
        "uid",
        "title",
        "date",
        "venue",
        "facilitator",
        "start_time",
        "program_name",
        "program_text",
        "current_step_id",
        "created_at",
        "updated_at",
    ),
    "partner": ("id", "name", "organisation", "role", "mandate", "why_now", "colour"),
    "step_plan": ("step_id", "minutes", "skipped", "after_id", "note"),
    "timer_event": ("step_id", "kind", "at", "elapsed", "amount"),
    "checklist_item": ("item_id", "done", "note"),
    "circle": ("id", "partner", "kind", "title", "position", "created_at", "revealed"),
    "cluster": ("id", "kind", "name"),
    "element": (
        "id",
        "circle",
        "partner",
        "kind",
        "field",
        "position",
        "text",
        "category",
        "value_forms",
        "board",
        "created_at",
        "updated_at",
        "written_on_device",
    ),
    "board": ("x", "y", "z", "cluster", "merged_into"),
    "form_text": ("form", "field", "text", "updated_at"),
    "form_source": ("form", "field", "element", "text", "created_at"),
    "action": (
        "uid",
        "area",
        "position",
        "what",
        "owner",
        "owner_person",
        "with_whom",
        "how_much",
        "due",
        "status",
        "created_at",
        "updated_at",
        # Version 3: follow-ups (`session_followup`).
        "light",
        "status_comment",
        "status_changed_at",
        "origin_session_uid",
        "history",
    ),
    # Version 3: follow-ups.
    "partnership": ("uid", "name", "position"),
    "history": ("at", "status", "light", "comment", "by", "session"),
}

_VERSION_2_DOCUMENT = KEYS["document"][: KEYS["document"].index("partnership")]
_VERSION_2_ACTION = KEYS["action"][: KEYS["action"].index("light")]

#: The fields an object had in an older version, where they differ from today's.
OLDER_KEYS: dict[int, dict[str, tuple[str, ...]]] = {
    1: {"document": _VERSION_2_DOCUMENT, "action": _VERSION_2_ACTION[1:]},
    2: {"document": _VERSION_2_DOCUMENT, "action": _VERSION_2_ACTION},
}

#: The room (issue 19): before version 3 a circle had no `revealed` (it was shown) and an
#: element no `written_on_device` (it was typed at the laptop).
_BEFORE_THE_ROOM = {"circle": KEYS["circle"][:-1], "element": KEYS["element"][:-1]}
for _version in (1, 2):
    OLDER_KEYS.setdefault(_version, {}).update(_BEFORE_THE_ROOM)


def action_uid_in_version_1(session_uid: str, index: int) -> str:
    """The uid an action of a version-1 file gets: derived, so every import of the file agrees."""
    return uuid.uuid5(uuid.UUID(session_uid), f"action-{index}").hex


class SessionFileError(UserError):
    """A session document that cannot be imported (or a session that cannot be written as one).

    `location` names the field, JSON-path style (``partners[2].name``); empty for the file
    as a whole.
    """

    def __init__(self, text: Text, *, location: str = "") -> None:
        super().__init__(text)
        self.location = location


def format_timestamp(value: dt.datetime) -> str:
    """A stored (naive UTC) time as the file writes it: ISO 8601 with microseconds and Z."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> dt.datetime:
    """A file's time as the store keeps it (naive UTC); ValueError if it is no ISO 8601 time."""
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "KEYS",
    "OLDER_KEYS",
    "READABLE_VERSIONS",
    "SessionDocument",
    "SessionFileError",
    "action_uid_in_version_1",
    "format_timestamp",
    "parse_timestamp",
]
