"""Counting what a store sends to its database: statements and commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event

from facilitator.store import Store


@dataclass
class Sent:
    """What reached the database while counting."""

    statements: list[str] = field(default_factory=list)
    commits: int = 0
    #: Commits of a transaction that wrote something (each an fsync); reads commit too.
    writing_commits: int = 0
    _writing: bool = False


@contextmanager
def counting(store: Store) -> Iterator[Sent]:
    """Everything the store sends to SQLite inside the block (its engine is private; tests may look)."""
    engine = store._engine
    sent = Sent()

    def statement(_connection, _cursor, text, *_args) -> None:
        sent.statements.append(text)
        if text.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            sent._writing = True

    def commit(_connection) -> None:
        sent.commits += 1
        if sent._writing:
            sent.writing_commits += 1
            sent._writing = False

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", commit)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "commit", commit)
