"""The main window: the start page or an open session, with menus and a status bar."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from facilitator.paths import AppPaths
from facilitator.program import Part, Step
from facilitator.settings import Settings, save_settings
from facilitator.store import Store
from facilitator.text import UserError
from facilitator.timing import Clock
from facilitator.ui.appearance import apply_appearance
from facilitator.ui.dialogs import ShortcutsDialog, TimerSettingsDialog
from facilitator.ui.help import AboutDialog, MethodDialog, WelcomeDialog
from facilitator.ui.operations import BackgroundRunner
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.session_page import SessionPage
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.start_page import StartPage

_GEOMETRY_KEY = "window_geometry"
_ERROR_DISPLAY_MS = 12_000
_BACKUP_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    """Switches between the start page and one open session."""

    session_opened = Signal(int)
    #: The language changed: whoever owns the window builds it anew (see ui.app.Shell).
    relaunch_requested = Signal()

    def __init__(
        self,
        store: Store,
        paths: AppPaths,
        language: str = "da",
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.settings = settings if settings is not None else Settings(language=language)
        self.language = self.settings.language
        self.clock = clock
        self.session_page: SessionPage | None = None
        self.projector: ProjectorWindow | None = None
        #: Set while the welcome's language button rebuilds the window, so the new one welcomes.
        self.welcome_again = False
        self._session_actions: list[QAction] = []
        #: One undo history per workspace; the one on screen is active.
        self.undo_group = QUndoGroup(self)
        #: Slow work (the full report) off the GUI thread, one at a time, for the whole window.
        self.runner = BackgroundRunner(self.language, self)
        self.setWindowTitle(self.tr("Facilitator"))

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._start_page: StartPage | None = None

        self.status_message = QLabel()
        self.status_message.setObjectName("statusError")
        self.statusBar().addWidget(self.status_message, 1)
        self._build_menus()
        self._restore_geometry()
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._leave_projector_full_screen)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        # Ask once a minute; a backup is only made when something changed and the last is 10 minutes old.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(_BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.backup_timer.start()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fil"))
        self.new_action = QAction(self.tr("&Ny session …"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.show_start_page)
        self.close_action = QAction(self.tr("&Luk session"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close_session)
        self.close_action.setEnabled(False)
        self.settings_action = QAction(self.tr("Ind&stillinger …"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)
        quit_action = QAction(self.tr("&Afslut"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.save_program_action = self._session_action(self.tr("&Gem dagen som program …"), self.save_day_as_program)
        self.export_action = self._session_action(self.tr("&Eksportér …"), self.show_export, "Ctrl+Shift+E")
        self.restore_action = QAction(self.tr("Gendan fra si&kkerhedskopi …"), self)
        self.restore_action.triggered.connect(self.show_restore)
        self.export_file_action = self._session_action(self.tr("Eksportér sessions&fil …"), self.export_session_file)
        self.import_file_action = QAction(self.tr("&Importér sessionsfil …"), self)
        self.import_file_action.setShortcut("Ctrl+Shift+I")
        self.import_file_action.triggered.connect(self.import_session_file)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_file_action)
        file_menu.addAction(self.import_file_action)
        file_menu.addAction(self.save_program_action)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self._build_edit_menu()

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

        day_menu = self.menuBar().addMenu(self.tr("&Dagen"))
        self.toggle_timer_action = self._session_action(
            self.tr("&Start/pause tiden"), lambda: self.session_page and self.session_page.timer_bar.toggle()
        )
        self.toggle_timer_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        # Listed here, owned by the session page, so Space still types in text fields.
        self.toggle_timer_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.plus_one_action = self._session_action(
            self.tr("+&1 minut"), lambda: self.session_page and self.session_page.timer_bar.extend(1), "Ctrl+1"
        )
        self.plus_five_action = self._session_action(
            self.tr("+&5 minutter"), lambda: self.session_page and self.session_page.timer_bar.extend(5), "Ctrl+5"
        )
        self.reset_timer_action = self._session_action(
            self.tr("&Nulstil trinnets tid"), lambda: self.session_page and self.session_page.timer_bar.reset()
        )
        self.change_minutes_action = self._session_action(self.tr("Skift trinnets &varighed …"), self._change_minutes)
        self.skip_action = self._session_action(self.tr("Spring trinnet &over / tag med igen"), self._toggle_skip)
        self.projector_action = self._session_action(self.tr("&Projektorvisning"), self.toggle_projector, "F5")
        self.projector_action.setCheckable(True)
        self.guide_action = self._session_action(self.tr("Vejl&edning"), self._toggle_guide, "F2")
        self.guide_action.setCheckable(True)
        self.guide_action.setChecked(True)
        self.planning_action = self._session_action(self.tr("P&lanlægning og indbydelse …"), self.show_planning)
        self.values_action = self._session_action(self.tr("Vær&diformer …"), self.show_value_forms, "Ctrl+Shift+V")
        timer_settings = QAction(self.tr("&Timerindstillinger …"), self)
        timer_settings.triggered.connect(self.show_timer_settings)
        for entry in (
            self.toggle_timer_action,
            self.plus_one_action,
            self.plus_five_action,
            self.reset_timer_action,
            None,
            self.change_minutes_action,
            self.skip_action,
            None,
            self.projector_action,
            self.guide_action,
            self.values_action,
            None,
            self.planning_action,
            timer_settings,
        ):
            if entry is None:
                day_menu.addSeparator()
            else:
                day_menu.addAction(entry)

        help_menu = self.menuBar().addMenu(self.tr("&Hjælp"))
        self.method_action = QAction(self.tr("&Metoden kort"), self)
        self.method_action.triggered.connect(lambda: MethodDialog(self).exec())
        shortcuts = QAction(self.tr("&Tastaturgenveje"), self)
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(lambda: ShortcutsDialog(self).exec())
        self.welcome_action = QAction(self.tr("&Velkomst og demosession …"), self)
        self.welcome_action.triggered.connect(self.show_welcome)
        about = QAction(self.tr("&Om Facilitator"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        for action in (self.method_action, shortcuts, self.welcome_action):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(about)

    def _build_edit_menu(self) -> None:
        edit_menu = self.menuBar().addMenu(self.tr("&Rediger"))
        # Own actions rather than the group's, so typing still waiting to be saved is saved
        # (and recorded) before anything is undone.
        self.undo_action = QAction(self.tr("&Fortryd"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._undo_redo(self.undo_group.undo))
        self.redo_action = QAction(self.tr("&Gentag"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: self._undo_redo(self.undo_group.redo))
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(
            lambda text: self._label_undo(self.undo_action, self.tr("&Fortryd"), text)
        )
        self.undo_group.redoTextChanged.connect(
            lambda text: self._label_undo(self.redo_action, self.tr("&Gentag"), text)
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.history_menu = edit_menu.addMenu(self.tr("&Historik"))
        self.history_menu.aboutToShow.connect(self._fill_history)

    @staticmethod
    def _label_undo(action: QAction, verb: str, text: str) -> None:
        action.setText(f"{verb} {text}" if text else verb)

    def _undo_redo(self, step) -> None:
        if self.session_page is not None:
            self.session_page.flush()
        step()

    def _fill_history(self) -> None:
        """The active workspace's undo history; choosing an entry goes back (or forward) to it."""
        self.history_menu.clear()
        stack = self.undo_group.activeStack()
        if stack is None or stack.count() == 0:
            self.history_menu.addAction(self.tr("(intet at fortryde)")).setEnabled(False)
            return
        entries = [(0, self.tr("Som da trinnet blev åbnet"))]
        entries += [(index + 1, stack.text(index)) for index in range(stack.count())]
        for index, text in reversed(entries):
            action = self.history_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(index == stack.index())
            action.triggered.connect(lambda _checked=False, index=index: self._undo_redo(lambda: stack.setIndex(index)))

    def _activate_undo(self) -> None:
        workspace = self.session_page.current_workspace() if self.session_page else None
        stack = workspace.undo_stack if workspace is not None else None
        if stack is not None and stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)

    def show_value_forms(self) -> None:
        """Which value forms the partners' elements carry, for the whole day or one delsession."""
        if self.session_page is None:
            return
        from facilitator.ui.value_chart import ValueFormsDialog

        self.session_page.flush()
        dialog = ValueFormsDialog(self.store, self.session_page.session_id, self.language, self)
        dialog.panel.chart.topic_requested.connect(self.session_page.show_guidance)
        dialog.exec()

    def _session_action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        """An action that only makes sense with a session open."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setEnabled(False)
        self._session_actions.append(action)
        return action

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
            page = SessionPage(self.store, session_id, self.language, clock=self.clock, on_error=self.show_error)
            title = self.store.get_session(session_id).title
        except UserError as error:
            QMessageBox.warning(self, self.tr("Sessionen kan ikke åbnes"), error.message(self.language))
            self.show_start_page()
            return
        page.step_shown.connect(self._project_step)
        page.step_shown.connect(self._activate_undo)
        page.notice.connect(lambda message: self.statusBar().showMessage(message, _ERROR_DISPLAY_MS))
        page.projection_changed.connect(lambda html: self.projector and self.projector.set_content(html))
        self.session_page = page
        self._activate_undo()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        with contextlib.suppress(UserError):  # only a convenience for the next start
            self.store.set_last_session_id(session_id)
        for action in (self.close_action, self.next_action, self.previous_action, *self._session_actions):
            action.setEnabled(True)
        self.guide_action.setChecked(page.guide.isVisibleTo(page))
        self.setWindowTitle(self.tr("%1 – Facilitator").replace("%1", title))
        self.make_backup("open")
        self.session_opened.emit(session_id)

    def _close_session_page(self) -> None:
        if self.session_page is None:
            return
        self.close_projector()
        self.undo_group.setActiveStack(None)
        self.session_page.close_day()
        self.pages.removeWidget(self.session_page)
        self.session_page.deleteLater()
        self.session_page = None
        for action in (self.close_action, self.next_action, self.previous_action, *self._session_actions):
            action.setEnabled(False)
        self.setWindowTitle(self.tr("Facilitator"))

    def close_session(self) -> None:
        """Back to the start page; the next start will not reopen this session."""
        self._close_session_page()
        self.store.set_last_session_id(None)
        self.show_start_page()

    # Backups and deletion ----------------------------------------------------------

    def _now(self) -> dt.datetime:
        return self.clock.wall() if self.clock is not None else dt.datetime.now(dt.UTC)

    def make_backup(self, reason: str) -> None:
        """A backup now; a failure is reported in the status bar and never stops the work."""
        try:
            self.store.backups.make(reason, self._now())
        except UserError as error:
            self.show_error(error.message(self.language))

    def backup_if_due(self) -> None:
        """The regular backup while the database changes."""
        try:
            self.store.backups.make_if_due(self._now())
        except UserError as error:
            self.show_error(error.message(self.language))

    def show_restore(self) -> None:
        """Fil → Gendan fra sikkerhedskopi: pick a backup and put the whole database back to it."""
        from facilitator.ui.data_dialogs import RestoreDialog, local_time

        if self.session_page is not None:
            self.session_page.flush()
        dialog = RestoreDialog(self.store.backups, self.language, self)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        backup = dialog.chosen
        reopen = self.session_page.session_id if self.session_page is not None else None
        self._close_session_page()
        try:
            self.store.restore(backup, self._now())
        except UserError as error:
            QMessageBox.warning(self, self.tr("Sikkerhedskopien kan ikke gendannes"), error.message(self.language))
        else:
            self.statusBar().showMessage(
                self.tr("Databasen er gendannet fra sikkerhedskopien fra %1.").replace(
                    "%1", local_time(backup.made_at)
                ),
                _ERROR_DISPLAY_MS,
            )
        if self._start_page is not None:
            self._start_page.refresh()
        sessions = {summary.id for summary in self.store.list_sessions()}
        if reopen in sessions:
            self.open_session(reopen)
        else:
            self.show_start_page()

    def export_session_file(self) -> None:
        """Fil → Eksportér sessionsfil: the whole session in one file for a co-facilitator or the archive."""
        from facilitator.ui.session_files import export_session_file

        page = self.session_page
        if page is None:
            return
        page.flush()
        written = export_session_file(self, self.store, page.session_id, self.language)
        if written is not None:
            self.statusBar().showMessage(self.tr("Gemt: %1").replace("%1", str(written)), _ERROR_DISPLAY_MS)

    def import_session_file(self) -> None:
        """Fil → Importér sessionsfil: check the file whole, store it, and open it."""
        from facilitator.ui.session_files import import_session_file

        if self.session_page is not None:
            self.session_page.flush()

        def before_replace(session_id: int) -> None:
            if self.session_page is not None and self.session_page.session_id == session_id:
                self._close_session_page()
            self.make_backup("import")

        session_id = import_session_file(self, self.store, self.language, before_replace=before_replace)
        if session_id is None:
            if self.session_page is None:
                self.show_start_page()
            return
        self.open_session(session_id)
        self.statusBar().showMessage(
            self.tr("Sessionsfilen er indlæst: %1").replace("%1", self.store.get_session(session_id).title),
            _ERROR_DISPLAY_MS,
        )

    def delete_session(self, session_id: int) -> None:
        """Ask, then delete the session for good (and from the backups if the facilitator says so)."""
        from facilitator.ui.data_dialogs import DeleteSessionDialog

        try:
            title = self.store.get_session(session_id).title
            uid = self.store.session_uid(session_id)
            holding = self.store.backups.holding_session(session_id, uid)
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        dialog = DeleteSessionDialog(title, len(holding), self)
        if dialog.exec() != DeleteSessionDialog.DialogCode.Accepted:
            return
        if self.session_page is not None and self.session_page.session_id == session_id:
            self._close_session_page()
        try:
            self.store.delete_session(session_id)
            purged = self.store.backups.purge_session(session_id, uid) if dialog.purge else 0
        except UserError as error:
            self.show_error(error.message(self.language))
        else:
            message = self.tr("»%1« er slettet.").replace("%1", title)
            if purged:
                message += " " + self.tr("Også fjernet fra %n sikkerhedskopi(er).", "", purged)
            self.statusBar().showMessage(message, _ERROR_DISPLAY_MS)
        self.show_start_page()

    @property
    def start_page(self) -> StartPage:
        """Built on first use: a start that reopens a session never needs it."""
        if self._start_page is None:
            self._start_page = StartPage(self.store, self.paths, self.language)
            self._start_page.session_chosen.connect(self.open_session)
            self._start_page.demo_requested.connect(self.create_demo)
            self._start_page.delete_requested.connect(self.delete_session)
            self._start_page.import_requested.connect(self.import_session_file)
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
        AboutDialog(self.paths, self.store.backups.folder, self).exec()

    def show_welcome(self) -> None:
        """The first-run welcome; also under Hjælp, for whoever wants the demo later."""
        dialog = WelcomeDialog(self.language, self)
        dialog.exec()
        if dialog.choice == WelcomeDialog.ENGLISH:
            # The rebuilt window shows the welcome again, now in the other language.
            self.welcome_again = True
            self.change_settings(self.settings.changed(language="en" if self.language == "da" else "da"))
            self.welcome_again = False
            return
        self.change_settings(self.settings.changed(welcomed=True))
        if dialog.choice == WelcomeDialog.DEMO:
            self.create_demo()

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.change_settings(dialog.settings())

    def change_settings(self, settings: Settings) -> None:
        """Use and remember new settings; a new language rebuilds the window."""
        previous, self.settings = self.settings, settings
        self._save_settings(settings)
        app = QApplication.instance()
        if isinstance(app, QApplication) and (settings.theme, settings.text_scale) != (
            previous.theme,
            previous.text_scale,
        ):
            apply_appearance(app, settings)
        if self.projector is not None:
            self.projector.set_text_scale(settings.projector_scale)
        if settings.language == previous.language:
            return
        self.relaunch_requested.emit()
        if self.isVisible():
            # The window was kept open (the facilitator chose not to lose unsaved text), so the
            # old language stays too, in the window and in the file alike.
            self.settings = settings.changed(language=previous.language)
            self._save_settings(self.settings)
            self.show_error(
                self.tr(
                    "Sproget er ikke skiftet, fordi ikke alt er gemt. Prøv igen, når statuslinjen "
                    "ikke længere melder om en fejl."
                )
            )

    def _save_settings(self, settings: Settings) -> None:
        try:
            save_settings(self.paths.settings_dir, settings)
        except UserError as error:
            self.show_error(error.message(self.language))

    # The running day ---------------------------------------------------------------

    def _change_minutes(self) -> None:
        if self.session_page is not None and self.session_page.current_step_id:
            self.session_page.agenda.ask_minutes(self.session_page.current_step_id)

    def _toggle_skip(self) -> None:
        page = self.session_page
        if page is not None and page.current_step_id:
            page.day.set_skipped(page.current_step_id, not page.day.is_skipped(page.current_step_id))

    def _toggle_guide(self, visible: bool) -> None:
        if self.session_page is not None:
            self.session_page.guide.setVisible(visible)

    def toggle_projector(self) -> None:
        """F5: open the projector view for the room, or close it."""
        if self.projector is not None:
            self.close_projector()
            return
        page = self.session_page
        if page is None:
            return
        self.projector = ProjectorWindow(page.day, text_scale=self.settings.projector_scale)
        self.projector.closed.connect(self._projector_closed)
        self.projector.toggle_requested.connect(self.close_projector)
        current = page.current_step()
        if current is not None:
            self.projector.show_step(*current, page.projection(), page.projection_widget(self.projector))
        self.projector.present(self)
        self.projector_action.setChecked(True)
        # The facilitator keeps the keyboard: focus stays in the console.
        self.activateWindow()

    def _project_step(self, part: Part | None, step: Step) -> None:
        if self.projector is not None and self.session_page is not None:
            self.projector.show_step(
                part, step, self.session_page.projection(), self.session_page.projection_widget(self.projector)
            )

    def close_projector(self) -> None:
        if self.projector is not None:
            projector, self.projector = self.projector, None
            projector.close()  # deletes itself
        self.projector_action.setChecked(False)

    def _leave_projector_full_screen(self) -> None:
        """Esc in the console: the projector leaves full screen (the facilitator keeps focus here)."""
        if self.projector is not None:
            self.projector.leave_full_screen()

    def _projector_closed(self) -> None:
        self.projector = None
        self.projector_action.setChecked(False)

    def show_planning(self) -> None:
        from facilitator.guidance import load_guidance
        from facilitator.ui.planning import PlanningDialog

        if self.session_page is None:
            return
        try:
            guidance = load_guidance()
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        PlanningDialog(self.session_page.day, guidance, self).exec()

    def show_export(self) -> None:
        """Fil → Eksportér: the next-steps sheets, the report, templates, invitation, CSV, calendar."""
        from facilitator.ui.export_dialog import ExportDialog

        page = self.session_page
        if page is None:
            return
        # Exports show what is on screen, including words typed a moment ago.
        page.flush()
        dialog = ExportDialog(self.store, page.session_id, self.language, self, runner=self.runner)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.written:
            self.statusBar().showMessage(dialog.summary(), 10_000)

    def show_timer_settings(self) -> None:
        from facilitator.timing import TimerSettings

        page = self.session_page
        try:
            current = TimerSettings.from_state(self.store.get_state)
        except UserError as error:
            self.show_error(error.message(self.language))
            current = TimerSettings()
        dialog = TimerSettingsDialog(current, self)
        if dialog.exec() != TimerSettingsDialog.DialogCode.Accepted:
            return
        settings = dialog.settings()
        try:
            for key, value in settings.to_state().items():
                self.store.set_state(key, value)
        except UserError as error:
            self.show_error(error.message(self.language))
        if page is not None:
            page.day.settings = settings
            page.day.refresh()

    def save_day_as_program(self) -> None:
        """Write today's adapted program as a new program file for later sessions."""
        from facilitator.program.writer import save_program_file
        from facilitator.timing import planned_program

        page = self.session_page
        if page is None:
            return
        program = page.context.program
        suggestion = self.tr("%1 (tilpasset)").replace("%1", program.title.get(self.language))
        title, accepted = QInputDialog.getText(
            self, self.tr("Gem dagen som program"), self.tr("Navn på det nye program:"), text=suggestion
        )
        if not accepted:
            return
        try:
            session = self.store.get_session(page.session_id)
            path = save_program_file(
                planned_program(program, page.day.plan),
                self.paths.user_programs_dir,
                title,
                f"Gemt fra sessionen »{session.title}« med facilitatorens tilpasninger.",
            )
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        self.statusBar().showMessage(self.tr("Programmet er gemt: %1").replace("%1", str(path)), 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        page = self.session_page
        if page is not None:
            page.flush()
            page.day.refresh()  # one more try for anything a full disk held back
            unsaved = page.day.unsaved_events + page.guide.unsaved_notes + page.unsaved_count()
            if unsaved:
                answer = QMessageBox.warning(
                    self,
                    self.tr("Ikke alt er gemt"),
                    self.tr(
                        "%n ændring(er) kunne ikke gemmes (se statuslinjen). Lukker du nu, går de tabt. Luk alligevel?",
                        "",
                        unsaved,
                    ),
                    QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel,
                )
                if answer != QMessageBox.StandardButton.Close:
                    event.ignore()
                    return
        self.close_projector()
        if page is not None:
            page.close_day()
        # The window layout is a convenience; never block closing for it.
        with contextlib.suppress(UserError):
            self.store.set_state(_GEOMETRY_KEY, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        super().closeEvent(event)
