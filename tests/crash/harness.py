"""One crash round: start a child on a copy of the demo session, kill it, reopen, compare.

Shared by `tests/core/test_crash.py`, `tests/ui/test_crash_gui.py` and `bench/crash_soak.py`.
POSIX only: the round ends with SIGKILL, and the child's output is read with `selectors`.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import random
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from facilitator.demo import create_demo_session
from facilitator.store import Store
from facilitator.text import clean_text
from tests.crash.model import Model, difference, snapshot
from tests.databases import DatabaseTemplate

ROOT = Path(__file__).resolve().parents[2]
#: Typed text may be at most this far behind the keyboard (seconds).
LAG_LIMIT = 1.0
DATABASE_NAME = "facilitator.sqlite3"


class CrashTestError(AssertionError):
    """A round failed; `loss` tells a lost or late edit from a child that broke on its own."""

    loss = False


class ChildFailed(CrashTestError):
    """The child died, hung or misbehaved before the kill; its stderr is in the message."""


class DataLost(CrashTestError):
    """After the kill the database is damaged or lacks an edit the child had reported done."""

    loss = True


@dataclass(frozen=True)
class Template:
    """The demo session in a database file that every round copies."""

    path: Path
    session_id: int
    model: Model


def make_template(folder: Path, demo: DatabaseTemplate | None = None) -> Template:
    """The template in `folder`: a copy of `demo` (a database of the demo session) if given, else built."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "template.sqlite3"
    if demo is not None:
        demo.copy_to(path)
    store = Store(path)
    try:
        session_id = demo.session_id if demo is not None else create_demo_session(store)
        # The GUI child reopens it like a real start does.
        store.set_last_session_id(session_id)
        model = Model.load(store, session_id)
    finally:
        store.close()
    if Path(f"{path}-wal").exists():
        raise RuntimeError(
            "the template's WAL was not checkpointed on close; copying the main file alone would lose it"
        )
    return Template(path, session_id, model)


@dataclass
class ChildRun:
    messages: list[dict[str, Any]]
    #: time.monotonic() just before SIGKILL (the same clock the GUI child reports typing on).
    kill_time: float
    stderr: str


@dataclass
class RoundResult:
    seed: int
    #: Edits the child reported as done, each checked against the reopened database.
    edits: int
    #: Typed texts that had to be on disk (reported at least LAG_LIMIT before the kill).
    typed_checked: int = 0
    #: How far behind the keyboard the saved text was at the kill, worst field (seconds).
    lag: float = 0.0
    #: The edit in flight at the kill had reached the database.
    in_flight_landed: bool = False
    seconds: float = 0.0
    #: How many edits of each kind were reported done.
    kinds: dict[str, int] = field(default_factory=dict)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _stderr_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-6000:]
    except OSError:
        return ""


class _Spawned:
    """`python -m module args`: a new interpreter, as the app itself starts."""

    def __init__(self, module: str, args: list[str], stderr_path: Path) -> None:
        with stderr_path.open("wb") as stderr:
            self._process = subprocess.Popen(
                [sys.executable, "-m", module, *args],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=_child_env(),
            )
        assert self._process.stdout is not None
        self._stdout = self._process.stdout
        self.pid = self._process.pid
        self.output = self._stdout.fileno()

    def poll(self) -> int | None:
        return self._process.poll()

    def wait(self) -> int:
        return self._process.wait()

    def close(self) -> None:
        self._stdout.close()


