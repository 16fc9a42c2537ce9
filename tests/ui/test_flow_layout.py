"""The flow layout: rows that wrap, and heights that are measured once per width and change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from facilitator.ui.flow_layout import FlowLayout

pytestmark = pytest.mark.gui


@pytest.fixture
def row(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, spacing=8)
    buttons = [QPushButton(f"Knap {number}") for number in range(3)]
    for button in buttons:
        layout.addWidget(button)
    # The holder owns the buttons; the test keeps it alive through the layout's parent.
    layout.holder = holder
    return layout, buttons


def _one_row_width(buttons) -> int:
    return sum(button.sizeHint().width() for button in buttons) + 8 * (len(buttons) - 1)


def test_a_narrow_width_wraps_onto_more_rows(row):
    layout, buttons = row
    height = buttons[0].sizeHint().height()

    assert layout.heightForWidth(_one_row_width(buttons)) == height
    assert layout.heightForWidth(buttons[0].sizeHint().width()) == 3 * height + 2 * 8


def test_a_height_is_measured_once_per_width(row, monkeypatch):
    layout, buttons = row
    placed: list[bool] = []
    real = layout._place
    monkeypatch.setattr(layout, "_place", lambda rect, *, move: placed.append(move) or real(rect, move=move))

    for _ in range(5):
        layout.heightForWidth(_one_row_width(buttons))

    assert placed == [False]


def test_a_longer_label_is_measured_again(row):
    layout, buttons = row
    width = _one_row_width(buttons)
    assert layout.heightForWidth(width) == buttons[0].sizeHint().height()

    buttons[2].setText("En meget længere tekst på den sidste knap, der ikke kan være på rækken")

    assert layout.heightForWidth(width) > buttons[0].sizeHint().height()


def test_a_hidden_or_removed_widget_gives_its_row_back(row, qtbot):
    layout, buttons = row
    narrow = buttons[0].sizeHint().width()
    height = buttons[0].sizeHint().height()
    layout.parentWidget().show()
    assert layout.heightForWidth(narrow) == 3 * height + 2 * 8

    buttons[1].hide()
    assert layout.heightForWidth(narrow) == 2 * height + 8

    layout.removeWidget(buttons[2])
    assert layout.heightForWidth(narrow) == height
