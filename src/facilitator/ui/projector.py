"""The projector view: what the partners see on the big screen, and nothing the facilitator keeps.

It shows the part, the step, the question the partners work on, a large timer and the
step's projected content. It is fed only those things, never the guidance or the notes,
so it cannot leak them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.program import Part, Step
from facilitator.timing import Phase, RunState, format_countdown
from facilitator.ui.agenda import part_heading
from facilitator.ui.day import DayController
from facilitator.ui.room_join import RoomJoinView, plain_address
from facilitator.ui.timer_bar import restyle

WINDOWED_SIZE = (1100, 680)


class ProjectorWindow(QWidget):
    """A second window for the room, full screen on a second monitor when there is one."""

    closed = Signal()
    #: F5 pressed in the projector window itself.
    toggle_requested = Signal()

    def __init__(self, day: DayController, parent: QWidget | None = None, text_scale: int = 100) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        #: Percent of the size that fits the screen (Indstillinger → Projektorens tekst).
        self.text_scale = text_scale
        self.setObjectName("projector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # However it is closed (F5, the window's close button, the session closing), it goes.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        # Ends with the app's name, so the window system does not add it a second time.
        self.setWindowTitle(self.tr("Projektor – Facilitator"))
        self.day = day
        self._step_id: str | None = None
        language = day.context.language
        self._language = language

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(12)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        self.part_label = QLabel()
        self.part_label.setObjectName("projectorPart")
        self.part_label.setWordWrap(True)
        self.step_title = QLabel()
        self.step_title.setObjectName("projectorTitle")
        self.step_title.setWordWrap(True)
        heading.addWidget(self.part_label)
        heading.addWidget(self.step_title)
        heading.addStretch(1)
        top.addLayout(heading, 1)
        self.countdown = QLabel()
        self.countdown.setObjectName("projectorCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.countdown.setAccessibleName(self.tr("Nedtælling"))
        top.addWidget(self.countdown)
        layout.addLayout(top)

        self.question = QLabel()
        self.question.setObjectName("projectorQuestion")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        rule = QFrame()
        rule.setObjectName("projectorRule")
        rule.setFixedHeight(2)
        layout.addWidget(rule)
        self.content = QLabel()
        self.content.setObjectName("projectorContent")
        self.content.setWordWrap(True)
        self.content.setTextFormat(Qt.TextFormat.RichText)
        self.content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The screen is as big as it is: long content (a status board's table) must not push
        # the window past it; `_fit_content` makes the type smaller instead.
        self.content.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.content, 1)
        self._layout = layout
        #: A live view (the board) shown instead of the HTML content.
        self.content_widget: QWidget | None = None

        #: How to join the room, beside the step while the room is open (see `show_room`).
        self.room_join: RoomJoinView | None = None
        self._outer = outer

        day.tick.connect(self._refresh_timer)

    # What to show -----------------------------------------------------------------

    def show_step(
        self,
        part: Part | None,
        step: Step,
        content_html: str | None = None,
        content_widget: QWidget | None = None,
    ) -> None:
        """Follow the facilitator to `step`; its projected content is HTML or a live widget."""
        language = self._language
        self._step_id = step.id
        self.part_label.setText(part_heading(part, language).replace("\n", " · ") if part else self.tr("Pause"))
        self.step_title.setText(step.title.get(language))
        self.question.setText(step.question.get(language) if step.question else "")
        self.question.setVisible(step.question is not None)
        self.set_content(content_html)
        self.set_content_widget(content_widget)
        self._refresh_timer()

    def set_content(self, html: str | None) -> None:
        self.content.setText(html or "")
        self._scale_type()

    def set_content_widget(self, widget: QWidget | None) -> None:
        """Show a live widget where the content goes (None: back to the HTML content)."""
        if self.content_widget is not None:
            self._layout.removeWidget(self.content_widget)
            self.content_widget.deleteLater()
        self.content_widget = widget
        if widget is not None:
            widget.setParent(self)
            self._layout.insertWidget(self._layout.indexOf(self.content), widget, 1)
        self.content.setVisible(widget is None)
        self._scale_type()

    def show_room(self, url: str | None, join_code: str = "") -> None:
        """Show how to join the open room beside the step (None: the room closed, hide it)."""
        if url is None:
            if self.room_join is not None:
                self._outer.removeWidget(self.room_join)
                self.room_join.deleteLater()
                self.room_join = None
            return
        if self.room_join is None:
            self.room_join = RoomJoinView(self)
            self._outer.addWidget(self.room_join)
            # A child added to a window already on screen stays hidden until told otherwise.
            self.room_join.show()
        self.room_join.set_room(url, plain_address(url), join_code)
        self._scale_type()

    def visible_text(self) -> str:
        """Everything the room can read, for tests that check what is (not) projected."""
        labels = (self.part_label, self.step_title, self.countdown, self.question, self.content)
        text = "\n".join(label.text() for label in labels if label.isVisibleTo(self))
        if self.room_join is not None and self.room_join.isVisibleTo(self):
            text += "\n" + self.room_join.visible_text()
        return text

    def _refresh_timer(self) -> None:
        step_id = self._step_id
        if step_id is None:
            return
        run = self.day.timekeeper.run(step_id)
        if run.state is RunState.IDLE or run.state is RunState.FINISHED:
            # A step that is not running shows its planned time, never another step's clock.
            self.countdown.setText(format_countdown(self.day.planned_seconds(step_id)))
            restyle(self.countdown, "phase", Phase.IDLE.value)
            return
        self.countdown.setText(format_countdown(self.day.remaining(step_id)))
        restyle(self.countdown, "phase", self.day.phase(step_id).value)

    # Window behaviour ----------------------------------------------------------------

    def present(self, facilitator_window: QWidget) -> None:
        """Full screen on a monitor other than the facilitator's, else a normal window."""
        own = facilitator_window.screen()
        others = [screen for screen in QGuiApplication.screens() if screen is not own]
        if others:
            target = others[0]
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(*WINDOWED_SIZE)
            self.show()
        self.raise_()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.resize(*WINDOWED_SIZE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.leave_full_screen()
            return
        if event.key() == Qt.Key.Key_F5:
            self.toggle_requested.emit()
            return
        if event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scale_type()
        super().resizeEvent(event)

    def _scale_type(self) -> None:
        # Type scales with the window so the back row can read it on any projector; a live
        # view (the board) gets most of the height, so the headings step back.
        height = max(self.height(), 300)
        roomy = self.content_widget is not None
        # The board's post-its must be read from the back row: the frame gives it its height.
        self._layout.setContentsMargins(*((24, 12, 24, 12) if roomy else (48, 36, 48, 36)))
        self._layout.setSpacing(6 if roomy else 12)
        for label, share, bold in (
            (self.countdown, 0.07 if roomy else 0.16, True),
            (self.step_title, 0.04 if roomy else 0.065, True),
            (self.part_label, 0.024 if roomy else 0.032, True),
            (self.question, 0.036 if roomy else 0.05, False),
            (self.content, 0.038, False),
        ):
            font = QFont(label.font())
            # The join column takes a third of the width: the step's type steps back to fit beside it.
            shared = 0.7 if self.room_join is not None else 1.0
            font.setPixelSize(max(8, int(height * share * shared * self.text_scale / 100)))
            font.setBold(bold)
            label.setFont(font)
        if self.room_join is not None:
            # A third of the width: the code stays large enough to scan from the back row.
            margin = self._layout.contentsMargins().top()
            self._outer.setContentsMargins(0, 0, margin, 0)
            self.room_join.fit(max(160, int(self.width() * 0.32)), height)
        else:
            self._outer.setContentsMargins(0, 0, 0, 0)
        self._fit_content()

    def _fit_content(self) -> None:
        # A long list (many next steps) steps down in size rather than running off the
        # screen, but never below half the normal size: past that, the back row cannot read it.
        if self.content_widget is not None or not self.content.text():
            return
        self._layout.activate()
        available = self.height() - self._layout.contentsMargins().bottom() - self.content.geometry().top()
        width = self.content.width()
        if available <= 0 or width <= 0:
            return
        font = QFont(self.content.font())
        size = font.pixelSize()
        floor = max(12, size // 2)
        while size > floor and self.content.heightForWidth(width) > available:
            size = max(floor, int(size * 0.9))
            font.setPixelSize(size)
            self.content.setFont(font)

    def set_text_scale(self, text_scale: int) -> None:
        """Make the room's text bigger or smaller, in percent of what fits the screen."""
        self.text_scale = text_scale
        self._scale_type()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
