"""The sorting board without Qt: its geometry now, its notes and undoable operations next."""

from facilitator.board.layout import NOTE_HEIGHT, NOTE_WIDTH, TRAY, BoardLayout, Rect, layout_for, tidy

__all__ = ["NOTE_HEIGHT", "NOTE_WIDTH", "TRAY", "BoardLayout", "Rect", "layout_for", "tidy"]
