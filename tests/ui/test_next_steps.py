"""Delsession 4 on screen: quick entry, editing, the SMART check, undo, the projector and export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QMessageBox, QStyleOptionViewItem

from facilitator.conversation.next_steps import move_target
from facilitator.store import Store
from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY, ExportDialog
from facilitator.ui.next_steps_model import (
    ACTION_ID_ROLE,
    AREA_ID_ROLE,
    COL_CHECK,
    COL_DUE,
    COL_OWNER,
    COL_STATUS,
    COL_WHAT,
    FLAG_COLOUR,
    ActionTableModel,
)
from facilitator.ui.next_steps_view import within_lines
from facilitator.ui.workspaces.next_steps import NextStepsTemplateWorkspace, NextStepsWorkspace
from tests.full_disk import FULL_DISK

STEP = "delsession-4-naeste-skridt"
TEMPLATE_STEP = "delsession-4-skabelon"


# The model alone, fed from a real store ----------------------------------------------------------


class _Fed:
    """An ActionTableModel fed from the store the way the workspace feeds it, under Qt's model checker."""

    def __init__(self, store: Store, session_id: int) -> None:
        self.store, self.session_id = store, session_id
        self.model = ActionTableModel("da", self._edit)
        # Warnings fail the test (qt_log_level_fail), so every signal sequence below is checked.
        self.tester = QAbstractItemModelTester(self.model, QAbstractItemModelTester.FailureReportingMode.Warning)
        self.refresh()

    def _edit(self, action, field, value) -> bool:
        self.store.update_action(action.id, **{field: value})
        self.refresh()
        return True

    def refresh(self) -> None:
        store, session_id = self.store, self.session_id
        self.model.set_actions(
            store.actions(session_id), store.partners(session_id), store.get_session(session_id).date
        )

    def column(self, column: int = COL_WHAT, role: int = Qt.ItemDataRole.DisplayRole) -> list:
        return [self.model.index(row, column).data(role) for row in range(self.model.rowCount())]


def test_the_model_shows_each_area_as_a_heading_over_its_actions(store, session_id, qapp):
    mette, _jonas = store.partners(session_id)
    late = store.add_action(
        session_id,
        "obstacles",
        "Afklar fredningen med Kystdirektoratet",
        owner_partner_id=mette.id,
        owner_person="Mette Kjær",
        due=dt.date(2026, 6, 1),
        status="started",
    )
    vague = store.add_action(session_id, "relations", "Måske kigge på Esbjerg")
    fed = _Fed(store, session_id)
    model = fed.model
    assert fed.column() == [
        "Relationer & Ressourcer (1) – Hvem skal vi tale med i og uden for baglandet?",
        "Måske kigge på Esbjerg",
        "Tidsrammer & Leverancer (0) – Hvordan gør vi tid og leverancer sammenhængende?",
        "Konceptudvikling (0) – Hvad skal vi gøre for at skærpe vores idé?",
        "Forhindringer (1) – Hvad forhindrer os i at rykke videre her og nu?",
        "Afklar fredningen med Kystdirektoratet",
    ]
    assert fed.column(COL_WHAT, ACTION_ID_ROLE) == [None, vague.id, None, None, None, late.id]
    assert fed.column(COL_DUE, AREA_ID_ROLE) == [
        "relations",
        "relations",
        "timelines",
        "concept",
        "obstacles",
        "obstacles",
    ]
    heading = model.index(0, COL_WHAT)
    assert isinstance(heading.data(Qt.ItemDataRole.FontRole), QFont)
    assert heading.data(Qt.ItemDataRole.FontRole).bold()
    assert not heading.flags() & Qt.ItemFlag.ItemIsEditable
    assert [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())] == [
        "Hvad",
        "Ansvarlig",
        "Hvornår",
        "Status",
        "Tjek",
    ]

    row = model.index_of(late.id).row()
    assert [model.index(row, column).data() for column in range(model.columnCount())] == [
        "Afklar fredningen med Kystdirektoratet",
        "Vesterhavs Kommune (Mette Kjær)",
        "01.06.2026",
        "I gang",
        "",
    ]
    edit_role = Qt.ItemDataRole.EditRole
    assert [model.index(row, column).data(edit_role) for column in range(model.columnCount())] == [
        "Afklar fredningen med Kystdirektoratet",
        mette.id,
        dt.date(2026, 6, 1),
        "started",
        None,
    ]
    assert model.index(row, COL_OWNER).data(Qt.ItemDataRole.ToolTipRole) == "Vesterhavs Kommune (Mette Kjær)"
    editable = [bool(model.index(row, column).flags() & Qt.ItemFlag.ItemIsEditable) for column in range(5)]
    assert editable == [True, True, True, True, False]

    # The check column asks, in the flag colour, and says the questions in full on hover.
    check = model.index_of(vague.id, COL_CHECK)
    assert check.data() == "Hvem? Hvornår? Konkret?"
    assert "Hvem har ejerskabet?" in check.data(Qt.ItemDataRole.ToolTipRole)
    brush = check.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color() == FLAG_COLOUR


