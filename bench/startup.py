"""Cold start to the main window with a session loaded, against a bare PySide6 window.

Both are started as fresh Python processes the same way, several times, alternating;
the figure is the ratio of the medians. Target: ratio <= 1.5.

    uv run python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app runs from cached bytecode; a shell that forbids writing it would
    # make every start recompile SQLAlchemy and measure the compiler instead of the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *sys.path[1:], str(HERE.parent / "src")],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory() as data_dir:
        subprocess.run(
            [sys.executable, "-m", "facilitator", "--data-dir", data_dir, "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        bare = [sys.executable, str(HERE / "bare_window.py")]
        app = [sys.executable, str(HERE / "app_window.py"), data_dir]
        # One warm-up each so the first measured run does not pay for a cold disk cache.
        _time(bare, env)
        _time(app, env)
        bare_times, app_times = [], []
        for _ in range(args.runs):
            bare_times.append(_time(bare, env))
            app_times.append(_time(app, env))

    bare_median = statistics.median(bare_times)
    app_median = statistics.median(app_times)
    ratio = app_median / bare_median
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"platform: QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"bare PySide6 window: median {bare_median * 1000:.0f} ms")
    print(f"facilitator with a session: median {app_median * 1000:.0f} ms")
    print(f"ratio: {ratio:.2f} (target <= 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
