"""The window's store gate for the room's server: work from another thread runs on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from facilitator.text import Text, UserError
from facilitator.ui.room_gate import ROOM_CLOSING, WINDOW_BUSY, GuiStoreGate


class _ServerThread(threading.Thread):
    """Stands in for the room's server: one call through the gate, its answer kept."""

    def __init__(self, gate: GuiStoreGate, work) -> None:
        super().__init__(daemon=True)
        self.gate = gate
        self.work = work
        self.value: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = self.gate.call(self.work)
        except BaseException as error:
            self.error = error


def _answered(qtbot, thread: _ServerThread) -> None:
    # The GUI thread keeps processing events (as the window does) until the server has its answer.
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)


def test_work_from_the_server_thread_runs_on_the_gui_thread_with_the_store(qtbot, store):
    gate = GuiStoreGate(store)
    seen = {}

    def work(given):
        seen["thread"] = QThread.currentThread()
        seen["store"] = given
        return given.list_sessions()

    thread = _ServerThread(gate, work)
    thread.start()
    _answered(qtbot, thread)
    assert thread.error is None
    assert thread.value == []
    assert seen["thread"] is QApplication.instance().thread()
    assert seen["store"] is store


def test_the_error_the_work_raised_reaches_the_server_thread(qtbot, store):
    gate = GuiStoreGate(store)
    problem = UserError(Text("For langt", "Too long"))

    def work(_store):
        raise problem

    thread = _ServerThread(gate, work)
    thread.start()
    _answered(qtbot, thread)
    assert thread.error is problem


def test_a_call_on_the_gui_thread_runs_at_once(store):
    gate = GuiStoreGate(store)
    assert gate.call(lambda given: given is store) is True


def test_a_window_that_does_not_answer_in_time_refuses_and_never_runs_the_work_late(qtbot, store):
    gate = GuiStoreGate(store, timeout_s=0.05)
    ran = []
    thread = _ServerThread(gate, lambda _store: ran.append(1))
    thread.start()
    # The GUI thread is busy (no events processed) for longer than the gate waits.
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert isinstance(thread.error, UserError)
    assert thread.error.text == WINDOW_BUSY
    QApplication.processEvents()
    assert ran == [], "work the page gave up on must not change the store afterwards"


def test_a_closing_gate_refuses_new_calls_and_answers_the_waiting_ones(qtbot, store):
    gate = GuiStoreGate(store, timeout_s=5)
    ran = []
    thread = _ServerThread(gate, lambda _store: ran.append(1))
    thread.start()
    # Waited for without processing Qt events: the GUI thread must not answer the call first.
    deadline = time.monotonic() + 5
    while not gate._pending and time.monotonic() < deadline:
        time.sleep(0.001)
    gate.close()
    thread.join(timeout=5)
    assert isinstance(thread.error, UserError)
    assert thread.error.text == ROOM_CLOSING
    QApplication.processEvents()
    assert ran == []
    with pytest.raises(UserError) as refused:
        gate.call(lambda _store: ran.append(2))
    assert refused.value.text == ROOM_CLOSING
    assert ran == []
