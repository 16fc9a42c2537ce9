"""The status board: the agreed actions, one row each, with status, traffic light and comment.

At a follow-up meeting the facilitator goes through what was agreed last time. A light is
always shown with its words ("Gul: i proces"), never as colour alone, and an overdue
action says so in words too. Lights are set with the mouse (the buttons) or the keyboard
(1, 2, 3, 0 on the table); every change is stored at once and can be undone. The projector
shows the same rows large.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation.action_status import (
    LIGHT_COLOURS,
    LIGHTS,
    OVERDUE,
    OVERDUE_ON_DARK,
    is_overdue,
    light_label,
    overdue_first,
    status_label,
)
from facilitator.conversation.next_steps import STATUSES, Action, area, owner_label
from facilitator.program import Step
from facilitator.ui import labels
from facilitator.ui.context import SessionContext
from facilitator.ui.labels import breakable
from facilitator.ui.next_steps_model import format_date
from facilitator.ui.undo import DoneCommand
from facilitator.ui.workspaces.base import Workspace

COL_WHAT, COL_OWNER, COL_DUE, COL_STATUS, COL_LIGHT, COL_COMMENT = range(6)
_ACTION_ID = Qt.ItemDataRole.UserRole
#: Dark text on the yellow light, white on green and red: readable on a washed-out projector.
_LIGHT_TEXT = {"green": "#FFFFFF", "yellow": "#1A1A1A", "red": "#FFFFFF"}
_OVERDUE_COLOUR = "#B3261E"
#: Each column's share of the table's width (the comment takes what is left). The action
#: gets the most: its words make a row tall when squeezed.
_COLUMN_SHARES = (0.28, 0.17, 0.14, 0.11, 0.14, 0.16)
#: A cell's padding left and right in the style sheet, with a pixel to spare.
_CELL_PADDING = 8


class _BreakingDelegate(QStyledItemDelegate):
    """Wraps a word too long for its column (Lodsejerforeningen) with a hyphen instead of cutting it."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self._table = table

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        width = self._table.columnWidth(index.column()) - _CELL_PADDING
        if option.text and width > 0:
            option.text = breakable(option.text, QFontMetrics(option.font), width)


#: Keys on the table that set the current action's light.
LIGHT_KEYS = {"1": "green", "2": "yellow", "3": "red", "0": ""}


