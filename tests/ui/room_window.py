"""Helpers for the room's window tests: a room opened from the menu on loopback, devices in threads.

A device's request is answered on the server's threads, but what it changed reaches the
window through queued signals, so a test sends it from a helper thread: `answered` runs it
there and keeps Qt's events going until the answer is there.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from PySide6.QtTest import QTest

from facilitator.ui.main_window import MainWindow

T = TypeVar("T")

#: The circle step of Delsession 1, its review, and the next steps of Delsession 4.
CIRCLE_STEP = "delsession-1-individuelt"
REVIEW_STEP = "delsession-1-gennemgang"
NEXT_STEPS_STEP = "delsession-4-naeste-skridt"


def answered(qtbot, work: Callable[[], T], timeout_ms: int = 10_000) -> T:
    """Run `work` on a helper thread while the GUI thread keeps answering; its result (or error)."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as error:
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout_ms)
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]  # type: ignore[return-value]


def open_room_from_menu(window: MainWindow, host: str | None = "127.0.0.1") -> str:
    """Dagen → Åbn rummet for partnerne, on loopback (a test never listens on the real network).

    Waits (the window answering meanwhile) until the room's process listens.
    """
    if host is not None:
        window.room_control.host = host
    window.open_room_action.trigger()
    wait_until_open(window)
    server = window.room_control.server
    assert server is not None, window.status_message.text()
    return server.url


def wait_until_open(window: MainWindow, timeout_s: float = 30.0) -> None:
    """Keep the window's events going while the room starts (or fails to)."""
    control = window.room_control
    deadline = time.monotonic() + timeout_s
    while control.is_opening and time.monotonic() < deadline:
        QTest.qWait(20)


def listening(url: str) -> bool:
    """Whether something answers on the url's host and port."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=1):
            return True
    except OSError:
        return False
