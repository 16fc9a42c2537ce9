"""Looking at the board: the facilitator's view (zoom, pan, keys) and the projector's copy.

The facilitator's view turns keys into requests (move, send to a zone, delete, edit) and
leaves acting on them to the workspace; the projector's view only follows what the
facilitator looks at.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from facilitator.ui.board_scene import BoardScene, NoteItem

MIN_ZOOM = 0.08
MAX_ZOOM = 3.0
#: Board units one arrow key press moves a note (Shift: a small step).
NUDGE = 40.0
FINE_NUDGE = 8.0


class BoardView(QGraphicsView):
    """The facilitator's view of the board."""

    #: The part of the board in view changed (scene rectangle), for the projector to follow.
    visible_area_changed = Signal(QRectF)
    #: Arrow keys on the selection: move it by (dx, dy) board units.
    nudge_requested = Signal(float, float)
    #: 1, 2, 3 (index into the categories) or 0 (the tray, as -1) on the selection.
    zone_requested = Signal(int)
    delete_requested = Signal()
    edit_requested = Signal(int)
    #: The note with keyboard focus changed (its id, or 0 for none).
    current_changed = Signal(int)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("boardView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Sorteringstavle"))
        # The viewport is what holds focus; it speaks with the board's name.
        self.viewport().setAccessibleName(self.accessibleName())
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._panning: QPoint | None = None
        #: Showing the whole board: it stays whole when the window or the panes change size.
        self.fitting = False
        self.horizontalScrollBar().valueChanged.connect(self._announce_area)
        self.verticalScrollBar().valueChanged.connect(self._announce_area)
        scene.focusItemChanged.connect(self._focus_moved)

    # Zoom ---------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom in (>1) or out (<1), within sensible limits."""
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        self.fitting = False
        self._show_scroll_bars(True)
        if target != self.zoom():
            factor = target / self.zoom()
            self.scale(factor, factor)
            self._announce_area()

    def fit_board(self) -> None:
        """Show the whole board, and keep showing it whole as the view changes size."""
        self.fitting = True
        self._show_scroll_bars(False)
        self.fitInView(self._whole_board(), Qt.AspectRatioMode.KeepAspectRatio)
        self._announce_area()

    def _whole_board(self) -> QRectF:
        # Asked of the view: while a closing window takes the scene down first, the view
        # still hears its scroll bars change, and must not touch the scene then.
        scene = self.scene()
        return scene.board_rect() if isinstance(scene, BoardScene) else self.sceneRect()

    def _show_scroll_bars(self, shown: bool) -> None:
        # The whole board needs none, and the margins around it would offer them.
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if shown else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def visible_area(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _announce_area(self) -> None:
        # The whole board, not this view's share of it: the projector's screen has another
        # shape, and the board should fill it rather than the facilitator's margins.
        self.visible_area_changed.emit(self._whole_board() if self.fitting else self.visible_area())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fitInView(self._whole_board(), Qt.AspectRatioMode.KeepAspectRatio)
        self._announce_area()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # A touchpad pinch (macOS, Wayland) arrives as a native gesture, a touchscreen's as a gesture.
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value())
            return True
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                event.accept()
                return True
        return super().viewportEvent(event)

    # Panning with the middle button -----------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position().toPoint() - self._panning
            self._panning = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._panning = None
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(event)

    # Keyboard -------------------------------------------------------------------------------

    def current_note(self) -> NoteItem | None:
        item = self.board.focusItem()
        return item if isinstance(item, NoteItem) else None

    def set_current(self, item: NoteItem, *, extend: bool = False) -> None:
        """Make `item` the selected, focused note and scroll it into view."""
        if not extend:
            self.board.clearSelection()
        item.setSelected(True)
        self.board.setFocusItem(item)
        self.ensureVisible(item, 40, 40)

    def cycle(self, forward: bool = True) -> None:
        """Tab: on to the next note in reading order (Shift+Tab back)."""
        notes = self.board.note_items()
        if not notes:
            return
        current = self.current_note()
        if current is None or current not in notes:
            target = notes[0] if forward else notes[-1]
        else:
            target = notes[(notes.index(current) + (1 if forward else -1)) % len(notes)]
        self.set_current(target)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._own_key(event):
            event.accept()
            return True
        # Tab walks the notes; Ctrl+Tab leaves the board, as in a text editor.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
                self.cycle(forward=event.key() == Qt.Key.Key_Tab)
                return True
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
        return super().event(event)

    def _own_key(self, event: QEvent) -> bool:
        """Esc lets go of the selection and F2 edits the current note, before the window's
        shortcuts (leave full screen, show the guide) get them."""
        if not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_Escape:
            return bool(self.board.selectedItems())
        return event.key() == Qt.Key.Key_F2 and self.current_note() is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        step = FINE_NUDGE if modifiers & Qt.KeyboardModifier.ShiftModifier else NUDGE
        arrows = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_by(1.25)
            elif key == Qt.Key.Key_Minus:
                self.zoom_by(0.8)
            elif key == Qt.Key.Key_0:
                self.fit_board()
            elif key == Qt.Key.Key_A:
                for item in self.board.note_items():
                    item.setSelected(True)
            else:
                super().keyPressEvent(event)
            return
        if key in arrows and self.board.selected_notes():
            self.nudge_requested.emit(*arrows[key])
        elif key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5):
            self.zone_requested.emit(key - Qt.Key.Key_1)
        elif key == Qt.Key.Key_0:
            self.zone_requested.emit(-1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.current_note() is not None:
            self.edit_requested.emit(self.current_note().note_id)
        elif key == Qt.Key.Key_Escape and self.board.selectedItems():
            self.board.clearSelection()
        elif key in arrows:
            self.cycle(forward=key in (Qt.Key.Key_Right, Qt.Key.Key_Down))
        else:
            super().keyPressEvent(event)

    def _focus_moved(self, new, _old, _reason) -> None:
        if isinstance(new, NoteItem):
            # Graphics items have no accessibility of their own: the view speaks for the current note.
            self.setAccessibleDescription(new.accessible_name())
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
            self.current_changed.emit(new.note_id)
        else:
            self.current_changed.emit(0)


class BoardProjectionView(QGraphicsView):
    """The board for the room: the same scene, large, read-only, following the facilitator."""

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("boardProjection")
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._area: QRectF | None = None

    def follow(self, area: QRectF) -> None:
        """Show (at least) this part of the board, as big as the window allows."""
        self._area = QRectF(area)
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._area is not None:
            self.fitInView(self._area, Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the room's view only follows the facilitator
