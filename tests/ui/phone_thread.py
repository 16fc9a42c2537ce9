"""The phone for the window's end-to-end tests: the system's chromium (tests/browser.py) on its own thread.

Playwright's sync API blocks its caller until the browser answers, and the browser's request
waits for the room's server, which waits for the window's store gate, which needs the Qt
event loop on the GUI thread. Driving the browser from the GUI thread would therefore stall
(until the gate's timeout) at every click that writes. So the browser lives on a helper
thread of its own: every Playwright call is made there (the sync API must stay on the thread
that started it), and the test hands it one short step at a time with `do(...)`, while the
GUI thread keeps processing Qt events until the step is done (qtbot.waitUntil, no sleeps).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from tests.browser import PHONE_VIEWPORT, chromium_path


class PhoneBrowser:
    """One chromium with a phone-sized page, run on its own thread; `do(qtbot, step)` runs a step there."""

    def __init__(self) -> None:
        self._steps: queue.Queue[tuple[Callable[[Any], Any], Future] | None] = queue.Queue()
        self._ready: Future = Future()
        self._thread = threading.Thread(target=self._run, name="phone-browser", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from playwright.sync_api import sync_playwright

        try:
            playwright = sync_playwright().start()
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=["--no-sandbox", "--disable-dev-shm-usage"]
            )
            context = browser.new_context(
                viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, locale="da-DK", accept_downloads=True
            )
            # Two shared cores under a full run can take seconds to answer.
            context.set_default_timeout(20_000)
            page = context.new_page()
        except BaseException as error:
            self._ready.set_exception(error)
            return
        self._ready.set_result(page)
        try:
            while (item := self._steps.get()) is not None:
                step, done = item
                try:
                    done.set_result(step(page))
                except BaseException as error:
                    done.set_exception(error)
        finally:
            context.close()
            browser.close()
            playwright.stop()

    def do(self, qtbot, step: Callable[[Any], Any], timeout_ms: int = 40_000) -> Any:
        """Run `step(page)` on the browser's thread; Qt keeps running until it is done; its result."""
        qtbot.waitUntil(self._ready.done, timeout=timeout_ms)
        self._ready.result()
        done: Future = Future()
        self._steps.put((step, done))
        qtbot.waitUntil(done.done, timeout=timeout_ms)
        return done.result()

    def close(self) -> None:
        self._steps.put(None)
        self._thread.join(timeout=20)