class _Forked:
    """`module.main(args)` in a fork of a server process that imported the module once, for every round.

    A new interpreter spends about a second importing SQLAlchemy and the store (several
    where Python may not cache bytecode), and a round is over in less. The fork is still a
    process of its own, with its own connection to the database and nothing open before
    it, so SIGKILL ends it as hard as a new interpreter.
    """

    def __init__(self, module: str, args: list[str], stderr_path: Path) -> None:
        context = multiprocessing.get_context("forkserver")
        # Only heeded when the server starts, the first time: it imports these, then forks.
        context.set_forkserver_preload([__name__, module])
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_forked_main, args=(module, args, writer, str(stderr_path)), daemon=True)
        self._process.start()
        # The child holds the only writing end now, so its death ends the output.
        writer.close()
        assert self._process.pid is not None
        self.pid = self._process.pid
        self.output = self._reader.fileno()

    def poll(self) -> int | None:
        return self._process.exitcode

    def wait(self) -> int:
        self._process.join()
        assert self._process.exitcode is not None
        return self._process.exitcode

    def close(self) -> None:
        self._reader.close()
        self._process.close()


def _forked_main(module: str, args: list[str], output: Connection, stderr_path: str) -> None:
    """In the fork: report on the pipe as on standard output, errors to the file, then run the child."""
    os.dup2(output.fileno(), 1)
    output.close()
    stderr = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(stderr, 2)
    os.close(stderr)
    sys.exit(importlib.import_module(module).main(args))


def run_child(
    module: str, args: list[str], *, folder: Path, kill_after: int, jitter: float, timeout: float, fork: bool = False
) -> ChildRun:
    """Run the child `module` with `args`, read its lines until `kill_after` are reported done, SIGKILL it.

    The child is `python -m module args`, or with `fork` a fork that has imported the module
    already (`_Forked`; for children without Qt).
    """
    stderr_path = folder / f"{module.rsplit('.', 1)[-1]}.stderr"
    process = (_Forked if fork else _Spawned)(module, args, stderr_path)
    descriptor = process.output
    buffer = b""
    done = 0
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    selector.register(descriptor, selectors.EVENT_READ)
    try:
        while done < kill_after:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChildFailed(
                    f"{module} {' '.join(args[1:])}: no progress within {timeout:.0f} s "
                    f"({done} of {kill_after} edits reported)\n--- child stderr ---\n{_stderr_text(stderr_path)}"
                )
            if not selector.select(min(remaining, 0.5)):
                continue
            chunk = os.read(descriptor, 65536)
            if not chunk:
                code = process.wait()
                raise ChildFailed(
                    f"{module} {' '.join(args[1:])}: exited with code {code} before the kill "
                    f"({done} of {kill_after} edits reported)\n--- child stderr ---\n{_stderr_text(stderr_path)}"
                )
            buffer += chunk
            done = buffer.count(b'{"ok"')
        time.sleep(jitter)
        kill_time = time.monotonic()
        os.kill(process.pid, signal.SIGKILL)
        code = process.wait()
        while chunk := os.read(descriptor, 65536):
            buffer += chunk
    finally:
        # Interrupted (Ctrl+C, a bug here): never leave a child editing on its own.
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        selector.close()
        process.close()
    stderr_text = _stderr_text(stderr_path)
    if code != -signal.SIGKILL:
        raise ChildFailed(
            f"{module} {' '.join(args[1:])}: ended with code {code} before the kill landed\n"
            f"--- child stderr ---\n{stderr_text}"
        )
    # A line cut short by the kill was never reported; only whole lines count.
    lines = buffer.split(b"\n")[:-1]
    try:
        messages = [json.loads(line) for line in lines]
    except json.JSONDecodeError as error:
        raise ChildFailed(f"{module}: unreadable line from the child: {error}\n{stderr_text}") from None
    return ChildRun(messages, kill_time, stderr_text)


def check_integrity(path: Path, label: str) -> None:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    if rows != [("ok",)]:
        raise DataLost(f"{label}: PRAGMA integrity_check says {rows[:5]}")


def _split(run: ChildRun, label: str) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], dict[str, Any] | None]:
    """(announced op, done report) for every edit reported done, and the op in flight at the kill."""
    announced = {message["i"]: message for message in run.messages if "i" in message}
    reports = [message for message in run.messages if "ok" in message]
    numbers = [report["ok"] for report in reports]
    if numbers != list(range(len(numbers))):
        raise ChildFailed(f"{label}: the child reported edits out of order: {numbers[:20]}")
    return [(announced[report["ok"]], report) for report in reports], announced.get(len(reports))


