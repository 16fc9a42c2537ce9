"""The sorting board on screen: the circle in three sectors, the tray and the post-its.

The scene only draws a `BoardState` in a `BoardLayout`; every decision (which zone a
dropped note lands in, where tidy puts it) is made by `facilitator.board`. The same scene
is shown by the facilitator's view, the projector's view and the PNG export.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH, TRAY, BoardLayout, BoardState, Note
from facilitator.board.operations import position
from facilitator.text import wrap_words
from facilitator.ui.device_mark import device_mark_text, paint_phone

INK = QColor("#1F2A28")
SELECTED = QColor("#14213D")
BOARD_MARGIN = 90.0
#: The rim around the board when all of it is shown: every pixel of a projector counts.
FIT_MARGIN = 16.0
#: Gentle, distinct tints for the three sectors (the category is also written beside each).
SECTOR_TINTS = ("#E3F0E8", "#FFF1D6", "#F6E0DD", "#E4E9F5", "#EFE3F2")
GROUP_COLOUR = "#B8B2A7"
_STRIP = 22.0
_TEXT_LINES = 3
#: The words' size in board units: three lines fill the note below its coloured strip.
NOTE_TEXT_PX = 16


@dataclass(frozen=True)
class NoteLook:
    """Who wrote a note and what it answers, as the post-it shows it."""

    initials: str
    author: str
    colour: str
    field_label: str = ""
    #: The partner wrote it on their own device (the room): a phone mark on the note.
    from_device: bool = False


@dataclass(frozen=True)
class ZoneTitle:
    """A zone's name and what belongs in it (the method's description)."""

    title: str
    description: str = ""


def _tint(colour: QColor, share: float) -> QColor:
    """`colour` mixed into white: the pale post-it paper in the partner's colour."""
    return QColor(
        round(255 - (255 - colour.red()) * share),
        round(255 - (255 - colour.green()) * share),
        round(255 - (255 - colour.blue()) * share),
    )


def _wrap(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """The note's words in at most `lines` lines of `width` pixels."""
    return wrap_words(
        text,
        lambda line: metrics.horizontalAdvance(line) <= width,
        lambda line: metrics.elidedText(line, Qt.TextElideMode.ElideRight, width),
        lines,
    )


class NoteItem(QGraphicsItem):
    """One post-it: the partner's colour and initials, the question it answers, its words."""

    def __init__(self, note: Note, look: NoteLook) -> None:
        super().__init__()
        self.note = note
        self.look = look
        self.sources: tuple[NoteLook, ...] = ()
        self._lines: list[str] | None = None
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemIsFocusable)
        # A post-it is redrawn from a cached image while others move past it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._refresh_tooltip()

    @property
    def note_id(self) -> int:
        return self.note.id

    def set_note(self, note: Note, look: NoteLook, sources: tuple[NoteLook, ...]) -> None:
        changed = (note.text, note.cluster_id) != (self.note.text, self.note.cluster_id)
        if changed or look != self.look or sources != self.sources:
            self._lines = None
            self.look = look
            self.sources = sources
            self.update()
        self.note = note
        self._refresh_tooltip()

    def accessible_name(self) -> str:
        """What a screen reader says for this note."""
        parts = [self.look.author]
        if self.look.field_label:
            parts.append(self.look.field_label)
        mark = f" ({device_mark_text()})" if self.look.from_device else ""
        return f"{', '.join(parts)}: {self.note.text}{mark}"

    def _refresh_tooltip(self) -> None:
        extra = "".join(f"\n+ {source.author}" for source in self.sources)
        self.setToolTip(self.accessible_name() + extra)

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, NOTE_WIDTH + 8, NOTE_HEIGHT + 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, NOTE_WIDTH, NOTE_HEIGHT))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = QColor(self.look.colour)
        body = QRectF(0, 0, NOTE_WIDTH, NOTE_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.drawRect(body.translated(3, 3))
        painter.setBrush(_tint(colour, 0.28))
        painter.drawRect(body)
        painter.setBrush(colour)
        painter.drawRect(QRectF(0, 0, NOTE_WIDTH, _STRIP))

        on_colour = QColor("#111111") if colour.lightness() > 140 else QColor("#FFFFFF")
        font = QFont(painter.font())
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(on_colour)
        initials = " + ".join([self.look.initials, *(source.initials for source in self.sources)])
        strip = QRectF(6, 0, NOTE_WIDTH - 12, _STRIP)
        painter.drawText(strip, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, initials)
        if self.look.from_device:
            # After the initials: written by the partner on their own device (said in the tooltip too).
            after = QFontMetricsF(font).horizontalAdvance(initials) + 6
            paint_phone(painter, QRectF(strip.x() + after, 4, 10, _STRIP - 8), on_colour)
        if self.look.field_label:
            font.setBold(False)
            font.setPixelSize(11)
            painter.setFont(font)
            painter.drawText(strip, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self.look.field_label)

        font.setBold(False)
        font.setPixelSize(NOTE_TEXT_PX)
        painter.setFont(font)
        painter.setPen(INK)
        metrics = QFontMetricsF(font)
        if self._lines is None:
            self._lines = _wrap(self.note.text, metrics, NOTE_WIDTH - 14, _TEXT_LINES)
        y = _STRIP + 6 + metrics.ascent()
        for line in self._lines:
            painter.drawText(QPointF(7, y), line)
            y += metrics.lineSpacing()

        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTED, 4))
            painter.drawRect(body.adjusted(-1, -1, 1, 1))
        elif self.note.cluster_id is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour.darker(140), 1))
            painter.drawRect(body)


