"""The window on a facilitator's laptop: 1366x768 and 1280x720 (and projector mirroring),
Danish and English, at 100 % and 130 % text. Nothing is cut and nothing overlaps.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStyle, QStyleOptionButton, QWidget

from facilitator.settings import Settings
from facilitator.store import Store
from facilitator.ui.agenda import ITEM_PADDING, TITLE, AgendaView
from facilitator.ui.app import apply_style, build_main_window
from facilitator.ui.appearance import install_translators
from facilitator.ui.main_window import MainWindow
from facilitator.ui.timer_bar import TimerBar

SIZES = ((1366, 768), (1280, 720))
#: The timer runs here while the facilitator looks at other steps, as in the middle of a day.
LIVE = "introduktion-principper"
#: The board, a partner-by-partner review and a form: the workspaces with the widest rows.
LOOKED_AT = ("delsession-1-analyse", "delsession-1-gennemgang", "indledning-kontekst")


def _label(text: str) -> str:
    """A button's text as drawn: '&Tilføj' shows as 'Tilføj'."""
    return re.sub(r"&(.)", r"\1", text)


def elided_buttons(window: QWidget) -> list[str]:
    """Visible push buttons whose text is wider than the room inside their border and padding."""
    found = []
    for button in window.findChildren(QPushButton):
        if not button.isVisible() or not button.text():
            continue
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
        needed = button.fontMetrics().horizontalAdvance(_label(button.text()))
        if needed > room:
            found.append(f"{button.text()!r}: needs {needed} px, has {room}")
    return found


def timer_bar_problems(bar: TimerBar) -> list[str]:
    """Widgets of the timer strip that overlap, stick out of it, or have their text cut."""
    widgets: list[QWidget] = [bar.countdown, bar.status, bar.delay, *bar.findChildren(QPushButton)]
    shown = [widget for widget in widgets if widget.isVisible() and (not isinstance(widget, QLabel) or widget.text())]
    where = {widget: QRect(widget.mapTo(bar, QPoint(0, 0)), widget.size()) for widget in shown}

    def name(widget: QWidget) -> str:
        return widget.objectName() or widget.text()

    problems = [
        f"{name(first)} overlaps {name(second)}"
        for first, second in combinations(shown, 2)
        if where[first].intersects(where[second])
    ]
    problems += [
        f"{name(widget)} sticks out of the strip" for widget in shown if not bar.rect().contains(where[widget])
    ]
    for label in (bar.status, bar.delay):
        if label in where and label.height() < label.heightForWidth(label.width()):
            problems.append(f"{label.text()!r} is cut: {label.height()} px of {label.heightForWidth(label.width())}")
    if bar.countdown.width() < bar.countdown.fontMetrics().horizontalAdvance("−00:00"):
        problems.append("the countdown is cut")
    return problems


def cut_agenda_titles(agenda: AgendaView) -> list[str]:
    """Agenda rows too low for their title wrapped to the title column (drawn cut, with "…")."""
    width = agenda.header().sectionSize(TITLE) - ITEM_PADDING
    found = []
    for index in range(agenda.topLevelItemCount()):
        heading = agenda.topLevelItem(index)
        for row in (heading, *(heading.child(child) for child in range(heading.childCount()))):
            metrics = QFontMetrics(row.font(TITLE))
            text = row.text(TITLE)
            # Between words where each fits; a word wider than the column must break inside.
            fits = all(metrics.horizontalAdvance(word) <= width for word in text.split())
            wrap = Qt.TextFlag.TextWordWrap if fits else Qt.TextFlag.TextWrapAnywhere
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, text)
            height = agenda.visualItemRect(row).height()
            if height < needed.height():
                found.append(f"{text!r}: {height} px high, needs {needed.height()} at {width} px wide")
    return found


@pytest.fixture
def open_window(qtbot, qapp, paths, demo_id):
    """The main window on the demo, in a language and text size, with a step's time running."""

    windows: list[tuple[MainWindow, Store]] = []

    def open_in(language: str, text_scale: int) -> MainWindow:
        settings = Settings(language=language, text_scale=text_scale)
        install_translators(qapp, language)
        apply_style(qapp, settings)
        store = Store(paths.database)
        window = build_main_window(store, paths, settings=settings)
        qtbot.addWidget(window)
        windows.append((window, store))
        window.show()
        page = window.session_page
        assert page is not None
        page.day.start(LIVE)
        return window

    yield open_in
    for window, store in windows:
        window.close()
        store.close()


def _lay_out(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(3):
        # Wrapped labels and rows settle their heights over a few passes of the event loop.
        QApplication.processEvents()


@pytest.mark.parametrize("text_scale", [100, 130])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_window_fits_small_laptops_with_the_timer_running_elsewhere(open_window, language, text_scale):
    window = open_window(language, text_scale)
    page = window.session_page
    problems = []
    for step_id in LOOKED_AT:
        # Clicked in the agenda, as the facilitator does while another step's time runs.
        page.agenda.setCurrentItem(page.agenda._items[step_id])
        assert page.current_step_id == step_id
        assert page.timer_bar.show_live_button.isVisibleTo(page.timer_bar)
        for size in SIZES:
            _lay_out(window, size)
            assert window.size().toTuple() == size
            where = f"{language} {text_scale} % {size[0]}x{size[1]} {step_id}"
            minimum = window.minimumSizeHint()
            if minimum.width() > size[0] or minimum.height() > size[1]:
                problems.append(f"{where}: the window needs {minimum.width()}x{minimum.height()}")
            problems += [f"{where}: {problem}" for problem in elided_buttons(window)]
            problems += [f"{where}: {problem}" for problem in timer_bar_problems(page.timer_bar)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("language", "text_scale"), [("da", 100), ("en", 100), ("da", 130)])
def test_agenda_titles_wrap_instead_of_being_cut(open_window, language, text_scale):
    window = open_window(language, text_scale)
    agenda = window.session_page.agenda
    for size in ((1280, 800), *SIZES):
        _lay_out(window, size)
        assert not cut_agenda_titles(agenda), size
    # The day's first heading is long in both languages: it takes two lines, not "Indledning til …".
    first = agenda.topLevelItem(0)
    assert agenda.visualItemRect(first).height() >= 2 * QFontMetrics(first.font(TITLE)).lineSpacing()
    # Dragging the divider narrows the pane: the titles wrap anew.
    _lay_out(window, (1600, 1000))
    window.session_page.splitter.setSizes([300, 1000, 300])
    QApplication.processEvents()
    assert not cut_agenda_titles(agenda)
