"""The post-it board, driven like a facilitator: mouse drags, rubber bands, keys, undo, reopen."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QImage, QMouseEvent, QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH, TRAY
from facilitator.board.operations import position
from facilitator.store import Store
from facilitator.ui.board_scene import NOTE_TEXT_PX
from facilitator.ui.board_view import BoardProjectionView
from facilitator.ui.workspaces.board import BoardWorkspace

BOARD_STEP = "delsession-1-analyse"
CATEGORIES = ("common", "differences", "opposed")
ELEMENTS = {
    "Mette Kjær": ("Færre oversvømmelser", "Mere natur ved fjorden", "Borgerne i de lave byer"),
    "Jonas Friis": ("Rent vand i bugten", "Sikre renseanlæg"),
    "Karen Holm": ("Jorden skal dyrkes", "Høje diger"),
}


@pytest.fixture
def session_id(stored_session) -> int:
    """A stored session whose partners have written change-circle elements, reopened at start."""
    return stored_session(partners=[(name, "") for name in ELEMENTS], elements=ELEMENTS)


def _open(app_runner, step_id: str = BOARD_STEP):
    return app_runner.open_step(step_id, large=True, kind=BoardWorkspace)


def _stored(app_runner, session_id: int) -> dict[int, str | None]:
    state = app_runner.store.board_state(session_id, "change")
    return {note.id: note.category for note in state.visible_notes()}


def _note_id(workspace: BoardWorkspace, text: str) -> int:
    return next(note.id for note in workspace.state.notes.values() if note.text == text)


def _viewport_point(workspace: BoardWorkspace, x: float, y: float) -> QPoint:
    return workspace.view.mapFromScene(QPointF(x, y))


def _mouse(workspace: BoardWorkspace, kind: QEvent.Type, point: QPoint, buttons, button=Qt.MouseButton.NoButton):
    viewport = workspace.view.viewport()
    event = QMouseEvent(
        kind,
        QPointF(point),
        QPointF(viewport.mapToGlobal(point)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def _drag(workspace: BoardWorkspace, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press, move with the left button held, release: as a hand on a mouse does."""
    left = Qt.MouseButton.LeftButton
    _mouse(workspace, QEvent.Type.MouseButtonPress, start, left, left)
    for index in range(1, steps + 1):
        point = start + (end - start) * (index / steps)
        _mouse(workspace, QEvent.Type.MouseMove, point, left)
    _mouse(workspace, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, left)


def _centre_of(workspace: BoardWorkspace, note_id: int) -> QPoint:
    item = workspace.scene.items_by_id[note_id]
    centre = item.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    return _viewport_point(workspace, centre.x(), centre.y())


def _zone_point(workspace: BoardWorkspace, zone: str) -> QPoint:
    layout = workspace.layout
    if zone == TRAY:
        x, y = layout.tray.x + layout.tray.width / 2, layout.tray.y + layout.tray.height - NOTE_HEIGHT
    else:
        x, y = layout.sector_centre(layout.categories.index(zone))
    return _viewport_point(workspace, x, y)


def _scene_matches_store(workspace: BoardWorkspace, store: Store, session_id: int) -> None:
    stored = store.board_state(session_id, "change")
    layout = workspace.layout
    shown = {
        note_id: (
            item.note.category,
            (round(item.pos().x(), 3), round(item.pos().y(), 3)),
            item.zValue(),
            item.note.text,
        )
        for note_id, item in workspace.scene.items_by_id.items()
    }
    expected = {}
    for note in stored.visible_notes():
        x, y = position(note, layout)
        expected[note.id] = (note.category, (round(x, 3), round(y, 3)), float(note.z), note.text)
    assert shown == expected


def test_every_element_starts_unsorted_in_the_tray_in_its_partners_colour(app_runner, session_id):
    _window, _page, workspace = _open(app_runner)
    items = workspace.scene.items_by_id
    assert len(items) == 7
    assert all(workspace.layout.zone_of_note(item.pos().x(), item.pos().y()) == TRAY for item in items.values())
    mette = items[_note_id(workspace, "Færre oversvømmelser")]
    assert mette.look.initials == "MK"
    assert mette.look.field_label == "Hvad"
    assert mette.accessible_name() == "Mette Kjær, Hvad: Færre oversvømmelser"
    assert workspace.view.hasFocus(), "ready for Tab and the number keys at once"


