"""The team archive's dialogs: *Forbind …*, *Sessioner i arkivet …* and *Handlinger på tværs …*.

Thin: each turns clicks into one of `facilitator.archive.jobs`' calls on the window's
worker (never on the GUI thread: the network may be slow or gone) and shows what comes back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from facilitator.conversation.action_status import status_label
from facilitator.conversation.next_steps import CLOSED_STATUSES, area
from facilitator.ui import labels
from facilitator.ui.archive_commands import archive_name, local_time, pull
from facilitator.ui.next_steps_model import format_date
from facilitator.ui.operations import in_label

if TYPE_CHECKING:
    from facilitator.store.archive import ArchivedAction, ArchivedSession
    from facilitator.ui.main_window import MainWindow


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], stretch: int) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # A long session title must not take the room of what the row is about.
    for column in range(table.columnCount()):
        if column != stretch and table.columnWidth(column) > 260:
            table.setColumnWidth(column, 260)


class _ArchiveDialog(QDialog):
    """What the archive's dialogs share: the window's worker, and a label for its refusals."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.error = labels.error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = in_label(self.error)
        window.runner.busy_changed.connect(self._busy)

    @property
    def window_(self) -> MainWindow:
        """The main window (asked of Qt: a reference kept here would hold a closed window)."""
        return self.parent()

    def _busy(self, busy: bool) -> None:
        """Nothing that starts more work while the worker is busy."""

    def run(self, work, label: str, on_success) -> bool:
        """Run `work` on the window's worker; a refusal is said in the dialog."""
        return self.window_.runner.run(work, label=label, report=self.report, on_success=on_success, parent=self)

    def done(self, result: int) -> None:
        self.window_.runner.busy_changed.disconnect(self._busy)
        super().done(result)


