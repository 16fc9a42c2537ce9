"""The room under load: 60 devices on loopback, each adding 20 elements as fast as the room allows.

The devices run in a separate process (`--client`), so their Python does not compete for
the interpreter lock with the server and the window being measured. Each device is a
thread there with its own keep-alive HTTP connection: it joins, then adds its elements one
after another, waiting out a 429 (the rate limit) before trying again. The figure is the
time from sending an add to its answer: the answer comes after the commit that holds it,
so it is request to stored. Afterwards the store must hold every element exactly once.
Targets (issue 19): 0 lost or duplicated, p95 request to stored at most 100 ms, and a
facilitator drag frame p95 at most 8 ms during the load.

Two variants:

- default: the room on a `DirectGate` without a window (as `facilitator room` serves),
  with one device alone first as the floor;
- `--window`: the real main window offscreen on a copy of the demo session at the circle
  step of Delsession 1, the room opened on the window's own gate (approve everyone). While
  the devices write, a post-it on a board of the same session (a board workspace on the GUI
  thread, as the window builds it) is dragged back and forth, one mouse move every 16 ms.
  A frame is the GUI thread's handling of one move until the views have repainted, with
  whatever else the GUI thread had to do first (the room's events, undo steps, the circle
  view's refresh); its GUI-thread CPU time is given too. A gap is how late a move came
  after the one before (16 ms planned): how long the window could not answer. The same
  drag without load is the floor.

Each device's page is modelled too (turn it off with `--no-pages`): it holds the room's
live stream open, appends the elements it hears of and reads its state on each "look
again", as room.js does, so what a partner's add causes on other pages counts against the
same server. `--wake-all` makes
every change wake every page, as the room did before notices had a scope.

    uv run python bench/room_load.py [--devices 60] [--elements 20] [--window] [--no-pages] [--wake-all]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET_P95_MS = 100.0
TARGET_FRAME_MS = 8.0
CIRCLE_STEP = "delsession-1-individuelt"
RESULT = "RESULT "
FRAME_EVERY_MS = 16
#: A page reads its state within this long after a "look again" (room.js LOOK_SPREAD_MS).
LOOK_SPREAD_S = 0.5
#: After the last add, how long the pages may take to finish the reads they still owe.
SETTLE_S = 5.0


@dataclass
class LoadResult:
    """What the devices saw: each add's milliseconds, and the 429s they waited out.

    With pages (the default), also what the pages did: the notices their streams brought,
    the state reads they made (and how long each took), and the reads answered 429.
    """

    latencies_ms: list[float] = field(default_factory=list)
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notices: int = 0
    news: int = 0
    state_reads: int = 0
    state_refused: int = 0
    state_ms: list[float] = field(default_factory=list)

    def p95(self) -> float:
        return _p95(self.latencies_ms)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94] if len(values) >= 2 else (values[0] if values else 0.0)


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# The devices (in their own process) -----------------------------------------------------


class _Page:
    """What room.js does beside the adds: a live stream, and a state read on each "look again".

    As the page's `refresh`: a "look again" is read at a random moment within half a second
    (every page hears a change everyone sees at once); at most one read in flight; notices
    that came meanwhile make one more read 400 ms after it. An added element (the stream's "added" event, or the
    answer to the page's own add) is appended without a read, unless its circle is not yet
    in the state the page read (room.js `takeNews`). The reads share the device's rate
    limit with its adds, as on a phone, and a read answered 429 is asked again 400 ms
    later (room.js does the same).
    """

    AGAIN_AFTER_S = 0.4

    def __init__(self, url: str, secret: str, result: LoadResult, lock: threading.Lock) -> None:
        self._parts = urlsplit(url)
        self._secret = secret
        self._result = result
        self._lock = lock
        self._wanted = threading.Condition()
        self._pending = False
        self._busy = False
        self._stopped = False
        self._stream: http.client.HTTPConnection | None = None
        #: The read planned after a "look again" (see `_listen`).
        self._planned: threading.Timer | None = None
        #: The circles in the last state read: news of another circle makes the page read.
        self._circles: set[int] = set()
        self._threads = [threading.Thread(target=self._listen), threading.Thread(target=self._refresh)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def look(self) -> None:
        """Ask for a state read (a notice, or the page's own write)."""
        with self._wanted:
            self._pending = True
            self._wanted.notify()

    def _look_as_planned(self) -> None:
        self._planned = None
        self.look()

    def heard(self, news: dict) -> None:
        """An added element: appended if the page shows its circle, else a read."""
        if news.get("circle") not in self._circles:
            self.look()

    def idle(self) -> bool:
        with self._wanted:
            return not self._pending and not self._busy

    def stop(self) -> None:
        planned = self._planned
        if planned is not None:
            planned.cancel()
        with self._wanted:
            self._stopped = True
            self._wanted.notify()
        stream = self._stream
        if stream is not None and stream.sock is not None:
            with contextlib.suppress(OSError):  # it may have ended already
                stream.sock.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join()

    def _listen(self) -> None:
        self._stream = http.client.HTTPConnection(self._parts.hostname, self._parts.port, timeout=120)
        try:
            self._stream.request("GET", f"{self._parts.path}api/events?device={self._secret}")
            response = self._stream.getresponse()
            if response.status != 200:
                with self._lock:
                    self._result.failures.append(f"stream refused: {response.status}")
                return
            event = b"message"
            while not self._stopped:
                line = response.readline()
                if not line:
                    return
                if line.startswith(b"event:"):
                    event = line[len(b"event:") :].strip()
                elif line.startswith(b"data:") and event == b"added":
                    with self._lock:
                        self._result.news += 1
                    self.heard(json.loads(line[len(b"data:") :]))
                    event = b"message"
                elif line.startswith(b"data:"):
                    with self._lock:
                        self._result.notices += 1
                    if line[len(b"data:") :].strip() == b"0":
                        self.look()  # the stream has just opened: read now
                    elif self._planned is None:
                        # As room.js: a "look again" is read at a moment of the page's own,
                        # and the notices until then with it.
                        self._planned = threading.Timer(random.uniform(0, LOOK_SPREAD_S), self._look_as_planned)
                        self._planned.start()
        except OSError:
            return  # stopped: the socket was shut
        finally:
            self._stream.close()

    def _refresh(self) -> None:
        connection = http.client.HTTPConnection(self._parts.hostname, self._parts.port, timeout=60)
        headers = {"X-Device": self._secret}
        try:
            while True:
                with self._wanted:
                    while not self._pending and not self._stopped:
                        self._wanted.wait()
                    if self._stopped:
                        return
                    self._pending = False
                    self._busy = True
                started = time.perf_counter()
                connection.request("GET", self._parts.path + "api/state", headers=headers)
                response = connection.getresponse()
                data = response.read()
                ms = (time.perf_counter() - started) * 1000
                if response.status == 200:
                    self._circles = {circle["id"] for circle in json.loads(data).get("own", [])}
                with self._lock:
                    self._result.state_reads += 1
                    if response.status == 429:
                        self._result.state_refused += 1
                    else:
                        self._result.state_ms.append(ms)
                with self._wanted:
                    if response.status == 429:
                        self._pending = True
                    again = self._pending
                    if again:
                        self._wanted.wait_for(lambda: self._stopped, self.AGAIN_AFTER_S)
                    self._busy = False
        finally:
            connection.close()


def _device(
    url: str,
    partner_id: int,
    index: int,
    elements: int,
    result: LoadResult,
    lock: threading.Lock,
    pages: list[_Page] | None = None,
) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/json"}

    def send(method: str, path: str, body: dict) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        connection.request(method, parts.path + path, body=json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - started) * 1000

    while True:
        status, data, _ms = send("POST", "api/join", {"partner": partner_id, "label": f"Enhed {index}"})
        if status != 429:
            break
        time.sleep(0.2)
    if status != 200:
        with lock:
            result.failures.append(f"device {index} could not join: {status} {data[:200]!r}")
        return
    headers["X-Device"] = json.loads(data)["device"]
    page = None
    if pages is not None:
        page = _Page(url, headers["X-Device"], result, lock)
        with lock:
            pages.append(page)
        page.start()
    added = 0
    while added < elements:
        body = {"circle": None, "field": "what", "text": f"Enhed {index} element {added}"}
        status, data, ms = send("POST", "api/elements", body)
        if status == 429:
            with lock:
                result.refused += 1
            time.sleep(0.05)
            continue
        if status != 201:
            with lock:
                result.failures.append(f"device {index} element {added}: {status} {data[:200]!r}")
            return
        with lock:
            result.latencies_ms.append(ms)
        added += 1
        if page is not None:
            page.heard(json.loads(data))
    connection.close()


def run_load(url: str, partner_ids: list[int], devices: int, elements: int, *, with_pages: bool = True) -> LoadResult:
    """Run `devices` simulated devices against the room at `url` in this process; what they measured.

    With pages, each device also holds its page's stream open and reads its state as the
    page would; after the last add the pages get up to `SETTLE_S` to finish their reads.
    """
    result = LoadResult()
    lock = threading.Lock()
    pages: list[_Page] | None = [] if with_pages else None
    threads = [
        threading.Thread(
            target=_device, args=(url, partner_ids[index % len(partner_ids)], index, elements, result, lock, pages)
        )
        for index in range(devices)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    if pages:
        settle = time.perf_counter() + SETTLE_S
        while time.perf_counter() < settle and not all(page.idle() for page in pages):
            time.sleep(0.05)
        for page in pages:
            page.stop()
    return result


def spawn_load(
    url: str, partner_ids: list[int], devices: int, elements: int, *, with_pages: bool = True, nice: int = 0
) -> subprocess.Popen:
    """The devices in a process of their own; `collect` reads what they measured."""
    command = [sys.executable, str(Path(__file__).resolve()), "--client", url]
    command += ["--partners", ",".join(map(str, partner_ids)), "--devices", str(devices), "--elements", str(elements)]
    if not with_pages:
        command.append("--no-pages")
    if nice:
        command += ["--devices-nice", str(nice)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def collect(process: subprocess.Popen) -> LoadResult:
    out, _ = process.communicate()
    for line in out.splitlines():
        if line.startswith(RESULT):
            return LoadResult(**json.loads(line[len(RESULT) :]))
    raise RuntimeError(f"the devices' process said nothing useful: {out[-500:]!r}")


def _client_main(args: argparse.Namespace) -> int:
    if args.devices_nice:
        os.nice(args.devices_nice)
    partner_ids = [int(value) for value in args.partners.split(",")]
    result = run_load(args.client, partner_ids, args.devices, args.elements, with_pages=args.pages)
    print(RESULT + json.dumps(asdict(result)), flush=True)
    return 0


# What the store holds afterwards ------------------------------------------------------------


def _check_stored(store, session_id: int, devices: int, elements: int) -> tuple[int, int, int]:
    """(stored, lost, duplicated) of the devices' elements against what they sent."""
    texts = [element.text for element in store.elements(session_id) if element.text.startswith("Enhed ")]
    expected = {f"Enhed {index} element {n}" for index in range(devices) for n in range(elements)}
    lost = len(expected - set(texts))
    duplicated = len(texts) - len(set(texts))
    return len(texts), lost, duplicated


# Without a window ---------------------------------------------------------------------------


def _direct_run(
    devices: int, elements: int, *, with_pages: bool = True, wake_all: bool = False
) -> tuple[LoadResult, tuple[int, int, int], str]:
    from facilitator.paths import default_program_path
    from facilitator.program import load_program
    from facilitator.room import DirectGate, Room, RoomServer
    from facilitator.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "facilitator.sqlite3")
        try:
            session_id = store.create_session(load_program(default_program_path()), title="Belastning")
            partner_ids = [store.add_partner(session_id, f"Partner {n}", organisation=f"Org {n}").id for n in range(8)]
            store.update_session(session_id, current_step_id=CIRCLE_STEP)
            gate = DirectGate(store)
            room = Room(gate, session_id, approve_everyone=True)
            if wake_all:
                # As before notices had a scope: every change wakes every page.
                notify = room.notify_changed
                room.notify_changed = lambda _partner_id=None, _news=None: notify(None)
            server = RoomServer(room, "127.0.0.1")
            server.start()
            cpu = time.process_time()
            try:
                result = collect(spawn_load(server.url, partner_ids, devices, elements, with_pages=with_pages))
            finally:
                cpu = time.process_time() - cpu
                server.stop()
            # The devices run elsewhere: this process's CPU is the server's and the store's.
            batches = (
                f"{getattr(gate, 'pieces', '?')} calls in {getattr(gate, 'batches', '?')} commits; server CPU "
                f"{cpu * 1000 / max(1, len(result.latencies_ms)):.1f} ms per add"
            )
            return result, _check_stored(store, session_id, devices, elements), batches
        finally:
            store.close()


def _report_load(label: str, result: LoadResult) -> None:
    if not result.latencies_ms:
        print(f"{label}: no add answered")
        return
    print(
        f"{label}: p95 {result.p95():.1f} ms, median {statistics.median(result.latencies_ms):.1f} ms, "
        f"max {max(result.latencies_ms):.1f} ms, {result.refused} answered 429, {result.seconds:.1f} s in all"
    )
    if result.notices or result.state_reads:
        adds = max(1, len(result.latencies_ms))
        print(
            f"  pages: {result.notices} notices, {result.news} elements heard, {result.state_reads} state reads "
            f"({result.state_reads / adds:.2f} per add; {result.state_refused} answered 429), "
            f"state read p95 {_p95(result.state_ms):.1f} ms"
        )


def _direct_main(args: argparse.Namespace) -> bool:
    print(f"load average before: {_load_average()}")
    options = {"with_pages": args.pages, "wake_all": args.wake_all}
    floor, floor_check, _ = _direct_run(1, args.elements, **options)
    load, check, batches = _direct_run(args.devices, args.elements, **options)
    _report_load(f"floor (1 device x {args.elements})", floor)
    _report_load(f"load ({args.devices} devices x {args.elements})", load)
    print(f"stored/lost/duplicated: {check} (floor {floor_check}); {batches}")
    for failure in (load.failures + floor.failures)[:10]:
        print("  ", failure)
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms; load average after: {_load_average()}")
    return check[1] == 0 and check[2] == 0 and not load.failures and load.p95() <= TARGET_P95_MS


# With the window ------------------------------------------------------------------------------


def _window_main(args: argparse.Namespace) -> bool:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from room_window import run_window  # a sibling script: bench/ is on the path when run

    print(f"load average before: {_load_average()}")
    spawn = functools.partial(spawn_load, with_pages=args.pages, nice=args.devices_nice)
    outcome = run_window(args.devices, args.elements, spawn, collect, _check_stored)
    floor_frames, frames, gaps, cpu, load, check, batches = outcome
    _report_load(f"load ({args.devices} devices x {args.elements}, window open)", load)
    print(f"stored/lost/duplicated: {check}; {batches}")
    for failure in load.failures[:10]:
        print("  ", failure)
    print(f"drag frame without load: median {statistics.median(floor_frames):.2f} ms, p95 {_p95(floor_frames):.2f} ms")
    print(
        f"drag frame during load ({len(frames)} frames): median {statistics.median(frames):.2f} ms, "
        f"p95 {_p95(frames):.2f} ms, max {max(frames):.2f} ms; GUI-thread CPU p95 {_p95(cpu):.2f} ms"
    )
    print(f"gap between moves beyond {FRAME_EVERY_MS} ms: p95 {_p95(gaps):.1f} ms, max {max(gaps):.1f} ms")
    print(
        f"targets: request to stored p95 <= {TARGET_P95_MS:.0f} ms, frame p95 <= {TARGET_FRAME_MS:.0f} ms; "
        f"load average after: {_load_average()}"
    )
    return (
        check[1] == 0
        and check[2] == 0
        and not load.failures
        and load.p95() <= TARGET_P95_MS
        and _p95(frames) <= TARGET_FRAME_MS
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=60)
    parser.add_argument("--elements", type=int, default=20)
    parser.add_argument("--window", action="store_true", help="with the main window open, and drag frames measured")
    parser.add_argument(
        "--no-pages",
        dest="pages",
        action="store_false",
        help="devices only add; no page holds a stream open or reads its state on each notice",
    )
    parser.add_argument(
        "--wake-all",
        action="store_true",
        help="every change wakes every page, as before notices had a scope (for a before/after)",
    )
    parser.add_argument(
        "--devices-nice",
        type=int,
        default=0,
        help="run the simulated devices at this niceness: sixty phones are other machines, and on "
        "a two-core laptop their simulation would otherwise take a core from the window and the room",
    )
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--partners", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        return _client_main(args)
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    ok = _window_main(args) if args.window else _direct_main(args)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
