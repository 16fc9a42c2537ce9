"""What a workspace needs to know about the session it works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from facilitator.program import Program
from facilitator.text import UserError
from facilitator.timing.clock import Clock, SystemClock
from facilitator.ui.operations import BackgroundRunner, Operations, Reporter

if TYPE_CHECKING:
    from facilitator.store import Store


class SessionEvents(QObject):
    """Signals a workspace sends to the rest of the session page."""

    #: The session's own fields changed (title, date, start time ...).
    session_changed = Signal()
    #: Partners were added, removed, reordered or edited.
    partners_changed = Signal()
    #: What the open step shows on the projector changed.
    projection_changed = Signal()
    #: Something could not be saved; the text is the user-facing reason.
    error = Signal(str)
    #: Something worth a passing word in the status bar ("removed – Ctrl+Z brings it back").
    notice = Signal(str)
    #: Show this topic of the method's guidance (a topic id of resources/guidance).
    guidance_requested = Signal(str)


@dataclass
class SessionContext:
    """The open session: store, ids, the program it runs and the UI language."""

    store: Store
    session_id: int
    program: Program
    events: SessionEvents
    language: str = "da"
    #: The window's one worker for slow work (exports); None where a page stands alone (tests).
    runner: BackgroundRunner | None = None
    #: The window's clock: tests move a fake one, and every "today" on screen follows it.
    clock: Clock = field(default_factory=SystemClock)

    def today(self) -> dt.date:
        """Today's date on the app's clock, in the laptop's time zone (overdue marks, defaults)."""
        return self.clock.wall().astimezone().date()

    def report(self, error: UserError) -> None:
        """Tell the user why something did not work, in their language."""
        self.events.error.emit(error.message(self.language))

    def operations(self, undo_stack: QUndoStack | None = None, report: Reporter | None = None) -> Operations:
        """Runs this session's operations (see ui.operations); failures go to the status bar by default."""
        return Operations(self.language, report or Reporter(self.events.error.emit), undo_stack)
