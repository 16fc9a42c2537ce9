"""Fil → Teamarkiv against a real (throw-away) PostgreSQL archive: connect, push, list, pull, conflicts, the
secretariat's view, and an archive out of reach while the window keeps answering."""

from __future__ import annotations

import csv
import socket
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from facilitator.archive.sync import Archive
from facilitator.export.session_file import dump_session
from facilitator.paths import AppPaths
from facilitator.settings import Settings, load_settings
from facilitator.store import Store
from facilitator.ui.app import build_main_window
from facilitator.ui.archive_dialogs import ArchiveActionsDialog, ArchiveSessionsDialog, ConnectDialog
from facilitator.ui.main_window import MainWindow
from tests.ui.conftest import AppRunner

#: Long enough for a loopback archive on a busy machine; an unreachable one must answer within 5 s.
WORK_MS = 20_000


def _dialog(window: MainWindow, kind):
    [dialog] = [child for child in window.findChildren(kind) if child.isVisible()]
    return dialog


def _idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WORK_MS)


def _connect(qtbot, window: MainWindow, url: str) -> ConnectDialog:
    window.menus.archive.connect_action.trigger()
    dialog = _dialog(window, ConnectDialog)
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forbindelsen virker" in dialog.result.text(), timeout=WORK_MS)
    assert window.settings.archive_url == "", "a test keeps nothing"
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WORK_MS)
    return dialog


def _connected(window: MainWindow, url: str) -> None:
    """As if connected earlier (the dialog is tested on its own): the address kept, the menu opened."""
    window.change_settings(window.settings.changed(archive_url=url))
    window.menus.archive.menu.aboutToShow.emit()


def _file(store: Store, session_id: int) -> bytes:
    return dump_session(store.export_session(session_id))


def _conflict_box(window: MainWindow) -> QMessageBox:
    [box] = [child for child in window.findChildren(QMessageBox) if child.objectName() == "archiveConflict"]
    return box


def test_without_an_archive_the_items_are_greyed_out_and_explained_and_start_up_never_connects(
    qtbot, app_runner: AppRunner, demo_id, monkeypatch
):
    def no_network(*_args, **_kwargs):
        raise AssertionError("the window reached for the archive on its own")

    monkeypatch.setattr(Archive, "open", no_network)
    window = app_runner.start()
    menu = window.menus.archive
    for action in (menu.push_action, menu.push_all_action, menu.sessions_action, menu.actions_action):
        assert not action.isEnabled()
        assert "Forbind først" in action.toolTip()
    assert menu.connect_action.isEnabled()
    assert menu.status_action.text() == "Intet teamarkiv forbundet"

    # With an address kept, the window starts just the same, offline: nothing is asked of the server.
    app_runner.stop()
    store = Store(app_runner.paths.database)
    try:
        settings = Settings(archive_url="postgresql://facilitator@arkiv.example.org:5433/partnerskaber?sslmode=require")
        window = build_main_window(store, app_runner.paths, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        menu = window.menus.archive
        assert menu.push_action.isEnabled()
        assert menu.status_action.text() == "Forbundet: arkiv.example.org/partnerskaber"
        window.close()
    finally:
        store.close()


@pytest.mark.postgresql
def test_connect_push_list_and_pull_into_a_fresh_data_folder(
    qtbot, app_runner: AppRunner, demo_id: int, archive_url: str, tmp_path: Path
):
    window = app_runner.start()
    dialog = _connect(qtbot, window, archive_url)
    dialog.grab().save(str(tmp_path / "connect.png"))
    assert load_settings(app_runner.paths.settings_dir)[0].archive_url == archive_url
    assert window.menus.archive.push_action.isEnabled()

    window.menus.archive.push_action.trigger()
    assert window.runner.busy, "the push runs off the GUI thread"
    _idle(qtbot, window)
    assert "Sendt til teamarkivet" in window.statusBar().currentMessage()

    window.menus.archive.sessions_action.trigger()
    listing = _dialog(window, ArchiveSessionsDialog)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 1, timeout=WORK_MS)
    title = app_runner.store.get_session(demo_id).title
    assert listing.table.item(0, 0).text() == title
    assert "@" in listing.table.item(0, 3).text()
    listing.grab().save(str(tmp_path / "sessions.png"))
    listing.reject()

    # Another laptop, a fresh data folder: connect, choose the session, Hent.
    other = AppRunner(qtbot, AppPaths.resolve(tmp_path / "other"))
    try:
        second = other.start()
        assert second.session_page is None
        _connect(qtbot, second, archive_url)
        second.menus.archive.sessions_action.trigger()
        listing = _dialog(second, ArchiveSessionsDialog)
        qtbot.waitUntil(lambda: listing.table.rowCount() == 1, timeout=WORK_MS)
        assert not listing.pull_button.isEnabled(), "nothing chosen yet"
        listing.table.selectRow(0)
        qtbot.mouseClick(listing.pull_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: second.session_page is not None and not listing.isVisible(), timeout=WORK_MS)
        assert "Hentet fra teamarkivet" in second.statusBar().currentMessage()
        assert _file(other.store, second.session_page.session_id) == _file(app_runner.store, demo_id)
    finally:
        other.stop()


@pytest.mark.postgresql
def test_send_all_sessions_pushes_every_session_on_the_laptop(
    qtbot, app_runner: AppRunner, demo_id: int, archive_url: str
):
    window = app_runner.start()
    store = app_runner.store
    copy = store.import_session(store.export_session(demo_id), on_existing="keep-both")
    _connected(window, archive_url)

    window.menus.archive.push_all_action.trigger()
    _idle(qtbot, window)

    assert window.statusBar().currentMessage() == "Sendt til teamarkivet: 2 sessioner"
    with Archive.open(archive_url) as archive:
        titles = sorted(entry.title for entry in archive.sessions())
    assert titles == sorted(store.get_session(session).title for session in (demo_id, copy))


