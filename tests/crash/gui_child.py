"""Child process for the GUI crash test: the real main window, driven by keyboard until killed.

    python -m tests.crash.gui_child DATA_DIR SEED

Offscreen, on the real clock and the real event loop: every script step runs from a
QTimer, so the app's own save timers fire between steps as they would between key presses.
Before each action it writes {"i": n, "op": ...}; once the screen shows the result, it
writes {"ok": n, "t": time.monotonic(), ...}. For a discrete action (an element added with
Enter, an action added, a status ticked, an action deleted, a post-it moved) "ok" means
the user saw it happen. For typed text "ok" only means it is on screen at time t; the
parent demands it on disk once LAG_LIMIT has passed. Lines are single write() calls well
under PIPE_BUF, so the parent never reads half a line.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import random
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit

from facilitator.conversation.next_steps import AREAS, STATUSES
from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.ui.app import application, build_main_window
from facilitator.ui.main_window import MainWindow
from facilitator.ui.next_steps_model import COL_STATUS
from facilitator.ui.workspaces.board import BoardWorkspace
from facilitator.ui.workspaces.circles import CircleWorkspace
from facilitator.ui.workspaces.joint_form import JointFormWorkspace
from facilitator.ui.workspaces.next_steps import NextStepsWorkspace

WORDS = (
    "kysten",
    "fjorden",
    "diget",
    "borgerne",
    "planen",
    "vandet",
    "naturen",
    "lodsejerne",
    "modellen",
    "forsyningen",
    "økonomien",
    "mandatet",
    "næste møde",
    "Sønderstrand",
    "hurtigt",
    "sammen",
)
CIRCLE_STEPS = ("delsession-1-individuelt", "delsession-2-individuelt", "delsession-3-individuelt")
FORM_STEPS = (
    ("delsession-1-ambition", "ambition"),
    ("delsession-2-samspil", "interplay"),
    ("delsession-3-skalering", "scaling"),
)
BOARD_STEPS = ("delsession-1-analyse", "delsession-2-analyse", "delsession-3-analyse")
NOTE_STEPS = (
    "introduktion-praesentation",
    "delsession-1-individuelt",
    "delsession-2-samspil",
    "delsession-4-naeste-skridt",
)
NEXT_STEPS = "delsession-4-naeste-skridt"
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


def emit(message: dict[str, Any]) -> None:
    os.write(1, (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii"))


def die(message: str) -> None:
    """Stop at once with a reason on stderr: the parent fails the test and shows it."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(3)


def _excepthook(kind, value, trace) -> None:
    # PySide only prints exceptions raised in slots and event handlers; here they must stop the run.
    die("".join(traceback.format_exception(kind, value, trace)))


