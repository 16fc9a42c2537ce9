"""One way to run an operation from the UI, as Anki's `aqt/operations` does.

An operation is a call into the core (mostly the store) made because the user asked for
it. The UI does the same things around every one: run it, say in the user's language why
it did not work (a `UserError`), record the undo step when it did, and redraw. This module
does them, so a workspace never catches a `UserError` itself again.

Now: `Operations`, one per component (its language, reporter and undo stack). A workspace
gets it from its context, the main window has `window.operations`::

    self.operations = context.operations(self.undo_stack)       # failures: the status bar
    added = self.operations.run(
        lambda: store.add_circle(session_id, partner_id, kind),
        undo=lambda circle: DoneCommand(...),                   # pushed only when it worked
        refresh=self.reload,                                    # after success and failure alike
    )
    if added.failed:
        return
    self.show_circle(added.value)

`Operations.run(work, *, undo=None, refresh=None, report=None) -> Outcome[T]` calls `work()`.
On success it clears the reporter, pushes `undo(value)` (a command that is already done,
such as `ui.undo.DoneCommand`; None when there is nothing worth undoing) and returns
`Outcome(value)`. On a `UserError` it shows the message in the component's language, pushes
nothing and returns a failed `Outcome` (`.failed`, `.error`, `.message`). `refresh` runs
either way, after the push: it redraws from the store, which is right whether or not the
work got through (a failed drag puts the notes back). A read that can show something else
instead uses `run(read).value_or(default)`. Any other exception is a bug and propagates.

How a failure is shown stays the call site's choice (`report=` per call or per component):

- `Reporter(show, clear=...)`: any callable taking the message; the usual one is the status
  bar, which does not interrupt the work (`SessionContext.operations()`, `MainWindow.show_error`).
- `message_box(parent, title)`: a modal warning, for commands the user gave explicitly
  (import, restore, open).
- `in_label(label, also=None)`: a label beside the work, hidden again by the next success.

Later: `BackgroundRunner`, one per main window (`window.runner`), handed to whoever needs it::

    snapshot = take_snapshot(store, session_id)                 # read on the GUI thread
    started = runner.run(
        lambda: build_pdf(snapshot, "report", language),        # plain data in, bytes out
        label=self.tr("Gemmer sessionsrapporten …"),
        report=in_label(self.error_label),
        on_success=self.saved, on_failure=lambda message: ..., parent=self,
    )

`run(work, *, label, report, on_success, on_failure=None, parent=None) -> bool` returns
False, and reports why, while another operation still runs: never two at once
(`busy`, `busy_changed`). The work runs on a worker thread, so it gets plain data only:
it must never touch a widget or the store. `on_success(value)` and `on_failure(message)`
run on the GUI thread. Once the work has taken `PROGRESS_DELAY_MS`, a busy indicator with
the label appears in the main window's status bar (the window stays usable; over `parent`
as a small dialog when the runner belongs to no main window). An exception that is not a `UserError` is a bug: the user is told the
work failed (`report`, then `on_failure`, so no dialog stays busy for ever) and the exception
is raised again on the GUI thread, so a bug never vanishes in a thread.

Whatever would pull the ground from under running work (closing the window, restoring or
deleting the session, relaunching in another language) asks `runner.refuse_while_busy(report)`
first, and the application waits for the last work (`wait_until_done()`) before it closes
the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QWidget,
)

from facilitator.text import UserError
from facilitator.ui.interpreter import switch_quickly

T = TypeVar("T")

# Work that ends sooner than this shows no busy indicator (it would only flicker).
PROGRESS_DELAY_MS = 400


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Reporter:
    """How an operation's failure is shown to the user, and taken away again after a success."""

    show: Callable[[str], object]
    clear: Callable[[], object] = _nothing


def message_box(parent: QWidget, title: str) -> Reporter:
    """A modal warning with a title: for commands the user gave explicitly."""
    return Reporter(lambda message: QMessageBox.warning(parent, title, message))


def in_label(label: QLabel, also: Callable[[str], object] | None = None) -> Reporter:
    """The reason in a label beside the work (and `also` elsewhere); the next success hides it."""

    def show(message: str) -> None:
        label.setText(message)
        label.show()
        if also is not None:
            also(message)

    return Reporter(show, label.hide)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation came to: its value, or the error and the message the user was shown."""

    value: T | None = None
    error: UserError | None = None
    # The reason it failed as the user read it, in their language ("" when it worked).
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def value_or(self, default: T) -> T:
        """The value, or `default` when the operation failed (a read that may show something else)."""
        return self.value if self.error is None else default


class Operations:
    """Runs one component's operations: the same language, reporter and undo history each time."""

    def __init__(self, language: str, report: Reporter, undo_stack: QUndoStack | None = None) -> None:
        self.language = language
        self.report = report
        self.undo_stack = undo_stack

    def run(
        self,
        work: Callable[[], T],
        *,
        undo: Callable[[T], QUndoCommand | None] | None = None,
        refresh: Callable[[], object] | None = None,
        report: Reporter | None = None,
    ) -> Outcome[T]:
        """Do `work` now; see the module docstring for what happens on success and on failure."""
        reporter = report or self.report
        try:
            value = work()
        except UserError as error:
            outcome: Outcome[T] = Outcome(error=error, message=error.message(self.language))
            reporter.show(outcome.message)
        else:
            outcome = Outcome(value)
            reporter.clear()
            command = undo(value) if undo is not None else None
            if command is not None:
                if self.undo_stack is None:
                    raise ValueError("an undoable operation needs the component's undo stack")
                self.undo_stack.push(command)
        if refresh is not None:
            refresh()
        return outcome


