"""Pauses of the GUI thread while a whole demo day is run through the window's own actions.

The app starts offscreen as `facilitator` starts it, on a copy of the demo session (a clean
day, no timings yet) at its first step. A heartbeat `QTimer` ticks every 5 ms on the GUI
thread; a *pause* is the gap between two ticks minus those 5 ms, i.e. how long the window
could not answer. The walk, each action through the window's own menus and buttons:

- *Dagen → Start/pause tiden* on the first step, then *Gå til → Næste trin* through every
  step of the day in order, so each step's timer runs while it is open;
- on each board: zoom in (+), *Hele tavlen*, the projector on (F5) showing the board, off;
- *Fil → Eksportér → Fuld sessionsrapport*, saved to a temporary folder (the save dialog
  answered as the tests do), until the background work is done and the PDF is written.

After each action the event loop runs for 400 ms (not a sleep), so work the action left
for later (repaints, deferred builds, the next step's screen built in idle time 250 ms
after a step opens, the background export) is measured with it. Each
pause is attributed to the action that held most of it (the label switches when an action
starts). Timers run on the real clock, so every step lasts a fraction of a second and the
day runs ever further ahead of its plan: each step changes the expected time of every later
step in the agenda, as a day running late does. Every action is checked (the step changed,
its timer runs, the board zoomed and fitted, the projector shows it, the PDF has pages); a
walk that stops early fails with a message instead of measuring nothing.

Each run also gives the GUI thread's own CPU time in its pauses (`time.thread_time`): the
most in one pause and how many pauses held over 50 and 100 ms of it. On a machine that other
work loads, the pauses stretch with the waiting for a core; these figures do not.

Each run is a fresh process, so the first export's imports are part of what is measured.
The second after the start (the store loading, deferred start-up work) is not counted:
`bench/startup.py` measures the start.

    uv run python bench/ui_stall.py [--runs 3] [--quick] [--actions] [--where] [--profile TEXT]

`--quick` walks only from the break before the first board through that board, then
exports (the test that keeps this script working runs it). `--data DIR` walks a copy of
DIR instead of the demo, from the step it reopens at. `--actions` lists every action's
worst pause. `--where` samples the GUI thread's stack while a heartbeat is late and
lists, under each pause, the app's innermost function found there, or Qt's own work on the
event loop (layout, style, paint) when none of the app's runs. `--profile TEXT` runs once with cProfile on the GUI thread around the actions
whose label contains TEXT and prints where their time went.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import NoReturn

from startup import bench_environment  # a sibling script: bench/ is on the path when run

HERE = Path(__file__).resolve().parent

HEARTBEAT_MS = 5
#: Longer than the app waits before it builds the next step's screen (ui.session_page.
#: PREPARE_NEXT_AFTER_MS), as a facilitator always looks at a step longer than that.
SETTLE_MS = 400
#: Not counted: the store loading and what the app does right after it is ready.
START_SETTLE_MS = 1000
NOTICEABLE_MS = 50
FROZEN_MS = 100
#: Pauses at least this long are kept with their action (the report lists those over 50 ms).
KEEP_MS = 20
#: How often, and after how late a heartbeat, the GUI thread's stack is sampled.
SAMPLE_EVERY_S = 0.002
SAMPLE_AFTER_S = 0.015
EXPORT_TIMEOUT_S = 120
#: The quick walk starts here: the break, then the first board.
QUICK_START = "delsession-1-pause"
QUICK_STEPS = 1
QUICK_START_SETTLE_MS = 300
RESULT = "RESULT "


class WalkFailed(Exception):
    """An action did not do what it should: the walk stops, the run fails."""


# Measuring, in the processes that run Qt --------------------------------------------


def _where(frame) -> str:
    """The innermost of the app's own functions on a stack, or the event loop's native work."""
    while frame is not None:
        code = frame.f_code
        path = code.co_filename.replace(os.sep, "/")
        if "/facilitator/" in path:
            where = f"{path.rsplit('/facilitator/', 1)[1]}:{code.co_name}"
            # The app's outermost function runs the event loop: Qt's own work (layout, style, paint).
            return "Qt (layout, style, paint)" if where == "ui/app.py:run" else where
        frame = frame.f_back
    return "Qt (layout, style, paint)"


def heartbeat(sample: bool = False):
    """A 5 ms heartbeat on the GUI thread (Qt is imported only by the processes that measure).

    With `sample`, a thread looks at the GUI thread's stack every 2 ms while a heartbeat is
    late, to say where a pause went. It competes for the interpreter lock, so pauses measured
    with it are a little longer: it is for finding causes, not for the figures.
    """
    from PySide6.QtCore import QObject, Qt, QTimer

    class Heartbeat(QObject):
        """Ticks every 5 ms; keeps each pause with the action whose time it mostly took."""

        def __init__(self) -> None:
            super().__init__()
            self.label = "start-up (not counted)"
            self.counting = False
            self.counted_seconds = 0.0
            self._counted_from = 0.0
            self.last: float | None = None
            self.last_cpu = 0.0
            #: (moment, label) of each change of action since the last tick.
            self.switches: list[tuple[float, str]] = []
            self.ticks = 0
            self.pauses: list[dict] = []
            self.worst_uncounted = 0.0
            self.worst_by_action: dict[str, float] = {}
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(HEARTBEAT_MS)
            self.timer.timeout.connect(self.tick)
            #: Where the GUI thread was, sampled while a heartbeat is late: "where" -> samples.
            self.seen: dict[str, int] = {}
            self._gui = threading.get_ident()
            if sample:
                threading.Thread(target=self._sample, name="stall sampler", daemon=True).start()

        def _sample(self) -> None:
            # Only while the heartbeat is late, so the sampler costs nothing the rest of the time.
            while True:
                time.sleep(SAMPLE_EVERY_S)
                last = self.last
                if not self.counting or last is None or time.perf_counter() - last < SAMPLE_AFTER_S:
                    continue
                frame = sys._current_frames().get(self._gui)
                where = _where(frame)
                self.seen[where] = self.seen.get(where, 0) + 1

        def count(self, on: bool) -> None:
            """Pauses count from now on (or no longer)."""
            now = time.perf_counter()
            if on:
                self._counted_from = now
            elif self.counting:
                self.counted_seconds += now - self._counted_from
            self.counting = on

        def set_label(self, label: str) -> None:
            self.switches.append((time.perf_counter(), self.label))
            self.label = label

        def tick(self) -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            last, last_cpu, switches, self.switches = self.last, self.last_cpu, self.switches, []
            seen, self.seen = self.seen, {}
            self.last, self.last_cpu = now, cpu
            if last is None:
                return
            pause = (now - last) * 1000 - HEARTBEAT_MS
            if not self.counting:
                self.worst_uncounted = max(self.worst_uncounted, pause)
                return
            self.ticks += 1
            # The actions that ran during this gap, with how long each had of it.
            shares: dict[str, float] = {}
            begin = last
            for moment, label in [*switches, (now, self.label)]:
                shares[label] = shares.get(label, 0.0) + (moment - begin) * 1000
                begin = moment
            action = max(shares, key=shares.__getitem__)
            self.worst_by_action[action] = max(self.worst_by_action.get(action, 0.0), pause)
            if pause >= KEEP_MS:
                # The GUI thread's own CPU time in the gap: the rest it waited (for a core, the GIL, the disk).
                # The gap holds the 5 ms the heartbeat waits anyway: CPU time spent in those counts
                # for the gap but not the pause, so the thread's share is at most the pause.
                busy = min((cpu - last_cpu) * 1000, pause)
                entry = {"ms": round(pause, 1), "cpu": round(busy, 1), "action": action}
                others = {label: round(ms) for label, ms in shares.items() if label != action and ms >= KEEP_MS / 2}
                if others:
                    entry["also"] = others
                if seen:
                    entry["where"] = dict(sorted(seen.items(), key=lambda item: -item[1])[:3])
                self.pauses.append(entry)

    return Heartbeat()


def pauses_summary(beat) -> dict:
    """What a heartbeat saw, as plain data for the bench's own process."""
    return {
        "pauses": beat.pauses,
        "ticks": beat.ticks,
        "worst": round(max(beat.worst_by_action.values(), default=0.0), 1),
        "worst_by_action": {key: round(value, 1) for key, value in beat.worst_by_action.items()},
        "worst_at_start": round(beat.worst_uncounted, 1),
        "seconds": round(beat.counted_seconds, 2),
    }


