"""Delsession 4 on screen: quick entry, editing, the SMART check, undo, the projector and export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from facilitator.demo import create_demo_session
from facilitator.store import Store
from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY, ExportDialog
from facilitator.ui.workspaces.next_steps import (
    COL_CHECK,
    COL_DUE,
    COL_OWNER,
    COL_STATUS,
    NextStepsTemplateWorkspace,
    NextStepsWorkspace,
)

STEP = "delsession-4-naeste-skridt"
TEMPLATE_STEP = "delsession-4-skabelon"


@pytest.fixture
def session_id(paths, program) -> int:
    store = Store(paths.database)
    session_id = store.create_session(program, title="Kystpartnerskab", date=dt.date(2026, 4, 27))
    store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning")
    store.set_last_session_id(session_id)
    store.close()
    return session_id


def _open(app_runner, step_id: str = STEP):
    window = app_runner.start()
    window.resize(1600, 1000)
    window.session_page.go_to_step(step_id)
    QApplication.processEvents()
    return window, window.session_page.current_workspace()


def _type_action(qtbot, workspace: NextStepsWorkspace, line: str) -> None:
    workspace.entry.setFocus()
    qtbot.keyClicks(workspace.entry, line)
    qtbot.keyClick(workspace.entry, Qt.Key.Key_Return)


def test_a_typed_line_becomes_an_action_with_owner_and_date(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    assert isinstance(workspace, NextStepsWorkspace)
    _type_action(qtbot, workspace, "Ring til Kystdirektoratet om diget @MK !15.5")
    [action] = app_runner.store.actions(session_id)
    assert (action.area, action.what, action.due) == (
        "relations",
        "Ring til Kystdirektoratet om diget",
        dt.date(2026, 5, 15),
    )
    assert app_runner.store.partners(session_id)[0].id == action.owner_partner_id
    assert workspace.entry.text() == ""
    # The next line can be typed at once.
    assert workspace.entry.hasFocus()
    row = workspace.row_item(action.id)
    assert row.text(COL_OWNER) == "Vesterhavs Kommune"
    assert row.text(COL_DUE) == "15.05.2026"
    assert row.text(COL_CHECK) == ""


def test_ctrl_number_chooses_the_area_and_the_check_asks_gently(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    QTest.keyClick(workspace.entry, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_area().id == "concept"
    _type_action(qtbot, workspace, "Måske kigge på Esbjerg")
    [action] = app_runner.store.actions(session_id)
    assert action.area == "concept"
    assert workspace.rows() == [("concept", "Måske kigge på Esbjerg")]
    # Never blocked, only asked: who, when, and what exactly.
    assert workspace.row_item(action.id).text(COL_CHECK) == "Hvem? Hvornår? Konkret?"
    workspace.select_action(action.id)
    assert "Hvem har ejerskabet?" in workspace.check_label.text()
    assert "Måske" in workspace.check_label.text()


def test_cells_are_edited_by_keyboard_and_undone(app_runner, qtbot, session_id):
    window, workspace = _open(app_runner)
    _type_action(qtbot, workspace, "Send budgettet til direktionen")
    [action] = app_runner.store.actions(session_id)

    workspace.select_action(action.id, COL_DUE)
    workspace.tree.setFocus()
    QTest.keyClick(workspace.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "1.6")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    assert app_runner.store.action(action.id).due == dt.date(2026, 6, 1)

    workspace.select_action(action.id, COL_STATUS)
    workspace.tree.setFocus()
    QTest.keyClick(workspace.tree, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData("done"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert app_runner.store.action(action.id).status == "done"

    window.undo_action.trigger()
    assert app_runner.store.action(action.id).status == "open"
    window.undo_action.trigger()
    assert app_runner.store.action(action.id).due is None
    window.redo_action.trigger()
    assert app_runner.store.action(action.id).due == dt.date(2026, 6, 1)


def test_a_date_that_is_no_date_is_refused_with_a_reason(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    _type_action(qtbot, workspace, "Send budgettet til direktionen")
    [action] = app_runner.store.actions(session_id)
    with qtbot.waitSignal(workspace.context.events.error) as error:
        workspace.change_text(action, "due", "snart")
    assert "snart" in error.args[0]
    assert app_runner.store.action(action.id).due is None


def test_person_with_whom_and_how_much_are_typed_below_the_table(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    _type_action(qtbot, workspace, "Send budgettet til direktionen @JF")
    [action] = app_runner.store.actions(session_id)
    workspace.select_action(action.id)
    for field, text in (("owner_person", "Jonas Friis"), ("with_whom", "Økonomi"), ("how_much", "3 timer")):
        edit = workspace.detail_edits[field]
        edit.setFocus()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    stored = app_runner.store.action(action.id)
    assert (stored.owner_person, stored.with_whom, stored.how_much) == ("Jonas Friis", "Økonomi", "3 timer")
    assert workspace.row_item(action.id).text(COL_OWNER) == "Vesterhavs Forsyning (Jonas Friis)"


def test_delete_moves_and_undo(app_runner, qtbot, session_id):
    window, workspace = _open(app_runner)
    for line in ("Første handling i relationer", "Anden handling i relationer"):
        _type_action(qtbot, workspace, line)
    first, second = app_runner.store.actions(session_id)
    workspace.select_action(second.id)
    workspace.tree.setFocus()
    QTest.keyClick(workspace.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    # Past the end of its area it moves on to the next one.
    assert app_runner.store.action(second.id).area == "timelines"
    QTest.keyClick(workspace.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(workspace.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [a.what for a in app_runner.store.actions(session_id)] == [second.what, first.what]
    QTest.keyClick(workspace.tree, Qt.Key.Key_Delete)
    assert [a.id for a in app_runner.store.actions(session_id)] == [first.id]
    window.undo_action.trigger()
    assert [a.id for a in app_runner.store.actions(session_id)] == [second.id, first.id]
    assert workspace.rows()[0] == ("relations", second.what)


def test_the_decision_rule_is_saved_and_folds_away(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    assert not workspace.decisions.isVisibleTo(workspace)
    QTest.keyClick(workspace.entry, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert workspace.decisions.isVisibleTo(workspace)
    rule = workspace.decision_editors[0].edit
    assert rule.hasFocus()
    qtbot.keyClicks(rule, "Enighed, ellers beslutter ejeren")
    workspace.flush()
    assert app_runner.store.form_texts(session_id, "decisions") == {"rule": "Enighed, ellers beslutter ejeren"}
    workspace.show_decisions(False)
    assert "Enighed, ellers beslutter ejeren" in workspace.decisions_toggle.text()


def test_the_projector_shows_the_actions_but_not_the_check(app_runner, qtbot, session_id):
    window, workspace = _open(app_runner)
    _type_action(qtbot, workspace, "Måske kigge på Esbjerg @MK !1.6")
    window.toggle_projector()
    QApplication.processEvents()
    shown = window.projector.visible_text()
    assert "Måske kigge på Esbjerg" in shown
    assert "MK · 1.6" in shown
    assert "Konkret" not in shown
    assert "SMART" not in shown


def test_the_template_step_presents_the_four_areas(app_runner, session_id):
    _window, workspace = _open(app_runner, TEMPLATE_STEP)
    assert isinstance(workspace, NextStepsTemplateWorkspace)
    text = workspace.projection_html()
    for title in ("Relationer &amp; Ressourcer", "Tidsrammer &amp; Leverancer", "Konceptudvikling", "Forhindringer"):
        assert title in text


# Fil → Eksportér --------------------------------------------------------------------------


@pytest.fixture
def demo_id(paths) -> int:
    store = Store(paths.database)
    session_id = create_demo_session(store)
    store.set_last_session_id(session_id)
    store.close()
    return session_id


def _export_dialog(app_runner, demo_id) -> ExportDialog:
    app_runner.start()
    return ExportDialog(app_runner.store, demo_id, "da", app_runner.window)


def test_the_shared_sheet_is_saved_where_chosen_and_the_folder_remembered(app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    offered = {}

    def choose(_parent, _title, suggestion, _filter):
        offered["suggestion"] = suggestion
        return str(tmp_path / "ark"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog.save_button.click()
    target = tmp_path / "ark.pdf"
    assert target.exists()
    assert "Aftaleark – Kystpartnerskab Vesterhavsbugten.pdf" in offered["suggestion"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Få mandat fra direktionen" in " ".join(text.split())
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) == str(tmp_path)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert str(target) in dialog.summary()


def test_one_sheet_per_partner_goes_into_a_folder(app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    dialog.buttons["sheets"].setChecked(True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args: str(tmp_path)))
    dialog.save_button.click()
    names = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert len(names) == 4
    assert "Aftaleark Lodsejerforeningen Kystlandet – Kystpartnerskab Vesterhavsbugten.pdf" in names


def test_actions_as_csv_from_the_dialog(app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    dialog.buttons["csv"].setChecked(True)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(tmp_path / "handlinger.csv"), ""))
    )
    dialog.save_button.click()
    rows = list(csv.reader(io.StringIO((tmp_path / "handlinger.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Område"
    assert len(rows) == len(app_runner.store.actions(demo_id)) + 1


def test_a_failed_export_says_why_and_keeps_the_dialog_open(app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    missing = tmp_path / "gone" / "ark.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(missing), "")))
    dialog.save_button.click()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "mappen findes ikke" in dialog.error_label.text()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert not Path(missing).exists()
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) is None


def test_the_file_menu_offers_export(app_runner, demo_id):
    window = app_runner.start()
    assert window.export_action.isEnabled()
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
