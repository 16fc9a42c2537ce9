"""The app started the way `facilitator` starts it, quitting as soon as the main window is shown."""

import sys

from PySide6.QtCore import QTimer

from facilitator.paths import AppPaths
from facilitator.ui.app import run


def _quit_when_shown(app, window):
    assert window.session_page is not None, "the benchmark expects a session to be reopened"
    QTimer.singleShot(0, app.quit)


sys.exit(run(AppPaths.resolve(sys.argv[1]), on_shown=_quit_when_shown))
