"""Board operations as patches: computed from the current state, applied (and undone) as data.

Positions handed in and out of this module are points on the board (see `BoardLayout`);
positions stored in a patch are relative to the note's zone.
"""

from __future__ import annotations

import math

from facilitator.board.layout import NOTE_HEIGHT, NOTE_WIDTH, TRAY, BoardLayout, layout_for
from facilitator.board.model import BoardState, Note, Patch
from facilitator.text import clean_text

#: How far each note of a stack is offset from the one below it: small, so a tidied stack
#: of two or three stays within the gap between slots.
STACK_OFFSET = (5.0, 6.0)


def board_layout(state: BoardState, categories: tuple[str, ...]) -> BoardLayout:
    """The board that fits this state: a tidy slot per note, and room for every placed note."""
    counts: dict[str, int] = {}
    reach = 0.0
    tray_depth = 0.0
    for note in state.visible_notes():
        zone = note.category if note.category in categories else TRAY
        counts[zone] = counts.get(zone, 0) + 1
        if note.x is None or note.y is None:
            continue
        if zone == TRAY:
            tray_depth = max(tray_depth, note.y + NOTE_HEIGHT)
        else:
            # A note belongs where its centre is; its corners may hang over the rim like
            # paper, or every drop at the edge would grow the circle again.
            reach = max(reach, math.hypot(note.x + NOTE_WIDTH / 2, note.y + NOTE_HEIGHT / 2))
    return layout_for(categories, counts, reach=reach, tray_depth=tray_depth)


def position(note: Note, layout: BoardLayout) -> tuple[float, float] | None:
    """Where a note is on the board (None while it has no place yet)."""
    if note.x is None or note.y is None:
        return None
    return layout.to_board(note.x, note.y, note.category)


def _place(layout: BoardLayout, zone: str, point: tuple[float, float]) -> dict[str, object]:
    x, y = layout.from_board(point[0], point[1], zone)
    return {"x": x, "y": y}


def move(state: BoardState, positions: dict[int, tuple[float, float]], layout: BoardLayout) -> Patch:
    """Notes dragged to new places: each lands in the zone under its centre, on top.

    A note dropped outside every zone goes back where it was.
    """
    top = state.top_z()
    landing = {note_id: layout.zone_of_note(*point) for note_id, point in positions.items()}
    changes: dict[int, dict[str, object]] = {}
    for order, (note_id, point) in enumerate(sorted(positions.items(), key=lambda item: state.notes[item[0]].z)):
        note = state.notes[note_id]
        zone = landing[note_id]
        if zone is None:
            continue
        category = None if zone == TRAY else zone
        change: dict[str, object] = {**_place(layout, zone, point), "z": top + 1 + order, "category": category}
        if (
            note.cluster_id is not None
            and category != note.category
            and not _whole_stack_lands(state, note.cluster_id, landing, zone)
        ):
            change["cluster_id"] = None  # pulled out of its stack into another zone
        changes[note_id] = change
    return Patch(changes, label="move")


def _whole_stack_lands(state: BoardState, cluster_id: int, landing: dict[int, str | None], zone: str) -> bool:
    """Every note of the stack is moved, and all into `zone`: the stack moves as one."""
    members = [note.id for note in state.visible_notes() if note.cluster_id == cluster_id]
    return all(landing.get(member) == zone for member in members)


def _free_slots(state: BoardState, layout: BoardLayout, zone: str, moving: set[int]) -> list[tuple[float, float]]:
    # Notes bucketed by the note-sized cell they start in: a slot can only overlap notes
    # starting in its own or a neighbouring cell, so a board of a thousand stays fast.
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for note in state.visible_notes():
        if note.id not in moving and (point := position(note, layout)) is not None:
            cell = (math.floor(point[0] / NOTE_WIDTH), math.floor(point[1] / NOTE_HEIGHT))
            cells.setdefault(cell, []).append(point)

    def free(slot: tuple[float, float]) -> bool:
        column, row = math.floor(slot[0] / NOTE_WIDTH), math.floor(slot[1] / NOTE_HEIGHT)
        return all(
            abs(slot[0] - x) >= NOTE_WIDTH or abs(slot[1] - y) >= NOTE_HEIGHT
            for dc in (-1, 0, 1)
            for dr in (-1, 0, 1)
            for x, y in cells.get((column + dc, row + dr), ())
        )

    return [slot for slot in layout.slots(zone) if free(slot)]


def _to_free_places(
    state: BoardState, note_ids: list[int], zone: str, layout: BoardLayout, *, moving: set[int]
) -> dict[int, dict[str, object]]:
    category = None if zone == TRAY else zone
    slots = _free_slots(state, layout, zone, moving)
    top = state.top_z()
    changes: dict[int, dict[str, object]] = {}
    for order, note_id in enumerate(note_ids):
        point = slots[order] if order < len(slots) else _fallback(layout, zone, order - len(slots))
        changes[note_id] = {"category": category, **_place(layout, zone, point), "z": top + 1 + order}
    return changes


