"""Which value forms each partner's elements carry: a small dot chart for the facilitator.

Rows are the eight value forms of "Hvad er godt?", columns the partners; a dot's size is
how many of the partner's elements carry that value form. Below it, in words, which value
forms the room shares and which only one partner holds, the combinations the guide asks
the facilitator to notice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.conversation import VALUE_FORMS, ValueOverview, value_overview
from facilitator.palette import initials
from facilitator.store import ElementData, PartnerData
from facilitator.ui.circle_view import readable_on

if TYPE_CHECKING:
    from facilitator.store import Store

ROW_HEIGHT = 26
HEADER_HEIGHT = 34
NAME_WIDTH = 104
COLUMN_WIDTH = 34
SPREAD_WIDTH = 38


class ValueChart(QWidget):
    """The dot chart; clicking a value form asks for its guidance."""

    #: A value form's row was clicked: the guidance topic to show.
    topic_requested = Signal(str)

    def __init__(self, language: str = "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.partners: list[PartnerData] = []
        self.overview = ValueOverview({}, {}, {})
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current_row = 0
        self.setToolTip(
            self.tr(
                "Klik på en værdiform (eller vælg med piletasterne og tryk Enter) for at læse om den i vejledningen."
            )
        )

    def set_data(self, partners: list[PartnerData], overview: ValueOverview) -> None:
        self.partners = partners
        self.overview = overview
        self.setAccessibleName(self.tr("Værdiformer pr. partner"))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(NAME_WIDTH + COLUMN_WIDTH * max(len(self.partners), 1) + SPREAD_WIDTH, self._height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _height(self) -> int:
        return HEADER_HEIGHT + ROW_HEIGHT * len(VALUE_FORMS) + 4

    def describe(self) -> str:
        """The chart in words: per value form, who carries it."""
        lines = []
        for form in VALUE_FORMS:
            holders = [
                f"{partner.name} {self.overview.counts.get(partner.id, {}).get(form.id, 0)}"
                for partner in self.partners
                if self.overview.counts.get(partner.id, {}).get(form.id, 0)
            ]
            lines.append(f"{form.name.get(self.language)}: {', '.join(holders) if holders else '–'}")
        return "\n".join(lines)

    def _row_at(self, y: float) -> int | None:
        row = int((y - HEADER_HEIGHT) // ROW_HEIGHT)
        return row if y >= HEADER_HEIGHT and 0 <= row < len(VALUE_FORMS) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.current_row = (self.current_row + step) % len(VALUE_FORMS)
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.topic_requested.emit(VALUE_FORMS[self.current_row].guidance_topic)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().y())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current_row = row
            self.update()
            self.topic_requested.emit(VALUE_FORMS[row].guidance_topic)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        ink = self.palette().windowText().color()
        quiet = QColor(ink)
        quiet.setAlpha(140)
        maximum = self.overview.maximum()
        biggest = min(COLUMN_WIDTH, ROW_HEIGHT) / 2 - 2
        count = len(self.partners)
        # Partner heads: a badge in their colour with initials, the second cue besides colour.
        for column, partner in enumerate(self.partners):
            centre = QPointF(NAME_WIDTH + column * COLUMN_WIDTH + COLUMN_WIDTH / 2, HEADER_HEIGHT / 2)
            colour = QColor(partner.colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, 14, 14)
            painter.setPen(readable_on(colour))
            painter.setFont(bold)
            painter.drawText(
                QRectF(centre.x() - 14, centre.y() - 14, 28, 28), Qt.AlignmentFlag.AlignCenter, initials(partner.name)
            )
        spread_x = NAME_WIDTH + count * COLUMN_WIDTH
        painter.setPen(quiet)
        painter.setFont(base)
        painter.drawText(
            QRectF(spread_x, 0, SPREAD_WIDTH, HEADER_HEIGHT), Qt.AlignmentFlag.AlignCenter, self.tr("antal")
        )
        for row, form in enumerate(VALUE_FORMS):
            top = HEADER_HEIGHT + row * ROW_HEIGHT
            if row % 2 == 0:
                stripe = QColor(ink)
                stripe.setAlpha(14)
                painter.fillRect(QRectF(0, top, spread_x + SPREAD_WIDTH, ROW_HEIGHT), stripe)
            if self.hasFocus() and row == self.current_row:
                painter.setPen(QPen(self.palette().highlight().color(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(1, top + 1, spread_x + SPREAD_WIDTH - 2, ROW_HEIGHT - 2))
            holders = self.overview.partners_with(form.id)
            painter.setFont(bold if len(holders) >= 2 else base)
            painter.setPen(ink)
            painter.drawText(
                QRectF(4, top, NAME_WIDTH - 8, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                form.name.get(self.language),
            )
            for column, partner in enumerate(self.partners):
                value = self.overview.counts.get(partner.id, {}).get(form.id, 0)
                centre = QPointF(NAME_WIDTH + column * COLUMN_WIDTH + COLUMN_WIDTH / 2, top + ROW_HEIGHT / 2)
                if not value:
                    painter.setPen(QPen(quiet, 1))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(centre, 1.5, 1.5)
                    continue
                # Area, not radius, grows with the count, so big numbers do not shout.
                radius = max(5.0, biggest * math.sqrt(value / maximum))
                colour = QColor(partner.colour)
                painter.setPen(QPen(colour.darker(130), 1))
                painter.setBrush(colour)
                painter.drawEllipse(centre, radius, radius)
                if radius >= 8:
                    painter.setPen(readable_on(colour))
                    painter.setFont(base)
                    painter.drawText(
                        QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                        Qt.AlignmentFlag.AlignCenter,
                        str(value),
                    )
            painter.setPen(quiet)
            painter.setFont(base)
            painter.drawText(
                QRectF(spread_x, top, SPREAD_WIDTH, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                f"{len(holders)}/{count}" if count else "",
            )
        painter.end()


class ValuePanel(QWidget):
    """The chart with its heading and the sentence that reads it."""

    def __init__(self, store: Store, session_id: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Værdiformer"))
        heading.setObjectName("notesHeading")
        self.chart = ValueChart(language)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.chart)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def refresh(self, kind: str | None = None) -> None:
        """Count again (all delsessions, or one circle kind)."""
        partners = self.store.partners(self.session_id)
        self.show_overview(partners, self.store.value_overview(self.session_id, kind))

    def show_elements(self, partners: list[PartnerData], elements: Iterable[ElementData]) -> None:
        """Count the given elements: for a view that has already read them (no second read)."""
        pairs = [(element.partner_id, element.value_forms) for element in elements]
        self.show_overview(partners, value_overview([partner.id for partner in partners], pairs))

    def show_overview(self, partners: list[PartnerData], overview: ValueOverview) -> None:
        self.chart.set_data(partners, overview)
        labels = {partner.id: initials(partner.name) for partner in partners}
        self.summary.setText(overview.summary(labels, self.language))


class ValueFormsDialog(QDialog):
    """Dagen → Værdiformer: the overview for the whole day or one delsession."""

    def __init__(self, store: Store, session_id: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Værdiformer"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hvilke værdiformer bærer partnernes elementer? Se efter kombinationer og forskelle: "
                "hvad deler rummet, og hvad står én partner alene med?"
            )
        )
        intro.setWordWrap(True)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Hvilke cirkler"))
        for label, kind in (
            (self.tr("Hele dagen"), None),
            (self.tr("Forandringscirklerne (Delsession 1)"), "change"),
            (self.tr("Bidragscirklerne (Delsession 2)"), "contribution"),
            (self.tr("Skaleringscirklerne (Delsession 3)"), "scaling"),
        ):
            self.scope.addItem(label, kind)
        self.panel = ValuePanel(store, session_id, language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.scope)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.scope.currentIndexChanged.connect(lambda _index: self.panel.refresh(self.scope.currentData()))
        self.panel.refresh(None)
        self.setMinimumWidth(420)
