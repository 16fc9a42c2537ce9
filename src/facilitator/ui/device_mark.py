"""The mark of an element a partner wrote on their own device: a small phone, and words for it.

Drawn with QPainter (no image file, no emoji font needed), and always paired with text (a
tooltip and an accessible name), so the mark never rests on colour or shape alone.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget


def device_mark_text() -> str:
    """What the mark means, for tooltips and screen readers."""
    return QCoreApplication.translate("DeviceMark", "Skrevet af partneren på egen enhed")


def paint_phone(painter: QPainter, box: QRectF, ink: QColor) -> None:
    """A phone outline filling the height of `box`, at its left edge."""
    height = box.height()
    width = height * 0.6
    body = QRectF(box.x() + 0.5, box.y() + 0.5, width - 1, height - 1)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, max(1.0, height / 10)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(body, width * 0.18, width * 0.18)
    painter.setBrush(ink)
    painter.setPen(Qt.PenStyle.NoPen)
    dot = max(1.5, height / 9)
    painter.drawEllipse(QRectF(body.center().x() - dot / 2, body.bottom() - dot * 2.2, dot, dot))
    painter.restore()


def device_pixmap(size: int, ink: QColor | str = "#1F2A28") -> QPixmap:
    """The phone mark as a transparent pixmap `size` pixels high."""
    return QPixmap.fromImage(_device_image(size, QColor(ink).name(QColor.NameFormat.HexArgb)))


@functools.lru_cache(maxsize=16)
def _device_image(size: int, ink: str) -> QImage:
    # Drawn once per size and colour: a circle with many elements from phones shows it on
    # each line. A QImage, not a QPixmap, so the cache may outlive the application.
    image = QImage(max(4, round(size * 0.6)), size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_phone(painter, QRectF(0, 0, image.width(), size), QColor(ink))
    painter.end()
    return image


def device_mark_label(size: int, parent: QWidget | None = None) -> QLabel:
    """A label showing the phone mark, with its meaning as tooltip and accessible name."""
    label = QLabel(parent)
    label.setObjectName("deviceMark")
    label.setPixmap(device_pixmap(size, label.palette().color(label.foregroundRole())))
    label.setToolTip(device_mark_text())
    label.setAccessibleName(device_mark_text())
    return label


__all__ = ["device_mark_label", "device_mark_text", "device_pixmap", "paint_phone"]
