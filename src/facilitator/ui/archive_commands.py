"""Fil → Teamarkiv's commands: connect, push, pull and the two views, all over the network off the GUI thread.

Every call to the archive is one piece of work on the window's `BackgroundRunner` (the
status bar shows it), made of the same calls the command line makes
(`facilitator.archive.jobs`); only plain values and the store cross to the worker. A
conflict comes back as a value, and the facilitator is asked whether to keep both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.ui.operations import Reporter, message_box

if TYPE_CHECKING:
    from facilitator.archive.jobs import PushReport, Refused
    from facilitator.archive.sync import Pulled
    from facilitator.ui.main_window import MainWindow


translate = QCoreApplication.translate


def archive_name(url: str) -> str:
    """The archive as the menu names it: host and database, without user, port or options."""
    rest = url.split("://", 1)[-1].split("?", 1)[0]
    host_and_path = rest.rsplit("@", 1)[-1]
    host, _, database = host_and_path.partition("/")
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return "/".join(part for part in (host, database) if part) or url


def local_time(moment: dt.datetime) -> str:
    """A moment the archive keeps in UTC (without a zone), in this computer's time."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%d.%m.%Y %H:%M")


def failure_box(parent: QWidget) -> Reporter:
    """How an archive command's refusal is shown: the explicit command's message box."""
    return message_box(parent, translate("Teamarkiv", "Teamarkivet"))


def push_open_session(window: MainWindow) -> bool:
    """Send the open session to the archive; False if nothing was started."""
    page = window.session_page
    if page is None or not window.settings.archive_url:
        return False
    page.flush()
    return push(window, [page.session_id])


def push_all_sessions(window: MainWindow) -> bool:
    """Send every session on this laptop; a conflict stops only its own session."""
    if not window.settings.archive_url:
        return False
    window.flush()
    store = window.store
    listed = window.operations.run(
        lambda: [summary.id for summary in store.list_sessions()], report=failure_box(window)
    )
    if listed.failed:
        return False
    return push(window, listed.value or [])


def push(window: MainWindow, session_ids: list[int], *, keep_both: bool = False) -> bool:
    """Push the sessions on the worker; afterwards say what went in and ask about any conflict."""
    from facilitator.archive.jobs import push_sessions

    url, store = window.settings.archive_url, window.store
    return window.runner.run(
        lambda: push_sessions(url, store, session_ids, keep_both=keep_both),
        label=translate("Teamarkiv", "Sender til teamarkivet …"),
        report=failure_box(window),
        on_success=lambda report: _pushed(window, report),
    )


def _pushed(window: MainWindow, report: PushReport) -> None:
    if len(report.pushed) == 1:
        [pushed] = report.pushed
        text = (
            translate("Teamarkiv", "Sendt til teamarkivet ved siden af arkivets udgave: »%1« (revision %2)")
            if pushed.copy
            else translate("Teamarkiv", "Sendt til teamarkivet: »%1« som revision %2")
        )
        window.show_notice(text.replace("%1", pushed.title).replace("%2", str(pushed.revision)))
    elif report.pushed:
        window.show_notice(
            translate("Teamarkiv", "Sendt til teamarkivet: %1 sessioner").replace("%1", str(len(report.pushed)))
        )
    if report.refused:
        ask_keep_both(
            window,
            report.refused,
            pushing=True,
            keep_both=lambda: push(window, [refused.session_id for refused in report.refused], keep_both=True),
        )


