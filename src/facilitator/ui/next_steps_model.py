"""Delsession 4's actions as a Qt table model: a thin adapter over plain `Action` data.

The store holds the actions; the workspace reads them and hands them to `set_actions`,
which tells the view only what changed (a cell, a row added, removed or moved), so the
current cell, the selection and an open editor elsewhere survive every edit. Editing a
cell calls back into the workspace, which stores the change undoably and reads again.

The rows are the four areas in the template's order, each a heading row followed by its
actions. Headings live in the model, not in four tables or a filter proxy per area, so that
one view walks through all areas with the arrow keys, Alt+Down carries an action past a
heading without handing focus to another widget, a heading row can be current (new actions
then go to that area) and Tab leaves the table in one press, as the facilitator is used to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.conversation.action_status import OVERDUE, is_overdue
from facilitator.conversation.next_steps import AREAS, STATUSES, Action, Area, owner_label, smart_findings
from facilitator.store import PartnerData
from facilitator.text import Text

COL_WHAT, COL_OWNER, COL_DUE, COL_STATUS, COL_CHECK = range(5)
#: The action field each editable column changes; the rest are edited under the table.
FIELDS = {COL_WHAT: "what", COL_OWNER: "owner_partner_id", COL_DUE: "due", COL_STATUS: "status"}
#: The action's id on every cell of an action row; None on a heading row.
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole
#: The area's id on every cell of a row: the heading's own area or the action's.
AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Short questions for the check column; the side panel says them in full.
SHORT_FINDINGS = {
    "owner": Text("Hvem?", "Who?"),
    "due": Text("Hvornår?", "When?"),
    "past": Text("Dato?", "Date?"),
    "vague": Text("Konkret?", "Concrete?"),
    "short": Text("Konkret?", "Concrete?"),
}
FLAG_COLOUR = QColor("#9A5B00")
#: The due date of an overdue action (always with the word beside it, never colour alone).
OVERDUE_COLOUR = QColor("#B3261E")

#: Stores one edited field of an action (value as the editor gave it); True if it was taken.
EditHandler = Callable[[Action, str, object], bool]
AnyIndex = QModelIndex | QPersistentModelIndex


def format_date(date: dt.date | None) -> str:
    """'15.05.2026', the way the table shows a due date."""
    return date.strftime("%d.%m.%Y") if date else ""


def format_short_date(date: dt.date | None) -> str:
    """'15.5' – the way a date is written on a post-it, for the projector."""
    return f"{date.day}.{date.month}" if date else ""


@dataclass(frozen=True)
class Heading:
    """The row above an area's actions; it counts them, so a changed count is a changed row."""

    area: Area
    count: int


Row = Heading | Action


def _key(row: Row) -> tuple[str, object]:
    return ("area", row.area.id) if isinstance(row, Heading) else ("action", row.id)


def _layout(actions: Sequence[Action]) -> list[Row]:
    rows: list[Row] = []
    for area in AREAS:
        own = sorted((a for a in actions if a.area == area.id), key=lambda a: (a.position, a.id))
        rows.append(Heading(area, len(own)))
        rows.extend(own)
    return rows