class ConnectDialog(_ArchiveDialog):
    """The archive's address, where its password lives, TLS, and a test before it is kept."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Forbind til teamarkivet"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(self.tr("Teamarkivet på holdets PostgreSQL-server")))
        form = QFormLayout()
        self.url = QLineEdit(window.settings.archive_url)
        self.url.setPlaceholderText("postgresql://facilitator@arkiv.example.org/partnerskaber")
        self.url.setAccessibleName(self.tr("Adresse"))
        form.addRow(self.tr("&Adresse:"), self.url)
        layout.addLayout(form)
        layout.addWidget(
            labels.hint(
                self.tr(
                    "Skriv ikke adgangskoden her: Facilitator gemmer den aldrig. PostgreSQL henter den selv "
                    "fra din adgangskodefil (~/.pgpass, på Windows %APPDATA%\\postgresql\\pgpass.conf) eller "
                    "fra en servicefil (adressen postgresql:///?service=teamarkiv). Se README."
                )
            )
        )
        self.no_tls = QCheckBox(self.tr("Tillad forbindelse &uden TLS til en anden maskine"))
        self.no_tls.setChecked(window.settings.archive_plaintext)
        layout.addWidget(self.no_tls)
        layout.addWidget(
            labels.hint(
                self.tr(
                    "TLS kræves til enhver anden maskine end denne. Sæt kun kryds, hvis netværket er sikret "
                    "på anden vis: så sendes sessionerne ukrypteret."
                )
            )
        )
        self.result = labels.hint()
        self.result.setObjectName("archiveResult")
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.test_button = buttons.addButton(self.tr("&Prøv forbindelsen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = buttons.addButton(self.tr("&Forbind"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button.setDefault(True)
        self.test_button.clicked.connect(lambda: self.try_connection(keep=False))
        self.connect_button.clicked.connect(lambda: self.try_connection(keep=True))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.connect_button):
            button.setEnabled(not busy)

    def try_connection(self, *, keep: bool) -> bool:
        """Test the address on the worker (as `archive connect` does); with `keep`, remember it and close."""
        from facilitator.archive.jobs import try_address

        url, plaintext = self.url.text(), self.no_tls.isChecked()
        self.result.clear()
        return self.run(
            lambda: try_address(url, plaintext=plaintext),
            self.tr("Prøver forbindelsen til teamarkivet …"),
            lambda found: self._tried(found, plaintext, keep=keep),
        )

    def _tried(self, found: tuple[str, int], plaintext: bool, *, keep: bool) -> None:
        url, count = found
        self.result.setText(
            self.tr("Forbindelsen virker: %1 har %2 sessioner.")
            .replace("%1", archive_name(url))
            .replace("%2", str(count))
        )
        if not keep:
            return
        window = self.window_
        window.change_settings(window.settings.changed(archive_url=url, archive_plaintext=plaintext))
        window.menus.archive.refresh()
        window.show_notice(
            self.tr("Forbundet til teamarkivet %1. Adressen er gemt uden adgangskode.").replace("%1", archive_name(url))
        )
        self.accept()


class ArchiveSessionsDialog(_ArchiveDialog):
    """Every session in the archive (title, partnership, who pushed it, when); *Hent* pulls the chosen one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.sessions: list[ArchivedSession] = []
        self.setWindowTitle(self.tr("Sessioner i teamarkivet"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(archive_name(window.settings.archive_url)))
        filters = QHBoxLayout()
        self.partnership = QLineEdit()
        self.partnership.setPlaceholderText(self.tr("alle"))
        self.partnership.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Partnerskab:"))
        label.setBuddy(self.partnership)
        self.show_button = QPushButton(self.tr("&Vis"))
        filters.addWidget(label)
        filters.addWidget(self.partnership, 1)
        filters.addWidget(self.show_button)
        layout.addLayout(filters)
        self.table = _table(
            [
                self.tr("Titel"),
                self.tr("Dato"),
                self.tr("Partnerskab"),
                self.tr("Sendt af"),
                self.tr("Sendt"),
                self.tr("Revision"),
            ],
            self.tr("Sessioner i teamarkivet"),
        )
        layout.addWidget(self.table, 1)
        self.count = labels.hint()
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pull_button = buttons.addButton(self.tr("&Hent"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pull_button.setEnabled(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_button.clicked.connect(self.reload)
        self.partnership.returnPressed.connect(self.reload)
        self.table.itemSelectionChanged.connect(lambda: self._busy(window.runner.busy))
        self.table.itemDoubleClicked.connect(lambda _item: self.pull_chosen())
        self.pull_button.clicked.connect(self.pull_chosen)

    def _busy(self, busy: bool) -> None:
        self.pull_button.setEnabled(not busy and self.chosen() is not None)
        self.show_button.setEnabled(not busy)

    def reload(self) -> bool:
        """Read the list from the archive, as the partnership filter says."""
        from facilitator.archive.jobs import archived_sessions

        url, wanted = self.window_.settings.archive_url, self.partnership.text().strip()
        self.count.setText(self.tr("Henter listen …"))
        return self.run(
            lambda: archived_sessions(url, wanted), self.tr("Henter listen fra teamarkivet …"), self.show_sessions
        )

    def show_sessions(self, sessions: list[ArchivedSession]) -> None:
        """Show what the archive holds, last pushed first."""
        self.sessions = sessions
        _fill(
            self.table,
            [
                [
                    entry.title,
                    format_date(entry.date),
                    entry.partnership,
                    entry.pushed_by,
                    local_time(entry.pushed_at),
                    str(entry.revision),
                ]
                for entry in sessions
            ],
            stretch=0,
        )
        self.count.setText(
            labels.numbered(len(sessions), self.tr("%n session i teamarkivet"), self.tr("%n sessioner i teamarkivet"))
        )
        self._busy(self.window_.runner.busy)

    def chosen(self) -> ArchivedSession | None:
        """The session selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.sessions[rows[0].row()] if rows else None

    def pull_chosen(self) -> bool:
        """*Hent*: bring the chosen session to this laptop and open it; the dialog closes when it is here."""
        entry = self.chosen()
        if entry is None:
            return False
        return pull(self.window_, entry.uid, entry.title, parent=self, pulled=lambda _pulled: self.accept())


class ArchiveActionsDialog(_ArchiveDialog):
    """The secretariat's view: every action of every partnership in the archive, filtered, as CSV."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.actions: list[ArchivedAction] = []
        self.today = window.now().astimezone().date()
        self.setWindowTitle(self.tr("Handlinger på tværs af partnerskaber"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(archive_name(window.settings.archive_url)))
        layout.addWidget(
            labels.hint(
                self.tr(
                    "Alle partnerskabers handlinger i teamarkivet. En handling, der er ført videre til et "
                    "opfølgningsmøde, står én gang, som det seneste møde efterlod den. Overskredet pr. %1."
                ).replace("%1", format_date(self.today))
            )
        )
        filters = QHBoxLayout()
        self.overdue = QCheckBox(self.tr("Kun &overskredne"))
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(self.tr("alle"))
        self.partner.setClearButtonEnabled(True)
        partner_label = QLabel(self.tr("&Partner:"))
        partner_label.setBuddy(self.partner)
        self.show_button = QPushButton(self.tr("&Vis"))
        filters.addWidget(self.overdue)
        filters.addSpacing(12)
        filters.addWidget(partner_label)
        filters.addWidget(self.partner, 1)
        filters.addWidget(self.show_button)
        layout.addLayout(filters)
        self.table = _table(
            [
                self.tr("Frist"),
                self.tr("Status"),
                self.tr("Session"),
                self.tr("Område"),
                self.tr("Hvad"),
                self.tr("Ansvarlig"),
            ],
            self.tr("Handlinger på tværs af partnerskaber"),
        )
        layout.addWidget(self.table, 1)
        self.count = labels.hint()
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.csv_button = buttons.addButton(self.tr("Eksportér &CSV …"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.overdue.toggled.connect(lambda _checked: self.reload())
        self.show_button.clicked.connect(self.reload)
        self.partner.returnPressed.connect(self.reload)
        self.csv_button.clicked.connect(self.ask_and_export)

    def _busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy)
        self.csv_button.setEnabled(not busy and bool(self.actions))

    def reload(self) -> bool:
        """Ask the archive (a query on the server) for the actions the filters keep."""
        from facilitator.archive.jobs import archived_actions

        url, overdue, partner, today = (
            self.window_.settings.archive_url,
            self.overdue.isChecked(),
            self.partner.text().strip(),
            self.today,
        )
        self.count.setText(self.tr("Henter handlingerne …"))
        return self.run(
            lambda: archived_actions(url, overdue=overdue, partner=partner, today=today),
            self.tr("Henter handlingerne fra teamarkivet …"),
            self.show_actions,
        )

    def show_actions(self, actions: list[ArchivedAction]) -> None:
        """Show the actions, soonest due first."""
        self.actions = actions
        language = self.window_.language
        rows = []
        for action in actions:
            try:
                area_title = area(action.area).title.get(language)
            except KeyError:
                area_title = action.area
            overdue = action.due is not None and action.due < self.today and action.status not in CLOSED_STATUSES
            due = format_date(action.due) + (" ⚠" if overdue else "")
            people = (action.owner, action.owner_person if action.owner_person != action.owner else "")
            owner = " · ".join(part for part in people if part)
            rows.append(
                [due, status_label(action.status, language), action.session_title, area_title, action.what, owner]
            )
        _fill(self.table, rows, stretch=4)
        self.table.resizeRowsToContents()
        self.count.setText(labels.numbered(len(actions), self.tr("%n handling"), self.tr("%n handlinger")))
        self._busy(self.window_.runner.busy)

    def ask_and_export(self) -> bool:
        """Ask where, then write the view as it is shown as CSV (for Excel)."""
        name = f"{self.tr('handlinger')}-{dt.date.today().isoformat()}.csv"
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Gem som"), str(Path.home() / name), "*.csv")
        if not chosen:
            return False
        target = Path(chosen)
        return self.export_to(target if target.suffix.lower() == ".csv" else target.with_name(target.name + ".csv"))

    def export_to(self, target: Path) -> bool:
        """Write the shown actions to `target` on the worker; nothing is asked of the archive again."""
        from facilitator.archive.sync import write_actions_csv

        actions, language = list(self.actions), self.window_.language
        return self.run(
            lambda: write_actions_csv(target, actions, language),
            self.tr("Gemmer handlingerne som CSV …"),
            lambda written: self.count.setText(self.tr("Gemt: %1").replace("%1", str(written))),
        )


def connect_archive(window: MainWindow) -> ConnectDialog:
    """Fil → Teamarkiv → Forbind …: the address, the password's place, TLS, and a test."""
    dialog = ConnectDialog(window)
    dialog.open()
    return dialog


def show_archived_sessions(window: MainWindow) -> ArchiveSessionsDialog | None:
    """Fil → Teamarkiv → Sessioner i arkivet …: the list, filtered by partnership; *Hent* pulls one."""
    if not window.settings.archive_url:
        return None
    dialog = ArchiveSessionsDialog(window)
    _open(dialog)
    return dialog


def show_archived_actions(window: MainWindow) -> ArchiveActionsDialog | None:
    """Fil → Teamarkiv → Handlinger på tværs …: the secretariat's view, filtered and exported."""
    if not window.settings.archive_url:
        return None
    dialog = ArchiveActionsDialog(window)
    _open(dialog)
    return dialog


def _open(dialog: ArchiveSessionsDialog | ArchiveActionsDialog) -> None:
    dialog.open()
    dialog.reload()


__all__ = [
    "ArchiveActionsDialog",
    "ArchiveSessionsDialog",
    "ConnectDialog",
    "connect_archive",
    "show_archived_actions",
    "show_archived_sessions",
]
