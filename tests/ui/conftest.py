"""GUI fixtures: a main window on a fresh data directory, reopenable like a real restart."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.timing import ManualClock
from facilitator.ui.app import apply_style, build_main_window
from facilitator.ui.appearance import install_translators
from facilitator.ui.main_window import MainWindow


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


@pytest.fixture
def app_runner(qtbot, qapp, paths):
    apply_style(qapp)
    runner = AppRunner(qtbot, paths)
    yield runner
    runner.stop()


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
