"""Fil → Eksportér/Importér sessionsfil: a whole session to and from one JSON file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.export.session_file import (
    SUFFIX,
    SessionExists,
    default_file_name,
    read_session_file,
    write_session_file,
)
from facilitator.store import Store
from facilitator.text import UserError
from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY, export_folder

translate = QCoreApplication.translate


def export_session_file(parent: QWidget, store: Store, session_id: int, language: str) -> Path | None:
    """Ask where, then write the session's file; returns the path, or None if cancelled or failed."""
    try:
        title = store.get_session(session_id).title
        suggestion = export_folder(store) / default_file_name(title)
    except UserError as error:
        QMessageBox.warning(parent, translate("SessionFiles", "Sessionsfilen kan ikke gemmes"), error.message(language))
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("SessionFiles", "Eksportér sessionsfil"),
        str(suggestion),
        translate("SessionFiles", "Facilitator-sessionsfil (*.json)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    try:
        written = write_session_file(target, store.export_session(session_id))
    except UserError as error:
        QMessageBox.warning(parent, translate("SessionFiles", "Sessionsfilen kan ikke gemmes"), error.message(language))
        return None
    store.set_state(EXPORT_FOLDER_KEY, str(written.parent))
    return written


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


def import_session_file(
    parent: QWidget, store: Store, language: str, *, ask=ask_on_existing, before_replace=None
) -> int | None:
    """Ask for a file, check it whole, and store it; returns the session id, or None."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("SessionFiles", "Importér sessionsfil"),
        str(export_folder(store)),
        translate("SessionFiles", "Facilitator-sessionsfil (*.json)"),
    )
    if not chosen:
        return None
    try:
        document = read_session_file(chosen)
        try:
            return store.import_session(document)
        except SessionExists as existing:
            choice = ask(parent, existing)
            if choice is None:
                return None
            if choice == "replace" and before_replace is not None:
                before_replace(existing.session_id)
            return store.import_session(document, on_existing=choice)
    except UserError as error:
        QMessageBox.warning(
            parent, translate("SessionFiles", "Sessionsfilen kan ikke indlæses"), error.message(language)
        )
        return None
