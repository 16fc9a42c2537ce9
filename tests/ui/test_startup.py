"""Start-up: the reopened session is painted before SQLAlchemy loads, and nothing is lost for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from facilitator.paths import AppPaths
from facilitator.settings import Settings
from facilitator.store import Store, StoreError
from facilitator.store.deferred import DeferredStore
from facilitator.text import Text
from facilitator.ui.app import Shell, build_main_window
from facilitator.ui.single_instance import SingleInstance
from facilitator.ui.workspaces.board import BoardWorkspace
from facilitator.ui.workspaces.placeholder import WaitingWorkspace

BOARD_STEP = "delsession-1-analyse"


@pytest.fixture
def reopened_at_the_board(paths: AppPaths, demo_id: int) -> int:
    """A data folder whose last session is the demo, left at the first sorting board."""
    store = Store(paths.database)
    try:
        store.update_session(demo_id, current_step_id=BOARD_STEP)
    finally:
        store.close()
    return demo_id


def _session_row(paths: AppPaths, session_id: int) -> tuple:
    store = Store(paths.database)
    try:
        data = store.get_session(session_id)
        updated = next(summary.updated_at for summary in store.list_sessions() if summary.id == session_id)
        return data.current_step_id, updated, store.last_session_id()
    finally:
        store.close()


def test_the_app_paints_the_reopened_session_before_loading_sqlalchemy_then_opens_its_board(
    paths: AppPaths, reopened_at_the_board
):
    """The whole start as `facilitator` runs it, in its own process (pytest has SQLAlchemy loaded)."""
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from facilitator.paths import AppPaths
        from facilitator.ui.app import after_first_paint, run

        seen = []

        def shown(app, window):
            page = window.session_page
            heavy = ("sqlalchemy", "alembic", "reportlab", "facilitator.export", "facilitator.store.store")
            seen.append(("shown", page.current_step_id, type(page.current_workspace()).__name__,
                         [name for name in heavy if name in sys.modules]))
            after_first_paint(window, lambda: seen.append(("painted", window.store.is_open)))

        def ready(app, window):
            page = window.session_page
            seen.append(("ready", type(page.current_workspace()).__name__, window.store.is_open,
                         [backup.reason for backup in window.store.backups.list()]))
            QTimer.singleShot(0, app.quit)

        code = run(AppPaths.resolve({str(paths.data_dir)!r}), on_shown=shown, on_ready=ready)
        print(seen)
        sys.exit(code)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert eval(result.stdout.strip().splitlines()[-1]) == [  # our own script's repr of plain data
        ("shown", BOARD_STEP, "WaitingWorkspace", []),
        ("painted", False),
        ("ready", "BoardWorkspace", True, ["open"]),
    ]


def test_a_deferred_store_holds_the_steps_place_until_it_opens(qtbot, paths: AppPaths, reopened_at_the_board):
    store = DeferredStore(paths.database)
    try:
        window = build_main_window(store, paths)
        qtbot.addWidget(window)
        page = window.session_page
        assert page is not None
        assert page.current_step_id == BOARD_STEP
        assert isinstance(page.current_workspace(), WaitingWorkspace)
        assert not store.is_open
        assert store.backups.list() == []  # the backup on opening waits for the store

        store.open()
        window.store_opened()

        workspace = page.current_workspace()
        assert isinstance(workspace, BoardWorkspace)
        assert window.undo_group.activeStack() is workspace.undo_stack
        assert [backup.reason for backup in store.backups.list()] == ["open"]
        assert page.step_view.workspaces.currentWidget() is workspace
        stacked = page.step_view.workspaces
        assert not any(isinstance(stacked.widget(i), WaitingWorkspace) for i in range(stacked.count()))
        window.close()
    finally:
        store.close()


def test_reopening_a_session_writes_nothing(qtbot, paths: AppPaths, reopened_at_the_board):
    before = _session_row(paths, reopened_at_the_board)
    store = Store(paths.database)
    try:
        window = build_main_window(store, paths)
        qtbot.addWidget(window)
        assert window.session_page.current_step_id == BOARD_STEP
        window.close()
    finally:
        store.close()
    assert _session_row(paths, reopened_at_the_board) == before


def test_a_change_before_the_store_has_loaded_opens_it_and_is_saved(qtbot, paths: AppPaths, reopened_at_the_board):
    store = DeferredStore(paths.database)
    try:
        window = build_main_window(store, paths)
        qtbot.addWidget(window)
        window.session_page.go_to_step("delsession-1-skabelon")
        assert store.is_open  # moving on is written at once, so the store opened for it
        window.store_opened()
        window.close()
    finally:
        store.close()
    assert _session_row(paths, reopened_at_the_board)[0] == "delsession-1-skabelon"


def test_a_store_that_cannot_open_after_the_first_paint_is_reported_and_the_app_quits(
    qtbot, qapp, paths: AppPaths, reopened_at_the_board, monkeypatch
):
    store = DeferredStore(paths.database)
    shell = Shell(qapp, store, paths, Settings())
    qtbot.addWidget(shell.window)
    reported: list[str] = []
    exits: list[int] = []

    def refuse() -> None:
        raise StoreError(Text("Databasen er optaget.", "The database is busy."))

    monkeypatch.setattr(store, "open", refuse)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text: reported.append(text)))
    monkeypatch.setattr(qapp, "exit", exits.append)
    ready: list[bool] = []
    shell.finish_opening(lambda: ready.append(True))
    qtbot.waitUntil(lambda: bool(exits), timeout=5000)
    assert reported == ["Databasen er optaget."]
    assert exits == [2]
    assert ready == []
    shell.window.close()
    store.close()


def test_a_second_start_while_the_first_is_still_painting_waits_for_it_to_listen(qtbot, tmp_path):
    """The owner takes the lock at once but answers only after its first paint; a knock in between waits."""
    data = tmp_path / "data"
    owner = SingleInstance(data)
    assert owner.acquire(listen=False)
    script = textwrap.dedent(
        f"""
        from facilitator.ui.single_instance import SingleInstance
        second = SingleInstance({str(data)!r})
        print("refused" if not second.acquire() else "locked", flush=True)
        print("answered" if second.notify_running(timeout_ms=10_000) else "no answer", flush=True)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout.readline().strip() == "refused"
            with qtbot.waitSignal(owner.activation_requested, timeout=15_000):
                owner.listen()
            assert child.stdout.readline().strip() == "answered"
            assert child.wait(timeout=15) == 0
        finally:
            child.kill()
            owner.release()


