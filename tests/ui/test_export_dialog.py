"""Fil → Eksportér: written in the background while the window goes on, with its result told."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import facilitator.export
import facilitator.export.process
from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY, ExportDialog
from facilitator.ui.operations import Reporter
from tests.ui.modal import answer_dialog

DEMO_TITLE = "Kystpartnerskab Vesterhavsbugten"


@pytest.fixture
def window(app_runner, demo_id):
    return app_runner.start()


@pytest.fixture
def gate(monkeypatch):
    """The PDF's building waits at this gate until the test opens it (it is always opened at the end)."""
    event = threading.Event()
    real = facilitator.export.process.build_elsewhere
    builders: list[int] = []

    def build_elsewhere(*args, **kwargs):
        builders.append(threading.get_ident())
        assert event.wait(10), "the test never opened the gate"
        return real(*args, **kwargs)

    monkeypatch.setattr(facilitator.export.process, "build_elsewhere", build_elsewhere)
    event.builders = builders
    yield event
    event.set()


def _save_as(monkeypatch, target) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))


def test_the_full_report_is_built_in_the_background_while_the_window_goes_on(
    qtbot, window, app_runner, gate, tmp_path, monkeypatch
):
    _save_as(monkeypatch, tmp_path / "rapport")
    target = tmp_path / "rapport.pdf"

    def save_report(dialog: ExportDialog) -> None:
        dialog.buttons["report"].setChecked(True)
        dialog.save_button.click()

    try:
        problems = answer_dialog(ExportDialog, save_report)
        window.export_action.trigger()
        # The dialog has closed; the window is the facilitator's again while the report is built.
        assert QApplication.activeModalWidget() is None
        assert window.runner.busy
        qtbot.waitUntil(lambda: window.runner.progress is not None and window.runner.progress.isVisible())
        progress = window.runner.progress
        assert progress.labelText() == "Gemmer sessionsrapporten …"
        assert window.statusBar().isAncestorOf(progress), "in the window's status bar"
        assert not target.exists()
        window.session_page.next_step()  # the day goes on meanwhile
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy)

    assert problems == []
    assert gate.builders[0] != threading.get_ident(), "built off the GUI thread"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert DEMO_TITLE in " ".join(text.split())
    assert str(target) in window.statusBar().currentMessage()
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) == str(tmp_path)
    assert window.runner.progress is None


def test_the_heartbeat_keeps_time_while_a_real_report_is_built(qtbot, window, tmp_path, monkeypatch):
    """No gate: the real report of the demo day, with a 5 ms timer on the GUI thread meanwhile."""
    _save_as(monkeypatch, tmp_path / "rapport")
    beats: list[int] = []
    heartbeat = QTimer(window)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: window.runner.busy and beats.append(1))
    heartbeat.start()

    def save_report(dialog: ExportDialog) -> None:
        dialog.buttons["report"].setChecked(True)
        dialog.save_button.click()

    problems = answer_dialog(ExportDialog, save_report)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    heartbeat.stop()

    assert problems == []
    assert (tmp_path / "rapport.pdf").stat().st_size > 10_000
    # Building the report takes a few hundred milliseconds; the GUI thread beat all along.
    assert len(beats) >= 5


def test_a_report_that_cannot_be_written_says_why_and_nothing_is_left(qtbot, window, app_runner, tmp_path, monkeypatch):
    missing = tmp_path / "gone" / "rapport.pdf"
    _save_as(monkeypatch, missing)
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *args: warnings.append((title, text)))

    def save_report(dialog: ExportDialog) -> None:
        dialog.buttons["report"].setChecked(True)
        dialog.save_button.click()

    problems = answer_dialog(ExportDialog, save_report)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.runner.busy)

    assert problems == []
    [(title, reason)] = warnings
    assert title == "Eksporten lykkedes ikke"
    assert "mappen findes ikke" in reason
    assert not missing.exists()
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) is None


def test_the_report_waits_its_turn_behind_other_slow_work(qtbot, window, tmp_path, monkeypatch):
    _save_as(monkeypatch, tmp_path / "rapport")
    other = threading.Event()
    shown: list[str] = []
    assert window.runner.run(
        lambda: other.wait(10), label="Arkiverer sessionen …", report=Reporter(shown.append), on_success=lambda _: None
    )
    seen: dict[str, object] = {}

    def save_report(dialog: ExportDialog) -> None:
        dialog.buttons["report"].setChecked(True)
        dialog.save_button.click()
        seen["reason"] = dialog.error_label.text() if dialog.error_label.isVisibleTo(dialog) else ""
        seen["buttons"] = dialog.button_box.isEnabled()
        dialog.reject()

    try:
        problems = answer_dialog(ExportDialog, save_report)
        window.export_action.trigger()
    finally:
        other.set()
    qtbot.waitUntil(lambda: not window.runner.busy)

    assert problems == []
    assert seen == {"reason": "Vent et øjeblik, til dette er færdigt: Arkiverer sessionen …", "buttons": True}
    assert not (tmp_path / "rapport.pdf").exists()
    assert shown == []


def test_a_bug_in_the_report_builder_is_told_and_reaches_the_log(qtbot, window, app_runner, tmp_path, monkeypatch):
    _save_as(monkeypatch, tmp_path / "rapport")

    def broken_builder(*_args, **_kwargs):
        raise ZeroDivisionError("a column of width 0")

    # Raised where the process's result arrives: as a bug in the builder would come back.
    monkeypatch.setattr(facilitator.export.process, "build_elsewhere", broken_builder)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: warnings.append(text))

    def save_report(dialog: ExportDialog) -> None:
        dialog.buttons["report"].setChecked(True)
        dialog.save_button.click()

    with qtbot.captureExceptions() as exceptions:
        problems = answer_dialog(ExportDialog, save_report)
        window.export_action.trigger()
        qtbot.waitUntil(lambda: bool(exceptions))

    assert problems == []
    assert [kind for kind, _error, _traceback in exceptions] == [ZeroDivisionError]
    [reason] = warnings
    assert "Gemmer sessionsrapporten" in reason
    assert "fejl i programmet" in reason
    assert "width 0" not in reason
    assert not (tmp_path / "rapport.pdf").exists()
    assert not window.runner.busy


def test_the_window_stays_open_until_slow_work_is_done(qtbot, window, monkeypatch):
    other = threading.Event()
    delivered: list[object] = []
    assert window.runner.run(
        lambda: other.wait(10) and "archived",
        label="Arkiverer sessionen …",
        report=Reporter(lambda _message: None),
        on_success=delivered.append,
    )
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *args: warnings.append((title, text)))

    try:
        closed_early = window.close()
        visible = window.isVisible()
    finally:
        other.set()
    qtbot.waitUntil(lambda: not window.runner.busy)

    assert (closed_early, visible) == (False, True)
    assert warnings == [("Vent et øjeblik", "Vent et øjeblik, til dette er færdigt: Arkiverer sessionen …")]
    assert delivered == ["archived"], "the work ended with its window there to hear it"
    assert window.close()


def test_the_language_waits_for_slow_work_too(qtbot, window):
    other = threading.Event()
    assert window.runner.run(
        lambda: other.wait(10),
        label="Arkiverer sessionen …",
        report=Reporter(lambda _m: None),
        on_success=lambda _: None,
    )
    try:
        window.change_settings(window.settings.changed(language="en"))
        kept = (window.settings.language, window.isVisible(), window.status_message.text())
    finally:
        other.set()
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert kept == ("da", True, "Vent et øjeblik, til dette er færdigt: Arkiverer sessionen …")