class StatusBoardWorkspace(Workspace):
    """One row per action of the session; set status, light and comment, undoably."""

    roomy = True

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.undo_stack = QUndoStack(self)
        self.operations = context.operations(self.undo_stack)
        self.actions: list[Action] = []
        self.owners: dict[int, str] = {}
        self.today = context.today()

        # No heading of its own: the step's title says it right above, and on a small laptop
        # every line given to the table is another agreement in view.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            labels.hint(
                self.tr(
                    "Vælg en aftale og sæt lyset: 1 grøn, 2 gul, 3 rød, 0 intet lys. "
                    "Skriv en kort kommentar og tryk Enter. Alt kan fortrydes (Ctrl+Z)."
                )
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Statustavle"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Aftale"),
                self.tr("Ansvarlig"),
                self.tr("Frist"),
                self.tr("Status"),
                self.tr("Lys"),
                self.tr("Kommentar"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Shares of the width rather than fitting the contents: a long owner must not squeeze
        # the action itself to a sliver on a small laptop.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        self.table.setItemDelegate(_BreakingDelegate(self.table))
        layout.addWidget(self.table, 1)
        self.empty_hint = QLabel(self.tr("Ingen aftaler endnu. Aftaler fra sidste møde kommer med i en opfølgning."))
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)

        controls = QHBoxLayout()
        comment_row = QHBoxLayout()
        self.light_buttons: dict[str, QPushButton] = {}
        for light, text in (
            ("green", self.tr("&Grøn")),
            ("yellow", self.tr("G&ul")),
            ("red", self.tr("&Rød")),
            ("", self.tr("&Intet lys")),
        ):
            button = QPushButton(text)
            button.setToolTip(light_label(light or None, context.language))
            if light:
                button.setStyleSheet(
                    f"QPushButton {{ background: {LIGHT_COLOURS[light]}; color: {_LIGHT_TEXT[light]};"
                    " font-weight: bold; }"
                )
            button.clicked.connect(lambda _checked=False, light=light: self.set_light(light))
            self.light_buttons[light] = button
            controls.addWidget(button)
        controls.addSpacing(16)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Status"))
        for status, text in STATUSES.items():
            self.status_box.addItem(text.get(context.language), status)
        self.status_box.activated.connect(lambda _index: self.set_status(self.status_box.currentData()))
        status_label_widget = QLabel(self.tr("&Status:"))
        status_label_widget.setBuddy(self.status_box)
        controls.addWidget(status_label_widget)
        controls.addWidget(self.status_box)
        controls.addStretch(1)
        self.comment_edit = QLineEdit()
        self.comment_edit.setAccessibleName(self.tr("Kommentar"))
        self.comment_edit.setPlaceholderText(self.tr("Kort kommentar: hvem sagde hvad (Enter gemmer)"))
        comment_label = QLabel(self.tr("&Kommentar:"))
        comment_label.setBuddy(self.comment_edit)
        comment_row.addWidget(comment_label)
        comment_row.addWidget(self.comment_edit, 1)
        layout.addLayout(controls)
        layout.addLayout(comment_row)

        self.comment_edit.returnPressed.connect(lambda: self.set_comment(self.comment_edit.text()))
        self.table.currentCellChanged.connect(lambda *_cells: self._current_changed())
        # The digit keys act on the table only: in the comment field they are typing.
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
            if plain and event.text() in LIGHT_KEYS:
                self.set_light(LIGHT_KEYS[event.text()])
                return True
        return super().eventFilter(watched, event)

    # Loading -------------------------------------------------------------------------

    def activate(self, step: Step) -> None:
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        """Show the stored actions, overdue ones first, keeping the current one current."""
        store, session_id = self.context.store, self.context.session_id
        current = self.current_action()
        session = store.get_session(session_id)
        # Overdue on the meeting's own day: a board prepared the evening before tells the truth.
        self.today = session.date or self.context.today()
        partners = {partner.id: (partner.name, partner.organisation) for partner in store.partners(session_id)}
        self.actions = overdue_first(store.actions(session_id), self.today)
        self.owners = {
            action.id: owner_label(action, partners.get(action.owner_partner_id or -1)) for action in self.actions
        }
        self._fill()
        if current is not None:
            self.select_action(current.id)
        elif self.actions:
            self.table.setCurrentCell(0, COL_WHAT)
        self._current_changed()
        self.context.events.projection_changed.emit()

    def _fill(self) -> None:
        language = self.context.language
        self.table.setRowCount(len(self.actions))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, action in enumerate(self.actions):
            overdue = is_overdue(action, self.today)
            due = format_date(action.due)
            if overdue:
                due = f"{due}\n⚠ {OVERDUE.get(language)}"
            what = action.what
            cells = {
                COL_WHAT: what,
                COL_OWNER: self.owners.get(action.id, ""),
                COL_DUE: due,
                COL_STATUS: status_label(action.status, language),
                COL_LIGHT: self._light_text(action.light),
                COL_COMMENT: action.status_comment,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(_ACTION_ID, action.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == COL_WHAT:
                    item.setToolTip(area(action.area).title.get(language))
                if column == COL_DUE and overdue:
                    item.setForeground(QBrush(QColor(_OVERDUE_COLOUR)))
                    item.setFont(bold)
                if column == COL_LIGHT and action.light:
                    item.setBackground(QBrush(QColor(LIGHT_COLOURS[action.light])))
                    item.setForeground(QBrush(QColor(_LIGHT_TEXT[action.light])))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(self.actions))
        self.empty_hint.setVisible(not self.actions)
        counts = {light: sum(action.light == light for action in self.actions) for light in LIGHTS}
        overdue_count = sum(is_overdue(action, self.today) for action in self.actions)
        self.summary.setText(
            " · ".join(
                [
                    *(f"{LIGHTS[light].get(language)}: {count}" for light, count in counts.items()),
                    self.tr("Overskredet: %1").replace("%1", str(overdue_count)),
                ]
            )
        )

    def _fit_columns(self) -> None:
        width = self.table.viewport().width()
        widths = [int(width * share) for share in _COLUMN_SHARES[:-1]]
        # A date and the overdue mark are read whole: in bold they need their own width,
        # which the comment gives up on a narrow screen.
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        overdue = f"⚠ {OVERDUE.get(self.context.language)}"
        needed = max(metrics.horizontalAdvance(text) for text in ("00.00.0000", overdue)) + _CELL_PADDING + 4
        extra = needed - widths[COL_DUE]
        if extra > 0:
            # Taken from the other columns in proportion, so the comment keeps its share.
            others = sum(widths) - widths[COL_DUE]
            widths = [
                needed if column == COL_DUE else column_width - extra * column_width // others
                for column, column_width in enumerate(widths)
            ]
        for column, column_width in enumerate(widths):
            self.table.setColumnWidth(column, column_width)
        self.table.resizeRowsToContents()

    def _light_text(self, light: str | None) -> str:
        text = light_label(light, self.context.language)
        return f"● {text}" if light else text

    # Reading ---------------------------------------------------------------------------

    def current_action(self) -> Action | None:
        row = self.table.currentRow()
        return self.actions[row] if 0 <= row < len(self.actions) else None

    def select_action(self, action_id: int) -> None:
        """Make the action with this id current."""
        for row, action in enumerate(self.actions):
            if action.id == action_id:
                self.table.setCurrentCell(row, max(0, self.table.currentColumn()))
                return

    def _current_changed(self) -> None:
        action = self.current_action()
        enabled = action is not None
        for button in self.light_buttons.values():
            button.setEnabled(enabled)
        self.status_box.setEnabled(enabled)
        self.comment_edit.setEnabled(enabled)
        if action is None:
            self.comment_edit.clear()
            return
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(action.status)))
        self.comment_edit.setText(action.status_comment)

    # Changing --------------------------------------------------------------------------

    def set_light(self, light: str) -> None:
        """Give the current action this light ("" takes it away)."""
        action = self.current_action()
        if action is not None and (action.light or "") != light:
            self._change(
                action, self.tr("Sæt lys: %1").replace("%1", light_label(light or None, self._lang)), light=light
            )

    def set_status(self, status: str) -> None:
        """Give the current action this status (open, started, done, dropped)."""
        action = self.current_action()
        if action is not None and action.status != status:
            self._change(
                action, self.tr("Sæt status: %1").replace("%1", status_label(status, self._lang)), status=status
            )

    def set_comment(self, comment: str) -> None:
        """Keep this comment with the current action's status."""
        action = self.current_action()
        if action is not None and action.status_comment != comment.strip():
            self._change(action, self.tr("Ret kommentar"), comment=comment)

    @property
    def _lang(self) -> str:
        return self.context.language

    def _change(self, before: Action, text: str, **change: str) -> None:
        store = self.context.store
        history_length = len(store.action_history(before.id))
        by = self.owners.get(before.id, "")

        def redo() -> Action:
            return store.set_action_status(before.id, by=by, **change)

        self.operations.run(
            redo,
            undo=lambda _after: DoneCommand(
                text,
                redo,
                lambda: store.restore_action_status(before, history_length),
                self._after_undo(before.id),
                self.context.report,
            ),
            refresh=self.reload,
        )

    def _after_undo(self, action_id: int):
        def after() -> None:
            self.reload()
            self.select_action(action_id)

        return after

    # The room's view -------------------------------------------------------------------

    def projection_html(self) -> str | None:
        language = self.context.language
        if not self.actions:
            return f"<p>{html.escape(self.tr('Ingen aftaler endnu.'))}</p>"
        cell = "style='padding:3px 10px'"
        head = "".join(
            f"<th align='left' {cell}>{html.escape(title)}</th>"
            for title in (self.tr("Aftale"), self.tr("Ansvarlig og frist"), self.tr("Lys og status"))
        )
        rows = []
        for action in self.actions:
            comment = f"<br><i>»{html.escape(action.status_comment)}«</i>" if action.status_comment else ""
            who = html.escape(self.owners.get(action.id, ""))
            due = html.escape(format_date(action.due))
            if is_overdue(action, self.today):
                due += f" <b><font color='{OVERDUE_ON_DARK}'>⚠ {html.escape(OVERDUE.get(language))}</font></b>"
            status = html.escape(status_label(action.status, language))
            if action.light:
                light = (
                    f"<td bgcolor='{LIGHT_COLOURS[action.light]}' {cell}>"
                    f"<b><font color='{_LIGHT_TEXT[action.light]}'>● "
                    f"{html.escape(light_label(action.light, language))}<br>{status}</font></b></td>"
                )
            else:
                light = f"<td {cell}>{html.escape(light_label(None, language))}<br>{status}</td>"
            rows.append(
                f"<tr><td {cell}>{html.escape(action.what)}{comment}</td>"
                f"<td {cell}>{'<br>'.join(part for part in (who, due) if part)}</td>{light}</tr>"
            )
        return f"<table width='100%' cellspacing='0' cellpadding='0' border='0'><tr>{head}</tr>{''.join(rows)}</table>"
