"""The sorting board without Qt: its geometry, its state, and its operations as undoable patches."""

from facilitator.board.layout import NOTE_HEIGHT, NOTE_WIDTH, TRAY, BoardLayout, Rect, layout_for, tidy
from facilitator.board.model import BoardState, Cluster, Note, Patch

__all__ = [
    "NOTE_HEIGHT",
    "NOTE_WIDTH",
    "TRAY",
    "BoardLayout",
    "BoardState",
    "Cluster",
    "Note",
    "Patch",
    "Rect",
    "layout_for",
    "tidy",
]
