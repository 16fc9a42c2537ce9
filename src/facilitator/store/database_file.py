"""The database file itself, before any engine: its schema revision, read-only access, pragmas
and SQLite's errors in the user's words.

Only the standard library's `sqlite3`: the start-up check, the backups and the first look at
the reopened session run before SQLAlchemy is imported (see `facilitator.store.first_look`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.store.errors import StoreError
from facilitator.text import Text

#: Alembic revisions in order, oldest first. A test keeps this in step with
#: `migrations/versions`; knowing them here lets a normal start skip importing Alembic.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")
SCHEMA_HEAD = REVISIONS[-1]


def read_revision(connection: sqlite3.Connection) -> str | None:
    """The schema revision on an open connection: None for an empty file, "unknown" for another program's."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        others = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        return None if others == 0 else "unknown"
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def apply_pragmas(dbapi_connection: sqlite3.Connection, _record: object = None) -> None:
    """The app's pragmas on a new writing connection (SQLAlchemy calls this on every connect)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and a
    # workshop day cannot be repeated. The cost is one fsync per commit. See docs/data-safety.md.
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted rows are overwritten with zeros, so a deleted session's words do not linger in
    # free pages of the file. See "Privacy" in docs/data-safety.md.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def translate_error(error: BaseException, path: Path) -> StoreError | None:
    """A user-facing StoreError for SQLite problems the user can act on, else None."""
    # SQLAlchemy wraps the driver's error as `.orig`; read it without importing SQLAlchemy.
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlite3.Error):
        return None
    message = str(original).lower()
    if "disk is full" in message or "database or disk is full" in message:
        return StoreError(
            Text(
                "Disken er fuld, så ændringen kunne ikke gemmes. Frigør plads; ændringen står stadig på skærmen.",
                "The disk is full, so the change could not be saved. Free some space; the change is still on screen.",
            )
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(
            Text(
                f"Datamappen {path.parent} er skrivebeskyttet, så intet kan gemmes.",
                f"The data folder {path.parent} is read-only, so nothing can be saved.",
            )
        )
    if "locked" in message:
        return StoreError(
            Text(
                "Databasen er optaget af et andet program. Prøv igen om et øjeblik.",
                "The database is busy in another program. Try again in a moment.",
            )
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(
            Text(
                f"Filen {path} er ikke en gyldig Facilitator-database eller er beskadiget.",
                f"The file {path} is not a valid Facilitator database or is damaged.",
            )
        )
    if "unable to open" in message:
        return StoreError(Text(f"Databasefilen {path} kan ikke åbnes.", f"The database file {path} cannot be opened."))
    return None


def refuse_unknown(revision: str | None, path: Path) -> None:
    if revision is None or revision in REVISIONS:
        return
    if revision == "unknown":
        raise StoreError(
            Text(
                f"Filen {path} er en database fra et andet program, ikke en Facilitator-database. "
                "Filen er ikke ændret.",
                f"The file {path} is a database of another program, not a Facilitator database. "
                "The file has not been changed.",
            )
        )
    raise StoreError(
        Text(
            f"Databasen {path} er lavet af en nyere version af Facilitator (skema {revision}; denne version "
            f"kender skema {SCHEMA_HEAD}). Opdatér appen for at åbne den; filen er ikke ændret.",
            f"The database {path} was made by a newer version of Facilitator (schema {revision}; this version "
            f"knows schema {SCHEMA_HEAD}). Update the app to open it; the file has not been changed.",
        )
    )


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot change the file (or, if immutable, take locks on it).

    The path goes in as a percent-encoded URI, so a folder named like "Møde #2?" still works.
    """
    uri = Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=5)


def check_revision(path: Path) -> str | None:
    """The file's schema revision, read without changing a byte; refuses files this app must not open.

    Runs before the app's own connection, whose switch to WAL would rewrite the header of a
    file we are about to refuse.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        raw = connect_read_only(path)
    except sqlite3.Error as error:
        raise translate_error(error, path) or StoreError(Text(str(error))) from None
    try:
        revision = read_revision(raw)
    except sqlite3.Error as error:
        raise translate_error(error, path) or StoreError(Text(str(error))) from None
    finally:
        raw.close()
    refuse_unknown(revision, path)
    return revision
