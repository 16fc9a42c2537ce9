"""Reading and writing sessions. Every call is one short transaction, committed at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, make_url, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from facilitator.palette import next_colour
from facilitator.program import Program
from facilitator.program.loader import MAX_STEP_MINUTES
from facilitator.store import reads
from facilitator.store.actions import ActionStore
from facilitator.store.archive import ArchiveStore
from facilitator.store.backup import Backup, Backups, read_contents, restore_database
from facilitator.store.board import BoardStore
from facilitator.store.circles import CircleData, CircleStore, ElementData, FormSource, draft_prefix
from facilitator.store.content_version import ContentVersion
from facilitator.store.database import (
    REVISIONS,
    SCHEMA_HEAD,
    StoreError,
    check_revision,
    is_sqlite,
    migrate,
    open_engine,
    open_server_engine,
    translate_error,
)
from facilitator.store.errors import missing_session
from facilitator.store.fields import FIELD_RULES, PRINCIPLE, TextRule, clean_seconds, partner_key
from facilitator.store.followups import FollowupStore
from facilitator.store.limits import MAX_PRINCIPLES
from facilitator.store.models import (
    AppStateRow,
    ChecklistRow,
    PartnerRow,
    PrincipleRow,
    SessionRow,
    StepPlanRow,
    TimerEventRow,
)
from facilitator.store.part import invalid as _invalid
from facilitator.store.part import utc_now as _now
from facilitator.store.records import ChecklistEntry, PartnerData, SessionData, SessionSummary
from facilitator.store.recovery import prepare_database
from facilitator.store.server_errors import translate_server_error
from facilitator.store.together import Outcome, TogetherStore
from facilitator.store.transfer import TransferStore
from facilitator.timing import DayPlan, TimerEvent, valid_minutes
from facilitator.timing.timer import EVENT_KINDS

LAST_SESSION_KEY = "last_session_id"


SESSION_FIELDS = ("title", "date", "venue", "facilitator", "start_time", "current_step_id")
PARTNER_FIELDS = ("name", "organisation", "role", "mandate", "why_now", "colour")


def _clean_field(field: str, value: object) -> object:
    """A session's, a partner's or a note's field as the store keeps it, by its rule in FIELD_RULES.

    Texts are cleaned and held to their limits; dates, times of day and colours are read
    by their own functions. StoreError, in both languages, if the value breaks the rule.
    """
    rule = FIELD_RULES[field]
    if not isinstance(rule, TextRule):
        return rule(value)
    if not isinstance(value, str):
        raise _invalid(f"Feltet {field} skal være tekst.", f"The field {field} must be text.")
    return rule.apply(value)


class _ServerBackups:
    """A server's backups are its administrator's (pg_dump, base backups): the store makes none."""

    def make(self, *_reason: object) -> None:
        return None


def server_name(url: URL | str) -> str:
    """A server database's URL as messages name it: never with a password."""
    # URL.set() takes None as "leave as it is", so the password is dropped with _replace.
    plain = make_url(url).set(drivername="postgresql", query={})._replace(password=None)
    return plain.render_as_string(hide_password=False)


