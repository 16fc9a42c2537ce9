"""Afrunding: the day in headlines, from the group's own texts and next steps, on screen and projector."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from facilitator.demo import DEMO_AMBITION
from facilitator.ui.workspaces.closing import ClosingWorkspace

STEP = "afrunding-formaal"


def test_the_closing_revisits_each_delsession_in_the_partners_own_words(app_runner, demo_id):
    window, _page, workspace = app_runner.open_step(STEP, kind=ClosingWorkspace)
    shown = workspace.overview.toPlainText()
    for question in (
        "Hvad bliver vi partnere om?",
        "Hvordan bliver vi gode sammen?",
        "Hvordan skaber vi omstilling?",
        "Hvordan kommer vi videre?",
    ):
        assert question in shown
    assert "Et klimarobust kystlandskab ved Vesterhavsbugten" in shown
    actions = app_runner.store.actions(demo_id)
    assert f"{len(actions)} handlinger aftalt" in shown
    assert actions[0].what in shown
    # Nothing of the placeholder that stood here before.
    assert "Her kommer" not in shown

    window.toggle_projector()
    QApplication.processEvents()
    projected = window.projector.visible_text()
    assert "Et klimarobust kystlandskab ved Vesterhavsbugten" in projected
    assert "Hvordan kommer vi videre?" in projected
    # The facilitator's own reminder stays on the laptop.
    assert "konkludér ikke" not in projected


def test_the_overview_follows_what_the_group_rewrote_and_shows_markup_as_text(app_runner, demo_id):
    _window, page, workspace = app_runner.open_step(STEP, kind=ClosingWorkspace)
    page.go_to_step("delsession-1-ambition")
    ambition = page.current_workspace()
    ambition.editors["what"].edit.setPlainText("<b>Tørre fødder</b> for alle")
    page.go_to_step(STEP)

    shown = workspace.overview.toPlainText()
    assert "<b>Tørre fødder</b> for alle" in shown
    assert DEMO_AMBITION["what"][:30] not in shown


def test_a_session_without_texts_or_actions_says_so_under_each_question(app_runner, session_id):
    _window, _page, workspace = app_runner.open_step(STEP, kind=ClosingWorkspace)
    shown = workspace.overview.toPlainText()
    assert shown.count("Ikke skrevet i dag.") == 3
    assert "Ingen handlinger aftalt endnu." in shown


def test_the_overview_built_ahead_makes_the_step_on_screen_no_taller(app_runner, demo_id):
    window, page, workspace = app_runner.open_step("delsession-4-naeste-skridt", large=True)
    # The closing's long overview, built in idle time while the next steps are on screen.
    page._build_next_workspace()
    page._read_next_workspace()
    assert any(isinstance(built, ClosingWorkspace) for built in page._workspaces.values())
    window.resize(1366, 768)
    QApplication.processEvents()
    QApplication.processEvents()
    own = workspace.heightForWidth(workspace.width())
    viewport = page.step_view.workspace_scroll.viewport().height()
    assert workspace.height() <= max(own, viewport)
