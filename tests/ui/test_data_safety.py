"""Backups, restore, deleting for good, a damaged database and a second start, as the facilitator meets them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.store import Store
from facilitator.store.backup import Backups, read_contents
from facilitator.ui.app import open_store
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.circle_view import ElementLine
from facilitator.ui.data_dialogs import DeleteSessionDialog, RecoveryDialog, RestoreDialog
from facilitator.ui.single_instance import SingleInstance
from tests.full_disk import FULL_DISK
from tests.ui.modal import answer_dialog

DEMO_TITLE = "Kystpartnerskab Vesterhavsbugten"
#: The demo button makes the demo day and its follow-up two months later.
FOLLOWUP_TITLE = DEMO_TITLE + " – 2. møde"


def _open_demo(qtbot, app_runner):
    window = app_runner.start()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert window.session_page is not None
    return window


def test_opening_a_session_backs_it_up_and_changes_are_backed_up_every_ten_minutes(qtbot, app_runner):
    window = _open_demo(qtbot, app_runner)
    backups = app_runner.store.backups
    [opened] = backups.list()
    assert opened.reason == "open"
    assert sorted(s.title for s in read_contents(opened.path).sessions) == [DEMO_TITLE, FOLLOWUP_TITLE]

    window.backup_timer.timeout.emit()  # a minute later, nothing new
    assert len(backups.list()) == 1
    app_runner.store.update_session(window.session_page.session_id, venue="Svendborg")
    app_runner.clock.advance(5 * 60)
    window.backup_timer.timeout.emit()
    assert len(backups.list()) == 1, "not before ten minutes have passed"
    app_runner.clock.advance(5 * 60)
    window.backup_timer.timeout.emit()
    newest = backups.list()[0]
    assert newest.reason == "interval"
    assert newest.made_at == app_runner.clock.wall()


def test_a_failing_backup_is_reported_in_the_status_bar_and_work_goes_on(qtbot, app_runner, tmp_path):
    window = _open_demo(qtbot, app_runner)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app_runner.store.backups.folder = blocker / "backups"
    window.make_backup("manual")
    assert "Sikkerhedskopien kunne ikke gemmes" in window.status_message.text()
    assert window.session_page is not None


def test_restore_from_the_file_menu_brings_the_chosen_backup_back(qtbot, app_runner):
    window = _open_demo(qtbot, app_runner)
    session_id = window.session_page.session_id
    app_runner.store.update_session(session_id, title="Ændret efter kopien")
    app_runner.clock.advance(60)

    def choose_newest(dialog: RestoreDialog) -> None:
        assert dialog.backup_list.topLevelItemCount() == 1
        assert DEMO_TITLE in dialog.backup_list.topLevelItem(0).text(2)
        # Made a minute ago on the app's clock, months before the computer's calendar.
        assert dialog.backup_list.topLevelItem(0).text(0).startswith("i dag ")
        assert "4 partnere" in dialog.details.text()
        qtbot.keyClick(dialog.backup_list, Qt.Key.Key_Return)

    problems = answer_dialog(RestoreDialog, choose_newest)
    window.restore_action.trigger()

    assert problems == []
    assert app_runner.store.get_session(session_id).title == DEMO_TITLE
    assert window.session_page is not None
    assert window.session_page.session_id == session_id
    assert DEMO_TITLE in window.windowTitle()
    assert "gendannet fra sikkerhedskopien fra i dag" in window.statusBar().currentMessage()
    # The state before the restore was kept as a backup of its own.
    before = [b for b in app_runner.store.backups.list() if b.reason == "restore"]
    assert sorted(s.title for s in read_contents(before[0].path).sessions) == [FOLLOWUP_TITLE, "Ændret efter kopien"]


def test_cancelling_the_restore_changes_nothing(qtbot, app_runner):
    window = _open_demo(qtbot, app_runner)
    session_id = window.session_page.session_id
    app_runner.store.update_session(session_id, title="Bliver")
    problems = answer_dialog(RestoreDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    window.restore_action.trigger()
    assert problems == []
    assert app_runner.store.get_session(session_id).title == "Bliver"
    assert [b.reason for b in app_runner.store.backups.list()] == ["open"]


def _start_page_with_demo(qtbot, app_runner):
    """The start page after the demo, the demo day chosen (under its partnership's heading)."""
    window = _open_demo(qtbot, app_runner)
    day = window.session_page.session_id
    window.close_action.trigger()
    start = window.start_page
    start.recent_list.setFocus()
    [row] = [
        row
        for row in range(start.recent_list.count())
        if start.recent_list.item(row).data(Qt.ItemDataRole.UserRole) == day
    ]
    start.recent_list.setCurrentRow(row)
    return window, start


def test_deleting_a_session_asks_first_and_enter_does_not_delete(qtbot, app_runner):
    _window, start = _start_page_with_demo(qtbot, app_runner)

    problems = answer_dialog(DeleteSessionDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
    qtbot.keyClick(start.recent_list, Qt.Key.Key_Delete)

    assert problems == []
    assert sorted(s.title for s in app_runner.store.list_sessions()) == [DEMO_TITLE, FOLLOWUP_TITLE]


def test_deleting_a_session_can_purge_it_from_the_backups_too(qtbot, app_runner):
    window, start = _start_page_with_demo(qtbot, app_runner)
    store = app_runner.store
    session_id = start.recent_list.currentItem().data(Qt.ItemDataRole.UserRole)
    assert store.get_session(session_id).title == DEMO_TITLE
    uid = store.session_uid(session_id)
    assert len(store.backups.holding_session(session_id, uid)) == 1

    def purge_and_delete(dialog: DeleteSessionDialog) -> None:
        assert "ældre sikkerhedskopi" in " ".join(label.text() for label in dialog.findChildren(QLabel))
        qtbot.keyClick(dialog.purge_box, Qt.Key.Key_Space)
        assert dialog.purge
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

    problems = answer_dialog(DeleteSessionDialog, purge_and_delete)
    qtbot.mouseClick(start.delete_button, Qt.MouseButton.LeftButton)

    assert problems == []
    assert [s.title for s in store.list_sessions()] == [FOLLOWUP_TITLE]
    assert store.backups.holding_session(session_id, uid) == []
    shown = [start.recent_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(start.recent_list.count())]
    assert session_id not in shown
    assert "slettet" in window.statusBar().currentMessage()


def _damaged_store_with_backup(paths, demo_database) -> bytes:
    demo_database.copy_to(paths.database)
    store = Store(paths.database)
    store.backups.make("open")
    store.close()
    data = paths.database.read_bytes()
    paths.database.write_bytes(data[: len(data) // 2])
    return paths.database.read_bytes()


def test_a_damaged_database_at_start_offers_the_newest_backup(qtbot, paths, demo_database):
    damaged = _damaged_store_with_backup(paths, demo_database)
    asked: list[RecoveryDialog] = []

    def restore(dialog: RecoveryDialog) -> str:
        asked.append(dialog)
        assert dialog.defaultButton() is dialog.button_for(RecoveryDialog.RESTORE)
        assert dialog.escapeButton() is dialog.button_for(RecoveryDialog.QUIT)
        assert DEMO_TITLE in dialog.informativeText()
        dialog.button_for(RecoveryDialog.RESTORE).click()
        return dialog.choice

    store, notice = open_store(paths, ask=restore)
    try:
        assert len(asked) == 1
        assert [s.title for s in store.list_sessions()] == [DEMO_TITLE]
        assert "lagt til side" in notice
        assert "gendannet" in notice
        [aside] = paths.data_dir.glob("*.beskadiget-*.sqlite3")
        assert aside.read_bytes() == damaged
    finally:
        store.close()


def test_quitting_at_the_damaged_database_question_leaves_everything_as_it_was(paths, demo_database):
    damaged = _damaged_store_with_backup(paths, demo_database)
    store, notice = open_store(paths, ask=lambda dialog: RecoveryDialog.QUIT)
    assert store is None
    assert notice == ""
    assert paths.database.read_bytes() == damaged
    assert list(paths.data_dir.glob("*.beskadiget-*.sqlite3")) == []


def test_starting_empty_after_damage_keeps_the_damaged_file_aside(paths, demo_database):
    damaged = _damaged_store_with_backup(paths, demo_database)
    store, _notice = open_store(paths, ask=lambda dialog: RecoveryDialog.EMPTY)
    try:
        assert store.list_sessions() == []
        [aside] = paths.data_dir.glob("*.beskadiget-*.sqlite3")
        assert aside.read_bytes() == damaged
        assert Backups(paths.database).list(), "the backups are still there to restore later"
    finally:
        store.close()


def test_typed_text_waits_at_most_the_deadline_however_fast_the_typing(qtbot):
    saved: list[int] = []
    save = DebouncedSave(lambda: saved.append(1), delay_ms=400, max_delay_ms=800)
    save.schedule()
    deadline = save._deadline.timerId()
    for _ in range(5):
        save.schedule()  # every key press restarts the pause timer ...
    assert save._deadline.timerId() == deadline  # ... but never the deadline
    assert save._deadline.interval() == 800
    save._deadline.timeout.emit()
    assert saved == [1]
    assert not save.pending
    save._timer.timeout.emit()  # a late pause timer has nothing left to save
    assert saved == [1]


def test_a_second_instance_hands_over_to_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "data")
    second = SingleInstance(tmp_path / "data")
    try:
        assert first.acquire()
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.notify_running()
    finally:
        first.release()
    assert second.acquire(), "once the first has quit, the folder is free"
    second.release()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_starting_the_app_again_brings_the_running_window_forward(qtbot, tmp_path):
    data = tmp_path / "data"
    running = SingleInstance(data)
    assert running.acquire()
    try:
        with qtbot.waitSignal(running.activation_requested, timeout=30_000):
            child = subprocess.Popen(
                [sys.executable, "-m", "facilitator", "--data-dir", str(data)],
                env=_child_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        _out, err = child.communicate(timeout=30)
        assert child.returncode == 0, err.decode()
        assert not (data / "facilitator.sqlite3").exists(), "the second start never opened the database"
    finally:
        running.release()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to simulate a crash")
def test_the_lock_of_a_crashed_app_is_taken_over(qtbot, tmp_path):
    data = tmp_path / "data"
    script = textwrap.dedent(
        f"""
        import sys, time
        from PySide6.QtCore import QCoreApplication
        from facilitator.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance({str(data)!r})
        print("locked" if instance.acquire() else "refused", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], env=_child_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        assert not SingleInstance(data).acquire()
        child.kill()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    after_crash = SingleInstance(data)
    assert after_crash.acquire()
    after_crash.release()


def test_second_start_path_is_the_data_folder(tmp_path: Path):
    a = SingleInstance(tmp_path / "a")
    b = SingleInstance(tmp_path / "b")
    assert a.name != b.name, "two data folders may run side by side"


def test_a_session_file_goes_out_and_comes_back_through_the_file_menu(qtbot, app_runner, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = _open_demo(qtbot, app_runner)
    target = tmp_path / "ud" / "kopi"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.export_file_action.trigger()
    written = target.with_name("kopi.json")
    assert written.is_file()
    assert str(written) in window.statusBar().currentMessage()

    # The same session is here already: the facilitator keeps both.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(written), ""))

    def keep_both(dialog: QMessageBox) -> None:
        assert DEMO_TITLE in dialog.text()
        [keep] = [b for b in dialog.buttons() if "Behold begge" in b.text()]
        keep.click()

    problems = answer_dialog(QMessageBox, keep_both, wait_ms=10_000)
    window.import_file_action.trigger()
    # Read and stored in the background: the window opens the copy once it is in.
    qtbot.waitUntil(lambda: len(app_runner.store.list_sessions()) == 3 and not window.runner.busy, timeout=15_000)
    assert problems == []
    titles = sorted(s.title for s in app_runner.store.list_sessions())
    assert titles == [DEMO_TITLE, DEMO_TITLE + " (importeret)", FOLLOWUP_TITLE]
    assert window.session_page.session_title.text() == DEMO_TITLE + " (importeret)"


def test_a_broken_session_file_is_refused_with_the_place_and_nothing_is_stored(
    qtbot, app_runner, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = app_runner.start()
    broken = tmp_path / "halv.json"
    broken.write_text('{"format": "facilitator-session", "version": 1, "session": {"title": ', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))

    qtbot.mouseClick(window.start_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)

    assert len(shown) == 1
    assert "halv.json" in shown[0]
    assert "linje 1" in shown[0]
    assert app_runner.store.list_sessions() == []
    assert window.session_page is None


def test_an_undo_that_cannot_be_saved_leaves_the_history_honest(qtbot, full_disk):
    from PySide6.QtGui import QUndoStack

    from facilitator.ui.undo import DoneCommand

    reported: list[str] = []
    stack = QUndoStack()
    stack.push(DoneCommand("Ret", lambda: None, full_disk.fail, lambda: None, lambda e: reported.append(e.message())))
    assert stack.canUndo()
    stack.undo()
    assert reported == [FULL_DISK.da]
    assert stack.count() == 0, "a failed undo is not left on the stack as if it had happened"
    assert not stack.canRedo()


def test_a_note_that_meets_a_full_disk_stays_on_screen_and_is_saved_when_space_returns(qtbot, app_runner, full_disk):
    window = _open_demo(qtbot, app_runner)
    page = window.session_page
    store = app_runner.store
    full_disk.fill(store, "set_step_note")
    notes = page.guide.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Husk mikrofonen")
    page.guide.flush()

    assert FULL_DISK.da in window.status_message.text()
    assert notes.toPlainText().endswith("Husk mikrofonen")
    assert page.guide.unsaved_notes == 1
    retry = page.guide._notes_save._retry
    assert retry.isActive(), "a retry is on its way"

    full_disk.free()
    retry.timeout.emit()
    assert page.guide.unsaved_notes == 0
    assert store.step_notes(page.session_id)[page.current_step_id].endswith("Husk mikrofonen")


def test_an_element_edit_that_meets_a_full_disk_is_retried(qtbot, app_runner, full_disk):
    window = _open_demo(qtbot, app_runner)
    page = window.session_page
    page.go_to_step("delsession-1-individuelt")
    QApplication.processEvents()
    workspace = page.current_workspace()
    store = app_runner.store
    full_disk.fill(store, "update_element")
    line = workspace.findChildren(ElementLine)[0]
    element_id = line.element.id
    line.edit.setFocus()
    line.edit.end(False)
    qtbot.keyClicks(line.edit, " (rettet)")
    line.flush()
    assert line.pending, "the edit waits for a retry"
    assert line.edit.text().endswith(" (rettet)")

    full_disk.free()
    line._save._retry.timeout.emit()
    assert store.element(element_id).text.endswith(" (rettet)")
