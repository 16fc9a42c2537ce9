"""More than one program: the start page offers them, and Fil → Programmer shows, copies and edits them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.ui.workspaces.placeholder import PlaceholderWorkspace


def test_start_page_offers_every_program_with_the_full_day_first(qtbot, app_runner):
    window = app_runner.start()
    combo = window.start_page.program_combo
    titles = [combo.itemText(index) for index in range(combo.count())]
    assert titles[0] == "Partnerskab for bæredygtig omstilling"
    assert "LIFE ACT partnerskabsmøde" in titles
    assert "Opfølgningsmøde" in titles
    combo.setCurrentIndex(titles.index("Opfølgningsmøde"))
    assert "2 t 30 min" in window.start_page.program_info.text()


def test_a_life_act_meeting_walks_to_its_status_item(qtbot, app_runner):
    window = app_runner.start()
    start = window.start_page
    start.program_combo.setCurrentIndex(start.program_combo.findText("LIFE ACT partnerskabsmøde"))
    qtbot.keyClicks(start.title_edit, "Partnerskabsmøde 2026")
    qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
    page = window.session_page
    assert page is not None
    assert page.current_step_id == "velkomst-tak"
    page.go_to_step("projektledelsen-status")
    assert page.current_step_id == "projektledelsen-status"
    workspace = page.current_workspace()
    assert isinstance(workspace, PlaceholderWorkspace)
    assert workspace.heading.text() == "Statustavlen"
