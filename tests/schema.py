"""Databases as an older app left them: an empty file brought to one schema revision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection


@contextmanager
def database_at(path: Path, revision: str) -> Iterator[Connection]:
    """A connection on a new database at `revision`, inside one transaction, for filling it."""
    from alembic import command
    from alembic.config import Config

    from facilitator.store.database import _MIGRATIONS_DIR, open_engine

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = open_engine(path)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            yield connection
    finally:
        engine.dispose()