@pytest.mark.postgresql
def test_a_conflict_names_both_sides_and_keep_both_stores_the_laptop_s_version_beside(
    qtbot, app_runner: AppRunner, demo_id: int, archive_url: str, other_store: Store, tmp_path: Path
):
    window = app_runner.start()
    _connected(window, archive_url)
    window.menus.archive.push_action.trigger()
    _idle(qtbot, window)
    uid = app_runner.store.session_uid(demo_id)
    # A colleague fetches it, changes it and pushes revision 2.
    with Archive.open(archive_url) as colleague:
        theirs = colleague.pull(other_store, uid).session_id
        other_store.update_session(theirs, venue="Hos kommunen")
        colleague.push(other_store, theirs)
        their_name = colleague.sessions()[0].pushed_by
    window.session_page.flush()
    app_runner.store.update_session(demo_id, venue="På rådhuset")

    window.menus.archive.push_action.trigger()
    qtbot.waitUntil(lambda: bool([c for c in window.findChildren(QMessageBox) if c.isVisible()]), timeout=WORK_MS)
    box = _conflict_box(window)
    shown = box.informativeText()
    assert "revision 2" in shown
    assert their_name in shown, "who changed the archive's copy"
    assert "bygger på revision 1" in shown, "and this laptop's side"
    box.grab().save(str(tmp_path / "conflict.png"))
    with Archive.open(archive_url) as archive:
        assert len(archive.sessions()) == 1, "nothing written before the answer"

    keep = next(button for button in box.buttons() if "Behold begge" in button.text())
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    _idle(qtbot, window)
    with Archive.open(archive_url) as archive:
        venues = sorted(
            other_store.get_session(archive.pull(other_store, entry.uid, keep_both=True).session_id).venue
            for entry in archive.sessions()
        )
    assert venues == ["Hos kommunen", "På rådhuset"]
    assert "ved siden af" in window.statusBar().currentMessage()


@pytest.mark.postgresql
def test_the_secretariat_s_view_filtered_to_overdue_and_saved_as_csv(
    qtbot, app_runner: AppRunner, demo_id: int, archive_url: str, tmp_path: Path, monkeypatch
):
    # A year after the day: every unfinished action with a due date is overdue.
    app_runner.clock.advance(365 * 24 * 3600)
    window = app_runner.start()
    store = app_runner.store
    with Archive.open(archive_url) as archive:
        archive.push(store, demo_id)
    _connected(window, archive_url)
    today = window.now().astimezone().date()
    actions = store.actions(demo_id)
    late = {a.what for a in actions if a.due and a.due < today and a.status not in ("done", "dropped")}
    assert 0 < len(late) < len(actions)

    window.menus.archive.actions_action.trigger()
    view = _dialog(window, ArchiveActionsDialog)
    qtbot.waitUntil(lambda: view.table.rowCount() == len(actions), timeout=WORK_MS)
    qtbot.mouseClick(view.overdue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == len(late), timeout=WORK_MS)
    _idle(qtbot, window)
    assert {view.table.item(row, 4).text() for row in range(view.table.rowCount())} == late
    assert all(view.table.item(row, 0).text().endswith("⚠") for row in range(view.table.rowCount()))
    view.grab().save(str(tmp_path / "actions.png"))

    target = tmp_path / "overskredne"
    monkeypatch.setattr(
        "facilitator.ui.archive_dialogs.QFileDialog.getSaveFileName", lambda *_args, **_kwargs: (str(target), "")
    )
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, window)
    written = target.with_name("overskredne.csv")
    assert view.count.text() == f"Gemt: {written}"
    rows = list(csv.reader(written.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Session", "Område", "Hvad"]
    assert {row[2] for row in rows[1:]} == late


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_archive_out_of_reach_is_said_within_five_seconds_while_the_window_answers(
    qtbot, app_runner: AppRunner, demo_id: int, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *_a: shown.append(text)))
    window = app_runner.start()
    closed = f"postgresql://facilitator@127.0.0.1:{_closed_port()}/arkiv"
    _connected(window, closed)

    started = time.monotonic()
    window.menus.archive.push_action.trigger()
    assert window.runner.busy, "the connection is tried off the GUI thread"
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)

    assert time.monotonic() - started < 5
    [message] = shown
    assert message.startswith("Teamarkivet kan ikke nås: ")
    assert window.session_page is not None, "the session stays open"

    # A host that takes the connection and never answers: the dialog says so within 5 s, and
    # the window goes on answering meanwhile; the address kept before stays.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        window.menus.archive.connect_action.trigger()
        dialog = _dialog(window, ConnectDialog)
        dialog.url.setText(f"postgresql://facilitator@127.0.0.1:{silent.getsockname()[1]}/arkiv")
        beats: list[bool] = []
        heartbeat = QTimer(window)
        heartbeat.setInterval(50)
        heartbeat.timeout.connect(lambda: beats.append(window.runner.busy))
        heartbeat.start()
        started = time.monotonic()
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
        heartbeat.stop()
    assert time.monotonic() - started < 5
    assert dialog.error.text().startswith("Teamarkivet kan ikke nås: ")
    assert beats.count(True) >= 5, "the window's own timer kept running while the worker waited"
    assert not dialog.connect_button.isEnabled() or not window.runner.busy
    assert dialog.isVisible()
    assert window.settings.archive_url == closed
