"""The room from the window's side: open and close it, show who is in it, follow what they write.

Dagen → Åbn rummet for partnerne starts the room for the open session, bound to the
laptop's own network address (never at start-up, never by itself), in a process of its
own (`facilitator.room.process`): the server's Python then never competes with the
window's for the interpreter. Where no process can be started it runs on threads of the
window's process instead (`facilitator.room.RoomServer` with a `DirectGate`); either way
the GUI thread never waits for a partner's fsync. What devices do arrives as `RoomEvent`s
on a thread of their own; they are handed to the GUI thread by a queued signal, where the
step on screen is redrawn and an undo step is recorded, so the facilitator can take back a
partner's element or change with Fortryd as if they had made it themselves.
Closing the room, the session or the app stops the server.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import QDockWidget

from facilitator.store.deferred import DeferredStore
from facilitator.text import UserError
from facilitator.timing.clock import SystemClock
from facilitator.ui.interpreter import switch_quickly
from facilitator.ui.operations import message_box
from facilitator.ui.room_join import plain_address
from facilitator.ui.room_panel import RoomPanel
from facilitator.ui.undo import DoneCommand

if TYPE_CHECKING:
    from facilitator.conversation.next_steps import Action
    from facilitator.room import DirectGate, Room, RoomEvent, RoomServer
    from facilitator.room.process import RoomProcess
    from facilitator.room.writes import StatusBefore
    from facilitator.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

#: The port the room asks for first: short enough to read off the projector and type.
PREFERRED_PORT = 8765
#: The ports tried in turn: the preferred one, then any free one (another app may hold it).
LISTEN_PORTS = (PREFERRED_PORT, 0)
#: How often the window looks whether the room's process listens yet, while it starts.
OPENING_POLL_MS = 50
#: How often the window checks that the room's process keeps its time.
CLOCK_EVERY_MS = 1000
#: The room panel's width beside the session: narrow, so the circle keeps its room on a
#: 1366x768 laptop screen.
PANEL_WIDTH = 240
#: Several devices writing at once redraw the step once, this soon after the first.
REFRESH_AFTER_MS = 300
#: Devices joining at once (a room of sixty phones) redraw the panel's list once.
DEVICES_AFTER_MS = 150
#: Partners' new elements are drawn together, this long after the first of them arrived:
#: each new line lays out its card and repaints the circle, and a few at once cost about
#: what one costs, so a drag or typing in between keeps its frames. Well within the second
#: the method allows for a partner's words to reach the facilitator's screen.
DRAW_AFTER_MS = 250
#: At most this long drawing per turn; the rest follows soon after (a partner on two devices
#: writing at full speed).
DRAW_SLICE_S = 0.016
DRAW_MORE_AFTER_MS = 50
#: The action fields a partner may change from a device, put back by undo.
_ACTION_FIELDS = ("what", "owner_partner_id", "owner_person", "with_whom", "how_much", "due", "status")


def local_addresses(preferred: str) -> list[str]:
    """The laptop's IPv4 addresses to offer, `preferred` first and this computer alone last."""
    found = [preferred]
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            continue
        if address.isLoopback() or address.isLinkLocal() or address == QHostAddress.SpecialAddress.AnyIPv4:
            continue
        text = address.toString()
        if text not in found:
            found.append(text)
    if "127.0.0.1" not in found:
        found.append("127.0.0.1")
    return found


