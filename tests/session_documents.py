"""A session file's bytes as the plain document a test changes, and back."""

from __future__ import annotations

import json


def document_of(data: bytes) -> dict:
    """A session file's bytes as the plain JSON document, to change in a test."""
    return json.loads(data.decode("utf-8"))


def encoded(document: dict) -> bytes:
    """A (changed) document as a session file's bytes."""
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
