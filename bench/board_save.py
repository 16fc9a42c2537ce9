"""Saving one board move: the store's patch write against a bare sqlite3 commit.

The floor is one UPDATE committed through the standard library's sqlite3 with the same
pragmas (WAL, synchronous=FULL), so the ratio shows what SQLAlchemy and our checks add on
top of the fsync every commit pays. Target for the move itself: at most 5 ms median.

    uv run python bench/board_save.py [--moves 300] [--notes 1000]
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from facilitator.board import layout_for, operations
from facilitator.paths import default_program_path
from facilitator.program import load_program
from facilitator.store import Store


def _board(path: Path, notes: int) -> tuple[Store, int]:
    store = Store(path)
    session_id = store.create_session(load_program(default_program_path()), title="Bench")
    partner = store.add_partner(session_id, "Partner").id
    circle = store.ensure_circle(session_id, partner, "change").id
    for index in range(notes):
        store.add_element(circle, "what", f"Element {index}")
    return store, session_id


def _floor(path: Path, moves: int) -> list[float]:
    connection = sqlite3.connect(path)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, x REAL, y REAL)")
    connection.execute("INSERT OR REPLACE INTO floor VALUES (1, 0, 0)")
    connection.commit()
    times = []
    for index in range(moves):
        start = time.perf_counter()
        connection.execute("UPDATE floor SET x = ?, y = ? WHERE id = 1", (index, index))
        connection.commit()
        times.append(time.perf_counter() - start)
    connection.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--notes", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store, session_id = _board(Path(folder) / "board.sqlite3", args.notes)
        state = store.board_state(session_id, "change")
        layout = layout_for(("common", "differences", "opposed"), {"": args.notes})
        note_ids = sorted(state.notes)
        move_times = []
        for index in range(args.moves):
            note_id = note_ids[index % len(note_ids)]
            patch = operations.move(state, {note_id: (float(index % 900), float(index % 700))}, layout)
            start = time.perf_counter()
            store.apply_board_patch(session_id, patch)
            move_times.append(time.perf_counter() - start)
            state.apply(patch)
        store.close()
        floor_times = _floor(Path(folder) / "floor.sqlite3", args.moves)
    move = statistics.median(move_times) * 1000
    floor = statistics.median(floor_times) * 1000
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    print(f"board of {args.notes} notes, {args.moves} moves")
    print(f"floor (bare sqlite3 commit): median {floor:.2f} ms")
    print(
        f"save a move (Store.apply_board_patch): median {move:.2f} ms, p95 {sorted(move_times)[int(0.95 * len(move_times))] * 1000:.2f} ms"
    )
    print(f"ratio: {move / floor:.2f}; target: move <= 5 ms median -> {'met' if move <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
