"""The start screen: create a session from a program, or open a recent one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.paths import DEFAULT_PROGRAM_NAME, AppPaths, programs_dir
from facilitator.program import Program, ProgramError, load_program
from facilitator.store import SessionSummary
from facilitator.text import Text
from facilitator.ui import labels
from facilitator.ui.operations import Operations, in_label

if TYPE_CHECKING:
    from facilitator.store import Store

_SESSION_ID = Qt.ItemDataRole.UserRole


def available_programs(paths: AppPaths) -> list[Path]:
    """Program files shipped with the app (the method's full day first), then the facilitator's own."""
    # The full day stays the preselected choice, whatever the other programs are called.
    found = sorted(programs_dir().glob("*.toml"), key=lambda path: (path.name != DEFAULT_PROGRAM_NAME, path.name))
    if paths.user_programs_dir.is_dir():
        found += sorted(paths.user_programs_dir.glob("*.toml"))
    return found


class StartPage(QWidget):
    """Creates a new session or opens a stored one; emits the id to open."""

    session_chosen = Signal(int)
    demo_requested = Signal()
    delete_requested = Signal(int)
    import_requested = Signal()

    def __init__(
        self,
        store: Store,
        paths: AppPaths,
        language: str = "da",
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.language = language
        self._programs: dict[str, Program | ProgramError] = {}
        self.setObjectName("startPage")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 32)
        outer.setSpacing(18)
        title = QLabel(self.tr("Facilitator"))
        title.setObjectName("appTitle")
        tagline = QLabel(self.tr("Partnerskabsdannelse for bæredygtig omstilling – en hel dag, trin for trin."))
        tagline.setObjectName("tagline")
        outer.addWidget(title)
        outer.addWidget(tagline)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        outer.addLayout(columns, 1)

        # New session.
        new_card = QFrame()
        new_card.setObjectName("card")
        new_layout = QVBoxLayout(new_card)
        new_heading = labels.heading(self.tr("Ny partnerskabssession"), "cardHeading")
        new_layout.addWidget(new_heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName(self.tr("Program"))
        self.program_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Fx Kystpartnerskab Vesterhavsbugten"))
        self.title_edit.setAccessibleName(self.tr("Titel"))
        # The app's clock's today (a test's fake clock too), not the computer's own.
        day = today or dt.date.today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Dato"))
        self.start_edit = QTimeEdit(QTime(9, 0))
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName(self.tr("Starttidspunkt"))
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText(self.tr("Fx Hotel Nyborg Strand"))
        self.venue_edit.setAccessibleName(self.tr("Sted"))
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setAccessibleName(self.tr("Facilitator"))
        form.addRow(self.tr("&Program"), self.program_combo)
        form.addRow(self.tr("&Titel"), self.title_edit)
        form.addRow(self.tr("&Dato"), self.date_edit)
        form.addRow(self.tr("St&art"), self.start_edit)
        form.addRow(self.tr("&Sted"), self.venue_edit)
        form.addRow(self.tr("&Facilitator"), self.facilitator_edit)
        new_layout.addLayout(form)
        self.program_info = labels.hint()
        new_layout.addWidget(self.program_info)
        self.create_error = labels.error_label()
        new_layout.addWidget(self.create_error)
        self.operations = Operations(language, in_label(self.create_error))
        new_layout.addStretch(1)
        self.create_button = QPushButton(self.tr("&Opret session"))
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        new_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        columns.addWidget(new_card, 1)

        # Recent sessions.
        recent_card = QFrame()
        recent_card.setObjectName("card")
        recent_layout = QVBoxLayout(recent_card)
        recent_heading = labels.heading(self.tr("Seneste sessioner"), "cardHeading")
        recent_layout.addWidget(recent_heading)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Seneste sessioner"))
        recent_layout.addWidget(self.recent_list, 1)
        self.empty_hint = labels.hint(
            self.tr("Ingen sessioner endnu. Opret en ny, eller åbn demosessionen for at se, hvordan en dag forløber.")
        )
        recent_layout.addWidget(self.empty_hint)
        self.empty_spacer = QWidget()
        recent_layout.addWidget(self.empty_spacer, 1)
        recent_buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Opret &demosession"))
        self.open_button = QPushButton(self.tr("Å&bn"))
        self.delete_button = QPushButton(self.tr("S&let …"))
        self.delete_button.setToolTip(self.tr("Slet den valgte session for altid (Delete)"))
        self.import_button = QPushButton(self.tr("&Importér …"))
        self.import_button.setToolTip(self.tr("Indlæs en sessionsfil fra en anden facilitator (Ctrl+Shift+I)"))
        recent_buttons.addWidget(self.demo_button)
        recent_buttons.addWidget(self.import_button)
        recent_buttons.addStretch(1)
        recent_buttons.addWidget(self.delete_button)
        recent_buttons.addWidget(self.open_button)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.recent_list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        recent_layout.addLayout(recent_buttons)
        columns.addWidget(recent_card, 1)

        self.create_button.clicked.connect(self.create_session)
        self.title_edit.returnPressed.connect(self.create_session)
        self.open_button.clicked.connect(self.open_selected)
        self.recent_list.itemActivated.connect(lambda _item: self.open_selected())
        self.recent_list.currentRowChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        self.program_combo.currentIndexChanged.connect(self._show_program_info)
        self.demo_button.clicked.connect(self.demo_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.refresh()

    def refresh(self) -> None:
        """Reload the program choices and the list of sessions."""
        self.program_combo.blockSignals(True)
        self.program_combo.clear()
        self._programs = {str(path): self._load(path) for path in available_programs(self.paths)}
        for path, loaded in self._programs.items():
            label = loaded.title.get(self.language) if isinstance(loaded, Program) else Path(path).name
            self.program_combo.addItem(label, path)
        self.program_combo.blockSignals(False)
        self._show_program_info()
        self.recent_list.clear()
        sessions = self.store.list_sessions()
        self._fill_sessions(sessions)
        self.empty_hint.setVisible(not sessions)
        self.recent_list.setVisible(bool(sessions))
        self.empty_spacer.setVisible(not sessions)
        first = next(
            (row for row in range(self.recent_list.count()) if self.recent_list.item(row).data(_SESSION_ID)), -1
        )
        self.recent_list.setCurrentRow(first)
        self._selection_changed(self.recent_list.currentRow())

    def _fill_sessions(self, sessions: list[SessionSummary]) -> None:
        """Most recent first; a partnership's meetings together under its name, first meeting first."""
        # Before the engine has loaded (the first paint), the list shows ungrouped; the window
        # refreshes it once the store is open.
        loaded = getattr(self.store, "is_open", True)
        partnerships = {
            session_id: partnership
            for partnership in (self.store.partnerships() if loaded else [])
            for session_id in partnership.session_ids
        }
        by_id = {summary.id: summary for summary in sessions}
        shown: set[int] = set()
        for summary in sessions:
            partnership = partnerships.get(summary.id)
            if partnership is None:
                self.recent_list.addItem(self._session_item(summary))
                continue
            if partnership.id in shown:
                continue
            shown.add(partnership.id)
            self.recent_list.addItem(self._partnership_item(partnership.name, len(partnership.session_ids)))
            for session_id in partnership.session_ids:
                if session_id in by_id:
                    self.recent_list.addItem(self._session_item(by_id[session_id], indent=True))

    def _partnership_item(self, name: str, meetings: int) -> QListWidgetItem:
        label = self.tr("Partnerskab: %1").replace("%1", name)
        count = self.tr("%n møder", "", meetings)
        item = QListWidgetItem(f"{label}  ·  {count}")
        # A heading, not a session: it cannot be opened or deleted.
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _selection_changed(self, row: int) -> None:
        item = self.recent_list.item(row) if row >= 0 else None
        chosen = item is not None and item.data(_SESSION_ID) is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    @staticmethod
    def _load(path: Path) -> Program | ProgramError:
        try:
            return load_program(path)
        except ProgramError as error:
            return error

    def _session_item(self, summary: SessionSummary, *, indent: bool = False) -> QListWidgetItem:
        details = [summary.date.strftime("%d-%m-%Y") if summary.date else "", summary.venue]
        text = summary.title + "\n" + "  ·  ".join(detail for detail in details if detail)
        if indent:
            text = "\n".join(f"    {line}" for line in text.strip().splitlines())
        item = QListWidgetItem(text.strip() if not indent else text)
        item.setData(_SESSION_ID, summary.id)
        item.setToolTip(summary.title)
        return item

    def _show_program_info(self) -> None:
        path = self.program_combo.currentData()
        if not path:
            self.program_info.setText("")
            return
        program = self._programs[path]
        if isinstance(program, ProgramError):
            self.program_info.setText(program.message(self.language))
            return
        hours, minutes = divmod(program.minutes, 60)
        length = self.tr("%1 t %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
        parts = self.tr("%n dele", "", len(program.parts))
        description = program.description.get(self.language) if program.description else ""
        self.program_info.setText(f"{length} · {parts}\n{description}".strip())

    def create_session(self) -> None:
        """Create a session from the form and ask to open it."""
        path = self.program_combo.currentData()

        def create() -> int:
            program = self._programs.get(path) if path else None
            if program is None:
                raise ProgramError(Text("Der er ikke valgt noget program.", "No program is chosen."))
            if isinstance(program, ProgramError):
                raise program
            date = self.date_edit.date()
            return self.store.create_session(
                program,
                title=self.title_edit.text(),
                date=dt.date(date.year(), date.month(), date.day()),
                venue=self.venue_edit.text(),
                facilitator=self.facilitator_edit.text(),
                start_time=self.start_edit.time().toString("HH:mm"),
            )

        created = self.operations.run(create)
        if created.failed:
            self.title_edit.setFocus()
            return
        self.title_edit.clear()
        self.venue_edit.clear()
        self.session_chosen.emit(created.value)

    def open_selected(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and item.data(_SESSION_ID) is not None:
            self.session_chosen.emit(item.data(_SESSION_ID))

    def delete_selected(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and item.data(_SESSION_ID) is not None:
            self.delete_requested.emit(item.data(_SESSION_ID))
