"""A number that moves whenever something a screen shows is written (`Store.content_version`).

A screen built ahead in idle time reads what it will show then; when its step opens it reads
again only if this number moved since. The day's own bookkeeping (timer events, the step the
session is on, its last-changed time) is written at every step change and shown by no screen,
so it does not move the number.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, event

_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_TIMER_EVENTS = re.compile(r"\s*INSERT INTO timer_events\b", re.IGNORECASE)
_UPDATE = re.compile(r"\s*UPDATE (\w+) SET (.*?) WHERE\b", re.IGNORECASE | re.DOTALL)
#: The session's columns written at every step change; no screen shows them.
_SESSION_BOOKKEEPING = frozenset({"updated_at", "current_step_id"})


def _bookkeeping(statement: str) -> bool:
    if _TIMER_EVENTS.match(statement):
        return True
    update = _UPDATE.match(statement)
    if update is None or update.group(1).lower() != "sessions":
        return False
    columns = {column.lower() for column in re.findall(r"(\w+)\s*=", update.group(2))}
    return bool(columns) and columns <= _SESSION_BOOKKEEPING


class ContentVersion:
    """Counts the statements that write what screens show, on every engine it watches."""

    def __init__(self) -> None:
        self.value = 0

    def watch(self, engine: Engine) -> None:
        """Count the writes sent through `engine` (a new engine after a restore: all may have changed)."""
        event.listen(engine, "before_cursor_execute", self._statement)
        self.value += 1

    def _statement(self, _connection, _cursor, statement: str, *_args: object) -> None:
        if _WRITE.match(statement) and not _bookkeeping(statement):
            self.value += 1


__all__ = ["ContentVersion"]
