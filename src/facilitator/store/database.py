"""The one place that opens the SQLite file: pragmas, schema migrations, error translation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from facilitator.store.errors import StoreError
from facilitator.text import Text

#: Alembic revisions in order, oldest first. A test keeps this in step with
#: `migrations/versions`; knowing them here lets a normal start skip importing Alembic.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
SCHEMA_HEAD = REVISIONS[-1]
_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
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
    original = error.orig if isinstance(error, DBAPIError) else error
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


def open_engine(path: Path) -> Engine:
    """An engine on the SQLite file at `path` with the app's pragmas on every connection."""
    # URL.create, not an f-string: a "?" or "#" in a folder name must stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _apply_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        has_table = raw.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if not has_table:
            other_tables = raw.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
            return None if other_tables == 0 else "unknown"
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def _refuse_unknown(revision: str | None, path: Path) -> None:
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
            f"Databasen {path} er lavet af en nyere version af Facilitator (skema {revision}). "
            "Opdatér appen for at åbne den; filen er ikke ændret.",
            f"The database {path} was made by a newer version of Facilitator (schema {revision}). "
            "Update the app to open it; the file has not been changed.",
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
        has_table = raw.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if has_table:
            row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        else:
            others = raw.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
            revision = None if others == 0 else "unknown"
    except sqlite3.Error as error:
        raise translate_error(error, path) or StoreError(Text(str(error))) from None
    finally:
        raw.close()
    _refuse_unknown(revision, path)
    return revision


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema up to date; refuse databases written by a newer app."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    _refuse_unknown(revision, path)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, SCHEMA_HEAD)
