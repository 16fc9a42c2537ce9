"""Fil → Ny opfølgning: the partnership's next meeting, with the program the facilitator picks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.paths import FOLLOWUP_PROGRAM_NAME, AppPaths
from facilitator.program import Program, ProgramError, load_program
from facilitator.store import SessionData
from facilitator.text import Text
from facilitator.ui import labels
from facilitator.ui.operations import Operations, in_label
from facilitator.ui.start_page import available_programs

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.main_window import MainWindow

#: The program a follow-up preselects: the short meeting built for it.


class FollowupDialog(QDialog):
    """Picks the program, the date and the title of the follow-up; creates it on OK."""

    def __init__(
        self,
        store: Store,
        session: SessionData,
        paths: AppPaths,
        language: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        self.language = language
        self.created: SessionData | None = None
        self.setWindowTitle(self.tr("Ny opfølgning"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = labels.hint(
            self.tr(
                "Opfølgningen bliver partnerskabets næste møde. Partnerne, principperne, de fælles tekster, "
                "beslutningsreglen og alle aftaler, der ikke er færdige eller opgivet, kommer med – med ansvarlig, "
                "frist og historik."
            )
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName(self.tr("Program"))
        self._programs: dict[str, Program | ProgramError] = {}
        for path in available_programs(paths):
            loaded = _load(path)
            self._programs[str(path)] = loaded
            label = loaded.title.get(language) if isinstance(loaded, Program) else path.name
            self.program_combo.addItem(label, str(path))
            if path.name == FOLLOWUP_PROGRAM_NAME:
                self.program_combo.setCurrentIndex(self.program_combo.count() - 1)
        # The app's clock's today (a test's fake clock too), not the computer's own.
        day = today or dt.date.today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Dato"))
        self.title_edit = QLineEdit(self.tr("%1 – opfølgning").replace("%1", session.title))
        self.title_edit.setAccessibleName(self.tr("Titel"))
        form.addRow(self.tr("&Program"), self.program_combo)
        form.addRow(self.tr("&Dato"), self.date_edit)
        form.addRow(self.tr("&Titel"), self.title_edit)
        layout.addLayout(form)
        self.error = labels.error_label()
        layout.addWidget(self.error)
        self.operations = Operations(language, in_label(self.error))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Opret opfølgning"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create(self) -> None:
        """Create the follow-up; stays open with the reason when that is refused."""
        path = self.program_combo.currentData()
        date = self.date_edit.date()

        def create() -> SessionData:
            program = self._programs.get(path) if path else None
            if program is None:
                raise ProgramError(Text("Der er ikke valgt noget program.", "No program is chosen."))
            if isinstance(program, ProgramError):
                raise program
            return self.store.create_followup(
                self.session.id,
                program_name=program.source_name,
                program_text=program.source_text,
                date=dt.date(date.year(), date.month(), date.day()),
                title=self.title_edit.text(),
            )

        created = self.operations.run(create)
        if created.ok:
            self.created = created.value
            self.accept()


def new_followup(window: MainWindow) -> None:
    """Fil → Ny opfølgning: ask for program, date and title, create the follow-up and open it."""
    page = window.session_page
    if page is None:
        return
    page.flush()
    session = window.operations.run(lambda: window.store.get_session(page.session_id))
    if session.failed:
        return
    dialog = FollowupDialog(window.store, session.value, window.paths, window.language, window, today=window.today())
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
        window.open_session(dialog.created.id)


def _load(path: Path) -> Program | ProgramError:
    try:
        return load_program(path)
    except ProgramError as error:
        return error


__all__ = ["FollowupDialog", "new_followup"]
