"""The room served from a process of its own, so the window keeps its interpreter.

The server answers sixty phones in Python: parsing, routing, the store's work, JSON. On
threads of the window's process all of that competes for the one interpreter lock with
the window's paints and slots, and a facilitator's drag stutters while the partners write.
A process of its own has an interpreter of its own (and on a laptop of two cores or more,
a core). The window then only hears what the devices did, as before.

`RoomProcess` is what the window holds: a `Room` and its server in one, as far as the
window can tell (devices, approve, release, approve everyone, notify, subscribe, url,
stop). Underneath, the child process runs the very same `Room`, `RoomServer` and
`DirectGate` on the same database file (SQLite's WAL lets both processes in), and the two
talk over a pipe in plain data: commands in, the room's events and device list out.

The child ends when told to, and also when the window's process is gone (its end of the
pipe closes), so no server is ever left answering without a window.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from facilitator.room.room import Device, Listeners, RoomEvent
from facilitator.text import Text, UserError
from facilitator.timing.clock import SystemClock

#: Seconds the window waits for the process to answer that it listens (its start included).
START_SECONDS = 30.0
#: Seconds the window waits for the process to close its connections and end.
STOP_SECONDS = 10.0
#: How far the window's clock may move apart from the child's before it is told (seconds).
CLOCK_TOLERANCE_SECONDS = 1.0
#: How much the room's process steps back for the window when both want a core (POSIX nice).
ROOM_NICENESS = 5
#: Windows' nearest to `ROOM_NICENESS`: the priority class just below normal.
BELOW_NORMAL_PRIORITY_CLASS = 0x4000
#: Seconds the room's outbox gathers what happened before it tells the window again.
GATHER_SECONDS = 0.01

STOPPED = Text(
    "Rummet lukkede uventet; partnernes sider er ikke forbundet længere. Det, de nåede at gemme, er gemt. "
    "Åbn rummet igen fra Dagen-menuen.",
    "The room closed unexpectedly; the partners' pages are no longer connected. What they saved is kept. "
    "Open the room again from the Day menu.",
)


class RoomProcessUnavailable(RuntimeError):
    """No process could be started here (a locked-down machine); the caller serves in-process."""


class _OffsetClock:
    """The window's wall time as the child sees it: its own clock moved by the window's offset.

    The pages then see the window's "today" and timers (a test's fake clock too); the steady
    clock is the computer's own, so the rate limit keeps measuring real seconds.
    """

    def __init__(self, offset_seconds: float) -> None:
        self.offset = dt.timedelta(seconds=offset_seconds)
        self._system = SystemClock()

    def wall(self) -> dt.datetime:
        return self._system.wall() + self.offset

    def monotonic(self) -> float:
        return self._system.monotonic()


def wall_offset(wall: Callable[[], dt.datetime]) -> float:
    """Seconds by which the wall clock `wall` differs from the computer's (about 0 on the real one)."""
    return (wall() - dt.datetime.now(dt.UTC)).total_seconds()


def step_back() -> None:
    """Run this process below the window's priority: POSIX nice, Windows' below-normal class.

    The window on the projector comes first: where both want the laptop's cores, a phone's
    answer may wait a few milliseconds, a frame of the facilitator's drag not.
    """
    if not ROOM_NICENESS:
        return
    if hasattr(os, "nice"):
        os.nice(ROOM_NICENESS)
    elif sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        # No harm if it is refused (a locked-down machine): the room serves as before.
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)


class _Outbox:
    """What the child tells the window, sent on a thread of its own and gathered into batches.

    Sent from the server's loop, each partner's element cost the loop a pickle and a write
    to the pipe, and a window that read slowly (or not at all) would, once the pipe's buffer
    was full, have held up every phone in the room behind it. Now the loop only appends;
    this thread sends what gathered, at most every `GATHER_SECONDS`, in order.
    """

    def __init__(self, send: Callable[[tuple], None]) -> None:
        self._send = send
        self._waiting: list[tuple] = []
        self._ready = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="room-outbox", daemon=True)
        self._thread.start()

    def put(self, message: tuple) -> None:
        """Send `message` soon, after everything put before it; never waits for the window."""
        with self._ready:
            self._waiting.append(message)
            if len(self._waiting) == 1:
                self._ready.notify()

    def close(self, timeout: float = STOP_SECONDS) -> None:
        """Send what is waiting, then end the thread (waiting at most `timeout` for a stuck window)."""
        with self._ready:
            self._closed = True
            self._ready.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._waiting and not self._closed:
                    self._ready.wait()
                if not self._waiting:
                    return
                messages, self._waiting = self._waiting, []
            self._send(messages[0] if len(messages) == 1 else ("batch", messages))
            with self._ready:
                self._ready.wait_for(lambda: self._closed, GATHER_SECONDS)


