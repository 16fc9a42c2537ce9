"""Fil → Handlingslog: every action of the partnership across its meetings, filtered and exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation.action_status import (
    LIGHT_COLOURS,
    OVERDUE,
    is_overdue,
    light_label,
    status_label,
)
from facilitator.conversation.next_steps import STATUSES
from facilitator.store import ActionLogEntry, PartnershipData
from facilitator.ui import labels
from facilitator.ui.next_steps_model import format_date
from facilitator.ui.operations import BackgroundRunner, Operations, in_label, message_box

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.main_window import MainWindow

_LIGHT_TEXT = {"green": "#FFFFFF", "yellow": "#1A1A1A", "red": "#FFFFFF"}


class ActionLogDialog(QDialog):
    """The partnership's action log with filters by partner, status and overdue."""

    def __init__(
        self,
        store: Store,
        session_id: int,
        language: str,
        runner: BackgroundRunner | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.language = language
        self.runner = runner
        self.entries: list[ActionLogEntry] = []
        self.setWindowTitle(self.tr("Handlingslog"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.error = labels.error_label()
        self.operations = Operations(language, in_label(self.error))
        self.partnership: PartnershipData | None = self.operations.run(
            lambda: store.partnership_of(session_id)
        ).value_or(None)
        session = self.operations.run(lambda: store.get_session(session_id)).value
        self.today = (session.date if session is not None else None) or today or dt.date.today()

        heading = self.partnership.name if self.partnership else self.tr("Ingen partnerskab")
        layout.addWidget(labels.heading(heading))
        self.intro = labels.hint(
            self.tr("Alle aftaler fra partnerskabets møder, som de står nu. Overskredet pr. %1.").replace(
                "%1", format_date(self.today)
            )
            if self.partnership
            else self.tr("Sessionen hører ikke til et partnerskab endnu: det begynder med den første opfølgning.")
        )
        layout.addWidget(self.intro)

        filters = QHBoxLayout()
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName(self.tr("Partner"))
        self.partner_box.addItem(self.tr("Alle partnere"), None)
        for partner in self.operations.run(lambda: store.partners(session_id)).value_or([]):
            self.partner_box.addItem(partner.organisation or partner.name, partner.id)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Status"))
        self.status_box.addItem(self.tr("Alle statusser"), None)
        for status, text in STATUSES.items():
            self.status_box.addItem(text.get(language), status)
        self.overdue_box = QCheckBox(self.tr("Kun &overskredne"))
        partner_label = QLabel(self.tr("&Partner:"))
        partner_label.setBuddy(self.partner_box)
        status_label_widget = QLabel(self.tr("&Status:"))
        status_label_widget.setBuddy(self.status_box)
        filters.addWidget(partner_label)
        filters.addWidget(self.partner_box)
        filters.addSpacing(12)
        filters.addWidget(status_label_widget)
        filters.addWidget(self.status_box)
        filters.addSpacing(12)
        filters.addWidget(self.overdue_box)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Handlingslog"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Aftale"),
                self.tr("Ansvarlig"),
                self.tr("Frist"),
                self.tr("Status"),
                self.tr("Lys"),
                self.tr("Kommentar"),
                self.tr("Møde"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count_label = labels.hint()
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Eksportér &CSV …"))
        self.ics_button = QPushButton(self.tr("Eksportér &kalender (ICS) …"))
        for button in (self.csv_button, self.ics_button):
            button.setEnabled(self.partnership is not None)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        for box in (self.partner_box, self.status_box):
            box.currentIndexChanged.connect(lambda _index: self.reload())
        self.overdue_box.toggled.connect(lambda _checked: self.reload())
        self.csv_button.clicked.connect(lambda: self.ask_and_export("csv"))
        self.ics_button.clicked.connect(lambda: self.ask_and_export("ics"))
        for widget in (self.partner_box, self.status_box, self.overdue_box):
            widget.setEnabled(self.partnership is not None)
        self.reload()

    def filters(self) -> dict[str, object]:
        """The store's filter arguments as the boxes are set."""
        return {
            "partner_id": self.partner_box.currentData(),
            "status": self.status_box.currentData(),
            "overdue_on": self.today if self.overdue_box.isChecked() else None,
        }

    def reload(self) -> None:
        """Read the log again with the chosen filters."""
        partnership = self.partnership
        if partnership is None:
            self.entries = []
        else:
            filters = self.filters()
            self.entries = self.operations.run(lambda: self.store.action_log(partnership.id, **filters)).value_or([])
        self._fill()

    def _fill(self) -> None:
        language = self.language
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            action = entry.action
            overdue = is_overdue(action, self.today)
            due = format_date(action.due) + (f"\n⚠ {OVERDUE.get(language)}" if overdue else "")
            meeting = " · ".join(part for part in (entry.session_title, format_date(entry.session_date)) if part)
            light = light_label(action.light, language)
            cells = [
                action.what,
                entry.owner,
                due,
                status_label(action.status, language),
                f"● {light}" if action.light else light,
                action.status_comment,
                meeting,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and overdue:
                    item.setForeground(QBrush(QColor("#B3261E")))
                if column == 4 and action.light:
                    item.setBackground(QBrush(QColor(LIGHT_COLOURS[action.light])))
                    item.setForeground(QBrush(QColor(_LIGHT_TEXT[action.light])))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.count_label.setText(self.tr("%n aftaler", "", len(self.entries)))

    # Export ---------------------------------------------------------------------------

    def ask_and_export(self, kind: str) -> None:
        """Ask where, then write the log as CSV or ICS on the window's worker."""
        suffix = "." + kind
        name = f"{self.partnership.name if self.partnership else 'handlingslog'} – {self.tr('handlingslog')}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Gem som"), str(Path.home() / name), f"*{suffix}")
        if path:
            target = Path(path)
            self.export_to(kind, target if target.suffix.lower() == suffix else target.with_name(target.name + suffix))

    def export_to(self, kind: str, target: Path) -> None:
        """Write the filtered log to `target`: read and written on the worker, like the other exports."""
        if self.runner is None or self.partnership is None:
            return
        if self.runner.refuse_while_busy(self.operations.report):
            return
        label = self.tr("Gemmer handlingsloggen …")
        self.runner.run(
            _writer(self.store, self.partnership, self.filters(), kind, target, self.language, self.today),
            label=label,
            report=message_box(self, self.tr("Eksporten lykkedes ikke")),
            on_success=lambda written: self.count_label.setText(self.tr("Gemt: %1").replace("%1", str(written))),
            parent=self,
        )


def _writer(
    store: Store,
    partnership: PartnershipData,
    filters: dict[str, object],
    kind: str,
    target: Path,
    language: str,
    today: dt.date,
) -> Callable[[], Path]:
    """The export as work for the worker: it reads the log itself and gets only plain values."""

    def write() -> Path:
        from facilitator.export import action_log_csv, action_log_ics, write_file

        entries = store.action_log(partnership.id, **filters)
        if kind == "csv":
            data = action_log_csv(entries, today, language)
        else:
            data = action_log_ics(entries, partnership.name, language)
        write_file(target, data)
        return target

    return write


def show_action_log(window: MainWindow) -> None:
    """Fil → Handlingslog for the open session's partnership."""
    page = window.session_page
    if page is None:
        return
    page.flush()
    ActionLogDialog(window.store, page.session_id, window.language, window.runner, window, today=window.today()).exec()


__all__ = ["ActionLogDialog", "show_action_log"]