# The walk, in the app's process -----------------------------------------------------------


def walk(data_dir: str, out_dir: str, quick: bool, profile: str | None, where: bool = False) -> int:
    """Start the app on `data_dir`, walk the day (or the quick part), print the result as one JSON line."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from facilitator.paths import AppPaths
    from facilitator.ui.app import run

    problems: list[str] = []

    def unexpected_dialog(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            problems.append(f"unexpected {kind} message: {title}: {text}")
            return QMessageBox.StandardButton.Cancel

        return staticmethod(show)

    for kind in ("warning", "question", "critical", "information"):
        setattr(QMessageBox, kind, unexpected_dialog(kind))
    report_path = Path(out_dir) / "Sessionsrapport.pdf"
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(report_path), ""))

    def excepthook(kind, error, trace) -> None:
        import traceback

        problems.append("".join(traceback.format_exception(kind, error, trace)).strip())

    sys.excepthook = excepthook

    beat = heartbeat(sample=where)
    actions: list[dict] = []
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()

    def run_events(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(condition, what: str, timeout_s: float) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                raise WalkFailed(f"gave up after {timeout_s:.0f} s waiting for {what}")
            run_events(20)

    def act(label: str, do, check) -> None:
        """Run one labelled action and the event loop after it; `check` says what went wrong, if anything."""
        beat.set_label(label)
        profiling = profiler is not None and profile in label
        if profiling:
            profiler.enable()
        started = time.perf_counter()
        do()
        took = (time.perf_counter() - started) * 1000
        run_events(SETTLE_MS)
        if profiling:
            profiler.disable()
        if problems:
            raise WalkFailed(f"{label}: {problems[0]}")
        wrong = check()
        if wrong:
            raise WalkFailed(f"{label}: {wrong}")
        actions.append({"action": label, "call_ms": round(took, 1)})

    def walk_day(window) -> None:
        menus, page = window.menus, window.session_page
        if page is None:
            raise WalkFailed("the app reopened no session")
        day = page.day
        plan = [step_id for step_id in day.step_ids() if not day.is_skipped(step_id)]
        first = page.current_step_id
        if first not in plan:
            raise WalkFailed(f"the session opened at {first!r}, not a step of the day")
        plan = plan[plan.index(first) :]
        if quick:
            plan = plan[: QUICK_STEPS + 1]

        def running(step_id: str) -> str:
            if day.live_step_id != step_id:
                return f"the timer runs for {day.live_step_id!r}, not {step_id!r}"
            state = day.timekeeper.run(step_id).state.name
            return "" if state == "RUNNING" else f"the timer of {step_id!r} is {state}, not running"

        act(f"start the timer ({first})", menus.toggle_timer_action.trigger, lambda: running(first))
        board_steps = 0
        for step_id in plan[1:]:
            number = day.step_ids().index(step_id) + 1

            def arrived(step_id: str = step_id) -> str:
                if page.current_step_id != step_id:
                    return f"the window shows {page.current_step_id!r}, expected {step_id!r}"
                return running(step_id)

            workspace_name = day.find(step_id)[1].workspace
            act(f"next step → {number:02d} {step_id} [{workspace_name}]", menus.next_action.trigger, arrived)
            if workspace_name.startswith("board:"):
                board_steps += 1
                show_board(window, step_id)
        if board_steps == 0:
            raise WalkFailed("the walk passed no board to zoom, fit and project")
        export_report(window)

    def show_board(window, step_id: str) -> None:
        workspace = window.session_page.current_workspace()
        view = getattr(workspace, "view", None)
        if view is None:
            raise WalkFailed(f"{step_id}: the board step shows {type(workspace).__name__}, not a board")
        fitted = view.zoom()

        def zoomed() -> str:
            return "" if view.zoom() > fitted * 1.2 and not view.fitting else "zoom in did not zoom"

        def whole() -> str:
            return "" if view.fitting and view.zoom() < fitted * 1.2 else "Hele tavlen did not fit the board"

        def projected() -> str:
            projector = window.projector
            if projector is None or not projector.isVisible():
                return "no projector window"
            if projector.content_widget is None or not projector.content_widget.isVisibleTo(projector):
                return "the projector does not show the board"
            title = window.session_page.step_view.title.text()
            return (
                "" if projector.step_title.text() == title else f"the projector shows {projector.step_title.text()!r}"
            )

        act(f"  zoom in on {step_id}", workspace.zoom_in_button.click, zoomed)
        act(f"  whole board on {step_id}", workspace.fit_button.click, whole)
        act(f"  projector on (F5) at {step_id}", window.menus.projector_action.trigger, projected)
        act(
            f"  projector off (F5) at {step_id}",
            window.menus.projector_action.trigger,
            lambda: "" if window.projector is None else "the projector stayed open",
        )

    def export_report(window) -> None:
        label = "Fil → Eksportér → Fuld sessionsrapport"
        seen: list[str] = []

        def export_dialog():
            # By class name: importing the dialog here would move its imports out of the walk.
            for widget in QApplication.topLevelWidgets():
                if type(widget).__name__ == "ExportDialog" and widget.isVisible():
                    return widget
            return None

        def answer(tries: int = 200) -> None:
            dialog = export_dialog()
            if dialog is None:
                if tries:
                    QTimer.singleShot(10, lambda: answer(tries - 1))
                else:
                    problems.append("the export dialog never opened")
                return
            beat.set_label(f"{label}: report chosen, Gem …")
            seen.append("dialog")
            dialog.buttons["report"].setChecked(True)
            dialog.save_button.click()
            beat.set_label(f"{label}: waiting for the report")

        def done() -> bool:
            return not window.runner.busy and report_path.exists() and export_dialog() is None

        def export() -> None:
            QTimer.singleShot(0, answer)
            window.menus.export_action.trigger()
            wait_until(lambda: done() or bool(problems), "the report to be written", EXPORT_TIMEOUT_S)

        act(f"{label}: open the dialog", export, lambda: "" if seen and done() else "the report was not written")

    def start(_app, window) -> None:
        def begin() -> None:
            code = 0
            try:
                beat.timer.start()
                if quick and window.session_page is not None:
                    window.session_page.go_to_step(QUICK_START)
                run_events(QUICK_START_SETTLE_MS if quick else START_SETTLE_MS)
                beat.count(True)
                walk_day(window)
                beat.count(False)
                beat.timer.stop()
            except WalkFailed as failed:
                print(f"WALK FAILED: {failed}", file=sys.stderr, flush=True)
                code = 3
            except Exception:  # a bug in the walk or the app: say where, and fail the run
                import traceback

                traceback.print_exc()
                code = 4
            if code == 0:
                pages = pdf_pages(report_path)
                if pages < 1:
                    print(f"WALK FAILED: the report {report_path} has no pages", file=sys.stderr, flush=True)
                    code = 3
                else:
                    print(RESULT + json.dumps(result(pages)), flush=True)
            QApplication.instance().exit(code)

        QTimer.singleShot(0, begin)

    def result(pages: int) -> dict:
        import PySide6
        from PySide6.QtCore import qVersion

        return {
            **pauses_summary(beat),
            "actions": actions,
            "report_pages": pages,
            "pyside": f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
        }

    code = run(AppPaths.resolve(data_dir), on_ready=start)
    if profiler is not None:
        import pstats

        print(f"--- cProfile, GUI thread, actions containing {profile!r}", file=sys.stderr)
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("cumulative").print_stats("facilitator", 40)
        stats.sort_stats("tottime").print_stats(25)
    return code


def pdf_pages(path: Path) -> int:
    """Pages in the PDF at `path` (0 if it is missing or not a PDF)."""
    if not path.is_file():
        return 0
    from pypdf import PdfReader

    try:
        return len(PdfReader(str(path)).pages)
    except Exception:  # any unreadable file counts as no report
        return 0


def floor(seconds: float) -> int:
    """The floor: a bare PySide6 window left idle for `seconds`, with the same heartbeat."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0], "-style", "Fusion"])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    beat = heartbeat()
    beat.set_label("bare window, idle")

    def finish() -> None:
        beat.count(False)
        print(RESULT + json.dumps(pauses_summary(beat)), flush=True)
        app.quit()

    beat.timer.start()
    QTimer.singleShot(START_SETTLE_MS, lambda: beat.count(True))
    QTimer.singleShot(START_SETTLE_MS + int(seconds * 1000), finish)
    return app.exec()


