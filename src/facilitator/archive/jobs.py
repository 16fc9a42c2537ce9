"""The archive's commands as whole pieces of work: plain values in, plain values out.

Each opens its own connection and closes it again, so it can run on a worker thread while
the window stays with the user (`ui.archive_window`), and the command line runs the same
calls. A refusal the user may answer (a conflict: keep both?) comes back as a value, not
as an exception, so the window can ask; every other refusal is a `UserError` as usual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.archive.address import check_address
from facilitator.archive.sync import Archive, Pulled
from facilitator.store import Store
from facilitator.store.archive import ArchiveConflict, ArchivedAction, ArchivedSession, Pushed


@dataclass(frozen=True)
class Refused:
    """A session whose push or pull met a conflict: the message names both sides."""

    session_id: int | None
    title: str
    conflict: ArchiveConflict


@dataclass(frozen=True)
class PushReport:
    """What pushing some sessions came to: those that went in, and those refused by a conflict."""

    pushed: list[Pushed] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def try_address(url: str, *, plaintext: bool = False) -> tuple[str, int]:
    """`archive connect`'s test: the address as it is kept, and how many sessions the archive holds.

    UserError when the address will not do or the archive cannot be reached or used.
    """
    checked = check_address(url, plaintext=plaintext)
    with Archive.open(checked) as archive:
        return checked, len(archive.sessions())


def push_sessions(url: str, local: Store, session_ids: list[int], *, keep_both: bool = False) -> PushReport:
    """Push each session in turn; a conflict is noted and the next one is pushed all the same."""
    report = PushReport()
    with Archive.open(url) as archive:
        for session_id in session_ids:
            try:
                report.pushed.append(archive.push(local, session_id, keep_both=keep_both))
            except ArchiveConflict as refused:
                report.refused.append(Refused(session_id, local.get_session(session_id).title, refused))
    return report


def pull_session(url: str, local: Store, uid: str, *, keep_both: bool = False) -> Pulled | Refused:
    """Pull one archived session; a conflict with the laptop's changed copy comes back as `Refused`."""
    with Archive.open(url) as archive:
        try:
            return archive.pull(local, uid, keep_both=keep_both)
        except ArchiveConflict as refused:
            local_id = local.session_with_uid(uid)
            title = local.get_session(local_id).title if local_id is not None else uid
            return Refused(local_id, title, refused)


def archived_sessions(url: str, partnership: str | None = None) -> list[ArchivedSession]:
    """`archive list [--partnership NAME]`: what the archive holds, last pushed first."""
    with Archive.open(url) as archive:
        return archive.sessions(partnership or None)


def archived_actions(
    url: str, *, overdue: bool = False, partner: str | None = None, today: dt.date | None = None
) -> list[ArchivedAction]:
    """`archive actions`: every partnership's actions, optionally only overdue or one partner's."""
    with Archive.open(url) as archive:
        return archive.actions(overdue=overdue, partner=partner or None, today=today)


__all__ = [
    "PushReport",
    "Refused",
    "archived_actions",
    "archived_sessions",
    "pull_session",
    "push_sessions",
    "try_address",
]
