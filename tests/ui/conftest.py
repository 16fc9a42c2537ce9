"""GUI fixtures: a main window on a fresh data directory, reopenable like a real restart."""

from __future__ import annotations

import pytest

from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.ui.app import apply_style, build_main_window
from facilitator.ui.main_window import MainWindow


class AppRunner:
    """Starts and stops the main window against one data directory, as a user restarts the app."""

    def __init__(self, qtbot, paths: AppPaths) -> None:
        self.qtbot = qtbot
        self.paths = paths
        self.store: Store | None = None
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        self.store = Store(self.paths.database)
        self.window = build_main_window(self.store, self.paths)
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