class Driver:
    """A seeded script of user actions, one step per timer tick."""

    def __init__(self, window: MainWindow, store: Store, seed: int) -> None:
        self.window = window
        page = window.session_page
        if page is None:
            die("the session did not reopen")
        self.page = page
        self.rng = random.Random(seed)
        self.tag = f"g{seed}"
        self.count = 0
        self.number = 0
        self.first_notes = {element.id for element in store.elements(page.session_id)}
        self.script = self.run()

    # Reporting ------------------------------------------------------------------------------

    def intent(self, op: dict[str, Any]) -> int:
        number = self.number
        self.number += 1
        emit({"i": number, **op})
        return number

    def done(self, number: int, **result: Any) -> None:
        emit({"ok": number, "t": time.monotonic(), **result})

    def text(self, words: int) -> str:
        self.count += 1
        chosen = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return f"{chosen.capitalize()} {self.tag}-{self.count}"

    # Running --------------------------------------------------------------------------------

    def tick(self) -> None:
        try:
            delay = next(self.script)
        except StopIteration:
            return
        except BaseException:
            die(traceback.format_exc())
        QTimer.singleShot(delay, self.tick)

    def run(self) -> Iterator[int]:
        phases = [self.circles, self.step_note, self.joint_form, self.next_steps, self.board]
        # Every kind of action in each round of five, so a short run still covers them all.
        while True:
            self.rng.shuffle(phases)
            for phase in phases:
                yield from phase()

    def go(self, step_id: str) -> Iterator[int]:
        self.page.go_to_step(step_id)
        if self.page.current_step_id != step_id:
            die(f"could not go to {step_id}")
        # Workspaces take the focus and fit themselves on the next turns of the loop.
        yield self.rng.randint(20, 80)

    def type_burst(self, edit: QPlainTextEdit, target: str) -> Iterator[int]:
        """Type words a few keys at a time at a typist's pace, now and then pausing to think."""
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.moveCursor(QTextCursor.MoveOperation.End)
        words = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(2, 6)))
        text = (" " if edit.toPlainText() else "") + words
        position = 0
        while position < len(text):
            size = self.rng.randint(1, 4)
            chunk = text[position : position + size]
            position += size
            number = self.intent({"op": "type", "target": target, "text": edit.toPlainText() + chunk})
            QTest.keyClicks(edit, chunk)
            self.done(number, text=edit.toPlainText())
            yield self.rng.randint(600, 1300) if self.rng.random() < 0.05 else self.rng.randint(40, 260)

    # Phases ---------------------------------------------------------------------------------

    def circles(self) -> Iterator[int]:
        yield from self.go(self.rng.choice(CIRCLE_STEPS))
        workspace = self.page.current_workspace()
        assert isinstance(workspace, CircleWorkspace), workspace
        if self.rng.random() < 0.5:
            entry = workspace.canvas.first_entry()
            entry.setFocus(Qt.FocusReason.OtherFocusReason)
            QTest.keyClick(entry, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            yield self.rng.randint(20, 80)
        for _ in range(self.rng.randint(1, 4)):
            partner, circle = workspace.current_partner(), workspace.current_circle()
            field_id = self.rng.choice(list(workspace.canvas.cards))
            card = workspace.canvas.cards[field_id]
            card.entry.setFocus(Qt.FocusReason.OtherFocusReason)
            text = self.text(3)
            QTest.keyClicks(card.entry, text)
            yield self.rng.randint(20, 120)
            number = self.intent(
                {"op": "element", "circle": circle.id, "partner": partner.name, "field": field_id, "text": text}
            )
            QTest.keyClick(card.entry, Qt.Key.Key_Return)
            if text not in [line.edit.text() for line in card.lines]:
                die(f"the element {text!r} did not appear in {field_id}")
            self.done(number)
            yield self.rng.randint(30, 150)

    def step_note(self) -> Iterator[int]:
        if self.rng.random() < 0.6:
            yield from self.go(self.rng.choice(NOTE_STEPS))
        yield from self.type_burst(self.page.guide.notes, f"note:{self.page.current_step_id}")

    def joint_form(self) -> Iterator[int]:
        step_id, form_id = self.rng.choice(FORM_STEPS)
        yield from self.go(step_id)
        workspace = self.page.current_workspace()
        assert isinstance(workspace, JointFormWorkspace), workspace
        field_id = self.rng.choice(list(workspace.editors))
        yield from self.type_burst(workspace.editors[field_id].edit, f"form:{form_id}:{field_id}")

    def next_steps(self) -> Iterator[int]:
        yield from self.go(NEXT_STEPS)
        workspace = self.page.current_workspace()
        assert isinstance(workspace, NextStepsWorkspace), workspace
        for _ in range(self.rng.randint(1, 4)):
            choice = self.rng.random()
            if choice < 0.5 or len(workspace.actions) < 3:
                yield from self.add_action(workspace)
            elif choice < 0.85:
                yield from self.tick_action(workspace)
            else:
                yield from self.remove_action(workspace)
            yield self.rng.randint(30, 150)

    def add_action(self, workspace: NextStepsWorkspace) -> Iterator[int]:
        workspace.entry.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.rng.random() < 0.4:
            index = self.rng.randrange(len(AREAS))
            QTest.keyClick(workspace.entry, Qt.Key(Qt.Key.Key_1.value + index), Qt.KeyboardModifier.AltModifier)
        what = self.text(4)
        QTest.keyClicks(workspace.entry, what)
        yield self.rng.randint(20, 120)
        before = set(workspace.actions)
        number = self.intent({"op": "action", "what": what, "area": workspace.current_area().id})
        QTest.keyClick(workspace.entry, Qt.Key.Key_Return)
        added = set(workspace.actions) - before
        if len(added) != 1:
            die(f"Enter in the quick entry added {len(added)} actions for {what!r}")
        action = workspace.actions[added.pop()]
        self.done(number, what=action.what, area=action.area, status=action.status)

    def tick_action(self, workspace: NextStepsWorkspace) -> Iterator[int]:
        action = workspace.actions[self.rng.choice(sorted(workspace.actions))]
        status = self.rng.choice([status for status in STATUSES if status != action.status])
        workspace.select_action(action.id, COL_STATUS)
        workspace.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(workspace.tree, Qt.Key.Key_F2)
        box = QApplication.focusWidget()
        if not isinstance(box, QComboBox):
            die(f"F2 on the status cell opened {box!r}, not a list of statuses")
        box.setCurrentIndex(box.findData(status))
        number = self.intent({"op": "status", "what": action.what, "status": status})
        QTest.keyClick(box, Qt.Key.Key_Return)
        # The delegate hands the choice over on the next turn of the loop, as in a real session.
        QApplication.processEvents()
        if workspace.actions[action.id].status != status:
            die(f"the status of {action.what!r} did not change to {status}")
        self.done(number)
        yield 0

    def remove_action(self, workspace: NextStepsWorkspace) -> Iterator[int]:
        action = workspace.actions[self.rng.choice(sorted(workspace.actions))]
        workspace.select_action(action.id)
        workspace.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        number = self.intent({"op": "remove_action", "what": action.what})
        QTest.keyClick(workspace.tree, Qt.Key.Key_Delete)
        if action.id in workspace.actions:
            die(f"Delete did not remove {action.what!r}")
        self.done(number)
        yield 0

    def board(self) -> Iterator[int]:
        yield from self.go(self.rng.choice(BOARD_STEPS))
        workspace = self.page.current_workspace()
        assert isinstance(workspace, BoardWorkspace), workspace
        # Post-its of the starting session only: new ones get their first place just after the paint.
        candidates = sorted(note_id for note_id in workspace.scene.items_by_id if note_id in self.first_notes)
        if not candidates:
            return
        note_id = self.rng.choice(candidates)
        for _ in range(self.rng.randint(1, 6)):
            workspace.view.setFocus(Qt.FocusReason.OtherFocusReason)
            workspace.view.set_current(workspace.scene.items_by_id[note_id])
            number = self.intent({"op": "move", "id": note_id})
            QTest.keyClick(workspace.view, self.rng.choice(ARROWS))
            note = workspace.state.notes[note_id]
            self.done(number, x=note.x, y=note.y)
            yield self.rng.randint(30, 150)


def open_window(data_dir: Path) -> tuple[QApplication, MainWindow, Store]:
    """The real app on `data_dir`, its window shown, active and reopened on the last session."""
    sys.excepthook = _excepthook
    app = application()

    def unexpected(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            die(f"unexpected {kind} dialog: {title}: {text}")

        return staticmethod(show)

    for kind in ("warning", "question", "critical", "information"):
        setattr(QMessageBox, kind, unexpected(kind))
    paths = AppPaths.resolve(data_dir)
    store = Store(paths.database)
    window = build_main_window(store, paths)
    window.resize(1600, 1000)
    window.show()
    window.activateWindow()
    # Keyboard shortcuts and focus only work in the active window.
    deadline = time.monotonic() + 10
    while not window.isActiveWindow():
        if time.monotonic() > deadline:
            die("the main window never became active")
        app.processEvents()
        time.sleep(0.005)
    return app, window, store


def main(argv: list[str]) -> int:
    data_dir, seed = Path(argv[0]), int(argv[1])
    app, window, store = open_window(data_dir)
    driver = Driver(window, store, seed)
    emit({"ready": True})
    QTimer.singleShot(0, driver.tick)
    # No end: the parent kills this process.
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
