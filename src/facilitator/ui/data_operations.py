"""The database as a whole: Fil → Gendan fra sikkerhedskopi, and deleting a session for good.

Both close the open session first when it is affected, and end on a screen that shows what
is stored now. Their dialogs are built on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from facilitator.ui.operations import message_box

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

translate = QCoreApplication.translate


def restore_from_backup(window: MainWindow) -> None:
    """Pick a backup and put the whole database back to it; the open session reopens if it is still there."""
    from facilitator.ui.data_dialogs import RestoreDialog, local_time

    title = translate("DataOperations", "Sikkerhedskopien kan ikke gendannes")
    # An import on the worker thread writes to this very database.
    if window.runner.refuse_while_busy(message_box(window, title)):
        return
    window.flush()
    dialog = RestoreDialog(window.store.backups, window.language, window, today=window.today())
    if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    backup = dialog.chosen
    reopen = window.session_page.session_id if window.session_page is not None else None
    window.close_session_page()
    restored = window.operations.run(
        lambda: window.store.restore(backup, window.now()),
        report=message_box(window, title),
    )
    if restored.ok:
        window.show_notice(
            translate("DataOperations", "Databasen er gendannet fra sikkerhedskopien fra %1.").replace(
                "%1", local_time(backup.made_at, window.today())
            )
        )
    window.refresh_start_page()
    if reopen in {summary.id for summary in window.store.list_sessions()}:
        window.open_session(reopen)
    else:
        window.show_start_page()


def delete_session(window: MainWindow, session_id: int) -> None:
    """Ask, then delete the session for good (and from the backups if the facilitator says so)."""
    from facilitator.ui.data_dialogs import DeleteSessionDialog

    store = window.store
    if window.runner.refuse_while_busy(
        message_box(window, translate("DataOperations", "Sessionen kan ikke slettes nu"))
    ):
        return

    def describe() -> tuple[str, str, int]:
        uid = store.session_uid(session_id)
        return store.get_session(session_id).title, uid, len(store.backups.holding_session(session_id, uid))

    found = window.operations.run(describe)
    if found.failed:
        return
    title, uid, holding = found.value
    dialog = DeleteSessionDialog(title, holding, window)
    if dialog.exec() != DeleteSessionDialog.DialogCode.Accepted:
        return
    if window.session_page is not None and window.session_page.session_id == session_id:
        window.close_session_page()

    def delete() -> int:
        store.delete_session(session_id)
        return store.backups.purge_session(session_id, uid) if dialog.purge else 0

    deleted = window.operations.run(delete)
    if deleted.ok:
        window.show_notice(dialog.deleted_notice(title, deleted.value))
    window.show_start_page()


__all__ = ["delete_session", "restore_from_backup"]
