"""Keyboard and screen-reader users: everything focusable has a name, and focus is always visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _unnamed(window) -> set[str]:
    found = set()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.objectName() == "qt_spinbox_lineedit":  # a date or time field speaks for its own text
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            parent = widget.parentWidget()
            found.add(f"{type(widget).__name__} in {type(parent).__name__ if parent else None}")
    return found


def test_every_focusable_control_of_the_demo_day_has_an_accessible_name(qtbot, app_runner):
    window = app_runner.start()
    window.create_demo()
    page = window.session_page
    missing: dict[str, str] = {}
    for item in page.day.program.items:
        for step in getattr(item, "steps", [item]):
            page.go_to_step(step.id)
            QApplication.processEvents()
            for name in _unnamed(window):
                missing.setdefault(name, step.id)
    window.show_start_page()
    QApplication.processEvents()
    for name in _unnamed(window):
        missing.setdefault(name, "start page")
    assert not missing, "\n".join(f"{name} ({where})" for name, where in missing.items())


@pytest.mark.parametrize("kind", [QPushButton, QToolButton, QLineEdit, QComboBox, QCheckBox, QListWidget, QTextBrowser])
def test_keyboard_focus_changes_how_a_control_looks(qtbot, app_runner, kind):
    app_runner.start()  # the app's stylesheet is in force
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    control = kind()
    if hasattr(control, "setText"):
        control.setText("Fælles")
    other = QPushButton("Anden")
    layout.addWidget(control)
    layout.addWidget(other)
    control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    host.show()
    with qtbot.waitActive(host):
        host.activateWindow()
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus)
    unfocused = control.grab().toImage()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    focused = control.grab().toImage()
    assert focused != unfocused, f"{kind.__name__} looks the same with and without focus"