@dataclass
class _Finished:
    """What a worker thread hands back: the value, the user's error, or a bug."""

    value: object = None
    user_error: UserError | None = None
    bug: BaseException | None = None


class _Relay(QObject):
    """Carries a worker's result to the GUI thread (a queued signal to the runner)."""

    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            finished = _Finished(value=self._work())
        except UserError as error:
            finished = _Finished(user_error=error)
        except BaseException as error:  # handed to the GUI thread, which raises it again
            finished = _Finished(bug=error)
        self._relay.finished.emit(finished)


class StatusProgress(QWidget):
    """The status bar's sign of work in the background: what it is, and a bar that says busy."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(label)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy, not a made-up percentage
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(label)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def labelText(self) -> str:
        return self.label.text()


@dataclass
class _Request:
    label: str
    report: Reporter
    on_success: Callable[[object], object]
    on_failure: Callable[[str], object] | None
    parent: QWidget
    job: _Job
    relay: _Relay


class BackgroundRunner(QObject):
    """Runs slow work off the GUI thread, one piece at a time, with a busy indicator.

    Owned by the main window and handed to whoever needs it; never a module global.
    """

    # True when work starts, False when it is done: a window may grey out what would start more.
    busy_changed = Signal(bool)

    def __init__(self, language: str, parent: QWidget, *, progress_delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self.language = language
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._request: _Request | None = None
        self._progress: StatusProgress | QProgressDialog | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(progress_delay_ms)
        self._progress_timer.timeout.connect(self._show_progress)
        #: Gives the interval back when the work is done (see `facilitator.ui.interpreter`).
        self._switch_back: Callable[[], None] | None = None

    @property
    def busy(self) -> bool:
        return self._request is not None

    @property
    def progress(self) -> StatusProgress | QProgressDialog | None:
        """The busy indicator on screen, if the work has taken long enough to show one."""
        return self._progress

    def refuse_while_busy(self, report: Reporter) -> bool:
        """True, and `report` says what is still running, while work runs; False when idle."""
        if self._request is None:
            return False
        report.show(
            QCoreApplication.translate("Operations", "Vent et øjeblik, til dette er færdigt: %1").replace(
                "%1", self._request.label
            )
        )
        return True

    def wait_until_done(self, msecs: int = -1) -> bool:
        """Block until the worker thread is idle (the result is delivered later, if at all)."""
        return self._pool.waitForDone(msecs)

    def run(
        self,
        work: Callable[[], T],
        *,
        label: str,
        report: Reporter,
        on_success: Callable[[T], object],
        on_failure: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> bool:
        """Start `work` on a worker thread; False, and `report` says why, while another still runs."""
        if self.refuse_while_busy(report):
            return False
        relay = _Relay()
        relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        job = _Job(work, relay)
        self._request = _Request(label, report, on_success, on_failure, parent or self.parent(), job, relay)
        # A worker running Python (ReportLab) would hold up the window's paints.
        self._switch_back = switch_quickly()
        self.busy_changed.emit(True)
        self._progress_timer.start()
        self._pool.start(job)
        return True

    def _show_progress(self) -> None:
        if self._request is None:
            return
        window = self.parent()
        if isinstance(window, QMainWindow):
            indicator = StatusProgress(self._request.label)
            window.statusBar().addPermanentWidget(indicator)
            indicator.show()
            self._progress = indicator
            return
        dialog = QProgressDialog(self._request.label, "", 0, 0, self._request.parent)
        dialog.setWindowTitle(QCoreApplication.translate("Operations", "Et øjeblik"))
        dialog.setMinimumWidth(360)
        dialog.setCancelButton(None)  # the work cannot be stopped halfway; it is never half-written either
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        self._progress = dialog

    def _finished(self, finished: _Finished) -> None:
        request, self._request = self._request, None
        if self._switch_back is not None:
            self._switch_back()
            self._switch_back = None
        self._progress_timer.stop()
        if self._progress is not None:
            if isinstance(self._progress, QProgressDialog):
                # reset() also stops the dialog's own timer, which would otherwise show it again.
                self._progress.reset()
            self._progress.hide()
            self._progress.deleteLater()
            self._progress = None
        self.busy_changed.emit(False)
        if request is None:
            return
        if finished.bug is not None or finished.user_error is not None:
            if finished.user_error is not None:
                message = finished.user_error.message(self.language)
            else:
                message = QCoreApplication.translate(
                    "Operations",
                    "Det lykkedes ikke (%1). Det er en fejl i programmet; prøv igen, og meld fejlen, hvis den kommer igen.",
                ).replace("%1", request.label.rstrip(" …."))
            request.report.show(message)
            if request.on_failure is not None:
                request.on_failure(message)
            if finished.bug is not None:
                raise finished.bug
            return
        request.report.clear()
        request.on_success(finished.value)


__all__ = [
    "PROGRESS_DELAY_MS",
    "BackgroundRunner",
    "Operations",
    "Outcome",
    "Reporter",
    "StatusProgress",
    "in_label",
    "message_box",
]
