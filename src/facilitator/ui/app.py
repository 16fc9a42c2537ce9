"""Wires the app together: Qt application, style, store, main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator import __version__
from facilitator.paths import APP_NAME, AppPaths, resource_path
from facilitator.settings import Settings, load_settings
from facilitator.store import Store, StoreError
from facilitator.store.backup import Backups, read_contents
from facilitator.store.recovery import DamagedDatabase, recover_from_backup
from facilitator.text import DEFAULT_LANGUAGE
from facilitator.timing import Clock
from facilitator.ui.appearance import apply_appearance, install_translators
from facilitator.ui.data_dialogs import RecoveryDialog, local_time
from facilitator.ui.main_window import MainWindow
from facilitator.ui.single_instance import SingleInstance


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the app's name, icon and look."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    # Matches the Linux .desktop file, so the dock shows the app's icon and name.
    app.setDesktopFileName("facilitator")
    icon = resource_path("icons", "facilitator-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyle("Fusion")
    apply_style(app)
    return app


def apply_style(app: QApplication, settings: Settings | None = None) -> None:
    """The calm, high-contrast look in the chosen colours and text size (see ui.appearance)."""
    apply_appearance(app, settings or Settings())


def apply_settings(app: QApplication, settings: Settings) -> None:
    """Language, colours and text size, for the whole app."""
    install_translators(app, settings.language)
    apply_appearance(app, settings)


def build_main_window(
    store: Store,
    paths: AppPaths,
    language: str = DEFAULT_LANGUAGE,
    clock: Clock | None = None,
    *,
    settings: Settings | None = None,
) -> MainWindow:
    """The main window, reopened on the session that was open last time."""
    settings = settings or Settings(language=language)
    window = MainWindow(store, paths, settings.language, clock=clock, settings=settings)
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
    settings, settings_notice = load_settings(paths.settings_dir)
    apply_settings(app, settings)
    language = settings.language
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
    shell = Shell(app, store, paths, settings)
    instance.activation_requested.connect(lambda: bring_forward(shell.window))
    notices = [notice, settings_notice.get(language) if settings_notice else ""]
    if any(notices):
        shell.window.statusBar().showMessage(" ".join(n for n in notices if n))
    shell.window.show()
    shell.welcome_if_new()
    if on_shown is not None:
        on_shown(app, shell.window)
    try:
        return app.exec()
    finally:
        store.close()
        instance.release()


class Shell:
    """Holds the one main window, and builds it anew when the language changes."""

    def __init__(
        self, app: QApplication, store: Store, paths: AppPaths, settings: Settings, clock: Clock | None = None
    ) -> None:
        self.app = app
        self.store = store
        self.paths = paths
        self.clock = clock
        self.window = self._build(settings)
        # "Som systemet" follows the desktop when it switches between light and dark.
        app.styleHints().colorSchemeChanged.connect(self._system_colours_changed)

    def _system_colours_changed(self) -> None:
        if self.window.settings.theme == "system":
            apply_appearance(self.app, self.window.settings)

    def _build(self, settings: Settings) -> MainWindow:
        window = build_main_window(self.store, self.paths, clock=self.clock, settings=settings)
        window.relaunch_requested.connect(self.relaunch)
        return window

    def relaunch(self) -> None:
        """Close the window and open it again in the newly chosen language, on the same session."""
        old = self.window
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            if not old.close():
                return
            apply_settings(self.app, old.settings)
            self.window = self._build(old.settings)
            self.window.show()
            self.window.activateWindow()
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
        old.deleteLater()
        if old.welcome_again:
            QTimer.singleShot(0, self.window.show_welcome)
        else:
            self.welcome_if_new()

    def welcome_if_new(self) -> None:
        """On the very first start, say what the app does and offer the demo session.

        Someone who already has sessions (made with `facilitator demo`, or restored) has
        found their way; the welcome stays under Hjælp for them.
        """
        if not self.window.settings.welcomed and not self.store.list_sessions():
            QTimer.singleShot(0, self.window.show_welcome)


def bring_forward(window: QWidget) -> None:
    """Show the window on top, restored if it was minimised (a second start asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
