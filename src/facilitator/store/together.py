"""Many store calls in one transaction with one commit: the room's group commit.

Every store call is normally its own transaction, committed (and, on SQLite with
`synchronous=FULL`, fsync'd) before it returns. Sixty phones adding elements at once would
then wait for sixty fsyncs one after another. `commit_together` runs a list of pieces of
work on one transaction instead: each piece in a savepoint of its own, so a piece the store
refuses is rolled back alone and the others stand, and then one commit for all of them.
Nothing of it is reported as stored before that commit has returned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession

from facilitator.store.database import is_sqlite

if TYPE_CHECKING:
    from facilitator.store.errors import StoreError


@dataclass
class Outcome:
    """What one piece of work in `commit_together` came to: its value, or what it raised."""

    value: Any = None
    error: Exception | None = None


class TogetherStore:
    """The store's half that joins calls into one transaction (mixed into `Store`)."""

    _sessions: Any
    _engine: Any

    def _translate(self, error: BaseException) -> StoreError | None:
        raise NotImplementedError

    @property
    def _joined(self) -> threading.local:
        # Per thread: the GUI thread's own calls never land in a batch run by another thread.
        local = self.__dict__.get("_joined_local")
        if local is None:
            local = self.__dict__.setdefault("_joined_local", threading.local())
        return local

    def _batch_session(self) -> OrmSession | None:
        """The session of the batch this thread is running, or None outside one."""
        return getattr(self._joined, "orm", None)

    @contextmanager
    def _savepoint(self, orm: OrmSession) -> Iterator[OrmSession]:
        """One store call inside a batch: a savepoint of the batch's transaction."""
        try:
            # A savepoint per call: a call the store refuses halfway takes back only its own rows,
            # as its own transaction would have.
            with orm.begin_nested():
                yield orm
        except DBAPIError as error:
            raise self._translate(error) or error from None

    def commit_together(self, works: Sequence[Callable[[Any], object]]) -> list[Outcome]:
        """Run each `work(store)` on one transaction, each in its own savepoint, then commit once.

        A piece that raises is rolled back alone; its outcome holds the error and the others go
        on. When this returns, every piece that succeeded is on disk. If the commit fails, this
        raises (a StoreError in the user's words where the store knows the cause) and nothing
        of the batch is stored. Pieces run in order on the calling thread; they must use only
        the store handed to them, and not replace or close its database.
        """
        outcomes: list[Outcome] = []
        orm: OrmSession = self._sessions()
        try:
            with orm.begin():
                if is_sqlite(self._engine):
                    # Python's sqlite3 starts a transaction only before an INSERT/UPDATE/DELETE,
                    # so a first SAVEPOINT would begin (and its RELEASE commit) on its own. An
                    # explicit BEGIN holds the batch together; IMMEDIATE takes the write lock
                    # now, so reads and writes in the batch see one state and never clash with
                    # a writer that committed in between.
                    orm.connection().exec_driver_sql("BEGIN IMMEDIATE")
                self._joined.orm = orm
                try:
                    for work in works:
                        try:
                            with orm.begin_nested():
                                value = work(self)
                        except Exception as error:  # the piece's own answer; the batch goes on
                            outcomes.append(Outcome(error=error))
                        else:
                            outcomes.append(Outcome(value=value))
                finally:
                    self._joined.orm = None
        except DBAPIError as error:
            raise self._translate(error) or error from None
        finally:
            orm.close()
        return outcomes


__all__ = ["Outcome", "TogetherStore"]
