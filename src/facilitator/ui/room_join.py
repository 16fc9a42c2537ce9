"""How the room is joined, as the projector shows it: a large QR code, the address and the code.

The QR code is segno's module matrix painted with QPainter (no image files): dark modules on
white with the standard quiet zone of four modules, as large as the space allows, so a phone
in the back row still reads it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

#: Modules of white around the code: the QR standard's quiet zone, which scanners need.
QUIET_ZONE = 4
DARK = QColor("#000000")
LIGHT = QColor("#FFFFFF")


def plain_address(url: str) -> str:
    """What a person types from the projector: the scheme, host and port of the join `url`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules for `text`, row by row (True: dark), without the quiet zone."""
    # Imported when a code is drawn, not with the projector (28 ms of the first F5).
    from facilitator.room.qr import qr_matrix as encoded

    return encoded(text, border=0)


def paint_qr(painter: QPainter, matrix: list[list[bool]], box: QRectF) -> None:
    """Paint `matrix` into the largest square of `box`, quiet zone included, on white."""
    count = len(matrix) + 2 * QUIET_ZONE
    side = min(box.width(), box.height())
    # Whole pixels per module: a blurred edge between modules makes the code harder to read.
    module = max(1, int(side // count))
    size = module * count
    left = box.x() + (box.width() - size) / 2
    top = box.y() + (box.height() - size) / 2
    painter.fillRect(QRectF(left, top, size, size), LIGHT)
    origin_x, origin_y = int(left) + QUIET_ZONE * module, int(top) + QUIET_ZONE * module
    for row_index, row in enumerate(matrix):
        for column_index, dark in enumerate(row):
            if dark:
                painter.fillRect(origin_x + column_index * module, origin_y + row_index * module, module, module, DARK)


def qr_image(text: str, pixels: int) -> QImage:
    """The QR code for `text` as an image `pixels` wide and high (for tests and the panel)."""
    image = QImage(pixels, pixels, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_qr(painter, qr_matrix(text), QRectF(0, 0, pixels, pixels))
    painter.end()
    return image


class QrCodeView(QWidget):
    """A QR code that fills its square; a screen reader hears the address it holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomQrCode")
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(120, 120)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.setAccessibleName(self.tr("QR-kode til %1").replace("%1", text))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        painter = QPainter(self)
        paint_qr(painter, self._matrix, QRectF(self.rect()))
        painter.end()


class RoomJoinView(QWidget):
    """The projector's column while the room is open: scan, or type the address, then the code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomJoin")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = QLabel(self.tr("Skriv selv med: scan koden"))
        self.heading.setObjectName("roomJoinHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrCodeView()
        self.address = QLabel()
        self.address.setObjectName("roomJoinAddress")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.code.setObjectName("roomJoinCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addStretch(1)
        self._fitted_to = QSize()

    def set_room(self, url: str, address: str, join_code: str) -> None:
        """Show how to join: the QR code holds the whole `url`; `address` is what a person types."""
        self._fitted_to = QSize()
        self.qr.set_text(url)
        self.address.setText(address)
        self.code.setText(self.tr("Kode: %1").replace("%1", join_code))
        self.code.setAccessibleName(self.tr("Kode til rummet: %1").replace("%1", " ".join(join_code)))

    def visible_text(self) -> str:
        return "\n".join(label.text() for label in (self.heading, self.address, self.code))

    def fit(self, width: int, height: int) -> None:
        """Type sized for the back row from the projector's height; the code as large as fits."""
        if QSize(width, height) == self._fitted_to:
            return
        self._fitted_to = QSize(width, height)
        self.setFixedWidth(width)
        for label, share in ((self.heading, 0.034), (self.address, 0.05), (self.code, 0.055)):
            font = QFont(label.font())
            font.setBold(True)
            size = max(10, int(height * share))
            font.setPixelSize(size)
            # Each stays on one line (the address as it is typed): smaller rather than broken.
            while size > 10 and QFontMetrics(font).horizontalAdvance(label.text()) > width:
                size -= 1
                font.setPixelSize(size)
            label.setFont(font)
            label.setMinimumHeight(QFontMetrics(font).height() + 4)
        text = sum(label.sizeHint().height() for label in (self.heading, self.address, self.code))
        side = max(120, min(width, height - text - 4 * self.layout().spacing() - int(height * 0.1)))
        self.qr.setFixedSize(side, side)


__all__ = ["QUIET_ZONE", "QrCodeView", "RoomJoinView", "paint_qr", "plain_address", "qr_image", "qr_matrix"]
