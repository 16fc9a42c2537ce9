"""Whole sessions out of and into the store, as session documents (docs/session-file.md).

Part of `Store` (mixed in): the store's half of session files, reading a session's rows
into a document and writing a checked document's rows back. What a document is lives in
`facilitator.store.session_document`, and `facilitator.store.session_check` is the one
gate every document passes on its way in or out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from sqlalchemy import bindparam, select, text, update

from facilitator.store.backup import Backups
from facilitator.store.database import StoreError
from facilitator.store.limits import MAX_TEXT_LENGTH
from facilitator.store.models import (
    ActionRow,
    ActionStatusRow,
    BoardClusterRow,
    BoardNoteRow,
    ChecklistRow,
    CircleRow,
    ElementRow,
    ElementValueRow,
    FormSourceRow,
    FormTextRow,
    PartnerRow,
    PartnershipRow,
    PartnershipSessionRow,
    PrincipleRow,
    SessionRow,
    StepPlanRow,
    TimerEventRow,
    new_action_uid,
    new_session_uid,
)
from facilitator.store.part import StorePart
from facilitator.store.session_check import check_session_document
from facilitator.store.session_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SessionDocument,
    format_timestamp,
    parse_timestamp,
)
from facilitator.text import Text

#: What `import_session` does when the store already holds the session (same uid).
ON_EXISTING = ("ask", "replace", "keep-both")
#: Added to the title of a session imported beside the one already here ("keep-both").
IMPORTED_SUFFIX = " (importeret)"


class SessionExists(StoreError):
    """The store already holds the session being imported; the caller chooses what to do."""

    def __init__(self, session_id: int, title: str) -> None:
        super().__init__(
            Text(
                f"Sessionen »{title}« (id {session_id}) findes allerede. "
                "Vælg, om den skal erstattes af filens udgave, eller om begge skal beholdes.",
                f"The session “{title}” (id {session_id}) is already here. "
                "Choose whether the file's version replaces it or both are kept.",
            )
        )
        self.session_id = session_id
        self.title = title


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def imported_title(title: str, taken: Collection[str] = ()) -> str:
    """The title a session imported beside its existing copy gets ("keep-both").

    The first copy is "… (importeret)"; a title in `taken` (the titles already here) moves
    on to "… (importeret 2)", "… (importeret 3)": the start page must tell the copies apart.
    """
    number = 1
    while True:
        suffix = IMPORTED_SUFFIX if number == 1 else f"{IMPORTED_SUFFIX[:-1]} {number})"
        candidate = title[: MAX_TEXT_LENGTH - len(suffix)].rstrip() + suffix
        if candidate not in taken:
            return candidate
        number += 1


class TransferStore(StorePart):
    """The session-file half of `Store`: a whole session as a document, and back."""

    backups: Backups

    def export_session(self, session_id: int) -> SessionDocument:
        """The whole session as a canonical session document (removed rows left out)."""
        with self._transaction() as orm:
            session = self._session_row(orm, session_id)
            document = _read_session(orm, session)
        return check_session_document(document, exporting=True)

    def import_session(self, document: object, *, on_existing: str = "ask", now: dt.datetime | None = None) -> int:
        """Check a session document whole, then store it in one transaction; returns the new session's id.

        When a session with the document's uid is already here: "ask" raises SessionExists,
        "replace" makes a backup (made `now`) and puts the document in its place (same id),
        and "keep-both" stores it beside it with a fresh uid and IMPORTED_SUFFIX on the title
        (numbered when that title is taken). The backup is made here, so the menu and the
        command line cannot differ; if it cannot be made, nothing is replaced.
        """
        if on_existing not in ON_EXISTING:
            raise ValueError(f"on_existing must be one of {ON_EXISTING}, not {on_existing!r}")
        checked = check_session_document(document)
        uid, title = checked["session"]["uid"], checked["session"]["title"]
        if on_existing == "replace":
            with self._transaction() as orm:
                here = orm.scalars(select(SessionRow.id).where(SessionRow.uid == uid)).first()
            if here is not None:
                self.backups.make("import", now)
        with self._transaction() as orm:
            existing = orm.scalars(select(SessionRow).where(SessionRow.uid == uid)).first()
            session_id = None
            if existing is not None:
                if on_existing == "ask":
                    raise SessionExists(existing.id, existing.title)
                if on_existing == "replace":
                    # The replacement keeps the id, so what names the session (the app's
                    # last session, `facilitator export 3`) still names it.
                    session_id = existing.id
                    orm.delete(existing)
                    orm.flush()
                else:
                    taken = set(orm.scalars(select(SessionRow.title)))
                    uid, title = new_session_uid(), imported_title(title, taken)
            new_id = _write_session(
                orm, checked, uid=uid, title=title, session_id=session_id, copy=uid != checked["session"]["uid"]
            )
        if session_id is not None:
            self._checkpoint()  # the replaced session's words leave the WAL too
        return new_id


def _read_session(orm, session: SessionRow) -> SessionDocument:
    """Everything of one session as a (not yet checked) document; removed rows left out."""
    session_id = session.id

    # Texts are put in order here, not by the database: a server's collation may sort them
    # otherwise than SQLite's bytes, and the same session must give the same file anywhere.
    def rows(model, *order):
        return orm.scalars(select(model).where(model.session_id == session_id).order_by(*order)).all()

    partners = rows(PartnerRow, PartnerRow.position, PartnerRow.id)
    partner_ids = {row.id: index + 1 for index, row in enumerate(partners)}
    circles = [row for row in rows(CircleRow, CircleRow.id) if not row.deleted]
    circle_ids = {row.id: index + 1 for index, row in enumerate(circles)}
    clusters = [row for row in rows(BoardClusterRow, BoardClusterRow.id) if row.name]
    cluster_ids = {row.id: index + 1 for index, row in enumerate(clusters)}
    all_elements = rows(ElementRow, ElementRow.id)
    notes = {
        row.element_id: row
        for row in orm.scalars(
            select(BoardNoteRow)
            .join(ElementRow, ElementRow.id == BoardNoteRow.element_id)
            .where(ElementRow.session_id == session_id)
        )
    }
    # Removed elements, and the elements of a removed circle, are only kept for undo.
    kept = {
        row.id for row in all_elements if not row.deleted and (row.circle_id is None or row.circle_id in circle_ids)
    }
    # A duplicate merged into a removed note disappeared with it; it goes with it too.
    changed = True
    while changed:
        changed = False
        for element_id in sorted(kept):
            note = notes.get(element_id)
            if note is not None and note.merged_into is not None and note.merged_into not in kept:
                kept.discard(element_id)
                changed = True
    elements = [row for row in all_elements if row.id in kept]
    element_ids = {row.id: index + 1 for index, row in enumerate(elements)}
    values: dict[int, list[str]] = {}
    for element_id, value_form in orm.execute(
        select(ElementValueRow.element_id, ElementValueRow.value_form)
        .join(ElementRow, ElementRow.id == ElementValueRow.element_id)
        .where(ElementRow.session_id == session_id)
    ):
        values.setdefault(element_id, []).append(value_form)

    def board(element_id: int) -> dict[str, Any] | None:
        note = notes.get(element_id)
        if note is None:
            return None
        return {
            "x": note.x,
            "y": note.y,
            "z": note.z,
            "cluster": cluster_ids.get(note.cluster_id) if note.cluster_id is not None else None,
            "merged_into": element_ids.get(note.merged_into) if note.merged_into is not None else None,
        }

    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "session": {
            "uid": session.uid,
            "title": session.title,
            "date": session.date.isoformat() if session.date else None,
            "venue": session.venue,
            "facilitator": session.facilitator,
            "start_time": session.start_time,
            "program_name": session.program_name,
            "program_text": session.program_text,
            "current_step_id": session.current_step_id,
            "created_at": format_timestamp(session.created_at),
            "updated_at": format_timestamp(session.updated_at),
        },
        "partners": [
            {
                "id": partner_ids[row.id],
                "name": row.name,
                "organisation": row.organisation,
                "role": row.role,
                "mandate": row.mandate,
                "why_now": row.why_now,
                "colour": row.colour,
            }
            for row in partners
        ],
        "principles": [row.text for row in rows(PrincipleRow, PrincipleRow.position, PrincipleRow.id)],
        "step_plans": [
            {
                "step_id": row.step_id,
                "minutes": row.minutes,
                "skipped": row.skipped,
                "after_id": row.after_id,
                "note": row.note,
            }
            for row in sorted(rows(StepPlanRow), key=lambda row: row.step_id)
        ],
        "timer_events": [
            {
                "step_id": row.step_id,
                "kind": row.kind,
                "at": format_timestamp(row.at),
                "elapsed": row.elapsed,
                "amount": row.amount,
            }
            for row in rows(TimerEventRow, TimerEventRow.id)
        ],
        "checklist": [
            {"item_id": row.item_id, "done": row.done, "note": row.note}
            for row in sorted(rows(ChecklistRow), key=lambda row: row.item_id)
        ],
        "circles": [
            {
                "id": circle_ids[row.id],
                "partner": partner_ids.get(row.partner_id),
                "kind": row.kind,
                "title": row.title,
                "position": row.position,
                "created_at": format_timestamp(row.created_at),
                "revealed": bool(row.revealed),
            }
            for row in circles
        ],
        "clusters": [{"id": cluster_ids[row.id], "kind": row.kind, "name": row.name} for row in clusters],
        "elements": [
            {
                "id": element_ids[row.id],
                "circle": circle_ids.get(row.circle_id) if row.circle_id is not None else None,
                "partner": partner_ids.get(row.partner_id) if row.partner_id is not None else None,
                "kind": row.kind,
                "field": row.field,
                "position": row.position,
                "text": row.text,
                "category": row.category,
                "value_forms": sorted(values.get(row.id, [])),
                "board": board(row.id),
                "created_at": format_timestamp(row.created_at),
                "updated_at": format_timestamp(row.updated_at),
                "written_on_device": bool(row.written_on_device),
            }
            for row in elements
        ],
        "form_texts": [
            {"form": row.form, "field": row.field, "text": row.text, "updated_at": format_timestamp(row.updated_at)}
            for row in sorted(rows(FormTextRow), key=lambda row: (row.form, row.field))
        ],
        "form_sources": [
            {
                "form": row.form,
                "field": row.field,
                "element": element_ids.get(row.element_id) if row.element_id is not None else None,
                "text": row.text,
                "created_at": format_timestamp(row.created_at),
            }
            for row in rows(FormSourceRow, FormSourceRow.id)
        ],
        "actions": [
            {
                "uid": row.uid,
                "area": row.area,
                "position": row.position,
                "what": row.what,
                "owner": partner_ids.get(row.owner_partner_id) if row.owner_partner_id is not None else None,
                "owner_person": row.owner_person,
                "with_whom": row.with_whom,
                "how_much": row.how_much,
                "due": row.due.isoformat() if row.due else None,
                "status": row.status,
                "created_at": format_timestamp(row.created_at),
                "updated_at": format_timestamp(row.updated_at),
                **_read_action_followup(orm, row),
            }
            for row in rows(ActionRow, ActionRow.id)
            if not row.deleted
        ],
        "partnership": _read_partnership(orm, session_id),
    }


def _read_action_followup(orm, row: ActionRow) -> dict[str, Any]:
    """An action's version-3 fields: its light, comment and history (sessions named by uid)."""
    history = orm.scalars(
        select(ActionStatusRow)
        .where(ActionStatusRow.action_id == row.id)
        .order_by(ActionStatusRow.at, ActionStatusRow.id)
    ).all()
    return {
        "light": row.light,
        "status_comment": row.status_comment,
        "status_changed_at": format_timestamp(row.status_changed_at) if row.status_changed_at else None,
        "origin_session_uid": row.origin_session_uid,
        "history": [
            {
                "at": format_timestamp(entry.at),
                "status": entry.status,
                "light": entry.light,
                "comment": entry.comment,
                "by": entry.by,
                "session": entry.session_uid or None,
            }
            for entry in history
        ],
    }


