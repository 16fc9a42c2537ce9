"""Fil → Teamarkiv: the team archive's submenu, greyed out and explained until an archive is connected.

Built at start-up from the settings alone: nothing here reaches the network or imports the
archive, the driver or SQLAlchemy. The commands live in `ui.archive_commands` and `ui.archive_dialogs`,
imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from facilitator.ui.archive_commands import archive_name

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow


class ArchiveMenu(QObject):
    """The submenu and its actions; `refresh()` enables what the connection and the open session allow."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.menu = QMenu(self.tr("&Teamarkiv"), window)
        self.menu.setToolTipsVisible(True)
        self.status_action = QAction(window)
        self.status_action.setEnabled(False)
        self.connect_action = self._action(self.tr("&Forbind …"), "connect_archive")
        self.push_action = self._action(self.tr("&Send denne session"), "push_open_session")
        self.push_all_action = self._action(self.tr("Send &alle sessioner"), "push_all_sessions")
        self.sessions_action = self._action(self.tr("Sess&ioner i arkivet …"), "show_archived_sessions")
        self.actions_action = self._action(self.tr("&Handlinger på tværs …"), "show_archived_actions")
        self.menu.addAction(self.status_action)
        self.menu.addAction(self.connect_action)
        self.menu.addSeparator()
        for action in (self.push_action, self.push_all_action, None, self.sessions_action, self.actions_action):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        # Read again each time the menu opens: the command line may have connected meanwhile.
        self.menu.aboutToShow.connect(self.refresh)
        self.refresh()

    @property
    def _window(self) -> MainWindow:
        # Asked of Qt each time, as `Menus` does: a reference kept here would hold a closed window.
        return self.parent()

    def _action(self, text: str, command: str) -> QAction:
        action = QAction(text, self.parent())
        action.triggered.connect(lambda _checked=False, command=command: self._run(command))
        return action

    def _run(self, command: str) -> None:
        # The dialogs and the commands are imported on first use, never at start-up.
        if command.startswith(("connect", "show")):
            from facilitator.ui import archive_dialogs as commands
        else:
            from facilitator.ui import archive_commands as commands
        getattr(commands, command)(self._window)

    def refresh(self) -> None:
        """Enable the archive's commands only with an archive connected (and a session open for *Send denne*)."""
        window = self._window
        url = window.settings.archive_url
        connected = bool(url)
        if connected:
            self.status_action.setText(self.tr("Forbundet: %1").replace("%1", archive_name(url)))
            why = ""
        else:
            self.status_action.setText(self.tr("Intet teamarkiv forbundet"))
            why = self.tr("Forbind først til teamarkivet: Fil → Teamarkiv → Forbind …")
        for action in (self.push_all_action, self.sessions_action, self.actions_action):
            action.setEnabled(connected)
            action.setToolTip(why or action.text().replace("&", ""))
        has_session = window.session_page is not None
        self.push_action.setEnabled(connected and has_session)
        if why:
            self.push_action.setToolTip(why)
        elif not has_session:
            self.push_action.setToolTip(self.tr("Åbn den session, der skal sendes."))
        else:
            self.push_action.setToolTip(self.push_action.text().replace("&", ""))


__all__ = ["ArchiveMenu"]
