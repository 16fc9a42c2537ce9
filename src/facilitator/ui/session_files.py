"""Fil → Eksportér/Importér sessionsfil: a whole session to and from one JSON file.

Both are explicit commands, so a failure is said in a message box with a title. The
session-file format is imported on first use, never at start.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.text import UserError
from facilitator.ui.operations import message_box

if TYPE_CHECKING:
    from facilitator.export.session_file import SessionExists
    from facilitator.ui.main_window import MainWindow

translate = QCoreApplication.translate


def export_session_file(window: MainWindow) -> Path | None:
    """Ask where, then write the open session's file; returns the path, or None if cancelled or failed."""
    from facilitator.export.session_file import SUFFIX, default_file_name, write_session_file
    from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY, export_folder

    page = window.session_page
    if page is None:
        return None
    page.flush()
    store, session_id = window.store, page.session_id
    report = message_box(window, translate("SessionFiles", "Sessionsfilen kan ikke gemmes"))
    suggestion = window.operations.run(
        lambda: export_folder(store) / default_file_name(store.get_session(session_id).title), report=report
    )
    if suggestion.failed:
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        translate("SessionFiles", "Eksportér sessionsfil"),
        str(suggestion.value),
        translate("SessionFiles", "Facilitator-sessionsfil (*.json)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    written = window.operations.run(lambda: write_session_file(target, store.export_session(session_id)), report=report)
    if written.failed:
        return None
    with contextlib.suppress(UserError):  # only a convenience for next time
        store.set_state(EXPORT_FOLDER_KEY, str(written.value.parent))
    window.show_notice(translate("SessionFiles", "Gemt: %1").replace("%1", str(written.value)))
    return written.value


def ask_on_existing(parent: QWidget, existing: SessionExists) -> str | None:
    """'replace', 'keep-both' or None (cancel), asked when the file's session is already here."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("SessionFiles", "Sessionen findes allerede"))
    box.setText(
        translate("SessionFiles", "<b>»%1« findes allerede her.</b>").replace("%1", existing.title.replace("<", "&lt;"))
    )
    box.setInformativeText(
        translate(
            "SessionFiles",
            "Behold begge, så filens udgave bliver en ny session ved siden af, eller erstat den, der er her, "
            "med filens udgave. Før en erstatning gemmes en sikkerhedskopi.",
        )
    )
    keep = box.addButton(translate("SessionFiles", "&Behold begge"), QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(translate("SessionFiles", "&Erstat"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return "keep-both"
    if clicked is replace:
        return "replace"
    return None


def import_session_file(window: MainWindow) -> None:
    """Ask for a file; it is read, checked and stored off the GUI thread, then opened."""
    from facilitator.ui.export_dialog import export_folder

    window.flush()
    chosen, _filter = QFileDialog.getOpenFileName(
        window,
        translate("SessionFiles", "Importér sessionsfil"),
        str(export_folder(window.store)),
        translate("SessionFiles", "Facilitator-sessionsfil (*.json)"),
    )
    if chosen:
        _import(window, Path(chosen), "ask")
    elif window.session_page is None:
        window.show_start_page()


def _import(window: MainWindow, path: Path, on_existing: str) -> None:
    """Read, check and store the file in the background; a session that is here already is kept or replaced as asked.

    A file of 2,000 post-its takes over a second to store, so the window stays responsive and
    shows that it works. Before a replacement the session is closed if it is open; the store
    makes the backup.
    """
    from facilitator.export.session_file import SessionExists, read_session_file

    # Looked up here, on the GUI thread: a store still loading after start-up opens now.
    import_session = window.store.import_session
    # The store backs up before it replaces (the same for the command line); the window's
    # clock names the backup, as every other backup the window makes.
    now = window.now()

    def read_and_store() -> int | SessionExists:
        # On the worker thread: the file and the store only, never a widget.
        document = read_session_file(path)
        try:
            return import_session(document, on_existing=on_existing, now=now)
        except SessionExists as existing:
            return existing  # the facilitator chooses, on the GUI thread

    def stored(result: int | SessionExists) -> None:
        if isinstance(result, SessionExists):
            choice = ask_on_existing(window, result)
            if choice is None:
                failed()
                return
            page = window.session_page
            if choice == "replace" and page is not None and page.session_id == result.session_id:
                window.close_session_page()
            _import(window, path, choice)
            return
        window.open_session(result)
        window.show_notice(
            translate("SessionFiles", "Sessionsfilen er indlæst: %1").replace(
                "%1", window.store.get_session(result).title
            )
        )

    def failed(_message: str = "") -> None:
        if window.session_page is None:
            window.show_start_page()

    window.runner.run(
        read_and_store,
        label=translate("SessionFiles", "Indlæser sessionsfilen …"),
        report=message_box(window, translate("SessionFiles", "Sessionsfilen kan ikke indlæses")),
        on_success=stored,
        on_failure=failed,
    )


__all__ = ["ask_on_existing", "export_session_file", "import_session_file"]