def _read_partnership(orm, session_id: int) -> dict[str, Any] | None:
    place = orm.get(PartnershipSessionRow, session_id)
    if place is None:
        return None
    partnership = orm.get(PartnershipRow, place.partnership_id)
    return {"uid": partnership.uid, "name": partnership.name, "position": place.position}


_HELD_ACTION_UIDS = text(
    "SELECT actions.uid, actions.origin_session_uid, sessions.uid FROM actions "
    "JOIN sessions ON sessions.id = actions.session_id WHERE actions.uid IN :uids"
).bindparams(bindparam("uids", expanding=True))


def _write_session(
    orm, document: SessionDocument, *, uid: str, title: str, session_id: int | None, copy: bool = False
) -> int:
    """Add a checked document's rows to the open transaction; returns the session's id.

    A `copy` (kept beside the session it came from) gives its actions new uids too: each
    action is one event in a calendar, and the copy's are other events.
    """
    fields = document["session"]
    session = SessionRow(
        uid=uid,
        title=title,
        date=_date(fields["date"]),
        venue=fields["venue"],
        facilitator=fields["facilitator"],
        start_time=fields["start_time"],
        program_name=fields["program_name"],
        program_text=fields["program_text"],
        current_step_id=fields["current_step_id"],
        created_at=parse_timestamp(fields["created_at"]),
        updated_at=parse_timestamp(fields["updated_at"]),
    )
    if session_id is not None:
        session.id = session_id
    orm.add(session)
    orm.flush()
    sid = session.id

    def add(rows: list) -> list:
        # One flush per table: the rows' database ids are needed by the tables after it.
        orm.add_all(rows)
        orm.flush()
        return rows

    partners = add(
        [
            PartnerRow(session_id=sid, position=index, **{key: value for key, value in row.items() if key != "id"})
            for index, row in enumerate(document["partners"])
        ]
    )
    add([PrincipleRow(session_id=sid, position=index, text=text) for index, text in enumerate(document["principles"])])
    add([StepPlanRow(session_id=sid, **row) for row in document["step_plans"]])
    add(
        [
            TimerEventRow(
                session_id=sid,
                step_id=row["step_id"],
                kind=row["kind"],
                at=parse_timestamp(row["at"]),
                elapsed=row["elapsed"],
                amount=row["amount"],
            )
            for row in document["timer_events"]
        ]
    )
    add([ChecklistRow(session_id=sid, **row) for row in document["checklist"]])

    # Canonical ids are 1, 2, 3… in list order, so a row's database id is at [id - 1].
    def db_id(rows: list, file_id: int | None) -> int | None:
        return rows[file_id - 1].id if file_id is not None else None

    circles = add(
        [
            CircleRow(
                session_id=sid,
                partner_id=db_id(partners, row["partner"]),
                kind=row["kind"],
                title=row["title"],
                position=row["position"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
                revealed=row.get("revealed", True),
            )
            for row in document["circles"]
        ]
    )
    clusters = add(
        [BoardClusterRow(session_id=sid, kind=row["kind"], name=row["name"]) for row in document["clusters"]]
    )
    elements = add(
        [
            ElementRow(
                session_id=sid,
                circle_id=db_id(circles, row["circle"]),
                partner_id=db_id(partners, row["partner"]),
                kind=row["kind"],
                field=row["field"],
                position=row["position"],
                text=row["text"],
                category=row["category"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
                updated_at=parse_timestamp(row["updated_at"]),
                value_forms=[ElementValueRow(value_form=value) for value in row["value_forms"]],
                written_on_device=row.get("written_on_device", False),
            )
            for row in document["elements"]
        ]
    )
    add(
        [
            BoardNoteRow(
                element_id=element.id,
                x=row["board"]["x"],
                y=row["board"]["y"],
                z=row["board"]["z"],
                cluster_id=db_id(clusters, row["board"]["cluster"]),
                merged_into=db_id(elements, row["board"]["merged_into"]),
            )
            for element, row in zip(elements, document["elements"], strict=True)
            if row["board"] is not None
        ]
    )
    add(
        [
            FormTextRow(
                session_id=sid,
                form=row["form"],
                field=row["field"],
                text=row["text"],
                updated_at=parse_timestamp(row["updated_at"]),
            )
            for row in document["form_texts"]
        ]
    )
    add(
        [
            FormSourceRow(
                session_id=sid,
                form=row["form"],
                field=row["field"],
                element_id=db_id(elements, row["element"]),
                text=row["text"],
                created_at=parse_timestamp(row["created_at"]),
            )
            for row in document["form_sources"]
        ]
    )
    action_uids = [row["uid"] for row in document["actions"]]
    origins = [row.get("origin_session_uid", "") for row in document["actions"]]
    # Another session here may hold the same action: a follow-up carries it on (same uid,
    # the same first session). Holding it with another first session can only be a copy
    # made by hand (or an edited file): that session keeps its events, these get their own.
    held: dict[str, set[str]] = {}
    for start in range(0, len(action_uids), 500):
        for action_uid, origin, holder in orm.execute(_HELD_ACTION_UIDS, {"uids": action_uids[start : start + 500]}):
            held.setdefault(action_uid, set()).add(origin or holder)
    action_uids = [
        new_action_uid() if copy or held.get(action_uid, {origin or uid}) != {origin or uid} else action_uid
        for action_uid, origin in zip(action_uids, origins, strict=True)
    ]
    actions = add(
        [
            ActionRow(
                session_id=sid,
                uid=action_uid,
                area=row["area"],
                position=row["position"],
                what=row["what"],
                owner_partner_id=db_id(partners, row["owner"]),
                owner_person=row["owner_person"],
                with_whom=row["with_whom"],
                how_much=row["how_much"],
                due=_date(row["due"]),
                status=row["status"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
                updated_at=parse_timestamp(row["updated_at"]),
                light=row["light"],
                status_comment=row["status_comment"],
                status_changed_at=parse_timestamp(row["status_changed_at"]) if row["status_changed_at"] else None,
                origin_session_uid=row["origin_session_uid"],
            )
            for action_uid, row in zip(action_uids, document["actions"], strict=True)
        ]
    )
    _write_followup(orm, document, sid, uid, actions, copy=copy)
    return sid


def _write_followup(orm, document: SessionDocument, sid: int, uid: str, actions: list, *, copy: bool) -> None:
    """The version-3 rows: each action's history, and the session's place in its partnership.

    History names sessions by uid; one not here is kept as said in an unknown session.
    A copy kept beside its original joins no partnership: it is not another meeting.
    """
    named = {row["session"] for action in document["actions"] for row in action["history"] if row["session"]}
    session_ids = dict(
        orm.execute(select(SessionRow.uid, SessionRow.id).where(SessionRow.uid.in_(sorted(named)))).all()
    )
    session_ids[document["session"]["uid"]] = sid
    orm.add_all(
        ActionStatusRow(
            action_id=action.id,
            session_id=session_ids.get(entry["session"]) if entry["session"] else None,
            session_uid=entry["session"] or "",
            at=parse_timestamp(entry["at"]),
            status=entry["status"],
            light=entry["light"],
            comment=entry["comment"],
            by=entry["by"],
        )
        for action, row in zip(actions, document["actions"], strict=True)
        for entry in row["history"]
    )
    # What was said at this meeting, in the files of its follow-ups imported before it.
    orm.execute(
        update(ActionStatusRow)
        .where(ActionStatusRow.session_id.is_(None), ActionStatusRow.session_uid == uid)
        .values(session_id=sid)
    )
    place = document["partnership"]
    if place is None or copy:
        return
    partnership = orm.scalars(select(PartnershipRow).where(PartnershipRow.uid == place["uid"])).first()
    if partnership is None:
        partnership = PartnershipRow(
            uid=place["uid"], name=place["name"], created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)
        )
        orm.add(partnership)
        orm.flush()
    orm.add(PartnershipSessionRow(session_id=sid, partnership_id=partnership.id, position=place["position"]))
    orm.flush()


__all__ = [
    "IMPORTED_SUFFIX",
    "ON_EXISTING",
    "SessionExists",
    "TransferStore",
    "imported_title",
]