def _single_change(old: list, new: list) -> tuple[str, int, int] | None:
    """The one row that differs between two lists of row keys; None when more than one does.

    As Qt's begin…Rows calls count: ('insert', row, row), ('remove', row, row) or
    ('move', source row, the row it goes before).
    """
    first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    if len(new) == len(old) + 1 and old[first:] == new[first + 1 :]:
        return ("insert", first, first)
    if len(new) == len(old) - 1 and old[first + 1 :] == new[first:]:
        return ("remove", first, first)
    if len(new) != len(old) or first == len(old):
        return None
    last = max(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    moves = []
    if new[first : last + 1] == [*old[first + 1 : last + 1], old[first]]:
        moves.append((old[first], ("move", first, last + 1)))  # down: Qt names the row it goes before
    if new[first : last + 1] == [old[last], *old[first:last]]:
        moves.append((old[last], ("move", last, first)))
    # Two neighbours that swap could be either moving; the action moves, not the heading.
    moves.sort(key=lambda move: move[0][0] != "action")
    return moves[0][1] if moves else None


class ActionTableModel(QAbstractTableModel):
    """The actions of one session, area by area, for a view to show and edit."""

    def __init__(
        self, language: str, edit: EditHandler, parent=None, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.language = language
        #: The app's clock's date, for overdue marks when the session has no date of its own.
        self._today = today
        self._edit = edit
        self._rows: list[Row] = []
        self.partners: list[PartnerData] = []
        self.session_date: dt.date | None = None
        self._findings: dict[tuple[Action, dt.date | None], tuple] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # Feeding the model ---------------------------------------------------------------------

    def set_actions(
        self, actions: Sequence[Action], partners: Sequence[PartnerData], session_date: dt.date | None
    ) -> None:
        """Show these actions; owner names come from `partners`, the SMART check uses the date."""
        new = _layout(actions)
        context_changed = (list(partners), session_date) != (self.partners, self.session_date)
        self.partners, self.session_date = list(partners), session_date
        old_keys, new_keys = [_key(row) for row in self._rows], [_key(row) for row in new]
        if old_keys != new_keys and not self._change_one_row(old_keys, new_keys, new):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        last_column = self.columnCount() - 1
        if context_changed:
            # Other partners or another date can change any owner name or any check.
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, last_column))
            return
        for row, (shown, fresh) in enumerate(zip(self._rows, new, strict=True)):
            if shown != fresh:
                self._rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def _change_one_row(self, old_keys: list, new_keys: list, new: list[Row]) -> bool:
        """Tell the view of the one row added, removed or moved; False if more than that changed.

        The rows keep their old contents here; `set_actions` then tells what changed in them.
        """
        change = _single_change(old_keys, new_keys)
        if change is None:
            return False
        kind, row, destination = change
        before = {_key(old): old for old in self._rows}
        staged = [before.get(key, fresh) for key, fresh in zip(new_keys, new, strict=True)]
        if kind == "insert":
            self.beginInsertRows(QModelIndex(), row, row)
        elif kind == "remove":
            self.beginRemoveRows(QModelIndex(), row, row)
        else:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows = staged
        {"insert": self.endInsertRows, "remove": self.endRemoveRows, "move": self.endMoveRows}[kind]()
        return True

    # Reading the model ---------------------------------------------------------------------

    def action_at(self, index: AnyIndex) -> Action | None:
        """The action on `index`'s row; None on a heading row or an invalid index."""
        row = self._row(index)
        return row if isinstance(row, Action) else None

    def area_at(self, index: AnyIndex) -> Area | None:
        """The area `index`'s row belongs to: the heading's own or the action's."""
        row = self._row(index)
        if row is None:
            return None
        return row.area if isinstance(row, Heading) else next(a for a in AREAS if a.id == row.area)

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], Heading)

    def index_of(self, action_id: int, column: int = COL_WHAT) -> QModelIndex:
        """The cell of an action in `column`; an invalid index if it is not shown."""
        for row, shown in enumerate(self._rows):
            if isinstance(shown, Action) and shown.id == action_id:
                return self.index(row, column)
        return QModelIndex()

    def owner_label(self, action: Action) -> str:
        """'Vesterhavs Kommune (Mette Kjær)', the partner alone, or the person alone."""
        partner = next((p for p in self.partners if p.id == action.owner_partner_id), None)
        return owner_label(action, (partner.name, partner.organisation) if partner else None)

    def _row(self, index: AnyIndex) -> Row | None:
        if not index.isValid() or index.model() is not self or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    # QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COL_CHECK + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Hvad"), self.tr("Ansvarlig"), self.tr("Hvornår"), self.tr("Status"), self.tr("Tjek"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        row = self._row(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if isinstance(row, Action) and index.column() in FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._row(index)
        if row is None:
            return None
        if role == AREA_ID_ROLE:
            return row.area.id if isinstance(row, Heading) else row.area
        if isinstance(row, Heading):
            return self._heading_data(row, index.column(), role)
        return self._action_data(row, index.column(), role)

    def _heading_data(self, heading: Heading, column: int, role: int):
        if column != COL_WHAT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            area, language = heading.area, self.language
            return f"{area.title.get(language)} ({heading.count}) – {area.question.get(language)}"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _action_data(self, action: Action, column: int, role: int):
        if role == ACTION_ID_ROLE:
            return action.id
        if role == Qt.ItemDataRole.EditRole:
            return getattr(action, FIELDS[column]) if column in FIELDS else None
        language = self.language
        if column == COL_CHECK:
            findings = self._findings_of(action)
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(dict.fromkeys(SHORT_FINDINGS[finding.code].get(language) for finding in findings))
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(finding.message.get(language) for finding in findings)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(FLAG_COLOUR)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_WHAT:
                return action.what
            if column == COL_OWNER:
                return self.owner_label(action)
            if column == COL_DUE:
                if self._overdue(action):
                    return f"{format_date(action.due)}  ⚠ {OVERDUE.get(language)}"
                return format_date(action.due)
            return STATUSES.get(action.status, STATUSES["open"]).get(language)
        if column == COL_DUE and self._overdue(action):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_WHAT, COL_OWNER):
            return action.what if column == COL_WHAT else self.owner_label(action)
        return None

    def _findings_of(self, action: Action) -> tuple:
        # The view asks each cell for several roles at every layout (a first showing of 30
        # actions: some 1,700 calls); the check runs once per version of an action instead.
        key = (action, self.session_date)
        found = self._findings.get(key)
        if found is None:
            if len(self._findings) > 1000:
                self._findings.clear()
            found = self._findings[key] = tuple(smart_findings(action, session_date=self.session_date))
        return found

    def _overdue(self, action: Action) -> bool:
        # Overdue on the meeting's day: a follow-up shows what was late when the partners met.
        return is_overdue(action, self.session_date or self._today())

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand an edited cell to the workspace, which stores it; the change comes back by `set_actions`."""
        action = self.action_at(index)
        if action is None or role != Qt.ItemDataRole.EditRole or index.column() not in FIELDS:
            return False
        return self._edit(action, FIELDS[index.column()], value)
