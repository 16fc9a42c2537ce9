"""The facilitator's timer strip: the countdown of the step under way and its controls."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.timing import Phase, RunState, format_countdown, format_delay
from facilitator.ui.day import DayController
from facilitator.ui.flow_layout import FlowLayout

#: Number of on/off changes in the flash when a step's time is up.
FLASH_TOGGLES = 6
FLASH_INTERVAL_MS = 220


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet selects on, and redraw only if it changed."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    # A style sheet of its own (only a comment, no rules) makes Qt polish the widget anew.
    # The usual style().unpolish()/polish() would hand Python the QStyle, and PySide then
    # builds all of QStyle's enums: some 10 ms the first time, at start-up.
    widget.setStyleSheet(f"/* {name}: {value} */")


# The status beside the countdown gets at least this many average characters on a row
# before the buttons move to a row of their own.
STATUS_CHARACTERS = 24


class _Countdown(QLabel):
    """As wide as the widest countdown in its own (styled) font, so the digits never jump or clip."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance("−00:00"), metrics.horizontalAdvance(self.text()))
        # The style sheet's padding (10 px each side) and room for the rounded corners.
        return QSize(widest + 28, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class TimerBar(QWidget):
    """Shows the live step's countdown (or the viewed step's, when nothing runs)."""

    #: 'Next step' was pressed: close the step under way and start the next.
    next_requested = Signal()
    #: The facilitator wants to see the step that is under way.
    show_live_requested = Signal(str)

    def __init__(self, day: DayController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.day = day
        self._viewed: str | None = None
        self._holding = 0
        self._missed_refresh = False
        self._flash_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_INTERVAL_MS)
        self._flash.timeout.connect(self._flash_step)

        layout = QGridLayout(self)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        self.countdown = _Countdown("00:00")
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName(self.tr("Nedtælling"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown, 0, 0)

        self.texts = QWidget()
        texts = QVBoxLayout(self.texts)
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(0)
        self.status = QLabel()
        self.status.setObjectName("timerStatus")
        self.status.setWordWrap(True)
        self.delay = QLabel()
        self.delay.setObjectName("delayBadge")
        self.delay.setWordWrap(True)
        self.delay.setAccessibleName(self.tr("Forskel fra planen"))
        texts.addStretch(1)
        texts.addWidget(self.status)
        texts.addWidget(self.delay)
        texts.addStretch(1)
        layout.addWidget(self.texts, 0, 1)
        layout.setColumnStretch(1, 1)

        self.show_live_button = QPushButton(self.tr("Vis trinnet"))
        self.show_live_button.setToolTip(self.tr("Gå til trinnet, hvor tiden kører"))
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        self.start_here_button = QPushButton(self.tr("Start dette trin"))
        self.start_here_button.setToolTip(self.tr("Afslut trinnet, der kører, og start tiden for dette trin"))
        self.plus_one = QPushButton(self.tr("+1"))
        self.plus_one.setToolTip(self.tr("Giv trinnet 1 minut mere (Ctrl+1)"))
        self.plus_one.setAccessibleName(self.tr("Et minut mere"))
        self.plus_five = QPushButton(self.tr("+5"))
        self.plus_five.setToolTip(self.tr("Giv trinnet 5 minutter mere (Ctrl+5)"))
        self.plus_five.setAccessibleName(self.tr("Fem minutter mere"))
        self.reset_button = QPushButton("↺")
        self.reset_button.setToolTip(self.tr("Nulstil trinnets tid"))
        self.reset_button.setAccessibleName(self.tr("Nulstil trinnets tid"))
        self.next_button = QPushButton(self.tr("Næste trin ▸"))
        self.next_button.setToolTip(self.tr("Afslut trinnet og start det næste (Ctrl+Højre)"))
        # The buttons move under the status or onto rows of their own when the strip is
        # narrow (see `_arrange`): a label is never cut and nothing covers the countdown.
        self.controls = QWidget()
        self.controls.setObjectName("timerControls")
        controls = FlowLayout(self.controls)
        self._buttons = (
            self.show_live_button,
            self.start_here_button,
            self.start_button,
            self.plus_one,
            self.plus_five,
            self.reset_button,
            self.next_button,
        )
        for button in self._buttons:
            controls.addWidget(button)
        self._arrangement = "beside"
        self._arranged: tuple | None = None
        layout.addWidget(self.controls, 0, 2)

        self.start_button.clicked.connect(self.toggle)
        self.start_here_button.clicked.connect(lambda: self._viewed and self.day.start(self._viewed))
        self.plus_one.clicked.connect(lambda: self.extend(1))
        self.plus_five.clicked.connect(lambda: self.extend(5))
        self.reset_button.clicked.connect(self.reset)
        self.next_button.clicked.connect(self.next_requested)
        self.show_live_button.clicked.connect(
            lambda: self.day.live_step_id and self.show_live_requested.emit(self.day.live_step_id)
        )
        day.tick.connect(self.refresh)
        day.time_up.connect(self._on_time_up)

    @property
    def arrangement(self) -> str:
        """Where the buttons are: "beside" the status, "under" it (beside the countdown), or "below" all."""
        return self._arrangement

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Put the buttons where they fit whole, on as few rows as the width allows.

        Beside the status when everything fits on one row with a readable status; else under
        the status, beside the countdown, when the buttons fit on one row there; else on rows
        of their own across the whole strip. Runs on a resize and when the buttons or texts
        change, not on every tick.
        """
        key = (
            self.width(),
            self.status.text(),
            self.delay.text(),
            tuple((button.isVisibleTo(self), button.text()) for button in self._buttons),
        )
        if key == self._arranged:
            return
        self._arranged = key
        layout: QGridLayout = self.layout()
        margins = layout.contentsMargins()
        available = self.width() - margins.left() - margins.right()
        metrics = self.status.fontMetrics()
        status_width = max(
            min(metrics.horizontalAdvance(self.status.text()), metrics.averageCharWidth() * STATUS_CHARACTERS),
            self.delay.fontMetrics().horizontalAdvance(self.delay.text()),
        )
        spacing = layout.horizontalSpacing()
        countdown = self.countdown.sizeHint().width() + spacing
        buttons = self.controls.sizeHint().width()
        if countdown + status_width + spacing + buttons <= available:
            arrangement = "beside"
        elif countdown + buttons <= available:
            arrangement = "under"
        else:
            arrangement = "below"
        if arrangement == self._arrangement:
            return
        self._arrangement = arrangement
        for widget in (self.countdown, self.texts, self.controls):
            layout.removeWidget(widget)
        if arrangement == "beside":
            layout.addWidget(self.countdown, 0, 0)
            layout.addWidget(self.texts, 0, 1)
            layout.addWidget(self.controls, 0, 2)
        elif arrangement == "under":
            layout.addWidget(self.countdown, 0, 0, 2, 1)
            layout.addWidget(self.texts, 0, 1, 1, 2)
            layout.addWidget(self.controls, 1, 1, 1, 2)
        else:
            layout.addWidget(self.countdown, 0, 0)
            layout.addWidget(self.texts, 0, 1, 1, 2)
            layout.addWidget(self.controls, 1, 0, 1, 3)

    def set_viewed_step(self, step_id: str) -> None:
        self._viewed = step_id
        self.refresh()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Refresh once, after the block, however often the day changes within it.

        Næste trin moves the live step first and the view after: a refresh in between would
        show the buttons for watching another step's time and hide them again, each time
        laying out the whole window (5-20 ms per step change).
        """
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._missed_refresh:
                self._missed_refresh = False
                self.refresh()

    def _shown_step(self) -> str | None:
        return self.day.live_step_id or self._viewed

    def toggle(self) -> None:
        """Start, pause or resume (Space)."""
        if self._viewed is not None:
            self.day.toggle(self._viewed)

    def extend(self, minutes: int) -> None:
        """Give the step whose time runs (or the one on screen) more minutes."""
        self.day.extend(minutes, self._shown_step())

    def reset(self) -> None:
        step_id = self._shown_step()
        if step_id is not None:
            self.day.reset(step_id)

    def refresh(self) -> None:
        if self._holding:
            self._missed_refresh = True
            return
        step_id = self._shown_step()
        if step_id is None:
            return
        day = self.day
        run = day.timekeeper.run(step_id)
        phase = day.phase(step_id)
        if run.state is RunState.FINISHED:
            # A closed step shows the time it took, not a countdown.
            self.countdown.setText(format_countdown(day.timekeeper.elapsed(step_id)))
        else:
            self.countdown.setText(format_countdown(day.remaining(step_id)))
        restyle(self.countdown, "phase", phase.value)
        found = day.find(step_id)
        title = found[1].title.get(day.context.language) if found else step_id
        live = day.live_step_id
        viewing_other = live is not None and live != self._viewed
        status = {
            Phase.IDLE: self.tr("Klar til start"),
            Phase.RUNNING: self.tr("Tiden kører"),
            Phase.WARNING: self.tr("Snart slut"),
            Phase.OVERRUN: self.tr("Over tiden"),
            Phase.PAUSED: self.tr("På pause"),
            Phase.FINISHED: self.tr("Afsluttet · brugt tid"),
        }[phase]
        if run.state is RunState.PAUSED:
            status = self.tr("På pause")
        if viewing_other:
            # The countdown belongs to another step than the one on screen: say which.
            status = f"{status}: {title}"
        self.status.setText(status)
        delay = day.live.delay
        self.delay.setText(format_delay(delay).get(day.context.language))
        restyle(self.delay, "delay", "none" if delay is None else "behind" if delay > 0 else "ok")
        if run.state is RunState.RUNNING:
            self.start_button.setText(self.tr("Pause"))
        elif run.state is RunState.PAUSED:
            self.start_button.setText(self.tr("Fortsæt"))
        elif run.state is RunState.FINISHED and not viewing_other:
            # Starting a closed step again continues from the time it already used.
            self.start_button.setText(self.tr("Genoptag"))
        else:
            self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start eller pause tiden (Mellemrum)"))
        self.show_live_button.setVisible(viewing_other)
        self.start_here_button.setVisible(viewing_other)
        under_way = run.state in (RunState.RUNNING, RunState.PAUSED)
        self.plus_one.setEnabled(under_way)
        self.plus_five.setEnabled(under_way)
        self.reset_button.setEnabled(run.state is not RunState.IDLE)
        self._arrange()

    def _on_time_up(self, _step_id: str) -> None:
        if self.day.settings.sound:
            QApplication.beep()
        if self.day.settings.flash:
            self._flash_left = FLASH_TOGGLES
            self._flash.start()

    def _flash_step(self) -> None:
        self._flash_left -= 1
        restyle(self, "flash", "on" if self._flash_left % 2 else "off")
        if self._flash_left <= 0:
            self._flash.stop()
            restyle(self, "flash", "off")

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()
