"""The view of Delsession 4's actions: one list of the four areas, edited from the keyboard.

A QTreeView over the flat `ActionTableModel` rather than a QTableView: it sizes each row to
its text, spans a heading across the columns and keeps the look the table has always had.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from facilitator.conversation.next_steps import STATUSES
from facilitator.ui.next_steps_model import (
    COL_CHECK,
    COL_DUE,
    COL_OWNER,
    COL_STATUS,
    COL_WHAT,
    ActionTableModel,
    format_date,
)

#: How far an action's text stands in from its area's heading.
INDENT = 20
#: A cell's padding left and right, which the measuring leaves out and the painting does not.
CELL_PADDING = 8
#: What the style keeps free left and right of a cell's text when it wraps, and a pixel to spare.
TEXT_MARGINS = 8
#: The most lines an action's row takes; the rest ends in "…".
MAX_LINES = 2
#: Columns whose text wraps (to `MAX_LINES`); the others keep to one line.
WRAPPED_COLUMNS = (COL_WHAT, COL_OWNER)
#: Columns as wide as their widest text.
FITTED_COLUMNS = (COL_DUE, COL_STATUS, COL_CHECK)


def within_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """`text` as it fits in `lines` lines of `width` when wrapped at words, cut at a word with "…" if longer."""
    flags = int(Qt.TextFlag.TextWordWrap)
    # Measured, not computed from the line spacing: the wrapped lines may round up a pixel.
    limit = metrics.boundingRect(0, 0, width, 100_000, flags, "\n".join("X" * lines)).height()

    def fits(candidate: str) -> bool:
        # A word wider than the column does not wrap: it would run out of the cell.
        needed = metrics.boundingRect(0, 0, width, 100_000, flags, candidate)
        return needed.height() <= limit and needed.width() <= width

    if fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    # The most words that fit with the ellipsis after them, found by halving.
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + " …"):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …" if low else metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ActionDelegate(QStyledItemDelegate):
    """Editors that fit each column: partners and statuses to pick, dates typed the Danish way."""

    def __init__(self, model: ActionTableModel, parent: QTreeView | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._view = parent
        #: (text, width, font) -> the text as it fits in `MAX_LINES` lines.
        self._fitted: dict[tuple[str, int, str], str] = {}
        #: Font -> the height of a cell of one line.
        self._line_height: dict[str, int] = {}

    def _indented(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        if index.column() != COL_WHAT or self.model.action_at(index) is None:
            return option
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(INDENT, 0, 0, 0)
        return shifted

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        super().paint(painter, self._indented(option, index), index)

    def _text_width(self, index) -> int:
        """How wide a wrapping cell's text may run (0: not known, or a column of one line)."""
        view = self._view
        column = index.column()
        if column not in WRAPPED_COLUMNS or view is None:
            return 0
        if column == COL_WHAT and self.model.is_heading(index.row()):
            return view.viewport().width() - CELL_PADDING
        return view.columnWidth(column) - CELL_PADDING - (INDENT if column == COL_WHAT else 0)

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        width = self._text_width(index)
        if width > 0 and option.text and self.model.action_at(index) is not None:
            # Two lines at most, so a small laptop still shows a handful of actions; a longer
            # one (or owner) ends in "…" (Qt's own eliding gives up wrapping), whole in the tooltip.
            # Less the style's own text margins, which its wrapping takes off the cell's width.
            width -= TEXT_MARGINS
            key = (option.text, width, option.font.key())
            fitted = self._fitted.get(key)
            if fitted is None:
                if len(self._fitted) > 2000:
                    self._fitted.clear()
                fitted = self._fitted[key] = within_lines(option.text, QFontMetrics(option.font), width, MAX_LINES)
            option.text = fitted

    def measure(self, option: QStyleOptionViewItem, index) -> QSize:
        """The cell's own size on one line, as Qt measures it (the short columns' widths)."""
        return super().sizeHint(option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        view = self._view
        if index.column() not in WRAPPED_COLUMNS and view is not None and not self.model.is_heading(index.row()):
            # A row's height comes from its wrapping cells; the others hold one line, as high
            # for every row. Measuring each of them made a first showing of 30 actions slow.
            key = option.font.key()
            height = self._line_height.get(key)
            if height is None:
                height = self._line_height[key] = super().sizeHint(option, index).height()
            return QSize(view.columnWidth(index.column()), height)
        indented = self._indented(option, index) is not option
        width = self._text_width(index)
        if width > 0:
            # The tree asks for a row's height without saying how wide the column is: told,
            # an action's words wrap onto a second line instead of being cut on the first.
            sized = QStyleOptionViewItem(option)
            sized.rect = QRect(0, 0, width, max(option.rect.height(), 1))
            sized.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            option = sized
        hint = super().sizeHint(option, index)
        return hint + QSize(INDENT, 0) if indented else hint

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index) -> None:
        super().updateEditorGeometry(editor, self._indented(option, index), index)
        # Rows are as low as their text; the editor's frame needs more, so it overlaps its
        # neighbours while it is open rather than clipping what is being typed.
        missing = editor.sizeHint().height() - editor.height()
        if missing > 0:
            editor.setGeometry(editor.geometry().adjusted(0, -(missing // 2), 0, missing - missing // 2))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index) -> QWidget | None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return None
        column = index.column()
        if column == COL_OWNER:
            box = QComboBox(parent)
            box.addItem(self.tr("– ingen –"), None)
            for partner in self.model.partners:
                box.addItem(partner.organisation or partner.name, partner.id)
            return box
        if column == COL_STATUS:
            box = QComboBox(parent)
            for status, label in STATUSES.items():
                box.addItem(label.get(self.model.language), status)
            return box
        editor = QLineEdit(parent)
        if column == COL_DUE:
            editor.setPlaceholderText(self.tr("dd.mm.åååå"))
        return editor

    def setEditorData(self, editor: QWidget, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(format_date(value) if index.column() == COL_DUE else value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index) -> None:
        # A date goes as typed: the workspace reads it the Danish way and says why if it cannot.
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ActionView(QTreeView):
    """The table of actions; Enter and F2 edit the current cell (F2 is the guide's key elsewhere)."""

    def __init__(self, model: ActionTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setModel(model)
        self.setItemDelegate(ActionDelegate(model, self))
        # The delegate shortens an action to two lines itself; Qt's eliding would keep one.
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        # The view forgets its spans when the model is reset; inserted, removed and moved rows
        # keep theirs, and a heading row is never inserted on its own.
        model.modelReset.connect(self._span_headings)
        self._span_headings()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_OWNER, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(COL_OWNER, 170)
        # The short columns fit their texts, measured with the font alone. Qt's own
        # ResizeToContents asks the delegate for every cell of them at each layout, which
        # made the step's first showing freeze the window for some 60 ms (issue 22).
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        for changed in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            changed.connect(self.fit_columns)
        self.fit_columns()
        # A wider or narrower action column wraps its words anew: the rows measure again.
        header.sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_WHAT:
            self.scheduleDelayedItemsLayout()

    def fit_columns(self, *_args: object) -> None:
        """Size the short columns to the widest of their texts (and headings), as typed now."""
        model = self.model()
        assert isinstance(model, ActionTableModel)
        header = self.header()
        plain = self.fontMetrics()
        option = QStyleOptionViewItem()
        option.initFrom(self)
        delegate = self.itemDelegate()
        for column in FITTED_COLUMNS:
            # The font finds the widest text; the delegate, asked for that one cell alone,
            # adds its margins and decorations exactly.
            widest, widest_index = 0, None
            for row in range(model.rowCount()):
                index = model.index(row, column)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if not text:
                    continue
                font = index.data(Qt.ItemDataRole.FontRole)
                width = (QFontMetrics(font) if isinstance(font, QFont) else plain).horizontalAdvance(text)
                if width > widest:
                    widest, widest_index = width, index
            needed = header.sectionSizeFromContents(column).width()
            if widest_index is not None and isinstance(delegate, ActionDelegate):
                needed = max(needed, delegate.measure(option, widest_index).width())
            if header.sectionSize(column) != needed:
                header.resizeSection(column, needed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_columns()

    def _span_headings(self) -> None:
        model = self.model()
        assert isinstance(model, ActionTableModel)
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), model.is_heading(row))

    def _editable(self) -> bool:
        index = self.currentIndex()
        return (
            self.state() != QAbstractItemView.State.EditingState
            and index.isValid()
            and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
            and self._editable()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self._editable():
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)
