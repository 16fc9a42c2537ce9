"""Board actions as patches: computed from the current state, applied (and undone) as data."""

from __future__ import annotations

from facilitator.board.layout import NOTE_HEIGHT, NOTE_WIDTH, TRAY, BoardLayout
from facilitator.board.model import BoardState, Patch
from facilitator.text import clean_text

#: How far each note of a stack is offset from the one below it.
STACK_OFFSET = (10.0, 12.0)


def _zone_category(zone: str | None, current: str | None) -> str | None:
    if zone is None:
        return current  # dropped outside every zone: it keeps its category
    return None if zone == TRAY else zone


def move(state: BoardState, positions: dict[int, tuple[float, float]], layout: BoardLayout) -> Patch:
    """Notes dragged to new places: each lands in the zone under its centre, on top."""
    top = state.top_z()
    changes: dict[int, dict[str, object]] = {}
    for order, (note_id, (x, y)) in enumerate(sorted(positions.items(), key=lambda item: state.notes[item[0]].z)):
        note = state.notes[note_id]
        category = _zone_category(layout.zone_of_note(x, y), note.category)
        change: dict[str, object] = {"x": x, "y": y, "z": top + 1 + order, "category": category}
        if category != note.category and note.cluster_id is not None and len(positions) == 1:
            change["cluster_id"] = None  # one note pulled out of its stack into another zone
        changes[note_id] = change
    return Patch(changes, label="move")


def _free_slots(state: BoardState, layout: BoardLayout, zone: str, moving: set[int]) -> list[tuple[float, float]]:
    taken = [
        (note.x, note.y)
        for note in state.visible_notes()
        if note.id not in moving and note.x is not None and note.y is not None
    ]

    def free(slot: tuple[float, float]) -> bool:
        return all(abs(slot[0] - x) >= NOTE_WIDTH or abs(slot[1] - y) >= NOTE_HEIGHT for x, y in taken)

    return [slot for slot in layout.slots(zone) if free(slot)]


def send_to_zone(state: BoardState, note_ids: list[int], zone: str, layout: BoardLayout) -> Patch:
    """Keys 1/2/3 (0 for the tray): the notes go to the zone's next free tidy places.

    When the zone is full they are stacked near its middle; "tidy zone" lines them up
    once the board has grown.
    """
    category = None if zone == TRAY else zone
    slots = _free_slots(state, layout, zone, set(note_ids))
    top = state.top_z()
    changes: dict[int, dict[str, object]] = {}
    for order, note_id in enumerate(note_ids):
        if order < len(slots):
            x, y = slots[order]
        else:
            x, y = _fallback(layout, zone, order - len(slots))
        changes[note_id] = {"category": category, "x": x, "y": y, "z": top + 1 + order, "cluster_id": None}
    return Patch(changes, label="send")


def _fallback(layout: BoardLayout, zone: str, index: int) -> tuple[float, float]:
    if zone == TRAY:
        base = (layout.tray.x, layout.tray.y)
    else:
        cx, cy = layout.sector_centre(layout.categories.index(zone))
        base = (cx - NOTE_WIDTH / 2, cy - NOTE_HEIGHT / 2)
    return (base[0] + STACK_OFFSET[0] * (index % 8), base[1] + STACK_OFFSET[1] * (index % 8))


def tidy_zone(state: BoardState, zone: str, layout: BoardLayout) -> Patch:
    """Line up a zone's notes in reading order of where they are now; stacks stay together."""
    category = None if zone == TRAY else zone
    members = [note for note in state.visible_notes() if note.category == category]
    members.sort(key=lambda note: (note.y if note.y is not None else -1.0, note.x or 0.0, note.id))
    slots = layout.slots(zone)
    changes: dict[int, dict[str, object]] = {}
    slot_index = 0
    placed_clusters: dict[int, tuple[float, float, int]] = {}
    for note in members:
        if note.cluster_id is not None and note.cluster_id in placed_clusters:
            x, y, depth = placed_clusters[note.cluster_id]
            placed_clusters[note.cluster_id] = (x, y, depth + 1)
            changes[note.id] = {"x": x + STACK_OFFSET[0] * depth, "y": y + STACK_OFFSET[1] * depth}
            continue
        x, y = slots[slot_index] if slot_index < len(slots) else _fallback(layout, zone, slot_index - len(slots))
        slot_index += 1
        if note.cluster_id is not None:
            placed_clusters[note.cluster_id] = (x, y, 1)
        changes[note.id] = {"x": x, "y": y}
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


def merge(state: BoardState, keep_id: int, duplicate_ids: list[int]) -> Patch:
    """Duplicates disappear into one note; both sources stay on record (merged_into)."""
    return Patch({note_id: {"merged_into": keep_id} for note_id in duplicate_ids if note_id != keep_id}, label="merge")


def delete(note_ids: list[int]) -> Patch:
    """Remove notes from the board (undoable)."""
    return Patch({note_id: {"deleted": True} for note_id in note_ids}, label="delete")


def edit_text(note_id: int, text: str) -> Patch:
    """New words on a note (and in the partner's circle: they are the same element)."""
    return Patch({note_id: {"text": clean_text(text, multiline=False)}}, label="edit")