def test_dragging_a_note_from_the_tray_into_each_zone_stores_its_category(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    workspace.view.fit_board()
    texts = ("Færre oversvømmelser", "Rent vand i bugten", "Høje diger")
    for text, zone in zip(texts, CATEGORIES, strict=True):
        note_id = _note_id(workspace, text)
        _drag(workspace, _centre_of(workspace, note_id), _zone_point(workspace, zone))
        assert _stored(app_runner, session_id)[note_id] == zone
        assert workspace.scene.items_by_id[note_id].note.category == zone
    # And back to the tray.
    note_id = _note_id(workspace, "Høje diger")
    _drag(workspace, _centre_of(workspace, note_id), _zone_point(workspace, TRAY))
    assert _stored(app_runner, session_id)[note_id] is None
    assert workspace.undo_stack.count() == 4
    assert workspace.undo_stack.text(0) == "Flyt 1 post-it til Fælles"


def test_a_note_dropped_outside_every_zone_goes_back(app_runner, session_id):
    _window, _page, workspace = _open(app_runner)
    workspace.view.fit_board()
    note_id = _note_id(workspace, "Sikre renseanlæg")
    before = workspace.scene.items_by_id[note_id].pos()
    outside = _viewport_point(workspace, workspace.layout.size[0] + 60, -60)
    _drag(workspace, _centre_of(workspace, note_id), outside)
    assert workspace.scene.items_by_id[note_id].pos() == before
    assert _stored(app_runner, session_id)[note_id] is None
    assert workspace.undo_stack.count() == 0


def test_a_rubber_band_selection_is_dragged_into_a_zone_together(app_runner, session_id):
    _window, _page, workspace = _open(app_runner)
    workspace.view.fit_board()
    first, second = (_note_id(workspace, text) for text in ("Færre oversvømmelser", "Mere natur ved fjorden"))
    items = workspace.scene.items_by_id
    band = items[first].sceneBoundingRect().united(items[second].sceneBoundingRect())
    # From empty board left of the tray, around the two notes (the tray's first row).
    start = _viewport_point(workspace, band.left() - 40, band.top() - 40)
    end = _viewport_point(workspace, band.right() - 20, band.bottom() - 30)
    _drag(workspace, start, end)
    assert {item.note_id for item in workspace.scene.selected_notes()} == {first, second}
    _drag(workspace, _centre_of(workspace, first), _zone_point(workspace, "differences"))
    stored = _stored(app_runner, session_id)
    assert stored[first] == stored[second] == "differences"
    assert workspace.undo_stack.text(0) == "Flyt 2 post-its til Forskelle"


def test_sorting_by_keyboard_alone_with_undo_and_redo(app_runner, qtbot, session_id):
    window, _page, workspace = _open(app_runner)
    view = workspace.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = view.current_note().note_id
    assert workspace.scene.selected_notes() == [view.current_note()]
    assert view.accessibleDescription() == view.current_note().accessible_name()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    second = view.current_note().note_id
    assert second != first
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert _stored(app_runner, session_id)[first] == "common"
    assert _stored(app_runner, session_id)[second] == "opposed"

    # Arrow keys move the note; three presses are one undo step.
    before = workspace.scene.items_by_id[second].pos()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert workspace.scene.items_by_id[second].pos() == before + QPointF(120, 0)
    assert workspace.undo_stack.count() == 3

    # 0 sends it back; Delete removes it.
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert _stored(app_runner, session_id)[second] is None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert second not in _stored(app_runner, session_id)
    assert second not in workspace.scene.items_by_id

    # Undo all the way back through the Rediger menu, then redo all of it.
    for _ in range(5):
        window.undo_action.trigger()
    assert set(_stored(app_runner, session_id).values()) == {None}
    assert workspace.scene.items_by_id[second].pos() != before + QPointF(120, 0)
    for _ in range(5):
        window.redo_action.trigger()
    stored = _stored(app_runner, session_id)
    assert stored[first] == "common"
    assert second not in stored
    _scene_matches_store(workspace, app_runner.store, session_id)


def test_the_board_reopens_exactly_as_it_was_left(app_runner, qtbot, session_id, monkeypatch):
    _window, _page, workspace = _open(app_runner)
    view = workspace.view
    ids = [item.note_id for item in workspace.scene.note_items()]
    view.set_current(workspace.scene.items_by_id[ids[0]])
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.set_current(workspace.scene.items_by_id[ids[1]])
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.set_current(workspace.scene.items_by_id[ids[2]])
    qtbot.keyClick(view, Qt.Key.Key_2)
    for note_id in ids[:2]:
        workspace.scene.items_by_id[note_id].setSelected(True)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("Vand og natur", True)))
    qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert [cluster.name for cluster in workspace.state.clusters.values()] == ["Vand og natur"]
    shown = {
        note_id: (item.pos(), item.zValue(), item.note.category, item.note.cluster_id)
        for note_id, item in workspace.scene.items_by_id.items()
    }

    _window, _page, reopened = _open(app_runner)
    assert {
        note_id: (item.pos(), item.zValue(), item.note.category, item.note.cluster_id)
        for note_id, item in reopened.scene.items_by_id.items()
    } == shown
    assert [cluster.name for cluster in reopened.state.clusters.values()] == ["Vand og natur"]