def test_an_edited_cell_is_stored_and_comes_back_as_a_changed_row(store, session_id, qtbot):
    action = store.add_action(session_id, "concept", "Skriv en side om idéen til borgmesteren")
    fed = _Fed(store, session_id)
    model = fed.model
    index = model.index_of(action.id, COL_STATUS)
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.assertNotEmitted(model.modelReset):
        assert model.setData(index, "done")
    assert store.action(action.id).status == "done"
    assert (changed.args[0].row(), changed.args[1].row()) == (index.row(), index.row())
    assert index.data() == "Færdig"
    # A heading and the check column are no fields: nothing reaches the store.
    assert not model.setData(model.index(0, COL_WHAT), "Ny overskrift")
    assert not model.setData(model.index_of(action.id, COL_CHECK), "Hvem?")
    assert store.action(action.id) == model.action_at(index)

    # A renamed partner renames the owner in every row it owns.
    mette, _jonas = store.partners(session_id)
    store.update_action(action.id, owner_partner_id=mette.id)
    fed.refresh()
    store.update_partner(mette.id, organisation="Vesterhavs Kommune, Teknik og Miljø")
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        fed.refresh()
    assert model.index_of(action.id, COL_OWNER).data() == "Vesterhavs Kommune, Teknik og Miljø"


def test_added_moved_and_removed_actions_arrive_as_row_changes(store, session_id, qtbot):
    first = store.add_action(session_id, "relations", "Første handling i relationer")
    fed = _Fed(store, session_id)
    model = fed.model
    with qtbot.waitSignal(model.rowsInserted) as inserted, qtbot.assertNotEmitted(model.modelReset):
        second = store.add_action(session_id, "relations", "Anden handling i relationer")
        fed.refresh()
    assert inserted.args[1:] == [2, 2]
    assert model.index(0, COL_WHAT).data().startswith("Relationer & Ressourcer (2)")

    # Alt+Down at the bottom of an area: the row passes the next area's heading.
    with qtbot.waitSignal(model.rowsMoved) as moved, qtbot.assertNotEmitted(model.modelReset):
        store.move_action(second.id, *move_target(store.actions(session_id), second.id, 1))
        fed.refresh()
    assert (moved.args[1], moved.args[2], moved.args[4]) == (2, 2, 4)
    assert model.index_of(second.id).row() == 3
    assert model.index_of(second.id).data(AREA_ID_ROLE) == "timelines"
    assert model.index(2, COL_WHAT).data().startswith("Tidsrammer & Leverancer (1)")
    # And back: the action moves up, not the heading down, though the order would be the same.
    with qtbot.waitSignal(model.rowsMoved) as back:
        store.move_action(second.id, *move_target(store.actions(session_id), second.id, -1))
        fed.refresh()
    assert (back.args[1], back.args[4]) == (3, 2)

    with qtbot.waitSignal(model.rowsRemoved) as removed, qtbot.assertNotEmitted(model.modelReset):
        store.remove_action(first.id)
        fed.refresh()
    assert removed.args[1:] == [1, 1]
    assert model.index_of(first.id).isValid() is False

    # More than one row at once is told as a new start.
    store.restore_action(first.id)
    third = store.add_action(session_id, "obstacles", "Afklar fredningen med Kystdirektoratet")
    with qtbot.waitSignal(model.modelReset):
        fed.refresh()
    assert fed.column(COL_WHAT, ACTION_ID_ROLE) == [None, first.id, second.id, None, None, None, third.id]