def _kinds(edits: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, int]:
    return dict(Counter(op["op"] for op, _report in edits))


# The store ----------------------------------------------------------------------------------------


def store_round(seed: int, folder: Path, template: Template, *, max_edits: int = 200) -> RoundResult:
    """Kill the store child after a seeded number of edits; the database must hold exactly those."""
    started = time.monotonic()
    rng = random.Random(f"store-{seed}")
    kill_after = rng.randint(1, max_edits)
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / DATABASE_NAME
    shutil.copyfile(template.path, database)
    label = f"store round, seed {seed}"
    run = run_child(
        "tests.crash.store_child",
        [str(database), str(seed), str(template.session_id)],
        folder=folder,
        kill_after=kill_after,
        jitter=rng.uniform(0, 0.004),
        timeout=60,
        fork=True,
    )
    edits, in_flight = _split(run, label)
    check_integrity(database, label)

    model = template.model.copy()
    for op, report in edits:
        model.apply(op, report["id"])
    store = Store(database)
    try:
        actual = snapshot(store, template.session_id)
    finally:
        store.close()
    expected = model.render()
    landed = False
    if actual != expected:
        with_in_flight = None
        if in_flight is not None:
            later = model.copy()
            # Its id was never reported; any unused one renders the same content.
            later.apply(in_flight, -1)
            with_in_flight = later.render()
        if actual != with_in_flight:
            raise DataLost(
                f"{label}: after {len(edits)} edits reported done (in flight: {in_flight and in_flight['op']}), "
                f"the reopened database differs from them:\n{difference(expected, actual)}"
            )
        landed = True
    return RoundResult(
        seed,
        len(edits),
        in_flight_landed=landed,
        seconds=time.monotonic() - started,
        kinds=_kinds(edits),
    )


# The GUI ------------------------------------------------------------------------------------------


def _typed_base(template: Template, target: str) -> str:
    kind, _, rest = target.partition(":")
    if kind == "note":
        return template.model.notes.get(rest, "")
    form_id, _, field_id = rest.partition(":")
    return template.model.forms.get((form_id, field_id), "")


