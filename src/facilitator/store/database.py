"""The one place that opens a database for writing: the SQLite file with its pragmas, or a
PostgreSQL server (the team archive), and the migrations both share.

What needs no engine for SQLite (the revision, read-only access, error translation) is in
`facilitator.store.database_file`, so the start-up check runs without SQLAlchemy; PostgreSQL's
errors in the user's words are in `facilitator.store.server_errors`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, inspect, text

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


#: How long a server may take to answer a new connection, in seconds: an archive out of reach
#: fails within this, never hangs the command (libpq's connect_timeout).
CONNECT_TIMEOUT = 3

#: The advisory lock two laptops take while one migrates a shared server's schema.
_MIGRATION_LOCK = 0x46414349  # "FACI"


def open_server_engine(url: URL | str, *, timeout: int = CONNECT_TIMEOUT) -> Engine:
    """An engine on a PostgreSQL database; a new connection gives up after `timeout` seconds."""
    return create_engine(
        url,
        connect_args={
            "connect_timeout": timeout,
            "application_name": "facilitator",
            # The archive's queries are short: JIT compiling costs more than it saves, and the
            # secretariat's view sorts tens of thousands of actions in memory, not on disk.
            "options": "-c jit=off -c work_mem=32MB",
        },
        # A laptop's connection may have died with the Wi-Fi since it was last used.
        pool_pre_ping=True,
    )


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine is on an SQLite file (pragmas, WAL checkpoints and backups apply)."""
    return engine.dialect.name == "sqlite"


def _read_revision(connection) -> str | None:
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        return None if not tables else "unknown"
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, None for an empty one, "unknown" for another program's."""
    with engine.connect() as connection:
        if is_sqlite(engine):
            raw = connection.connection.dbapi_connection
            assert raw is not None
            return read_revision(raw)
        return _read_revision(connection)


def migrate(engine: Engine, path: Path | str) -> None:
    """Bring the schema up to date; refuse databases written by a newer app (`path` names it in messages)."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    refuse_unknown(revision, path)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        if not is_sqlite(engine):
            # Two laptops opening an old archive at once: the second waits, then finds it
            # migrated. (SQLite's file lock does this for the local store.)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            revision = _read_revision(connection)
            if revision == SCHEMA_HEAD:
                return
            refuse_unknown(revision, path)
        config.attributes["connection"] = connection
        command.upgrade(config, SCHEMA_HEAD)


__all__ = [
    "REVISIONS",
    "SCHEMA_HEAD",
    "StoreError",
    "check_revision",
    "connect_read_only",
    "current_revision",
    "is_sqlite",
    "migrate",
    "open_engine",
    "open_server_engine",
    "translate_error",
]