# Preparing the data ---------------------------------------------------------------------------


def prepare(data_dir: str) -> None:
    """The demo session as a clean day (no timings yet) in `data_dir`, reopened at its first step."""
    from facilitator.demo import create_demo_session
    from facilitator.paths import AppPaths, default_program_path
    from facilitator.program import load_program
    from facilitator.store import Store

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    store = Store(paths.database)
    try:
        session_id = create_demo_session(store, record_day=False)
        store.set_last_session_id(session_id)
        store.update_session(session_id, current_step_id=load_program(default_program_path()).step_ids()[0])
    finally:
        store.close()


# The runs, in the bench's own process -------------------------------------------------------------


def fail(message: str) -> NoReturn:
    """A run that measured nothing: say why and stop with exit code 2."""
    print(f"walk failed: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def child(command: list[str], env: dict[str, str], args: argparse.Namespace) -> dict:
    """Run this script in a fresh process for one measurement; its result (exits on failure)."""
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=args.timeout,
        )
    except subprocess.TimeoutExpired:
        fail(f"no result after {args.timeout:.0f} s (a dialog left open, or a hang)")
    if args.profile:
        print(done.stderr)
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stderr[-4000:])
        fail(f"exit code {done.returncode}; see the message above")
    return json.loads(lines[-1][len(RESULT) :])


