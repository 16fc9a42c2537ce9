"""Opening a board of 1,000 post-its, and the frames of a drag across it, offscreen.

Open: from an open store to the board workspace built, its notes placed and the view
painted once (the first run also gives every note its first place, as the first visit to
a board after the circles does; later runs reopen the stored places), against a floor of reading the same rows with sqlite3 and painting a bare
QGraphicsView with one plain rectangle per note.

Drag: a note is pressed, moved in 60 steps across the whole board (fitted in a 1600x900
view, so all 1,000 notes are on screen, with the projector's 1280x720 view of the same
scene open) and released. A frame is the mouse move event plus the repaint Qt then does
of what changed, in both views (checked: every frame paints). The worst
case, a full repaint of the facilitator's viewport per frame (after a zoom, say), is
reported too. The floor is the same drag on a board holding only the dragged note.

    uv run python bench/board_view.py [--notes 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH
from facilitator.paths import default_program_path
from facilitator.program import load_program
from facilitator.store import Store
from facilitator.ui.board_view import BoardProjectionView
from facilitator.ui.context import SessionContext, SessionEvents
from facilitator.ui.workspaces.board import BoardWorkspace

CATEGORIES = (None, "common", "differences", "opposed")
WORDS = [
    "kyst",
    "vand",
    "natur",
    "borgere",
    "plan",
    "diger",
    "fjord",
    "klima",
    "energi",
    "jord",
    "sikring",
    "fælles",
    "data",
]


def _session(path: Path, notes: int) -> tuple[Store, int]:
    rng = random.Random(7)
    store = Store(path)
    session_id = store.create_session(load_program(default_program_path()), title="Bench")
    partners = [store.add_partner(session_id, f"Partner {index}").id for index in range(4)]
    circles = [store.ensure_circle(session_id, partner, "change").id for partner in partners]
    for index in range(notes):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9)))
        element = store.add_element(circles[index % 4], ("what", "why", "who", "how")[index % 4], text)
        category = CATEGORIES[index % 4]
        if category:
            store.set_element_category(element.id, category)
    return store, session_id


def _board_step(store: Store, session_id: int):
    program = store.get_session(session_id).program()
    return next(step for _item, step in program.stops() if step.workspace == "board:change"), program


def _open(store: Store, session_id: int) -> tuple[BoardWorkspace, float, float]:
    step, program = _board_step(store, session_id)
    context = SessionContext(store, session_id, program, SessionEvents())
    start = time.perf_counter()
    workspace = BoardWorkspace(context, "change")
    workspace.resize(1600, 1000)
    workspace.show()
    workspace.activate(step)
    workspace.view.fit_board()
    workspace.view.viewport().repaint()
    painted = time.perf_counter() - start
    QApplication.processEvents()  # the first visit stores the new places right after painting
    stored = time.perf_counter() - start
    return workspace, painted, stored


def _open_floor(path: Path, session_id: int) -> float:
    start = time.perf_counter()
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT id, text, category FROM elements WHERE session_id = ? AND kind = 'change'", (session_id,)
    ).fetchall()
    connection.close()
    scene = QGraphicsScene()
    for index, _row in enumerate(rows):
        scene.addRect(QRectF((index % 40) * 180, (index // 40) * 110, NOTE_WIDTH, NOTE_HEIGHT))
    view = QGraphicsView(scene)
    view.resize(1600, 1000)
    view.show()
    view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    view.viewport().repaint()
    elapsed = time.perf_counter() - start
    view.close()
    return elapsed


def _send(viewport, kind: QEvent.Type, point: QPointF, buttons, button=Qt.MouseButton.NoButton) -> None:
    event = QMouseEvent(kind, point, viewport.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _drag_frames(workspace: BoardWorkspace, steps: int = 60, full: bool = False) -> list[float]:
    """Frame times of one drag; `full` repaints the whole viewport each frame instead of what changed."""
    view = workspace.view
    view.resize(1600, 900)
    view.fit_board()
    projection = BoardProjectionView(workspace.scene)
    projection.resize(1280, 720)
    projection.show()
    view.visible_area_changed.connect(projection.follow)
    projection.follow(view.visible_area())
    QApplication.processEvents()
    counter = _PaintCounter()
    viewport = view.viewport()
    viewport.installEventFilter(counter)
    projection.viewport().installEventFilter(counter)
    item = workspace.scene.note_items()[0]
    start = QPointF(view.mapFromScene(item.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)))
    # Across the board from where the note starts, so every run really moves it.
    end = QPointF(viewport.width() - start.x(), viewport.height() - start.y())
    left = Qt.MouseButton.LeftButton
    _send(viewport, QEvent.Type.MouseButtonPress, start, left, left)
    frames = []
    idle = 0
    for index in range(1, steps + 1):
        point = start + (end - start) * (index / steps)
        painted = counter.count
        begin = time.perf_counter()
        _send(viewport, QEvent.Type.MouseMove, point, left)
        if full:
            viewport.repaint()
        else:
            # The scene posts its change to the views; wait until a repaint has happened.
            for _ in range(5):
                QApplication.processEvents()
                if counter.count > painted:
                    break
        frames.append(time.perf_counter() - begin)
        if not full and counter.count == painted:
            idle += 1
    _send(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, left)
    if idle:
        print(f"warning: {idle} of {steps} frames repainted nothing ({len(workspace.scene.items_by_id)} notes)")
    projection.close()
    projection.deleteLater()
    return frames


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    opens, stores, floors, frames, floor_frames, full_frames = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.sqlite3"
        store, session_id = _session(path, args.notes)
        small_store, small_session = _session(Path(folder) / "small.sqlite3", 1)
        for _ in range(args.runs):
            floors.append(_open_floor(path, session_id))
            # Every run opens from the stored places, as a reopened session does.
            workspace, elapsed, stored = _open(store, session_id)
            opens.append(elapsed)
            stores.append(stored)
            frames.extend(_drag_frames(workspace))
            full_frames.extend(_drag_frames(workspace, full=True))
            workspace.close()
            workspace.deleteLater()
            small, _painted, _stored = _open(small_store, small_session)
            floor_frames.extend(_drag_frames(small))
            small.close()
            small.deleteLater()
            app.processEvents()
        store.close()
        small_store.close()

    def ms(values: list[float], share: float = 0.5) -> float:
        return sorted(values)[int(share * (len(values) - 1))] * 1000

    first_ms = opens[0] * 1000
    open_ms, floor_ms = statistics.median(opens[1:] or opens) * 1000, statistics.median(floors) * 1000
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}, offscreen")
    print(
        f"reopen {args.notes} placed notes: median {open_ms:.0f} ms (floor {floor_ms:.0f} ms, ratio {open_ms / floor_ms:.1f})"
    )
    print(
        f"first open, placing all {args.notes} notes from the circles: painted after {first_ms:.0f} ms, "
        f"places stored after {stores[0] * 1000:.0f} ms"
    )
    print(f"  target <= 300 ms (both) -> {'met' if max(open_ms, first_ms) <= 300 else 'NOT met'}")
    print(
        f"drag frame on {args.notes} notes: median {ms(frames):.2f} ms, p95 {ms(frames, 0.95):.2f} ms, "
        f"max {max(frames) * 1000:.2f} ms (floor, one note: median {ms(floor_frames):.2f} ms)"
    )
    print(f"  target <= 8 ms per frame (p95) -> {'met' if ms(frames, 0.95) <= 8 else 'NOT met'}")
    print(
        f"worst case, full repaint of the viewport per frame: median {ms(full_frames):.2f} ms, p95 {ms(full_frames, 0.95):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
