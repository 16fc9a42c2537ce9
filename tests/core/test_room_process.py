"""The room served from a process of its own: the same room, its events and devices over a pipe.

Real child processes (spawned, as in the window), a real server on loopback and the real
database file both processes open; waits are for events with a timeout, never sleeps.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from facilitator.program import Program
from facilitator.room import RoomEvent
from facilitator.room import process as room_process
from facilitator.room.process import ROOM_NICENESS, RoomProcess, _OffsetClock, _Outbox, wall_offset
from facilitator.store import Store
from facilitator.text import UserError
from tests.room_client import Client, make_session

WAIT = 20.0


class Heard:
    """The events a listener heard, and a way to wait for one of a kind."""

    def __init__(self) -> None:
        self.events: list[RoomEvent] = []
        self._arrived = threading.Condition()

    def __call__(self, event: RoomEvent) -> None:
        with self._arrived:
            self.events.append(event)
            self._arrived.notify_all()

    def wait_for(self, kind: str) -> RoomEvent:
        with self._arrived:
            assert self._arrived.wait_for(lambda: any(e.kind == kind for e in self.events), WAIT), kind
            return next(e for e in self.events if e.kind == kind)


@pytest.fixture
def served(store: Store, program: Program) -> Iterator[tuple[RoomProcess, Heard, int, list[int]]]:
    session_id, partners, _actions = make_session(store, program)
    room = RoomProcess(store.path, session_id, "127.0.0.1", (0,))
    heard = Heard()
    room.subscribe(heard)
    room.start()
    try:
        yield room, heard, session_id, partners
    finally:
        room.stop()


def test_a_partner_joins_is_approved_and_writes_through_the_rooms_process(served, store: Store):
    room, heard, session_id, partners = served
    assert room.url.startswith("http://127.0.0.1:")
    assert room.token in room.url
    phone = Client(room.url)
    assert phone.join(partners[0], "Mettes telefon").status == 200
    heard.wait_for("devices")
    (device,) = room.devices()
    assert (device.label, device.partner_id, device.approved) == ("Mettes telefon", partners[0], False)

    heard.events.clear()
    room.approve(device.id)
    heard.wait_for("devices")
    assert room.devices()[0].approved

    answer = phone.request("POST", "api/elements", {"field": "what", "text": "Mere solvarme"})
    assert answer.status == 201, answer.body
    added = heard.wait_for("element-added")
    # The record crossed the pipe whole, for the window's undo and its line.
    assert (added.after.text, added.partner_id, added.after.written_on_device) == ("Mere solvarme", partners[0], True)
    # In the same file the window reads.
    assert [e.text for e in store.elements(session_id)] == ["Mere solvarme"]

    child = room._process
    if hasattr(os, "getpriority"):
        # The window on the projector comes first when both want a core.
        assert os.getpriority(os.PRIO_PROCESS, child.pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + ROOM_NICENESS)
    room.stop()
    assert not child.is_alive()
    assert room.pieces >= 1
    assert room.batches >= 1
    assert not any(e.kind == "stopped" for e in heard.events), "told to stop, it did not stop unexpectedly"


def test_a_port_taken_is_said_in_words_and_no_process_is_left(store: Store, program: Program):
    session_id, _partners, _actions = make_session(store, program)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        room = RoomProcess(store.path, session_id, "127.0.0.1", (port,))
        with pytest.raises(UserError) as raised:
            room.start()
    assert "127.0.0.1" in raised.value.message("da")
    assert "Rummet kan ikke åbnes" in raised.value.message("da")
    assert not room._process.is_alive()


_WINDOW = """
import sys
from pathlib import Path
from facilitator.room.process import RoomProcess

if __name__ == "__main__":
    room = RoomProcess(Path(sys.argv[1]), int(sys.argv[2]), "127.0.0.1", (0,))
    room.start()
    print(room._process.pid, flush=True)
    sys.stdin.read()