class RoomProcess:
    """One opening of the room, served by a child process; the window's handle on it."""

    def __init__(
        self,
        database: Path,
        session_id: int,
        host: str,
        ports: tuple[int, ...],
        *,
        approve_everyone: bool = False,
        wall: Callable[[], dt.datetime] | None = None,
    ) -> None:
        """`wall`: the window's wall clock (the pages see its "today" and timers), else the computer's."""
        self.database = Path(database)
        self.session_id = session_id
        self.host = host
        self._ports = ports
        self._wall = wall
        self._sent_offset = 0.0
        self._approve_everyone = approve_everyone
        self.url = ""
        self.token = ""
        self.join_code = ""
        self.port = 0
        #: Pieces of store work and the commits they took, as the child's gate counted them.
        self.pieces = 0
        self.batches = 0
        #: The child's CPU time, all its threads, as it ended.
        self.cpu_seconds = 0.0
        #: Page states read from the store, and served as kept for a partner's other pages.
        self.states_read = 0
        self.states_kept = 0
        self._version = 0
        self._devices: list[Device] = []
        self._listeners = Listeners()
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._stopping = False
        self._started = threading.Event()
        self._ended = threading.Event()
        self._failure: UserError | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._reader: threading.Thread | None = None

    # Starting and stopping -----------------------------------------------------------

    def start(self) -> None:
        """Start the child and return once it listens; UserError if it cannot listen there."""
        self.launch()
        self.settle(START_SECONDS)

    def launch(self) -> None:
        """Start the child and return at once; `answered` tells when `settle` will not wait."""
        # "spawn", never "fork": a fork of a process with Qt's and SQLAlchemy's threads can
        # inherit a lock that is held and never released in the child.
        context = multiprocessing.get_context("spawn")
        self._sent_offset = self._offset()
        try:
            ours, theirs = context.Pipe(duplex=True)
            process = context.Process(
                target=_serve,
                args=(theirs, str(self.database), self.session_id, self.host, self._ports),
                kwargs={"approve_everyone": self._approve_everyone, "offset_seconds": self._sent_offset},
                name="facilitator-room",
                daemon=True,
            )
            process.start()
        except (OSError, RuntimeError) as error:
            raise RoomProcessUnavailable(str(error)) from error
        theirs.close()
        self._process, self._connection = process, ours
        self._reader = threading.Thread(target=self._read, name="room-process-reader", daemon=True)
        self._reader.start()

    @property
    def answered(self) -> bool:
        """The child listens, or could not (or ended): `settle` returns at once."""
        return self._started.is_set()

    def settle(self, timeout: float) -> None:
        """Wait up to `timeout` for the child to listen; UserError if it cannot listen there.

        RoomProcessUnavailable if it did not answer or ended first; the child is gone then.
        """
        if not self._started.wait(timeout) and not self._ended.is_set():
            self._kill()
            raise RoomProcessUnavailable("the room's process did not answer")
        if self._failure is not None:
            self._kill()
            raise self._failure
        if self._ended.is_set() and not self.url:
            self._kill()
            raise RoomProcessUnavailable("the room's process ended before it listened")

    def stop(self) -> None:
        """Close every connection and end the child; returns once it has ended. Idempotent."""
        with self._lock:
            if self._stopping or self._process is None:
                return
            self._stopping = True
        if not self._started.is_set():
            # Still starting (closed while it opened): it serves nobody yet, so it need not
            # finish starting only to be told to stop.
            self._process.terminate()
        else:
            self._send(("stop",))
            self._ended.wait(STOP_SECONDS)
        self._kill()

    @property
    def running(self) -> bool:
        return self._started.is_set() and not self._ended.is_set() and not self._stopping

    def _kill(self) -> None:
        process = self._process
        if process is None:
            return
        process.join(STOP_SECONDS if self._ended.is_set() else 0.5)
        if process.is_alive():
            process.terminate()
            process.join(STOP_SECONDS)
        # The child is gone, so the reader meets the end of the pipe; closing our end only
        # after it has, so no read runs on a closed handle.
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(STOP_SECONDS)
        if self._connection is not None:
            self._connection.close()

    # The room, as the window uses it ---------------------------------------------------

    @property
    def version(self) -> int:
        """Grows with every change the window told the pages of."""
        return self._version

    @property
    def approve_everyone(self) -> bool:
        return self._approve_everyone

    @approve_everyone.setter
    def approve_everyone(self, value: bool) -> None:
        self._approve_everyone = bool(value)
        self._send(("approve_everyone", bool(value)))

    def devices(self) -> list[Device]:
        """The devices in the room, in the order they joined, as the child last told."""
        with self._lock:
            return list(self._devices)

    def approve(self, device_id: str) -> None:
        self._send(("approve", device_id))

    def release(self, device_id: str) -> None:
        self._send(("release", device_id))

    def notify_changed(self, partner_id: int | None = None) -> None:
        """The pages look again (see `Room.notify_changed`), on the window's clock as it is now."""
        self._version += 1
        self._sent_offset = self._offset()
        self._send(("notify", partner_id, self._sent_offset))

    def keep_time(self) -> None:
        """Tell the child the window's clock if it moved apart from the computer's (call now and then).

        On the real clock it never does; a clock set elsewhere (a test's, days ahead) is
        followed within a call, so the pages judge "today" and overdue as the window does.
        """
        offset = self._offset()
        if abs(offset - self._sent_offset) >= CLOCK_TOLERANCE_SECONDS:
            self._sent_offset = offset
            self._send(("clock", offset))

    def _offset(self) -> float:
        return wall_offset(self._wall) if self._wall is not None else 0.0

    def subscribe(self, listener: Callable[[RoomEvent], None]) -> Callable[[], None]:
        """Hear of every RoomEvent (on the reader's thread); returns the call that stops it.

        When the child ends without being told to, listeners hear a RoomEvent("stopped").
        """
        return self._listeners.subscribe(listener)

    # The pipe ----------------------------------------------------------------------------

    def _send(self, message: tuple) -> None:
        connection = self._connection
        if connection is None:
            return
        # OSError, ValueError: the child is gone; the reader tells the listeners.
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            connection.send(message)

    def _read(self) -> None:
        connection = self._connection
        assert connection is not None
        try:
            while True:
                message = connection.recv()
                messages = message[1] if message[0] == "batch" else [message]
                if not all(self._take(each) for each in messages):
                    break
        except (EOFError, OSError):
            pass
        finally:
            self._ended.set()
            self._started.set()  # a start still waiting goes on, and finds the failure
        if not self._stopping and self._failure is None and self.url:
            self._listeners.tell(RoomEvent("stopped"))

    def _take(self, message: tuple) -> bool:
        """Act on one message from the child; False once it has said its last."""
        kind = message[0]
        if kind == "started":
            self.url, self.token, self.join_code, self.port = message[1:]
            self._started.set()
        elif kind == "failed":
            self._failure = UserError(Text(message[1], message[2]))
            return False
        elif kind == "devices":
            with self._lock:
                self._devices = list(message[1])
        elif kind == "event":
            self._listeners.tell(message[1])
        elif kind == "stopped":
            self.pieces, self.batches, self.cpu_seconds, self.states_read, self.states_kept = message[1:]
            return False
        return True


