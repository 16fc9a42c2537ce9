"""Where things sit on the sorting board: the tray, the circle in three sectors, tidy rows.

The board is drawn like the printed template: a circle cut into three sectors, one per
category (Fælles / Forskelle / Modsatrettede and so on), with the unsorted post-its in a
tray beside it. Everything here is plain geometry in board units (pixels at 100 % zoom),
so the scene, the projector and the PNG export agree, and it is tested without Qt.

A note's stored place is relative to its zone: to the tray's top-left corner while it is
unsorted, to the circle's centre once it has a category. The board can then grow (or the
tray lengthen) as notes arrive without any note changing zone on screen.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

NOTE_WIDTH = 170.0
NOTE_HEIGHT = 96.0
GAP = 12.0
#: The smallest circle; it grows so the fullest sector always has a tidy slot per note.
MIN_RADIUS = 600.0
TRAY_COLUMNS = 2
TRAY_MARGIN = 60.0
#: The unsorted tray, as a zone name next to the categories.
TRAY = ""
#: The farthest a note's stored place may lie from its zone's anchor, either way, in board
#: units: a tray of some 3,700 notes. The store keeps places within it and a session file
#: beyond it is refused (`facilitator.store.limits.MAX_BOARD_PLACE`).
MAX_PLACE = 200_000.0
#: The circle grows to reach a placed note only this far: its slot grid grows with the
#: square of the radius, and one note a million units out made the board and the report
#: hang. (It still grows as far as its notes need slots.)
MAX_BOARD_REACH = 20_000.0


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle: top-left corner and size."""

    x: float
    y: float
    width: float
    height: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.width and self.y <= py <= self.y + self.height

    def corners(self) -> tuple[tuple[float, float], ...]:
        return (
            (self.x, self.y),
            (self.x + self.width, self.y),
            (self.x, self.y + self.height),
            (self.x + self.width, self.y + self.height),
        )


