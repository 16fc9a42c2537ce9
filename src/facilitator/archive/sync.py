"""Push, pull, list and the secretariat's view: the laptop's store against the archive's.

The laptop keeps, per session uid, the archive revision it was last in step with and the
digest of the session file it had then (`archive.<uid>` in app_state). A laptop session
whose file still has that digest is unchanged here; an archive whose revision is still
that one is unchanged there. Only when both changed is a push or pull refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import io
import socket
from dataclasses import dataclass
from pathlib import Path

from facilitator.archive.address import driver_url
from facilitator.export.session_file import dump_session
from facilitator.store import Store
from facilitator.store.archive import ArchivedAction, ArchivedSession, Pushed, conflict
from facilitator.text import Text, UserError

_STATE_PREFIX = "archive."


@dataclass(frozen=True)
class Record:
    """The archive revision a laptop session was last in step with, and its file's digest then."""

    revision: int
    digest: str


@dataclass(frozen=True)
class Pulled:
    """What a pull left on the laptop."""

    session_id: int
    title: str
    revision: int
    copy: bool = False


def digest(data: bytes) -> str:
    """The digest of session file bytes, as the archive and the laptop both keep it."""
    return hashlib.sha256(data).hexdigest()


def read_record(local: Store, uid: str) -> Record | None:
    """The laptop's record for a session uid, if it was ever pushed or pulled."""
    value = local.get_state(_STATE_PREFIX + uid)
    if not value:
        return None
    revision, _, file_digest = value.partition(" ")
    return Record(int(revision), file_digest) if revision.isdigit() else None


def write_record(local: Store, uid: str, record: Record) -> None:
    """Remember that the laptop's session is in step with the archive's revision."""
    local.set_state(_STATE_PREFIX + uid, f"{record.revision} {record.digest}")


def who_pushes(url: str) -> str:
    """The name a push is signed with: the archive user and this computer."""
    from sqlalchemy import make_url

    user = make_url(driver_url(url)).username or getpass.getuser()
    return f"{user}@{socket.gethostname()}"


class Archive:
    """An open connection to the team archive (a store on its server)."""

    def __init__(self, server: Store, url: str) -> None:
        self.server = server
        self.url = url

    @classmethod
    def open(cls, url: str, *, timeout: int | None = None) -> Archive:
        """Connect, bring an older archive's schema up to date, and check its book.

        StoreError (the user's words) when the server cannot be reached within the timeout,
        refuses the login, is not PostgreSQL, or was made by a newer app (nothing written).
        """
        server = Store.on_server(driver_url(url), timeout=timeout)
        try:
            server.prepare_archive()
        except BaseException:
            server.close()
            raise
        return cls(server, url)

    def close(self) -> None:
        """Let go of the server."""
        self.server.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def push(self, local: Store, session_id: int, *, keep_both: bool = False) -> Pushed:
        """Send one laptop session as the archive's next revision, in one transaction.

        ArchiveConflict, naming both sides, when the archive's copy changed since this laptop
        last had it; with `keep_both` the laptop's version is stored beside it instead.
        """
        document = local.export_session(session_id)
        data = dump_session(document)
        uid = document["session"]["uid"]
        here = digest(data)
        record = read_record(local, uid)
        base = record.revision if record is not None else None
        pushed = self.server.push_document(
            document, digest=here, base=base, pushed_by=who_pushes(self.url), keep_both=keep_both
        )
        if not pushed.copy:
            write_record(local, uid, Record(pushed.revision, here))
        return pushed

    def push_all(self, local: Store) -> list[Pushed]:
        """Push every laptop session; stops at the first refusal (those before it are in)."""
        return [self.push(local, summary.id) for summary in local.list_sessions()]

    def pull(self, local: Store, key: str, *, keep_both: bool = False) -> Pulled:
        """Bring an archived session (uid or title) to the laptop, replacing its unchanged copy.

        Refused, naming both sides, when the laptop's copy changed since it was last pushed or
        pulled; with `keep_both` the archive's version is stored beside it.
        """
        uid = self.server.find_archived(key)
        document, revision, _ = self.server.pull_document(uid)
        data = dump_session(document)
        title = document["session"]["title"]
        local_id = local.session_with_uid(uid)
        on_existing = "ask"
        if local_id is not None:
            here = digest(dump_session(local.export_session(local_id)))
            record = read_record(local, uid)
            if here == digest(data):
                write_record(local, uid, Record(revision, here))
                return Pulled(local_id, title, revision)
            unchanged_here = record is not None and record.digest == here
            if unchanged_here:
                on_existing = "replace"
            elif keep_both:
                on_existing = "keep-both"
            else:
                entry = self.server.archive_entry(uid)
                assert entry is not None
                raise conflict(
                    title, (entry[0], entry[2], entry[3]), record.revision if record else None, pushing=False
                )
        new_id = local.import_session(document, on_existing=on_existing)
        if on_existing == "keep-both":
            return Pulled(new_id, local.get_session(new_id).title, revision, copy=True)
        write_record(local, uid, Record(revision, digest(dump_session(local.export_session(new_id)))))
        return Pulled(new_id, title, revision)

    def sessions(self, partnership: str | None = None) -> list[ArchivedSession]:
        """What the archive holds, last pushed first."""
        return self.server.archived_sessions(partnership)

    def actions(
        self, *, overdue: bool = False, partner: str | None = None, today: dt.date | None = None
    ) -> list[ArchivedAction]:
        """Every action of every archived session (a query on the server), optionally overdue or one partner's."""
        day = today or dt.date.today()
        return self.server.archived_actions(overdue_on=day if overdue else None, partner=partner)


ACTION_COLUMNS = (
    Text("Session", "Session"),
    Text("Område", "Area"),
    Text("Hvad", "What"),
    Text("Ansvarlig partner", "Owner partner"),
    Text("Ansvarlig person", "Owner person"),
    Text("Frist", "Due"),
    Text("Status", "Status"),
)


def actions_csv(actions: list[ArchivedAction], language: str = "da") -> bytes:
    """The secretariat's view as CSV for Excel (semicolons, UTF-8 with a byte order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.get(language) for column in ACTION_COLUMNS])
    for action in actions:
        writer.writerow(
            [
                action.session_title,
                action.area,
                action.what,
                action.owner,
                action.owner_person,
                action.due.isoformat() if action.due else "",
                action.status,
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_actions_csv(path: Path, actions: list[ArchivedAction], language: str = "da") -> Path:
    """Write the view as a CSV file (headings in `language`), whole or not at all."""
    from facilitator.export.files import write_file

    target = Path(path).expanduser()
    try:
        write_file(target, actions_csv(actions, language))
    except OSError as error:
        raise UserError(Text(f"{target} kan ikke skrives: {error}", f"{target} cannot be written: {error}")) from None
    return target


__all__ = [
    "ACTION_COLUMNS",
    "Archive",
    "Pulled",
    "Record",
    "actions_csv",
    "digest",
    "read_record",
    "who_pushes",
    "write_actions_csv",
]
