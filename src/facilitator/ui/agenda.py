"""The agenda sidebar: the day's parts and steps with clock times and minutes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from facilitator.program import Part, Program, Schedule, format_clock

_STEP_ID = Qt.ItemDataRole.UserRole


def part_heading(part: Part, language: str = "da") -> str:
    """'Delsession 1' over 'Hvad bliver vi partnere om?'; one line when the title already says it."""
    label, title = part.label.get(language), part.title.get(language)
    if title.casefold().startswith(label.casefold()):
        return title
    return f"{label}\n{title}"


class AgendaView(QTreeWidget):
    """Lists parts (as headings) and their steps; choosing a step emits `step_chosen`."""

    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda")
        self.setAccessibleName(self.tr("Dagsorden"))
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Tid"), self.tr("Punkt"), self.tr("Min.")])
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current_changed)

    def set_program(self, program: Program, schedule: Schedule, language: str = "da") -> None:
        """Show `program` with the clock times of `schedule`; keeps the current step."""
        current = self.current_step_id()
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for item, scheduled in zip(program.items, schedule.items, strict=True):
            times = format_clock(scheduled.start)
            if isinstance(item, Part):
                heading = QTreeWidgetItem([times, part_heading(item, language), str(scheduled.minutes)])
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for column in range(3):
                    heading.setFont(column, bold)
                heading.setToolTip(1, f"{item.label.get(language)}: {item.title.get(language)}")
                self.addTopLevelItem(heading)
                for step, scheduled_step in zip(item.steps, scheduled.steps, strict=True):
                    row = QTreeWidgetItem(
                        [format_clock(scheduled_step.start), step.title.get(language), str(scheduled_step.minutes)]
                    )
                    row.setToolTip(1, step.title.get(language))
                    self._add_step(row, step.id, step.is_break)
                    heading.addChild(row)
                heading.setExpanded(True)
            else:
                row = QTreeWidgetItem([times, item.title.get(language), str(scheduled.minutes)])
                self._add_step(row, item.id, True)
                self.addTopLevelItem(row)
        self.blockSignals(False)
        if current:
            self.select_step(current)

    def _add_step(self, row: QTreeWidgetItem, step_id: str, is_break: bool) -> None:
        row.setData(0, _STEP_ID, step_id)
        row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if is_break:
            italic = QFont(self.font())
            italic.setItalic(True)
            for column in range(3):
                row.setFont(column, italic)
        self._items[step_id] = row

    def select_step(self, step_id: str) -> None:
        """Make `step_id` the current row without emitting `step_chosen`."""
        row = self._items.get(step_id)
        if row is None:
            return
        self.blockSignals(True)
        self.setCurrentItem(row)
        self.blockSignals(False)
        self.scrollToItem(row)

    def current_step_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, _STEP_ID) if item is not None else None

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        step_id = current.data(0, _STEP_ID) if current is not None else None
        if step_id:
            self.step_chosen.emit(step_id)
