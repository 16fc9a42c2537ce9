"""Backups of the database: made with SQLite's online backup API, kept, listed and restored.

A backup is a complete, self-contained copy of the database file in the `backups` folder
beside it, named after the UTC time it was made and why. Backups are made when a session
is opened, every ten minutes while the database changes, before a schema migration and
before a restore. The newest 20 are kept, plus the newest of each day for 30 days.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitator.store.database_file import REVISIONS, connect_read_only
from facilitator.store.errors import StoreError
from facilitator.text import Text

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 20
KEEP_DAILY_DAYS = 30
#: While the database changes, a backup at most this often.
BACKUP_INTERVAL = dt.timedelta(minutes=10)

REASONS = {
    "open": Text("Session åbnet", "Session opened"),
    "interval": Text("Løbende (hvert 10. minut)", "Regular (every 10 minutes)"),
    "migration": Text("Før opdatering af databasen", "Before a database update"),
    "restore": Text("Før gendannelse", "Before a restore"),
    "recovery": Text("Før genopretning", "Before a recovery"),
    "import": Text("Før import af en sessionsfil", "Before importing a session file"),
    "manual": Text("Gemt i hånden", "Made by hand"),
}

_NAME = re.compile(r"^facilitator-(\d{8}T\d{6}\d{6})Z-([a-z]+)\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S%f"


@dataclass(frozen=True)
class Backup:
    """One backup file and when and why it was made."""

    path: Path
    made_at: dt.datetime  # aware, UTC
    reason: str

    @property
    def reason_text(self) -> Text:
        return REASONS.get(self.reason, Text(self.reason))


@dataclass(frozen=True)
class SessionInBackup:
    """What a backup holds of one session, enough to recognise it."""

    id: int
    title: str
    date: dt.date | None
    partners: int
    elements: int
    actions: int
    updated_at: dt.datetime | None


@dataclass(frozen=True)
class BackupContents:
    """What a backup file holds, read without changing it."""

    readable: bool
    schema: str | None
    sessions: tuple[SessionInBackup, ...] = ()


def _error(da: str, en: str) -> StoreError:
    return StoreError(Text(da, en))


def _file_name(made_at: dt.datetime, reason: str) -> str:
    return f"facilitator-{made_at.astimezone(dt.UTC).strftime(_STAMP)}Z-{reason}.sqlite3"


def _parse_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    made_at = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
    return Backup(path, made_at, match.group(2))


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _oserror(error: OSError, folder: Path) -> StoreError:
    reason = error.strerror or str(error)
    return _error(
        f"Sikkerhedskopien kunne ikke gemmes i {folder}: {reason}.",
        f"The backup could not be saved in {folder}: {reason}.",
    )


def copy_database(source: Path, target: Path) -> None:
    """Copy the SQLite database at `source` to a new file `target` with the online backup API.

    The copy is consistent even while another connection writes, uses the rollback journal
    (so it is one self-contained file) and is synced before it gets its final name.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        source_connection = sqlite3.connect(source, timeout=5)
        try:
            target_connection = sqlite3.connect(partial)
            try:
                source_connection.backup(target_connection)
                target_connection.execute("PRAGMA journal_mode=DELETE")
            finally:
                target_connection.close()
        finally:
            source_connection.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def restore_database(backup: Path, database: Path) -> None:
    """Overwrite the database at `database` with the backup, through SQLite so its journal stays right.

    Nobody else may have the database open. A stale WAL file cannot be replayed onto the
    restored pages because SQLite writes the copy through the target's own journal.
    """
    source_connection = connect_read_only(backup)
    try:
        target_connection = sqlite3.connect(database, timeout=5)
        try:
            source_connection.backup(target_connection)
            target_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target_connection.close()
    finally:
        source_connection.close()


def read_contents(path: Path) -> BackupContents:
    """The sessions a database file holds, read without changing it; unreadable files say so."""
    try:
        connection = connect_read_only(path, immutable=True)
    except sqlite3.Error:
        return BackupContents(readable=False, schema=None)
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return BackupContents(readable=False, schema=None)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        schema = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            schema = row[0] if row else None
        if "sessions" not in tables:
            return BackupContents(readable=True, schema=schema)

        def count(table: str, session_id: int, live_only: bool = False) -> int:
            if table not in tables:
                return 0
            extra = " AND deleted = 0" if live_only else ""
            sql = f"SELECT count(*) FROM {table} WHERE session_id = ?{extra}"
            return connection.execute(sql, (session_id,)).fetchone()[0]

        sessions = []
        for session_id, title, date, updated_at in connection.execute(
            "SELECT id, title, date, updated_at FROM sessions ORDER BY updated_at DESC, id DESC"
        ).fetchall():
            sessions.append(
                SessionInBackup(
                    id=session_id,
                    title=title,
                    date=dt.date.fromisoformat(date) if date else None,
                    partners=count("partners", session_id),
                    elements=count("elements", session_id, live_only=True),
                    actions=count("actions", session_id, live_only=True),
                    updated_at=_parse_stored_time(updated_at),
                )
            )
        return BackupContents(readable=True, schema=schema, sessions=tuple(sessions))
    except sqlite3.Error:
        return BackupContents(readable=False, schema=None)
    finally:
        connection.close()


