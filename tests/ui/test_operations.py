"""The one way the UI runs an operation: errors in the user's language, undo, redraw, slow work off the GUI thread."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget

from facilitator.ui.operations import BackgroundRunner, Operations, Reporter, in_label, message_box
from tests.full_disk import FULL_DISK, FullDisk


class Step(QUndoCommand):
    """A recorded step that remembers whether the stack tried to redo it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.redone = 0

    def redo(self) -> None:
        self.redone += 1


# Synchronous ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [("da", FULL_DISK.da), ("en", FULL_DISK.en)])
def test_a_user_error_is_shown_in_the_users_language_and_nothing_is_recorded(qtbot, language, expected):
    shown: list[str] = []
    redrawn: list[int] = []
    stack = QUndoStack()
    ops = Operations(language, Reporter(shown.append), stack)

    outcome = ops.run(FullDisk.fail, undo=lambda _value: Step("Ret"), refresh=lambda: redrawn.append(stack.count()))

    assert outcome.failed
    assert not outcome.ok
    assert outcome.message == expected
    assert outcome.error.text == FULL_DISK
    assert shown == [expected]
    assert stack.count() == 0
    assert redrawn == [0], "the screen is redrawn from the store even so"


def test_success_records_exactly_one_undo_step_and_then_redraws(qtbot):
    shown: list[str] = []
    redrawn: list[int] = []
    stack = QUndoStack()
    ops = Operations("da", Reporter(shown.append), stack)
    recorded: list[Step] = []

    def record(value: int) -> Step:
        recorded.append(Step(f"Tilføj {value}"))
        return recorded[-1]

    outcome = ops.run(lambda: 42, undo=record, refresh=lambda: redrawn.append(stack.count()))

    assert outcome.ok
    assert outcome.value == 42
    assert outcome.message == ""
    assert shown == []
    assert stack.count() == 1
    assert stack.text(0) == "Tilføj 42"
    assert redrawn == [1], "redrawn after the step was recorded"
    assert recorded[0].redone == 1, "the stack's own redo on push is the command's business (DoneCommand skips it)"


def test_a_label_says_why_and_the_next_success_hides_it(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel(holder)
    label.hide()
    also: list[str] = []
    ops = Operations("en", in_label(label, also=also.append))

    ops.run(FullDisk.fail)
    assert label.isVisibleTo(holder)
    assert label.text() == FULL_DISK.en
    assert also == [FULL_DISK.en]

    assert ops.run(lambda: None).ok
    assert not label.isVisibleTo(holder)


def test_an_explicit_command_can_say_it_in_a_message_box_with_a_title(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    boxes: list[tuple[object, str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args))
    ops = Operations("da", Reporter(lambda _message: pytest.fail("the status bar is not asked")))

    outcome = ops.run(FullDisk.fail, report=message_box(parent, "Sikkerhedskopien kan ikke gendannes"))

    assert outcome.failed
    assert boxes == [(parent, "Sikkerhedskopien kan ikke gendannes", FULL_DISK.da)]


def test_a_bug_is_not_reported_as_the_users_problem(qtbot):
    shown: list[str] = []
    stack = QUndoStack()
    ops = Operations("da", Reporter(shown.append), stack)
    with pytest.raises(ZeroDivisionError):
        ops.run(lambda: 1 / 0, undo=lambda _value: Step("Del"))
    assert shown == []
    assert stack.count() == 0


# In the background ------------------------------------------------------------------------------


class Results:
    """What a background operation delivered, and on which thread."""

    def __init__(self) -> None:
        self.values: list[object] = []
        self.failures: list[str] = []
        self.shown: list[str] = []
        self.threads: list[int] = []

    def success(self, value: object) -> None:
        self.threads.append(threading.get_ident())
        self.values.append(value)

    def failure(self, message: str) -> None:
        self.threads.append(threading.get_ident())
        self.failures.append(message)

    @property
    def report(self) -> Reporter:
        return Reporter(self.shown.append)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    widget.resize(500, 300)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def gate():
    """A worker waits on this until the test lets it go; never left shut after a test."""
    event = threading.Event()
    yield event
    event.set()


def _waiting_work(gate: threading.Event, worker_threads: list[int], value: object = "pdf-bytes"):
    def work() -> object:
        worker_threads.append(threading.get_ident())
        assert gate.wait(10), "the test never opened the gate"
        return value

    return work


def test_slow_work_runs_off_the_gui_thread_with_a_busy_indicator_and_hands_back_on_it(qtbot, window, gate):
    runner = BackgroundRunner("da", window, progress_delay_ms=50)
    results = Results()
    worker_threads: list[int] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)

    started = runner.run(
        _waiting_work(gate, worker_threads),
        label="Gemmer sessionsrapporten …",
        report=results.report,
        on_success=results.success,
        on_failure=results.failure,
    )

    assert started
    assert runner.busy
    assert busy == [True]
    assert runner.progress is None, "nothing flickers for work that ends at once"
    qtbot.waitUntil(lambda: runner.progress is not None and runner.progress.isVisible())
    progress = runner.progress
    assert progress.labelText() == "Gemmer sessionsrapporten …"
    assert progress.maximum() == progress.minimum() == 0, "busy, not a made-up percentage"
    assert not progress.isModal()
    assert len(worker_threads) == 1
    assert worker_threads[0] != threading.get_ident(), "the work ran on a worker thread"
    assert results.values == []

    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)

    assert results.values == ["pdf-bytes"]
    assert results.threads == [threading.get_ident()], "delivered on the GUI thread"
    assert results.failures == results.shown == []
    assert busy == [True, False]
    assert runner.progress is None
    assert not [dialog for dialog in window.findChildren(QProgressDialog) if dialog.isVisible()]


