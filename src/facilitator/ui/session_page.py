"""An open session: the agenda on the left, the current step and its workspace on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from facilitator.program import Part, Program, build_schedule
from facilitator.store import SessionData, Store
from facilitator.text import UserError
from facilitator.ui.agenda import AgendaView
from facilitator.ui.context import SessionContext, SessionEvents
from facilitator.ui.step_view import StepView
from facilitator.ui.workspaces import Workspace, create_workspace


class SessionPage(QWidget):
    """Walks one session's program step by step; remembers the step it is on."""

    error = Signal(str)

    def __init__(self, store: Store, session_id: int, language: str = "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = store.get_session(session_id)
        program: Program = data.program()
        self.events = SessionEvents(self)
        self.context = SessionContext(store, session_id, program, self.events, language)
        self._step_ids = program.step_ids()
        self._workspaces: dict[str, Workspace] = {}
        self._active: Workspace | None = None
        self._current_step_id: str | None = None

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
        self.agenda = AgendaView()
        self.agenda.setMinimumWidth(320)
        self.step_view = StepView()
        splitter.addWidget(self.agenda)
        splitter.addWidget(self.step_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 850])
        self.splitter = splitter
        layout.addWidget(splitter, 1)

        self.agenda.step_chosen.connect(self.go_to_step)
        self.step_view.next_requested.connect(self.next_step)
        self.step_view.previous_requested.connect(self.previous_step)
        QShortcut(QKeySequence("Ctrl+Right"), self, self.next_step)
        QShortcut(QKeySequence("Ctrl+Left"), self, self.previous_step)
        self.events.session_changed.connect(self._refresh_session)
        self.events.partners_changed.connect(self._refresh_header)
        self.events.error.connect(self.error)

        self._refresh_session()
        start_step = data.current_step_id if data.current_step_id in self._step_ids else self._step_ids[0]
        self.go_to_step(start_step)

    @property
    def session_id(self) -> int:
        return self.context.session_id

    @property
    def current_step_id(self) -> str | None:
        return self._current_step_id

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
        data = self.context.store.get_session(self.session_id)
        self._schedule = build_schedule(self.context.program, data.start_time)
        self.agenda.set_program(self.context.program, self._schedule, self.context.language)
        self._refresh_header(data)
        if self._current_step_id:
            self._show_header(self._current_step_id)

    def _show_header(self, step_id: str) -> None:
        found = self.context.program.find_step(step_id)
        assert found is not None
        item, step = found
        position = (item.steps.index(step) + 1, len(item.steps)) if isinstance(item, Part) else (1, 1)
        slot = self._schedule.slot(step_id)
        assert slot is not None
        self.step_view.show_step(item, step, slot, position, self.context.language)

    def go_to_step(self, step_id: str) -> None:
        """Leave the current step (saving its work) and open `step_id`."""
        found = self.context.program.find_step(step_id)
        if found is None or step_id == self._current_step_id:
            return
        _, step = found
        if self._active is not None:
            self._active.deactivate()
        workspace = self._workspaces.get(step.workspace)
        if workspace is None:
            workspace = create_workspace(step.workspace, self.context)
            self._workspaces[step.workspace] = workspace
            self.step_view.workspaces.addWidget(workspace)
        self._current_step_id = step_id
        self._show_header(step_id)
        self.step_view.workspaces.setCurrentWidget(workspace)
        workspace.activate(step)
        self._active = workspace
        self.agenda.select_step(step_id)
        index = self._step_ids.index(step_id)
        self.step_view.set_navigation(index > 0, index < len(self._step_ids) - 1)
        try:
            self.context.store.update_session(self.session_id, current_step_id=step_id)
        except UserError as error:
            self.context.report(error)

    def next_step(self) -> None:
        index = self._step_ids.index(self._current_step_id) if self._current_step_id else -1
        if index + 1 < len(self._step_ids):
            self.go_to_step(self._step_ids[index + 1])

    def previous_step(self) -> None:
        index = self._step_ids.index(self._current_step_id) if self._current_step_id else 0
        if index > 0:
            self.go_to_step(self._step_ids[index - 1])

    def flush(self) -> None:
        """Save anything still pending in the open workspace."""
        if self._active is not None:
            self._active.flush()
