"""The current step: where it sits in the day, what the facilitator does, and its workspace."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.program import Item, Part, ScheduledItem, Step, format_clock
from facilitator.ui.agenda import part_heading

INSTRUCTION_HEIGHT = 170
ROOMY_INSTRUCTION_HEIGHT = 62


class _FittedScrollArea(QScrollArea):
    """As tall as its label needs, up to a cap; longer instructions scroll."""

    def __init__(self, label: QLabel, max_height: int) -> None:
        super().__init__()
        self._label = label
        self._max_height = max_height
        self._measured_text: str | None = None
        #: (width, font) -> the label's height for the text last measured.
        self._heights: dict[tuple[int, str], int] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        # maximumViewportSize, not viewport().width(): handing Python the viewport makes
        # PySide look for its most derived type, which builds every widget class's enums.
        width = max(self.maximumViewportSize().width(), 200)
        # Wrapping a long instruction to measure it costs about 1 ms, and a step change
        # asked five times, at two widths (with and without the scroll bar).
        text = self._label.text()
        if text != self._measured_text:
            self._measured_text, self._heights = text, {}
        key = (width, self._label.font().key())
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._label.heightForWidth(width)
        return QSize(width, min(height + 2, self._max_height))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.sizeHint().height()
        if height != self.height():
            self.setFixedHeight(height)


class _WorkspaceStack(QStackedWidget):
    """Asks for the room of the workspace on screen, not of the largest one opened today."""

    def __init__(self) -> None:
        super().__init__()
        # The stack's own layout would hold it at the largest page's minimum.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(self.updateGeometry)
        #: The page about to be shown, while the stack takes its size (see `show_page`).
        self._arriving: QWidget | None = None

    def _page(self) -> QWidget | None:
        return self._arriving if self._arriving is not None else self.currentWidget()

    def sizeHint(self) -> QSize:
        page = self._page()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self._page()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # Qt's stacked layout answers with the tallest page at this width: a long overview
        # built in idle time for the next step made the page on screen scroll for nothing.
        page = self._page()
        return page.heightForWidth(width) if page is not None else -1

    def show_page(self, page: QWidget, size: QSize) -> None:
        """Show `page` at `size`, the size the scroll area will give it, laid out once.

        Qt's stacked layout would lay the page out at the old page's size first, and the
        scroll area then at its own: for a table of rows of wrapped text, twice the work.
        """
        if self.size() != size:
            self._arriving = page
            try:
                # The scroll area checks the new size against the arriving page's needs.
                self.resize(size)
            finally:
                self._arriving = None
        self.setCurrentWidget(page)


class _WorkspaceScroll(QScrollArea):
    """Scrolls a workspace up and down when the window is low, never sideways: its width counts."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self.setObjectName("workspaceScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(stack)
        stack.currentChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())


class StepView(QWidget):
    """Header, instruction and a stack of workspaces for the step on screen."""

    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(6)
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        self.title = QLabel()
        self.title.setObjectName("stepTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("stepMeta")
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.question)

        self.instruction = QLabel()
        self.instruction.setObjectName("instruction")
        self.instruction.setWordWrap(True)
        self.instruction.setTextFormat(Qt.TextFormat.PlainText)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        instruction_scroll = _FittedScrollArea(self.instruction, max_height=INSTRUCTION_HEIGHT)
        instruction_scroll.setObjectName("instructionCard")
        instruction_scroll.setAccessibleName(self.tr("Instruktion til trinnet"))
        self.instruction_scroll = instruction_scroll
        layout.addWidget(instruction_scroll)

        self.workspaces = _WorkspaceStack()
        self.workspaces.setObjectName("workspaceArea")
        # On a small laptop or at a large text size a workspace may need more room than the
        # window has: it scrolls then, instead of being squeezed until its fields are cut.
        self.workspace_scroll = _WorkspaceScroll(self.workspaces)
        layout.addWidget(self.workspace_scroll, 1)

        navigation = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("‹ Forrige trin"))
        self.previous_button.setToolTip(self.tr("Forrige trin (Alt+PgUp eller Ctrl+Venstre)"))
        self.next_button = QPushButton(self.tr("Næste trin ›"))
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(self.tr("Næste trin (Alt+PgDown eller Ctrl+Højre)"))
        navigation.addWidget(self.previous_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        layout.addLayout(navigation)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)

    def show_step(
        self,
        item: Item,
        step: Step,
        slot: ScheduledItem,
        position: tuple[int, int],
        language: str = "da",
    ) -> None:
        """Fill the header for `step` of `item`, placed at `slot` on the clock."""
        if isinstance(item, Part):
            self.breadcrumb.setText(part_heading(item, language).replace("\n", " · "))
            number, total = position
            place = self.tr("Trin %1 af %2").replace("%1", str(number)).replace("%2", str(total))
        else:
            self.breadcrumb.setText(self.tr("Pause"))
            place = ""
        self.title.setText(step.title.get(language))
        parts = [f"{format_clock(slot.start)}–{format_clock(slot.end)}", self.tr("%n min", "", step.minutes)]
        if place:
            parts.append(place)
        self.meta.setText("  ·  ".join(parts))
        self.question.setVisible(step.question is not None)
        self.question.setText(step.question.get(language) if step.question else "")
        instruction = step.instruction.get(language) if step.instruction else ""
        self.instruction.setText(instruction)
        self.instruction_scroll.setVisible(bool(instruction))
        self.instruction_scroll.setFixedHeight(self.instruction_scroll.sizeHint().height())
        self.instruction_scroll.verticalScrollBar().setValue(0)

    def workspace_size(self, page: QWidget) -> QSize:
        """The size `page` gets when it is on screen, worked out as the scroll area does it.

        The room the scroll area has, grown to the page's least size (the page then scrolls
        up and down, and the scroll bar takes its width off the room).
        """
        scroll = self.workspace_scroll
        room = scroll.maximumViewportSize()
        least = self._least_size(page, room.width())
        if least.height() > room.height():
            room.setWidth(room.width() - scroll.verticalScrollBar().sizeHint().width())
            least = self._least_size(page, room.width())
        return room.expandedTo(least)

    @staticmethod
    def _least_size(page: QWidget, width: int) -> QSize:
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        if page.hasHeightForWidth():
            least.setHeight(max(least.height(), page.heightForWidth(max(width, least.width()))))
        return least

    def lay_out_ahead(self, page: QWidget) -> None:
        """In idle time: give `page`, not on screen yet, its size and lay it out, so showing it only paints."""
        page.resize(self.workspace_size(page))
        # A page never shown keeps its resize events, style and layouts for its first
        # showing, and a table measures its rows when it first paints them: painting the
        # page onto a single pixel does all of that now.
        page.render(QPixmap(1, 1))

    def show_workspace(self, page: QWidget) -> None:
        """Put `page` on screen at the size the scroll area gives it."""
        self.workspaces.show_page(page, self.workspace_size(page))

    def set_roomy(self, roomy: bool) -> None:
        """Give a workspace that needs the room (circles, board, forms) more of the height.

        The instruction then shows its first lines and scrolls for the rest.
        """
        self.instruction_scroll._max_height = ROOMY_INSTRUCTION_HEIGHT if roomy else INSTRUCTION_HEIGHT
        self.instruction_scroll.setFixedHeight(self.instruction_scroll.sizeHint().height())

    def set_navigation(self, has_previous: bool, has_next: bool) -> None:
        self.previous_button.setEnabled(has_previous)
        self.next_button.setEnabled(has_next)
