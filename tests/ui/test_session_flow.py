"""A facilitator creates a session, registers partners, walks the agenda, restarts and finds it all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from facilitator.demo import create_demo_session
from facilitator.ui.workspaces.partners import PartnersWorkspace
from facilitator.ui.workspaces.principles import PrinciplesWorkspace
from facilitator.ui.workspaces.session_details import SessionDetailsWorkspace
from facilitator.ui.workspaces.template import TemplateWorkspace

PARTNERS = [
    ("Mette Kjær", "Vesterhavs Kommune"),
    ("Jonas Friis", "Vesterhavs Forsyning"),
    ("Karen Holm", "Lodsejerforeningen Kystlandet"),
]


def _create_session(qtbot, window, title="Kystpartnerskab"):
    start = window.start_page
    qtbot.keyClicks(start.title_edit, title)
    qtbot.keyClicks(start.venue_edit, "Hotel Nyborg Strand")
    qtbot.keyClicks(start.facilitator_edit, "Sofie Lund")
    start.date_edit.setDate(QDate(2026, 4, 27))
    start.start_edit.setTime(QTime(9, 30))
    qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
    assert window.session_page is not None
    return window.session_page


def _add_partners(qtbot, workspace: PartnersWorkspace):
    for name, organisation in PARTNERS:
        qtbot.keyClicks(workspace.new_name, name)
        qtbot.keyClick(workspace.new_name, Qt.Key.Key_Return)
        # The new partner is selected; its details are typed straight away.
        qtbot.keyClicks(workspace.organisation_edit, organisation)
        qtbot.keyClicks(workspace.role_edit, f"Rolle for {name}")
        qtbot.keyClicks(workspace.mandate_edit, "Kan forpligte afdelingen")
    workspace.flush()


def test_first_start_shows_the_start_page(app_runner):
    window = app_runner.start()
    assert window.session_page is None
    assert window.pages.currentWidget() is window.start_page
    assert window.start_page.program_combo.count() >= 1
    assert window.start_page.empty_hint.isVisible()


def test_create_session_register_partners_walk_and_find_it_all_after_restart(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    assert page.current_step_id == "indledning-kontekst"
    assert isinstance(page.current_workspace(), SessionDetailsWorkspace)
    assert page.agenda.currentItem().text(0) == "09:30"  # the chosen start time drives the clock

    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    assert isinstance(workspace, PartnersWorkspace)
    _add_partners(qtbot, workspace)
    assert workspace.list.count() == 3
    assert "3 partner" in page.session_facts.text()

    # Ctrl+arrows move by word inside a text field, so the facilitator leaves the field first.
    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.current_step_id == "introduktion-principper"
    principles = page.current_workspace()
    assert isinstance(principles, PrinciplesWorkspace)
    qtbot.keyClicks(principles.edits[0], "Vi lytter før vi svarer")
    qtbot.keyClick(principles.edits[0], Qt.Key.Key_Return)
    qtbot.keyClicks(principles.edits[1], "Uenighed gøres synlig")
    qtbot.mouseClick(page.step_view.next_button, Qt.MouseButton.LeftButton)
    assert page.current_step_id == "delsession-1-skabelon"
    assert isinstance(page.current_workspace(), TemplateWorkspace)

    window = app_runner.restart()
    page = window.session_page
    assert page is not None, "the app reopens the session it was on"
    assert page.current_step_id == "delsession-1-skabelon"
    assert page.agenda.current_step_id() == "delsession-1-skabelon"
    store = app_runner.store
    partners = store.partners(page.session_id)
    assert [(p.name, p.organisation) for p in partners] == PARTNERS
    assert all(p.role.startswith("Rolle for") and p.mandate == "Kan forpligte afdelingen" for p in partners)
    assert len({p.colour for p in partners}) == 3
    assert store.principles(page.session_id) == ["Vi lytter før vi svarer", "Uenighed gøres synlig"]
    data = store.get_session(page.session_id)
    assert (data.title, data.venue, data.facilitator, data.start_time) == (
        "Kystpartnerskab",
        "Hotel Nyborg Strand",
        "Sofie Lund",
        "09:30",
    )

    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    assert [workspace.list.item(row).text().split("\n")[0] for row in range(3)] == [name for name, _ in PARTNERS]


def test_typed_text_is_saved_on_close_without_waiting(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    qtbot.keyClicks(workspace.new_name, "Ahmad Rahimi")
    qtbot.keyClick(workspace.new_name, Qt.Key.Key_Return)
    qtbot.keyClicks(workspace.why_now_edit, "Ny højdemodel er klar")
    assert workspace._save_details.pending  # still inside the debounce window

    app_runner.restart()
    partner = app_runner.store.partners(app_runner.window.session_page.session_id)[0]
    assert partner.why_now == "Ny højdemodel er klar"


def test_empty_name_is_refused_on_screen_and_other_fields_still_save(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    qtbot.keyClick(workspace.new_name, Qt.Key.Key_Return)
    assert workspace.add_error.isVisible()
    assert "Navnet mangler" in workspace.add_error.text()
    assert workspace.list.count() == 0

    qtbot.keyClicks(workspace.new_name, "Karen Holm")
    qtbot.keyClick(workspace.new_name, Qt.Key.Key_Return)
    workspace.name_edit.selectAll()
    qtbot.keyClick(workspace.name_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(workspace.role_edit, "Formand")
    workspace.flush()
    assert workspace.detail_error.isVisible()
    assert workspace.name_edit.text() == ""  # what the user did stays on screen
    stored = app_runner.store.partners(page.session_id)[0]
    assert (stored.name, stored.role) == ("Karen Holm", "Formand")


def test_partners_are_reordered_by_keyboard_and_removed_after_confirmation(qtbot, app_runner, monkeypatch):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    _add_partners(qtbot, workspace)
    store = app_runner.store

    workspace.list.setFocus()
    workspace.list.setCurrentRow(2)
    qtbot.keyClick(workspace.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p.name for p in store.partners(page.session_id)] == ["Mette Kjær", "Karen Holm", "Jonas Friis"]
    assert workspace.list.currentRow() == 1

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    qtbot.mouseClick(workspace.remove_button, Qt.MouseButton.LeftButton)
    assert len(store.partners(page.session_id)) == 3

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(workspace.remove_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in store.partners(page.session_id)] == ["Mette Kjær", "Jonas Friis"]
    assert workspace.list.count() == 2


def test_choosing_a_colour_is_saved(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    page.go_to_step("introduktion-praesentation")
    workspace = page.current_workspace()
    _add_partners(qtbot, workspace)
    workspace.list.setCurrentRow(0)
    qtbot.mouseClick(workspace.colour_group.button(4), Qt.MouseButton.LeftButton)
    assert app_runner.store.partners(page.session_id)[0].colour == "#0072B2"


def test_changing_the_start_time_moves_the_whole_agenda(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    details = page.current_workspace()
    details.start_edit.setTime(QTime(8, 0))
    lunch = page.agenda._items["frokost"]
    assert lunch.text(0) == "10:25"
    assert page.step_view.meta.text().startswith("08:00–08:02")
    assert app_runner.store.get_session(page.session_id).start_time == "08:00"


def test_agenda_click_and_buttons_navigate(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    assert not page.step_view.previous_button.isEnabled()
    page.agenda.setCurrentItem(page.agenda._items["frokost"])
    assert page.current_step_id == "frokost"
    assert page.step_view.title.text() == "Frokost"
    qtbot.mouseClick(page.step_view.next_button, Qt.MouseButton.LeftButton)
    assert page.current_step_id == "delsession-2-skabelon"
    assert "Delsession 2" in page.step_view.breadcrumb.text()
    page.go_to_step("afrunding-skaal")
    assert not page.step_view.next_button.isEnabled()
    qtbot.mouseClick(page.step_view.previous_button, Qt.MouseButton.LeftButton)
    assert page.current_step_id == "afrunding-overgang"


def test_closing_a_session_returns_to_the_start_page_and_lists_it(qtbot, app_runner):
    window = app_runner.start()
    _create_session(qtbot, window, title="Første session")
    window.close_action.trigger()
    assert window.session_page is None
    assert window.start_page.recent_list.count() == 1
    assert window.start_page.recent_list.item(0).text().startswith("Første session")
    window = app_runner.restart()
    assert window.session_page is None, "a closed session is not reopened at start"
    qtbot.keyClick(window.start_page.recent_list, Qt.Key.Key_Return)
    assert window.session_page is not None


def test_demo_session_opens_with_its_partners(qtbot, app_runner):
    window = app_runner.start()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    page = window.session_page
    assert page is not None
    page.go_to_step("introduktion-praesentation")
    assert page.current_workspace().list.count() == 4


@pytest.mark.parametrize("title", ["", "   "])
def test_session_without_title_is_refused_on_the_start_page(qtbot, app_runner, title):
    window = app_runner.start()
    qtbot.keyClicks(window.start_page.title_edit, title)
    qtbot.mouseClick(window.start_page.create_button, Qt.MouseButton.LeftButton)
    assert window.session_page is None
    assert "Titlen mangler" in window.start_page.create_error.text()
    assert app_runner.store.list_sessions() == []


def test_demo_created_from_the_command_line_is_reopened(app_runner):
    store_path = app_runner.paths.database
    from facilitator.store import Store

    store = Store(store_path)
    session_id = create_demo_session(store)
    store.set_last_session_id(session_id)
    store.close()
    window = app_runner.start()
    assert window.session_page is not None
    assert window.session_page.session_title.text() == "Kystpartnerskab Vesterhavsbugten"


def test_first_window_fits_the_screen_and_the_layout_is_remembered(app_runner):
    window = app_runner.start()
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    window.resize(800, 620)
    window = app_runner.restart()
    assert (window.width(), window.height()) == (800, 620)


def test_breadcrumb_names_the_part_once(qtbot, app_runner):
    window = app_runner.start()
    page = _create_session(qtbot, window)
    assert page.step_view.breadcrumb.text() == "Indledning til partnerskabssessionen"
    page.go_to_step("delsession-1-individuelt")
    assert page.step_view.breadcrumb.text() == "Delsession 1 · Hvad bliver vi partnere om?"
