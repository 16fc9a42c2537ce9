"""Dialogs that guard the data: restore a backup, delete a session, recover a damaged database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.store.backup import Backup, BackupContents, Backups, read_contents
from facilitator.ui import labels

translate = QCoreApplication.translate


def local_time(moment: dt.datetime, today: dt.date | None = None) -> str:
    """A backup's time as the facilitator reads it: 'i dag 14:32' or '24-11-2026 09:05'."""
    local = moment.astimezone()
    today = today or dt.date.today()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return translate("DataDialogs", "i dag %1").replace("%1", clock)
    if local.date() == today - dt.timedelta(days=1):
        return translate("DataDialogs", "i går %1").replace("%1", clock)
    return local.strftime("%d-%m-%Y %H:%M")


def describe_contents(contents: BackupContents) -> str:
    """One line about what a backup holds."""
    if not contents.readable:
        return translate("DataDialogs", "kan ikke læses")
    if not contents.sessions:
        return translate("DataDialogs", "ingen sessioner")
    titles = ", ".join(session.title for session in contents.sessions[:3])
    more = len(contents.sessions) - 3
    if more > 0:
        titles += translate("DataDialogs", " og %1 til").replace("%1", str(more))
    # Two plain strings rather than a %n plural: lupdate misses the plural form of
    # QCoreApplication.translate when the count is a variable.
    count = len(contents.sessions)
    return (
        labels.numbered(count, translate("DataDialogs", "%n session: "), translate("DataDialogs", "%n sessioner: "))
        + titles
    )


def session_details(contents: BackupContents) -> str:
    """A line per session in a backup: partners, elements and actions."""
    lines = []
    for session in contents.sessions:
        counts = translate("DataDialogs", "%1 partnere · %2 elementer · %3 handlinger")
        counts = (
            counts.replace("%1", str(session.partners))
            .replace("%2", str(session.elements))
            .replace("%3", str(session.actions))
        )
        date = f" ({session.date.strftime('%d-%m-%Y')})" if session.date else ""
        lines.append(f"• {session.title}{date}: {counts}")
    return "\n".join(lines)


