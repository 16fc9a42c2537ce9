"""Fil → Importér sessionsfil: read, checked and stored off the GUI thread, with a busy indicator."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.demo import DEMO_TITLE, create_demo_session
from facilitator.export.session_file import write_session_file
from facilitator.store import Store
from facilitator.store.store import Store as StoreClass
from tests.ui.modal import answer_dialog


@pytest.fixture
def session_file(paths, tmp_path):
    """The demo as a session file made on another laptop."""
    other = Store(tmp_path / "other" / "facilitator.sqlite3")
    try:
        document = other.export_session(create_demo_session(other))
    finally:
        other.close()
    return write_session_file(tmp_path / "demo.json", document)


@pytest.fixture
def gate(monkeypatch):
    """Storing waits at this gate until the test opens it (always opened at the end)."""
    event = threading.Event()
    real = StoreClass.import_session
    threads: list[int] = []

    def import_session(self, document, **options):
        threads.append(threading.get_ident())
        assert event.wait(10), "the test never opened the gate"
        return real(self, document, **options)

    monkeypatch.setattr(StoreClass, "import_session", import_session)
    event.threads = threads
    yield event
    event.set()


def _choose(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_a_session_file_is_stored_in_the_background_while_the_window_answers(
    qtbot, app_runner, session_file, gate, monkeypatch
):
    window = app_runner.start()
    _choose(monkeypatch, session_file)
    window.import_file_action.trigger()

    qtbot.waitUntil(lambda: window.runner.progress is not None and window.runner.progress.isVisible(), timeout=5000)
    assert window.runner.busy
    assert gate.threads
    assert gate.threads[0] != threading.get_ident(), "stored on a worker thread"
    assert app_runner.store.list_sessions() == []

    gate.set()
    qtbot.waitUntil(lambda: window.session_page is not None, timeout=10_000)
    assert window.session_page.session_title.text() == DEMO_TITLE
    assert not window.runner.busy
    assert window.runner.progress is None
    assert DEMO_TITLE in window.statusBar().currentMessage()


def test_a_second_import_while_one_is_stored_is_refused_with_a_reason(
    qtbot, app_runner, session_file, gate, monkeypatch
):
    window = app_runner.start()
    _choose(monkeypatch, session_file)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    window.import_file_action.trigger()
    qtbot.waitUntil(lambda: window.runner.busy, timeout=5000)

    window.import_file_action.trigger()
    assert len(shown) == 1
    assert "Vent et øjeblik" in shown[0]

    gate.set()
    qtbot.waitUntil(lambda: window.session_page is not None, timeout=10_000)
    assert [summary.title for summary in app_runner.store.list_sessions()] == [DEMO_TITLE]


def test_replacing_the_open_session_backs_it_up_first_and_opens_the_files_version(
    qtbot, app_runner, paths, tmp_path, monkeypatch
):
    store = Store(paths.database)
    session_id = create_demo_session(store)
    store.set_last_session_id(session_id)
    store.update_session(session_id, title="Min udgave")
    document = store.export_session(session_id)
    store.close()
    document["session"]["title"] = "Filens udgave"
    path = write_session_file(tmp_path / "filens.json", document)

    window = app_runner.start()
    assert window.session_page.session_title.text() == "Min udgave"
    _choose(monkeypatch, path)

    def replace(dialog: QMessageBox) -> None:
        [button] = [b for b in dialog.buttons() if "Erstat" in b.text()]
        button.click()

    problems = answer_dialog(QMessageBox, replace, wait_ms=10_000)
    window.import_file_action.trigger()
    qtbot.waitUntil(
        lambda: window.session_page is not None and window.session_page.session_title.text() == "Filens udgave",
        timeout=15_000,
    )
    assert problems == []
    assert [summary.title for summary in app_runner.store.list_sessions()] == ["Filens udgave"]
    assert "import" in [backup.reason for backup in app_runner.store.backups.list()]
