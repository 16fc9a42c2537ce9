"""Reading and writing the sorting boards: each post-it's place, stacking and clusters.

Part of `Store` (mixed in). A board action arrives as a `Patch`; it is written in one
short transaction, so every move is on disk when the call returns.
"""

from __future__ import annotations

from sqlalchemy import func, select

from facilitator.board.model import BoardState, Cluster, Note, Patch
from facilitator.conversation import CIRCLES
from facilitator.store.circles import _element_text
from facilitator.store.database import StoreError
from facilitator.store.models import BoardClusterRow, BoardNoteRow, CircleRow, ElementRow, PartnerRow
from facilitator.store.part import StorePart, utc_now
from facilitator.text import Text, clean_text

_ELEMENT_FIELDS = {"text", "category", "deleted"}
_PLACE_FIELDS = {"x", "y", "z", "cluster_id", "merged_into"}


class BoardStore(StorePart):
    """The board half of `Store`."""

    def board_state(self, session_id: int, kind: str) -> BoardState:
        """Every post-it of one delsession's board (its circles' elements and notes written on it)."""
        if kind not in CIRCLES:
            raise ValueError(f"unknown board {kind!r}")
        query = (
            select(ElementRow, BoardNoteRow)
            .outerjoin(BoardNoteRow, BoardNoteRow.element_id == ElementRow.id)
            .outerjoin(CircleRow, CircleRow.id == ElementRow.circle_id)
            .where(ElementRow.session_id == session_id, ElementRow.kind == kind, ElementRow.deleted.is_(False))
            .where((CircleRow.id.is_(None)) | (CircleRow.deleted.is_(False)))
        )
        with self._transaction() as orm:
            state = BoardState(kind)
            for element, place in orm.execute(query):
                state.notes[element.id] = Note(
                    id=element.id,
                    text=element.text,
                    partner_id=element.partner_id,
                    field=element.field,
                    category=element.category,
                    x=place.x if place else None,
                    y=place.y if place else None,
                    z=place.z if place else 0,
                    cluster_id=place.cluster_id if place else None,
                    merged_into=place.merged_into if place else None,
                )
            for row in orm.scalars(
                select(BoardClusterRow).where(
                    BoardClusterRow.session_id == session_id, BoardClusterRow.kind == kind, BoardClusterRow.name != ""
                )
            ):
                state.clusters[row.id] = Cluster(row.id, row.name)
        return state

    def new_cluster_id(self, session_id: int, kind: str) -> int:
        """Reserve an id for a cluster about to be made (named by the patch that uses it)."""
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            row = BoardClusterRow(session_id=session_id, kind=kind, name="")
            orm.add(row)
            orm.flush()
            return row.id

    def apply_board_patch(self, session_id: int, patch: Patch) -> None:
        """Write one board action (or its undo) in a single transaction."""
        with self._transaction() as orm:
            for cluster_id, name in patch.clusters.items():
                row = orm.get(BoardClusterRow, cluster_id)
                if row is None or row.session_id != session_id:
                    raise ValueError(f"cluster {cluster_id} was not reserved with new_cluster_id")
                cleaned = "" if name is None else clean_text(name, multiline=False)[:200]
                if name is not None and not cleaned:
                    raise StoreError(Text("En klynge skal have et navn.", "A cluster needs a name."))
                # A cluster undone is kept, unnamed, so redo finds its id again.
                row.name = cleaned
            for note_id, changes in patch.notes.items():
                element = orm.get(ElementRow, note_id)
                if element is None or element.session_id != session_id:
                    raise StoreError(Text(f"Post-it {note_id} findes ikke.", f"Note {note_id} does not exist."))
                for name in _ELEMENT_FIELDS & set(changes):
                    value = changes[name]
                    setattr(element, name, _element_text(str(value)) if name == "text" else value)
                place_changes = _PLACE_FIELDS & set(changes)
                if place_changes:
                    place = orm.get(BoardNoteRow, note_id)
                    if place is None:
                        place = BoardNoteRow(element_id=note_id, z=0)
                        orm.add(place)
                    for name in place_changes:
                        setattr(place, name, changes[name])
                element.updated_at = utc_now()
            self._touch(orm, session_id)

    def add_board_note(
        self,
        session_id: int,
        kind: str,
        text: str,
        *,
        partner_id: int | None = None,
        category: str | None = None,
        x: float | None = None,
        y: float | None = None,
        z: int = 0,
    ) -> Note:
        """A post-it written on the board itself, by a partner or (no partner) by the group."""
        if kind not in CIRCLES:
            raise ValueError(f"unknown board {kind!r}")
        cleaned = _element_text(text)
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            if partner_id is not None:
                partner = orm.get(PartnerRow, partner_id)
                if partner is None or partner.session_id != session_id:
                    raise StoreError(
                        Text(f"Partneren {partner_id} findes ikke.", f"Partner {partner_id} does not exist.")
                    )
            last = orm.scalar(
                select(func.max(ElementRow.position)).where(
                    ElementRow.session_id == session_id, ElementRow.circle_id.is_(None), ElementRow.kind == kind
                )
            )
            now = utc_now()
            element = ElementRow(
                session_id=session_id,
                circle_id=None,
                partner_id=partner_id,
                kind=kind,
                field=None,
                position=0 if last is None else last + 1,
                text=cleaned,
                category=category,
                deleted=False,
                created_at=now,
                updated_at=now,
            )
            orm.add(element)
            orm.flush()
            orm.add(BoardNoteRow(element_id=element.id, x=x, y=y, z=z))
            self._touch(orm, session_id)
            return Note(element.id, cleaned, partner_id, None, category, x, y, z)