class RestoreDialog(QDialog):
    """Lists the backups, newest first, with when and why each was made and what it holds."""

    def __init__(
        self, backups: Backups, language: str = "da", parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.language = language
        #: "i dag" and "i går" on the app's clock (the window's), not the computer's calendar.
        self.today = today
        self.setWindowTitle(self.tr("Gendan fra sikkerhedskopi"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        intro = labels.hint(
            self.tr(
                "Appen gemmer en sikkerhedskopi af hele databasen, når en session åbnes, hvert 10. minut "
                "mens der skrives, og før hver opdatering. Vælg den, du vil tilbage til. Det, der er nu, "
                "gemmes først som en ny sikkerhedskopi, så en gendannelse kan gøres om."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backup_list = QTreeWidget()
        self.backup_list.setObjectName("backupList")
        self.backup_list.setAccessibleName(self.tr("Sikkerhedskopier"))
        self.backup_list.setHeaderLabels([self.tr("Tidspunkt"), self.tr("Anledning"), self.tr("Indhold")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setAllColumnsShowFocus(True)
        layout.addWidget(self.backup_list, 1)
        self.details = QLabel()
        self.details.setObjectName("backupDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.empty_hint = labels.hint(self.tr("Der er ingen sikkerhedskopier endnu."))
        layout.addWidget(self.empty_hint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Gendan"))
        self.restore_button.setObjectName("primary")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._contents: dict[str, BackupContents] = {}
        for backup in backups.list():
            contents = read_contents(backup.path)
            self._contents[str(backup.path)] = contents
            item = QTreeWidgetItem(
                [local_time(backup.made_at, today), backup.reason_text.get(language), describe_contents(contents)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, backup)
            if not contents.readable:
                item.setDisabled(True)
            self.backup_list.addTopLevelItem(item)
        for column in (0, 1):
            self.backup_list.resizeColumnToContents(column)
        self.backup_list.currentItemChanged.connect(self._show_details)
        self.backup_list.itemActivated.connect(lambda _item, _column: self.accept())
        has_backups = self.backup_list.topLevelItemCount() > 0
        self.empty_hint.setVisible(not has_backups)
        self.backup_list.setVisible(has_backups)
        if has_backups:
            self.backup_list.setCurrentItem(self.backup_list.topLevelItem(0))
            self.backup_list.setFocus()
        self._show_details()

    @property
    def chosen(self) -> Backup | None:
        """The backup the facilitator picked, if it can be read."""
        item = self.backup_list.currentItem()
        if item is None or item.isDisabled():
            return None
        return item.data(0, Qt.ItemDataRole.UserRole)

    def _show_details(self, *_args) -> None:
        backup = self.chosen
        self.restore_button.setEnabled(backup is not None)
        if backup is None:
            self.details.setText("")
            return
        contents = self._contents[str(backup.path)]
        self.details.setText(session_details(contents) or describe_contents(contents))


class DeleteSessionDialog(QDialog):
    """Confirms deleting a session and offers to purge it from the older backups too."""

    def __init__(self, title: str, backups_holding: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slet session"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "<b>Slet »%1«?</b><br>Alt fra sessionen fjernes fra databasen: partnere, cirkler, tavler, "
                "fælles tekster, handlinger, tider og noter. Det kan ikke fortrydes."
            ).replace("%1", title.replace("<", "&lt;"))
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.purge_box = QCheckBox(self.tr("Fjern den også fra de ældre sikkerhedskopier"))
        self.purge_box.setObjectName("purgeBackups")
        if backups_holding:
            note = labels.hint(
                self.tr(
                    "%n ældre sikkerhedskopi(er) indeholder stadig sessionen. De slettes af sig selv efter "
                    "højst 30 dage; indtil da kan sessionen gendannes fra dem.",
                    "",
                    backups_holding,
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addWidget(self.purge_box)
        else:
            self.purge_box.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(self.tr("&Slet session"))
        self.delete_button.setObjectName("danger")
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Deleting is never the default: Enter in this dialog cancels.
        self.delete_button.setAutoDefault(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()

    @property
    def purge(self) -> bool:
        return self.purge_box.isVisibleTo(self) and self.purge_box.isChecked()

    def deleted_notice(self, title: str, purged: int) -> str:
        """What the status bar says once the session is gone (and from how many backups)."""
        message = self.tr("»%1« er slettet.").replace("%1", title)
        if purged:
            message += " " + self.tr("Også fjernet fra %n sikkerhedskopi(er).", "", purged)
        return message


class RecoveryDialog(QMessageBox):
    """At start: the database is damaged. Restore the newest good backup, start empty, or quit."""

    RESTORE, EMPTY, QUIT = "restore", "empty", "quit"

    def __init__(self, detail: str, newest: Backup | None, contents: BackupContents | None, parent=None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Databasen er beskadiget"))
        self.setText(
            self.tr(
                "<b>Databasen kan ikke læses.</b><br>Filen er beskadiget, måske efter et strømsvigt eller en "
                "fuld disk. Appen har ikke ændret den."
            )
        )
        if newest is not None:
            holds = session_details(contents) if contents is not None else ""
            informative = self.tr(
                "Den nyeste gode sikkerhedskopi er fra %1.\n%2\n\nVed gendannelse eller tom start lægges den "
                "beskadigede fil til side i datamappen, så intet slettes."
            )
            informative = informative.replace("%1", local_time(newest.made_at)).replace("%2", holds)
        else:
            informative = self.tr(
                "Der er ingen brugbar sikkerhedskopi. Ved tom start lægges den beskadigede fil til side i "
                "datamappen, så intet slettes."
            )
        self.setInformativeText(informative)
        self.setDetailedText(detail)
        self.choice = self.QUIT
        self._buttons = {}
        if newest is not None:
            self._buttons[self.RESTORE] = self.addButton(
                self.tr("&Gendan sikkerhedskopien"), QMessageBox.ButtonRole.AcceptRole
            )
        self._buttons[self.EMPTY] = self.addButton(
            self.tr("&Start med en tom database"), QMessageBox.ButtonRole.DestructiveRole
        )
        self._buttons[self.QUIT] = self.addButton(self.tr("&Afslut"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self._buttons.get(self.RESTORE, self._buttons[self.QUIT]))
        self.setEscapeButton(self._buttons[self.QUIT])
        self.buttonClicked.connect(self._remember)

    def _remember(self, button) -> None:
        for choice, candidate in self._buttons.items():
            if candidate is button:
                self.choice = choice

    def button_for(self, choice: str):
        """The button for `choice` (for tests and keyboard users alike)."""
        return self._buttons.get(choice)
