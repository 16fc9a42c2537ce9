"""A sorting board as a vector drawing for the PDFs: the circle in its sectors, the tray, the post-its.

It is drawn from the geometry the screen uses (`facilitator.board`), so the printed board
is the one the group saw, and with ReportLab graphics rather than Qt, so exports stay core
code. Nothing is printed smaller than `MIN_TEXT`, so a partner can read the paper: a
post-it shows its words while they come out at `_WORDS_FROM` points or more; on a fuller
board it shows its writer's initials and a large number instead, and the report lists
every post-it's words under that number beside the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Rect, Wedge
from reportlab.lib import colors

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH, BoardLayout, BoardState, Note
from facilitator.board.operations import board_layout, place_new, position
from facilitator.export.fonts import BOLD, REGULAR, elide, strings, text_width
from facilitator.text import wrap_words

#: The sector tints, tray and label colours of the screen (ui/board_scene.py), so both look alike.
SECTOR_TINTS = ("#E3F0E8", "#FFF1D6", "#F6E0DD", "#E4E9F5", "#EFE3F2")
SECTOR_EDGE = colors.HexColor("#8A9A95")
TRAY_FILL = colors.HexColor("#EDEBE4")
LABEL_COLOUR = colors.HexColor("#35524C")
GROUP_COLOUR = "#B8B2A7"
INK = colors.HexColor("#1F2A28")

#: The smallest type on a board drawing, in points: smaller cannot be read on a printed page.
MIN_TEXT = 7.0
LABEL_SIZE = 7.5
#: Points between the rim (or the tray) and a zone's label.
LABEL_GAP = 4.0
#: Board units, as on screen: the coloured strip with the initials and the tray's padding.
_STRIP = 22.0
_TRAY_PADDING = 14.0
#: A post-it's words are printed at this size or larger; below it the post-it shows its number.
_WORDS_FROM = 8.0
_TEXT_LINES = 3
#: The largest number on a post-it, in points: enough to find it from arm's length.
_NUMBER_SIZE = 16.0


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
        text,
        lambda line: text_width(line, font, size) <= width,
        lambda line: elide(line, font, size, width),
        lines,
    )


def _zone_labels(layout: BoardLayout, titles: Sequence[str], tray_title: str, scale: float) -> list[_Label]:
    """Sector names outside the rim where post-its never cover them, the tray's above it (as on screen)."""
    labels = []
    cx, cy = layout.centre
    span = 360.0 / max(len(layout.categories), 1)
    distance = layout.radius * scale + LABEL_GAP
    for index, title in enumerate(titles):
        angle = math.radians(span * index)
        x = cx * scale + distance * math.sin(angle)
        y = cy * scale - distance * math.cos(angle)
        width = text_width(title, BOLD, LABEL_SIZE)
        # Hang the label away from the circle on whichever side it sits.
        side = math.sin(angle)
        left = x - width / 2 if abs(side) < 0.3 else (x if side > 0 else x - width)
        top = y - LABEL_SIZE * 1.2 if math.cos(angle) > 0.3 else y
        labels.append(_Label(title, left, top, width))
    tray_top = (layout.tray.y - _TRAY_PADDING) * scale - LABEL_GAP - LABEL_SIZE * 1.2
    tray_width = text_width(tray_title, BOLD, LABEL_SIZE)
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
    numbers: Mapping[int, int] | None = None,
) -> Drawing:
    """The board as the group left it, at most `width` by `max_height` points.

    `zones` are the board's (category id, title) in order, titles with their counts;
    `authors` has an entry per partner and one for the group (None). Every visible post-it
    is drawn in its author's colour; duplicates merged into it add their initials.
    `numbers` (note id to number) are printed on the post-its, so their words can be
    looked up in a numbered list where a crowded board has no room for them.
    """
    numbers = numbers or {}
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
        writers_shown = [authors.get(writer, authors[None]) for writer in writers]
        _draw_note(drawing, note, numbers.get(note.id), writers_shown, point, scale, at)
        if note.cluster_id in placed.clusters:
            stacks.setdefault(note.cluster_id, point)
    for cluster_id, point in stacks.items():
        _draw_stack_name(drawing, placed.clusters[cluster_id].name, point, scale, at)
    for label in labels:
        x, y = at(label.x, label.top + LABEL_SIZE)
        for string in strings(x, y, label.text, BOLD, LABEL_SIZE, fillColor=LABEL_COLOUR):
            drawing.add(string)
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
    drawing: Drawing,
    note: Note,
    number: int | None,
    writers: Sequence[Author],
    point: tuple[float, float],
    scale: float,
    at: _Place,
) -> None:
    colour = colors.HexColor(writers[0].colour)
    ink = colors.HexColor(ink_on(writers[0].colour))
    width, height = NOTE_WIDTH * scale, NOTE_HEIGHT * scale
    x, y = at(point[0] * scale, point[1] * scale + height)
    drawing.add(Rect(x, y, width, height, fillColor=_tint(colour, 0.28), strokeColor=colour, strokeWidth=0.4))
    initials = " + ".join(writer.initials for writer in writers)
    label = str(number) if number is not None else ""
    text_size = 13.0 * scale
    if text_size >= _WORDS_FROM:
        strip = _STRIP * scale
        size = strip * 0.72
        drawing.add(Rect(x, y + height - strip, width, strip, fillColor=colour, strokeColor=None))
        baseline = y + height - strip + (strip - size) / 2 + size * 0.15
        number_width = text_width(label, BOLD, size) + 4 if label else 0
        _add(drawing, x + width - 2, baseline, label, BOLD, size, ink, anchor="end")
        _add(drawing, x + 2, baseline, elide(initials, BOLD, size, width - 4 - number_width), BOLD, size, ink)
        line_y = y + height - strip - text_size * 1.15
        for line in _wrap_words(note.text, REGULAR, text_size, width - 4, _TEXT_LINES):
            _add(drawing, x + 2, line_y, line, REGULAR, text_size, INK)
            line_y -= text_size * 1.2
        return
    # Too small for words at a readable size: the writer's initials on the strip and the
    # post-it's number below them, as large as the note allows.
    strip = max(_STRIP * scale, MIN_TEXT * 1.35)
    number_size = min((height - strip) * 0.8, _NUMBER_SIZE)
    if number_size >= MIN_TEXT and text_width(initials[:1] + "…", BOLD, MIN_TEXT) <= width - 4:
        drawing.add(Rect(x, y + height - strip, width, strip, fillColor=colour, strokeColor=None))
        baseline = y + height - strip + (strip - MIN_TEXT) / 2 + MIN_TEXT * 0.15
        _add(drawing, x + 2, baseline, elide(initials, BOLD, MIN_TEXT, width - 4), BOLD, MIN_TEXT, ink)
        room = height - strip
    else:
        # No room for both: the colour says who wrote it, the number which post-it it is.
        drawing.add(Rect(x, y + height * 0.8, width, height * 0.2, fillColor=colour, strokeColor=None))
        number_size = min(height * 0.75, _NUMBER_SIZE)
        room = height * 0.8
    if label and number_size >= MIN_TEXT and text_width(label, BOLD, number_size) <= width - 2:
        baseline = y + (room - number_size) / 2 + number_size * 0.2
        _add(drawing, x + width / 2, baseline, label, BOLD, number_size, INK, anchor="middle")


def _add(
    drawing: Drawing, x: float, y: float, text: str, font: str, size: float, colour, *, anchor: str = "start"
) -> None:
    for string in strings(x, y, text, font, size, anchor=anchor, fillColor=colour):
        drawing.add(string)


def _draw_stack_name(drawing: Drawing, name: str, point: tuple[float, float], scale: float, at: _Place) -> None:
    """A stack's name on a tab over its first post-it, as on screen."""
    size = max(MIN_TEXT, 11.0 * scale)
    text = elide(name, BOLD, size, max(NOTE_WIDTH * scale, 40.0) - 4)
    width = text_width(text, BOLD, size) + 4
    x, y = at(point[0] * scale, point[1] * scale)
    drawing.add(
        Rect(
            x, y - size * 0.45, width, size * 1.35, rx=2, ry=2, fillColor=colors.white, strokeColor=INK, strokeWidth=0.5
        )
    )
    _add(drawing, x + 2, y - size * 0.1, text, BOLD, size, INK)
