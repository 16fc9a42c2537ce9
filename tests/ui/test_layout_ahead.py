"""The next step's screen is laid out in idle time at the size it will have: its step only paints it (issue 22)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from facilitator.conversation.next_steps import AREAS
from facilitator.store import Store
from facilitator.ui.next_steps_model import COL_CHECK
from facilitator.ui.next_steps_view import ActionDelegate
from facilitator.ui.workspaces.next_steps import NextStepsWorkspace

TEMPLATE = "delsession-4-skabelon"
NEXT_STEPS = "delsession-4-naeste-skridt"
#: The benchmark's offscreen window (the table is wider than the room there and scrolls),
#: and a large laptop's.
WINDOWS = [(800, 736), (1600, 1000)]


def _fill_actions(app_runner, session_id: int, count: int = 24) -> None:
    store = Store(app_runner.paths.database)
    try:
        partners = store.partners(session_id)
        for number in range(count):
            store.add_action(
                session_id,
                AREAS[number % len(AREAS)].id,
                f"Handling {number}: ring til kommunens klimaafdeling og aftal et møde om kystsikringen i foråret",
                owner_partner_id=partners[number % len(partners)].id,
            )
    finally:
        store.close()


def _settle() -> None:
    # Layouts post their follow-ups: a few turns of the event loop carry them all out.
    for _turn in range(3):
        QApplication.processEvents()


class _Resizes(QObject):
    def __init__(self, watched: QObject) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.seen.append(event.size().toTuple())
        return False


@pytest.mark.parametrize("window_size", WINDOWS)
def test_the_next_steps_table_is_laid_out_before_its_step_and_then_only_painted(
    app_runner, session_id, qtbot, monkeypatch, window_size
):
    _fill_actions(app_runner, session_id)
    window, page, _template = app_runner.open_step(TEMPLATE)
    window.resize(*window_size)
    _settle()
    qtbot.waitUntil(lambda: "next-steps" in page._workspaces, timeout=3000)
    workspace = page._workspaces["next-steps"]
    assert isinstance(workspace, NextStepsWorkspace)
    qtbot.waitUntil(lambda: workspace.size() == page.step_view.workspace_size(workspace), timeout=3000)
    laid_out = workspace.size()
    measured: list[int] = []
    real = QStyledItemDelegate.sizeHint

    def counting_size_hint(delegate, option, index):
        if isinstance(delegate, ActionDelegate):
            measured.append(index.row())
        return real(delegate, option, index)

    # Qt's own measuring, under the table's: the view keeps what it measured, so a row is
    # measured again only when the view lays its rows out anew.
    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", counting_size_hint)
    resizes = _Resizes(workspace)

    page.next_step()
    _settle()

    assert page.current_workspace() is workspace
    assert workspace.isVisible()
    # Before, the rows were measured two or three times over as the screen was shown at
    # the old screen's size and then at its own.
    assert len(measured) <= COL_CHECK + 1, f"{len(measured)} cells measured while the step opened"
    assert resizes.seen == [], "shown at the size it was laid out at"
    assert workspace.size() == laid_out
    # What the facilitator sees is what a fresh layout gives: every row as high as its text.
    model, tree = workspace.model, workspace.tree
    heights = [tree.visualRect(model.index(row, 0)).height() for row in range(model.rowCount())]
    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", real)
    tree.doItemsLayout()
    assert [tree.visualRect(model.index(row, 0)).height() for row in range(model.rowCount())] == heights
    assert len(set(heights)) > 1, "headings, one-line and wrapped rows differ in height"


@pytest.mark.parametrize("window_size", WINDOWS)
def test_the_size_worked_out_for_a_screen_is_the_size_it_gets_on_screen(app_runner, session_id, window_size):
    _fill_actions(app_runner, session_id)
    window, page, _workspace = app_runner.open_step("indledning-kontekst")
    window.resize(*window_size)
    _settle()
    for step_id in (
        "indledning-kontekst",
        "introduktion-praesentation",
        "delsession-1-skabelon",
        "delsession-1-individuelt",
        "delsession-1-gennemgang",
        "delsession-1-analyse",
        TEMPLATE,
        NEXT_STEPS,
        "afrunding-formaal",
    ):
        page.go_to_step(step_id)
        _settle()
        workspace = page.current_workspace()
        assert workspace.size() == page.step_view.workspace_size(workspace), step_id
