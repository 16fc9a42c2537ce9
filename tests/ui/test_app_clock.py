"""The window's "today" is the app's clock, never the computer's calendar.

The tests' clock stands at 27 April 2026, 09:00 (tests/ui/conftest.py), months before the
machine's own date: every overdue mark and date default that read `date.today()` would
show the machine's day instead, and these tests would fail.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from facilitator.paths import followup_program_path
from facilitator.program import load_program
from facilitator.store import Store
from facilitator.ui.followup_dialog import FollowupDialog
from facilitator.ui.next_steps_model import COL_DUE as NS_COL_DUE
from facilitator.ui.workspaces.status_board import COL_DUE, StatusBoardWorkspace
from tests.ui.modal import answer_dialog

CLOCK_DAY = dt.date(2026, 4, 27)
DUE = dt.date(2026, 5, 1)
DAYS_TO_AFTER_DUE = 5


@pytest.fixture
def undated_followup(paths, empty_database) -> int:
    """A follow-up meeting with no date of its own and one action due four days after the clock's today."""
    empty_database.copy_to(paths.database)
    store = Store(paths.database)
    try:
        session_id = store.create_session(load_program(followup_program_path()), title="Møde uden dato")
        mette = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune").id
        store.add_action(session_id, "relations", "Sikre mandat", owner_partner_id=mette, due=DUE)
        store.set_last_session_id(session_id)
    finally:
        store.close()
    return session_id


def _after_due(app_runner) -> None:
    app_runner.clock.advance(DAYS_TO_AFTER_DUE * 24 * 3600)


def test_the_status_board_judges_overdue_by_the_apps_clock(qtbot, app_runner, undated_followup):
    window = app_runner.start()
    page = window.session_page
    page.go_to_step("status-aftaler")
    board = page.current_workspace()
    assert isinstance(board, StatusBoardWorkspace)
    assert board.today == CLOCK_DAY
    assert "Overskredet" not in board.table.item(0, COL_DUE).text()
    _after_due(app_runner)
    board.reload()
    assert "⚠ Overskredet" in board.table.item(0, COL_DUE).text()


def test_the_next_steps_table_judges_overdue_by_the_apps_clock(qtbot, app_runner, undated_followup):
    window = app_runner.start()
    page = window.session_page
    page.go_to_step("naeste-skridt-aftaler")
    workspace = page.current_workspace()
    action = window.store.actions(page.session_id)[0]
    assert workspace.model.index_of(action.id, NS_COL_DUE).data() == "01.05.2026"
    _after_due(app_runner)
    workspace.reload()
    assert workspace.model.index_of(action.id, NS_COL_DUE).data() == "01.05.2026  ⚠ Overskredet"


def test_date_defaults_are_the_apps_clocks_today(qtbot, app_runner, undated_followup):
    window = app_runner.start()
    page = window.session_page
    page.go_to_step("indledning-kontekst")
    details = page.current_workspace()
    assert details.date_edit.date() == QDate(2026, 4, 27)
    seen: list[QDate] = []

    def look(dialog: FollowupDialog) -> None:
        seen.append(dialog.date_edit.date())
        dialog.reject()

    problems = answer_dialog(FollowupDialog, look)
    window.menus.new_followup_action.trigger()
    assert problems == []
    assert seen == [QDate(2026, 4, 27)]
    window.close_session()
    assert window.start_page.date_edit.date() == QDate(2026, 4, 27)


def test_the_rooms_pages_judge_overdue_by_the_windows_clock(qtbot, app_runner, undated_followup):
    from tests.room_client import Client
    from tests.ui.room_window import answered, open_room_from_menu

    window = app_runner.start()
    page = window.session_page
    page.go_to_step("status-aftaler")
    url = open_room_from_menu(window)
    window.room_control.set_approve_everyone(True)
    mette = window.store.partners(page.session_id)[0]
    phone = Client(url)
    assert answered(qtbot, lambda: phone.join(mette.id)).status == 200
    [action] = answered(qtbot, phone.state)["status_actions"]
    assert action["overdue"] is False
    _after_due(app_runner)
    # The room's process follows the window's clock within a second (it is days ahead here).
    qtbot.waitUntil(lambda: answered(qtbot, phone.state)["status_actions"][0]["overdue"] is True, timeout=5000)
    window.close_room_action.trigger()
