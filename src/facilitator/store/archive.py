"""The team archive's half of the store: on a PostgreSQL store, whole sessions in and out with revisions.

Part of `Store` (mixed in); used only on a store opened with `Store.on_server`. The archive
holds the same schema as a laptop (the same models and migrations) plus its own book of
what was pushed: `archive_sessions` (one row per session uid: its revision, who pushed it
when, and the digest of its session file) and `archive_info` (the book's format). These two
are the archive's alone, so they are created here on first use rather than by a migration
every laptop would run. Every push and pull is one transaction; see docs/archive.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import Text as TextColumn
from sqlalchemy.exc import IntegrityError

from facilitator.conversation.next_steps import CLOSED_STATUSES
from facilitator.store.errors import StoreError
from facilitator.store.models import (
    ActionRow,
    PartnerRow,
    PartnershipRow,
    PartnershipSessionRow,
    SessionRow,
    new_session_uid,
)
from facilitator.store.part import StorePart
from facilitator.store.session_check import check_session_document
from facilitator.store.session_document import SessionDocument
from facilitator.store.transfer import _read_session, _write_session, imported_title
from facilitator.text import Text

#: The format of the archive's own book; a newer one is refused, as a newer schema is.
ARCHIVE_FORMAT = 1

_book = MetaData()
archive_sessions = Table(
    "archive_sessions",
    _book,
    Column("session_uid", String(32), primary_key=True),
    Column("session_id", Integer, nullable=False, unique=True),
    Column("revision", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("pushed_by", TextColumn, nullable=False),
    Column("pushed_at", DateTime, nullable=False, index=True),
)
archive_info = Table(
    "archive_info",
    _book,
    Column("key", String(64), primary_key=True),
    Column("value", TextColumn, nullable=False),
)
#: Indexes a big archive needs and a laptop's file does not (docs/benchmarks.md): the
#: secretariat's view of open actions, and the foreign keys a replaced session's delete
#: follows (without them each removed partner or element scans every session's rows).
_INDEXES = (
    # Open: neither done nor dropped (`CLOSED_STATUSES`); the predicate is the overdue query's own.
    "CREATE INDEX IF NOT EXISTS ix_archive_actions_unfinished_due ON actions (due) "
    "WHERE NOT deleted AND status NOT IN ('done', 'dropped')",
    "CREATE INDEX IF NOT EXISTS ix_archive_actions_owner ON actions (owner_partner_id)",
    "CREATE INDEX IF NOT EXISTS ix_archive_elements_partner ON elements (partner_id)",
    "CREATE INDEX IF NOT EXISTS ix_archive_board_notes_merged ON board_notes (merged_into)",
    "CREATE INDEX IF NOT EXISTS ix_archive_board_notes_cluster ON board_notes (cluster_id)",
    "CREATE INDEX IF NOT EXISTS ix_archive_form_sources_element ON form_sources (element_id)",
    # A replaced session sets its history entries' session to NULL: without this, each
    # push of a follow-up meeting would read the history of every session in the archive.
    "CREATE INDEX IF NOT EXISTS ix_archive_action_status_history_session ON action_status_history (session_id)",
)

#: Marks each copy of the given action uids that a later meeting's copy supersedes (by the
#: meeting's date, then the latest pushed; a deleted copy supersedes nothing), and clears the
#: latest. Run in each push's transaction for the uids it removed or wrote, so the
#: secretariat's view reads a flag instead of searching every copy (migration 0010 ran it
#: once for every action).
_SUPERSEDED = text(
    """
