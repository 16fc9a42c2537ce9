"""Building the PDFs: the next-steps sheet and the full report of a big session.

The session has 6 partners, 300 elements spread over their circles and sorted on the three
boards, 40 actions and filled joint texts. Each document is built from a snapshot already
taken (the time the export dialog adds on top is the snapshot, reported separately).
The floor is a one-page ReportLab document with one paragraph in the same embedded font,
so the ratio shows what our layout costs beyond ReportLab starting a document.
Targets: the sheet in at most 0.3 s, the full report in at most 1.5 s.

    uv run python bench/export.py [--runs 5] [--partners 6] [--notes 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.conversation import CIRCLES
from facilitator.conversation.next_steps import AREA_IDS
from facilitator.demo import DEMO_AMBITION
from facilitator.export import build_pdf, take_snapshot
from facilitator.export.document import make_styles
from facilitator.paths import default_program_path
from facilitator.program import load_program
from facilitator.store import Store


def _session(store: Store, partners: int, notes: int) -> int:
    program = load_program(default_program_path())
    session_id = store.create_session(
        program, title="Kystpartnerskab Vesterhavsbugten", date=dt.date(2026, 4, 27), venue="Hotel Nyborg Strand"
    )
    ids = [
        store.add_partner(session_id, f"Partner {index}", organisation=f"Organisation {index}", role="Klimachef").id
        for index in range(partners)
    ]
    kinds = list(CIRCLES)
    for index in range(notes):
        kind = kinds[index % len(kinds)]
        circle = store.ensure_circle(session_id, ids[index % partners], kind)
        field = CIRCLES[kind].fields[index % len(CIRCLES[kind].fields)].id
        element = store.add_element(circle.id, field, f"Element {index}: færre oversvømmelser ved fjorden og åbne data")
        categories = program.board_categories(kind)
        if categories and index % 5:
            store.set_element_category(element.id, categories[index % len(categories)].id)
    for field, text in DEMO_AMBITION.items():
        store.set_form_text(session_id, "ambition", field, text)
    for index in range(40):
        store.add_action(
            session_id,
            AREA_IDS[index % 4],
            f"Handling {index}: afklar budget og tidsplan med direktionen",
            owner_partner_id=ids[index % partners],
            due=dt.date(2026, 5, 1) + dt.timedelta(days=index),
        )
    return session_id


def _timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _floor() -> None:
    styles = make_styles()
    path = Path(tempfile.mkdtemp()) / "floor.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Aftaleark æøå", styles.body)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--partners", type=int, default=6)
    parser.add_argument("--notes", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite3")
        session_id = _session(store, args.partners, args.notes)
        _floor()  # fonts registered and modules loaded before anything is timed
        snapshot_times = _timed(lambda: take_snapshot(store, session_id), args.runs)
        snapshot = take_snapshot(store, session_id)
        floor = statistics.median(_timed(_floor, args.runs))
        sheet = statistics.median(_timed(lambda: build_pdf(snapshot, "next-steps"), args.runs))
        report = statistics.median(_timed(lambda: build_pdf(snapshot, "report"), args.runs))
        store.close()
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"session: {args.partners} partners, {args.notes} elements, 40 actions; median of {args.runs} runs")
    print(f"snapshot: {statistics.median(snapshot_times) * 1000:.0f} ms")
    print(f"floor (one-paragraph PDF): {floor * 1000:.0f} ms")
    print(
        f"next-steps sheet: {sheet * 1000:.0f} ms (ratio {sheet / floor:.1f}); target <= 300 ms: {'met' if sheet <= 0.3 else 'MISSED'}"
    )
    print(
        f"full report: {report * 1000:.0f} ms (ratio {report / floor:.1f}); target <= 1500 ms: {'met' if report <= 1.5 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
