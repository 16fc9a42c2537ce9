"""Undo for workspace actions: each command replays a store call that has already been made.

Actions are done (and committed) first and recorded afterwards, so a failed save never
leaves a command on the stack; undo and redo call the store again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from facilitator.text import UserError

_MERGE_EDITS = 1


class DoneCommand(QUndoCommand):
    """A step already taken: `redo` repeats it, `undo` reverses it, then `after` redraws."""

    def __init__(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], None],
        report: Callable[[UserError], None],
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._after = after
        self._report = report
        self._merge_key = merge_key
        self._first = True

    def redo(self) -> None:
        if self._first:
            # QUndoStack.push calls redo at once; the action itself has already been done.
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except UserError as error:
            # Nothing changed (a full disk, say), so the stack must not claim it did: the
            # command leaves the stack and the screen keeps showing what is stored.
            self.setObsolete(True)
            self._report(error)
        self._after()

    def id(self) -> int:
        return _MERGE_EDITS if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing in the same element again merges into one "Ret element" step.
        if not isinstance(other, DoneCommand) or other._merge_key != self._merge_key:
            return False
        self._redo = other._redo
        self.setText(other.text())
        return True