def one_run(template: Path, env: dict[str, str], args: argparse.Namespace) -> dict:
    """Walk a copy of the prepared data, then idle a bare window as long (the floor): both results."""
    with tempfile.TemporaryDirectory() as scratch:
        data_dir, out_dir = Path(scratch) / "data", Path(scratch) / "out"
        shutil.copytree(template, data_dir)
        out_dir.mkdir()
        command = ["--walk", str(data_dir), str(out_dir)]
        command += ["--quick"] if args.quick else []
        command += ["--profile", args.profile] if args.profile else []
        command += ["--where"] if args.where else []
        result = child(command, env, args)
    if not args.quick and not args.profile:
        result["floor"] = child(["--floor", str(result["seconds"])], env, args)
    return result


def busy_figures(run: dict) -> tuple[float, int, int]:
    """The app's own share: the most GUI-thread CPU time in one pause, and the pauses with over 50 and 100 ms of it.

    Unlike the pauses themselves these do not grow when other work loads the machine.
    """
    busy = [pause["cpu"] for pause in run["pauses"]]
    return (
        max(busy, default=0.0),
        sum(1 for cpu in busy if cpu > NOTICEABLE_MS),
        sum(1 for cpu in busy if cpu > FROZEN_MS),
    )


def summarise(number: int, run: dict, show_actions: bool) -> tuple[float, ...]:
    """Print one run; returns worst pause, counts over 50 and 100 ms, the floor's worst and count over 50 ms,
    and the busy figures (`busy_figures`)."""
    noticeable = [pause for pause in run["pauses"] if pause["ms"] > NOTICEABLE_MS]
    frozen = [pause for pause in noticeable if pause["ms"] > FROZEN_MS]
    worst_entry = max(run["pauses"], key=lambda pause: pause["ms"], default=None)
    busy = f" (GUI thread busy {worst_entry['cpu']:.0f} ms of it)" if worst_entry else ""
    most_busy, busy_50, busy_100 = busy_figures(run)
    print(
        f"run {number}: worst pause {run['worst']:.0f} ms{busy}, {len(noticeable)} over {NOTICEABLE_MS} ms, "
        f"{len(frozen)} over {FROZEN_MS} ms ({len(run['actions'])} actions checked, "
        f"{run['ticks']} heartbeats, report {run['report_pages']} pages; worst while starting, "
        f"not counted: {run['worst_at_start']:.0f} ms)"
    )
    print(
        f"  GUI thread busy in one pause: at most {most_busy:.0f} ms; {busy_50} pauses with over "
        f"{NOTICEABLE_MS} ms of it, {busy_100} with over {FROZEN_MS} ms"
    )
    if noticeable:
        print(f"    pause, GUI thread's CPU time in it, action (pauses over {NOTICEABLE_MS} ms)")
    for pause in noticeable:
        also = "; ".join(f"{ms} ms of it in: {label.strip()}" for label, ms in pause.get("also", {}).items())
        print(f"    {pause['ms']:6.0f} ms {pause['cpu']:6.0f} ms  {pause['action']}" + (f" ({also})" if also else ""))
        if pause.get("where"):
            samples = ", ".join(f"{where} x{count}" for where, count in pause["where"].items())
            print(f"{'':28}where (samples 2 ms apart): {samples}")
    if show_actions:
        print("    per action: its worst pause, and the time of the call that started it")
        calls = {action["action"]: f"{action['call_ms']:6.0f} ms" for action in run["actions"]}
        for action, worst in run["worst_by_action"].items():
            print(f"    {worst:6.0f} ms {calls.get(action, ' ' * 9)}  {action}")
    bare = run.get("floor")
    if bare is None:
        return run["worst"], len(noticeable), len(frozen), 0.0, 0, most_busy, busy_50, busy_100
    bare_noticeable = [pause for pause in bare["pauses"] if pause["ms"] > NOTICEABLE_MS]
    print(
        f"  floor, a bare window idle as long ({bare['seconds']:.1f} s): worst pause {bare['worst']:.0f} ms, "
        f"{len(bare_noticeable)} over {NOTICEABLE_MS} ms"
    )
    return run["worst"], len(noticeable), len(frozen), bare["worst"], len(bare_noticeable), most_busy, busy_50, busy_100