def _open(app_runner, step_id: str = STEP):
    window, _page, workspace = app_runner.open_step(step_id, large=True)
    return window, workspace


def _type_action(qtbot, workspace: NextStepsWorkspace, line: str) -> None:
    workspace.entry.setFocus()
    qtbot.keyClicks(workspace.entry, line)
    qtbot.keyClick(workspace.entry, Qt.Key.Key_Return)


def _cell(workspace: NextStepsWorkspace, action_id: int, column: int) -> str:
    """The text the table shows for an action in `column`."""
    view = workspace.tree
    index = view.model().index_of(action_id, column)
    assert not view.visualRect(index).isEmpty(), "the action has no row in the table"
    return index.data()


def _headings_span_the_table(workspace: NextStepsWorkspace) -> bool:
    """Each area's heading row, and no action row, runs across all columns."""
    view, model = workspace.tree, workspace.model
    rows = range(model.rowCount())
    return [view.isFirstColumnSpanned(row, QModelIndex()) for row in rows] == [model.is_heading(row) for row in rows]


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
    assert _cell(workspace, action.id, COL_OWNER) == "Vesterhavs Kommune"
    assert _cell(workspace, action.id, COL_DUE) == "15.05.2026"
    assert _cell(workspace, action.id, COL_CHECK) == ""


def _cut_cells(workspace: NextStepsWorkspace, columns: tuple[int, ...]) -> list[str]:
    """Cells in `columns` whose text the delegate needs wider than the column is."""
    view, model = workspace.tree, workspace.model
    option = QStyleOptionViewItem()
    option.initFrom(view)
    cut = []
    for row in range(model.rowCount()):
        for column in columns:
            index = model.index(row, column)
            if index.data() and view.itemDelegate().measure(option, index).width() > view.columnWidth(column):
                cut.append(index.data())
    return cut


def test_the_short_columns_grow_with_their_texts_and_cut_none(app_runner, qtbot, session_id):
    window, workspace = _open(app_runner)
    columns = (COL_DUE, COL_STATUS, COL_CHECK)
    narrow = workspace.tree.columnWidth(COL_CHECK)
    _type_action(qtbot, workspace, "Måske kigge på Esbjerg")
    _type_action(qtbot, workspace, "Ring til Kystdirektoratet om diget @MK !15.5.2020")
    assert workspace.tree.columnWidth(COL_CHECK) > narrow
    assert _cut_cells(workspace, columns) == []
    # A larger font (the facilitator's zoom) widens them with it.
    workspace.tree.setFont(QFont(workspace.tree.font().family(), 16))
    assert _cut_cells(workspace, columns) == []
    # Without the actions, the columns give their room back to the actions' text.
    workspace.tree.setFont(QFont())
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert app_runner.store.actions(session_id) == []
    assert workspace.tree.columnWidth(COL_CHECK) == narrow


