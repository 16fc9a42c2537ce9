"""Building documents in a process of their own, so the window keeps the interpreter.

A thread that builds a 20-page report holds Python's global lock for most of a second: the
window's thread then waits for its turn at every event, and the window stutters although
the work is "in the background". A second process has an interpreter of its own, so the
window's thread stays free however long ReportLab takes. The process is started by the
first export and kept for the next ones, so only the first pays its start (a few hundred
milliseconds, on the worker thread, never on the window's).

What crosses is plain data: the session's snapshot (frozen records, about 150 kB pickled
for the demo day) in, the document's bytes out. Writing the file stays with the caller,
so a full disk or a locked folder is reported exactly as before.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from facilitator.export.files import ExportError
from facilitator.text import Text

T = TypeVar("T")

_lock = threading.Lock()
_pool: concurrent.futures.ProcessPoolExecutor | None = None


def _started_pool() -> concurrent.futures.ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # "spawn", never "fork": a fork of a process with Qt's and SQLAlchemy's threads
            # can inherit a lock that is held and never released in the child.
            _pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return _pool


def _forget(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def build_elsewhere(function: Callable[..., T], /, *args: object, **kwargs: object) -> T:
    """`function(*args, **kwargs)` run in the export process; its result or its exception.

    `function` and its arguments must be picklable (a module-level function and plain data).
    Where no process can be started (a locked-down machine), it runs here instead: slower
    for the window, but the export is never refused for want of a process.
    """
    try:
        pool = _started_pool()
        future = pool.submit(function, *args, **kwargs)
    except (OSError, RuntimeError, BrokenProcessPool):
        shutdown()
        return function(*args, **kwargs)
    try:
        return future.result()
    except BrokenProcessPool as error:
        # The process died under the work (killed, out of memory). Not run again here: what
        # killed it could take the window along. The next export starts a new process.
        _forget(pool)
        raise ExportError(
            Text(
                "Dokumentet kunne ikke bygges: den proces, der bygger det, stoppede uventet. Prøv igen.",
                "The document could not be built: the process building it stopped unexpectedly. Try again.",
            )
        ) from error


def shutdown() -> None:
    """Stop the export process, if one runs, without waiting for it (at the app's exit)."""
    with _lock:
        pool = _pool
    if pool is not None:
        _forget(pool)


__all__ = ["build_elsewhere", "shutdown"]