UPDATE actions AS a SET superseded = EXISTS (
    SELECT 1 FROM actions AS o
    JOIN sessions AS so ON so.id = o.session_id
    JOIN archive_sessions AS eo ON eo.session_id = o.session_id
    WHERE o.uid = a.uid AND o.id <> a.id AND NOT o.deleted
      AND (COALESCE(so.date, DATE '0001-01-01'), eo.pushed_at) > (COALESCE(s.date, DATE '0001-01-01'), e.pushed_at)
)
FROM sessions AS s, archive_sessions AS e
WHERE s.id = a.session_id AND e.session_id = a.session_id AND a.uid = ANY(:uids)
"""
)


@dataclass(frozen=True)
class ArchivedSession:
    """One session in the archive, as `archive list` shows it."""

    uid: str
    title: str
    date: dt.date | None
    revision: int
    pushed_by: str
    pushed_at: dt.datetime
    partners: int
    #: The partnership it is a meeting of ("" for a session of its own).
    partnership: str = ""


class ArchivedAction(NamedTuple):
    """One action of one archived session, as the secretariat's view shows it.

    A named tuple rather than a dataclass: the overdue view of a large archive makes tens of
    thousands, and a frozen dataclass's constructor cost a fifth of the view's time.
    """

    session_uid: str
    session_title: str
    area: str
    what: str
    owner: str
    owner_person: str
    due: dt.date | None
    status: str


@dataclass(frozen=True)
class Pushed:
    """What a push left in the archive."""

    uid: str
    title: str
    revision: int
    #: True when the laptop's version was stored beside the archive's (--keep-both).
    copy: bool = False


class ArchiveConflict(StoreError):
    """The archive's copy changed since this laptop last had it; nothing was written.

    Beside the message, both sides as values, so a window can name them in its own words.
    """

    def __init__(
        self,
        text: Text,
        revision: int,
        *,
        title: str = "",
        pushed_by: str = "",
        pushed_at: dt.datetime | None = None,
        base: int | None = None,
    ) -> None:
        super().__init__(text)
        self.revision = revision
        self.title = title
        self.pushed_by = pushed_by
        #: When the archive's revision was pushed (UTC, without a time zone, as the archive keeps it).
        self.pushed_at = pushed_at
        #: The archive revision the laptop's copy is based on; None if it never had one.
        self.base = base


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M UTC")


def conflict(title: str, server: tuple[int, str, dt.datetime], base: int | None, *, pushing: bool) -> ArchiveConflict:
    """The refusal naming both sides: the archive's revision (who, when) and the laptop's."""
    revision, who, when = server
    here_da = f"denne bærbare bygger på revision {base}" if base else "denne bærbare har aldrig hentet den"
    here_en = f"this laptop's copy is based on revision {base}" if base else "this laptop never fetched it"
    if pushing:
        advice_da = (
            "Hent arkivets udgave først (facilitator archive pull), eller send med --keep-both for at gemme begge."
        )
        advice_en = (
            "Fetch the archive's version first (facilitator archive pull), or push with --keep-both to keep both."
        )
    else:
        advice_da = "Send dine ændringer først, eller hent med --keep-both for at beholde begge."
        advice_en = "Push your changes first, or pull with --keep-both to keep both."
    return ArchiveConflict(
        Text(
            f"Sessionen »{title}« er ændret begge steder: teamarkivet har revision {revision} "
            f"(sendt af {who} {_when(when)}), og {here_da} og er ændret siden. Intet er skrevet. {advice_da}",
            f"The session “{title}” was changed in both places: the team archive has revision {revision} "
            f"(pushed by {who} {_when(when)}), and {here_en} and was changed since. Nothing was written. {advice_en}",
        ),
        revision,
        title=title,
        pushed_by=who,
        pushed_at=when,
        base=base,
    )


class ArchiveStore(StorePart):
    """Whole sessions pushed to and pulled from a store on the team's PostgreSQL server."""

    def prepare_archive(self) -> None:
        """Create the archive's book if it is new; refuse a book of a newer format (nothing written).

        An archive already set up is only read: the team's role needs no right to create tables.
        """
        with self._transaction() as orm:
            connection = orm.connection()
            stored = None
            if inspect(connection).has_table("archive_info"):
                stored = connection.execute(select(archive_info.c.value).where(archive_info.c.key == "format")).scalar()
            if stored is None:
                connection.execute(text("SELECT pg_advisory_xact_lock(4604)"))
                _book.create_all(connection, checkfirst=True)
                for statement in _INDEXES:
                    connection.execute(text(statement))
                stored = connection.execute(select(archive_info.c.value).where(archive_info.c.key == "format")).scalar()
                if stored is None:
                    connection.execute(insert(archive_info).values(key="format", value=str(ARCHIVE_FORMAT)))
                    return
            if not stored.isdigit() or int(stored) > ARCHIVE_FORMAT:
                raise StoreError(
                    Text(
                        f"Teamarkivet er lavet af en nyere version af Facilitator (arkivformat {stored}, "
                        f"denne version kender {ARCHIVE_FORMAT}). Opdatér appen; intet er skrevet.",
                        f"The team archive was made by a newer version of Facilitator (archive format {stored}, "
                        f"this version knows {ARCHIVE_FORMAT}). Update the app; nothing was written.",
                    )
                )

    def archive_entry(self, uid: str) -> tuple[int, str, str, dt.datetime] | None:
        """The archive's (revision, digest, pushed_by, pushed_at) for a session uid, or None."""
        with self._transaction() as orm:
            row = orm.execute(
                select(
                    archive_sessions.c.revision,
                    archive_sessions.c.digest,
                    archive_sessions.c.pushed_by,
                    archive_sessions.c.pushed_at,
                ).where(archive_sessions.c.session_uid == uid)
            ).first()
        return tuple(row) if row is not None else None  # type: ignore[return-value]

    def push_document(
        self, document: SessionDocument, *, digest: str, base: int | None, pushed_by: str, keep_both: bool = False
    ) -> Pushed:
        """Store a laptop's session in one transaction as the next revision; ArchiveConflict if the
        archive's copy is not the one the laptop started from (`base`), unless `keep_both`.
        """
        checked = check_session_document(document)
        uid, title = checked["session"]["uid"], checked["session"]["title"]
        try:
            with self._transaction() as orm:
                entry = orm.execute(
                    select(
                        archive_sessions.c.revision,
                        archive_sessions.c.digest,
                        archive_sessions.c.pushed_by,
                        archive_sessions.c.pushed_at,
                        archive_sessions.c.session_id,
                    )
                    .where(archive_sessions.c.session_uid == uid)
                    .with_for_update()
                ).first()
                if entry is not None and entry.digest == digest:
                    return Pushed(uid, title, entry.revision)
                copy = False
                if entry is not None and entry.revision != base:
                    if not keep_both:
                        raise conflict(title, (entry.revision, entry.pushed_by, entry.pushed_at), base, pushing=True)
                    taken = set(orm.scalars(select(SessionRow.title).where(SessionRow.title.startswith(title[:100]))))
                    uid, title, copy, entry = new_session_uid(), imported_title(title, taken), True, None
                # The actions whose copies' latest may change: those removed with the old revision and those written.
                carried = set()
                if entry is not None:
                    carried.update(orm.scalars(select(ActionRow.uid).where(ActionRow.session_id == entry.session_id)))
                    orm.delete(orm.get(SessionRow, entry.session_id))
                    orm.flush()
                session_id = _write_session(orm, checked, uid=uid, title=title, session_id=None, copy=copy)
                values = {
                    "session_id": session_id,
                    "digest": digest if not copy else "",
                    "pushed_by": pushed_by,
                    "pushed_at": func.timezone("UTC", func.now()),
                }
                if entry is None:
                    revision = 1
                    orm.execute(insert(archive_sessions).values(session_uid=uid, revision=revision, **values))
                else:
                    revision = entry.revision + 1
                    orm.execute(
                        update(archive_sessions)
                        .where(archive_sessions.c.session_uid == uid)
                        .values(revision=revision, **values)
                    )
                orm.flush()
                carried.update(orm.scalars(select(ActionRow.uid).where(ActionRow.session_id == session_id)))
                if carried:
                    # One push at a time past this point: a push of another meeting with the same
                    # action, committed meanwhile, is then seen here, and its copies marked too.
                    orm.execute(text("SELECT pg_advisory_xact_lock(4605)"))
                    orm.execute(_SUPERSEDED, {"uids": sorted(carried)})
        except IntegrityError:
            # Another laptop pushed the same new session in the same moment and committed first.
            entry = self.archive_entry(uid)
            server = (entry[0], entry[2], entry[3]) if entry else (1, "?", dt.datetime.now(dt.UTC))
            raise conflict(title, server, base, pushing=True) from None
        return Pushed(uid, title, revision, copy)

    def pull_document(self, uid: str) -> tuple[SessionDocument, int, str]:
        """The archived session as a checked document, with its revision and digest, read in one transaction."""
        with self._transaction() as orm:
            entry = orm.execute(
                select(archive_sessions.c.session_id, archive_sessions.c.revision, archive_sessions.c.digest).where(
                    archive_sessions.c.session_uid == uid
                )
            ).first()
            if entry is None:
                raise StoreError(Text("Sessionen er ikke i teamarkivet.", "The session is not in the team archive."))
            document = _read_session(orm, self._session_row(orm, entry.session_id))
        return check_session_document(document, exporting=True), entry.revision, entry.digest

    def find_archived(self, key: str) -> str:
        """The uid of the archived session `key` names: its uid, or its title (case-insensitive)."""
        key = key.strip()
        with self._transaction() as orm:
            rows = orm.execute(
                select(archive_sessions.c.session_uid, SessionRow.title)
                .join(SessionRow, SessionRow.id == archive_sessions.c.session_id)
                .where(or_(archive_sessions.c.session_uid == key, func.lower(SessionRow.title) == key.lower()))
            ).all()
        if len(rows) == 1:
            return rows[0][0]
        if rows:
            raise StoreError(
                Text(
                    f"Flere sessioner i teamarkivet hedder »{key}«; brug uid'en fra: facilitator archive list",
                    f"Several sessions in the team archive are called “{key}”; use the uid from: facilitator archive list",
                )
            )
        raise StoreError(
            Text(
                f"Sessionen »{key}« er ikke i teamarkivet. Se dem med: facilitator archive list",
                f"The session “{key}” is not in the team archive. See them with: facilitator archive list",
            )
        )

    def archived_sessions(self, partnership: str | None = None) -> list[ArchivedSession]:
        """Every archived session, last pushed first.

        `partnership` keeps the meetings of the partnerships whose name holds it (any case),
        and the sessions of no partnership whose title holds it.
        """
        partners = select(func.count(PartnerRow.id)).where(PartnerRow.session_id == SessionRow.id).scalar_subquery()
        query = (
            select(
                archive_sessions.c.session_uid,
                SessionRow.title,
                SessionRow.date,
                archive_sessions.c.revision,
                archive_sessions.c.pushed_by,
                archive_sessions.c.pushed_at,
                partners,
                func.coalesce(PartnershipRow.name, ""),
            )
            .join(SessionRow, SessionRow.id == archive_sessions.c.session_id)
            .outerjoin(PartnershipSessionRow, PartnershipSessionRow.session_id == SessionRow.id)
            .outerjoin(PartnershipRow, PartnershipRow.id == PartnershipSessionRow.partnership_id)
            .order_by(archive_sessions.c.pushed_at.desc(), SessionRow.title)
        )
        if partnership:
            wanted = partnership.lower()
            query = query.where(
                or_(
                    func.lower(PartnershipRow.name).contains(wanted, autoescape=True),
                    and_(
                        PartnershipRow.id.is_(None),
                        func.lower(SessionRow.title).contains(wanted, autoescape=True),
                    ),
                )
            )
        with self._transaction() as orm:
            return [ArchivedSession(*row) for row in orm.execute(query)]

    def archived_actions(
        self, *, overdue_on: dt.date | None = None, partner: str | None = None
    ) -> list[ArchivedAction]:
        """Every action of every archived session; `overdue_on` keeps the unfinished ones due before that day,
        `partner` those a partner (name or organisation, case-insensitive) owns.

        An action carried into follow-up meetings keeps its uid in each: it is listed once,
        as its latest meeting (by date, then the latest pushed) left it.
        """
        query = (
            select(
                archive_sessions.c.session_uid,
                SessionRow.title,
                ActionRow.area,
                ActionRow.what,
                func.coalesce(PartnerRow.name, ""),
                ActionRow.owner_person,
                ActionRow.due,
                ActionRow.status,
            )
            .join(SessionRow, SessionRow.id == archive_sessions.c.session_id)
            .join(ActionRow, ActionRow.session_id == SessionRow.id)
            .outerjoin(PartnerRow, PartnerRow.id == ActionRow.owner_partner_id)
            # A copy a later meeting carried on is left out: kept by each push (`_SUPERSEDED`).
            .where(~ActionRow.deleted, ~ActionRow.superseded)
            .order_by(ActionRow.due.asc().nulls_last(), SessionRow.title, ActionRow.area, ActionRow.position)
        )
        if overdue_on is not None:
            query = query.where(and_(ActionRow.due < overdue_on, ActionRow.status.not_in(sorted(CLOSED_STATUSES))))
        if partner:
            wanted = partner.strip().lower()
            query = query.where(
                or_(func.lower(PartnerRow.name) == wanted, func.lower(PartnerRow.organisation) == wanted)
            )
        with self._transaction() as orm:
            # On the session's connection, not through the ORM: plain rows are all it returns,
            # and the ORM's result handling cost as much as the server's query.
            return list(map(ArchivedAction._make, orm.connection().execute(query)))


__all__ = [
    "ARCHIVE_FORMAT",
    "ArchiveConflict",
    "ArchiveStore",
    "ArchivedAction",
    "ArchivedSession",
    "Pushed",
]