"""


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_room_ends_with_the_windows_process(store: Store, program: Program, tmp_path):
    session_id, _partners, _actions = make_session(store, program)
    script = tmp_path / "window.py"
    script.write_text(_WINDOW)
    with subprocess.Popen(
        [sys.executable, str(script), str(store.path), str(session_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as window:
        try:
            child = int(window.stdout.readline())
            assert not _ended(child)
            # The window's process is killed outright: nothing of it can tell the room to stop.
            window.kill()
            window.wait(WAIT)
            deadline = time.monotonic() + WAIT
            while not _ended(child) and time.monotonic() < deadline:
                threading.Event().wait(0.05)
            assert _ended(child), "a room left answering without its window"
        finally:
            window.kill()


def test_a_room_that_dies_is_heard_of(served):
    room, heard, _session_id, _partners = served
    room._process.kill()
    heard.wait_for("stopped")
    assert not room.running


def test_on_windows_the_rooms_process_takes_the_class_below_normal(monkeypatch):
    """Windows has no nice: the process asks for the priority class below normal instead."""
    import ctypes

    asked: list[tuple[object, int]] = []

    class Kernel32:
        @staticmethod
        def GetCurrentProcess() -> str:
            return "this process"

        @staticmethod
        def SetPriorityClass(handle: object, priority: int) -> int:
            asked.append((handle, priority))
            return 1

    monkeypatch.delattr(os, "nice", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": Kernel32}), raising=False)
    room_process.step_back()
    assert asked == [("this process", 0x4000)]  # BELOW_NORMAL_PRIORITY_CLASS in Windows' headers


def test_the_room_tells_a_window_that_does_not_read_without_waiting_for_it():
    """A window busy (or hung) must not hold up the phones: the server's loop only hands over."""
    windows_end, rooms_end = multiprocessing.Pipe()
    outbox = _Outbox(rooms_end.send)
    # Far more than a pipe's buffer holds: sent from the putting thread, as before, the
    # puts would stop once it was full, until the window read again.
    events = [("event", RoomEvent("element-added", f"device {n}", 1, None, "ord " * 100)) for n in range(3000)]
    put = threading.Event()

    def put_all() -> None:
        for event in events:
            outbox.put(event)
        put.set()

    threading.Thread(target=put_all, daemon=True).start()
    assert put.wait(WAIT), "putting waited for the window"
    heard: list[tuple] = []
    reads = 0
    while len(heard) < len(events):
        assert windows_end.poll(WAIT)
        message = windows_end.recv()
        reads += 1
        heard += message[1] if message[0] == "batch" else [message]
    outbox.close()
    assert heard == events  # all of them, in order
    assert reads < len(events) / 10  # gathered into batches, not one write each
    assert not windows_end.poll(0.1)


def test_the_pages_see_the_windows_clock():
    ahead = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    offset = wall_offset(lambda: ahead)
    seen = _OffsetClock(offset).wall()
    assert abs((seen - ahead).total_seconds()) < 60
    assert abs(wall_offset(lambda: dt.datetime.now(dt.UTC))) < 1


def test_the_rooms_process_keeps_the_windows_time(store: Store, program: Program):
    from facilitator.timing.timer import START, TimerEvent
    from tests.room_client import CIRCLE_STEP

    session_id, partners, _actions = make_session(store, program)
    window_time = {"now": dt.datetime(2026, 4, 27, 9, 35, tzinfo=dt.UTC)}
    store.add_timer_event(session_id, TimerEvent(CIRCLE_STEP, START, window_time["now"], 0.0))
    room = RoomProcess(
        store.path, session_id, "127.0.0.1", (0,), approve_everyone=True, wall=lambda: window_time["now"]
    )
    room.start()
    try:
        phone = Client(room.url)
        assert phone.join(partners[0]).status == 200
        started = phone.state()["timer"]
        assert started["state"] == "running"
        # Ten minutes on the window's clock, and nothing else happens in the room.
        window_time["now"] += dt.timedelta(minutes=10)
        room.keep_time()
        # The child hears it on its pipe, beside the request: it may take a moment.
        deadline = time.monotonic() + WAIT
        later = phone.state()["timer"]
        while started["remaining"] - later["remaining"] < 595 and time.monotonic() < deadline:
            threading.Event().wait(0.25)  # within the page's rate limit
            later = phone.state()["timer"]
        assert 595 <= started["remaining"] - later["remaining"] <= 605
    finally:
        room.stop()
