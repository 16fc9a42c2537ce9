"""The board's undo step and its in-place note editor, apart from the board workspace itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from facilitator.board import Patch
from facilitator.ui.undo import DoneCommand


class BoardCommand(DoneCommand):
    """A board action already done and stored: redo and undo write its patch or the inverse.

    Steps with the same merge key (arrow-key moves of one selection) become one undo step
    by composing their patches, so undo restores every field any of them changed.
    """

    def __init__(self, text: str, patch: Patch, inverse: Patch, replay, merge_key: object = None) -> None:
        self.patch = patch
        self.inverse = inverse
        # `replay` reports its own errors and redraws, so nothing is left for `after`/`report`.
        super().__init__(
            text, lambda: replay(self.patch), lambda: replay(self.inverse), lambda: None, lambda _error: None, merge_key
        )

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, BoardCommand) or other._merge_key != self._merge_key:
            return False
        self.patch = self.patch.then(other.patch)
        self.inverse = other.inverse.then(self.inverse)
        self.setText(other.text())
        return True


class NoteEditor(QPlainTextEdit):
    """Changing a note's words in place: Enter keeps them, Esc goes back."""

    def __init__(self, note_id: int, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.note_id = note_id
        self.setObjectName("noteEditor")
        self.setAccessibleName(self.tr("Post-ittens tekst"))
        self.done = False
        self.on_commit = lambda _text: None
        self.on_cancel = lambda: None
        self.selectAll()

    def event(self, event: QEvent) -> bool:
        # Esc and Enter belong to the editor, not to the window's shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu or another window taking focus is no reason to stop editing.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.commit()

    def commit(self) -> None:
        if not self.done:
            self.done = True
            self.on_commit(self.toPlainText())

    def cancel(self) -> None:
        if not self.done:
            self.done = True
            self.on_cancel()


__all__ = ["BoardCommand", "NoteEditor"]
