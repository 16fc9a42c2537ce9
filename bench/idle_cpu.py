"""CPU use of the app sitting idle with a step timer running, against an idle bare window.

Each side runs in its own process for the same wall-clock time and reports the CPU time it
used (user + system). The app has the demo session open on a running step, the projector
view open too, so every timer-driven repaint is counted. Target: under 2 % of one core.

    uv run python bench/idle_cpu.py [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import os, resource, sys, time
from PySide6.QtCore import QTimer

seconds = float(sys.argv[2])
mode = sys.argv[1]

def usage():
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime

if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow(); window.resize(1280, 800); window.show()
else:
    from facilitator.paths import AppPaths
    from facilitator.store import Store
    from facilitator.ui.app import application, build_main_window
    app = application()
    paths = AppPaths.resolve(sys.argv[3])
    store = Store(paths.database)
    window = build_main_window(store, paths)
    window.show()
    page = window.session_page
    page.day.start(page.current_step_id)
    window.toggle_projector()

def start_measuring():
    global cpu_start, wall_start
    cpu_start, wall_start = usage(), time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), finish)

def finish():
    cpu, wall = usage() - cpu_start, time.perf_counter() - wall_start
    print(f"{cpu:.4f} {wall:.4f}")
    app.quit()

# Let start-up settle first; only the idle period is measured.
QTimer.singleShot(2000, start_measuring)
app.exec()
"""


def _measure(mode: str, seconds: float, env: dict[str, str], data_dir: str = "") -> tuple[float, float]:
    output = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(seconds), data_dir],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(output[-2]), float(output[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as data_dir:
        subprocess.run(
            [sys.executable, "-m", "facilitator", "--data-dir", data_dir, "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        bare_cpu, bare_wall = _measure("bare", args.seconds, env)
        app_cpu, app_wall = _measure("app", args.seconds, env, data_dir)
    bare_share = 100 * bare_cpu / bare_wall
    app_share = 100 * app_cpu / app_wall
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"
    )
    print(f"bare window idle: {bare_cpu * 1000:.0f} ms CPU in {bare_wall:.1f} s = {bare_share:.2f} % of one core")
    print(
        f"app, timer running + projector: {app_cpu * 1000:.0f} ms CPU in {app_wall:.1f} s = {app_share:.2f} % of one core"
    )
    print(f"difference: {app_share - bare_share:.2f} percentage points; target: app under 2 %")
    return 0 if app_share < 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