def send_to_zone(state: BoardState, note_ids: list[int], zone: str, layout: BoardLayout) -> Patch:
    """Keys 1/2/3 (0 for the tray): the notes go to the zone's next free tidy places.

    When the zone is full they are stacked near its middle; "tidy zone" lines them up
    once the board has grown.
    """
    changes = _to_free_places(state, note_ids, zone, layout, moving=set(note_ids))
    for change in changes.values():
        change["cluster_id"] = None
    return Patch(changes, label="send")


def place_new(state: BoardState, layout: BoardLayout) -> Patch:
    """Give notes that have no place yet (new circle elements) a free slot in their zone."""
    waiting: dict[str, list[int]] = {}
    for note in sorted(state.visible_notes(), key=lambda note: note.id):
        if note.x is None or note.y is None:
            waiting.setdefault(layout.zone_of(note.category), []).append(note.id)
    changes: dict[int, dict[str, object]] = {}
    for zone, note_ids in waiting.items():
        placed = _to_free_places(state, note_ids, zone, layout, moving=set(note_ids))
        for note_id, change in placed.items():
            del change["category"]  # a category from the circles stays as it is
            change["z"] = state.notes[note_id].z
            changes[note_id] = change
    return Patch(changes, label="place")


def _fallback(layout: BoardLayout, zone: str, index: int) -> tuple[float, float]:
    if zone == TRAY:
        base = (layout.tray.x, layout.tray.y)
    else:
        cx, cy = layout.sector_centre(layout.categories.index(zone))
        base = (cx - NOTE_WIDTH / 2, cy - NOTE_HEIGHT / 2)
    return (base[0] + STACK_OFFSET[0] * (index % 8), base[1] + STACK_OFFSET[1] * (index % 8))


def tidy_zone(state: BoardState, zone: str, layout: BoardLayout) -> Patch:
    """Line up a zone's notes in reading order of where they are now; stacks stay together."""
    members = [note for note in state.visible_notes() if layout.zone_of(note.category) == zone]
    members.sort(key=lambda note: (note.y if note.y is not None else math.inf, note.x or 0.0, note.id))
    slots = layout.slots(zone)
    changes: dict[int, dict[str, object]] = {}
    slot_index = 0
    placed_clusters: dict[int, tuple[float, float, int]] = {}
    for note in members:
        if note.cluster_id is not None and note.cluster_id in placed_clusters:
            x, y, depth = placed_clusters[note.cluster_id]
            placed_clusters[note.cluster_id] = (x, y, depth + 1)
            changes[note.id] = _place(layout, zone, (x + STACK_OFFSET[0] * depth, y + STACK_OFFSET[1] * depth))
            continue
        x, y = slots[slot_index] if slot_index < len(slots) else _fallback(layout, zone, slot_index - len(slots))
        slot_index += 1
        if note.cluster_id is not None:
            placed_clusters[note.cluster_id] = (x, y, 1)
        changes[note.id] = _place(layout, zone, (x, y))
    return Patch(changes, label="tidy")


def stack(state: BoardState, note_ids: list[int], cluster_id: int, name: str) -> Patch:
    """Stack notes that say the same thing into a named cluster, on the first note's place."""
    first = state.notes[note_ids[0]]
    x = first.x if first.x is not None else 0.0
    y = first.y if first.y is not None else 0.0
    top = state.top_z()
    changes = {
        note_id: {
            "cluster_id": cluster_id,
            "category": first.category,
            "x": x + STACK_OFFSET[0] * index,
            "y": y + STACK_OFFSET[1] * index,
            "z": top + 1 + index,
        }
        for index, note_id in enumerate(note_ids)
    }
    return Patch(changes, {cluster_id: clean_text(name, multiline=False)}, label="stack")


def unstack(state: BoardState, cluster_id: int, layout: BoardLayout) -> Patch:
    """Take a cluster apart: its notes stay in their zone, spread over free places, and the name goes."""
    members = [note for note in state.visible_notes() if note.cluster_id == cluster_id]
    by_zone: dict[str, list[int]] = {}
    for note in members:
        by_zone.setdefault(layout.zone_of(note.category), []).append(note.id)
    changes: dict[int, dict[str, object]] = {}
    for zone, ids in by_zone.items():
        # Within each zone the first note keeps its place and the others spread out.
        spread = _to_free_places(state, ids[1:], zone, layout, moving=set(ids[1:]))
        changes.update(spread)
        changes[ids[0]] = {}
    for change in changes.values():
        change.pop("category", None)
        change["cluster_id"] = None
    return Patch(changes, {cluster_id: None}, label="unstack")


def merge(state: BoardState, keep_id: int, duplicate_ids: list[int]) -> Patch:
    """Duplicates disappear into one note; both sources stay on record (merged_into)."""
    return Patch({note_id: {"merged_into": keep_id} for note_id in duplicate_ids if note_id != keep_id}, label="merge")


def delete(note_ids: list[int]) -> Patch:
    """Remove notes from the board (undoable)."""
    return Patch({note_id: {"deleted": True} for note_id in note_ids}, label="delete")


def edit_text(note_id: int, text: str) -> Patch:
    """New words on a note (and in the partner's circle: they are the same element)."""
    return Patch({note_id: {"text": clean_text(text, multiline=False)}}, label="edit")