def pull(
    window: MainWindow,
    uid: str,
    title: str,
    *,
    keep_both: bool = False,
    parent: QWidget | None = None,
    pulled: Callable[[Pulled], object] | None = None,
) -> bool:
    """Fetch an archived session to this laptop and open it; asks when both copies changed.

    The open session is closed first if it is the one fetched (its rows may be replaced),
    and opened again if the fetch does not go through.
    """
    from facilitator.archive.jobs import Refused, pull_session

    report = failure_box(parent or window)
    if window.runner.refuse_while_busy(report):
        return False
    store, url = window.store, window.settings.archive_url
    page = window.session_page
    reopen: int | None = None
    if page is not None:
        page.flush()
        open_uid = window.operations.run(lambda: store.session_uid(page.session_id)).value_or(None)
        if open_uid == uid:
            reopen = page.session_id
            window.close_session_page()

    def back() -> None:
        if reopen is not None and window.session_page is None:
            window.open_session(reopen)

    def done(result: Pulled | Refused) -> None:
        if isinstance(result, Refused):
            back()
            ask_keep_both(
                parent or window,
                [result],
                pushing=False,
                keep_both=lambda: pull(window, uid, title, keep_both=True, parent=parent, pulled=pulled),
            )
            return
        window.open_session(result.session_id)
        text = (
            translate("Teamarkiv", "Hentet fra teamarkivet ved siden af din udgave: »%1« (revision %2)")
            if result.copy
            else translate("Teamarkiv", "Hentet fra teamarkivet: »%1« (revision %2)")
        )
        window.show_notice(text.replace("%1", result.title).replace("%2", str(result.revision)))
        if pulled is not None:
            pulled(result)

    return window.runner.run(
        lambda: pull_session(url, store, uid, keep_both=keep_both),
        label=translate("Teamarkiv", "Henter »%1« fra teamarkivet …").replace("%1", title),
        report=report,
        on_success=done,
        on_failure=lambda _message: back(),
        parent=parent,
    )


def conflict_text(refused: Refused) -> str:
    """Both sides of one conflict in the window's words: the archive's revision, who, when, and the laptop's."""
    conflict = refused.conflict
    archive_side = translate("Teamarkiv", "Teamarkivet har revision %1, sendt af %2 %3.").replace(
        "%1", str(conflict.revision)
    )
    archive_side = archive_side.replace("%2", conflict.pushed_by)
    archive_side = archive_side.replace("%3", local_time(conflict.pushed_at) if conflict.pushed_at else "")
    if conflict.base:
        laptop_side = translate("Teamarkiv", "Din udgave bygger på revision %1 og er ændret siden.").replace(
            "%1", str(conflict.base)
        )
    else:
        laptop_side = translate("Teamarkiv", "Din udgave er aldrig hentet fra teamarkivet.")
    return f"»{conflict.title or refused.title}«: {archive_side} {laptop_side}"


def ask_keep_both(
    parent: QWidget, refused: list[Refused], *, pushing: bool, keep_both: Callable[[], object]
) -> QMessageBox:
    """Name both sides of each conflict and offer to keep both; `keep_both` runs if the facilitator agrees.

    Shown without blocking (the window stays usable); returned so a caller can find it.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Teamarkiv", "Ændret begge steder"))
    box.setText(
        translate("Teamarkiv", "<b>Sessionen er ændret både i teamarkivet og her. Intet er skrevet.</b>")
        if len(refused) == 1
        else translate(
            "Teamarkiv", "<b>%1 sessioner er ændret både i teamarkivet og her. De er ikke sendt.</b>"
        ).replace("%1", str(len(refused)))
    )
    details = "\n\n".join(conflict_text(item) for item in refused)
    advice = (
        translate("Teamarkiv", "Behold begge gemmer din udgave i teamarkivet som en ny session ved siden af arkivets.")
        if pushing
        else translate("Teamarkiv", "Behold begge henter arkivets udgave som en ny session ved siden af din.")
    )
    box.setInformativeText(f"{details}\n\n{advice}")
    keep = box.addButton(translate("Teamarkiv", "&Behold begge"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.setObjectName("archiveConflict")

    def answered() -> None:
        if box.clickedButton() is keep:
            keep_both()
        box.deleteLater()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


__all__ = [
    "archive_name",
    "ask_keep_both",
    "conflict_text",
    "local_time",
    "pull",
    "push",
    "push_all_sessions",
    "push_open_session",
]
