"""The app started the way `facilitator` starts it; prints when the reopened session is painted or ready.

    python bench/app_window.py DATA_DIR paint   # the reopened session's first frame
    python bench/app_window.py DATA_DIR ready   # the store loaded and the step's own workspace built

Prints the CPU time used and the wall-clock time (time.time()) at that moment, then quits.
"""

import sys
import time

from PySide6.QtCore import QTimer

from facilitator.paths import AppPaths
from facilitator.ui.app import after_first_paint, run

data_dir, until = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "paint"


def _report_and_quit(app):
    print(f"{time.process_time():.6f} {time.time():.6f}", flush=True)
    app.quit()


def _shown(app, window):
    assert window.session_page is not None, "the benchmark expects a session to be reopened"
    if until == "paint":
        after_first_paint(window, lambda: _report_and_quit(app))


def _ready(app, window):
    if until == "ready":
        QTimer.singleShot(0, lambda: _report_and_quit(app))


sys.exit(run(AppPaths.resolve(data_dir), on_shown=_shown, on_ready=_ready))
