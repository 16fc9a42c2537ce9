"""bench/ui_stall.py keeps measuring: its quick walk checks every action, and a walk that cannot act fails."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from facilitator.paths import AppPaths
from facilitator.store import Store
from tests.databases import DatabaseTemplate

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ui_stall.py"
BOARD = "delsession-1-analyse"


def _reopen(paths: AppPaths, demo_database: DatabaseTemplate, *, close: bool = True) -> Store:
    """The demo session in the data directory, reopened by the app at start."""
    demo_database.copy_to(paths.database)
    store = Store(paths.database)
    store.set_last_session_id(demo_database.session_id)
    if close:
        store.close()
    return store


def _walk(data_dir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BENCH), "--quick", "--runs", "1", "--data", str(data_dir), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def test_the_quick_walk_checks_each_action_and_reports_the_pauses(paths: AppPaths, demo_database: DatabaseTemplate):
    _reopen(paths, demo_database)

    # With the stack sampler on, as a hunt for a pause's cause runs it.
    done = _walk(paths.data_dir, "--where")

    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    run = re.search(
        r"run 1: worst pause (\d+) ms[^,]*, (\d+) over 50 ms, (\d+) over 100 ms \((\d+) actions checked", done.stdout
    )
    assert run is not None, done.stdout
    # The timer started, the next step to the board, zoom, fit, projector on and off, the export.
    assert int(run[4]) == 7
    assert int(run[1]) >= int(run[2]) >= int(run[3])
    pages = re.search(r"report (\d+) pages", done.stdout)
    assert pages is not None, done.stdout
    assert int(pages[1]) > 1
    assert "median of 1: worst pause" in done.stdout
    busy = re.search(r"GUI thread busy in one pause: at most (\d+) ms; (\d+) pauses with over 50 ms", done.stdout)
    assert busy is not None, done.stdout
    assert int(busy[2]) <= int(run[2]), "a pause with 50 ms of the thread's own time is a pause over 50 ms"
    assert "median of 1, the GUI thread's own CPU time" in done.stdout


def test_a_walk_that_cannot_reach_a_board_fails_instead_of_measuring_nothing(
    paths: AppPaths, demo_database: DatabaseTemplate
):
    store = _reopen(paths, demo_database, close=False)
    store.set_step_skipped(demo_database.session_id, BOARD, True)
    store.close()

    done = _walk(paths.data_dir)

    assert done.returncode == 2, done.stdout
    assert "WALK FAILED" in done.stderr
    assert "no board" in done.stderr