def _serve(
    connection: Connection,
    database: str,
    session_id: int,
    host: str,
    ports: tuple[int, ...],
    *,
    approve_everyone: bool,
    offset_seconds: float,
) -> None:
    """The child: open the store, the room and its server; obey the window until told to stop."""
    from facilitator.room.gate import DirectGate
    from facilitator.room.room import Room
    from facilitator.room.server import start_server
    from facilitator.store import Store

    send_lock = threading.Lock()

    def send(message: tuple) -> None:
        # OSError, ValueError: the window is gone; the loop below ends on its own.
        with send_lock, contextlib.suppress(OSError, ValueError):
            connection.send(message)

    step_back()
    store = Store(Path(database))
    gate = DirectGate(store)
    clock = _OffsetClock(offset_seconds)
    room = Room(gate, session_id, clock=clock, approve_everyone=approve_everyone)

    try:
        server = start_server(room, host, ports)
    except UserError as failure:
        send(("failed", failure.text.da, failure.text.en))
        gate.close()
        store.close()
        return
    outbox = _Outbox(send)

    def heard(event: RoomEvent) -> None:
        if event.kind == "devices":
            outbox.put(("devices", room.devices()))
        outbox.put(("event", event))

    # Put before the room has a listener: no event can reach the window ahead of "started".
    outbox.put(("started", server.url, room.token, room.join_code, server.port))
    room.subscribe(heard)
    try:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                break  # the window's process is gone: no room without a window
            kind = message[0]
            if kind == "stop":
                break
            if kind == "notify":
                clock.offset = dt.timedelta(seconds=message[2])
                room.notify_changed(message[1])
            elif kind == "clock":
                clock.offset = dt.timedelta(seconds=message[1])
            elif kind == "approve":
                room.approve(message[1])
            elif kind == "release":
                room.release(message[1])
            elif kind == "approve_everyone":
                room.approve_everyone = message[1]
    finally:
        # The gate first: requests still waiting get their answer, so the server can stop.
        gate.close()
        server.stop()
        outbox.close()
        web = server.web
        send(("stopped", gate.pieces, gate.batches, time.process_time(), web.states_read, web.states_kept))
        store.close()
        connection.close()


__all__ = ["STOPPED", "RoomProcess", "RoomProcessUnavailable", "wall_offset"]
