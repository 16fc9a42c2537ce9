"""How the room's server thread reaches the store: always through a gate, never directly.

The window's store lives on the GUI thread, so the window hands the room a gate that runs
the work there (`facilitator.ui.room_gate`). Without a window (the `facilitator room`
command, tests, the load bench) `DirectGate` serialises the work with a lock instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from facilitator.store import Store

T = TypeVar("T")


class StoreGate(Protocol):
    """Runs work where the store lives."""

    def call(self, work: Callable[[Store], T]) -> T:
        """Run `work(store)` and return its result; raises what `work` raised."""
        ...


class DirectGate:
    """A lock around a store: one piece of work at a time, on the caller's thread."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # Re-entrant, so work run on the same thread may call the gate again.
        self._lock = threading.RLock()

    def call(self, work: Callable[[Store], T]) -> T:
        """Run `work(store)` under the lock and return its result."""
        with self._lock:
            return work(self._store)
