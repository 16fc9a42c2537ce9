"""Window titles name the app once, as the window system shows them, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from facilitator.paths import APP_NAME
from facilitator.settings import Settings
from facilitator.store import Store
from facilitator.ui.app import build_main_window
from facilitator.ui.appearance import install_translators


def shown_title(window: QWidget) -> str:
    """The title bar's text: Qt adds " — <display name>" to a title that does not end with it."""
    title = window.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


@pytest.fixture
def app_named(qapp):
    """The display name the app gives itself at start (tests otherwise run under pytest's)."""
    before = qapp.applicationDisplayName()
    qapp.setApplicationDisplayName(APP_NAME)
    yield
    qapp.setApplicationDisplayName(before)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_main_window_and_the_projector_name_the_app_once(qtbot, qapp, paths, session_id, app_named, language):
    install_translators(qapp, language)
    store = Store(paths.database)
    try:
        window = build_main_window(store, paths, settings=Settings(language=language))
        qtbot.addWidget(window)
        window.show()
        window.toggle_projector()
        projector = window.projector
        assert projector is not None
        assert shown_title(projector) == ("Projektor – Facilitator" if language == "da" else "Projector – Facilitator")
        assert shown_title(window) == "Kystpartnerskab – Facilitator"
        window.close_projector()
        window.close()
    finally:
        store.close()
