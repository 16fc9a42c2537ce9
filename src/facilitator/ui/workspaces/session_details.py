"""The session's own details: title, date, venue, facilitator and start time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QTimeEdit, QWidget

from facilitator.program import Step
from facilitator.ui import labels
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.context import SessionContext
from facilitator.ui.operations import in_label
from facilitator.ui.workspaces.base import Workspace


class SessionDetailsWorkspace(Workspace):
    """Edits the session's details; every change is saved as it happens."""

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        layout = self.start_layout(
            self.tr("Sessionens rammer"),
            self.tr(
                "Ramm sessionen ind: hvad er formålet, hvad er ikke formålet, hvordan dokumenteres "
                "der undervejs, og hvilken rolle har du som facilitator?"
            ),
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Titel"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Dato"))
        self.venue_edit = QLineEdit()
        self.venue_edit.setAccessibleName(self.tr("Sted"))
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setAccessibleName(self.tr("Facilitator"))
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName(self.tr("Starttidspunkt"))
        form.addRow(self.tr("&Titel"), self.title_edit)
        form.addRow(self.tr("&Dato"), self.date_edit)
        form.addRow(self.tr("&Sted"), self.venue_edit)
        form.addRow(self.tr("&Facilitator"), self.facilitator_edit)
        form.addRow(self.tr("St&arttidspunkt"), self.start_edit)
        layout.addLayout(form)

        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        self.operations = context.operations(report=in_label(self.error_label))

        program = context.program
        about = labels.hint()
        about.setTextFormat(Qt.TextFormat.PlainText)
        lines = [program.title.get(context.language)]
        if program.purpose:
            lines.append(self.tr("Formål: %1").replace("%1", program.purpose.get(context.language)))
        if program.materials:
            lines.append(self.tr("Materialer: %1").replace("%1", program.materials.get(context.language)))
        about.setText("\n".join(lines))
        layout.addSpacing(12)
        layout.addWidget(about)
        layout.addStretch(1)

        self._save_text = DebouncedSave(self._save_texts, self)
        for edit in (self.title_edit, self.venue_edit, self.facilitator_edit):
            edit.textEdited.connect(self._save_text.schedule)
            edit.editingFinished.connect(self._save_text.flush)
        self.date_edit.dateChanged.connect(self._save_date)
        self.start_edit.timeChanged.connect(self._save_start)
        self._load()

    def _load(self) -> None:
        data = self.context.store.get_session(self.context.session_id)
        self._loading = True
        self.title_edit.setText(data.title)
        self.venue_edit.setText(data.venue)
        self.facilitator_edit.setText(data.facilitator)
        date = data.date or self.context.today()
        self.date_edit.setDate(QDate(date.year, date.month, date.day))
        hours, minutes = (int(part) for part in data.start_time.split(":"))
        self.start_edit.setTime(QTime(hours, minutes))
        self._loading = False

    def activate(self, step: Step) -> None:
        self._load()

    def flush(self) -> None:
        self._save_text.flush()

    def _update(self, **fields: object) -> bool:
        if self._loading:
            return False
        if self.operations.run(lambda: self.context.store.update_session(self.context.session_id, **fields)).failed:
            return False
        self.context.events.session_changed.emit()
        return True

    def _save_texts(self) -> None:
        saved = self._update(
            title=self.title_edit.text(),
            venue=self.venue_edit.text(),
            facilitator=self.facilitator_edit.text(),
        )
        if not saved and not self._loading:
            self._save_text.retry_later()

    def _save_date(self, date: QDate) -> None:
        self._update(date=dt.date(date.year(), date.month(), date.day()))

    def _save_start(self, time: QTime) -> None:
        self._update(start_time=time.toString("HH:mm"))
