"""Cold start to the first paint of the reopened session, against a bare PySide6 window.

Each run starts a fresh Python process; the figure is the time from starting it to its first
painted frame (the child prints the wall-clock time of that moment). The app reopens the
demo session at a sorting board, the heaviest step to open. The bare window and the app
alternate; the ratio is of the medians. Target: first paint <= 2.0x the bare window. The
time until the store has loaded and the board is built ("ready") is reported beside it.

    uv run python bench/startup.py [--runs 15] [--step delsession-1-analyse]
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
TARGET = 2.0


def time_to_event(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting `command` to the wall-clock time it prints last."""
    started = time.time()
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return float(output.split()[-1]) - started


def bench_environment() -> dict[str, str]:
    """Offscreen Qt, and the bytecode cache on, as an installed app has it."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app runs from cached bytecode; a shell that forbids writing it would
    # make every start recompile SQLAlchemy and measure the compiler instead of the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def make_demo_data(data_dir: str, step: str, command: list[str], env: dict[str, str]) -> None:
    """The demo session in `data_dir`, left at `step` to be reopened."""
    subprocess.run([*command, "--data-dir", data_dir, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    script = (
        "import sys\n"
        "from facilitator.paths import AppPaths\n"
        "from facilitator.store import Store\n"
        "store = Store(AppPaths.resolve(sys.argv[1]).database)\n"
        "session = store.last_session_id()\n"
        "store.update_session(session, current_step_id=sys.argv[2])\n"
        "store.close()\n"
    )
    subprocess.run([sys.executable, "-c", script, data_dir, step], env=env, check=True)


def measure(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    """Median seconds from start to each command's printed moment; the commands alternate."""
    # One warm-up each so the first measured run does not pay for a cold disk cache.
    for command in commands.values():
        time_to_event(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(time_to_event(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def report(median: dict[str, float], setting: str, kind: str = "") -> int:
    """Print the figures with the machine; 0 when the first paint meets the target."""
    ratio = median["paint"] / median["bare"]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )
    print(setting)
    print(f"{kind}bare PySide6 window, first paint: median {median['bare'] * 1000:.0f} ms")
    print(f"{kind}facilitator, first paint of the reopened session: median {median['paint'] * 1000:.0f} ms")
    print(f"{kind}facilitator, store loaded and the step's workspace built: median {median['ready'] * 1000:.0f} ms")
    print(f"ratio, first paint: {ratio:.2f} (target <= {TARGET})")
    print(f"ratio, ready: {median['ready'] / median['bare']:.2f}")
    return 0 if ratio <= TARGET else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--step", default="delsession-1-analyse", help="the step the session is reopened at")
    args = parser.parse_args()

    env = bench_environment()
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *sys.path[1:], str(HERE.parent / "src")],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory() as data_dir:
        make_demo_data(data_dir, args.step, [sys.executable, "-m", "facilitator"], env)
        app = [sys.executable, str(HERE / "app_window.py"), data_dir]
        median = measure(
            {
                "bare": [sys.executable, str(HERE / "bare_window.py")],
                "paint": [*app, "paint"],
                "ready": [*app, "ready"],
            },
            env,
            args.runs,
        )
    return report(
        median, f"platform: QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, runs: {args.runs}, reopened at: {args.step}"
    )


if __name__ == "__main__":
    sys.exit(main())
