"""The sorting board's geometry: zones, tidy slots, and a board that grows with its notes."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH, TRAY, Rect, layout_for, tidy

CATEGORIES = ("common", "differences", "opposed")


def _overlapping(positions: list[tuple[float, float]]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Every pair of notes at these positions that overlap, found by sweeping across x."""
    ordered = sorted(positions)
    pairs = []
    for index, a in enumerate(ordered):
        # Sorted by x: once a note starts a note's width to the right, no later one can overlap.
        for b in itertools.takewhile(
            lambda b, a=a: b[0] - a[0] < NOTE_WIDTH, itertools.islice(ordered, index + 1, None)
        ):
            if abs(a[1] - b[1]) < NOTE_HEIGHT:
                pairs.append((a, b))
    return pairs


def test_each_sector_centre_is_its_category_and_the_tray_is_beside_the_circle():
    layout = layout_for(CATEGORIES, {})
    for index, category in enumerate(CATEGORIES):
        assert layout.zone_at(*layout.sector_centre(index)) == category
    assert layout.zone_at(layout.tray.x + 5, layout.tray.y + 5) == TRAY
    cx, cy = layout.centre
    assert layout.zone_at(cx + layout.radius + 1, cy) is None
    assert layout.tray.x + layout.tray.width < cx - layout.radius, "the tray never overlaps the circle"


def test_the_first_category_sits_at_the_top_like_the_printed_template():
    layout = layout_for(CATEGORIES, {})
    cx, cy = layout.centre
    assert layout.zone_at(cx + 1, cy - layout.radius / 2) == "common"
    assert layout.zone_at(cx + layout.radius / 2, cy + layout.radius / 3) == "differences"
    assert layout.zone_at(cx - layout.radius / 2, cy + layout.radius / 3) == "opposed"


def test_a_note_lands_where_its_centre_is():
    layout = layout_for(CATEGORIES, {})
    x, y = layout.sector_centre(1)
    assert layout.zone_of_note(x - NOTE_WIDTH / 2, y - NOTE_HEIGHT / 2) == "differences"


def test_an_empty_board_has_room_for_a_few_notes_per_partner():
    layout = layout_for(CATEGORIES, {})
    assert all(len(layout.slots(category)) >= 10 for category in CATEGORIES)


@settings(max_examples=25, deadline=None)
@given(
    counts=st.fixed_dictionaries(
        {
            "common": st.integers(0, 250),
            "differences": st.integers(0, 120),
            "opposed": st.integers(0, 60),
            TRAY: st.integers(0, 300),
        }
    )
)
def test_tidy_slots_fit_every_note_without_overlap_inside_its_zone(counts):
    layout = layout_for(CATEGORIES, counts)
    placed = []
    for zone, count in counts.items():
        positions = tidy(layout, zone, count)
        assert len(positions) == count
        for x, y in positions:
            assert all(layout.zone_at(px, py) == zone for px, py in Rect(x, y, NOTE_WIDTH, NOTE_HEIGHT).corners())
        placed.extend(positions)
    assert _overlapping(placed) == []


def test_slots_are_in_reading_order():
    layout = layout_for(CATEGORIES, {"common": 30})
    slots = layout.slots("common")
    assert slots == sorted(slots, key=lambda slot: (slot[1], slot[0]))


def test_the_board_grows_with_its_fullest_zone():
    small = layout_for(CATEGORIES, {"common": 10})
    large = layout_for(CATEGORIES, {"common": 400})
    assert large.radius > small.radius
    assert len(large.slots("common")) >= 400
    assert large.size[0] > small.size[0]


def test_tidying_more_notes_than_the_layout_holds_is_a_programming_error():
    layout = layout_for(CATEGORIES, {})
    with pytest.raises(ValueError, match="size the layout first"):
        tidy(layout, "common", 10_000)
    with pytest.raises(KeyError):
        layout.slots("nonsense")
