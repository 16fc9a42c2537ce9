"""A backup and the start-up check, on a large day, against a plain file copy of the same database.

Backups run on the GUI thread (when a session opens, and every ten minutes while it changes),
so they must be short enough not to be felt: target at most 150 ms for a day with 6
partners and 2,000 post-its. The floor is `shutil.copyfile` plus an fsync of the same file
in the same run, so the ratio shows what the consistent online-backup copy costs on top.

    uv run python bench/backup.py [--notes 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from facilitator.demo import create_demo_session
from facilitator.store import Store
from facilitator.store.recovery import check_database


def _fill(store: Store, notes: int) -> None:
    session_id = create_demo_session(store)
    partners = [partner.id for partner in store.partners(session_id)]
    for index in range(notes):
        circle = store.ensure_circle(session_id, partners[index % len(partners)], "change").id
        store.add_element(circle, "what", f"Post-it nummer {index}: " + "ord " * 12)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "facilitator.sqlite3")
        _fill(store, args.notes)
        size_mb = store.path.stat().st_size / 1e6

        floor, backup, check = [], [], []
        for run in range(args.runs):
            copy = Path(folder) / f"floor-{run}.sqlite3"
            started = time.perf_counter()
            shutil.copyfile(store.path, copy)
            with open(copy, "rb+") as handle:
                os.fsync(handle.fileno())
            floor.append(time.perf_counter() - started)
            copy.unlink()

            started = time.perf_counter()
            store.backups.make("manual")
            backup.append(time.perf_counter() - started)

            started = time.perf_counter()
            check_database(store.path)
            check.append(time.perf_counter() - started)
        store.close()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"
    )
    print(f"database: {size_mb:.1f} MB ({args.notes} extra post-its on the demo day)")
    print(f"floor (file copy + fsync): {_median_ms(floor):.1f} ms median")
    print(
        f"backup (online backup API, synced, pruned): {_median_ms(backup):.1f} ms median, ratio {statistics.median(backup) / statistics.median(floor):.1f}"
    )
    print(f"start-up check (quick_check, read-only): {_median_ms(check):.1f} ms median")


if __name__ == "__main__":
    main()
