"""The sorting board's state and the one kind of change made to it: a patch.

Every board operation (move, sort into a zone, tidy, stack, merge, delete, edit) is computed
as a patch: new values for some fields of some notes. Applying a patch returns its
inverse, so undo is applying the inverse, and the same patch is written to the database
in one transaction. The scene only draws a state; it never decides anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: The fields of a note a patch may change.
NOTE_FIELDS = ("text", "category", "deleted", "x", "y", "z", "cluster_id", "merged_into")


@dataclass(frozen=True)
class Note:
    """A post-it: an element of a partner's circle, or one written on the board."""

    id: int
    text: str
    partner_id: int | None
    #: The circle question it answers (None when written on the board).
    field: str | None
    category: str | None
    #: Top-left corner on the board; None until it has been placed (it then goes in the tray).
    x: float | None = None
    y: float | None = None
    #: Stacking order: higher is drawn on top.
    z: int = 0
    cluster_id: int | None = None
    #: The note it was merged into as a duplicate; hidden, but kept as a source.
    merged_into: int | None = None
    deleted: bool = False

    @property
    def visible(self) -> bool:
        return not self.deleted and self.merged_into is None


@dataclass(frozen=True)
class Cluster:
    """Notes stacked together because they say the same thing, under a name."""

    id: int
    name: str


@dataclass
class BoardState:
    """All notes and clusters of one board (one delsession of one session)."""

    kind: str
    notes: dict[int, Note] = field(default_factory=dict)
    clusters: dict[int, Cluster] = field(default_factory=dict)

    def visible_notes(self) -> list[Note]:
        """Notes on the board, bottom to top."""
        return sorted((note for note in self.notes.values() if note.visible), key=lambda note: (note.z, note.id))

    def top_z(self) -> int:
        return max((note.z for note in self.notes.values()), default=0)

    def apply(self, patch: Patch) -> Patch:
        """Apply a patch and return the patch that undoes it."""
        inverse_notes: dict[int, dict[str, object]] = {}
        for note_id, changes in patch.notes.items():
            note = self.notes[note_id]
            unknown = set(changes) - set(NOTE_FIELDS)
            if unknown:
                raise ValueError(f"a patch cannot change {sorted(unknown)}")
            inverse_notes[note_id] = {name: getattr(note, name) for name in changes}
            self.notes[note_id] = replace(note, **changes)
        inverse_clusters: dict[int, str | None] = {}
        for cluster_id, name in patch.clusters.items():
            old = self.clusters.get(cluster_id)
            inverse_clusters[cluster_id] = old.name if old else None
            if name is None:
                self.clusters.pop(cluster_id, None)
            else:
                self.clusters[cluster_id] = Cluster(cluster_id, name)
        return Patch(inverse_notes, inverse_clusters, label=patch.label)


@dataclass(frozen=True)
class Patch:
    """New values for fields of notes, and clusters to name (None removes one)."""

    notes: dict[int, dict[str, object]] = field(default_factory=dict)
    clusters: dict[int, str | None] = field(default_factory=dict)
    #: What the operation was, for the undo history ("Flyt 3 post-its til Fælles").
    label: str = ""

    def __bool__(self) -> bool:
        return bool(self.notes or self.clusters)

    def then(self, later: Patch) -> Patch:
        """This patch followed by `later`, as one: where both set a field, `later` wins.

        Two steps merged into one undo step compose like this: the redo is
        `first.then(second)`, the undo `second_inverse.then(first_inverse)`.
        """
        notes = {note_id: dict(changes) for note_id, changes in self.notes.items()}
        for note_id, changes in later.notes.items():
            notes.setdefault(note_id, {}).update(changes)
        return Patch(notes, {**self.clusters, **later.clusters}, label=later.label or self.label)