def test_a_window_that_is_never_painted_still_loads_its_store(paths: AppPaths, reopened_at_the_board):
    """Started minimised (here: hidden before its first frame), the app does not wait for a paint."""
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from facilitator.paths import AppPaths
        from facilitator.ui.app import run

        seen = []

        def shown(app, window):
            window.hide()

        def ready(app, window):
            seen.append((type(window.session_page.current_workspace()).__name__, window.store.is_open))
            QTimer.singleShot(0, app.quit)

        code = run(AppPaths.resolve({str(paths.data_dir)!r}), on_shown=shown, on_ready=ready)
        print(seen)
        sys.exit(code)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[('BoardWorkspace', True)]"


def test_what_the_start_built_is_left_out_of_the_collectors_full_passes(paths: AppPaths, reopened_at_the_board):
    """A full pass over the start's hundred thousand objects held the window for 60-110 ms (issue 22)."""
    script = textwrap.dedent(
        f"""
        import gc
        import json
        import sys
        from PySide6.QtCore import QTimer
        from facilitator.paths import AppPaths
        from facilitator.ui.app import run

        seen = []

        def ready(app, window):
            seen.append([gc.get_freeze_count(), len(gc.get_objects())])
            QTimer.singleShot(0, app.quit)

        code = run(AppPaths.resolve({str(paths.data_dir)!r}), on_ready=ready)
        print(json.dumps(seen))
        sys.exit(code)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    [[frozen, still_collected]] = json.loads(result.stdout.strip().splitlines()[-1])
    assert frozen > 50_000, "the window, Qt's wrappers and SQLAlchemy are frozen once the app has started"
    assert still_collected < frozen / 10
