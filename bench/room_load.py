"""The room under load: 60 devices on loopback, each adding 20 elements as fast as the room allows.

Each simulated device is a thread with its own keep-alive HTTP connection: it joins, then
adds its elements one after another, waiting out a 429 (the rate limit) before trying
again. The figure is the time from sending an add to its answer: the answer comes after
the store's commit, so it is request to stored. Afterwards the store must hold every
element exactly once. The floor is one device alone adding its 20; the ratio is of p95s.
Targets (issue 19): 0 lost or duplicated, p95 request to stored at most 100 ms.

    uv run python bench/room_load.py [--devices 60] [--elements 20]

The facilitator's drag frame during the load needs the window: `run_load` is the hook.
A window bench starts the room on its own gate (ui/room_gate.py), calls `run_load` on a
thread with the server's address and measures its drag frames meanwhile.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET_P95_MS = 100.0
CIRCLE_STEP = "delsession-1-individuelt"


@dataclass
class LoadResult:
    """What the devices saw: each add's milliseconds, and the 429s they waited out."""

    latencies_ms: list[float] = field(default_factory=list)
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def p95(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=100)[94] if len(self.latencies_ms) >= 2 else 0.0


def _device(url: str, partner_id: int, index: int, elements: int, result: LoadResult, lock: threading.Lock) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
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
    connection.close()


def run_load(url: str, partner_ids: list[int], devices: int, elements: int) -> LoadResult:
    """Run `devices` simulated devices against the room at `url`; returns what they measured."""
    result = LoadResult()
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=_device, args=(url, partner_ids[index % len(partner_ids)], index, elements, result, lock)
        )
        for index in range(devices)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def _check_stored(store, session_id: int, devices: int, elements: int) -> tuple[int, int, int]:
    """(stored, lost, duplicated) against what the devices sent."""
    texts = [element.text for element in store.elements(session_id)]
    expected = {f"Enhed {index} element {n}" for index in range(devices) for n in range(elements)}
    lost = len(expected - set(texts))
    duplicated = len(texts) - len(set(texts))
    return len(texts), lost, duplicated


def _one_run(devices: int, elements: int) -> tuple[LoadResult, tuple[int, int, int]]:
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
            room = Room(DirectGate(store), session_id, approve_everyone=True)
            server = RoomServer(room, "127.0.0.1")
            server.start()
            try:
                result = run_load(server.url, partner_ids, devices, elements)
            finally:
                server.stop()
            return result, _check_stored(store, session_id, devices, elements)
        finally:
            store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=60)
    parser.add_argument("--elements", type=int, default=20)
    args = parser.parse_args()
    floor, floor_check = _one_run(1, args.elements)
    load, check = _one_run(args.devices, args.elements)
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"floor (1 device x {args.elements}): p95 {floor.p95():.1f} ms, stored/lost/duplicated {floor_check}")
    print(
        f"load ({args.devices} devices x {args.elements}): p95 {load.p95():.1f} ms, median "
        f"{statistics.median(load.latencies_ms):.1f} ms, max {max(load.latencies_ms):.1f} ms, "
        f"{load.refused} answered 429, {load.seconds:.1f} s in all"
    )
    print(f"stored/lost/duplicated: {check}; failures: {len(load.failures) + len(floor.failures)}")
    for failure in (load.failures + floor.failures)[:10]:
        print("  ", failure)
    print(f"ratio of p95s: {load.p95() / floor.p95():.2f}; target p95 <= {TARGET_P95_MS:.0f} ms")
    ok = check[1] == 0 and check[2] == 0 and not load.failures and load.p95() <= TARGET_P95_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