class Store(CircleStore, BoardStore, ActionStore, FollowupStore, TransferStore, ArchiveStore, TogetherStore):
    """The app's database: every session and everything written in it, in one SQLite file.

    The same store runs on a PostgreSQL database (`Store.on_server`), the team archive: the
    same models, migrations and rules; only what belongs to a file (pragmas, WAL, backups,
    recovery, restore) is SQLite's alone.
    """

    #: A Store is open once made; `DeferredStore` says False until its engine has loaded.
    is_open = True
    #: The server database's URL (no password) for a store on a server; None for a file.
    url: str | None = None

    def __init__(self, path: Path, *, backups_folder: Path | None = None, backups: Backups | None = None) -> None:
        """Open (and if need be create or migrate) the database at `path`.

        `backups` hands over the backups already in use for this file (see `DeferredStore`),
        so there is one record of when the last one was made.
        """
        self.path = Path(path)
        prepare_database(self.path)
        self.backups = backups if backups is not None else Backups(self.path, backups_folder)
        self._open()

    @classmethod
    def on_server(cls, url: URL | str, *, timeout: int | None = None) -> Store:
        """Open (and if need be create or migrate) the store in a PostgreSQL database.

        StoreError in the user's words when the server cannot be reached (within `timeout`
        seconds), refuses the login, or holds a schema from a newer app (nothing is written).
        """
        store = cls.__new__(cls)
        store.url = server_name(url)
        store.path = None  # type: ignore[assignment]
        store.backups = _ServerBackups()  # type: ignore[assignment]
        store._engine = open_server_engine(url) if timeout is None else open_server_engine(url, timeout=timeout)
        store._migrate(store.url)
        return store

    def _translate(self, error: BaseException) -> StoreError | None:
        if self.url is not None:
            return translate_server_error(error, self.url)
        return translate_error(error, self.path)

    def _open(self) -> None:
        revision = check_revision(self.path)
        if revision in REVISIONS and revision != SCHEMA_HEAD:
            self.backups.make("migration")
        self._engine = open_engine(self.path)
        self._migrate(self.path)

    def _migrate(self, where: Path | str) -> None:
        """Bring the schema up to date and open sessions on it; a failure releases the engine."""
        try:
            migrate(self._engine, where)
        except DBAPIError as error:
            self._engine.dispose()
            raise self._translate(error) or error from None
        except StoreError:
            self._engine.dispose()
            raise
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        if not hasattr(self, "_content"):
            self._content = ContentVersion()
        self._content.watch(self._engine)

    @property
    def content_version(self) -> int:
        """Moves whenever something a screen shows is written (see `store.content_version`)."""
        return self._content.value

    def written_elsewhere(self) -> None:
        """Another process wrote to this database (the room's): what screens read may be stale."""
        self._content.value += 1

    def close(self) -> None:
        """Release the database file."""
        self._engine.dispose()

    def restore(self, backup: Backup, now: dt.datetime | None = None) -> None:
        """Replace the whole database with `backup`, after backing up what is there now (SQLite only)."""
        if self.url is not None:
            raise TypeError("a server database is restored by its administrator, not by the store")
        contents = read_contents(backup.path)
        if not contents.readable:
            raise _invalid(
                f"Sikkerhedskopien {backup.path.name} kan ikke læses; databasen er ikke ændret.",
                f"The backup {backup.path.name} cannot be read; the database has not been changed.",
            )
        if contents.schema is not None and contents.schema not in REVISIONS:
            raise _invalid(
                f"Sikkerhedskopien {backup.path.name} er fra en nyere version af Facilitator.",
                f"The backup {backup.path.name} comes from a newer version of Facilitator.",
            )
        self.backups.make("restore", now)
        self._engine.dispose()
        try:
            restore_database(backup.path, self.path)
        except sqlite3.Error as error:
            raise translate_error(error, self.path) or error from None
        finally:
            self._open()

    @contextmanager
    def _transaction(self) -> Iterator[OrmSession]:
        joined = self._batch_session()
        if joined is not None:
            with self._savepoint(joined) as orm:
                yield orm
            return
        try:
            with self._sessions.begin() as orm:
                yield orm
        except DBAPIError as error:
            raise self._translate(error) or error from None

    @contextmanager
    def _reading(self) -> Iterator[OrmSession]:
        """A transaction for a call that only reads.

        Inside a batch (`commit_together`) it reads on the batch's own session without a
        savepoint of its own: a read has no rows to take back, and a savepoint for each of a
        page's reads was a tenth of the room's CPU under load.
        """
        joined = self._batch_session()
        if joined is None:
            with self._transaction() as orm:
                yield orm
            return
        try:
            yield joined
        except DBAPIError as error:
            raise self._translate(error) or error from None

    def _session_row(self, orm: OrmSession, session_id: int) -> SessionRow:
        row = orm.get(SessionRow, session_id)
        if row is None:
            raise missing_session(session_id)
        return row

    # Sessions -----------------------------------------------------------------------

    def create_session(
        self,
        program: Program,
        *,
        title: str,
        date: dt.date | None = None,
        venue: str = "",
        facilitator: str = "",
        start_time: str = "09:00",
    ) -> int:
        """Store a new session that runs `program`; returns its id."""
        now = _now()
        fields = {"title": title, "date": date, "venue": venue, "facilitator": facilitator, "start_time": start_time}
        values = {name: _clean_field(name, value) for name, value in fields.items()}
        first_step = next(iter(program.step_ids()), None)
        with self._transaction() as orm:
            row = SessionRow(
                **values,
                program_name=program.source_name,
                program_text=program.source_text,
                current_step_id=first_step,
                created_at=now,
                updated_at=now,
            )
            orm.add(row)
            orm.flush()
            return row.id

    def list_sessions(self) -> list[SessionSummary]:
        """Every stored session, most recently changed first."""
        with self._transaction() as orm:
            rows = orm.execute(
                select(
                    SessionRow.id, SessionRow.title, SessionRow.date, SessionRow.venue, SessionRow.updated_at
                ).order_by(SessionRow.updated_at.desc(), SessionRow.id.desc())
            ).all()
        return [SessionSummary(*row) for row in rows]

    def find_session(self, key: str) -> int:
        """The id of the session `key` names: its id, or its title as `facilitator list` shows it."""
        sessions = self.list_sessions()
        key = key.strip()
        if key.isdigit() and any(summary.id == int(key) for summary in sessions):
            return int(key)
        named = [summary for summary in sessions if summary.title.casefold() == key.casefold()]
        if len(named) == 1:
            return named[0].id
        if named:
            ids = ", ".join(str(summary.id) for summary in named)
            raise _invalid(
                f"Flere sessioner hedder »{key}« (id {ids}). Brug id'et.",
                f"Several sessions are called “{key}” (ids {ids}). Use the id.",
            )
        raise _invalid(
            f"Sessionen »{key}« findes ikke. Se de gemte sessioner med: facilitator list",
            f"There is no session “{key}”. See the stored sessions with: facilitator list",
        )

    def get_session(self, session_id: int) -> SessionData:
        """The session's fields; StoreError if it does not exist."""
        with self._reading() as orm:
            row = orm.connection().execute(reads.SESSION, {"session_id": session_id}).first()
        if row is None:
            raise missing_session(session_id)
        return SessionData(*row)

    def session_uid(self, session_id: int) -> str:
        """The session's lasting identity, shared by its copies in backups and session files."""
        with self._transaction() as orm:
            return self._session_row(orm, session_id).uid

    def session_with_uid(self, uid: str) -> int | None:
        """The id of the session with this lasting identity here, or None."""
        with self._transaction() as orm:
            return orm.scalars(select(SessionRow.id).where(SessionRow.uid == uid)).first()

    def update_session(self, session_id: int, **fields: object) -> None:
        """Change some of the session's own fields (see SESSION_FIELDS)."""
        unknown = set(fields) - set(SESSION_FIELDS)
        if unknown:
            raise TypeError(f"unknown session fields: {sorted(unknown)}")
        values = {name: _clean_field(name, value) for name, value in fields.items()}
        with self._transaction() as orm:
            row = self._session_row(orm, session_id)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = _now()

    def delete_session(self, session_id: int) -> None:
        """Remove the session and everything that belongs to it, leaving none of its words in the file."""
        with self._transaction() as orm:
            orm.delete(self._session_row(orm, session_id))
            self._forget_drafts(orm, draft_prefix(session_id))
            state = orm.get(AppStateRow, LAST_SESSION_KEY)
            if state is not None and state.value == str(session_id):
                orm.delete(state)
            orm.flush()
            self._drop_empty_partnerships(orm)
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Fold the WAL into the main file and empty it.

        After a delete the WAL still holds the pages as they were before; the main file's
        copies are zeroed by secure_delete, so this leaves the words nowhere. A server has no
        WAL of the app's: its administrator's VACUUM and backups decide.
        """
        if not is_sqlite(self._engine):
            return
        with self._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # Partners -----------------------------------------------------------------------

    def partners(self, session_id: int) -> list[PartnerData]:
        """The session's partners in their agreed order."""
        with self._reading() as orm:
            rows = orm.connection().execute(reads.PARTNERS, {"session_id": session_id}).all()
        return [PartnerData(*row) for row in rows]

    @staticmethod
    def _partner_data(row: PartnerRow) -> PartnerData:
        return PartnerData(
            id=row.id,
            session_id=row.session_id,
            position=row.position,
            name=row.name,
            organisation=row.organisation,
            role=row.role,
            mandate=row.mandate,
            why_now=row.why_now,
            colour=row.colour,
        )

    def _check_unique_partner(
        self, orm: OrmSession, session_id: int, name: str, organisation: str, own_id: int | None
    ) -> None:
        others = orm.execute(
            select(PartnerRow.id, PartnerRow.name, PartnerRow.organisation).where(PartnerRow.session_id == session_id)
        ).all()
        key = partner_key(name, organisation)
        for other_id, other_name, other_organisation in others:
            if other_id != own_id and partner_key(other_name, other_organisation) == key:
                label = f"{name} ({organisation})" if organisation else name
                raise _invalid(
                    f"Der er allerede en partner, der hedder {label}. Tilføj fx organisationen for at skelne dem.",
                    f"There is already a partner called {label}. Add the organisation, for example, to tell them apart.",
                )

    def add_partner(self, session_id: int, name: str, **fields: str) -> PartnerData:
        """Add a partner at the end of the list; a free palette colour unless one is given."""
        unknown = set(fields) - set(PARTNER_FIELDS)
        if unknown:
            raise TypeError(f"unknown partner fields: {sorted(unknown)}")
        values = {field: _clean_field(field, value) for field, value in {"name": name, **fields}.items()}
        with self._transaction() as orm:
            session = self._session_row(orm, session_id)
            self._check_unique_partner(orm, session_id, values["name"], values.get("organisation", ""), None)
            used = [partner.colour for partner in session.partners]
            row = PartnerRow(
                session_id=session_id,
                position=len(session.partners),
                colour=values.pop("colour", None) or next_colour(used),
                **{field: values.get(field, "") for field in PARTNER_FIELDS if field != "colour"},
            )
            orm.add(row)
            session.updated_at = _now()
            orm.flush()
            return self._partner_data(row)

    def update_partner(self, partner_id: int, **fields: str) -> PartnerData:
        """Change some of a partner's fields (see PARTNER_FIELDS)."""
        unknown = set(fields) - set(PARTNER_FIELDS)
        if unknown:
            raise TypeError(f"unknown partner fields: {sorted(unknown)}")
        values = {field: _clean_field(field, value) for field, value in fields.items()}
        with self._transaction() as orm:
            row = self._partner_row(orm, partner_id)
            if "name" in values or "organisation" in values:
                self._check_unique_partner(
                    orm,
                    row.session_id,
                    values.get("name", row.name),
                    values.get("organisation", row.organisation),
                    row.id,
                )
            for field, value in values.items():
                setattr(row, field, value)
            row.session.updated_at = _now()
            return self._partner_data(row)

    def _partner_row(self, orm: OrmSession, partner_id: int) -> PartnerRow:
        row = orm.get(PartnerRow, partner_id)
        if row is None:
            raise _invalid(f"Partneren {partner_id} findes ikke.", f"Partner {partner_id} does not exist.")
        return row

    def move_partner(self, partner_id: int, new_index: int) -> None:
        """Move a partner to another place in the session's list."""
        with self._transaction() as orm:
            row = self._partner_row(orm, partner_id)
            siblings = list(row.session.partners)
            siblings.remove(row)
            siblings.insert(max(0, min(new_index, len(siblings))), row)
            for position, partner in enumerate(siblings):
                partner.position = position
            row.session.updated_at = _now()

    def remove_partner(self, partner_id: int) -> None:
        """Delete a partner and close the gap in the order."""
        with self._transaction() as orm:
            row = self._partner_row(orm, partner_id)
            session = row.session
            self._forget_drafts(orm, draft_prefix(session.id, partner_id))
            session.partners.remove(row)
            for position, partner in enumerate(session.partners):
                partner.position = position
            session.updated_at = _now()

    # Guiding principles -------------------------------------------------------------

    def principles(self, session_id: int) -> list[str]:
        """The session's guiding principles, at most three."""
        with self._transaction() as orm:
            return list(
                orm.scalars(
                    select(PrincipleRow.text)
                    .where(PrincipleRow.session_id == session_id)
                    .order_by(PrincipleRow.position)
                )
            )

    def set_principles(self, session_id: int, texts: list[str]) -> list[str]:
        """Replace the guiding principles; empty ones are dropped, more than three refused."""
        cleaned = [text for text in (PRINCIPLE.clean(text) for text in texts) if text]
        if len(cleaned) > MAX_PRINCIPLES:
            raise _invalid(
                f"Højst {MAX_PRINCIPLES} vejledende principper, som metoden foreskriver.",
                f"At most {MAX_PRINCIPLES} guiding principles, as the method prescribes.",
            )
        cleaned = [PRINCIPLE.apply(text) for text in cleaned]
        with self._transaction() as orm:
            session = self._session_row(orm, session_id)
            session.principles.clear()
            orm.flush()
            session.principles.extend(PrincipleRow(position=index, text=text) for index, text in enumerate(cleaned))
            session.updated_at = _now()
        return cleaned

    # Running the day ------------------------------------------------------------------

    def _step_plan_row(self, orm: OrmSession, session_id: int, step_id: str) -> StepPlanRow:
        self._session_row(orm, session_id)
        row = orm.get(StepPlanRow, (session_id, step_id))
        if row is None:
            row = StepPlanRow(session_id=session_id, step_id=step_id, minutes=None, skipped=False, note="")
            orm.add(row)
        return row

    def _touch(self, orm: OrmSession, session_id: int) -> None:
        # One UPDATE instead of loading the session's row (and its program text) for each write.
        now = _now()
        if orm.connection().execute(reads.TOUCH, {"session_id": session_id, "now": now}).rowcount == 0:
            raise missing_session(session_id)
        loaded = orm.identity_map.get(identity_key(SessionRow, session_id))
        if loaded is not None:
            # A row this transaction has loaded shows the same time, without writing it again.
            set_committed_value(loaded, "updated_at", now)

    def day_plan(self, session_id: int) -> DayPlan:
        """The facilitator's changes to the session's program for the day."""
        with self._reading() as orm:
            rows = orm.connection().execute(reads.STEP_PLANS, {"session_id": session_id}).all()
        return DayPlan(
            minutes={row.step_id: row.minutes for row in rows if row.minutes is not None},
            skipped=frozenset(row.step_id for row in rows if row.skipped),
            break_after={row.step_id: row.after_id for row in rows if row.after_id is not None},
        )

    def set_step_minutes(self, session_id: int, step_id: str, minutes: int | None) -> None:
        """Plan the step with other minutes than the program's (None: back to the program's)."""
        if minutes is not None and not valid_minutes(minutes):
            raise _invalid(
                f"Et trin skal vare mellem 1 og {MAX_STEP_MINUTES} minutter (fik {minutes}).",
                f"A step must last between 1 and {MAX_STEP_MINUTES} minutes (got {minutes}).",
            )
        with self._transaction() as orm:
            self._step_plan_row(orm, session_id, step_id).minutes = minutes
            self._touch(orm, session_id)

    def set_step_skipped(self, session_id: int, step_id: str, skipped: bool) -> None:
        """Leave the step out of today's plan, or bring it back."""
        with self._transaction() as orm:
            self._step_plan_row(orm, session_id, step_id).skipped = bool(skipped)
            self._touch(orm, session_id)

    def place_break(self, session_id: int, break_id: str, after_id: str | None) -> None:
        """Move a break between parts to follow another part ("" for the start; None: as planned)."""
        with self._transaction() as orm:
            self._step_plan_row(orm, session_id, break_id).after_id = after_id
            self._touch(orm, session_id)

    def step_notes(self, session_id: int) -> dict[str, str]:
        """The facilitator's private notes, by step."""
        with self._transaction() as orm:
            rows = orm.execute(
                select(StepPlanRow.step_id, StepPlanRow.note).where(
                    StepPlanRow.session_id == session_id, StepPlanRow.note != ""
                )
            ).all()
            return dict(rows)

    def set_step_note(self, session_id: int, step_id: str, note: str) -> str:
        """Store the facilitator's private note for a step; returns it as stored."""
        cleaned = _clean_field("note", note)
        with self._transaction() as orm:
            self._step_plan_row(orm, session_id, step_id).note = cleaned
            self._touch(orm, session_id)
        return cleaned

    def timer_events(self, session_id: int) -> list[TimerEvent]:
        """Everything done to the session's step timers, oldest first."""
        with self._reading() as orm:
            rows = orm.connection().execute(reads.TIMER_EVENTS, {"session_id": session_id}).all()
        return [
            TimerEvent(step_id, kind, at.replace(tzinfo=dt.UTC), elapsed, amount)
            for step_id, kind, at, elapsed, amount in rows
        ]

    def add_timer_event(self, session_id: int, event: TimerEvent) -> None:
        """Append one timer event; it is on disk when this returns."""
        self.add_timer_events(session_id, [event])

    def add_timer_events(
        self, session_id: int, events: Sequence[TimerEvent], *, current_step_id: str | None = None
    ) -> None:
        """Append timer events in one transaction (Næste trin ends one step and starts the next).

        With `current_step_id` the session moves to that step in the same transaction: Næste
        trin is then one commit (one fsync) instead of one for the timers and one for the step.
        """
        for event in events:
            if event.kind not in EVENT_KINDS:
                raise ValueError(f"unknown timer event {event.kind!r}")
        if not events and current_step_id is None:
            return
        with self._transaction() as orm:
            if current_step_id is not None:
                self._session_row(orm, session_id).current_step_id = _clean_field("current_step_id", current_step_id)
            orm.add_all(
                TimerEventRow(
                    session_id=session_id,
                    step_id=event.step_id,
                    kind=event.kind,
                    at=event.at.astimezone(dt.UTC).replace(tzinfo=None),
                    elapsed=clean_seconds(event.elapsed),
                    amount=clean_seconds(event.amount),
                )
                for event in events
            )
            self._touch(orm, session_id)

    def checklist(self, session_id: int) -> dict[str, ChecklistEntry]:
        """The planning checklist as ticked so far, by item id."""
        with self._transaction() as orm:
            rows = orm.scalars(select(ChecklistRow).where(ChecklistRow.session_id == session_id)).all()
            return {row.item_id: ChecklistEntry(row.done, row.note) for row in rows}

    def set_checklist_item(
        self, session_id: int, item_id: str, *, done: bool | None = None, note: str | None = None
    ) -> ChecklistEntry:
        """Tick, untick or annotate one planning checklist item."""
        cleaned = _clean_field("note", note) if note is not None else None
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            row = orm.get(ChecklistRow, (session_id, item_id))
            if row is None:
                row = ChecklistRow(session_id=session_id, item_id=item_id, done=False, note="")
                orm.add(row)
            if done is not None:
                row.done = bool(done)
            if cleaned is not None:
                row.note = cleaned
            self._touch(orm, session_id)
            return ChecklistEntry(row.done, row.note)

    # App state ----------------------------------------------------------------------

    def last_session_id(self) -> int | None:
        """The session that was open when the app last closed, if it still exists."""
        with self._transaction() as orm:
            state = orm.get(AppStateRow, LAST_SESSION_KEY)
            if state is None or not state.value.isdigit():
                return None
            session_id = int(state.value)
            return session_id if orm.get(SessionRow, session_id) is not None else None

    def set_last_session_id(self, session_id: int | None) -> None:
        """Remember (or forget) the session to reopen at the next start."""
        with self._transaction() as orm:
            state = orm.get(AppStateRow, LAST_SESSION_KEY)
            if session_id is None:
                if state is not None:
                    orm.delete(state)
            elif state is None:
                orm.add(AppStateRow(key=LAST_SESSION_KEY, value=str(session_id)))
            else:
                state.value = str(session_id)

    def get_state(self, key: str) -> str | None:
        """A stored app fact (window layout and the like), or None."""
        with self._transaction() as orm:
            state = orm.get(AppStateRow, key)
            return state.value if state is not None else None

    def set_state(self, key: str, value: str) -> None:
        """Store a small app fact as text."""
        with self._transaction() as orm:
            state = orm.get(AppStateRow, key)
            if state is None:
                orm.add(AppStateRow(key=key, value=value))
            else:
                state.value = value


__all__ = [
    "ChecklistEntry",
    "CircleData",
    "ElementData",
    "FormSource",
    "Outcome",
    "PartnerData",
    "SessionData",
    "SessionSummary",
    "Store",
    "StoreError",
]
