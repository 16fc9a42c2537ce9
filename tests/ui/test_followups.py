"""The partnership goes on: a follow-up from the demo, lights on the status board, the board on the projector."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem

from facilitator.conversation.action_status import is_overdue
from facilitator.demo import create_demo_session
from facilitator.store import Store
from facilitator.ui.action_log_dialog import ActionLogDialog
from facilitator.ui.export_dialog import ExportDialog
from facilitator.ui.followup_dialog import FollowupDialog
from facilitator.ui.next_steps_model import COL_DUE as NS_COL_DUE
from facilitator.ui.workspaces.status_board import COL_DUE, COL_LIGHT, StatusBoardWorkspace
from tests.ui.modal import answer_dialog

FOLLOWUP_DATE = dt.date(2026, 6, 29)


@pytest.fixture
def demo(app_runner):
    """The demo session open in the main window."""
    store = Store(app_runner.paths.database)
    session_id = create_demo_session(store, record_day=False)
    store.set_last_session_id(session_id)
    store.close()
    window = app_runner.start()
    assert window.session_page is not None
    return window


def _create_followup(qtbot, window) -> int:
    first_id = window.session_page.session_id

    def fill(dialog: FollowupDialog) -> None:
        assert dialog.program_combo.currentText() == "Opfølgningsmøde"
        dialog.date_edit.setDate(QDate(FOLLOWUP_DATE.year, FOLLOWUP_DATE.month, FOLLOWUP_DATE.day))
        dialog.title_edit.selectAll()
        qtbot.keyClicks(dialog.title_edit, "Kystpartnerskab, andet møde")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    problems = answer_dialog(FollowupDialog, fill)
    window.menus.new_followup_action.trigger()
    assert problems == []
    page = window.session_page
    assert page is not None
    assert page.session_id != first_id
    return first_id


def test_a_followup_from_the_demo_opens_with_the_open_actions_on_the_status_board(qtbot, app_runner, demo):
    window = demo
    first_id = _create_followup(qtbot, window)
    page = window.session_page
    store = page.context.store
    session = store.get_session(page.session_id)
    assert (session.title, session.date) == ("Kystpartnerskab, andet møde", FOLLOWUP_DATE)
    assert page.current_step_id == "indledning-kontekst"
    partnership = store.partnership_of(page.session_id)
    assert partnership is not None
    assert partnership.session_ids == (first_id, page.session_id)

    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    assert isinstance(board, StatusBoardWorkspace)
    carried = store.actions(page.session_id)
    assert carried
    assert board.table.rowCount() == len(carried)
    assert all(action.status not in ("done", "dropped") for action in carried)


def test_three_lights_set_by_mouse_and_keys_stored_undone_and_projected(qtbot, app_runner, demo):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    store = page.context.store

    board.table.setCurrentCell(0, 0)
    qtbot.mouseClick(board.light_buttons["green"], Qt.MouseButton.LeftButton)
    first = board.actions[0].id
    board.table.setCurrentCell(1, 0)
    board.table.setFocus()
    qtbot.keyClick(board.table, Qt.Key.Key_2)
    second = board.actions[1].id
    board.table.setCurrentCell(2, 0)
    qtbot.mouseClick(board.light_buttons["red"], Qt.MouseButton.LeftButton)
    third = board.actions[2].id
    board.comment_edit.selectAll()
    qtbot.keyClicks(board.comment_edit, "Afventer byraadet")
    qtbot.keyClick(board.comment_edit, Qt.Key.Key_Return)

    assert [store.action(action_id).light for action_id in (first, second, third)] == ["green", "yellow", "red"]
    assert store.action(third).status_comment == "Afventer byraadet"
    assert len(store.action_history(third)) >= 2
    # Colour and words, never colour alone.
    row = next(index for index, action in enumerate(board.actions) if action.id == second)
    assert board.table.item(row, COL_LIGHT).text() == "● Gul: i proces"

    window.menus.undo_action.trigger()  # the comment
    assert store.action(third).status_comment == ""
    window.menus.undo_action.trigger()  # the red light
    assert store.action(third).light is None
    window.menus.redo_action.trigger()
    assert store.action(third).light == "red"

    window.menus.projector_action.trigger()
    projector = window.projector
    assert projector is not None
    QApplication.processEvents()
    text = projector.visible_text()
    assert "Grøn: on track" in text
    assert "Gul: i proces" in text
    assert "Rød: ikke i gang" in text
    assert projector.step_title.text() == "Status på aftalerne"
    # A long board never pushes the projector past a small screen: its type gets smaller.
    projector.resize(1280, 720)
    QApplication.processEvents()
    assert (projector.width(), projector.height()) == (1280, 720)


def test_overdue_actions_come_first_and_say_so_in_words(qtbot, app_runner, demo):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    store = page.context.store
    actions = store.actions(page.session_id)
    late = actions[-1]
    store.update_action(late.id, due=dt.date(2026, 1, 5))
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    board.reload()
    assert board.actions[0].id == late.id  # the longest overdue first
    flags = ["Overskredet" in board.table.item(row, COL_DUE).text() for row in range(board.table.rowCount())]
    assert flags == sorted(flags, reverse=True)  # then the other overdue ones, then the rest
    assert "Overskredet" in board.table.item(0, COL_DUE).text()
    assert "Overskredet" in board.projection_html()
    # The mark and the date are read whole on a 1280x800 laptop: each word fits, none is cut off.
    window.resize(1280, 800)
    QApplication.processEvents()
    bold = QFont(board.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    widest = max(metrics.horizontalAdvance(word) for word in board.table.item(0, COL_DUE).text().split())
    assert widest < board.table.columnWidth(COL_DUE) - 4


def test_on_a_small_laptop_the_status_board_shows_its_rows_whole_and_cuts_no_word(qtbot, app_runner, demo):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    store = page.context.store
    window.resize(1366, 768)
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    QApplication.processEvents()
    table = board.table
    # No heading of its own under the step's title: the room goes to the agreements.
    assert not [label for label in board.findChildren(QLabel) if label.text() == "Status på aftalerne"]
    third_ends = table.rowViewportPosition(2) + table.rowHeight(2)
    assert third_ends <= table.viewport().height(), "fewer than three agreements in view"

    first = store.actions(page.session_id)[0]
    store.update_action(first.id, owner_person="Lodsejerforeningen Kystlandets Bestyrelsesformand")
    board.reload()
    QApplication.processEvents()
    # Every cell fits its column: a word too long wraps with a hyphen instead of being cut off.
    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            index = table.model().index(row, column)
            option.rect = table.visualRect(index)
            if delegate.sizeHint(option, index).width() > table.columnWidth(column):
                cut.append(index.data())
    assert cut == []
    total = sum(table.columnWidth(column) for column in range(table.columnCount()))
    assert total <= table.viewport().width() + 1


def test_the_action_log_lists_the_partnerships_actions_and_filters_them(qtbot, app_runner, demo):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    store = page.context.store
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    board.table.setCurrentCell(0, 0)
    qtbot.mouseClick(board.light_buttons["yellow"], Qt.MouseButton.LeftButton)

    dialog = ActionLogDialog(store, page.session_id, "da", window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    everything = dialog.table.rowCount()
    assert everything == len(store.action_log(store.partnership_of(page.session_id).id))
    assert everything > len(store.actions(page.session_id))  # the done ones of the first meeting too
    texts = [dialog.table.item(row, 4).text() for row in range(everything)]
    assert "● Gul: i proces" in texts

    dialog.status_box.setCurrentIndex(dialog.status_box.findData("done"))
    done = dialog.table.rowCount()
    assert 0 < done < everything
    assert {dialog.table.item(row, 3).text() for row in range(done)} == {"Færdig"}

    dialog.status_box.setCurrentIndex(0)
    qtbot.mouseClick(dialog.overdue_box, Qt.MouseButton.LeftButton)
    overdue = dialog.table.rowCount()
    assert 0 < overdue < everything
    assert all("Overskredet" in dialog.table.item(row, 2).text() for row in range(overdue))

    qtbot.mouseClick(dialog.overdue_box, Qt.MouseButton.LeftButton)
    dialog.partner_box.setCurrentIndex(1)
    owner = dialog.partner_box.currentText()
    mine = dialog.table.rowCount()
    assert 0 < mine < everything
    assert all(owner in dialog.table.item(row, 1).text() for row in range(mine))


def test_the_start_page_groups_a_partnerships_meetings_under_its_name(qtbot, app_runner, demo):
    window = demo
    first_id = _create_followup(qtbot, window)
    second_id = window.session_page.session_id
    window.show_start_page()
    recent = window.start_page.recent_list
    rows = [recent.item(row) for row in range(recent.count())]
    heading = next(index for index, item in enumerate(rows) if item.text().startswith("Partnerskab: "))
    assert "2 møder" in rows[heading].text()
    assert not rows[heading].flags() & Qt.ItemFlag.ItemIsSelectable
    assert [rows[heading + 1].data(Qt.ItemDataRole.UserRole), rows[heading + 2].data(Qt.ItemDataRole.UserRole)] == [
        first_id,
        second_id,
    ]
    assert rows[heading + 2].text().lstrip().startswith("Kystpartnerskab, andet møde")
    # The heading is never the selection: open and delete act on sessions only.
    assert recent.currentItem().data(Qt.ItemDataRole.UserRole) is not None
    recent.setCurrentRow(heading)
    assert not window.start_page.open_button.isEnabled()


def test_the_next_steps_table_marks_overdue_actions_in_words(qtbot, app_runner, demo):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    store = page.context.store
    late, on_time = store.actions(page.session_id)[:2]
    store.update_action(late.id, due=dt.date(2026, 6, 1))
    store.update_action(on_time.id, due=dt.date(2026, 9, 1))
    page.go_to_step("naeste-skridt-aftaler")
    workspace = page.current_workspace()
    workspace.reload()
    model = workspace.model
    late_due = model.index_of(late.id, NS_COL_DUE)
    assert late_due.data() == "01.06.2026  ⚠ Overskredet"
    assert late_due.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert model.index_of(on_time.id, NS_COL_DUE).data() == "01.09.2026"
    # On the projector too, in words.
    window.projector_action.trigger()
    shown = window.projector.visible_text()
    window.close_projector()
    late_now = [a for a in store.actions(page.session_id) if is_overdue(a, FOLLOWUP_DATE)]
    assert shown.count("⚠ Overskredet") == len(late_now) >= 1
    assert "Overskredet" in shown.split(late.what, 1)[1].split("<li>", 1)[0]
    assert "Overskredet" not in shown.split(on_time.what, 1)[1].split("<li>", 1)[0]


def test_the_status_report_is_exported_from_the_followup_with_its_lights(qtbot, app_runner, demo, tmp_path):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    board.table.setCurrentCell(0, 0)
    qtbot.mouseClick(board.light_buttons["red"], Qt.MouseButton.LeftButton)
    target = tmp_path / "status.pdf"

    def save_status(dialog: ExportDialog) -> None:
        dialog.buttons["status"].setChecked(True)
        assert dialog.suggested_name("status").startswith("Statusrapport – Kystpartnerskab, andet møde")
        dialog.export_to("status", target)

    problems = answer_dialog(ExportDialog, save_status)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert problems == []
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(target).pages)
    assert "Rød: ikke i gang" in text


def test_the_action_log_is_exported_as_csv_and_calendar_on_the_windows_worker(qtbot, app_runner, demo, tmp_path):
    window = demo
    _create_followup(qtbot, window)
    page = window.session_page
    dialog = ActionLogDialog(page.context.store, page.session_id, "da", window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.overdue_box, Qt.MouseButton.LeftButton)
    overdue = dialog.table.rowCount()
    dialog.export_to("csv", tmp_path / "log.csv")
    assert window.runner.busy or (tmp_path / "log.csv").exists()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    rows = (tmp_path / "log.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(rows) == overdue + 1  # the header, then the filtered log
    assert dialog.count_label.text() == f"Gemt: {tmp_path / 'log.csv'}"
    dialog.export_to("ics", tmp_path / "log.ics")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    calendar = (tmp_path / "log.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == overdue


def test_the_start_pages_demo_button_makes_the_day_and_its_follow_up_as_the_command_does(qtbot, app_runner):
    from facilitator.demo import DEMO_FOLLOWUP_DATE, DEMO_TITLE

    window = app_runner.start()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    page = window.session_page
    assert page is not None
    store = window.store
    day = page.session_id
    assert store.get_session(day).title == DEMO_TITLE
    [followup] = [summary.id for summary in store.list_sessions() if summary.id != day]
    assert store.get_session(followup).date == DEMO_FOLLOWUP_DATE
    assert store.partnership_of(day).session_ids == (day, followup)
    # Back on the start page, the partnership's heading holds both meetings.
    window.show_start_page()
    recent = window.start_page.recent_list
    rows = [recent.item(row) for row in range(recent.count())]
    heading = next(index for index, item in enumerate(rows) if item.text().startswith("Partnerskab: "))
    assert DEMO_TITLE in rows[heading].text()
    assert "2 møder" in rows[heading].text()
    assert [rows[heading + 1].data(Qt.ItemDataRole.UserRole), rows[heading + 2].data(Qt.ItemDataRole.UserRole)] == [
        day,
        followup,
    ]
