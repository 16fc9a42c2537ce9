"""The main window: the start page or an open session, with menus and a status bar.

It wires the parts together and holds what they share: the store, the language, the open
session and the two ways to run an operation (`operations` now, `runner` in the
background). The menus are `ui.menus`; the commands live beside it in `ui.session_files`,
`ui.data_operations`, `ui.day_operations` and `ui.export_dialog`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from facilitator.paths import AppPaths
from facilitator.program import Part, Step
from facilitator.settings import Settings, save_settings
from facilitator.text import UserError
from facilitator.timing import Clock
from facilitator.ui import data_operations, session_files
from facilitator.ui.appearance import apply_appearance
from facilitator.ui.menus import Menus
from facilitator.ui.operations import BackgroundRunner, Operations, Reporter, message_box
from facilitator.ui.session_page import SessionPage

if TYPE_CHECKING:
    from facilitator.store import Store
    from facilitator.ui.projector import ProjectorWindow
    from facilitator.ui.room_control import RoomControl
    from facilitator.ui.start_page import StartPage

_GEOMETRY_KEY = "window_geometry"
_ERROR_DISPLAY_MS = 12_000
_BACKUP_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    """Switches between the start page and one open session."""

    session_opened = Signal(int)
    #: The language changed: whoever owns the window builds it anew (see ui.app.Shell).
    relaunch_requested = Signal()

    # The menu commands reached by name from outside (tests drive the window as a user would);
    # they are built and owned by `self.menus`.
    close_action = property(lambda self: self.menus.close_action)
    settings_action = property(lambda self: self.menus.settings_action)
    export_action = property(lambda self: self.menus.export_action)
    export_file_action = property(lambda self: self.menus.export_file_action)
    import_file_action = property(lambda self: self.menus.import_file_action)
    restore_action = property(lambda self: self.menus.restore_action)
    save_program_action = property(lambda self: self.menus.save_program_action)
    undo_action = property(lambda self: self.menus.undo_action)
    redo_action = property(lambda self: self.menus.redo_action)
    history_menu = property(lambda self: self.menus.history_menu)
    next_action = property(lambda self: self.menus.next_action)
    plus_one_action = property(lambda self: self.menus.plus_one_action)
    change_minutes_action = property(lambda self: self.menus.change_minutes_action)
    skip_action = property(lambda self: self.menus.skip_action)
    projector_action = property(lambda self: self.menus.projector_action)
    welcome_action = property(lambda self: self.menus.welcome_action)
    open_room_action = property(lambda self: self.menus.open_room_action)
    close_room_action = property(lambda self: self.menus.close_room_action)

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
        #: The backup made when a session opens waits for a store still loading at start-up.
        self._backup_when_open = False
        self.projector: ProjectorWindow | None = None
        #: The room for partners' devices, built the first time it is opened (Dagen → Åbn rummet).
        self._room: RoomControl | None = None
        #: Set while the welcome's language button rebuilds the window, so the new one welcomes.
        self.welcome_again = False
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
        self.menus = Menus(self)
        self._restore_geometry()
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._leave_projector_full_screen)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        # Ask once a minute; a backup is only made when something changed and the last is 10 minutes old.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(_BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.backup_timer.start()

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

    # What the parts share ----------------------------------------------------------

    @property
    def operations(self) -> Operations:
        """Runs a command now; its failure goes to the status bar unless it asks for a message box."""
        # Made on demand: kept in an attribute, it would tie the window to itself in a cycle.
        return Operations(self.language, Reporter(self.show_error))

    def show_error(self, message: str) -> None:
        """Show a problem in the status bar without interrupting the work."""
        self.status_message.setText(message)
        self.statusBar().setToolTip(message)

    def show_notice(self, message: str, timeout_ms: int = _ERROR_DISPLAY_MS) -> None:
        """A passing word in the status bar: what was saved, restored or deleted."""
        self.statusBar().showMessage(message, timeout_ms)

    def flush(self) -> None:
        """Save what is still being typed in the open session."""
        if self.session_page is not None:
            self.session_page.flush()

    def now(self) -> dt.datetime:
        return self.clock.wall() if self.clock is not None else dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today's date on the window's clock, in the laptop's time zone."""
        return self.now().astimezone().date()

    # The start page and the open session ---------------------------------------------

    @property
    def start_page(self) -> StartPage:
        """Built on first use: a start that reopens a session never needs it."""
        if self._start_page is None:
            from facilitator.ui.start_page import StartPage

            self._start_page = StartPage(self.store, self.paths, self.language, today=self.today())
            self._start_page.session_chosen.connect(self.open_session)
            self._start_page.demo_requested.connect(self.create_demo)
            self._start_page.delete_requested.connect(
                lambda session_id: data_operations.delete_session(self, session_id)
            )
            self._start_page.import_requested.connect(lambda: session_files.import_session_file(self))
            self.pages.insertWidget(0, self._start_page)
        return self._start_page

    def show_start_page(self) -> None:
        self.start_page.refresh()
        self.pages.setCurrentWidget(self.start_page)
        self.start_page.title_edit.setFocus()

    def refresh_start_page(self) -> None:
        """Re-read the sessions on the start page, if it has been built."""
        if self._start_page is not None:
            self._start_page.refresh()

    def open_session(self, session_id: int) -> None:
        """Close what is open and open `session_id` at the step it was on."""
        self.close_session_page()

        def build() -> tuple[SessionPage, str]:
            # Born inside the window: reparenting a built page would re-apply the style sheet to all of it.
            page = SessionPage(
                self.store,
                session_id,
                self.language,
                clock=self.clock,
                on_error=self.show_error,
                parent=self.pages,
                runner=self.runner,
            )
            return page, self.store.get_session(session_id).title

        opened = self.operations.run(build, report=message_box(self, self.tr("Sessionen kan ikke åbnes")))
        if opened.failed:
            self.show_start_page()
            return
        page, title = opened.value
        page.step_shown.connect(self._project_step)
        page.step_shown.connect(self._activate_undo)
        page.notice.connect(self.show_notice)
        page.projection_changed.connect(lambda html: self.projector and self.projector.set_content(html))
        # What the window changes, the partners' pages show: the step, the timers, any edit.
        for changed in (page.step_shown, page.projection_changed, page.day.timers_changed, page.day.plan_changed):
            changed.connect(self._notify_room)
        self.session_page = page
        self._activate_undo()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        with contextlib.suppress(UserError):  # only a convenience for the next start
            if self.store.last_session_id() != session_id:
                self.store.set_last_session_id(session_id)
        self.menus.set_session_open(True)
        self.menus.guide_action.setChecked(page.guide.isVisibleTo(page))
        self.setWindowTitle(self.tr("%1 – Facilitator").replace("%1", title))
        if self.store.is_open:
            self.make_backup("open")
        else:
            self._backup_when_open = True
        self.session_opened.emit(session_id)

    def store_opened(self) -> None:
        """The store's engine has loaded after start-up: do what waited for it."""
        if self._backup_when_open:
            self._backup_when_open = False
            self.make_backup("open")
        if self.session_page is not None:
            self.session_page.store_opened()
        # The start page groups sessions by partnership only with the store open.
        self.refresh_start_page()

    def close_session_page(self) -> None:
        """Close the open session's page (the session stays the one to reopen)."""
        if self.session_page is None:
            return
        self.close_room()
        self.close_projector()
        self.undo_group.setActiveStack(None)
        self.session_page.close_day()
        self.pages.removeWidget(self.session_page)
        self.session_page.deleteLater()
        self.session_page = None
        self.menus.set_session_open(False)
        self.setWindowTitle(self.tr("Facilitator"))

    def close_session(self) -> None:
        """Back to the start page; the next start will not reopen this session."""
        self.close_session_page()
        self.store.set_last_session_id(None)
        self.show_start_page()

    def _activate_undo(self) -> None:
        workspace = self.session_page.current_workspace() if self.session_page else None
        stack = workspace.undo_stack if workspace is not None else None
        if stack is not None and stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)

    def create_demo(self) -> None:
        """The demo day and its follow-up two months later, as `facilitator demo` makes them; opens the day."""
        from facilitator.demo import create_demo_followup, create_demo_session

        def create() -> int:
            session_id = create_demo_session(self.store)
            create_demo_followup(self.store, session_id)
            return session_id

        created = self.operations.run(create)
        if created.ok:
            self.open_session(created.value)

    # Backups ------------------------------------------------------------------------

    def make_backup(self, reason: str) -> None:
        """A backup now; a failure is reported in the status bar and never stops the work."""
        self.operations.run(lambda: self.store.backups.make(reason, self.now()))

    def backup_if_due(self) -> None:
        """The regular backup while the database changes."""
        self.operations.run(lambda: self.store.backups.make_if_due(self.now()))

    # Help and settings --------------------------------------------------------------

    def show_about(self) -> None:
        from facilitator.ui.help import AboutDialog

        AboutDialog(self.paths, self.store.backups.folder, self).exec()

    def show_welcome(self) -> None:
        """The first-run welcome; also under Hjælp, for whoever wants the demo later."""
        from facilitator.ui.help import WelcomeDialog

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
        from facilitator.ui.settings_dialog import SettingsDialog

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
        if self.runner.refuse_while_busy(Reporter(self.show_error)):
            # The window is rebuilt for a new language; it waits for the work to end first.
            self.settings = settings.changed(language=previous.language)
            self._save_settings(self.settings)
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
        self.operations.run(lambda: save_settings(self.paths.settings_dir, settings))

    # The projector ------------------------------------------------------------------

    def toggle_projector(self) -> None:
        """F5: open the projector view for the room, or close it."""
        if self.projector is not None:
            self.close_projector()
            return
        page = self.session_page
        if page is None:
            return
        from facilitator.ui.projector import ProjectorWindow

        self.projector = ProjectorWindow(page.day, text_scale=self.settings.projector_scale)
        self.projector.closed.connect(self._projector_closed)
        self.projector.toggle_requested.connect(self.close_projector)
        current = page.current_step()
        if current is not None:
            self.projector.show_step(*current, page.projection(), page.projection_widget(self.projector))
        if self._room is not None:
            self._room.show_on_projector()
        self.projector.present(self)
        self.menus.projector_action.setChecked(True)
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
        self.menus.projector_action.setChecked(False)

    def _leave_projector_full_screen(self) -> None:
        """Esc in the console: the projector leaves full screen (the facilitator keeps focus here)."""
        if self.projector is not None:
            self.projector.leave_full_screen()

    def _projector_closed(self) -> None:
        self.projector = None
        self.menus.projector_action.setChecked(False)

    # The room ---------------------------------------------------------------------------

    @property
    def room_control(self) -> RoomControl:
        """The room for partners' devices; built on first use, so the start loads no network code."""
        if self._room is None:
            from facilitator.ui.room_control import RoomControl

            self._room = RoomControl(self)
            self._room.open_changed.connect(self.menus.set_room_open)
            self.undo_group.indexChanged.connect(self._notify_room)
        return self._room

    def open_room(self) -> None:
        """Dagen → Åbn rummet for partnerne."""
        self.room_control.open_room()

    def close_room(self) -> None:
        """Stop the room's server, if it runs (the session or the app is closing, or the facilitator said so)."""
        if self._room is not None:
            self._room.close_room()

    def _notify_room(self, *_args: object) -> None:
        if self._room is not None:
            self._room.notify_changed()

    # Closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Work on the worker thread (a report, an import) would end with nobody to hear it.
        if self.runner.refuse_while_busy(message_box(self, self.tr("Vent et øjeblik"))):
            event.ignore()
            return
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
        self.close_room()
        self.close_projector()
        if page is not None:
            page.close_day()
        # The window layout is a convenience; never block closing for it.
        with contextlib.suppress(UserError):
            self.store.set_state(_GEOMETRY_KEY, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        super().closeEvent(event)
