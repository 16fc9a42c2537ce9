"""Wires the app together: Qt application, style, store, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import __version__
from facilitator.paths import APP_NAME, AppPaths, resource_path
from facilitator.store import Store, StoreError
from facilitator.text import DEFAULT_LANGUAGE
from facilitator.timing import Clock
from facilitator.ui.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the app's name, style and translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """The calm, high-contrast look; the stylesheet lives in resources/styles."""
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    style_file = resource_path("styles", "app.qss")
    if style_file.is_file():
        app.setStyleSheet(style_file.read_text(encoding="utf-8"))


def install_translator(app: QApplication, language: str) -> None:
    """Load the UI translation for `language`; Danish is the source language and needs none."""
    QLocale.setDefault(QLocale(QLocale.Language.Danish if language == "da" else QLocale.Language.English))
    if language == DEFAULT_LANGUAGE:
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"facilitator_{language}.qm"))):
        app.installTranslator(translator)


def build_main_window(
    store: Store, paths: AppPaths, language: str = DEFAULT_LANGUAGE, clock: Clock | None = None
) -> MainWindow:
    """The main window, reopened on the session that was open last time."""
    window = MainWindow(store, paths, language, clock=clock)
    last = store.last_session_id()
    if last is not None:
        window.open_session(last)
    if window.session_page is None:
        window.show_start_page()
    return window


def run(paths: AppPaths, *, on_shown: Callable[[QApplication, MainWindow], None] | None = None) -> int:
    """Open the GUI and run until the user quits."""
    app = application()
    language = DEFAULT_LANGUAGE
    install_translator(app, language)
    try:
        paths.ensure()
        store = Store(paths.database)
    except (StoreError, OSError) as error:
        message = error.message(language) if isinstance(error, StoreError) else str(error)
        QMessageBox.critical(None, APP_NAME, message)
        return 2
    window = build_main_window(store, paths, language)
    window.show()
    if on_shown is not None:
        on_shown(app, window)
    try:
        return app.exec()
    finally:
        store.close()
