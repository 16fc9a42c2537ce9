"""The team archive at scale: `archive list`, `archive actions --overdue` and one push, on loopback.

    uv run python bench/archive.py [--sessions 10000 1000] [--runs 7]

Starts a throw-away PostgreSQL cluster (as tests do, tests/postgres.py), pushes the demo
session once through the app, then copies it on the server to N sessions of the same size
(its partners, circles' elements, actions with due dates spread over two years, the
archive's book), ANALYZEs, and times the archive's own calls: the median of `--runs`.
Figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text
from tests.postgres import start_cluster

from facilitator.archive.sync import Archive
from facilitator.demo import create_demo_session
from facilitator.store import Store
from facilitator.store.database import open_server_engine

# Each copy gets the demo session's rows with its own ids; the element, partner and action
# counts are the demo day's (a realistic size), dates spread so some actions are overdue.
_COPY = """
WITH new_sessions AS (
    INSERT INTO sessions (uid, title, date, venue, facilitator, start_time, program_name, program_text,
                          current_step_id, created_at, updated_at)
    SELECT md5(n::text || clock_timestamp()::text), s.title || ' ' || n, s.date - (n % 700),
           s.venue, s.facilitator, s.start_time, s.program_name, s.program_text, s.current_step_id,
           s.created_at, s.updated_at
    FROM sessions s, generate_series(CAST(:first AS integer), CAST(:last AS integer)) n WHERE s.id = :demo
    RETURNING id, uid
)
INSERT INTO archive_sessions (session_uid, session_id, revision, digest, pushed_by, pushed_at)
SELECT uid, id, 1, '', 'bench@loopback', now() - (id % 1000) * interval '1 hour' FROM new_sessions
"""
_CHILDREN = (
    """INSERT INTO partners (session_id, position, name, organisation, role, mandate, why_now, colour)
       SELECT a.session_id, p.position, p.name, p.organisation, p.role, p.mandate, p.why_now, p.colour
       FROM archive_sessions a, partners p WHERE p.session_id = :demo AND a.session_id <> :demo""",
    """INSERT INTO elements (session_id, kind, field, position, text, category, deleted, created_at, updated_at)
       SELECT a.session_id, e.kind, e.field, e.position, e.text, e.category, e.deleted, e.created_at, e.updated_at
       FROM archive_sessions a, elements e WHERE e.session_id = :demo AND a.session_id <> :demo""",
    """INSERT INTO actions (session_id, uid, area, position, what, owner_partner_id, owner_person, with_whom,
                           how_much, due, status, deleted, created_at, updated_at)
       SELECT a.session_id, md5(random()::text || x.id || a.session_id), x.area, x.position, x.what,
              (SELECT p.id FROM partners p WHERE p.session_id = a.session_id ORDER BY p.position LIMIT 1),
              x.owner_person, x.with_whom, x.how_much,
              CURRENT_DATE - 365 + ((a.session_id * 7 + x.position * 31) % 730),
              x.status, x.deleted, x.created_at, x.updated_at
       FROM archive_sessions a, actions x WHERE x.session_id = :demo AND a.session_id <> :demo""",
)


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}")
    cluster = start_cluster()
    try:
        for count in args.sessions:
            name = cluster.new_name("bench")
            cluster.create_database(name)
            url = cluster.libpq(name)
            with Archive.open(url) as archive, tempfile.TemporaryDirectory() as folder:
                laptop = Store(Path(folder) / "facilitator.sqlite3")
                demo = create_demo_session(laptop)
                archive.push(laptop, demo)
                engine = open_server_engine(cluster.url(name))
                with engine.begin() as connection:
                    demo_id = connection.execute(text("SELECT session_id FROM archive_sessions")).scalar()
                    started = time.perf_counter()
                    connection.execute(text(_COPY), {"first": 1, "last": count - 1, "demo": demo_id})
                    for statement in _CHILDREN:
                        connection.execute(text(statement), {"demo": demo_id})
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.execute(text("VACUUM ANALYZE"))
                    sizes = connection.execute(
                        text(
                            "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM actions), "
                            "(SELECT count(*) FROM elements), pg_size_pretty(pg_database_size(current_database()))"
                        )
                    ).one()
                engine.dispose()
                filled = time.perf_counter() - started
                listed = _median_ms(archive.sessions, args.runs)
                overdue = _median_ms(lambda archive=archive: archive.actions(overdue=True), args.runs)
                found = len(archive.actions(overdue=True))

                def push_changed(laptop: Store = laptop, demo: int = demo, archive: Archive = archive) -> None:
                    laptop.update_session(demo, venue=f"Sted {time.perf_counter_ns()}")
                    archive.push(laptop, demo)

                pushed = _median_ms(push_changed, args.runs)
                laptop.close()
            cluster.drop_database(name)
            print(
                f"{sizes[0]:>7} sessions, {sizes[1]} actions, {sizes[2]} elements, {sizes[3]} "
                f"(filled in {filled:.1f} s): list {listed:.0f} ms, actions --overdue {overdue:.0f} ms "
                f"({found} rows), push demo {pushed:.0f} ms"
            )
    finally:
        cluster.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
