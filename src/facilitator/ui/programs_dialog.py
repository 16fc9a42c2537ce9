"""Fil → Programmer: the programs at hand, each read-only with its steps, and a copy to edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.paths import AppPaths
from facilitator.program import Program, ProgramError, load_program
from facilitator.program.editing import ProgramRow, program_rows, save_program_copy
from facilitator.ui import labels
from facilitator.ui.operations import Operations, in_label
from facilitator.ui.start_page import available_programs

_PATH = Qt.ItemDataRole.UserRole
_ROW = Qt.ItemDataRole.UserRole + 1
KIND, TITLE, MINUTES = range(3)


class ProgramsDialog(QDialog):
    """Lists the bundled and saved programs; shows one read-only; copies one into an editable table."""

    # A copy was saved (its path): the start page offers it from now on.
    program_saved = Signal(Path)

    def __init__(self, paths: AppPaths, language: str = "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.language = language
        self.program: Program | None = None
        self.editing = False
        self.setWindowTitle(self.tr("Programmer"))
        self.resize(980, 640)

        layout = QVBoxLayout(self)
        splitter = QSplitter()
        layout.addWidget(splitter, 1)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Programmer"))
        self.list.setMinimumWidth(260)
        # Long titles wrap rather than hide behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(self.list)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        self.heading = labels.heading("")
        self.heading.setWordWrap(True)
        self.info = labels.hint()
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.info)

        self.name_row = QWidget()
        name_layout = QHBoxLayout(self.name_row)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.tr("&Navn på kopien:"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Navn på kopien"))
        name_label.setBuddy(self.name_edit)
        name_layout.addWidget(name_label)
        name_layout.addWidget(self.name_edit, 1)
        right_layout.addWidget(self.name_row)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Programmets trin og minutter"))
        self.table.setHorizontalHeaderLabels([self.tr("Punkt"), self.tr("Titel"), self.tr("Minutter")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        right_layout.addWidget(self.table, 1)
        self.edit_hint = labels.hint(
            self.tr(
                "Ret titler og minutter direkte i tabellen (Enter eller F2 på en celle). "
                "En dels minutter er summen af dens trin. Kopien tjekkes som en programfil, før den gemmes."
            )
        )
        right_layout.addWidget(self.edit_hint)
        self.error = labels.error_label()
        right_layout.addWidget(self.error)
        self.operations = Operations(language, in_label(self.error))

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Kopiér og ret …"))
        self.copy_button.setToolTip(self.tr("Lav en kopi af programmet, hvor du kan rette titler og minutter"))
        self.save_button = QPushButton(self.tr("&Gem kopien"))
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("&Fortryd rettelserne"))
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.list.currentItemChanged.connect(lambda _current, _previous: self._show_selected())
        self.copy_button.clicked.connect(self.start_copy)
        self.save_button.clicked.connect(self.save_copy)
        self.cancel_button.clicked.connect(self.cancel_copy)
        self.table.itemChanged.connect(self._recount)
        self.refresh()

    # The list -------------------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        """Re-read the programs; select `select` (else the first)."""
        self.list.clear()
        saved_dir = self.paths.user_programs_dir.resolve()
        for path in available_programs(self.paths):
            loaded = _load(path)
            saved = path.resolve().parent == saved_dir
            where = self.tr("gemt") if saved else self.tr("medfølger")
            title = loaded.title.get(self.language) if isinstance(loaded, Program) else path.name
            item = QListWidgetItem(f"{title}\n{where}")
            item.setData(_PATH, str(path))
            item.setToolTip(str(path.name))
            self.list.addItem(item)
            if select is not None and path.resolve() == select.resolve():
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def select_program(self, title: str) -> None:
        """Select the program with this title (as the list shows it)."""
        for row in range(self.list.count()):
            if self.list.item(row).text().split("\n")[0] == title:
                self.list.setCurrentRow(row)
                return
        raise LookupError(title)

    def _show_selected(self) -> None:
        self._leave_edit()
        item = self.list.currentItem()
        loaded = _load(Path(item.data(_PATH))) if item is not None else None
        self.program = loaded if isinstance(loaded, Program) else None
        self.copy_button.setEnabled(self.program is not None)
        if isinstance(loaded, ProgramError):
            self.heading.setText(Path(item.data(_PATH)).name)
            self.info.setText(loaded.message(self.language))
            self.table.setRowCount(0)
            return
        if self.program is None:
            self.heading.setText("")
            self.info.setText("")
            self.table.setRowCount(0)
            return
        self.heading.setText(self.program.title.get(self.language))
        self._show_length()
        self._fill(program_rows(self.program))

    def _show_length(self, minutes: int | None = None) -> None:
        assert self.program is not None
        total = self.program.minutes if minutes is None else minutes
        hours, rest = divmod(total, 60)
        length = self.tr("%1 t %2 min").replace("%1", str(hours)).replace("%2", f"{rest:02d}")
        description = self.program.description.get(self.language) if self.program.description else ""
        self.info.setText(f"{length}\n{description}".strip())

    # The table ------------------------------------------------------------------------

    def _fill(self, rows: list[ProgramRow]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for index, row in enumerate(rows):
            if row.kind == "part":
                kind = self.tr("Del")
            elif row.is_break:
                kind = self.tr("Pause")
            else:
                kind = self.tr("Trin")
            cells = (
                QTableWidgetItem(kind),
                QTableWidgetItem(row.title.get(self.language) if not self.editing else row.title.da),
                QTableWidgetItem(str(row.minutes)),
            )
            cells[MINUTES].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate(cells):
                cell.setData(_ROW, row)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if self.editing and (column == TITLE or (column == MINUTES and row.editable_minutes)):
                    flags |= Qt.ItemFlag.ItemIsEditable
                cell.setFlags(flags)
                if row.kind == "part":
                    cell.setFont(bold)
                self.table.setItem(index, column, cell)
        self.table.blockSignals(False)

    def _rows(self) -> list[ProgramRow]:
        return [self.table.item(index, KIND).data(_ROW) for index in range(self.table.rowCount())]

    def _recount(self, _item: QTableWidgetItem | None = None) -> None:
        """Keep each part's sum and the total in step with the minutes typed (what can be counted)."""
        if not self.editing:
            return
        self.table.blockSignals(True)
        total, part_index, part_sum = 0, None, 0
        for index, row in enumerate(self._rows()):
            if row.kind == "part":
                self._set_part_sum(part_index, part_sum)
                part_index, part_sum = index, 0
                continue
            text = self.table.item(index, MINUTES).text().strip()
            minutes = int(text) if text.isdigit() else 0
            total += minutes
            if row.kind == "step":
                part_sum += minutes
            else:
                self._set_part_sum(part_index, part_sum)
                part_index, part_sum = None, 0
        self._set_part_sum(part_index, part_sum)
        self.table.blockSignals(False)
        self._show_length(total)

    def _set_part_sum(self, index: int | None, minutes: int) -> None:
        if index is not None:
            self.table.item(index, MINUTES).setText(str(minutes))

    # Copy and edit --------------------------------------------------------------------

    def start_copy(self) -> None:
        """Turn the shown program into an editable copy with a name of its own."""
        if self.program is None:
            return
        self.editing = True
        self.name_edit.setText(self.tr("%1 (kopi)").replace("%1", self.program.title.da))
        self._fill(program_rows(self.program))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._show_edit_controls(True)
        self.table.setFocus()
        self.table.setCurrentCell(0, TITLE)

    def cancel_copy(self) -> None:
        """Drop the copy's edits and show the program as it is."""
        self._show_selected()

    def _leave_edit(self) -> None:
        self.editing = False
        self.error.hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._show_edit_controls(False)

    def _show_edit_controls(self, visible: bool) -> None:
        self.name_row.setVisible(visible)
        self.edit_hint.setVisible(visible)
        self.save_button.setVisible(visible)
        self.cancel_button.setVisible(visible)
        self.copy_button.setVisible(not visible)
        self.list.setEnabled(not visible)

    def save_copy(self) -> None:
        """Check the copy as the loader would and keep it in the data folder; refused with the reason."""
        program = self.program
        if program is None or not self.editing:
            return
        # An editor still open holds the last typing: commit it first.
        self.table.setCurrentItem(None)
        titles: dict[str, str] = {}
        minutes: dict[str, str] = {}
        for index, row in enumerate(self._rows()):
            titles[row.id] = self.table.item(index, TITLE).text()
            if row.editable_minutes:
                minutes[row.id] = self.table.item(index, MINUTES).text()
        name = self.name_edit.text()
        saved = self.operations.run(
            lambda: save_program_copy(program, self.paths.user_programs_dir, name, titles, minutes)
        )
        if saved.failed:
            return
        self._leave_edit()
        self.refresh(select=saved.value)
        self.program_saved.emit(saved.value)


def _load(path: Path) -> Program | ProgramError:
    try:
        return load_program(path)
    except ProgramError as error:
        return error


__all__ = ["ProgramsDialog"]
