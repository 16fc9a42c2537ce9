"""Wires the app together: Qt application, style, store, main window."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.paths import APP_NAME, AppPaths, resource_path
from facilitator.settings import Settings, load_settings
from facilitator.store import StoreError
from facilitator.store.backup import Backups, read_contents
from facilitator.store.deferred import DeferredStore
from facilitator.store.recovery import DamagedDatabase, recover_from_backup
from facilitator.text import DEFAULT_LANGUAGE
from facilitator.timing import Clock
from facilitator.ui.appearance import apply_appearance, install_translators
from facilitator.ui.main_window import MainWindow
from facilitator.ui.single_instance import SingleInstance
from facilitator.ui.workspaces import preload_modules

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.data_dialogs import RecoveryDialog


def application(argv: list[str] | None = None, settings: Settings | None = None) -> QApplication:
    """The QApplication, created once, with the app's name, icon and look (`settings`, else the defaults)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        if settings is not None:
            apply_style(existing, settings)
        return existing
    # Fusion through the command line rather than setStyle("Fusion"), which hands Python a
    # QStyle and so builds all of QStyle's enums (some 15 ms) before the first paint.
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # Matches the Linux .desktop file, so the dock shows the app's icon and name.
    app.setDesktopFileName("facilitator")
    icon = resource_path("icons", "facilitator-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app, settings)
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
) -> tuple[DeferredStore | None, str]:
    """The store, after asking what to do if the database is damaged; None if the user quits.

    Also returns a notice for the status bar (empty when all was well). A damaged file is
    only ever renamed aside, and only after the facilitator has chosen. The store's engine
    may still be loading (see `DeferredStore`): the app opens it after the first paint.
    """
    paths.ensure()
    try:
        return DeferredStore(paths.database), ""
    except DamagedDatabase as damaged:
        # Only a damaged file needs the dialog: it is not imported on a normal start.
        from facilitator.ui.data_dialogs import RecoveryDialog, local_time

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
        return DeferredStore(paths.database), notice


#: When the store is opened and the single-instance socket listens if no paint has come.
_OPEN_WITHOUT_PAINT_MS = 2000


class _FirstPaint(QObject):
    """Calls back once the window has first been painted, from the event loop, not inside the paint."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        # The window itself, not the application: a filter on the application would run
        # Python for every event of every widget while the first frame is built.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Posted, so the whole first frame is painted before the callback runs.
            QTimer.singleShot(0, self._callback)
        return False


class _Preloader(QObject):
    """Runs an import on a worker thread and says so on the GUI thread (a queued signal)."""

    done = Signal()

    def run(self, work: Callable[[], None]) -> None:
        try:
            work()
        finally:
            # Emitted even if the import failed: opening the store then says why, on the GUI thread.
            self.done.emit()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` once, right after `window` has first been painted."""
    _FirstPaint(window, callback)


def run(
    paths: AppPaths,
    *,
    on_shown: Callable[[QApplication, MainWindow], None] | None = None,
    on_ready: Callable[[QApplication, MainWindow], None] | None = None,
) -> int:
    """Open the GUI and run until the user quits.

    `on_shown` is called once the window is shown, `on_ready` once the store has loaded
    after the first paint and the step's workspace is built (the benchmarks use both).
    """
    settings, settings_notice = load_settings(paths.settings_dir)
    app = application(settings=settings)
    install_translators(app, settings.language)
    language = settings.language
    instance = SingleInstance(paths.data_dir)
    try:
        owner = instance.acquire(listen=False)
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

    def ready() -> None:
        # What the start built (Qt's wrappers, SQLAlchemy, the program, the window) lives as
        # long as the app. Frozen, it is left out of the collector's full passes, each of
        # which walked its hundred thousand objects and held the window for 60-110 ms (issue 22).
        gc.freeze()
        if on_ready is not None:
            on_ready(app, shell.window)

    painted: list[bool] = []

    def after_painted() -> None:
        if painted:
            return
        painted.append(True)
        instance.listen()
        shell.finish_opening(ready)

    after_first_paint(shell.window, after_painted)
    # A window that is never painted (started minimised, say) still answers and loads its store.
    QTimer.singleShot(_OPEN_WITHOUT_PAINT_MS, after_painted)
    shell.welcome_if_new()
    if on_shown is not None:
        on_shown(app, shell.window)
    try:
        return app.exec()
    finally:
        shell.closed = True
        # Work still on the worker thread (the window was closed by the system) reads no
        # store that is already closed. A window Qt has already deleted took its worker along.
        with contextlib.suppress(RuntimeError):
            shell.window.runner.wait_until_done(30_000)
        if shell.preload is not None:
            # An import cut off by the interpreter's exit would end in a traceback.
            shell.preload.join(timeout=10)
        store.close()
        # The export's process (if an export started one) ends with the app, not after it.
        # Looked up rather than imported: a day with no export never loads the export.
        exporting = sys.modules.get("facilitator.export.process")
        if exporting is not None:
            exporting.shutdown()
        instance.release()


class Shell:
    """Holds the one main window, and builds it anew when the language changes."""

    def __init__(
        self,
        app: QApplication,
        store: Store | DeferredStore,
        paths: AppPaths,
        settings: Settings,
        clock: Clock | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.paths = paths
        self.clock = clock
        #: The event loop has ended: a store still loading in the background is not opened.
        self.closed = False
        #: The thread importing the store's engine after the first paint, while it runs.
        self.preload: threading.Thread | None = None
        self.window = self._build(settings)
        # "Som systemet" follows the desktop when it switches between light and dark.
        app.styleHints().colorSchemeChanged.connect(self._system_colours_changed)

    def finish_opening(self, then: Callable[[], None] = lambda: None) -> None:
        """After the first paint: import the store's engine on a worker thread, open it here, then `then`.

        The window answers while SQLAlchemy loads; anything that needs the store sooner
        simply waits for the import (Python's import lock) and opens it itself.
        """
        store = self.store
        if not isinstance(store, DeferredStore) or store.is_open:
            self._store_loaded(then)
            self.preload = threading.Thread(target=preload_modules, name="workspace-preload", daemon=True)
            self.preload.start()
            return
        # Owned by the application, not the window: a window rebuilt in another language
        # meanwhile must still hear that the store is ready.
        loader = _Preloader(self.app)
        loader.done.connect(lambda: self._store_loaded(then))

        def load() -> None:
            loader.run(store.preload)
            # Then the steps' code, while the facilitator looks at the first one.
            preload_modules()

        self.preload = threading.Thread(target=load, name="store-preload", daemon=True)
        self.preload.start()

    def _store_loaded(self, then: Callable[[], None]) -> None:
        if self.closed:
            return
        store = self.store
        if isinstance(store, DeferredStore):
            try:
                store.open()
            except StoreError as error:
                QMessageBox.critical(self.window, APP_NAME, error.message(self.window.language))
                self.app.exit(2)
                return
        self.window.store_opened()
        then()

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
