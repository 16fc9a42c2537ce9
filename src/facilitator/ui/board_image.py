"""The board as a PNG: where the facilitator wants it, and the writing, which may run off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from facilitator.files import write_file
from facilitator.text import Text, UserError, safe_file_name
from facilitator.ui.export_dialog import export_folder

if TYPE_CHECKING:
    from facilitator.store import Store

# lupdate needs the context spelled out: the strings were the workspace's, their translations stay.


def ask_image_path(parent: QWidget, store: Store, session_id: int, board_name: str) -> Path | None:
    """The save dialog, opened in the last export folder with a name made of the session and the board."""
    title = store.get_session(session_id).title or "Facilitator"
    zones = QCoreApplication.translate("BoardWorkspace", "tavle")
    name = safe_file_name(f"{title} – {zones} {board_name.lower()}")
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BoardWorkspace", "Gem tavlen som billede"),
        str(export_folder(store) / f"{name}.png"),
        QCoreApplication.translate("BoardWorkspace", "PNG-billede (*.png)"),
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".png" else chosen.with_suffix(".png")


def write_png(image: QImage, path: Path) -> Path:
    """Compress `image` and write it whole or not at all; safe on a worker thread (QImage is reentrant)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A null image (no memory for 3000 pixels) or a failed encoder gives no bytes.
    if image.isNull() or not image.save(buffer, "PNG") or buffer.size() == 0:
        raise UserError(
            Text(
                "Tavlen kunne ikke tegnes som billede (for lidt hukommelse?). Intet er gemt.",
                "The board could not be drawn as an image (too little memory?). Nothing was saved.",
            )
        )
    # Through the shared safe write: a full disk never leaves half an image behind.
    write_file(path, bytes(buffer.data()))
    return path


__all__ = ["ask_image_path", "write_png"]
