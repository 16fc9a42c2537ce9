"""Reading and writing the sorting boards: each post-it's place, stacking and clusters.

Part of `Store` (mixed in). A board action arrives as a `Patch`; it is written in one
short transaction, so every move is on disk when the call returns.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, insert, select, update

from facilitator.board.model import BoardState, Cluster, Note, Patch
from facilitator.conversation import CIRCLES
from facilitator.store.database import StoreError
from facilitator.store.fields import CLUSTER_NAME, ELEMENT_TEXT, check_category, clean_place
from facilitator.store.models import BoardClusterRow, BoardNoteRow, CircleRow, ElementRow, PartnerRow
from facilitator.store.part import StorePart, utc_now
from facilitator.text import Text

_ELEMENT_FIELDS = {"text", "category", "deleted"}
_PLACE_FIELDS = {"x", "y", "z", "cluster_id", "merged_into"}
#: Ids per IN (...) query, well below SQLite's limit on bound parameters.
_CHUNK = 500


class BoardStore(StorePart):
    """The board half of `Store`."""

    def board_state(self, session_id: int, kind: str) -> BoardState:
        """Every post-it of one delsession's board (its circles' elements and notes written on it)."""
        if kind not in CIRCLES:
            raise ValueError(f"unknown board {kind!r}")
        # Plain columns rather than ORM objects: a board of a thousand notes opens at once.
        query = (
            select(
                ElementRow.id,
                ElementRow.text,
                ElementRow.partner_id,
                ElementRow.field,
                ElementRow.category,
                BoardNoteRow.x,
                BoardNoteRow.y,
                func.coalesce(BoardNoteRow.z, 0),
                BoardNoteRow.cluster_id,
                BoardNoteRow.merged_into,
                ElementRow.deleted,
            )
            .outerjoin(BoardNoteRow, BoardNoteRow.element_id == ElementRow.id)
            .outerjoin(CircleRow, CircleRow.id == ElementRow.circle_id)
            # Removed notes come too (hidden), so undoing a removal still finds them.
            .where(ElementRow.session_id == session_id, ElementRow.kind == kind)
            .where((CircleRow.id.is_(None)) | (CircleRow.deleted.is_(False)))
        )
        with self._transaction() as orm:
            state = BoardState(kind)
            for row in orm.execute(query):
                state.notes[row[0]] = Note(*row[:-1], deleted=bool(row[-1]))
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
                # A cluster undone is kept, unnamed, so redo finds its id again.
                row.name = "" if name is None else CLUSTER_NAME.apply(name)
            self._write_notes(orm, session_id, patch.notes)
            self._touch(orm, session_id)

    @staticmethod
    def _write_notes(orm, session_id: int, notes: dict[int, dict[str, object]]) -> None:
        # Grouped statements for the whole patch: tidying or first placing a thousand notes
        # must not become thousands of round trips or ORM objects.
        elements, places = ElementRow.__table__, BoardNoteRow.__table__
        owners: dict[int, int] = {}
        placed: set[int] = set()
        ids = list(notes)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            query = select(elements.c.id, elements.c.session_id).where(elements.c.id.in_(chunk))
            owners.update((note_id, owner) for note_id, owner in orm.execute(query))
            placed.update(orm.scalars(select(places.c.element_id).where(places.c.element_id.in_(chunk))))
        now = utc_now()
        element_updates: dict[tuple[str, ...], list[dict[str, object]]] = {}
        place_updates: dict[tuple[str, ...], list[dict[str, object]]] = {}
        inserts: list[dict[str, object]] = []
        for note_id, changes in notes.items():
            if owners.get(note_id) != session_id:
                raise StoreError(Text(f"Post-it {note_id} findes ikke.", f"Note {note_id} does not exist."))
            element = {name: changes[name] for name in sorted(_ELEMENT_FIELDS & set(changes))}
            if "text" in element:
                element["text"] = ELEMENT_TEXT.apply(str(element["text"]))
            if "category" in element:
                check_category(element["category"])
            if element:
                # Only the element's own words and category date it; its place on a board does not.
                element_updates.setdefault(tuple(element), []).append(
                    {**element, "note_id": note_id, "updated_at": now}
                )
            place = {name: changes[name] for name in sorted(_PLACE_FIELDS & set(changes))}
            if not place:
                continue
            for axis in ("x", "y"):
                if axis in place:
                    place[axis] = clean_place(place[axis])
            if note_id in placed:
                place_updates.setdefault(tuple(place), []).append({**place, "note_id": note_id})
            else:
                inserts.append(
                    {
                        "x": None,
                        "y": None,
                        "z": 0,
                        "cluster_id": None,
                        "merged_into": None,
                        **place,
                        "element_id": note_id,
                    }
                )
        for names, rows in element_updates.items():
            statement = (
                update(elements)
                .where(elements.c.id == bindparam("note_id"))
                .values({name: bindparam(name) for name in (*names, "updated_at")})
            )
            orm.execute(statement, rows)
        for names, rows in place_updates.items():
            statement = (
                update(places)
                .where(places.c.element_id == bindparam("note_id"))
                .values({name: bindparam(name) for name in names})
            )
            orm.execute(statement, rows)
        if inserts:
            orm.execute(insert(places), inserts)

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
        cleaned = ELEMENT_TEXT.apply(text)
        x, y = clean_place(x), clean_place(y)
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