def test_an_action_wraps_onto_two_lines_at_most_and_a_longer_one_ends_in_an_ellipsis(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    long_text = "Få mandat fra direktionen til en fælles forprojektansøgning om klimatilpasning " * 4
    _type_action(qtbot, workspace, long_text.strip())
    _type_action(qtbot, workspace, "Ring til Kystdirektoratet")
    view, model = workspace.tree, workspace.model
    [long_action, short_action] = app_runner.store.actions(session_id)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    index = model.index_of(long_action.id, COL_WHAT)
    view.itemDelegate().initStyleOption(option, index)
    shown = option.text
    assert shown.endswith(" …")
    assert long_action.what.startswith(shown[:-2])
    assert index.data(Qt.ItemDataRole.ToolTipRole) == long_action.what
    # The row is two lines high, not one with the rest cut and not the whole text's height.
    line = QFontMetrics(view.font()).lineSpacing()
    height = view.visualRect(index).height()
    assert 2 * line <= height < 3 * line
    short = model.index_of(short_action.id, COL_WHAT)
    view.itemDelegate().initStyleOption(option, short)
    assert option.text == "Ring til Kystdirektoratet"


def test_within_lines_cuts_at_a_word_and_always_fits(qapp):
    metrics = QFontMetrics(QFont())
    flags = int(Qt.TextFlag.TextWordWrap)
    two_lines = metrics.boundingRect(0, 0, 150, 10_000, flags, "X\nX").height()
    text = "Aftal en fælles tidsplan for kystsikringen med forsyningen og lodsejerne inden sommerferien"
    fitted = within_lines(text, metrics, 150, 2)
    assert fitted.endswith(" …")
    assert text.startswith(fitted[:-2])
    assert metrics.boundingRect(0, 0, 150, 10_000, flags, fitted).height() <= two_lines
    assert within_lines("Kort", metrics, 150, 2) == "Kort"
    # One word wider than two lines is elided as a word.
    word = "Kystbeskyttelsesfinansieringsmodelsamarbejdsaftaleudkast" * 2
    assert within_lines(word, metrics, 150, 2).endswith("…")


def test_alt_number_chooses_the_area_and_the_check_asks_gently(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    QTest.keyClick(workspace.entry, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert workspace.current_area().id == "concept"
    _type_action(qtbot, workspace, "Måske kigge på Esbjerg")
    [action] = app_runner.store.actions(session_id)
    assert action.area == "concept"
    assert workspace.rows() == [("concept", "Måske kigge på Esbjerg")]
    # Never blocked, only asked: who, when, and what exactly.
    assert _cell(workspace, action.id, COL_CHECK) == "Hvem? Hvornår? Konkret?"
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
    assert _cell(workspace, action.id, COL_OWNER) == "Vesterhavs Forsyning (Jonas Friis)"


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


def test_the_table_is_worked_from_the_keyboard_alone(app_runner, qtbot, session_id):
    _window, workspace = _open(app_runner)
    for line in ("Første handling i relationer @MK !1.6", "Anden handling i relationer"):
        _type_action(qtbot, workspace, line)
    first, second = app_runner.store.actions(session_id)
    app_runner.store.update_action(first.id, owner_person="Mette Kjær")
    workspace.reload()
    view = workspace.tree
    assert view.model() is workspace.model
    assert _headings_span_the_table(workspace)
    assert view.accessibleName() == "Hvordan kommer vi videre?"

    # The fields below the table and the SMART check follow the current row.
    workspace.select_action(first.id)
    view.setFocus()
    assert workspace.detail_edits["owner_person"].text() == "Mette Kjær"
    assert "der er en ansvarlig, en dato" in workspace.check_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert workspace.current_action() == app_runner.store.action(second.id)
    assert workspace.detail_edits["owner_person"].text() == ""
    assert "Hvem har ejerskabet?" in workspace.check_label.text()
    assert workspace.check_label.isVisibleTo(workspace)

    # Enter edits the cell; Enter again stores it.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Anden handling i relationer"
    editor.selectAll()
    qtbot.keyClicks(editor, "Ring til lodsejerforeningen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    assert app_runner.store.action(second.id).what == "Ring til lodsejerforeningen"
    assert _cell(workspace, second.id, COL_WHAT) == "Ring til lodsejerforeningen"

    # Alt+Down at the bottom of an area carries the action, and the cursor, into the next one.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert app_runner.store.action(second.id).area == "timelines"
    assert workspace.current_action().id == second.id
    assert workspace.current_area().id == "timelines"
    assert workspace.rows() == [("relations", first.what), ("timelines", "Ring til lodsejerforeningen")]
    assert _headings_span_the_table(workspace)
    # A heading row can be current too: new actions then go to that area.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert workspace.current_action() is None
    assert workspace.current_area().id == "concept"
    assert not workspace.remove_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Up)

    with qtbot.waitSignal(workspace.context.events.notice):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [action.id for action in app_runner.store.actions(session_id)] == [first.id]
    assert not workspace.model.index_of(second.id).isValid()
    assert _headings_span_the_table(workspace)

    # Ctrl+Z takes back the removal, the move and the edit, one press each.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.rows()[1] == ("timelines", "Ring til lodsejerforeningen")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.rows()[1] == ("relations", "Ring til lodsejerforeningen")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app_runner.store.action(second.id).what == "Anden handling i relationer"
    assert _cell(workspace, second.id, COL_WHAT) == "Anden handling i relationer"
    assert _headings_span_the_table(workspace)


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


def _export_dialog(app_runner, demo_id) -> ExportDialog:
    app_runner.start()
    return ExportDialog(app_runner.store, demo_id, "da", app_runner.window)


def test_the_shared_sheet_is_saved_where_chosen_and_the_folder_remembered(
    qtbot, app_runner, demo_id, tmp_path, monkeypatch
):
    dialog = _export_dialog(app_runner, demo_id)
    offered = {}

    def choose(_parent, _title, suggestion, _filter):
        offered["suggestion"] = suggestion
        return str(tmp_path / "ark"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)  # written in the background
    target = tmp_path / "ark.pdf"
    assert target.exists()
    assert "Aftaleark – Kystpartnerskab Vesterhavsbugten.pdf" in offered["suggestion"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Få mandat fra direktionen" in " ".join(text.split())
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) == str(tmp_path)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert str(target) in dialog.summary()


def test_one_sheet_per_partner_goes_into_a_folder(qtbot, app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    dialog.buttons["sheets"].setChecked(True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args: str(tmp_path)))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)  # written in the background
    names = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert len(names) == 4
    assert "Aftaleark Lodsejerforeningen Kystlandet – Kystpartnerskab Vesterhavsbugten.pdf" in names


def test_actions_as_csv_from_the_dialog(qtbot, app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    dialog.buttons["csv"].setChecked(True)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(tmp_path / "handlinger.csv"), ""))
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)  # written in the background
    rows = list(csv.reader(io.StringIO((tmp_path / "handlinger.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Område"
    assert len(rows) == len(app_runner.store.actions(demo_id)) + 1


def test_a_failed_export_says_why_and_leaves_nothing(qtbot, app_runner, demo_id, tmp_path, monkeypatch):
    dialog = _export_dialog(app_runner, demo_id)
    missing = tmp_path / "gone" / "ark.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(missing), "")))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: warnings.append(text))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)  # written in the background
    [reason] = warnings
    assert "mappen findes ikke" in reason
    assert not Path(missing).exists()
    assert app_runner.store.get_state(EXPORT_FOLDER_KEY) is None
    assert dialog.written == []


def test_the_file_menu_offers_export(app_runner, demo_id):
    window = app_runner.start()
    assert window.export_action.isEnabled()
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"


def test_a_removal_that_cannot_be_saved_keeps_the_action_and_says_why(app_runner, qtbot, session_id, full_disk):
    window, workspace = _open(app_runner)
    _type_action(qtbot, workspace, "Send budgettet til direktionen")
    [action] = app_runner.store.actions(session_id)
    workspace.select_action(action.id)
    full_disk.fill(app_runner.store, "remove_action")
    notices: list[str] = []
    workspace.context.events.notice.connect(notices.append)
    undo_steps = workspace.undo_stack.count()

    workspace.remove_current()

    assert notices == [], "nothing was deleted, so nothing says it was"
    assert [a.id for a in app_runner.store.actions(session_id)] == [action.id]
    assert workspace.rows() == [("relations", "Send budgettet til direktionen")]
    assert window.status_message.text() == FULL_DISK.da
    assert workspace.undo_stack.count() == undo_steps, "no undo step for what did not happen"
