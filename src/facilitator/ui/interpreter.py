"""Sharing the interpreter lock with worker threads without stalling the window.

While another thread runs Python (a report being built, the room's server answering
sixty phones), the GUI thread waits for the interpreter lock at each of its many calls
into Python (every slot, paint and event filter), up to the switch interval each time.
Python's 5 ms default made a paint wait 100-300 ms behind a worker; for as long as any
such worker runs, the interval is cut. Holders are counted, so the room closing during an
export (or the other way round) leaves the interval as the one still running needs it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

#: The switch interval while a worker runs Python beside the window (seconds).
QUICK_SWITCH_INTERVAL = 0.0005

_lock = threading.Lock()
_holders = 0
_before = 0.0


def switch_quickly() -> Callable[[], None]:
    """Cut the switch interval until the returned call (which may be called more than once)."""
    global _holders, _before
    with _lock:
        if _holders == 0:
            _before = sys.getswitchinterval()
            sys.setswitchinterval(min(_before, QUICK_SWITCH_INTERVAL))
        _holders += 1
    released = False

    def release() -> None:
        global _holders
        nonlocal released
        with _lock:
            if released:
                return
            released = True
            _holders -= 1
            if _holders == 0:
                sys.setswitchinterval(_before)

    return release


__all__ = ["QUICK_SWITCH_INTERVAL", "switch_quickly"]