class SectorItem(QGraphicsPathItem):
    """One category's sector of the circle; it lights up while a note is dragged over it."""

    def __init__(self, zone: str, path: QPainterPath, tint: str) -> None:
        super().__init__(path)
        self.zone = zone
        self._tint = QColor(tint)
        self.setPen(QPen(QColor("#8A9A95"), 3))
        self.set_hot(False)
        self.setZValue(-10)

    def set_hot(self, hot: bool) -> None:
        self.setBrush(self._tint.darker(112) if hot else self._tint)


class ClusterTag(QGraphicsSimpleTextItem):
    """A stack's name, on a tab above its first note."""

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-8, -3, 8, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(INK, 1.5))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(super().boundingRect().adjusted(-6, -2, 6, 2), 8, 8)
        super().paint(painter, option, widget)


class BoardScene(QGraphicsScene):
    """Draws one board; reports what the facilitator dragged, never changes the state itself."""

    #: Notes dragged to new places: {note id: (x, y) on the board}.
    notes_dropped = Signal(object)
    #: A note was double-clicked to change its words.
    edit_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items_by_id: dict[int, NoteItem] = {}
        self.layout: BoardLayout | None = None
        self._zone_items: list[QGraphicsItem] = []
        self._sectors: dict[str, SectorItem] = {}
        self._tray: QGraphicsPathItem | None = None
        self._zone_labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._titles: dict[str, ZoneTitle] = {}
        self._cluster_tags: dict[int, ClusterTag] = {}
        self._drag_start: dict[int, QPointF] = {}
        self._hot: str | None = None
        self._highlight: object = None
        self.setBackgroundBrush(QColor("#F7F6F2"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # Drawing a state -----------------------------------------------------------------

    def show_state(
        self,
        state: BoardState,
        layout: BoardLayout,
        looks: dict[int | None, NoteLook],
        titles: dict[str, ZoneTitle],
        field_labels: dict[str, str],
        from_device: frozenset[int] = frozenset(),
    ) -> None:
        """Draw `state`: zones sized by `layout`, a post-it per visible note, stack names.

        Notes whose ids are in `from_device` were written by a partner on their own device.
        """
        if layout != self.layout or titles != self._titles:
            self._draw_zones(layout, titles)
        self.layout = layout
        visible = state.visible_notes()
        merged: dict[int, list[NoteLook]] = {}
        for note in state.notes.values():
            if note.merged_into is not None and not note.deleted:
                merged.setdefault(note.merged_into, []).append(self._look(note, looks, field_labels, from_device))
        keep = {note.id for note in visible}
        for note_id in list(self.items_by_id):
            if note_id not in keep:
                self.removeItem(self.items_by_id.pop(note_id))
        counts: dict[str, int] = {}
        for note in visible:
            look = self._look(note, looks, field_labels, from_device)
            item = self.items_by_id.get(note.id)
            if item is None:
                item = NoteItem(note, look)
                self.items_by_id[note.id] = item
                self.addItem(item)
            item.set_note(note, look, tuple(merged.get(note.id, ())))
            point = position(note, layout) or (layout.tray.x, layout.tray.y)
            if item.pos() != QPointF(*point):
                item.setPos(*point)
            item.setZValue(note.z)
            zone = layout.zone_of(note.category)
            counts[zone] = counts.get(zone, 0) + 1
        self._apply_highlight()
        self._draw_cluster_tags(state)
        for zone, label in self._zone_labels.items():
            title = self._titles.get(zone, ZoneTitle(zone)).title
            label.setText(f"{title} ({counts.get(zone, 0)})")
        self._place_zone_labels()
        width, height = layout.size
        self.setSceneRect(QRectF(-BOARD_MARGIN, -BOARD_MARGIN, width + 2 * BOARD_MARGIN, height + 2 * BOARD_MARGIN))

    def board_rect(self) -> QRectF:
        """Everything drawn on the board (zones, their names, post-its), with a narrow rim."""
        return self.itemsBoundingRect().adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)

    @staticmethod
    def _look(
        note: Note, looks: dict[int | None, NoteLook], field_labels: dict[str, str], from_device: frozenset[int]
    ) -> NoteLook:
        base = looks.get(note.partner_id) or looks[None]
        label = field_labels.get(note.field or "", "")
        return NoteLook(base.initials, base.author, base.colour, label, note.id in from_device)

    def _draw_zones(self, layout: BoardLayout, titles: dict[str, ZoneTitle]) -> None:
        for item in self._zone_items:
            self.removeItem(item)
        self._zone_items.clear()
        self._sectors.clear()
        self._zone_labels.clear()
        self._titles = dict(titles)
        cx, cy = layout.centre
        radius = layout.radius
        count = len(layout.categories)
        span = 360.0 / max(count, 1)
        circle = QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius)
        for index, category in enumerate(layout.categories):
            path = QPainterPath(QPointF(cx, cy))
            # Qt measures angles counter-clockwise from 3 o'clock; the layout clockwise from 12.
            start = 90.0 - span * index + span / 2
            path.arcTo(circle, start, -span)
            path.closeSubpath()
            sector = SectorItem(category, path, SECTOR_TINTS[index % len(SECTOR_TINTS)])
            zone_title = titles.get(category, ZoneTitle(category))
            sector.setToolTip(
                f"{zone_title.title}: {zone_title.description}" if zone_title.description else zone_title.title
            )
            self._add_zone_item(sector)
            self._sectors[category] = sector
            self._zone_labels[category] = self._zone_label()
        tray = layout.tray
        tray_path = QPainterPath()
        tray_path.addRoundedRect(QRectF(tray.x - 14, tray.y - 14, tray.width + 28, tray.height + 28), 10, 10)
        self._tray = QGraphicsPathItem(tray_path)
        self._tray.setPen(QPen(QColor("#8A9A95"), 2, Qt.PenStyle.DashLine))
        self._tray.setBrush(QColor("#EDEBE4"))
        self._tray.setZValue(-10)
        self._add_zone_item(self._tray)
        self._sectors_hot(None)
        self._zone_labels[TRAY] = self._zone_label()

    def _zone_label(self) -> QGraphicsSimpleTextItem:
        label = QGraphicsSimpleTextItem()
        font = QFont()
        font.setPixelSize(44)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QColor("#35524C"))
        label.setZValue(-5)
        self._add_zone_item(label)
        return label

    def _add_zone_item(self, item: QGraphicsItem) -> None:
        self.addItem(item)
        self._zone_items.append(item)

    def _place_zone_labels(self) -> None:
        """Category names outside the rim, where post-its never cover them; the tray's above it."""
        layout = self.layout
        if layout is None:
            return
        cx, cy = layout.centre
        span = 360.0 / max(len(layout.categories), 1)
        for index, category in enumerate(layout.categories):
            label = self._zone_labels[category]
            bounds = label.boundingRect()
            angle = math.radians(span * index)
            distance = layout.radius + 22
            x = cx + distance * math.sin(angle)
            y = cy - distance * math.cos(angle)
            # Hang the label away from the circle on whichever side it sits.
            left = (
                x - bounds.width() / 2
                if abs(math.sin(angle)) < 0.3
                else (x if math.sin(angle) > 0 else x - bounds.width())
            )
            top = y - bounds.height() if math.cos(angle) > 0.3 else y
            label.setPos(left, top)
        tray_label = self._zone_labels[TRAY]
        tray_label.setPos(layout.tray.x - 14, layout.tray.y - 20 - tray_label.boundingRect().height())

    def _draw_cluster_tags(self, state: BoardState) -> None:
        members: dict[int, list[NoteItem]] = {}
        for item in self.items_by_id.values():
            if item.note.cluster_id is not None:
                members.setdefault(item.note.cluster_id, []).append(item)
        for cluster_id in list(self._cluster_tags):
            if cluster_id not in members or cluster_id not in state.clusters:
                self.removeItem(self._cluster_tags.pop(cluster_id))
        for cluster_id, items in members.items():
            cluster = state.clusters.get(cluster_id)
            if cluster is None:
                continue
            tag = self._cluster_tags.get(cluster_id)
            if tag is None:
                tag = ClusterTag()
                font = QFont()
                font.setPixelSize(13)
                font.setBold(True)
                tag.setFont(font)
                tag.setBrush(INK)
                self.addItem(tag)
                self._cluster_tags[cluster_id] = tag
            tag.setText(f"{cluster.name} ({len(items)})")
            # On the top note's lower edge, where its text never reaches and no neighbour lies.
            top = max(items, key=lambda item: item.zValue())
            height = tag.boundingRect().height()
            tag.setPos(top.pos().x() + 10, top.pos().y() + NOTE_HEIGHT - height / 2 - 2)
            tag.setZValue(top.zValue() + 0.5)

    # Highlighting one partner ------------------------------------------------------------

    def set_highlight(self, partner: object) -> None:
        """Let one partner's notes stand out (None: everyone's). The group is partner 0."""
        self._highlight = partner
        self._apply_highlight()

    def _apply_highlight(self) -> None:
        for item in self.items_by_id.values():
            if self._highlight is None:
                opacity = 1.0
            else:
                own = item.note.partner_id if item.note.partner_id is not None else 0
                opacity = 1.0 if own == self._highlight else 0.22
            if item.opacity() != opacity:
                item.setOpacity(opacity)

    # Dragging --------------------------------------------------------------------------

    def note_items(self) -> list[NoteItem]:
        """Every post-it in reading order: zone by zone (tray first), top to bottom, left to right."""
        layout = self.layout
        order = {TRAY: -1, **({c: i for i, c in enumerate(layout.categories)} if layout else {})}

        def key(item: NoteItem) -> tuple:
            zone = layout.zone_of(item.note.category) if layout else TRAY
            return (order.get(zone, -1), round(item.pos().y() / 20), item.pos().x(), item.note_id)

        return sorted(self.items_by_id.values(), key=key)

    def selected_notes(self) -> list[NoteItem]:
        return [item for item in self.selectedItems() if isinstance(item, NoteItem)]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = {item.note_id: item.pos() for item in self.selected_notes()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        grabbed = self.mouseGrabberItem()
        if isinstance(grabbed, NoteItem) and self._drag_start and self.layout is not None:
            centre = grabbed.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
            self._sectors_hot(self.layout.zone_at(centre.x(), centre.y()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        start, self._drag_start = self._drag_start, {}
        self._sectors_hot(None)
        moved = {
            note_id: (item.pos().x(), item.pos().y())
            for note_id, where in start.items()
            if (item := self.items_by_id.get(note_id)) is not None and item.pos() != where
        }
        if moved:
            self.notes_dropped.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.itemAt(event.scenePos(), QTransform())
        if isinstance(item, NoteItem):
            self.edit_requested.emit(item.note_id)
            return
        super().mouseDoubleClickEvent(event)

    def _sectors_hot(self, zone: str | None) -> None:
        if zone == self._hot:
            return
        self._hot = zone
        for name, sector in self._sectors.items():
            sector.set_hot(name == zone)
        if self._tray is not None:
            self._tray.setBrush(QColor("#DCD8CC") if zone == TRAY else QColor("#EDEBE4"))

    # Pictures -----------------------------------------------------------------------------

    def render_image(self, longest_side: int = 3000) -> QImage:
        """The whole board as an image, without selection or highlighting (for reports)."""
        selected = self.selected_notes()
        highlight = self._highlight
        for item in selected:
            item.setSelected(False)
        self.set_highlight(None)
        try:
            source = self.itemsBoundingRect().adjusted(-30, -30, 30, 30)
            scale = longest_side / max(source.width(), source.height(), 1.0)
            image = QImage(round(source.width() * scale), round(source.height() * scale), QImage.Format.Format_RGB32)
            image.fill(QColor("#FFFFFF"))
            painter = QPainter(image)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            self.render(painter, QRectF(image.rect()), source)
            painter.end()
        finally:
            for item in selected:
                item.setSelected(True)
            self.set_highlight(highlight)
        return image
