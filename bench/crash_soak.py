"""Crash soak: many more SIGKILL rounds than the test suite runs, store and GUI.

Each round is the one `tests/core/test_crash.py` and `tests/ui/test_crash_gui.py` run (see
`tests/crash/harness.py`): a child edits a copy of the demo session and reports every edit
it has made; it is killed with SIGKILL after a seeded number of reports; the database must
pass `PRAGMA integrity_check` and hold every edit reported done, and typed text at most one
second behind the keyboard. Seeds start at 1000, away from the suite's. POSIX only.

    uv run python bench/crash_soak.py [--rounds 200] [--gui-rounds 30] [--jobs 1]

Exit code 1 if any edit was lost (or text lagged), 2 if a child broke before its kill.
Figures: docs/benchmarks.md, "Crash soak".
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash.harness import LAG_LIMIT, CrashTestError, RoundResult, gui_round, make_template, store_round


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="store rounds")
    parser.add_argument("--gui-rounds", type=int, default=30)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument("--max-edits", type=int, default=400, help="a store round is killed after 1..N edits")
    parser.add_argument("--max-reports", type=int, default=60, help="a GUI round is killed after 3..N reports")
    # More than one job on a small machine slows the GUI child's event loop; the typing lag
    # is a real-time promise, so a loaded machine is a harder test, not a different one.
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    started = time.monotonic()
    results: dict[str, list[RoundResult]] = {"store": [], "gui": []}
    losses: list[str] = []
    broken: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = make_template(work / "template")

        def play(kind: str, seed: int) -> None:
            play_round = store_round if kind == "store" else gui_round
            limit = {"max_edits": args.max_edits} if kind == "store" else {"max_reports": args.max_reports}
            try:
                result = play_round(seed, work / f"{kind}-{seed}", template, **limit)
            except CrashTestError as error:
                (losses if error.loss else broken).append(str(error))
                print(f"{kind} seed {seed}: {'LOSS' if error.loss else 'CHILD FAILED'}\n{error}", flush=True)
                return
            results[kind].append(result)

        seeds = [("store", args.first_seed + n) for n in range(args.rounds)]
        seeds += [("gui", args.first_seed + n) for n in range(args.gui_rounds)]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for count, _ in enumerate(pool.map(lambda pair: play(*pair), seeds), start=1):
                if count % 25 == 0:
                    print(f"... {count} of {len(seeds)} rounds", flush=True)

    elapsed = time.monotonic() - started
    store, gui = results["store"], results["gui"]
    kinds: dict[str, dict[str, int]] = {"store": {}, "gui": {}}
    for name, rounds in results.items():
        for result in rounds:
            for kind, count in result.kinds.items():
                kinds[name][kind] = kinds[name].get(kind, 0) + count
    print()
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"store rounds: {len(store)} passed of {args.rounds}; edits checked: {sum(r.edits for r in store)}")
    print(f"  in-flight edit found in the database after the kill: {sum(r.in_flight_landed for r in store)} rounds")
    print(
        f"GUI rounds: {len(gui)} passed of {args.gui_rounds}; edits checked: {sum(r.edits for r in gui)} "
        f"(typed texts due on disk: {sum(r.typed_checked for r in gui)})"
    )
    if gui:
        print(
            f"  typing lag at the kill: worst {max(r.lag for r in gui):.2f} s "
            f"(limit {LAG_LIMIT:.1f} s), median of rounds {sorted(r.lag for r in gui)[len(gui) // 2]:.2f} s"
        )
    for name, counted in kinds.items():
        print(f"{name} edits by kind: {dict(sorted(counted.items()))}")
    print(f"losses: {len(losses)}; children broken before the kill: {len(broken)}; time: {elapsed:.0f} s")
    if losses:
        return 1
    return 2 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
