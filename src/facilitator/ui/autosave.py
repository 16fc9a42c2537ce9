"""Save typed text shortly after the typing stops, and at once when asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: Typed text reaches the database this long after the last key press.
SAVE_DELAY_MS = 400
#: ... and never later than this after the first unsaved key press, however fast the typing.
MAX_SAVE_DELAY_MS = 600
#: Text that could not be saved (a full disk, a read-only folder) is tried again this often.
RETRY_MS = 5_000


class DebouncedSave(QObject):
    """Calls `save` once typing pauses; `flush()` saves pending text immediately.

    Someone typing without pause (a scribe copying a long post-it) would keep pushing a plain
    debounce back; the second, non-restarting timer keeps the text less than a second behind.
    """

    def __init__(
        self,
        save: Callable[[], None],
        parent: QObject | None = None,
        delay_ms: int = SAVE_DELAY_MS,
        max_delay_ms: int = MAX_SAVE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(delay_ms, max_delay_ms))
        self._deadline.timeout.connect(self.flush)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.flush)

    def schedule(self) -> None:
        self._pending = True
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    @property
    def pending(self) -> bool:
        return self._pending

    def cancel(self) -> None:
        """Forget pending text (it was removed instead)."""
        self._pending = False
        self._timer.stop()
        self._deadline.stop()
        self._retry.stop()

    def retry_later(self, delay_ms: int = RETRY_MS) -> None:
        """The save failed: the text stays pending (and on screen) and is tried again shortly."""
        self._pending = True
        self._retry.start(delay_ms)

    def flush(self) -> None:
        if self._pending:
            self.cancel()
            self._save()
