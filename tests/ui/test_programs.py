"""More than one program: the start page offers them, and Fil → Programmer shows, copies and edits them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from facilitator.paths import programs_dir
from facilitator.program import load_program
from facilitator.ui.programs_dialog import ProgramsDialog
from facilitator.ui.workspaces.status_board import StatusBoardWorkspace
from tests.ui.modal import answer_dialog


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
    assert isinstance(workspace, StatusBoardWorkspace)
    assert workspace.empty_hint.isVisibleTo(workspace)  # a first meeting has no agreements to follow up yet


def _programs_dialog(qtbot, app_runner) -> ProgramsDialog:
    dialog = ProgramsDialog(app_runner.paths, "da")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_into(qtbot, dialog: ProgramsDialog, row_id: str, column: int, text: str) -> None:
    """Select the cell, press F2 and type over it, then Enter: as the facilitator does."""
    row = next(index for index, row in enumerate(dialog._rows()) if row.id == row_id)
    dialog.table.setCurrentCell(row, column)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop


def test_programs_dialog_lists_bundled_and_saved_and_shows_one_read_only(qtbot, app_runner):
    app_runner.paths.user_programs_dir.mkdir(parents=True)
    source = (programs_dir() / "opfoelgningsmoede.toml").read_text(encoding="utf-8")
    (app_runner.paths.user_programs_dir / "min-dag.toml").write_text(
        source.replace('title.da = "Opfølgningsmøde"', 'title.da = "Min dag"'), encoding="utf-8"
    )
    dialog = _programs_dialog(qtbot, app_runner)
    entries = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert entries[0] == "Partnerskab for bæredygtig omstilling\nmedfølger"
    assert "LIFE ACT partnerskabsmøde\nmedfølger" in entries
    assert entries[-1] == "Min dag\ngemt"

    dialog.select_program("LIFE ACT partnerskabsmøde")
    assert dialog.heading.text() == "LIFE ACT partnerskabsmøde"
    assert dialog.info.text().startswith("6 t 00 min")
    titles = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert titles[:2] == ["Velkomst og rammesætning for dagen", "Velkommen"]
    assert dialog.table.item(titles.index("Kaffepause"), 0).text() == "Pause"
    assert dialog.table.item(titles.index("Masterclass i samskabelse"), 2).text() == "165"
    # Read-only: F2 opens no editor, typing changes nothing.
    dialog.table.setCurrentCell(1, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    qtbot.keyClicks(dialog.table, "x")
    assert dialog.table.item(1, 1).text() == "Velkommen"
    assert not dialog.save_button.isVisible()


def test_copy_a_program_edit_titles_and_minutes_and_find_it_on_the_start_page(qtbot, app_runner):
    window = app_runner.start()
    dialog = _programs_dialog(qtbot, app_runner)
    dialog.program_saved.connect(lambda _path: window.refresh_start_page())
    dialog.select_program("Opfølgningsmøde")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.name_edit.text() == "Opfølgningsmøde (kopi)"
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Kort opfølgning")
    _type_into(qtbot, dialog, "status-aftaler", 2, "25")
    _type_into(qtbot, dialog, "status-aftaler", 1, "Aftalerne, en ad gangen")
    part_row = next(index for index, row in enumerate(dialog._rows()) if row.id == "status")
    assert dialog.table.item(part_row, 2).text() == "35"  # the part's sum follows the typing
    assert dialog.info.text().startswith("2 t 20 min")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = app_runner.paths.user_programs_dir / "kort-opfoelgning.toml"
    copy = load_program(saved)
    step = copy.find_step("status-aftaler")[1]
    assert (step.title.da, step.minutes) == ("Aftalerne, en ad gangen", 25)
    assert dialog.list.currentItem().text() == "Kort opfølgning\ngemt"
    assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert window.start_page.program_combo.findText("Kort opfølgning") >= 0


def test_a_broken_edit_is_refused_with_the_reason_and_nothing_is_saved(qtbot, app_runner):
    dialog = _programs_dialog(qtbot, app_runner)
    dialog.select_program("Opfølgningsmøde")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    _type_into(qtbot, dialog, "forandringer-cirkel", 2, "0")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert "Kopien kan ikke gemmes" in dialog.error.text()
    assert "'forandringer-cirkel'" in dialog.error.text()
    assert "større end 0" in dialog.error.text()
    assert not app_runner.paths.user_programs_dir.exists()
    # Still editing: the facilitator mends the cell and saves.
    _type_into(qtbot, dialog, "forandringer-cirkel", 2, "ti")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "helt antal minutter (fik 'ti')" in dialog.error.text()
    _type_into(qtbot, dialog, "forandringer-cirkel", 2, "10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible()
    assert load_program(app_runner.paths.user_programs_dir / "opfoelgningsmoede-kopi.toml").minutes == 145


def test_file_menu_opens_the_programs_dialog(qtbot, app_runner):
    window = app_runner.start()
    seen: list[str] = []
    problems = answer_dialog(ProgramsDialog, lambda dialog: (seen.append(dialog.heading.text()), dialog.reject()))
    window.menus.programs_action.trigger()
    assert problems == []
    assert seen == ["Partnerskab for bæredygtig omstilling"]
