"""Save typed text shortly after the typing stops, and at once when asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: Typed text reaches the database at most this long after the last key press.
SAVE_DELAY_MS = 400


class DebouncedSave(QObject):
    """Calls `save` once typing pauses; `flush()` saves pending text immediately."""

    def __init__(self, save: Callable[[], None], parent: QObject | None = None, delay_ms: int = SAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save)

    def schedule(self) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        """Forget pending text (it was removed instead)."""
        self._timer.stop()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._save()
