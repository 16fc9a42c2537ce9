"""The Qt binding itself: a day of painting must not wear away Python's None."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_calling_qt_methods_that_return_nothing_keeps_nones_reference_count(qapp):
    # PySide6 6.12.0 forgot to take a reference to the None it returns from void methods;
    # on Python 3.11 a few ten thousand calls (one board repaint is thousands) then crash
    # the interpreter with "deallocating None".
    label = QLabel()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        painter.setBrush(QColor("#E69F00"))
        painter.drawRect(QRectF(0, 0, 5, 5))
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 6,000 calls"
