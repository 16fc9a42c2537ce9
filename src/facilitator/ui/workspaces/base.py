"""The small lifecycle every step workspace shares."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.program import Step
from facilitator.ui import labels
from facilitator.ui.context import SessionContext


class Workspace(QWidget):
    """A screen a step opens. Built once per session page, activated per step."""

    #: The workspace's undo history (Rediger → Fortryd), if it has undoable actions.
    undo_stack: QUndoStack | None = None
    #: Needs most of the height (circles, board, forms): the instruction is shown short.
    roomy = False

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        #: The store's content version when this screen last read what it shows (None: read again).
        self._read_version: int | None = None

    def start_layout(self, title: str, hint: str) -> QVBoxLayout:
        """The workspace's layout, opened with its heading and a line of guidance."""
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(title))
        layout.addWidget(labels.hint(hint))
        return layout

    def activate(self, step: Step) -> None:
        """Called when a step that uses this workspace becomes current."""

    def prepare(self) -> None:
        """In idle time before its step opens: read what it will show (see `reload_if_changed`).

        Only for screens whose reading costs: the others read when they open.
        """

    def reload_if_changed(self) -> None:
        """`reload`, unless nothing a screen shows was written since this one last read it.

        The step change then only shows a screen read in idle time (`prepare`). The version
        is taken after reading, so what the reading itself wrote (a first empty circle) counts.
        """
        store = self.context.store
        if not store.is_open or self._read_version is None or self._read_version != store.content_version:
            self.reload()  # each workspace that calls this has one
            self._read_version = store.content_version if store.is_open else None

    def deactivate(self) -> None:
        """Called when the user leaves the step; pending edits must be saved here."""
        self.flush()

    def flush(self) -> None:
        """Save anything still waiting to be saved."""

    def unsaved_count(self) -> int:
        """Edits that could not be saved yet (a full disk, say); asked before closing."""
        return 0

    def projection_html(self) -> str | None:
        """What the room sees of this workspace on the projector (None: only the step and timer).

        Never include the facilitator's own notes or guidance here.
        """
        return None

    def projection_widget(self, parent: QWidget) -> QWidget | None:
        """A live widget for the projector instead of `projection_html` (the board), owned by `parent`."""
        return None
