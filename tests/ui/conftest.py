"""GUI fixtures: a main window on a fresh data directory, reopenable like a real restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.timing import ManualClock
from facilitator.ui.app import apply_style, build_main_window
from facilitator.ui.appearance import install_translators
from facilitator.ui.main_window import MainWindow
from facilitator.ui.session_page import SessionPage
from tests.databases import DatabaseTemplate

#: The partners of `session_id`: (name, organisation).
TWO_PARTNERS = (("Mette Kjær", "Vesterhavs Kommune"), ("Jonas Friis", "Vesterhavs Forsyning"))


class AppRunner:
    """Starts and stops the main window against one data directory, as a user restarts the app."""

    def __init__(self, qtbot, paths: AppPaths) -> None:
        self.qtbot = qtbot
        self.paths = paths
        # Timers run on this clock; tests move it by hand instead of sleeping. 09:00 local
        # time on the demo's session day, whatever the machine's time zone.
        self.clock = ManualClock(dt.datetime(2026, 4, 27, 9, 0).astimezone(dt.UTC))
        self.store: Store | None = None
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        self.store = Store(self.paths.database)
        self.window = build_main_window(self.store, self.paths, clock=self.clock)
        self.qtbot.addWidget(self.window)
        # Window shortcuts (Ctrl+arrows, Alt+arrows) only fire in the active window.
        with self.qtbot.waitActive(self.window):
            self.window.show()
            self.window.activateWindow()
        return self.window

    def stop(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def restart(self) -> MainWindow:
        self.stop()
        return self.start()

    def open_step(
        self, step_id: str, *, large: bool = False, kind: type[QWidget] | None = None
    ) -> tuple[MainWindow, SessionPage, QWidget]:
        """Start the app (again, if it runs) on the reopened session, at `step_id`: window, page, workspace.

        `large` gives the window the room of a large laptop screen first (the board and the
        next steps' table want it); with `kind`, the step's workspace must be one.
        """
        window = self.restart()
        if large:
            window.resize(1600, 1000)
        page = window.session_page
        assert page is not None, "the app reopened no session"
        page.go_to_step(step_id)
        QApplication.processEvents()  # the workspace fits itself and takes the focus once on screen
        workspace = page.current_workspace()
        if kind is not None:
            assert isinstance(workspace, kind), workspace
        return window, page, workspace


@pytest.fixture
def app_runner(qtbot, qapp, paths):
    apply_style(qapp)
    runner = AppRunner(qtbot, paths)
    yield runner
    runner.stop()


@pytest.fixture
def stored_session(paths: AppPaths, program, empty_database: DatabaseTemplate):
    """Stores a session "Kystpartnerskab" for the app to reopen at start; call it for its id.

    `partners` are (name, organisation); `elements` gives partners' change-circle elements by name.
    """

    def store_session(
        partners: Sequence[tuple[str, str]] = TWO_PARTNERS, elements: Mapping[str, Sequence[str]] | None = None
    ) -> int:
        if not paths.database.exists():
            empty_database.copy_to(paths.database)
        store = Store(paths.database)
        try:
            session_id = store.create_session(program, title="Kystpartnerskab", date=dt.date(2026, 4, 27))
            for name, organisation in partners:
                partner = store.add_partner(session_id, name, organisation=organisation).id
                texts = (elements or {}).get(name, ())
                if texts:
                    circle = store.ensure_circle(session_id, partner, "change").id
                    for text in texts:
                        store.add_element(circle, "what", text)
            store.set_last_session_id(session_id)
        finally:
            store.close()
        return session_id

    return store_session


@pytest.fixture
def session_id(stored_session) -> int:
    """A stored session with two partners, reopened by the app at start."""
    return stored_session()


@pytest.fixture
def demo_id(paths: AppPaths, demo_database: DatabaseTemplate) -> int:
    """The demo session (a copy), reopened by the app at start; its id."""
    assert not paths.database.exists(), "the demo goes in before anything opens the database"
    demo_database.copy_to(paths.database)
    store = Store(paths.database)
    try:
        store.set_last_session_id(demo_database.session_id)
    finally:
        store.close()
    return demo_database.session_id


@pytest.fixture(autouse=True)
def _danish_as_in_the_app(qapp):
    """Every test starts in Danish with the app's plural forms loaded, and leaves it so."""
    install_translators(qapp, "da")
    yield
    install_translators(qapp, "da")
    apply_style(qapp)


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch):
    """A message box nobody planned for fails the test instead of waiting forever for a click."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind):
        def show(_parent, title, text, *args, **kwargs):
            raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")

        return staticmethod(show)

    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))