def test_double_click_edits_the_words_in_place_and_in_the_circle(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    note_id = _note_id(workspace, "Høje diger")
    point = _centre_of(workspace, note_id)
    _mouse(workspace, QEvent.Type.MouseButtonDblClick, point, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    editor = workspace.editor
    assert editor is not None
    assert editor.toPlainText() == "Høje diger"
    editor.selectAll()
    qtbot.keyClicks(editor, "Højere diger langs kysten")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert workspace.editor is None
    assert app_runner.store.element(note_id).text == "Højere diger langs kysten"
    assert workspace.scene.items_by_id[note_id].note.text == "Højere diger langs kysten"
    # Esc leaves the words as they were; an emptied note is refused, not removed.
    workspace.start_edit(note_id)
    qtbot.keyClicks(workspace.editor, "noget andet")
    qtbot.keyClick(workspace.editor, Qt.Key.Key_Escape)
    workspace.start_edit(note_id)
    workspace.editor.clear()
    qtbot.keyClick(workspace.editor, Qt.Key.Key_Return)
    assert app_runner.store.element(note_id).text == "Højere diger langs kysten"
    workspace.undo_stack.undo()
    assert app_runner.store.element(note_id).text == "Høje diger"


def test_duplicates_merge_into_one_note_that_keeps_both_authors(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    keep, duplicate = _note_id(workspace, "Færre oversvømmelser"), _note_id(workspace, "Rent vand i bugten")
    workspace.view.set_current(workspace.scene.items_by_id[duplicate])
    workspace.view.set_current(workspace.scene.items_by_id[keep], extend=True)
    assert workspace.merge_button.isEnabled()
    workspace.merge_button.click()
    assert duplicate not in workspace.scene.items_by_id
    merged = workspace.scene.items_by_id[keep]
    assert [source.initials for source in merged.sources] == ["JF"]
    assert "Jonas Friis" in merged.toolTip()
    stored = app_runner.store.board_state(session_id, "change")
    assert stored.notes[duplicate].merged_into == keep, "the duplicate's source stays on record"
    workspace.undo_stack.undo()
    assert duplicate in workspace.scene.items_by_id
    assert not workspace.scene.items_by_id[keep].sources


def test_a_note_written_on_the_board_goes_to_the_tray_and_can_be_undone(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    qtbot.keyClick(workspace.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is workspace.entry
    assert workspace.author_box.currentText() == "Mette Kjær"
    for _ in range(3):  # Jonas, Karen, the group: typing from paper, partner by partner
        qtbot.keyClick(workspace.entry, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert workspace.author_box.currentText() == "Gruppen"
    qtbot.keyClicks(workspace.entry, "Fælles kystråd")
    qtbot.keyClick(workspace.entry, Qt.Key.Key_Return)
    assert workspace.entry.text() == ""
    assert QApplication.focusWidget() is workspace.entry
    note_id = _note_id(workspace, "Fælles kystråd")
    item = workspace.scene.items_by_id[note_id]
    assert item.look.author == "Gruppen"
    assert item.isSelected()
    assert workspace.layout.zone_of_note(item.pos().x(), item.pos().y()) == TRAY
    assert _stored(app_runner, session_id)[note_id] is None
    workspace.undo_stack.undo()
    assert note_id not in _stored(app_runner, session_id)
    workspace.undo_stack.redo()
    assert note_id in workspace.scene.items_by_id


def test_filter_zoom_and_fit(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    workspace.filter_box.setCurrentIndex(workspace.filter_box.findText("Jonas Friis"))
    opacities = {item.look.initials: item.opacity() for item in workspace.scene.items_by_id.values()}
    assert opacities["JF"] == 1.0
    assert opacities["MK"] < 0.5
    workspace.filter_box.setCurrentIndex(0)
    assert all(item.opacity() == 1.0 for item in workspace.scene.items_by_id.values())

    view = workspace.view
    fitted = view.zoom()
    wheel = QWheelEvent(
        QPointF(100, 100),
        QPointF(view.viewport().mapToGlobal(QPoint(100, 100))),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(fitted * 1.15**2)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted)
    # A touchpad pinch arrives as a native zoom gesture.
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(100, 100),
        QPointF(100, 100),
        QPointF(view.viewport().mapToGlobal(QPoint(100, 100))),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view.viewport(), pinch)
    assert view.zoom() == pytest.approx(fitted * 1.5)


def test_the_projector_shows_the_same_board_read_only_and_follows_the_facilitator(app_runner, qtbot, session_id):
    window, _page, workspace = _open(app_runner)
    window.toggle_projector()
    projection = window.projector.content_widget
    assert isinstance(projection, BoardProjectionView)
    assert projection.scene() is workspace.scene
    assert not projection.isInteractive()
    assert not window.projector.content.isVisible()
    qtbot.keyClick(workspace.view, Qt.Key.Key_Tab)
    qtbot.keyClick(workspace.view, Qt.Key.Key_1)
    assert workspace.scene.items_by_id[workspace.view.current_note().note_id].note.category == "common"
    whole = projection.mapToScene(projection.viewport().rect()).boundingRect()
    workspace.view.zoom_by(3)
    closer = projection.mapToScene(projection.viewport().rect()).boundingRect()
    assert closer.width() < whole.width() * 0.6
    # On to the next step: the projector drops the board.
    window.session_page.next_step()
    assert window.projector.content_widget is None
    assert window.projector.content.isVisible()


def test_the_board_is_saved_as_a_png(app_runner, session_id, tmp_path, qtbot):
    window, _page, workspace = _open(app_runner)
    workspace.scene.items_by_id[_note_id(workspace, "Høje diger")].setSelected(True)
    target = tmp_path / "tavle.png"
    assert workspace.export_image(target)
    qtbot.waitUntil(lambda: not window.runner.busy)
    image = QImage(str(target))
    assert not image.isNull()
    assert max(image.width(), image.height()) == 3000
    assert workspace.scene.selected_notes(), "the selection survives the export"
    assert app_runner.store.get_state("export_folder") == str(tmp_path)
    blocked = tmp_path / "missing" / "tavle.png"
    workspace.export_image(blocked)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert "kan ikke gemmes: mappen findes ikke" in workspace.error_label.text()
    assert not blocked.parent.exists(), "nothing is left behind"


def test_a_board_that_cannot_be_drawn_says_so_and_writes_nothing(app_runner, session_id, tmp_path, monkeypatch, qtbot):
    window, _page, workspace = _open(app_runner)
    monkeypatch.setattr(workspace.scene, "render_image", lambda: QImage())  # what Qt gives when memory runs out
    folder = tmp_path / "out"
    folder.mkdir()

    workspace.export_image(folder / "tavle.png")
    qtbot.waitUntil(lambda: not window.runner.busy)

    assert "kunne ikke tegnes som billede" in workspace.error_label.text()
    assert list(folder.iterdir()) == [], "not even an empty file"


_ACTIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("send"), st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True), st.integers(-1, 2)
        ),
        st.tuples(st.just("nudge"), st.integers(0, 6), st.sampled_from([(-40, 0), (40, 0), (0, 40), (0, -40)])),
        st.tuples(st.just("tidy")),
        st.tuples(st.just("delete"), st.integers(0, 6)),
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
    ),
    max_size=10,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_ACTIONS)
def test_random_board_actions_and_undos_keep_scene_and_database_in_agreement(app_runner, session_id, steps):
    if app_runner.window is None:
        _open(app_runner)
    workspace = app_runner.window.session_page.current_workspace()
    for step in steps:
        items = workspace.scene.note_items()
        kind = step[0]
        if kind == "send" and items:
            workspace.scene.clearSelection()
            for index in step[1]:
                items[index % len(items)].setSelected(True)
            workspace._zone_key(step[2])
        elif kind == "nudge" and items:
            workspace.view.set_current(items[step[1] % len(items)])
            workspace.nudge(*step[2])
        elif kind == "tidy":
            workspace.tidy_all()
        elif kind == "delete" and items:
            workspace.view.set_current(items[step[1] % len(items)])
            workspace.delete_selected()
        elif kind == "undo":
            workspace.undo_stack.undo()
        elif kind == "redo":
            workspace.undo_stack.redo()
        _scene_matches_store(workspace, app_runner.store, session_id)


def test_the_demo_boards_are_sorted_with_a_stack_a_merged_duplicate_and_a_group_note(app_runner, paths):
    from facilitator.demo import DEMO_GROUP_NOTE, DEMO_STACK, create_demo_session

    store = Store(paths.database)
    session_id = create_demo_session(store)
    store.set_last_session_id(session_id)
    for kind in ("change", "contribution", "scaling"):
        assert all(note.x is not None for note in store.board_state(session_id, kind).visible_notes()), kind
    store.close()
    _window, _page, workspace = _open(app_runner)
    items = list(workspace.scene.items_by_id.values())
    assert {item.look.initials for item in items} >= {"MK", "JF", "KH", "AR", "Gruppen"}
    assert [cluster.name for cluster in workspace.state.clusters.values()] == [DEMO_STACK[0]]
    assert any(item.sources for item in items), "the merged duplicate shows both authors"
    group_note = next(item for item in items if item.note.text == DEMO_GROUP_NOTE)
    assert workspace.layout.zone_of_note(group_note.pos().x(), group_note.pos().y()) == TRAY
    zones = {workspace.layout.zone_of_note(item.pos().x(), item.pos().y()) for item in items}
    assert zones == {TRAY, *CATEGORIES}
    assert workspace.undo_stack.count() == 0, "opening a board is no action to undo"


def test_a_fitted_board_stays_whole_when_the_window_changes_until_the_facilitator_zooms(app_runner, session_id):
    window, _page, workspace = _open(app_runner)
    view = workspace.view
    assert view.fitting
    window.resize(1100, 700)
    QApplication.processEvents()
    assert view.visible_area().contains(workspace.scene.board_rect().adjusted(2, 2, -2, -2))
    view.zoom_by(2)
    assert not view.fitting
    zoomed = view.zoom()
    window.resize(1500, 950)
    QApplication.processEvents()
    assert view.zoom() == zoomed, "the facilitator's own zoom is kept"


def test_undoing_arrow_moves_restores_everything_they_changed_including_the_stack(app_runner, qtbot, session_id):
    _window, _page, workspace = _open(app_runner)
    view = workspace.view
    ids = [item.note_id for item in workspace.scene.note_items()][:2]
    for note_id in ids:
        view.set_current(workspace.scene.items_by_id[note_id])
        qtbot.keyClick(view, Qt.Key.Key_1)
    workspace.stack(ids, "Vand")
    before = app_runner.store.board_state(session_id, "change")
    top = max(ids, key=lambda note_id: workspace.state.notes[note_id].z)
    view.set_current(workspace.scene.items_by_id[top])
    # Right, right, ... until the note crosses into Forskelle and leaves its stack.
    for _ in range(30):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        qtbot.keyClick(view, Qt.Key.Key_Right)
        if workspace.state.notes[top].category != "common":
            break
    assert workspace.state.notes[top].cluster_id is None
    workspace.undo_stack.undo()
    after = app_runner.store.board_state(session_id, "change")
    assert after.notes[top] == before.notes[top]
    assert workspace.state.notes[top] == before.notes[top]


def test_f2_edits_the_current_note_instead_of_hiding_the_guide(app_runner, qtbot, session_id):
    _window, page, workspace = _open(app_runner)
    qtbot.keyClick(workspace.view, Qt.Key.Key_Tab)
    guide_shown = page.guide.isVisible()
    qtbot.keyClick(workspace.view, Qt.Key.Key_F2)
    assert workspace.editor is not None
    assert page.guide.isVisible() == guide_shown
    # A context menu taking the focus does not end the edit.
    QApplication.sendEvent(workspace.editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason))
    assert workspace.editor is not None
    qtbot.keyClick(workspace.editor, Qt.Key.Key_Escape)
    assert workspace.editor is None


def test_a_removal_can_be_undone_after_visiting_another_step(app_runner, qtbot, session_id):
    _window, page, workspace = _open(app_runner)
    qtbot.keyClick(workspace.view, Qt.Key.Key_Tab)
    note_id = workspace.view.current_note().note_id
    qtbot.keyClick(workspace.view, Qt.Key.Key_Delete)
    page.next_step()
    page.previous_step()
    QApplication.processEvents()
    assert workspace.undo_stack.canUndo()
    workspace.undo_stack.undo()
    assert note_id in workspace.scene.items_by_id
    assert note_id in _stored(app_runner, session_id)


def test_changes_in_the_circles_clear_the_boards_undo_history(app_runner, session_id):
    _window, page, workspace = _open(app_runner)
    note_id = _note_id(workspace, "Høje diger")
    workspace.scene.items_by_id[note_id].setSelected(True)
    workspace.send_selected("opposed")
    app_runner.store.remove_element(note_id)  # as the circles step does
    page.previous_step()
    page.go_to_step(BOARD_STEP)
    assert not workspace.undo_stack.canUndo()
    assert note_id not in workspace.scene.items_by_id


def test_unstacking_two_stacks_at_once_spreads_them_over_different_places(app_runner, session_id):
    _window, _page, workspace = _open(app_runner)
    ids = [item.note_id for item in workspace.scene.note_items()]
    workspace.stack(ids[0:2], "A")
    workspace.stack(ids[2:4], "B")
    for note_id in ids[:4]:
        workspace.scene.items_by_id[note_id].setSelected(True)
    workspace.unstack_selected()
    points = {(item.pos().x(), item.pos().y()) for item in workspace.scene.items_by_id.values()}
    assert len(points) == len(workspace.scene.items_by_id)
    assert not workspace.state.clusters


def test_each_sector_explains_what_belongs_in_it(app_runner, session_id):
    _window, _page, workspace = _open(app_runner)
    layout = workspace.layout
    x, y = layout.sector_centre(2)
    sector = next(item for item in workspace.scene.items(QPointF(x, y)) if hasattr(item, "zone"))
    assert sector.zone == "opposed"
    assert sector.toolTip().startswith("Modsatrettede: Elementer, som partnerne er uenige om")


def _projected_text_heights(window, workspace: BoardWorkspace, size: tuple[int, int]) -> list[float]:
    """The post-its' text height in pixels on a projector of `size` at whole-board view."""
    window.resize(1280, 720)
    window.toggle_projector()
    projector = window.projector
    projector.showNormal()
    projector.resize(*size)
    QApplication.processEvents()
    workspace.view.fit_board()
    QApplication.processEvents()
    projection = window.projector.content_widget
    assert isinstance(projection, BoardProjectionView)
    heights = []
    for item in workspace.scene.items_by_id.values():
        rendered = item.deviceTransform(projection.viewportTransform())
        assert projection.viewport().rect().contains(rendered.mapRect(item.boundingRect()).toAlignedRect().center())
        heights.append(NOTE_TEXT_PX * rendered.m22())
    return heights


def test_the_whole_board_on_a_720p_projector_is_the_board_not_its_margins(app_runner, demo_id, paths):
    """The demo's 22 post-its, and 40 once the partners have written more, at "Hele tavlen"."""
    window, _page, workspace = _open(app_runner)
    demo = _projected_text_heights(window, workspace, (1280, 720))
    assert len(demo) == 22
    assert min(demo) >= 5.5, "was 3.9 px: the projector copied the facilitator's margins"

    store = app_runner.store
    partners = store.partners(demo_id)
    words = ["kysten", "fjorden", "borgerne", "diget", "planen", "vandet", "naturen", "lodsejerne"]
    for index, category in enumerate(["common"] * 2 + ["differences"] * 8 + ["opposed"] * 6 + [None] * 2):
        circle = store.ensure_circle(demo_id, partners[index % len(partners)].id, "change").id
        element = store.add_element(circle, "what", " ".join(words[(index + k) % len(words)] for k in range(5)))
        if category is not None:
            store.set_element_category(element.id, category)
    window, _page, workspace = _open(app_runner)
    workspace.tidy_all()
    forty = _projected_text_heights(window, workspace, (1280, 720))
    assert len(forty) == 40
    assert min(forty) >= 5.5
