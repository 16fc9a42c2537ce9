"""The one place that opens the SQLite file for writing: the engine with its pragmas, and migrations.

What needs no engine (the revision, read-only access, error translation) is in
`facilitator.store.database_file`, so the start-up check runs without SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event

from facilitator.store.database_file import (
    REVISIONS,
    SCHEMA_HEAD,
    apply_pragmas,
    check_revision,
    connect_read_only,
    read_revision,
    refuse_unknown,
    translate_error,
)
from facilitator.store.errors import StoreError

_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def open_engine(path: Path) -> Engine:
    """An engine on the SQLite file at `path` with the app's pragmas on every connection."""
    # URL.create, not an f-string: a "?" or "#" in a folder name must stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", apply_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        return read_revision(raw)


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema up to date; refuse databases written by a newer app."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    refuse_unknown(revision, path)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, SCHEMA_HEAD)


__all__ = [
    "REVISIONS",
    "SCHEMA_HEAD",
    "StoreError",
    "check_revision",
    "connect_read_only",
    "current_revision",
    "migrate",
    "open_engine",
    "translate_error",
]
