"""How the room's server threads reach the store: always through a gate, never directly.

The gate commits together (group commit). Each request's store work waits in a queue; the
first request to find the gate idle runs everything queued by then in one transaction
(`Store.commit_together`: a savepoint per piece, one commit, one fsync), answers each of
them once that commit has returned, and hands the next batch to the first request still
waiting. Sixty phones writing at once thus cost a few fsyncs a second instead of sixty.

The work runs on the server's worker threads, never on the window's GUI thread: the
store's calls each open their own database session, so the window may read and write on
its own thread meanwhile (SQLite's WAL lets it read while a batch writes; a write of its
own waits for the batch's commit).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from facilitator.text import Text, UserError

if TYPE_CHECKING:
    from facilitator.store import Store

T = TypeVar("T")

#: The most pieces of work in one transaction: a bound on how long one batch holds the write lock.
MAX_BATCH = 120

ROOM_CLOSING = Text(
    "Rummet lukker. Spørg facilitatoren, om det åbner igen.",
    "The room is closing. Ask the facilitator whether it will open again.",
)


class StoreGate(Protocol):
    """Runs work where the store lives."""

    @property
    def waiting(self) -> int:
        """How many calls wait for the next batch."""
        ...

    def call(self, work: Callable[[Store], T]) -> T:
        """Run `work(store)` and return its result; raises what `work` raised."""
        ...


class _Call:
    """One piece of work waiting in the queue, and what came of it."""

    __slots__ = ("error", "finished", "value", "wake", "work")

    def __init__(self, work: Callable[[Store], object]) -> None:
        self.work = work
        #: Set when the call is answered, or when it is its turn to run the next batch.
        self.wake = threading.Event()
        self.finished = False
        self.value: object = None
        self.error: BaseException | None = None


class DirectGate:
    """Group commit of the room's store work, on the calling threads (see the module's words).

    A call is answered only after the commit holding its work has returned; a piece the store
    refuses is refused alone; a failing commit answers every call of its batch with the error.
    After `close()` every call is refused with a `UserError`.
    """

    def __init__(self, store: Store, *, max_batch: int = MAX_BATCH) -> None:
        self._store = store
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Call] = []
        #: Whether some thread is running a batch (or has been told to run the next).
        self._leading = False
        #: Whether a batch is being run and committed right now.
        self._running = False
        self._idle = threading.Condition(self._lock)
        self._closing = False
        self._local = threading.local()
        #: How many batches have been committed, and how many pieces they held (for the bench).
        self.batches = 0
        self.pieces = 0

    @property
    def closing(self) -> bool:
        return self._closing

    @property
    def waiting(self) -> int:
        """How many calls wait for the next batch."""
        with self._lock:
            return len(self._queue)

    def call(self, work: Callable[[Store], T]) -> T:
        """Run `work(store)` in the next batch and return its result once that batch is committed."""
        if getattr(self._local, "running", False):
            # Work that calls the gate again is already inside a batch: it runs there.
            return work(self._store)
        pending = _Call(work)
        with self._lock:
            if self._closing:
                raise UserError(ROOM_CLOSING)
            self._queue.append(pending)
            if not self._leading:
                self._leading = True
                pending.wake.set()
        while True:
            pending.wake.wait()
            with self._lock:
                if pending.finished:
                    break
                # Not answered, yet woken: it is this call's turn to run the next batch.
                pending.wake.clear()
            self._run_batch()
        if pending.error is not None:
            raise pending.error
        return pending.value  # type: ignore[return-value]

    def _run_batch(self) -> None:
        with self._lock:
            batch = self._queue[: self.max_batch]
            del self._queue[: self.max_batch]
            self._running = True
        self._local.running = True
        try:
            outcomes = self._store.commit_together([pending.work for pending in batch])
        except BaseException as error:
            # The commit failed: nothing of the batch is stored, so no piece of it succeeded.
            outcomes = None
            failure: BaseException | None = error
        else:
            failure = None
        finally:
            self._local.running = False
        with self._lock:
            self._running = False
            self.batches += 1
            self.pieces += len(batch)
            for index, pending in enumerate(batch):
                if failure is not None:
                    # Each waiting thread raises its own copy: one exception object raised on
                    # many threads at once would collect all their tracebacks.
                    pending.error = _copy_of(failure)
                elif outcomes is not None:
                    pending.value, pending.error = outcomes[index].value, outcomes[index].error
                pending.finished = True
                pending.wake.set()
            if self._queue:
                # The first still waiting runs the next batch; this thread goes back to its request.
                self._queue[0].wake.set()
            else:
                self._leading = False
                self._idle.notify_all()

    def close(self, timeout_s: float = 10.0) -> None:
        """Refuse every call from now on, answer those still queued, and wait for a batch being committed."""
        with self._lock:
            self._closing = True
            for pending in self._queue:
                pending.error = UserError(ROOM_CLOSING)
                pending.finished = True
                pending.wake.set()
            self._queue.clear()
            if not self._running:
                # A call told to run the next batch has just been answered instead.
                self._leading = False
            self._idle.wait_for(lambda: not self._running, timeout_s)


def _copy_of(error: BaseException) -> BaseException:
    try:
        return copy.copy(error)
    except Exception:  # an exception that cannot be copied is shared instead
        return error


__all__ = ["MAX_BATCH", "ROOM_CLOSING", "DirectGate", "StoreGate"]
