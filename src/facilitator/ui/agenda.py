"""The agenda sidebar: the day's parts and steps with planned, actual and expected times."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleTableModelChangeEvent,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from facilitator.program import Part, Program, Schedule, format_clock
from facilitator.program.loader import MAX_STEP_MINUTES
from facilitator.timing import AT_START, LiveStep, RunState
from facilitator.ui.labels import breakable

if TYPE_CHECKING:
    from facilitator.ui.day import DayController

_STEP_ID = Qt.ItemDataRole.UserRole
# Left and right padding of an agenda row in the style sheet (app.qss), with a pixel to spare.
ITEM_PADDING = 6
PLAN, NOW, TITLE, MINUTES = range(4)
# The pane is never narrower, whatever its texts; its titles get at least this many characters.
MIN_WIDTH = 300
TITLE_CHARACTERS = 12
# Qt wraps only between words, so a word wider than the column gets soft hyphens between its
# letters: it breaks with a hyphen where the line ends instead of being cut.
_DONE = QColor("#6B7672")
_LIVE = QColor("#1D5C57")
_LATE = QColor("#A4161A")


def part_heading(part: Part, language: str = "da") -> str:
    """'Delsession 1' over 'Hvad bliver vi partnere om?'; one line when the title already says it."""
    label, title = part.label.get(language), part.title.get(language)
    if title.casefold().startswith(label.casefold()):
        return title
    return f"{label}\n{title}"


def _clock(minutes: float) -> str:
    return format_clock(int(minutes + 0.5))


class _WrappingDelegate(QStyledItemDelegate):
    """Sizes a title's row for the title wrapped to its column's width, long words too.

    The tree asks for row heights without saying how wide the column is, so a long title
    would get one line and be cut with "…".
    """

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._header = view.header()
        # A changed time re-measures its whole row, title included; a day running late
        # changes every later row at each step. The wrapped title's size only depends on
        # its text, font and column width, so it is measured once for each of those.
        self._title_sizes: dict[tuple[str, str, int], QSize] = {}
        # Each paint of a title asks for its break chances again: the same text, font and
        # width give the same answer, and a step change repaints the titles it touches.
        self._breakable: dict[tuple[str, str, int], str] = {}
        self._measuring_bold = False

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == TITLE:
            if self._measuring_bold:
                bold = QFont(option.font)
                bold.setBold(True)
                option.font = bold
                option.fontMetrics = QFontMetrics(bold)
            width = self._header.sectionSize(TITLE) - ITEM_PADDING
            key = (option.text, option.font.key(), width)
            text = self._breakable.get(key)
            if text is None:
                if len(self._breakable) > 2000:
                    self._breakable.clear()
                text = self._breakable[key] = breakable(option.text, QFontMetrics(option.font), width)
            option.text = text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.column() != TITLE:
            return super().sizeHint(option, index)
        # Less the style sheet's item padding, which the measuring leaves out but the painting
        # does not: else a title that just fits when measured is cut when drawn.
        width = self._header.sectionSize(TITLE) - ITEM_PADDING
        font = index.data(Qt.ItemDataRole.FontRole)
        bold = QFont(font if isinstance(font, QFont) else option.font)
        bold.setBold(True)
        key = (str(index.data()), bold.key(), width)
        size = self._title_sizes.get(key)
        if size is None:
            sized = QStyleOptionViewItem(option)
            sized.rect = QRect(0, 0, width, max(option.rect.height(), 1))
            sized.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            if len(self._title_sizes) > 2000:
                self._title_sizes.clear()
            # Measured in bold, as the step is shown while it runs: the row keeps its height
            # when its step starts or ends, so the rows below it neither move nor repaint.
            self._measuring_bold = True
            try:
                size = self._title_sizes[key] = super().sizeHint(sized, index)
            finally:
                self._measuring_bold = False
        return QSize(size)


class AgendaView(QTreeWidget):
    """Lists parts (as headings) and their steps; choosing a step emits `step_chosen`.

    With a day controller it also shows what happened and what is expected now, and offers
    the facilitator's changes to the day in a context menu (also on the Menu key).
    """

    step_chosen = Signal(str)

    def __init__(self, day: DayController | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.setObjectName("agenda")
        self.setAccessibleName(self.tr("Dagsorden"))
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Plan"), self.tr("Nu"), self.tr("Punkt"), self.tr("Min.")])
        self.headerItem().setToolTip(
            NOW, self.tr("Faktisk starttid, eller ≈ forventet starttid, når dagen er forskudt")
        )
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        # Fixed widths, measured when the texts or the font change (`_measure`): a column
        # sized to its contents measures every row again at each changed text, which made
        # each Næste trin cost 1-3 ms per row of the day.
        for column in (PLAN, NOW, MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # The tree measures a wrapped row's height once; when the pane's width changes the
        # titles must be wrapped (and the rows sized) anew, or they are cut to "Indledning til …".
        header.sectionResized.connect(self._title_width_changed)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._shown_live: dict[str, tuple[str, str, str]] = {}
        self._narrowest = MIN_WIDTH
        self._to_select: str | None = None
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(1)
        self._select_timer.timeout.connect(self._select_pending)
        self.currentItemChanged.connect(self._on_current_changed)
        if day is not None:
            day.tick.connect(self.refresh_live)

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the times, the minutes and a few words of the titles."""
        return QSize(max(super().minimumSizeHint().width(), self._narrowest), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # A larger text size (Settings) needs a wider pane for the same words.
            self._measure()

    def _measure(self) -> None:
        """Find the narrowest width that keeps the times whole (when the texts or font change)."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        title = metrics.averageCharWidth() * TITLE_CHARACTERS
        header = self.header()
        widths = {
            column: max(self.sizeHintForColumn(column), header.sectionSizeHint(column)) for column in (PLAN, MINUTES)
        }
        columns = sum(widths.values())
        # The "now" column fills in during the day: room for its widest text from the start.
        now = max(
            header.sectionSizeHint(NOW),
            *(metrics.horizontalAdvance(text) + 2 * ITEM_PADDING for text in ("▶ 00:00", "✓ 00:00", "≈00:00")),
        )
        for column, width in (*widths.items(), (NOW, now)):
            header.resizeSection(column, width)
        chrome = self.indentation() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        self._narrowest = max(MIN_WIDTH, columns + now + title + ITEM_PADDING + chrome)
        self.updateGeometry()

    def _title_width_changed(self, column: int, _old: int, _new: int) -> None:
        if column == TITLE:
            self.scheduleDelayedItemsLayout()

    def set_program(self, program: Program, schedule: Schedule, language: str = "da") -> None:
        """Show `program` with the clock times of `schedule`; keeps the current step."""
        current = self.current_step_id()
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        self._shown_live.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for item, scheduled in zip(program.items, schedule.items, strict=True):
            times = format_clock(scheduled.start)
            if isinstance(item, Part):
                heading = QTreeWidgetItem([times, "", part_heading(item, language), str(scheduled.minutes)])
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for column in range(4):
                    heading.setFont(column, bold)
                heading.setToolTip(TITLE, f"{item.label.get(language)}: {item.title.get(language)}")
                self.addTopLevelItem(heading)
                for step, scheduled_step in zip(item.steps, scheduled.steps, strict=True):
                    minutes = "–" if scheduled_step.skipped else str(scheduled_step.minutes)
                    row = QTreeWidgetItem([format_clock(scheduled_step.start), "", step.title.get(language), minutes])
                    row.setToolTip(TITLE, step.title.get(language))
                    self._add_step(row, step.id, step.is_break, scheduled_step.skipped)
                    heading.addChild(row)
                heading.setExpanded(True)
            else:
                minutes = "–" if scheduled.skipped else str(scheduled.minutes)
                row = QTreeWidgetItem([times, "", item.title.get(language), minutes])
                self._add_step(row, item.id, True, scheduled.skipped)
                self.addTopLevelItem(row)
        self.blockSignals(False)
        self._measure()
        if current:
            self.select_step(current)
        self.refresh_live()

    def _add_step(self, row: QTreeWidgetItem, step_id: str, is_break: bool, skipped: bool) -> None:
        row.setData(0, _STEP_ID, step_id)
        row.setTextAlignment(MINUTES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(self.font())
        font.setItalic(is_break)
        font.setStrikeOut(skipped)
        for column in range(4):
            row.setFont(column, font)
        if skipped:
            row.setToolTip(TITLE, self.tr("Sprunget over i dag: %1").replace("%1", row.text(TITLE)))
            for column in range(4):
                row.setForeground(column, _DONE)
        self._items[step_id] = row

    def refresh_live(self) -> None:
        """Show actual and expected times; only the cells whose text changed are touched and repainted."""
        if self.day is None:
            return
        live = self.day.live
        repaint: list[QTreeWidgetItem] = []
        restyle: list[tuple[QTreeWidgetItem, str]] = []
        model = self.model()
        # The time column never sets a row's height (one line, its width fitted to the
        # widest time): changing it quietly and repainting just its cells spares the tree
        # measuring the whole row again for each change and, with many rows changed on a
        # day running late, laying out and repainting every row.
        was_blocked = model.blockSignals(True)
        try:
            for step_id, row in self._items.items():
                step = live.step(step_id)
                if step is None:
                    continue
                shown = self._live_texts(step, live.shift)
                before = self._shown_live.get(step_id)
                if before == shown:
                    continue
                self._shown_live[step_id] = shown
                now_text, tooltip, state = shown
                if before is None or before[0] != now_text:
                    row.setText(NOW, now_text)
                if before is None or before[1] != tooltip:
                    row.setToolTip(NOW, tooltip)
                if before is None or before[2] != state:
                    colour = {"done": _DONE, "live": _LIVE, "late": _LATE}.get(state)
                    # QColors, not QBrush(colour): that overload makes PySide build QGradient's enums (3 ms at start).
                    row.setForeground(NOW, colour if colour else QBrush())
                    if not step.skipped:
                        restyle.append((row, state))
                # A row shown for the first time is laid out and painted with the others:
                # asking for its place now would lay out the whole list at once.
                if before is not None:
                    repaint.append(row)
        finally:
            model.blockSignals(was_blocked)
        self._repaint_cells(repaint, NOW)
        for row, state in restyle:
            # The title's font and colour go through the tree, which measures this one row
            # again (the step left and the step opened); it keeps its height, measured bold.
            font = row.font(TITLE)
            font.setBold(state == "live")
            row.setFont(TITLE, font)
            row.setForeground(TITLE, _DONE if state == "done" else QBrush())

    def _repaint_cells(self, rows: list[QTreeWidgetItem], column: int) -> None:
        """Repaint cells whose data changed without the model's signal, and tell a screen reader."""
        accessible = QAccessible.isActive()
        for row in rows:
            index = self.indexFromItem(row, column)
            self.update(index)
            if accessible:
                event = QAccessibleTableModelChangeEvent(
                    self, QAccessibleTableModelChangeEvent.ModelChangeType.DataChanged
                )
                event.setFirstRow(index.row())
                event.setLastRow(index.row())
                event.setFirstColumn(column)
                event.setLastColumn(column)
                QAccessible.updateAccessibility(event)

    def _live_texts(self, step: LiveStep, shift: float = 0.0) -> tuple[str, str, str]:
        planned = f"{_clock(step.planned_start)}–{_clock(step.planned_end)}"
        if step.actual_start is not None and step.state is RunState.FINISHED and step.actual_end is not None:
            actual = f"{_clock(step.actual_start)}–{_clock(step.actual_end)}"
            tip = self.tr("Planlagt %1 · faktisk %2").replace("%1", planned).replace("%2", actual)
            return f"✓ {_clock(step.actual_start)}", tip, "done"
        if step.actual_start is not None and step.state in (RunState.RUNNING, RunState.PAUSED):
            tip = self.tr("Planlagt %1 · startede %2").replace("%1", planned).replace("%2", _clock(step.actual_start))
            return f"▶ {_clock(step.actual_start)}", tip, "live"
        # A rehearsal on another day is compared with the plan moved to its own start.
        planned_start = step.planned_start + shift
        if step.expected_start is not None and abs(step.expected_start - planned_start) >= 1:
            late = step.expected_start > planned_start
            tip = (
                self.tr("Planlagt %1 · forventet %2").replace("%1", planned).replace("%2", _clock(step.expected_start))
            )
            return f"≈{_clock(step.expected_start)}", tip, "late" if late else ""
        return "", "", ""

    def select_step(self, step_id: str) -> None:
        """Make `step_id` the current row without emitting `step_chosen`."""
        self._to_select = None
        row = self._items.get(step_id)
        if row is None:
            return
        if not self.viewport().rect().contains(self.visualItemRect(row)):
            # Out of sight: bring it near the top, under the step before it, rather than just
            # into view at the bottom (as making it current would). The day moving on then
            # scrolls, and repaints the whole list, once every several steps, not at each.
            above = self.itemAbove(row)
            self.scrollToItem(above if above is not None else row, QAbstractItemView.ScrollHint.PositionAtTop)
        self.blockSignals(True)
        self.setCurrentItem(row)
        self.blockSignals(False)
        self.scrollToItem(row)

    def select_step_soon(self, step_id: str) -> None:
        """`select_step` on the next turn of the event loop, as a piece of work of its own.

        Selecting lays out the rows whose times changed (see `refresh_live`): after a step
        change that is 5-10 ms, better not added to the change itself. A 1 ms timer, not 0:
        with 0 Qt may run it straight after the step change without a frame in between.
        """
        self._to_select = step_id
        self._select_timer.start()

    def _select_pending(self) -> None:
        if self._to_select is not None:
            step_id, self._to_select = self._to_select, None
            self.select_step(step_id)

    def current_step_id(self) -> str | None:
        """The step of the current row (or of the row about to become current, see `select_step_soon`)."""
        if self._to_select is not None:
            return self._to_select
        item = self.currentItem()
        return item.data(0, _STEP_ID) if item is not None else None

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        step_id = current.data(0, _STEP_ID) if current is not None else None
        if step_id:
            self.step_chosen.emit(step_id)

    # Changing the day ------------------------------------------------------------------

    def step_menu(self, step_id: str) -> QMenu | None:
        """The facilitator's changes for one step (built fresh each time it is shown)."""
        day = self.day
        found = day.find(step_id) if day is not None else None
        if day is None or found is None:
            return None
        menu = QMenu(self)
        change = menu.addAction(self.tr("Skift varighed …"))
        change.triggered.connect(lambda: self.ask_minutes(step_id))
        original = day.context.program.find_step(step_id)
        if step_id in day.plan.minutes and original is not None:
            back = menu.addAction(self.tr("Tilbage til programmets %n min", "", original[1].minutes))
            back.triggered.connect(lambda: day.set_minutes(step_id, None))
        skipped = day.is_skipped(step_id)
        skip = menu.addAction(self.tr("Tag med igen") if skipped else self.tr("Spring over i dag"))
        skip.triggered.connect(lambda: day.set_skipped(step_id, not skipped))
        if day.timekeeper.run(step_id).state is not RunState.IDLE:
            reset = menu.addAction(self.tr("Nulstil trinnets tid"))
            reset.triggered.connect(lambda: day.reset(step_id))
        if any(item.id == step_id and not isinstance(item, Part) for item in day.program.items):
            move = menu.addMenu(self.tr("Flyt pausen"))
            start = move.addAction(self.tr("Før dagens første del"))
            start.triggered.connect(lambda: day.place_break(step_id, AT_START))
            for part in day.program.parts:
                action = move.addAction(self.tr("Efter %1").replace("%1", part.label.get(day.context.language)))
                action.triggered.connect(lambda _checked=False, part_id=part.id: day.place_break(step_id, part_id))
            if step_id in day.plan.break_after:
                move.addSeparator()
                planned = move.addAction(self.tr("Som i programmet"))
                planned.triggered.connect(lambda: day.place_break(step_id, None))
        return menu

    def ask_minutes(self, step_id: str) -> None:
        """Ask for the step's minutes today and apply them."""
        if self.day is None:
            return
        found = self.day.find(step_id)
        if found is None:
            return
        minutes, accepted = QInputDialog.getInt(
            self,
            self.tr("Skift varighed"),
            self.tr("Minutter til »%1« i dag:").replace("%1", found[1].title.get(self.day.context.language)),
            found[1].minutes,
            1,
            MAX_STEP_MINUTES,
        )
        if accepted:
            self.day.set_minutes(step_id, minutes)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            row = self.currentItem()
            position = self.visualItemRect(row).center() if row is not None else QPoint(0, 0)
        else:
            row = self.itemAt(event.pos())
            position = event.pos()
        step_id = row.data(0, _STEP_ID) if row is not None else None
        menu = self.step_menu(step_id) if step_id else None
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(position))
