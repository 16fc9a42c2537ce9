"""The window's half of bench/room_load.py --window: the main window, the room on its gate, a drag.

The main window runs offscreen on a copy of the demo session at the circle step, with the
room open on loopback (approve everyone). A board workspace of the same session, as the
window builds it, is shown beside it; one of its post-its is pressed and dragged back and
forth, one mouse move every `FRAME_EVERY_MS`, first without load (the floor), then while
the devices' process writes. With ROOM_BENCH_PROFILE=cumulative (or tottime) in the
environment, the GUI thread runs under cProfile during the load and prints where its time went;
with ROOM_BENCH_THREADS=1 the room is served on the window's own threads instead of its process.
"""

from __future__ import annotations

import os
import tempfile
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from facilitator.board import NOTE_HEIGHT, NOTE_WIDTH
from facilitator.demo import create_demo_session
from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.ui.app import apply_style, build_main_window
from facilitator.ui.context import SessionContext, SessionEvents
from facilitator.ui.workspaces.board import BoardWorkspace

CIRCLE_STEP = "delsession-1-individuelt"
FRAME_EVERY_MS = 16
FLOOR_FRAMES = 120


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _send(viewport, kind: QEvent.Type, point: QPointF, buttons, button=Qt.MouseButton.NoButton) -> None:
    event = QMouseEvent(kind, point, viewport.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


class _Drag:
    """A post-it pressed and moved back and forth across the board, one move per timer tick."""

    def __init__(self, workspace: BoardWorkspace) -> None:
        self.view = workspace.view
        self.viewport = self.view.viewport()
        self.counter = _PaintCounter()
        self.viewport.installEventFilter(self.counter)
        item = workspace.scene.note_items()[0]
        self.start = QPointF(self.view.mapFromScene(item.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)))
        self.end = QPointF(self.viewport.width() * 0.8, self.viewport.height() * 0.8)
        self.index = 0
        left = Qt.MouseButton.LeftButton
        _send(self.viewport, QEvent.Type.MouseButtonPress, self.start, left, left)

    def frame(self) -> tuple[float, float]:
        """One move and the repaint it causes: (wall ms, GUI-thread CPU ms)."""
        self.index += 1
        share = (self.index % 60) / 60
        share = share * 2 if share <= 0.5 else (1 - share) * 2
        point = self.start + (self.end - self.start) * share
        painted = self.counter.count
        began, cpu = time.perf_counter(), time.thread_time()
        _send(self.viewport, QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        # The scene posts its change to the view: the frame ends when the view has repainted.
        for _ in range(20):
            QApplication.processEvents()
            if self.counter.count > painted:
                break
        return (time.perf_counter() - began) * 1000, (time.thread_time() - cpu) * 1000

    def release(self) -> None:
        _send(
            self.viewport, QEvent.Type.MouseButtonRelease, self.end, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton
        )


def _drag_while(drag: _Drag, going, frames_at_most: int | None = None):
    """Frames every FRAME_EVERY_MS while `going()`; returns (frames, gaps beyond plan, cpu)."""
    frames: list[float] = []
    gaps: list[float] = []
    cpu: list[float] = []
    # A loop of its own: the application's exec() would end with aboutToQuit, which closes the room.
    loop = QEventLoop()
    clock = QElapsedTimer()
    clock.start()
    last = {"at": None}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if last["at"] is not None:
            gaps.append(max(0.0, now - last["at"] - FRAME_EVERY_MS))
        last["at"] = now
        wall, used = drag.frame()
        frames.append(wall)
        cpu.append(used)
        if not going() or (frames_at_most is not None and len(frames) >= frames_at_most):
            timer.stop()
            loop.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(FRAME_EVERY_MS)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    return frames, gaps, cpu


def _cpu_of(pid: int | None) -> float:
    """A process's CPU time so far in seconds, all its threads (Linux: /proc)."""
    if pid is None:
        return 0.0
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_window(devices: int, elements: int, spawn_load, collect, check_stored):
    """(floor frames, frames, gaps, cpu, load result, (stored, lost, duplicated), batches)."""
    app = QApplication.instance() or QApplication([])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths.resolve(folder)
        paths.ensure()
        seed = Store(paths.database)
        session_id = create_demo_session(seed)
        seed.update_session(session_id, current_step_id=CIRCLE_STEP)
        seed.set_last_session_id(session_id)
        seed.close()
        store = Store(paths.database)
        window = build_main_window(store, paths)
        window.resize(1366, 768)
        window.show()
        window.session_page.go_to_step(CIRCLE_STEP)
        control = window.room_control
        control.host = "127.0.0.1"
        # ROOM_BENCH_THREADS=1: the room on the window's own threads, as before it had a process.
        control.own_process = not os.environ.get("ROOM_BENCH_THREADS")
        assert control.open_room(), window.status_message.text()
        while control.is_opening:
            QApplication.processEvents()
            time.sleep(0.01)
        assert control.is_open, window.status_message.text()
        control.set_approve_everyone(True)
        program = store.get_session(session_id).program()
        board_step = next(step for _item, step in program.stops() if step.workspace == "board:change")
        workspace = BoardWorkspace(SessionContext(store, session_id, program, SessionEvents()), "change")
        workspace.resize(1280, 720)
        workspace.show()
        workspace.activate(board_step)
        workspace.view.fit_board()
        for _ in range(10):
            QApplication.processEvents()
        drag = _Drag(workspace)
        floor, _gaps, _cpu = _drag_while(drag, lambda: True, FLOOR_FRAMES)
        partner_ids = [partner.id for partner in store.partners(session_id)]
        process = spawn_load(control.server.url, partner_ids, devices, elements)
        cpu_began = time.process_time()
        room_pid = getattr(getattr(control.room, "_process", None), "pid", None)
        room_cpu_began = _cpu_of(room_pid)
        profile = None
        if os.environ.get("ROOM_BENCH_PROFILE"):
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        frames, gaps, cpu = _drag_while(drag, lambda: process.poll() is None)
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile).sort_stats(os.environ["ROOM_BENCH_PROFILE"]).print_stats(45)
        drag.release()
        load = collect(process)
        process_cpu = time.process_time() - cpu_began
        adds = max(1, len(load.latencies_ms))
        if room_pid is not None:
            room_cpu = _cpu_of(room_pid) - room_cpu_began
            room = control.room
            control.close_room()  # the child counts its batches as it ends
            batches = (
                f"{room.pieces} calls in {room.batches} commits; page states read {room.states_read}, "
                f"kept {room.states_kept}; the room's process: {room_cpu * 1000 / adds:.1f} ms CPU per add; "
                f"the window's process {process_cpu * 1000 / adds:.1f} ms per add (window and drag)"
            )
        else:
            gate = control.gate
            batches = (
                f"{getattr(gate, 'pieces', '?')} calls in {getattr(gate, 'batches', '?')} commits; the app's CPU during the load "
                f"{process_cpu * 1000 / adds:.1f} ms per add (server, store, window and drag)"
            )
        # What the window shows comes after the answers: let its last refresh run.
        for _ in range(10):
            QApplication.processEvents()
        check = check_stored(store, session_id, devices, elements)
        control.close_room()
        workspace.close()
        window.close()
        store.close()
    return floor, frames, gaps, cpu, load, check, batches
