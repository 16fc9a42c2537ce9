"""Database files in tests: copies of the ones built once per run, and every row read past the app."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from facilitator.store import Store

#: A table's rows by primary key (the rowid where it has none); each value with its Python
#: type, so 1, 1.0 and '1' differ.
Rows = dict[tuple, dict[str, tuple[str, object]]]


def copy_database(source: Path, target: Path) -> None:
    """Make `target` (and its folder) a copy of the database at `source`, through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Not a file copy: SQLite copies the pages, so the copy is whole even if `source` has a WAL beside it.
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as copy:
        original.backup(copy)


def tables(connection: sqlite3.Connection) -> list[str]:
    """The database's tables, without SQLite's own (sqlite_sequence and the like)."""
    return [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def columns(connection: sqlite3.Connection, table: str) -> dict[str, tuple]:
    """Column name -> (declared type, not null, default, primary key position)."""
    return {row[1]: row[2:] for row in connection.execute(f'PRAGMA table_info("{table}")')}


def table_rows(path: Path) -> dict[str, Rows]:
    """Every row of every table, read with plain sqlite3 (no app code in between), to compare before and after."""
    with closing(sqlite3.connect(path)) as connection:
        snapshot = {}
        for table in tables(connection):
            info = columns(connection, table)
            key = [name for name, column in sorted(info.items(), key=lambda item: item[1][3]) if column[3]] or ["rowid"]
            names = list(info)
            quoted = ", ".join(f'"{name}"' for name in key)
            rows: Rows = {}
            for row in connection.execute(f'SELECT {quoted}, * FROM "{table}"'):
                values = dict(zip(names, row[len(key) :], strict=True))
                rows[tuple(row[: len(key)])] = {name: (type(value).__name__, value) for name, value in values.items()}
            snapshot[table] = rows
        return snapshot


@dataclass(frozen=True)
class DatabaseTemplate:
    """A database built once per test run; every test that needs it works on its own copy.

    Creating a database runs every migration (about 80 ms) and the demo session takes a few
    hundred store calls (most of a second); a copy takes a few milliseconds.
    """

    path: Path
    #: The session the template holds, if it holds one.
    session_id: int | None = None

    def copy_to(self, target: Path) -> None:
        """Make `target` a copy of the template."""
        copy_database(self.path, target)

    @contextmanager
    def open_copy(self, folder: Path) -> Iterator[Store]:
        """A store on a copy of the template in `folder`, closed again on leaving."""
        self.copy_to(folder / "facilitator.sqlite3")
        store = Store(folder / "facilitator.sqlite3")
        try:
            yield store
        finally:
            store.close()

    def replace_contents(self, store: Store) -> int | None:
        """Make everything in `store` a copy of the template; the template's session id.

        The store lets go of its connections first, so nothing is open on the file while it
        is replaced; its next call opens the copy, as a store opened on it would.
        """
        store.close()
        copy_database(self.path, store.path)
        return self.session_id
