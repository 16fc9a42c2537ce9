"""Wires the app together: Qt application, style, store, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator import __version__
from facilitator.paths import APP_NAME, AppPaths, resource_path
from facilitator.store import Store, StoreError
from facilitator.store.backup import Backups, read_contents
from facilitator.store.recovery import DamagedDatabase, recover_from_backup
from facilitator.text import DEFAULT_LANGUAGE
from facilitator.timing import Clock
from facilitator.ui.data_dialogs import RecoveryDialog, local_time
from facilitator.ui.main_window import MainWindow
from facilitator.ui.single_instance import SingleInstance


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


def _ask(dialog: RecoveryDialog) -> str:
    dialog.exec()
    return dialog.choice


def open_store(
    paths: AppPaths, language: str = DEFAULT_LANGUAGE, *, ask: Callable[[RecoveryDialog], str] = _ask
) -> tuple[Store | None, str]:
    """The store, after asking what to do if the database is damaged; None if the user quits.

    Also returns a notice for the status bar (empty when all was well). A damaged file is
    only ever renamed aside, and only after the facilitator has chosen.
    """
    paths.ensure()
    try:
        return Store(paths.database), ""
    except DamagedDatabase as damaged:
        newest = Backups(paths.database).newest_readable()
        contents = read_contents(newest.path) if newest is not None else None
        choice = ask(RecoveryDialog(damaged.detail, newest, contents))
        if choice == RecoveryDialog.QUIT:
            return None, ""
        restored = newest if choice == RecoveryDialog.RESTORE else None
        aside = recover_from_backup(paths.database, restored)
        notice = QCoreApplication.translate("App", "Den beskadigede database er lagt til side som %1.").replace(
            "%1", aside.name
        )
        if restored is not None:
            notice += " " + QCoreApplication.translate("App", "Sikkerhedskopien fra %1 er gendannet.").replace(
                "%1", local_time(restored.made_at)
            )
        return Store(paths.database), notice


def run(paths: AppPaths, *, on_shown: Callable[[QApplication, MainWindow], None] | None = None) -> int:
    """Open the GUI and run until the user quits."""
    app = application()
    language = DEFAULT_LANGUAGE
    install_translator(app, language)
    instance = SingleInstance(paths.data_dir)
    try:
        owner = instance.acquire()
    except OSError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    if not owner:
        if instance.notify_running():
            return 0
        QMessageBox.warning(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "App",
                "Facilitator kører allerede med de samme data, men svarer ikke. "
                "Luk det andet vindue (eller vent et øjeblik) og prøv igen.",
            ),
        )
        return 2
    try:
        store, notice = open_store(paths, language)
    except (StoreError, OSError) as error:
        message = error.message(language) if isinstance(error, StoreError) else str(error)
        QMessageBox.critical(None, APP_NAME, message)
        instance.release()
        return 2
    if store is None:
        instance.release()
        return 0
    window = build_main_window(store, paths, language)
    instance.activation_requested.connect(lambda: bring_forward(window))
    if notice:
        window.statusBar().showMessage(notice)
    window.show()
    if on_shown is not None:
        on_shown(app, window)
    try:
        return app.exec()
    finally:
        store.close()
        instance.release()


def bring_forward(window: QWidget) -> None:
    """Show the window on top, restored if it was minimised (a second start asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
