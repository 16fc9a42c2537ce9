"""The main window's menus: every command the facilitator can give, its shortcut, and where it goes.

The commands themselves live beside the window: the session files in `ui.session_files`,
backups and deletion in `ui.data_operations`, the running day in `ui.day_operations`.
Dialogs are imported when first asked for, so none of them slows the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu, QMenuBar

from facilitator.ui import data_operations, day_operations, session_files

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.session_page import SessionPage


#: Keys that run the day from wherever the focus is, a text field included: none of them
#: edits text in any of Qt's fields. Not Ctrl+Alt+arrows: GNOME switches workspaces with
#: them and some Windows graphics drivers turn the screen (the projector!) upside down. Not
#: Ctrl+PgDown/PgUp: they change partner in the circles, the review and on the board. The
#: session page keeps Ctrl+Right/Left and Space where no text field wants them.
NEXT_STEP_KEY = "Alt+PgDown"
PREVIOUS_STEP_KEY = "Alt+PgUp"
TOGGLE_TIMER_KEY = "F9"


def everywhere(action: QAction) -> None:
    """Let `action`'s keys work in every window of the app (the projector's too).

    Qt still holds them back while a modal dialog is open.
    """
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)


class Menus(QObject):
    """Builds the window's menu bar and keeps its actions in step with what is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._session_actions: list[QAction] = []
        bar = window.menuBar()
        self._build_file_menu(bar, window)
        self._build_edit_menu(bar, window.undo_group)
        self._build_go_menu(bar)
        self._build_day_menu(bar, window)
        self._build_help_menu(bar, window)

    @property
    def window(self) -> MainWindow:
        # Asked of Qt each time: a reference kept here would hold a closed window in memory.
        return self.parent()

    def set_session_open(self, is_open: bool) -> None:
        """Enable the commands that need a session (or disable them when it closes)."""
        for action in (self.close_action, self.next_action, self.previous_action, *self._session_actions):
            action.setEnabled(is_open)
        self.archive.refresh()

    # Building ------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[..., object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _session_action(self, text: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
        """An action that only makes sense with a session open."""
        action = self._action(text, slot, shortcut)
        action.setEnabled(False)
        self._session_actions.append(action)
        return action

    def _on_page(self, call: Callable[[SessionPage], object]) -> Callable[[], None]:
        """A slot that acts on the open session page, and does nothing without one."""

        def slot() -> None:
            if self.window.session_page is not None:
                call(self.window.session_page)

        return slot

    @staticmethod
    def _fill(menu: QMenu, entries: list[QAction | None]) -> None:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)

    def _build_file_menu(self, bar: QMenuBar, window: MainWindow) -> None:
        self.new_action = self._action(self.tr("&Ny session …"), window.show_start_page, QKeySequence.StandardKey.New)
        self.close_action = self._action(self.tr("&Luk session"), window.close_session, QKeySequence.StandardKey.Close)
        self.close_action.setEnabled(False)
        self.settings_action = self._action(self.tr("Ind&stillinger …"), window.show_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        quit_action = self._action(self.tr("&Afslut"), window.close, QKeySequence.StandardKey.Quit)
        self.save_program_action = self._session_action(
            self.tr("&Gem dagen som program …"), lambda: day_operations.save_day_as_program(window)
        )
        self.export_action = self._session_action(self.tr("&Eksportér …"), self._export, "Ctrl+Shift+E")
        self.restore_action = self._action(
            self.tr("Gendan fra si&kkerhedskopi …"), lambda: data_operations.restore_from_backup(window)
        )
        self.export_file_action = self._session_action(
            self.tr("Eksportér sessions&fil …"), lambda: session_files.export_session_file(window)
        )
        self.import_file_action = self._action(
            self.tr("&Importér sessionsfil …"), lambda: session_files.import_session_file(window), "Ctrl+Shift+I"
        )
        self._build_followup_file_items(window)
        self._build_archive_items(window)
        self._fill(
            bar.addMenu(self.tr("&Fil")),
            [
                self.new_action,
                self.new_followup_action,
                self.export_action,
                self.export_file_action,
                self.import_file_action,
                self.save_program_action,
                self.programs_action,
                self.action_log_action,
                self.archive.menu.menuAction(),
                self.close_action,
                None,
                self.restore_action,
                None,
                self.settings_action,
                None,
                quit_action,
            ],
        )

    # Programs and follow-ups (issue 20) ------------------------------------------------

    def _build_followup_file_items(self, window: MainWindow) -> None:
        self.programs_action = self._action(self.tr("P&rogrammer …"), self._show_programs)
        self.new_followup_action = self._session_action(self.tr("Ny &opfølgning …"), self._new_followup)
        self.action_log_action = self._session_action(self.tr("&Handlingslog …"), self._show_action_log)

    def _new_followup(self) -> None:
        from facilitator.ui.followup_dialog import new_followup

        new_followup(self.window)

    def _show_action_log(self) -> None:
        from facilitator.ui.action_log_dialog import show_action_log

        show_action_log(self.window)

    def _show_programs(self) -> None:
        from facilitator.ui.programs_dialog import ProgramsDialog

        window = self.window
        dialog = ProgramsDialog(window.paths, window.language, window)
        dialog.program_saved.connect(lambda _path: window.refresh_start_page())
        dialog.exec()

    # The team archive (issue 21) --------------------------------------------------------

    def _build_archive_items(self, window: MainWindow) -> None:
        from facilitator.ui.archive_menu import ArchiveMenu

        self.archive = ArchiveMenu(window)

    def _build_edit_menu(self, bar: QMenuBar, undo_group: QUndoGroup) -> None:
        edit_menu = bar.addMenu(self.tr("&Rediger"))
        # Own actions rather than the group's, so typing still waiting to be saved is saved
        # (and recorded) before anything is undone.
        self.undo_action = self._action(
            self.tr("&Fortryd"), lambda: self._undo_redo(undo_group.undo), QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(self.tr("&Gentag"), lambda: self._undo_redo(undo_group.redo))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_group.undoTextChanged.connect(lambda text: _label_undo(self.undo_action, self.tr("&Fortryd"), text))
        undo_group.redoTextChanged.connect(lambda text: _label_undo(self.redo_action, self.tr("&Gentag"), text))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.history_menu = edit_menu.addMenu(self.tr("&Historik"))
        self.history_menu.aboutToShow.connect(self.fill_history)

    def _undo_redo(self, step: Callable[[], object]) -> None:
        self.window.flush()
        step()

    def fill_history(self) -> None:
        """The active workspace's undo history; choosing an entry goes back (or forward) to it."""
        self.history_menu.clear()
        stack = self.window.undo_group.activeStack()
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

    def _build_go_menu(self, bar: QMenuBar) -> None:
        go_menu = bar.addMenu(self.tr("&Gå til"))
        self.next_action = self._action(
            self.tr("&Næste trin"), self._on_page(lambda page: page.next_step()), NEXT_STEP_KEY
        )
        self.previous_action = self._action(
            self.tr("&Forrige trin"), self._on_page(lambda page: page.previous_step()), PREVIOUS_STEP_KEY
        )
        for action in (self.next_action, self.previous_action):
            everywhere(action)
            action.setEnabled(False)
            go_menu.addAction(action)

    def _build_day_menu(self, bar: QMenuBar, window: MainWindow) -> None:
        self.toggle_timer_action = self._session_action(
            self.tr("&Start/pause tiden"), self._on_page(lambda page: page.timer_bar.toggle()), TOGGLE_TIMER_KEY
        )
        everywhere(self.toggle_timer_action)
        self.plus_one_action = self._session_action(
            self.tr("+&1 minut"), self._on_page(lambda page: page.timer_bar.extend(1)), "Ctrl+1"
        )
        self.plus_five_action = self._session_action(
            self.tr("+&5 minutter"), self._on_page(lambda page: page.timer_bar.extend(5)), "Ctrl+5"
        )
        self.reset_timer_action = self._session_action(
            self.tr("&Nulstil trinnets tid"), self._on_page(lambda page: page.timer_bar.reset())
        )
        self.change_minutes_action = self._session_action(
            self.tr("Skift trinnets &varighed …"), self._on_page(day_operations.change_minutes)
        )
        self.skip_action = self._session_action(
            self.tr("Spring trinnet &over / tag med igen"), self._on_page(day_operations.toggle_skip)
        )
        self.projector_action = self._session_action(self.tr("&Projektorvisning"), window.toggle_projector, "F5")
        self.projector_action.setCheckable(True)
        self.guide_action = self._session_action(self.tr("Vejl&edning"), self._show_guide, "F2")
        self.guide_action.setCheckable(True)
        self.guide_action.setChecked(True)
        self.planning_action = self._session_action(
            self.tr("P&lanlægning og indbydelse …"), lambda: day_operations.show_planning(window)
        )
        self.values_action = self._session_action(
            self.tr("Vær&diformer …"), lambda: day_operations.show_value_forms(window), "Ctrl+Shift+V"
        )
        self.timer_settings_action = self._action(
            self.tr("&Timerindstillinger …"), lambda: day_operations.change_timer_settings(window)
        )
        self.day_menu = bar.addMenu(self.tr("&Dagen"))
        self._fill(
            self.day_menu,
            [
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
                self.timer_settings_action,
            ],
        )
        self._build_room_actions(self.day_menu, window)

    # The room (issue 19): partners write from their own devices ---------------------------

    def _build_room_actions(self, menu: QMenu, window: MainWindow) -> None:
        # Off until the facilitator opens it; never started by itself.
        self.open_room_action = self._session_action(self.tr("Åbn &rummet for partnerne"), window.open_room)
        self.close_room_action = self._action(self.tr("L&uk rummet"), window.close_room)
        self.close_room_action.setEnabled(False)
        self._fill(menu, [None, self.open_room_action, self.close_room_action])

    def set_room_open(self, is_open: bool) -> None:
        """Offer Luk rummet while the room is open, Åbn rummet while it is not (and a session is)."""
        self.close_room_action.setEnabled(is_open)
        self.open_room_action.setEnabled(not is_open and self.window.session_page is not None)

    def _show_guide(self, visible: bool) -> None:
        if self.window.session_page is not None:
            self.window.session_page.guide.setVisible(visible)

    def _build_help_menu(self, bar: QMenuBar, window: MainWindow) -> None:
        self.method_action = self._action(self.tr("&Metoden kort"), self._show_method)
        shortcuts = self._action(
            self.tr("&Tastaturgenveje"), self._show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.welcome_action = self._action(self.tr("&Velkomst og demosession …"), window.show_welcome)
        about = self._action(self.tr("&Om Facilitator"), window.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._fill(bar.addMenu(self.tr("&Hjælp")), [self.method_action, shortcuts, self.welcome_action, None, about])

    # Dialogs built on first use ---------------------------------------------------------

    def _export(self) -> None:
        from facilitator.ui.export_dialog import export_documents

        export_documents(self.window)

    def _show_method(self) -> None:
        from facilitator.ui.help import MethodDialog

        MethodDialog(self.window).exec()

    def _show_shortcuts(self) -> None:
        from facilitator.ui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.window).exec()


def _label_undo(action: QAction, verb: str, text: str) -> None:
    action.setText(f"{verb} {text}" if text else verb)


__all__ = ["NEXT_STEP_KEY", "PREVIOUS_STEP_KEY", "TOGGLE_TIMER_KEY", "Menus", "everywhere"]