@dataclass(frozen=True)
class BoardLayout:
    """The board's shape for a given number of post-its per zone."""

    categories: tuple[str, ...]
    radius: float
    tray: Rect

    @property
    def centre(self) -> tuple[float, float]:
        """The circle's centre; the tray lies to its left, starting at x = 0."""
        return (self.tray.x + self.tray.width + TRAY_MARGIN + self.radius, self.radius)

    @property
    def size(self) -> tuple[float, float]:
        """Width and height of everything on the board."""
        cx, _ = self.centre
        return (cx + self.radius, max(2 * self.radius, self.tray.y + self.tray.height))

    def sector_of_angle(self, degrees: float) -> int:
        """The sector (index into `categories`) at an angle, clockwise from 12 o'clock.

        The first sector is centred at the top, as on the printed template.
        """
        count = len(self.categories)
        if not count:
            return 0
        span = 360.0 / count
        return int(((degrees + span / 2) % 360.0) // span)

    def sector_centre(self, index: int) -> tuple[float, float]:
        """A point in the middle of a sector, where its label goes."""
        cx, cy = self.centre
        span = 360.0 / len(self.categories)
        angle = math.radians(span * index)
        return (cx + 0.55 * self.radius * math.sin(angle), cy - 0.55 * self.radius * math.cos(angle))

    def zone_at(self, x: float, y: float) -> str | None:
        """The category under a point, TRAY for the tray, None outside every zone."""
        if self.tray.contains(x, y):
            return TRAY
        cx, cy = self.centre
        dx, dy = x - cx, y - cy
        if not self.categories or dx * dx + dy * dy > self.radius * self.radius:
            return None
        degrees = math.degrees(math.atan2(dx, -dy))
        return self.categories[self.sector_of_angle(degrees)]

    def zone_of(self, category: str | None) -> str:
        """The zone a category is drawn in (a category this board does not have: the tray)."""
        return category if category in self.categories else TRAY

    def anchor(self, zone: str) -> tuple[float, float]:
        """The point a zone's stored note places are measured from."""
        return (self.tray.x, self.tray.y) if zone == TRAY else self.centre

    def to_board(self, x: float, y: float, category: str | None) -> tuple[float, float]:
        """A stored (zone-relative) place as a point on the board."""
        ax, ay = self.anchor(self.zone_of(category))
        return (ax + x, ay + y)

    def from_board(self, x: float, y: float, zone: str) -> tuple[float, float]:
        """A point on the board as a place stored relative to `zone`."""
        ax, ay = self.anchor(zone)
        return (x - ax, y - ay)

    def zone_of_note(self, x: float, y: float) -> str | None:
        """The zone a post-it with its top-left corner at (x, y) lands in: where its centre is."""
        return self.zone_at(x + NOTE_WIDTH / 2, y + NOTE_HEIGHT / 2)

    def slots(self, zone: str) -> list[tuple[float, float]]:
        """Top-left corners of tidy, non-overlapping places for post-its in a zone, in reading order."""
        if zone != TRAY and zone not in self.categories:
            raise KeyError(zone)
        return list(_slots(self, zone))


def _slots(layout: BoardLayout, zone: str) -> tuple[tuple[float, float], ...]:
    if zone == TRAY:
        return tuple(_tray_slots(layout.tray, _tray_rows(layout.tray)))
    return _sector_slots(layout).get(zone, ())


@functools.lru_cache(maxsize=16)
def _sector_slots(layout: BoardLayout) -> dict[str, tuple[tuple[float, float], ...]]:
    # Pure geometry of a frozen layout, asked for on every operation: one pass over the grid
    # for all sectors, remembered.
    cx, cy = layout.centre
    step_x, step_y = NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP
    columns = int(2 * layout.radius // step_x)
    rows = int(2 * layout.radius // step_y)
    left = cx - columns * step_x / 2 + GAP / 2
    top = cy - rows * step_y / 2 + GAP / 2
    result: dict[str, list[tuple[float, float]]] = {category: [] for category in layout.categories}
    for row in range(rows):
        for column in range(columns):
            x, y = left + column * step_x, top + row * step_y
            corners = Rect(x, y, NOTE_WIDTH, NOTE_HEIGHT).corners()
            zone = layout.zone_at(*corners[0])
            # Each sector of the disc is convex (at most 180 degrees with 2+ categories),
            # so a post-it whose four corners lie in it lies wholly in it.
            if zone and all(layout.zone_at(px, py) == zone for px, py in corners[1:]):
                result[zone].append((x, y))
    return {zone: tuple(slots) for zone, slots in result.items()}


def _tray_rows(tray: Rect) -> int:
    return max(1, int((tray.height + GAP) // (NOTE_HEIGHT + GAP)))


def _tray_slots(tray: Rect, rows: int) -> list[tuple[float, float]]:
    return [
        (tray.x + column * (NOTE_WIDTH + GAP), tray.y + row * (NOTE_HEIGHT + GAP))
        for row in range(rows)
        for column in range(TRAY_COLUMNS)
    ]


def layout_for(
    categories: tuple[str, ...], counts: dict[str, int], *, reach: float = 0.0, tray_depth: float = 0.0
) -> BoardLayout:
    """The smallest board that has a tidy slot for every post-it in every zone.

    `counts` maps a category (or TRAY) to its number of post-its; the circle and the tray
    grow with the fullest zone, so a board of hundreds of notes still lines them up.
    `reach` (from the centre) and `tray_depth` (from the tray's top) are how far placed
    notes already extend, so a board never shrinks out from under them.
    """
    # A place from a damaged database must not make the board, or the report, hang: the
    # board stops growing at these bounds and the note is drawn where it is.
    reach, tray_depth = _bounded(reach, MAX_BOARD_REACH), _bounded(tray_depth, MAX_PLACE)
    unsorted = counts.get(TRAY, 0)
    tray_rows = max(4, math.ceil(unsorted / TRAY_COLUMNS), math.ceil((tray_depth + GAP) / (NOTE_HEIGHT + GAP)))
    tray = Rect(0.0, 0.0, TRAY_COLUMNS * (NOTE_WIDTH + GAP) - GAP, tray_rows * (NOTE_HEIGHT + GAP) - GAP)
    needed = max((counts.get(category, 0) for category in categories), default=0)
    # Start near the size whose sector area holds the notes (wedges waste about a third),
    # then grow in small steps until the fullest sector has a slot for each.
    cell = (NOTE_WIDTH + GAP) * (NOTE_HEIGHT + GAP)
    estimate = math.sqrt(max(len(categories), 1) * needed * cell * 1.3 / math.pi)
    radius = max(MIN_RADIUS, estimate, reach + GAP)
    while True:
        layout = BoardLayout(categories, radius, tray)
        if not categories or all(len(layout.slots(category)) >= needed for category in categories):
            return layout
        radius *= 1.04


def _bounded(distance: float, most: float) -> float:
    """A reach or depth the layout may grow to: finite, and at most `most`."""
    return min(distance, most) if math.isfinite(distance) else 0.0


def tidy(layout: BoardLayout, zone: str, count: int) -> list[tuple[float, float]]:
    """Positions for `count` post-its lined up in a zone (the "tidy zone" action)."""
    slots = layout.slots(zone)
    if count > len(slots):
        raise ValueError(f"the zone {zone!r} has {len(slots)} slots for {count} notes; size the layout first")
    return slots[:count]
