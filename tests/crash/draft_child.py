"""Child process for the entry-line crash test: words typed into a circle's question, no Enter.

    python -m tests.crash.draft_child DATA_DIR STEP_ID FIELD_ID TEXT

The real main window, offscreen: it opens the circle step, types TEXT into FIELD_ID's entry
line key by key and never presses Enter, then reports {"ok": 0, "t": ..., "circle": id}
and waits, on the real event loop, for the parent's SIGKILL.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from facilitator.ui.workspaces.circles import CircleWorkspace
from tests.crash.gui_child import die, emit, open_window


def main(argv: list[str]) -> int:
    data_dir, step_id, field_id, text = Path(argv[0]), argv[1], argv[2], argv[3]
    app, window, _store = open_window(data_dir)
    page = window.session_page
    if page is None:
        die("the session did not reopen")

    def type_text() -> None:
        page.go_to_step(step_id)
        workspace = page.current_workspace()
        if not isinstance(workspace, CircleWorkspace):
            die(f"{step_id} is not a circle step")
        entry = workspace.canvas.cards[field_id].entry
        entry.setFocus(Qt.FocusReason.OtherFocusReason)
        emit({"i": 0, "op": "draft", "text": text})
        QTest.keyClicks(entry, text)
        emit({"ok": 0, "t": time.monotonic(), "circle": workspace.current_circle().id, "shown": entry.text()})

    QTimer.singleShot(0, type_text)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
