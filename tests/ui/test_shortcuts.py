"""The window's keys: the day's keys work wherever the focus is, and no key means two things."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from facilitator.timing import RunState
from facilitator.ui.dialogs import shortcut_rows
from facilitator.ui.menus import NEXT_STEP_KEY, PREVIOUS_STEP_KEY, TOGGLE_TIMER_KEY
from facilitator.ui.workspaces.circles import CircleWorkspace
from facilitator.ui.workspaces.next_steps import NextStepsWorkspace

README = Path(__file__).resolve().parents[2] / "README.md"
CIRCLE_STEP = "delsession-1-individuelt"
NEXT_STEPS = "delsession-4-naeste-skridt"


def _press(qtbot, widget: QWidget, key: str) -> None:
    """Press `key` ("Alt+PgDown") on `widget`, as the keyboard would."""
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def _timer_states(page) -> dict[str, RunState]:
    return {step_id: page.day.timekeeper.run(step_id).state for step_id in page.day.step_ids()}


def _text_fields(page) -> list[QWidget]:
    """The text fields the step put on screen, the one holding the cursor first."""
    focus = QApplication.focusWidget()
    fields = [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isVisible() and not widget.isReadOnly()
    ]
    return sorted(fields, key=lambda widget: widget is not focus)


@pytest.mark.parametrize(("step_id", "kind"), [(CIRCLE_STEP, CircleWorkspace), (NEXT_STEPS, NextStepsWorkspace)])
def test_the_day_keys_work_while_typing_in_a_text_field(qtbot, app_runner, demo_id, step_id, kind):
    _window, page, _workspace = app_runner.open_step(step_id, large=True, kind=kind)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit | QPlainTextEdit | QTextEdit))
    fields = _text_fields(page)
    assert fields[0] is QApplication.focusWidget(), "arriving on the step puts the cursor in a text field"
    # The step's own line, another line of the step and the notes beside it (found anew each
    # time: coming back redraws the step's lines).
    for pick in (lambda: fields[0], lambda: _text_fields(page)[-2], lambda: page.guide.notes):
        field = pick()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClicks(field, "ord")
        before = field.toPlainText() if isinstance(field, QPlainTextEdit | QTextEdit) else field.text()

        for _twice in range(2):
            states = _timer_states(page)
            _press(qtbot, field, TOGGLE_TIMER_KEY)
            assert _timer_states(page) != states, f"{TOGGLE_TIMER_KEY} in {field.objectName()}"

        _press(qtbot, field, NEXT_STEP_KEY)
        assert page.current_step_id != step_id, f"{NEXT_STEP_KEY} in {field.objectName() or type(field).__name__}"
        _press(qtbot, QApplication.focusWidget() or page, PREVIOUS_STEP_KEY)
        assert page.current_step_id == step_id
        after = field.toPlainText() if isinstance(field, QPlainTextEdit | QTextEdit) else field.text()
        assert after == before, "the keys typed nothing"


def test_ctrl_right_and_space_still_type_in_a_text_field(qtbot, app_runner, demo_id):
    _window, page, workspace = app_runner.open_step(CIRCLE_STEP, large=True, kind=CircleWorkspace)
    entry = workspace.canvas.first_entry()
    entry.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(entry, "to ord")
    entry.setCursorPosition(0)
    qtbot.keyClick(entry, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(entry, Qt.Key.Key_Space)
    assert entry.text() == "to  ord"
    assert page.current_step_id == CIRCLE_STEP
    assert page.day.timekeeper.run(CIRCLE_STEP).state is RunState.IDLE


def test_help_the_menus_and_the_readme_name_the_same_day_keys(qtbot, app_runner, demo_id):
    window = app_runner.start()
    listed = {keys for keys, _what in shortcut_rows()}
    readme = README.read_text(encoding="utf-8")
    menus = window.menus
    for action, key in (
        (menus.next_action, NEXT_STEP_KEY),
        (menus.previous_action, PREVIOUS_STEP_KEY),
        (menus.toggle_timer_action, TOGGLE_TIMER_KEY),
    ):
        assert action.shortcut() == QKeySequence(key)
        assert key in listed
        assert f"**{key}**" in readme
    for old in ("Ctrl+1", "Ctrl+5", "F5", "F2"):
        assert old in listed
    assert "Alt+1 … Alt+4" in listed
    assert "**Alt+1…4**" in readme


# No key means two things ---------------------------------------------------------------------------


def _owners(action: QAction) -> list[QWidget]:
    """The widgets whose place decides whether an action's keys are live, as Qt finds them.

    An action in a menu counts where the menu itself is added (the menu bar, a tool
    button's menu nowhere); an action added to no widget has no live keys.
    """
    owners: list[QWidget] = []
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            owners += _owners(owner.menuAction())
        elif isinstance(owner, QWidget):
            owners.append(owner)
    return owners


def _active(context: Qt.ShortcutContext, owner: QWidget, focus: QWidget, window: QWidget) -> bool:
    """Would Qt consider a shortcut of `owner` in `context` while `focus` has the keyboard?"""
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return True
    if not owner.isVisible():
        return False
    if context == Qt.ShortcutContext.WindowShortcut:
        return owner.window() is window
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return owner is focus or owner.isAncestorOf(focus)
    return owner is focus


def _ambiguous(window: QWidget) -> list[str]:
    """Keys that two enabled actions or shortcuts claim at once, for some widget with focus."""
    bindings: list[tuple[str, Qt.ShortcutContext, list[QWidget], str]] = []
    for action in window.findChildren(QAction):
        if action.isEnabled():
            for key in action.shortcuts():
                what = action.text() or action.objectName() or repr(action)
                bindings += [(key.toString(), action.shortcutContext(), _owners(action), what)]
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            for key in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
                parent = shortcut.parent()
                bindings += [(key.toString(), shortcut.context(), [parent], f"QShortcut of {type(parent).__name__}")]
    focusable = [
        widget
        for widget in [window, *window.findChildren(QWidget)]
        if widget.isVisible() and (widget is window or widget.focusPolicy() != Qt.FocusPolicy.NoFocus)
    ]
    found = set()
    for focus in focusable:
        claims: dict[str, list[str]] = {}
        for key, context, owners, what in bindings:
            if any(_active(context, owner, focus, window) for owner in owners):
                claims.setdefault(key, []).append(what)
        for key, whats in claims.items():
            if len(whats) > 1:
                found.add(f"{key}: {' / '.join(sorted(whats))} (focus on {type(focus).__name__})")
    return sorted(found)


def test_no_two_shortcuts_share_a_key_on_any_page(qtbot, app_runner, demo_id):
    window = app_runner.start()
    window.resize(1600, 1000)
    assert _ambiguous(window) == [], "the start"
    page = window.session_page
    seen: set[str] = set()
    for step_id in page.day.step_ids():
        _part, step = page.day.find(step_id)
        if step.workspace in seen:
            continue
        seen.add(step.workspace)
        page.go_to_step(step_id)
        QApplication.processEvents()
        assert _ambiguous(window) == [], step.workspace
    assert {"circle:change", "board:change", "next-steps", "form:ambition", "review:change"} <= seen


def test_the_day_keys_work_from_the_projector_window_too(qtbot, app_runner, demo_id):
    window, page, _workspace = app_runner.open_step(CIRCLE_STEP, large=True, kind=CircleWorkspace)
    window.toggle_projector()
    projector = window.projector
    states = _timer_states(page)
    _press(qtbot, projector, TOGGLE_TIMER_KEY)
    assert _timer_states(page) != states
    _press(qtbot, projector, NEXT_STEP_KEY)
    assert page.current_step_id != CIRCLE_STEP