class _RoomClock:
    """The window's wall time with the computer's steady clock.

    The pages then see the window's "today" and timers (a test's fake clock too), while the
    rate limit keeps measuring real seconds: a clock that stands still would never let a
    device's requests through again.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._steady = SystemClock()

    def wall(self) -> dt.datetime:
        return self._window.now()

    def monotonic(self) -> float:
        return self._steady.monotonic()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RoomControl(QObject):
    """Owns the open room of the window's session, its server, gate, panel and undo steps."""

    #: The room opened (True) or closed (False).
    open_changed = Signal(bool)
    # Carries (room, event) from the server's thread to the GUI thread.
    _arrived = Signal(object)

    #: Serve the room from a process of its own (see `facilitator.room.process`); a test of
    #: the window's own threads may turn it off.
    own_process = True

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.room: Room | RoomProcess | None = None
        self.server: RoomServer | RoomProcess | None = None
        self.gate: DirectGate | None = None
        #: The address to serve on: the laptop's own unless the facilitator chose another.
        self.host: str | None = None
        self._unsubscribe: Callable[[], None] | None = None
        #: Partner id -> name, for the undo steps' words.
        self._authors: dict[int, str] = {}
        self.panel = RoomPanel()
        self.dock = QDockWidget(self.tr("Rummet"), window)
        self.dock.setObjectName("roomDock")
        self.dock.setWidget(self.panel)
        # Movable and floatable (onto another screen), never closed apart from the room itself.
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        #: Undo steps for partners' changes while the step on screen keeps no history of its own.
        self.undo_stack = QUndoStack(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_AFTER_MS)
        self._refresh_timer.timeout.connect(self.refresh_workspace)
        self._devices_timer = QTimer(self)
        self._devices_timer.setSingleShot(True)
        self._devices_timer.setInterval(DEVICES_AFTER_MS)
        self._devices_timer.timeout.connect(self._show_devices)
        self._switch_back: Callable[[], None] | None = None
        # The room's process while it starts, and since when (see `open_room`).
        self._opening: RoomProcess | None = None
        self._opening_since = 0.0
        self._opening_timer = QTimer(self)
        self._opening_timer.setInterval(OPENING_POLL_MS)
        self._opening_timer.timeout.connect(self._check_opening)
        # The room's process keeps the window's time (a test's clock may be days ahead).
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_EVERY_MS)
        self._clock_timer.timeout.connect(self._keep_time)
        #: Partners' elements waiting to be drawn, oldest first.
        self._to_draw: deque[object] = deque()
        #: True while a device's own change goes onto the undo stack: the room has told the
        #: pages that should look again already, and only those (see `Room.scope_of`).
        self._recording_device_change = False
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_AFTER_MS)
        self._draw_timer.timeout.connect(self._draw_some)
        # Queued even from the GUI thread: a listener must never redraw in the middle of a store call.
        self._arrived.connect(self._handle, Qt.ConnectionType.QueuedConnection)
        self.panel.approve_requested.connect(self.approve)
        self.panel.release_requested.connect(self.release)
        self.panel.approve_everyone_changed.connect(self.set_approve_everyone)
        self.panel.bind_requested.connect(self.rebind)
        self.panel.projector_toggled.connect(lambda _on: self.show_on_projector())
        self.panel.close_requested.connect(self.close_room)
        app = QCoreApplication.instance()
        if app is not None:
            # However the app ends, no server is left answering.
            app.aboutToQuit.connect(self.close_room)

    @property
    def window(self) -> MainWindow:
        return self.parent()

    @property
    def is_open(self) -> bool:
        return self.server is not None

    # Opening and closing -------------------------------------------------------------

    def open_room(self, *, approve_everyone: bool = False) -> bool:
        """Start the room for the open session on the chosen (or the laptop's own) address.

        In a process of its own the room listens a second or so later; the window goes on
        meanwhile (`is_opening`) and `open_changed(True)` says when it is open. False if it
        cannot open (the facilitator was told why).
        """
        window = self.window
        page = window.session_page
        if page is None or self.is_open or self.is_opening:
            return self.is_open or self.is_opening
        from facilitator.room import default_bind_address
        from facilitator.room.process import RoomProcess, RoomProcessUnavailable

        if self.host is None:
            self.host = default_bind_address()
        # Not the first look's reads: the real store, the file the room writes to.
        store = self._real_store()
        host, session_id = self.host, page.session_id
        if self.own_process and store.path is not None:
            process = RoomProcess(
                store.path, session_id, host, LISTEN_PORTS, approve_everyone=approve_everyone, wall=window.now
            )
            try:
                process.launch()
            except RoomProcessUnavailable as error:
                # A machine that starts no processes still gets its room, on threads of the window's.
                logger.warning("the room is served in the window's process: %s", error)
            else:
                self._opening = process
                self._opening_since = time.monotonic()
                self._opening_timer.start()
                window.open_room_action.setEnabled(False)
                window.show_notice(self.tr("Åbner rummet …"))
                return True
        return self._listen_here(store, session_id, host, approve_everyone)

    @property
    def is_opening(self) -> bool:
        """The room's process was started and does not listen yet."""
        return self._opening is not None

    def _keep_time(self) -> None:
        keep_time = getattr(self.room, "keep_time", None)
        if keep_time is not None:
            keep_time()

    def _check_opening(self) -> None:
        from facilitator.room.process import START_SECONDS, RoomProcessUnavailable

        process = self._opening
        if process is None:
            self._opening_timer.stop()
            return
        waited = time.monotonic() - self._opening_since
        if not process.answered and waited < START_SECONDS:
            return
        self._opening_timer.stop()
        self._opening = None
        window = self.window
        try:
            process.settle(0)
        except RoomProcessUnavailable as error:
            logger.warning("the room is served in the window's process: %s", error)
            page = window.session_page
            if page is not None:
                self._listen_here(self._real_store(), page.session_id, process.host, process.approve_everyone)
            else:
                self.open_changed.emit(False)
            return
        except UserError as error:
            self.open_changed.emit(False)
            message_box(window, self.tr("Rummet kan ikke åbnes")).show(error.message(window.language))
            return
        self._opened(process, process, None)

    def _listen_here(self, store, session_id: int, host: str, approve_everyone: bool) -> bool:
        """The room on threads of the window's own process, listening before this returns."""
        started = self.window.operations.run(
            lambda: self._listen(store, session_id, host),
            report=message_box(self.window, self.tr("Rummet kan ikke åbnes")),
        )
        if started.failed:
            self.open_changed.emit(False)
            return False
        self._opened(*started.value)
        if approve_everyone:
            self.set_approve_everyone(True)
        return True

    def _opened(self, room: Room | RoomProcess, server: RoomServer | RoomProcess, gate: DirectGate | None) -> None:
        window = self.window
        self.room, self.server, self.gate = room, server, gate
        # The server's threads run Python for every phone's request; without this each of
        # the window's paints and slots waits up to 5 ms behind them for the interpreter
        # (served in a process of its own, it still keeps the reader's thread quick).
        self._switch_back = switch_quickly()
        if hasattr(room, "keep_time"):
            self._clock_timer.start()
        self._unsubscribe = room.subscribe(lambda event, room=room: self._arrived.emit((room, event)))
        from facilitator.room import default_bind_address

        self.panel.set_interfaces(local_addresses(default_bind_address()), self.host)
        self.panel.set_address(server.url, room.join_code)
        self.panel.set_approve_everyone(room.approve_everyone)
        self._show_devices()
        self.dock.show()
        # A narrow column beside the session: the step keeps most of the width.
        window.resizeDocks([self.dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        self.show_on_projector()
        self.open_changed.emit(True)
        # The address without its token: the status bar may be on the projector, and the
        # token belongs in the QR code alone.
        window.show_notice(self.tr("Rummet er åbent: %1").replace("%1", plain_address(server.url)))

    def _listen(self, store, session_id: int, host: str) -> tuple[Room, RoomServer, DirectGate]:
        """The room and its server listening on `host`, on threads of this process."""
        from facilitator.room import DirectGate, Room
        from facilitator.room.server import start_server

        gate = DirectGate(store)
        room = Room(gate, session_id, clock=_RoomClock(self.window))
        try:
            return room, start_server(room, host, LISTEN_PORTS), gate
        except UserError:
            gate.close()
            raise

    def close_room(self) -> None:
        """Stop the server (or its start) and forget the devices; idempotent."""
        opening, self._opening = self._opening, None
        if opening is not None:
            self._opening_timer.stop()
            opening.stop()
            self.open_changed.emit(False)
        server, gate = self.server, self.gate
        if server is None:
            return
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        # The gate first: requests still waiting get their answer (a batch being committed
        # finishes), so the server can stop.
        if gate is not None:
            gate.close()
        # A room in a process of its own closes its gate there, then its server.
        server.stop()
        if self._switch_back is not None:
            self._switch_back()
            self._switch_back = None
        self.room = self.server = self.gate = None
        self._clock_timer.stop()
        self._refresh_timer.stop()
        self._devices_timer.stop()
        self._draw_timer.stop()
        self._to_draw.clear()
        self.dock.hide()
        if self.window.projector is not None:
            self.window.projector.show_room(None)
        self.open_changed.emit(False)

    def rebind(self, host: str) -> None:
        """Serve on another address: the room closes and opens again there (a new address)."""
        if host == self.host:
            return
        self.host = host
        if self.is_open:
            approve_everyone = self.room.approve_everyone if self.room else False
            self.close_room()
            self.open_room(approve_everyone=approve_everyone)

    # The panel ------------------------------------------------------------------------

    def approve(self, device_id: str) -> None:
        if self.room is not None:
            self.room.approve(device_id)

    def release(self, device_id: str) -> None:
        if self.room is not None:
            self.room.release(device_id)

    def set_approve_everyone(self, on: bool) -> None:
        if self.room is not None:
            self.room.approve_everyone = on
            self.panel.set_approve_everyone(on)

    def _show_devices(self) -> None:
        room = self.room
        if room is None:
            return
        partners = self.window.operations.run(lambda: self.window.store.partners(room.session_id)).value_or([])
        names = {partner.id: partner.display_name for partner in partners}
        # Read here, where devices come and go, rather than at each of many elements written.
        self._authors = {partner.id: partner.name for partner in partners}
        self.panel.set_devices(
            [
                (
                    device.id,
                    device.label,
                    names.get(device.partner_id, "") if device.partner_id else "",
                    device.approved,
                )
                for device in room.devices()
            ]
        )

    def show_on_projector(self) -> None:
        """How to join, on the projector while the room is open and the panel says so."""
        projector = self.window.projector
        if projector is None:
            return
        if self.room is not None and self.server is not None and self.panel.show_on_projector.isChecked():
            projector.show_room(self.server.url, self.room.join_code)
        else:
            projector.show_room(None)

    # What the devices do -----------------------------------------------------------------

    def notify_changed(self) -> None:
        """The window changed something the pages show: they look again."""
        if self.room is not None and not self._recording_device_change:
            self.room.notify_changed()

    def _handle(self, payload: tuple[Room, RoomEvent]) -> None:
        room, event = payload
        if room is not self.room:
            return  # from a room already closed
        if event.kind == "devices":
            if not self._devices_timer.isActive():
                self._devices_timer.start()
            return
        if event.kind == "stopped":
            from facilitator.room.process import STOPPED

            self.close_room()
            self.window.show_error(STOPPED.get(self.window.language))
            return
        # Written by the room's process, which the window's own store does not count: a
        # screen read ahead (the review, say) must read again before it is shown.
        self._real_store().written_elsewhere()
        command = self._command(event)
        if command is not None:
            # Pushing moves the undo index, which would wake every page in the room for each
            # partner's element; sixty phones writing at once would all read their state again.
            self._recording_device_change = True
            try:
                self._undo_stack().push(command)
            finally:
                self._recording_device_change = False
        if event.kind == "element-added" and event.after is not None:
            self._to_draw.append(event.after)
            if not self._draw_timer.isActive():
                self._draw_timer.start(DRAW_AFTER_MS)
            return
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _draw_some(self) -> None:
        began = time.perf_counter()
        while self._to_draw and time.perf_counter() - began < DRAW_SLICE_S:
            if not self._show_added(self._to_draw.popleft()) and not self._refresh_timer.isActive():
                self._refresh_timer.start()
        if self._to_draw:
            self._draw_timer.start(DRAW_MORE_AFTER_MS)

    def refresh_workspace(self) -> None:
        """Redraw the step on screen from the store (a device changed something)."""
        # What waited to be drawn is read with the rest (or was taken back meanwhile).
        self._to_draw.clear()
        self._draw_timer.stop()
        page = self.window.session_page
        workspace = page.current_workspace() if page is not None else None
        reload = getattr(workspace, "reload", None)
        if reload is not None:
            page.flush()
            reload()

    def _show_added(self, element: object) -> bool:
        """Draw a partner's new element without reading the step again; False if it must be."""
        page = self.window.session_page
        workspace = page.current_workspace() if page is not None else None
        show = getattr(workspace, "show_added", None)
        # Sixty phones add a few hundred elements a minute: each one's own line, not a
        # rebuild of the circle, keeps the window's frames short.
        return bool(show is not None and element is not None and show(element))

    def _real_store(self):
        store = self.window.store
        return store.open() if isinstance(store, DeferredStore) else store

    def _undo_stack(self) -> QUndoStack:
        # The step's own history, so Fortryd takes back the partner's change like any other.
        group = self.window.undo_group
        stack = group.activeStack()
        if stack is None:
            stack = self.undo_stack
            if stack not in group.stacks():
                group.addStack(stack)
            group.setActiveStack(stack)
        return stack

    def _command(self, event: RoomEvent) -> DoneCommand | None:
        store = self.window.store
        before, after = event.before, event.after
        who = self._partner_name(event.partner_id)
        if event.kind == "element-added" and after is not None:
            text = self.tr("Fra %1: tilføj »%2«").replace("%2", _short(after.text))
            return self._done(
                text.replace("%1", who),
                lambda: store.restore_element(after.id),
                lambda: store.remove_element(after.id),
            )
        if event.kind == "element-removed" and before is not None:
            text = self.tr("Fra %1: fjern »%2«").replace("%2", _short(before.text))
            return self._done(
                text.replace("%1", who),
                lambda: store.remove_element(before.id),
                lambda: store.restore_element(before.id),
            )
        if event.kind == "element-changed" and before is not None and after is not None:
            text = self.tr("Fra %1: ret »%2«").replace("%2", _short(after.text))

            def put(record) -> None:
                store.update_element(record.id, record.text)
                store.set_element_values(record.id, set(record.value_forms))

            return self._done(text.replace("%1", who), lambda: put(after), lambda: put(before))
        if event.kind == "action-changed" and before is not None and after is not None:
            changed = [name for name in _ACTION_FIELDS if getattr(before, name, None) != getattr(after, name, None)]
            if not changed:
                return None
            text = self.tr("Fra %1: ret handlingen »%2«").replace("%2", _short(after.what))
            return self._done(
                text.replace("%1", who),
                lambda: store.update_action(after.id, **{name: getattr(after, name) for name in changed}),
                lambda: store.update_action(before.id, **{name: getattr(before, name) for name in changed}),
            )
        if event.kind == "action-status" and before is not None and after is not None:
            return self._status_command(who, before, after)
        return None

    def _status_command(self, who: str, before: StatusBefore, after: Action) -> DoneCommand | None:
        """Undo of an owner's status, light and comment from a phone, as the status board undoes its own."""
        store = self.window.store
        old = before.action
        if (old.status, old.light, old.status_comment) == (after.status, after.light, after.status_comment):
            return None
        said_by = next((entry.by for entry in reversed(store.action_history(after.id))), who)
        text = self.tr("Fra %1: status for »%2«").replace("%2", _short(after.what))
        return self._done(
            text.replace("%1", who),
            lambda: store.set_action_status(
                after.id, status=after.status, light=after.light or "", comment=after.status_comment, by=said_by
            ),
            lambda: store.restore_action_status(old, before.history_length),
        )

    def _done(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> DoneCommand:
        # The pages hear of an undo or redo from the undo group's index, which every one of
        # them moves (MainWindow._notify_room): once, not twice for each.
        def after() -> None:
            self.refresh_workspace()

        def report(error: UserError) -> None:
            self.window.show_error(error.message(self.window.language))

        return DoneCommand(text, redo, undo, after, report)

    def _partner_name(self, partner_id: int | None) -> str:
        name = self._authors.get(partner_id) if partner_id is not None else None
        return name or self.tr("en enhed")


__all__ = ["PREFERRED_PORT", "RoomControl", "local_addresses"]
