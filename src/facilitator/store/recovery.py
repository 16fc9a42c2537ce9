"""The start-up check of the database file, and what to do when it is damaged.

A damaged file is never opened for writing, never repaired in place and never deleted:
it is renamed aside, so whatever can still be rescued from it stays on disk.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from facilitator.store.backup import Backup, Backups, restore_database
from facilitator.store.database_file import connect_read_only
from facilitator.store.errors import StoreError
from facilitator.text import Text

#: The detail of a file that lost all its bytes (SQLite has no words for that).
_EMPTY = "empty file"


class DamagedDatabase(StoreError):
    """The database file exists but SQLite cannot read it whole."""

    def __init__(self, path: Path, detail: str) -> None:
        reason = _plain_reason(detail)
        super().__init__(
            Text(
                f"Databasen {path} kan ikke læses: {reason.da}. "
                "Intet er overskrevet. Start appen for at gendanne den nyeste sikkerhedskopi.",
                f"The database {path} cannot be read: {reason.en}. "
                "Nothing has been overwritten. Start the app to restore the newest backup.",
            )
        )
        self.path = path
        #: SQLite's own words, for the dialog's details.
        self.detail = detail


def _plain_reason(detail: str) -> Text:
    lowered = detail.lower()
    if "not a database" in lowered:
        return Text("filen er ikke en Facilitator-database", "the file is not a Facilitator database")
    if detail == _EMPTY:
        return Text("filen er tom, selv om der findes sikkerhedskopier", "the file is empty although backups exist")
    return Text(
        "filen er beskadiget, måske efter et strømsvigt eller en fuld disk",
        "the file is damaged, perhaps after a power cut or a full disk",
    )


_SIDECARS = ("-wal", "-shm", "-journal")


def check_database(path: Path) -> None:
    """Raise DamagedDatabase unless the file is missing, new, or passes SQLite's quick check."""
    path = Path(path)
    if not path.exists():
        return
    if path.stat().st_size == 0:
        # A file that lost all its bytes while backups exist is a casualty, not a new start.
        if Backups(path).list():
            raise DamagedDatabase(path, _EMPTY)
        return
    try:
        # Read-only, so checking a damaged file can never make it worse.
        connection = connect_read_only(path)
    except sqlite3.Error as error:
        raise DamagedDatabase(path, str(error)) from None
    try:
        result = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "locked" in message or "busy" in message:
            return  # another program holds it; opening will say so
        raise DamagedDatabase(path, message) from None
    finally:
        connection.close()
    if result != ["ok"]:
        raise DamagedDatabase(path, "; ".join(result))


def prepare_database(path: Path) -> None:
    """Before the database is opened: its folder made, and the file checked (DamagedDatabase)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            Text(
                f"Datamappen {path.parent} kan ikke oprettes: {error.strerror}.",
                f"The data folder {path.parent} cannot be created: {error.strerror}.",
            )
        ) from None
    check_database(path)


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its WAL and journal files) so a new one can take its place."""
    path = Path(path)
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.beskadiget-{stamp}{path.suffix}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.stem}.beskadiget-{stamp}-{counter}{path.suffix}")
    try:
        os.replace(path, aside)
        for suffix in _SIDECARS:
            sidecar = path.with_name(path.name + suffix)
            if sidecar.exists():
                os.replace(sidecar, aside.with_name(aside.name + suffix))
    except OSError as error:
        raise StoreError(
            Text(
                f"Den beskadigede database kunne ikke lægges til side: {error.strerror}.",
                f"The damaged database could not be set aside: {error.strerror}.",
            )
        ) from None
    return aside


def recover_from_backup(path: Path, backup: Backup | None) -> Path:
    """Set the damaged database aside and put `backup` (or, if None, nothing) in its place."""
    aside = set_aside(path)
    if backup is not None:
        restore_database(backup.path, path)
    return aside