def gui_round(seed: int, folder: Path, template: Template, *, max_reports: int = 40) -> RoundResult:
    """Kill the GUI child after a seeded number of reports; check discrete edits and typing lag."""
    started = time.monotonic()
    rng = random.Random(f"gui-{seed}")
    kill_after = rng.randint(3, max_reports)
    data_dir = folder / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / DATABASE_NAME
    shutil.copyfile(template.path, database)
    label = f"GUI round, seed {seed}"
    run = run_child(
        "tests.crash.gui_child",
        [str(data_dir), str(seed)],
        folder=folder,
        kill_after=kill_after,
        jitter=rng.uniform(0, 0.3),
        timeout=90,
    )
    edits, in_flight = _split(run, label)
    check_integrity(database, label)

    elements: list[tuple[int, str, str]] = []
    actions: dict[str, dict[str, Any]] = {
        template.model.actions[action_id]["what"]: {
            "present": True,
            "status": template.model.actions[action_id]["status"],
        }
        for action_id in template.model.visible_actions()
    }
    places: dict[int, tuple[float, float]] = {}
    typed: dict[str, list[tuple[float, str]]] = {}
    for op, report in edits:
        kind = op["op"]
        if kind == "element":
            elements.append((op["circle"], op["field"], op["text"]))
        elif kind == "action":
            actions[report["what"]] = {"present": True, "status": report["status"]}
        elif kind == "status":
            actions[op["what"]]["status"] = op["status"]
        elif kind == "remove_action":
            actions[op["what"]]["present"] = False
        elif kind == "move":
            places[op["id"]] = (report["x"], report["y"])
        elif kind == "type":
            typed.setdefault(op["target"], []).append((report["t"], report["text"]))
        else:
            raise ChildFailed(f"{label}: unknown report {kind!r}")
    flying = in_flight or {}

    store = Store(database)
    try:
        session_id = template.session_id
        stored_elements = {(e.circle_id, e.field, e.text) for e in store.elements(session_id)}
        stored_actions = {action.what: action for action in store.actions(session_id)}
        boards = {}
        for kind in ("change", "contribution", "scaling"):
            boards.update(store.board_state(session_id, kind).notes)
        forms = {form_id: store.form_texts(session_id, form_id) for form_id in ("ambition", "interplay", "scaling")}
        notes = store.step_notes(session_id)
    finally:
        store.close()

    problems = []
    for circle_id, field_id, text in elements:
        if (circle_id, field_id, text) not in stored_elements:
            problems.append(f"element {text!r} ({field_id}) reported added is missing")
    for what, state in actions.items():
        stored = stored_actions.get(what)
        may_vanish = flying.get("op") == "remove_action" and flying.get("what") == what
        if state["present"] and stored is None and not may_vanish:
            problems.append(f"action {what!r} reported added is missing")
        elif not state["present"] and stored is not None:
            problems.append(f"action {what!r} reported removed is still there")
        elif stored is not None:
            allowed = {state["status"]}
            if flying.get("op") == "status" and flying.get("what") == what:
                allowed.add(flying["status"])
            if stored.status not in allowed:
                problems.append(f"action {what!r}: status {stored.status!r}, reported {state['status']!r}")
    for note_id, (x, y) in places.items():
        if flying.get("op") == "move" and flying.get("id") == note_id:
            continue
        note = boards.get(note_id)
        if note is None or (note.x, note.y) != (x, y):
            where = None if note is None else (note.x, note.y)
            problems.append(f"post-it {note_id}: at {where}, reported moved to {(x, y)}")

    checked = 0
    worst_lag = 0.0
    for target, versions in typed.items():
        kind, _, rest = target.partition(":")
        if kind == "note":
            stored_text = notes.get(rest, "")
        else:
            form_id, _, field_id = rest.partition(":")
            stored_text = forms[form_id].get(field_id, "")
        history = [(float("-inf"), _typed_base(template, target)), *versions]
        # The newest text typed at least LAG_LIMIT before the kill must be on disk, or a later one.
        required = max(index for index, (t, _text) in enumerate(history) if t <= run.kill_time - LAG_LIMIT)
        checked += required
        acceptable = {clean_text(text): index for index, (_t, text) in enumerate(history) if index >= required}
        if flying.get("op") == "type" and flying.get("target") == target:
            acceptable.setdefault(clean_text(flying["text"]), len(history))
        index = acceptable.get(stored_text)
        if index is None:
            found = next((i for i, (_t, text) in enumerate(history) if clean_text(text) == stored_text), None)
            if found is None:
                problems.append(f"{target}: the stored text {stored_text[-60:]!r} was never on screen")
                continue
            first_missing = history[found + 1][0]
            problems.append(
                f"{target}: text typed {run.kill_time - first_missing:.2f} s before the kill is not on disk "
                f"(limit {LAG_LIMIT:.1f} s); the database holds the text as of report {found} of {len(history) - 1}"
            )
            worst_lag = max(worst_lag, run.kill_time - first_missing)
            continue
        if index + 1 < len(history):
            worst_lag = max(worst_lag, run.kill_time - history[index + 1][0])
    if problems:
        raise DataLost(
            f"{label}: killed after {len(edits)} reports (in flight: {flying.get('op')}):\n  " + "\n  ".join(problems)
        )
    discrete = sum(1 for op, _report in edits if op["op"] != "type")
    return RoundResult(
        seed,
        discrete + checked,
        typed_checked=checked,
        lag=worst_lag,
        seconds=time.monotonic() - started,
        kinds=_kinds(edits),
    )
