"""The store as the app starts: checked at once, its engine loaded once the window is up.

A facilitator reopening yesterday's session should see it as fast as a bare window appears.
SQLAlchemy's import alone takes longer than that, so `DeferredStore` does everything that
keeps data safe before the first paint (the folder, the damaged-file check, the schema
revision) with the standard library's sqlite3, answers the first screen's reads from a
`FirstLook`, and opens the real `Store` when asked to (`open()`, called by the app right
after the first paint) or when anything else is needed first. Every write goes to the real
store, so nothing is ever written twice or past the engine's pragmas and migrations.

No SQLAlchemy is imported until `open()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.store.backup import Backups
from facilitator.store.database_file import SCHEMA_HEAD, check_revision
from facilitator.store.first_look import READS, FirstLook
from facilitator.store.recovery import prepare_database

if TYPE_CHECKING:
    from facilitator.store.store import Store


class DeferredStore:
    """Stands in for `Store`: the first screen's reads at once, everything else from the opened store."""

    def __init__(self, path: Path, *, backups_folder: Path | None = None) -> None:
        self.path = Path(path)
        prepare_database(self.path)
        #: One Backups for the file, handed to the store when it opens.
        self.backups = Backups(self.path, backups_folder)
        self._store: Store | None = None
        self._look: FirstLook | None = None
        if check_revision(self.path) == SCHEMA_HEAD:
            self._look = FirstLook(self.path)
        else:
            # A new file to create, or an older schema to migrate (with its backup first):
            # only the real store does that, so it opens now.
            self.open()

    @property
    def is_open(self) -> bool:
        """Whether the real store (and SQLAlchemy) is loaded."""
        return self._store is not None

    @staticmethod
    def preload() -> None:
        """Import the store's code (SQLAlchemy, the models) without opening anything.

        Safe on a worker thread, so the window stays responsive while it runs; `open()`
        then only makes the engine.
        """
        import facilitator.store.store  # noqa: F401

    def open(self) -> Store:
        """The real store, opened now if it was not yet."""
        if self._store is None:
            from facilitator.store.store import Store

            self._store = Store(self.path, backups=self.backups)
            if self._look is not None:
                self._look.close()
                self._look = None
        return self._store

    def close(self) -> None:
        """Release the database file."""
        if self._look is not None:
            self._look.close()
            self._look = None
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:
        # Only called for what this class does not define: the first screen's reads while
        # the store is not open, and everything else (which opens it).
        if name in READS and self._store is None and self._look is not None:
            return getattr(self._look, name)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.open(), name)


__all__ = ["DeferredStore"]
