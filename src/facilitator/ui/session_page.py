"""An open session: the agenda on the left, the current step and its workspace on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from facilitator.program import Part, Program, Step
from facilitator.store import SessionData
from facilitator.timing import Clock, RunState, SystemClock
from facilitator.ui.agenda import AgendaView
from facilitator.ui.context import SessionContext, SessionEvents
from facilitator.ui.day import DayController
from facilitator.ui.guide_panel import GuidePanel
from facilitator.ui.step_view import StepView
from facilitator.ui.timer_bar import TimerBar
from facilitator.ui.workspaces import Workspace, create_workspace

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.operations import BackgroundRunner


# Parts of the window's width for the agenda and the guide, up to their widest.
AGENDA_SHARE = 0.25
AGENDA_MAX_WIDTH = 420
GUIDE_SHARE = 0.2
GUIDE_MAX_WIDTH = 340


#: How long a step is on screen before the next step's screen is built in idle time. Short:
#: each screen is built once per session anyway, so an early build is never wasted work,
#: and a first visit then only shows it (bench/ui_stall.py: pauses over 100 ms 22 -> 2).
PREPARE_NEXT_AFTER_MS = 250


def _focus_into(page: QWidget) -> None:
    """Focus `page` as a stacked widget does when it is shown in place of the one with the focus.

    Its last focused child, else its first child that takes Tab, else the page itself.
    """
    target = page.focusWidget()
    if target is None:
        candidate = page.nextInFocusChain()
        while candidate is not page and candidate is not None:
            if (
                page.isAncestorOf(candidate)
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
                and candidate.focusProxy() is None
                and candidate.isVisibleTo(page)
                and candidate.isEnabled()
            ):
                target = candidate
                break
            candidate = candidate.nextInFocusChain()
    (target or page).setFocus(Qt.FocusReason.OtherFocusReason)


class SessionPage(QWidget):
    """Walks one session's program step by step; remembers the step it is on."""

    error = Signal(str)
    #: A passing word for the status bar.
    notice = Signal(str)
    #: The step on screen changed (part or None for a break, the step).
    step_shown = Signal(object, object)
    #: What the open step shows on the projector changed (HTML or None).
    projection_changed = Signal(object)

    def __init__(
        self,
        store: Store,
        session_id: int,
        language: str = "da",
        clock: Clock | None = None,
        on_error: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        data = store.get_session(session_id)
        program: Program = data.program()
        self.events = SessionEvents(self)
        self.events.error.connect(self.error)
        self.events.notice.connect(self.notice)
        if on_error is not None:
            # Connected before anything is built, so a problem while opening is shown too.
            self.error.connect(on_error)
        clock = clock or SystemClock()
        self.context = SessionContext(store, session_id, program, self.events, language, runner, clock)
        self.operations = self.context.operations()
        self.day = DayController(self.context, clock, self)
        self._workspaces: dict[str, Workspace] = {}
        # The next step's screen is built once the facilitator has looked at this one a while.
        self._prepare_next = QTimer(self)
        self._prepare_next.setSingleShot(True)
        self._prepare_next.setInterval(PREPARE_NEXT_AFTER_MS)
        self._prepare_next.timeout.connect(self._build_next_workspace)
        self._prepare_read = QTimer(self)
        self._prepare_read.setSingleShot(True)
        self._prepare_read.setInterval(1)
        self._prepare_read.timeout.connect(self._read_next_workspace)
        self._prepare_layout = QTimer(self)
        self._prepare_layout.setSingleShot(True)
        self._prepare_layout.setInterval(1)
        self._prepare_layout.timeout.connect(self._lay_out_next_workspace)
        self._to_prepare: Workspace | None = None
        #: True while a screen is built or read ahead for the next step (not on screen).
        self._preparing = False
        self._active: Workspace | None = None
        self._current_step_id: str | None = None
        #: The step the database says the session is on; opening it again writes nothing.
        self._stored_step_id = data.current_step_id
        #: Stands in for the step's workspace until the store has loaded (see `store_opened`).
        self._waiting: Workspace | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QWidget()
        header.setObjectName("sessionHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(18, 10, 18, 10)
        self.session_title = QLabel()
        self.session_title.setObjectName("sessionTitle")
        self.session_facts = QLabel()
        self.session_facts.setObjectName("sessionFacts")
        header_layout.addWidget(self.session_title)
        header_layout.addStretch(1)
        header_layout.addWidget(self.session_facts)
        layout.addWidget(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.agenda = AgendaView(self.day)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.timer_bar = TimerBar(self.day)
        self.step_view = StepView()
        centre_layout.addWidget(self.timer_bar)
        centre_layout.addWidget(self.step_view, 1)
        self.guide = GuidePanel(self.context)
        self.guide.setMinimumWidth(240)
        splitter.addWidget(self.agenda)
        splitter.addWidget(centre)
        splitter.addWidget(self.guide)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([380, 700, 290])
        self.splitter = splitter
        # Set once the facilitator drags a divider: from then on the panes keep their widths.
        self._panes_placed_by_hand = False
        splitter.splitterMoved.connect(self._panes_moved)
        layout.addWidget(splitter, 1)

        self.agenda.step_chosen.connect(self.go_to_step)
        self.step_view.next_requested.connect(self.next_step)
        self.step_view.previous_requested.connect(self.previous_step)
        self.timer_bar.next_requested.connect(self.advance_live)
        self.timer_bar.show_live_requested.connect(self.go_to_step)
        QShortcut(QKeySequence("Ctrl+Right"), self, self.next_step)
        QShortcut(QKeySequence("Ctrl+Left"), self, self.previous_step)
        # Text fields take Space back as a shortcut override, so typing is never interrupted.
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self._space)
        self.events.session_changed.connect(self._refresh_session)
        self.events.partners_changed.connect(self._refresh_header)
        self.events.projection_changed.connect(self._update_projection)
        self.events.guidance_requested.connect(self.show_guidance)
        self.day.plan_changed.connect(self._refresh_plan)

        self._refresh_session()
        step_ids = self.day.step_ids()
        start_step = data.current_step_id if data.current_step_id in step_ids else step_ids[0]
        self.go_to_step(start_step)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._panes_placed_by_hand:
            self._fit_panes()

    def _fit_panes(self) -> None:
        """Share the width so the step in the middle gets the most of it, on any screen.

        The splitter would otherwise keep the side panes' first widths and squeeze the step
        on a small laptop.
        """
        width = self.splitter.width()
        agenda = max(min(round(width * AGENDA_SHARE), AGENDA_MAX_WIDTH), self.agenda.minimumSizeHint().width())
        guide = max(min(round(width * GUIDE_SHARE), GUIDE_MAX_WIDTH), self.guide.minimumWidth())
        self.splitter.setSizes([agenda, max(width - agenda - guide, 0), guide])

    def _panes_moved(self) -> None:
        self._panes_placed_by_hand = True

    @property
    def session_id(self) -> int:
        return self.context.session_id

    @property
    def current_step_id(self) -> str | None:
        return self._current_step_id

    def show_guidance(self, topic_id: str) -> None:
        """Open the method guidance at a topic, showing the panel if it was hidden."""
        self.guide.setVisible(True)
        self.guide.show_topic(topic_id)

    def current_workspace(self) -> Workspace | None:
        return self._active

    def _refresh_header(self, data: SessionData | None = None) -> None:
        data = data or self.context.store.get_session(self.session_id)
        count = len(self.context.store.partners(self.session_id))
        facts = [data.date.strftime("%d-%m-%Y") if data.date else "", data.venue, self.tr("%n partner(e)", "", count)]
        self.session_title.setText(data.title)
        self.session_facts.setText("  ·  ".join(fact for fact in facts if fact))

    def _refresh_session(self) -> None:
        """Recompute the clock times (the start time may have changed) and the header."""

        def reload() -> None:
            self.day.reload_plan()
            self._refresh_header()

        if self.operations.run(reload).failed:
            return
        self.day.refresh()
        self._refresh_plan()

    def _refresh_plan(self) -> None:
        """The plan changed: redraw the agenda and the step's times."""
        self.agenda.set_program(self.day.program, self.day.schedule, self.context.language)
        if self._current_step_id:
            self._show_header(self._current_step_id)
            self._update_navigation()

    def _show_header(self, step_id: str) -> None:
        found = self.day.program.find_step(step_id)
        assert found is not None
        item, step = found
        position = (item.steps.index(step) + 1, len(item.steps)) if isinstance(item, Part) else (1, 1)
        slot = self.day.schedule.slot(step_id)
        assert slot is not None
        self.step_view.show_step(item, step, slot, position, self.context.language)

    def current_step(self) -> tuple[Part | None, Step] | None:
        """The part (None for a break) and step on screen."""
        return self.day.find(self._current_step_id) if self._current_step_id else None

    def projection(self) -> str | None:
        """What the open step shows on the projector, as HTML."""
        return self._active.projection_html() if self._active is not None else None

    def projection_widget(self, parent: QWidget) -> QWidget | None:
        """A live view of the open step for the projector, when the step has one."""
        return self._active.projection_widget(parent) if self._active is not None else None

    def _update_projection(self) -> None:
        if self._preparing:
            # A screen read ahead in idle time says its content changed; the open step's did
            # not, and the room's pages (all of them) would read their state again for nothing.
            return
        self.projection_changed.emit(self.projection())

    def go_to_step(self, step_id: str) -> None:
        """Leave the current step (saving its work) and open `step_id`."""
        found = self.day.find(step_id)
        if found is None or step_id == self._current_step_id:
            return
        part, step = found
        if self._active is not None:
            self._active.deactivate()
        workspace = self._workspaces.get(step.workspace)
        if workspace is None and not self.context.store.is_open:
            workspace = self._waiting_workspace()
        elif workspace is None:
            workspace = self._build_workspace(step.workspace)
        self._current_step_id = step_id
        self.step_view.set_roomy(workspace.roomy)
        self._show_header(step_id)
        self._show_workspace(workspace)
        self._active = workspace
        workspace.activate(step)
        self.agenda.select_step_soon(step_id)
        self.timer_bar.set_viewed_step(step_id)
        self.guide.show_step(part, step)
        self._update_navigation()
        self.step_shown.emit(part, step)
        if step_id != self._stored_step_id:
            saved = self.operations.run(
                lambda: self.context.store.update_session(self.session_id, current_step_id=step_id)
            )
            if saved.ok:
                self._stored_step_id = step_id
        self._prepare_next.start()

    def _show_workspace(self, workspace: Workspace) -> None:
        """Put `workspace` on screen; the keyboard focus, if it was in the old one, goes into it."""
        focus = QApplication.focusWidget()
        old = self._active
        carried = focus is not None and old is not None and old is not workspace and old.isAncestorOf(focus)
        if carried:
            # Hiding a screen with the focus in it makes Qt pass the focus along the Tab
            # chain first, to the agenda, whose focus frame then repaints all of it (5-10 ms
            # at each step change), and only then to the new screen. Parked on the stack
            # while the screens change, it goes straight over.
            self.step_view.workspaces.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_view.show_workspace(workspace)
        if carried:
            _focus_into(workspace)

    def _build_workspace(self, name: str) -> Workspace:
        # Born inside the stack: reparenting a built workspace would propagate the style
        # sheet, fonts and palettes through all of it again (about 8 ms per screen here).
        workspace = create_workspace(name, self.context, self.step_view.workspaces)
        self._workspaces[name] = workspace
        self.step_view.workspaces.addWidget(workspace)
        return workspace

    def _build_next_workspace(self) -> None:
        """In idle time: build the next step's screen and read what it shows, so Næste trin only has to show it."""
        following = self._neighbour(1)
        found = self.day.find(following) if following is not None else None
        if found is None or not self.context.store.is_open:
            return
        workspace = self._workspaces.get(found[1].workspace)
        if workspace is None:
            self._preparing = True
            try:
                workspace = self._build_workspace(found[1].workspace)
            finally:
                self._preparing = False
        # Reading what it will show is a piece of work of its own, on a later turn of the
        # event loop (1 ms, not 0: Qt may run a 0 ms timer straight after without a frame).
        self._to_prepare = workspace
        self._prepare_read.start()

    def _read_next_workspace(self) -> None:
        workspace = self._to_prepare
        if workspace is not None and workspace is not self._active and self.context.store.is_open:
            self._preparing = True
            try:
                workspace.prepare()
            finally:
                self._preparing = False
            # Laying it out with what it read is a third piece, on a turn of its own.
            self._prepare_layout.start()
        else:
            self._to_prepare = None

    def _lay_out_next_workspace(self) -> None:
        """In idle time: lay the next step's screen out at the size it will have (issue 22).

        A table of wrapped rows measured at its first showing held the window for some
        20 ms; laid out now, the step change only paints it.
        """
        workspace, self._to_prepare = self._to_prepare, None
        if workspace is not None and workspace is not self._active:
            self._preparing = True
            try:
                self.step_view.lay_out_ahead(workspace)
            finally:
                self._preparing = False

    def _waiting_workspace(self) -> Workspace:
        if self._waiting is None:
            from facilitator.ui.workspaces.placeholder import WaitingWorkspace

            self._waiting = WaitingWorkspace(self.context)
            self.step_view.workspaces.addWidget(self._waiting)
        return self._waiting

    def store_opened(self) -> None:
        """The store has loaded: the step's own workspace takes the waiting one's place."""
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return
        if self._active is waiting and self._current_step_id is not None:
            step_id, self._current_step_id = self._current_step_id, None
            self._active = None
            self.go_to_step(step_id)
        self.step_view.workspaces.removeWidget(waiting)
        waiting.deleteLater()

    def _neighbour(self, direction: int) -> str | None:
        """The next (or previous) step that is still in today's plan."""
        step_ids = self.day.step_ids()
        if self._current_step_id not in step_ids:
            return step_ids[0] if step_ids else None
        index = step_ids.index(self._current_step_id) + direction
        while 0 <= index < len(step_ids):
            if not self.day.is_skipped(step_ids[index]):
                return step_ids[index]
            index += direction
        return None

    def _update_navigation(self) -> None:
        self.step_view.set_navigation(self._neighbour(-1) is not None, self._neighbour(1) is not None)

    def _space(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and self.isAncestorOf(focus):
            # A focused button or check box keeps Space for itself, as everywhere else.
            focus.animateClick()
            return
        self.timer_bar.toggle()

    def next_step(self) -> None:
        """Ctrl+Right: on to the next step; if this step's time runs, close it and start the next."""
        with self.timer_bar.held():
            self._next_step()

    def _next_step(self) -> None:
        following = self._neighbour(1)
        if self.day.live_step_id is not None and self.day.live_step_id == self._current_step_id:
            # The timers and the step the session is on are written in one transaction.
            if following is not None and self.day.timekeeper.run(following).state is RunState.FINISHED:
                # Never restart a step that is already done: close this one and look.
                saved = self.day.finish(current_step_id=following)
            else:
                saved = self.day.advance(following, current_step_id=following)
            if saved and following is not None:
                self._stored_step_id = following
        if following is not None:
            self.go_to_step(following)

    def advance_live(self) -> None:
        """The timer strip's 'next step': move on from the step whose time runs, wherever we look."""
        live = self.day.live_step_id
        if live is not None and live != self._current_step_id:
            self.go_to_step(live)
        self.next_step()

    def previous_step(self) -> None:
        previous = self._neighbour(-1)
        if previous is not None:
            self.go_to_step(previous)

    def unsaved_count(self) -> int:
        """Edits in any workspace of this session that could not be saved yet."""
        return sum(workspace.unsaved_count() for workspace in self._workspaces.values())

    def flush(self) -> None:
        """Save anything still pending in the open workspace and the notes."""
        if self._active is not None:
            self._active.flush()
        self.guide.flush()

    def close_day(self) -> None:
        """The session is closing: save everything and stop the timers' wake-ups."""
        # Nothing more is built for a page on its way out (a restore may be replacing the data).
        self._prepare_next.stop()
        self._prepare_read.stop()
        self._prepare_layout.stop()
        self.flush()
        self.day.stop()
