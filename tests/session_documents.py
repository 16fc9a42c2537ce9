"""A session file's bytes as the plain document a test changes, and back."""

from __future__ import annotations

import json


def document_of(data: bytes) -> dict:
    """A session file's bytes as the plain JSON document, to change in a test."""
    return json.loads(data.decode("utf-8"))


def encoded(document: dict) -> bytes:
    """A (changed) document as a session file's bytes."""
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def as_version_2(document: dict) -> dict:
    """The document as version 2 wrote it: no partnership, no action lights, comments or
    history (follow-ups), no circle `revealed` and no element `written_on_device` (the room)."""
    document = {key: value for key, value in document.items() if key != "partnership"}
    document["version"] = 2
    version_3 = ("light", "status_comment", "status_changed_at", "origin_session_uid", "history")
    document["actions"] = [
        {key: value for key, value in action.items() if key not in version_3} for action in document["actions"]
    ]
    document["circles"] = [
        {key: value for key, value in circle.items() if key != "revealed"} for circle in document["circles"]
    ]
    document["elements"] = [
        {key: value for key, value in element.items() if key != "written_on_device"} for element in document["elements"]
    ]
    return document
