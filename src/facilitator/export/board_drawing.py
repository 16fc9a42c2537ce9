"""A sorting board as a vector drawing for the PDFs: the circle in its sectors, the tray, the post-its.

It is drawn from the geometry the screen uses (`facilitator.board`), so the printed board
is the one the group saw, and with ReportLab graphics rather than Qt, so exports stay core
code. Text is sized to the scale: whole words while a post-it is big enough to read, just
the author's initials on a crowded board.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Rect, String, Wedge
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH, BoardLayout, BoardState, Note
from facilitator.board.operations import board_layout, place_new, position
from facilitator.export.fonts import BOLD, REGULAR, elide, printable
from facilitator.text import wrap_words

#: The sector tints, tray and label colours of the screen (ui/board_scene.py), so both look alike.
SECTOR_TINTS = ("#E3F0E8", "#FFF1D6", "#F6E0DD", "#E4E9F5", "#EFE3F2")
SECTOR_EDGE = colors.HexColor("#8A9A95")
TRAY_FILL = colors.HexColor("#EDEBE4")
LABEL_COLOUR = colors.HexColor("#35524C")
GROUP_COLOUR = "#B8B2A7"
INK = colors.HexColor("#1F2A28")

LABEL_SIZE = 7.5
#: Points between the rim (or the tray) and a zone's label.
LABEL_GAP = 4.0
#: Board units, as on screen: the coloured strip with the initials and the tray's padding.
_STRIP = 22.0
_TRAY_PADDING = 14.0
#: Below this many points a post-it's words cannot be read on paper; it shows initials only.
_SMALLEST_TEXT = 3.0
_TEXT_LINES = 3


#: Turns a scaled board point (y down) into a point of the drawing (y up).
_Place = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Author:
    """How a post-it's writer is shown: initials on a strip in their colour."""

    initials: str
    colour: str


@dataclass(frozen=True)
class _Label:
    text: str
    x: float
    #: Top edge, measured downwards like the board.
    top: float
    width: float


def _with_places(state: BoardState, layout: BoardLayout) -> BoardState:
    """A copy of `state` in which notes never placed (new elements) have the tray or sector slot they will get."""
    copy = BoardState(state.kind, dict(state.notes), dict(state.clusters))
    copy.apply(place_new(copy, layout))
    return copy


def _tint(colour: colors.Color, share: float) -> colors.Color:
    """`colour` mixed into white: the pale post-it paper in the partner's colour."""
    return colors.Color(*(1 - (1 - channel) * share for channel in colour.rgb()))


def ink_on(colour: str) -> str:
    """Dark or white text, whichever reads on `colour` (a hex colour), as on the screen's strips."""
    rgb = colors.HexColor(colour).rgb()
    # Qt's lightness: the mean of the strongest and the weakest channel.
    lightness = (max(rgb) + min(rgb)) / 2 * 255
    return "#111111" if lightness > 140 else "#FFFFFF"


