"""The window's way in for the room's server: store work runs on the GUI thread, one call at a time.

The store (its SQLAlchemy session, the window's caches) belongs to the GUI thread. The room's
server answers on a thread of its own; each time it needs the store it hands the work to this
gate, which queues it onto the GUI thread and waits for the answer. A page therefore goes
through the same store functions, in the same order, as the facilitator's own clicks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal

from facilitator.text import Text, UserError

if TYPE_CHECKING:
    from facilitator.store import Store

T = TypeVar("T")

#: How long a page's request waits for the window (a modal dialog or a slow save may hold it).
DEFAULT_TIMEOUT_S = 5.0

WINDOW_BUSY = Text(
    "Facilitatorens vindue svarer ikke lige nu. Prøv igen om et øjeblik.",
    "The facilitator's window is not answering just now. Try again in a moment.",
)
ROOM_CLOSING = Text(
    "Rummet lukker. Spørg facilitatoren, om det åbner igen.",
    "The room is closing. Ask the facilitator whether it will open again.",
)


class _Call:
    """One piece of work waiting for the GUI thread, and what came of it."""

    def __init__(self, work: Callable[[Store], object]) -> None:
        self.work = work
        self.done = threading.Event()
        self.lock = threading.Lock()
        #: Set by the waiting thread when it gave up: the GUI thread must then not start the work.
        self.abandoned = False
        self.value: object = None
        self.error: BaseException | None = None


class GuiStoreGate(QObject):
    """A `facilitator.room.StoreGate` that runs each call on the GUI thread and waits for it.

    A call from the GUI thread itself runs at once (waiting for ourselves would never end).
    After `close()` every call is refused with a `UserError`, and calls still queued are
    answered with it, so no server thread waits for a window that is going away.
    """

    _queued = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        super().__init__(parent)
        self._store = store
        self.timeout_s = timeout_s
        self._closing = False
        self._pending: set[_Call] = set()
        self._pending_lock = threading.Lock()
        # Queued: the slot runs in this object's thread (the GUI thread), whoever emits.
        self._queued.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @property
    def closing(self) -> bool:
        return self._closing

    def call(self, work: Callable[[Store], T]) -> T:
        """Run `work(store)` on the GUI thread and return its result (or raise what it raised)."""
        if self._closing:
            raise UserError(ROOM_CLOSING)
        if QThread.currentThread() is self.thread():
            return work(self._store)
        pending = _Call(work)
        with self._pending_lock:
            self._pending.add(pending)
        try:
            self._queued.emit(pending)
            if not pending.done.wait(self.timeout_s):
                with pending.lock:
                    if not pending.done.is_set():
                        # Too late to be useful: the page has already been told to try again.
                        pending.abandoned = True
                        raise UserError(WINDOW_BUSY)
        finally:
            with self._pending_lock:
                self._pending.discard(pending)
        if pending.error is not None:
            raise pending.error
        return pending.value  # type: ignore[return-value]

    def _run(self, pending: _Call) -> None:
        with pending.lock:
            if pending.abandoned or pending.done.is_set():
                return
            if self._closing:
                pending.error = UserError(ROOM_CLOSING)
            else:
                try:
                    pending.value = pending.work(self._store)
                except BaseException as error:  # handed back to the server's thread, which raises it
                    pending.error = error
            pending.done.set()

    def close(self) -> None:
        """Refuse every call from now on and answer those still waiting (on the GUI thread)."""
        self._closing = True
        with self._pending_lock:
            waiting = list(self._pending)
        for pending in waiting:
            with pending.lock:
                if not pending.done.is_set():
                    pending.error = UserError(ROOM_CLOSING)
                    pending.done.set()


__all__ = ["DEFAULT_TIMEOUT_S", "ROOM_CLOSING", "WINDOW_BUSY", "GuiStoreGate"]
