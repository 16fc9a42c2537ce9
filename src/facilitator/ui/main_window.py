"""The main window: the start page or an open session, with menus and a status bar."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from facilitator import __version__
from facilitator.paths import AppPaths
from facilitator.store import Store
from facilitator.text import UserError
from facilitator.ui.session_page import SessionPage
from facilitator.ui.start_page import StartPage

_GEOMETRY_KEY = "window_geometry"
_ERROR_DISPLAY_MS = 12_000


class MainWindow(QMainWindow):
    """Switches between the start page and one open session."""

    session_opened = Signal(int)

    def __init__(self, store: Store, paths: AppPaths, language: str = "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.language = language
        self.session_page: SessionPage | None = None
        self.setWindowTitle(self.tr("Facilitator"))

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._start_page: StartPage | None = None

        self.status_message = QLabel()
        self.status_message.setObjectName("statusError")
        self.statusBar().addWidget(self.status_message, 1)
        self._build_menus()
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fil"))
        self.new_action = QAction(self.tr("&Ny session …"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.show_start_page)
        self.close_action = QAction(self.tr("&Luk session"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close_session)
        self.close_action.setEnabled(False)
        quit_action = QAction(self.tr("&Afslut"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Gå til"))
        self.next_action = QAction(self.tr("&Næste trin"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.next_action.triggered.connect(lambda: self.session_page and self.session_page.next_step())
        self.previous_action = QAction(self.tr("&Forrige trin"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+Left"))
        self.previous_action.triggered.connect(lambda: self.session_page and self.session_page.previous_step())
        for action in (self.next_action, self.previous_action):
            # The session page owns the shortcuts so text fields keep Ctrl+arrows for words;
            # the menu only lists them.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setEnabled(False)
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Hjælp"))
        about = QAction(self.tr("&Om Facilitator"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _restore_geometry(self) -> None:
        available = self.screen().availableGeometry()
        self.setMinimumSize(min(900, available.width()), min(560, available.height()))
        saved = self.store.get_state(_GEOMETRY_KEY)
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        # First start: a comfortable size that still fits a 13" laptop's screen.
        width = min(1280, int(available.width() * 0.95))
        height = min(800, int(available.height() * 0.92))
        self.resize(width, height)
        self.move(available.center().x() - width // 2, available.center().y() - height // 2)

    def show_error(self, message: str) -> None:
        """Show a problem in the status bar without interrupting the work."""
        self.status_message.setText(message)
        self.statusBar().setToolTip(message)

    def open_session(self, session_id: int) -> None:
        """Close what is open and open `session_id` at the step it was on."""
        self._close_session_page()
        try:
            page = SessionPage(self.store, session_id, self.language)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Sessionen kan ikke åbnes"), error.message(self.language))
            self.show_start_page()
            return
        page.error.connect(self.show_error)
        self.session_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.store.set_last_session_id(session_id)
        for action in (self.close_action, self.next_action, self.previous_action):
            action.setEnabled(True)
        self.setWindowTitle(self.tr("%1 – Facilitator").replace("%1", self.store.get_session(session_id).title))
        self.session_opened.emit(session_id)

    def _close_session_page(self) -> None:
        if self.session_page is None:
            return
        self.session_page.flush()
        self.pages.removeWidget(self.session_page)
        self.session_page.deleteLater()
        self.session_page = None
        for action in (self.close_action, self.next_action, self.previous_action):
            action.setEnabled(False)
        self.setWindowTitle(self.tr("Facilitator"))

    def close_session(self) -> None:
        """Back to the start page; the next start will not reopen this session."""
        self._close_session_page()
        self.store.set_last_session_id(None)
        self.show_start_page()

    @property
    def start_page(self) -> StartPage:
        """Built on first use: a start that reopens a session never needs it."""
        if self._start_page is None:
            self._start_page = StartPage(self.store, self.paths, self.language)
            self._start_page.session_chosen.connect(self.open_session)
            self._start_page.demo_requested.connect(self.create_demo)
            self.pages.insertWidget(0, self._start_page)
        return self._start_page

    def show_start_page(self) -> None:
        self.start_page.refresh()
        self.pages.setCurrentWidget(self.start_page)
        self.start_page.title_edit.setFocus()

    def create_demo(self) -> None:
        from facilitator.demo import create_demo_session

        try:
            session_id = create_demo_session(self.store)
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        self.open_session(session_id)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Om Facilitator"),
            self.tr(
                "<h3>Facilitator %1</h3><p>Fører facilitatoren gennem en partnerskabssession for bæredygtig "
                "omstilling, efter metoden i praksisvejledningen <i>Partnerskabsdannelse for bæredygtig "
                "omstilling</i>.</p><p>Alt gemmes lokalt og appen bruger aldrig netværket.</p>"
                "<p>Data: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.paths.data_dir)),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session_page is not None:
            self.session_page.flush()
        # The window layout is a convenience; never block closing for it.
        with contextlib.suppress(UserError):
            self.store.set_state(_GEOMETRY_KEY, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        super().closeEvent(event)