def _parse_stored_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def backups_to_keep(made: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the retention rule keeps: the newest 20, and the newest of each of the last 30 days."""
    newest_first = sorted(made, reverse=True)
    keep = set(newest_first[:KEEP_NEWEST])
    days_seen: set[dt.date] = set()
    for made_at in newest_first:
        if now - made_at > dt.timedelta(days=KEEP_DAILY_DAYS):
            break
        day = made_at.astimezone().date()
        if day not in days_seen:
            days_seen.add(day)
            keep.add(made_at)
    return keep


def _fingerprint(database: Path) -> tuple[tuple[int, int], ...]:
    """Changes whenever a commit reaches the database file or its WAL."""
    marks = []
    for path in (database, database.with_name(database.name + "-wal")):
        try:
            status = path.stat()
        except FileNotFoundError:
            marks.append((0, 0))
        else:
            marks.append((status.st_mtime_ns, status.st_size))
    return tuple(marks)


class Backups:
    """The backups of one database file."""

    def __init__(self, database: Path, folder: Path | None = None) -> None:
        self.database = Path(database)
        self.folder = Path(folder) if folder is not None else self.database.parent / BACKUP_FOLDER
        self._fingerprint_at_last_backup: tuple[tuple[int, int], ...] | None = None
        self._last_made: dt.datetime | None = None

    def list(self) -> list[Backup]:
        """Every backup, newest first."""
        if not self.folder.is_dir():
            return []
        found = (_parse_name(path) for path in self.folder.iterdir())
        return sorted((backup for backup in found if backup is not None), key=lambda b: b.made_at, reverse=True)

    def make(self, reason: str, now: dt.datetime | None = None) -> Backup:
        """Copy the database now, then drop backups the retention rule no longer keeps."""
        if reason not in REASONS:
            raise ValueError(f"unknown backup reason {reason!r}")
        now = now or dt.datetime.now(dt.UTC)
        existing = {backup.made_at for backup in self.list()}
        while now in existing:  # two backups within a microsecond must not share a name
            now += dt.timedelta(microseconds=1)
        fingerprint = _fingerprint(self.database)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / _file_name(now, reason)
            copy_database(self.database, target)
        except OSError as error:
            raise _oserror(error, self.folder) from None
        except sqlite3.Error as error:
            raise _error(
                f"Sikkerhedskopien kunne ikke laves: {error}.", f"The backup could not be made: {error}."
            ) from None
        self._fingerprint_at_last_backup = fingerprint
        self._last_made = now
        self.prune(now)
        return Backup(target, now, reason)

    def changed_since_last_backup(self) -> bool:
        """Whether a commit has reached the database since this object last backed it up."""
        return self._fingerprint_at_last_backup != _fingerprint(self.database)

    def make_if_due(self, now: dt.datetime | None = None) -> Backup | None:
        """The regular backup: made when the database changed and the last one is 10 minutes old."""
        now = now or dt.datetime.now(dt.UTC)
        if self._last_made is not None and now - self._last_made < BACKUP_INTERVAL:
            return None
        if not self.changed_since_last_backup():
            return None
        return self.make("interval", now)

    def prune(self, now: dt.datetime | None = None) -> list[Path]:
        """Delete the backups the retention rule no longer keeps; returns the deleted files."""
        now = now or dt.datetime.now(dt.UTC)
        backups = self.list()
        keep = backups_to_keep((backup.made_at for backup in backups), now)
        removed = []
        for backup in backups:
            if backup.made_at not in keep:
                backup.path.unlink(missing_ok=True)
                removed.append(backup.path)
        return removed

    def newest_readable(self) -> Backup | None:
        """The newest backup that passes SQLite's check and has a schema this app knows."""
        for backup in self.list():
            contents = read_contents(backup.path)
            if contents.readable and (contents.schema is None or contents.schema in REVISIONS):
                return backup
        return None

    def holding_session(self, session_id: int, uid: str | None = None) -> list[Backup]:
        """Backups that still hold the session (matched by id, and by uid where backups have one)."""
        return [backup for backup in self.list() if _find_session(backup.path, session_id, uid)]

    def purge_session(self, session_id: int, uid: str | None = None) -> int:
        """Remove one session from every backup, leaving the other sessions; returns the backups changed."""
        changed = 0
        for backup in self.holding_session(session_id, uid):
            _remove_session_from_file(backup.path, session_id)
            changed += 1
        return changed


def _session_columns(connection: sqlite3.Connection) -> set[str]:
    return {row[1] for row in connection.execute("PRAGMA table_info(sessions)")}


def _find_session(path: Path, session_id: int, uid: str | None) -> bool:
    try:
        connection = connect_read_only(path, immutable=True)
    except sqlite3.Error:
        return False
    try:
        columns = _session_columns(connection)
        if not columns:
            return False
        if uid is not None and "uid" in columns:
            row = connection.execute("SELECT 1 FROM sessions WHERE id = ? AND uid = ?", (session_id, uid)).fetchone()
        else:
            row = connection.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return row is not None
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _remove_session_from_file(path: Path, session_id: int) -> None:
    """Delete the session (its rows cascade) and vacuum, so no deleted page keeps its words."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA secure_delete=ON")
        with connection:
            connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if "app_state" in {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}:
                connection.execute(
                    "DELETE FROM app_state WHERE key = 'last_session_id' AND value = ?", (str(session_id),)
                )
        connection.execute("VACUUM")
    finally:
        connection.close()