def test_a_second_operation_is_refused_while_one_runs(qtbot, window, gate):
    runner = BackgroundRunner("da", window)
    first, second = Results(), Results()
    worker_threads: list[int] = []
    assert runner.run(
        _waiting_work(gate, worker_threads, "first"),
        label="Gemmer sessionsrapporten …",
        report=first.report,
        on_success=first.success,
    )

    ran_second: list[bool] = []
    refused = runner.run(
        lambda: ran_second.append(True), label="Læser sessionsfilen …", report=second.report, on_success=second.success
    )

    assert not refused
    assert second.shown == ["Vent et øjeblik, til dette er færdigt: Gemmer sessionsrapporten …"]
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert first.values == ["first"]
    assert ran_second == []
    assert second.values == []

    assert runner.run(lambda: "again", label="Igen", report=second.report, on_success=second.success)
    qtbot.waitUntil(lambda: not runner.busy)
    assert second.values == ["again"], "free again once the first is done"


def test_what_would_pull_the_ground_away_is_refused_while_work_runs(qtbot, window, gate):
    runner = BackgroundRunner("da", window)
    work, closing = Results(), Results()
    assert not runner.refuse_while_busy(closing.report), "idle: nothing to wait for"
    runner.run(
        _waiting_work(gate, [], "saved"),
        label="Gemmer sessionsrapporten …",
        report=work.report,
        on_success=work.success,
    )

    assert runner.refuse_while_busy(closing.report)
    assert closing.shown == ["Vent et øjeblik, til dette er færdigt: Gemmer sessionsrapporten …"]
    assert not runner.wait_until_done(20), "the worker is still at it"
    gate.set()
    assert runner.wait_until_done(5000)
    qtbot.waitUntil(lambda: not runner.busy)
    assert work.values == ["saved"]
    assert not runner.refuse_while_busy(closing.report)


@pytest.mark.parametrize(("language", "expected"), [("da", FULL_DISK.da), ("en", FULL_DISK.en)])
def test_a_user_error_in_the_worker_is_reported_on_the_gui_thread(qtbot, window, language, expected):
    runner = BackgroundRunner(language, window)
    results = Results()
    runner.run(FullDisk.fail, label="…", report=results.report, on_success=results.success, on_failure=results.failure)
    qtbot.waitUntil(lambda: not runner.busy)
    assert results.shown == [expected]
    assert results.failures == [expected]
    assert results.values == []
    assert results.threads == [threading.get_ident()]


def test_a_bug_in_the_worker_is_raised_again_on_the_gui_thread(qtbot, window):
    """The user hears it failed (so nothing waits for ever), and the bug still reaches the log."""
    runner = BackgroundRunner("da", window)
    results = Results()

    def broken() -> None:
        raise KeyError("partner 7")

    with qtbot.captureExceptions() as exceptions:
        runner.run(
            broken,
            label="Gemmer sessionsrapporten …",
            report=results.report,
            on_success=results.success,
            on_failure=results.failure,
        )
        qtbot.waitUntil(lambda: not runner.busy)
        qtbot.waitUntil(lambda: bool(exceptions))
    [(kind, error, _traceback)] = exceptions
    assert kind is KeyError
    assert error.args == ("partner 7",)
    assert results.values == []
    [shown] = results.shown
    assert "Gemmer sessionsrapporten" in shown
    assert "fejl i programmet" in shown
    assert "partner 7" not in shown, "the user is not shown a traceback's words"
    assert results.failures == [shown]
    assert runner.run(lambda: 1, label="…", report=results.report, on_success=results.success), "nor does it jam"
    qtbot.waitUntil(lambda: results.values == [1])


def test_the_gui_thread_gets_the_interpreter_back_sooner_while_work_runs(qtbot, window, gate):
    runner = BackgroundRunner("da", window)
    before = sys.getswitchinterval()
    runner.run(_waiting_work(gate, []), label="…", report=Results().report, on_success=lambda _value: None)
    during = sys.getswitchinterval()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert during < before, "a worker running Python would hold the GUI thread up to 5 ms at each call"
    assert sys.getswitchinterval() == before