def versions(pyside: str) -> str:
    found = []
    for name in ("SQLAlchemy", "reportlab"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return ", ".join([pyside, *found])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--where", action="store_true", help="sample the GUI thread's stack in each pause (slows it a little)"
    )
    parser.add_argument("--quick", action="store_true", help=f"walk from {QUICK_START} on by {QUICK_STEPS}")
    parser.add_argument("--actions", action="store_true", help="also list every action's worst pause")
    parser.add_argument("--profile", metavar="TEXT", help="one run, cProfile around the actions naming TEXT")
    parser.add_argument("--data", metavar="DATA_DIR", help="walk a copy of this data directory instead of the demo")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds a run may take")
    parser.add_argument("--walk", nargs=2, metavar=("DATA_DIR", "OUT_DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", metavar="DATA_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.walk:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return walk(*args.walk, args.quick, args.profile, args.where)
    if args.floor is not None:
        return floor(args.floor)
    if args.prepare:
        prepare(args.prepare)
        return 0

    env = bench_environment()
    if not args.quick:
        libraries = [entry for entry in sys.path if entry and Path(entry).resolve() != HERE]
        # Cached bytecode, as an installed app has it (see bench/startup.py).
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", *libraries, str(HERE.parent / "src")],
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    runs = 1 if args.profile else args.runs
    load = os.getloadavg()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; load average before: {load[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        template = Path(args.data) if args.data else Path(scratch) / "template"
        if not args.data:
            subprocess.run([sys.executable, __file__, "--prepare", str(template)], env=env, check=True)
        results = [one_run(template, env, args) for _ in range(runs)]
    print(versions(results[0]["pyside"]))
    walked = f"quick, from {QUICK_START} on by {QUICK_STEPS}" if args.quick else "the whole day"
    print(
        f"platform: QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, runs: {runs}, walk: {walked}, heartbeat "
        f"{HEARTBEAT_MS} ms (pause = gap between ticks - {HEARTBEAT_MS} ms), {SETTLE_MS} ms of events after each action"
    )
    figures = [summarise(number, run, args.actions) for number, run in enumerate(results, start=1)]
    worst, over_50, over_100, floor_worst, floor_50, most_busy, busy_50, busy_100 = (
        statistics.median(column) for column in zip(*figures, strict=True)
    )
    print(
        f"median of {runs}: worst pause {worst:.0f} ms, {over_50:g} over {NOTICEABLE_MS} ms, "
        f"{over_100:g} over {FROZEN_MS} ms (target: none over {NOTICEABLE_MS} ms)"
    )
    print(
        f"median of {runs}, the GUI thread's own CPU time: at most {most_busy:.0f} ms in one pause, "
        f"{busy_50:g} pauses with over {NOTICEABLE_MS} ms of it, {busy_100:g} with over {FROZEN_MS} ms"
    )
    if "floor" in results[0]:
        print(f"median of the floor: worst pause {floor_worst:.0f} ms, {floor_50:g} over {NOTICEABLE_MS} ms")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
