"""A layout that lines its widgets up in a row and wraps them onto more rows when narrow.

Each widget always gets its full size hint, so a button's label is never cut: a narrow
window gets another row of buttons instead of clipped ones.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget


def grouped(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """Widgets side by side in one widget, so a flow layout keeps them together on a row."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return group


class FlowLayout(QLayout):
    """Rows of widgets at their size hint (or down to their minimum), wrapped to the width given.

    Rows are right-aligned; with `spread`, a row's last widget goes to the right edge and
    the others stay left, as a row with a stretch before its last widget would.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, *, spread: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._spread = spread
        # Qt asks for the height at a width many times per layout pass (each parent asks);
        # placing every widget again each time was most of a step change's layout work.
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        """Forget the heights: Qt calls this when a widget is added, shown, hidden or resized."""
        self._heights.clear()
        super().invalidate()

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        sizes = self._visible_sizes()
        if not sizes:
            return QSize(0, 0)
        width = sum(size.width() for size in sizes) + self._spacing * (len(sizes) - 1)
        return QSize(width, max(size.height() for size in sizes))

    def minimumSize(self) -> QSize:
        """The widest widget alone on a row, at its minimum: narrower, and it would be cut."""
        items = [item for item in self._items if not item.isEmpty()]
        if not items:
            return QSize(0, 0)
        return QSize(max(item.minimumSize().width() for item in items), max(item.sizeHint().height() for item in items))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _visible_sizes(self) -> list[QSize]:
        return [item.sizeHint() for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        # A widget joins the row if it fits at its minimum (a combo box can give up some width).
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            needed = item.minimumSize().width() + (self._spacing if rows[-1] else 0)
            if rows[-1] and used + needed > width:
                rows.append([])
                needed = item.minimumSize().width()
                used = 0
            rows[-1].append(item)
            used += needed
        return [row for row in rows if row]

    def _widths(self, row: list[QLayoutItem], width: int) -> list[int]:
        """Each widget's size hint, or less where a row is short of room, never below its minimum."""
        hints = [item.sizeHint().width() for item in row]
        room = width - self._spacing * (len(row) - 1)
        short = sum(hints) - room
        if short <= 0:
            return hints
        give = [hint - min(item.minimumSize().width(), hint) for item, hint in zip(row, hints, strict=True)]
        total = sum(give) or 1
        return [hint - min(spare, round(spare * short / total)) for hint, spare in zip(hints, give, strict=True)]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the rows out in `rect` (when `move`); returns the height they take."""
        y = rect.y()
        for row in self._rows(rect.width()):
            height = max(item.sizeHint().height() for item in row)
            widths = self._widths(row, rect.width())
            free = max(rect.width() - sum(widths) - self._spacing * (len(row) - 1), 0)
            x = rect.x() + (0 if self._spread else free)
            for index, (item, width) in enumerate(zip(row, widths, strict=True)):
                size = QSize(width, item.sizeHint().height())
                if self._spread and index == len(row) - 1 and index > 0:
                    x += free
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                x += size.width() + self._spacing
            y += height + self._spacing
        return max(y - self._spacing - rect.y(), 0)