def _wrap_words(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """The note's words in at most `lines` lines of `width` points."""
    return wrap_words(
        printable(text),
        lambda line: stringWidth(line, font, size) <= width,
        lambda line: elide(line, font, size, width),
        lines,
    )


def _zone_labels(layout: BoardLayout, titles: Sequence[str], tray_title: str, scale: float) -> list[_Label]:
    """Sector names outside the rim where post-its never cover them, the tray's above it (as on screen)."""
    labels = []
    cx, cy = layout.centre
    span = 360.0 / max(len(layout.categories), 1)
    distance = layout.radius * scale + LABEL_GAP
    for index, title in enumerate(printable(title) for title in titles):
        angle = math.radians(span * index)
        x = cx * scale + distance * math.sin(angle)
        y = cy * scale - distance * math.cos(angle)
        width = stringWidth(title, BOLD, LABEL_SIZE)
        # Hang the label away from the circle on whichever side it sits.
        side = math.sin(angle)
        left = x - width / 2 if abs(side) < 0.3 else (x if side > 0 else x - width)
        top = y - LABEL_SIZE * 1.2 if math.cos(angle) > 0.3 else y
        labels.append(_Label(title, left, top, width))
    tray_top = (layout.tray.y - _TRAY_PADDING) * scale - LABEL_GAP - LABEL_SIZE * 1.2
    tray_title = printable(tray_title)
    tray_width = stringWidth(tray_title, BOLD, LABEL_SIZE)
    labels.append(_Label(tray_title, (layout.tray.x - _TRAY_PADDING) * scale, tray_top, tray_width))
    return labels


def _extent(layout: BoardLayout, labels: Sequence[_Label], scale: float) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of everything drawn, in scaled board units (y down)."""
    width, height = layout.size
    pad = _TRAY_PADDING * scale
    left, top = min(-pad, *(label.x for label in labels)), min(-pad, *(label.top for label in labels))
    right = max(width * scale, *(label.x + label.width for label in labels))
    bottom = max(height * scale + pad, *(label.top + LABEL_SIZE * 1.3 for label in labels))
    return left, top, right, bottom


def board_drawing(
    state: BoardState,
    zones: Sequence[tuple[str, str]],
    authors: Mapping[int | None, Author],
    *,
    tray_title: str,
    width: float,
    max_height: float,
) -> Drawing:
    """The board as the group left it, at most `width` by `max_height` points.

    `zones` are the board's (category id, title) in order, titles with their counts;
    `authors` has an entry per partner and one for the group (None). Every visible post-it
    is drawn in its author's colour; duplicates merged into it add their initials.
    """
    categories = tuple(zone for zone, _title in zones)
    layout = board_layout(state, categories)
    placed = _with_places(state, layout)
    titles = [title for _zone, title in zones]
    board_width, board_height = layout.size
    scale = min(width / board_width, max_height / board_height)
    # Labels keep their size in points whatever the scale, so shrink until they fit too.
    for _attempt in range(4):
        labels = _zone_labels(layout, titles, tray_title, scale)
        left, top, right, bottom = _extent(layout, labels, scale)
        fit = min(width / (right - left), max_height / (bottom - top))
        if fit >= 1:
            break
        scale *= fit * 0.98
    drawing = Drawing(right - left, bottom - top)
    drawing.hAlign = "CENTER"

    def at(x: float, y: float) -> tuple[float, float]:
        """A scaled board point (y down) in the drawing (y up)."""
        return x - left, bottom - y

    _draw_zones(drawing, layout, scale, at)
    merged: dict[int, list[int | None]] = {}
    for note in placed.notes.values():
        if note.merged_into is not None and not note.deleted:
            merged.setdefault(note.merged_into, []).append(note.partner_id)
    stacks: dict[int, tuple[float, float]] = {}
    for note in placed.visible_notes():
        point = position(note, layout) or (layout.tray.x, layout.tray.y)
        writers = [note.partner_id, *merged.get(note.id, ())]
        _draw_note(drawing, note, [authors.get(writer, authors[None]) for writer in writers], point, scale, at)
        if note.cluster_id in placed.clusters:
            stacks.setdefault(note.cluster_id, point)
    for cluster_id, point in stacks.items():
        _draw_stack_name(drawing, placed.clusters[cluster_id].name, point, scale, at)
    for label in labels:
        x, y = at(label.x, label.top + LABEL_SIZE)
        drawing.add(String(x, y, label.text, fontName=BOLD, fontSize=LABEL_SIZE, fillColor=LABEL_COLOUR))
    return drawing


def _draw_zones(drawing: Drawing, layout: BoardLayout, scale: float, at: _Place) -> None:
    tray = layout.tray
    pad = _TRAY_PADDING * scale
    x, y = at(tray.x * scale - pad, (tray.y + tray.height) * scale + pad)
    drawing.add(
        Rect(
            x,
            y,
            tray.width * scale + 2 * pad,
            tray.height * scale + 2 * pad,
            rx=3,
            ry=3,
            fillColor=TRAY_FILL,
            strokeColor=SECTOR_EDGE,
            strokeWidth=0.6,
            strokeDashArray=[2, 2],
        )
    )
    count = len(layout.categories)
    if not count:
        return
    cx, cy = at(layout.centre[0] * scale, layout.centre[1] * scale)
    radius = layout.radius * scale
    if count == 1:
        drawing.add(Circle(cx, cy, radius, fillColor=colors.HexColor(SECTOR_TINTS[0]), strokeColor=SECTOR_EDGE))
        return
    span = 360.0 / count
    for index in range(count):
        # ReportLab measures angles counter-clockwise from 3 o'clock; the layout clockwise from 12.
        middle = 90.0 - span * index
        drawing.add(
            Wedge(
                cx,
                cy,
                radius,
                middle - span / 2,
                middle + span / 2,
                fillColor=colors.HexColor(SECTOR_TINTS[index % len(SECTOR_TINTS)]),
                strokeColor=SECTOR_EDGE,
                strokeWidth=0.8,
            )
        )


def _draw_note(
    drawing: Drawing, note: Note, writers: Sequence[Author], point: tuple[float, float], scale: float, at: _Place
) -> None:
    colour = colors.HexColor(writers[0].colour)
    width, height = NOTE_WIDTH * scale, NOTE_HEIGHT * scale
    x, y = at(point[0] * scale, point[1] * scale + height)
    drawing.add(Rect(x, y, width, height, fillColor=_tint(colour, 0.28), strokeColor=colour, strokeWidth=0.4))
    initials = " + ".join(writer.initials for writer in writers)
    text_size = 13.0 * scale
    if text_size >= _SMALLEST_TEXT:
        strip = _STRIP * scale
        drawing.add(Rect(x, y + height - strip, width, strip, fillColor=colour, strokeColor=None))
        label_size = strip * 0.72
        drawing.add(
            String(
                x + 2,
                y + height - strip + (strip - label_size) / 2 + label_size * 0.15,
                elide(printable(initials), BOLD, label_size, width - 4),
                fontName=BOLD,
                fontSize=label_size,
                fillColor=colors.HexColor(ink_on(writers[0].colour)),
            )
        )
        line_y = y + height - strip - text_size * 1.15
        for line in _wrap_words(note.text, REGULAR, text_size, width - 4, _TEXT_LINES):
            drawing.add(String(x + 2, line_y, line, fontName=REGULAR, fontSize=text_size, fillColor=INK))
            line_y -= text_size * 1.2
        return
    # Too small for words: the initials as large as the note allows, so the mix still shows.
    size = min(height * 0.6, (width - 2) / max(stringWidth(initials, BOLD, 1), 1))
    if size >= 2.5:
        drawing.add(
            String(
                x + width / 2,
                y + (height - size) / 2 + size * 0.15,
                printable(initials),
                fontName=BOLD,
                fontSize=size,
                fillColor=INK,
                textAnchor="middle",
            )
        )


def _draw_stack_name(drawing: Drawing, name: str, point: tuple[float, float], scale: float, at: _Place) -> None:
    """A stack's name on a tab over its first post-it, as on screen."""
    size = max(4.5, 11.0 * scale)
    text = elide(printable(name), BOLD, size, NOTE_WIDTH * scale - 4)
    width = stringWidth(text, BOLD, size) + 4
    x, y = at(point[0] * scale, point[1] * scale)
    drawing.add(
        Rect(
            x, y - size * 0.45, width, size * 1.35, rx=2, ry=2, fillColor=colors.white, strokeColor=INK, strokeWidth=0.5
        )
    )
    drawing.add(String(x + 2, y - size * 0.1, text, fontName=BOLD, fontSize=size, fillColor=INK))
