"""Before the day: the guide's planning checklist and the invitation text."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.guidance import Guidance
from facilitator.invitation import InvitationDetails, invitation_text
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.day import DayController
from facilitator.ui.operations import Reporter


class PlanningDialog(QDialog):
    """Tick off TID, STED, MATERIALER and FORPLEJNING, and copy the invitation."""

    def __init__(self, day: DayController, guidance: Guidance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Planlægning og indbydelse"))
        self.resize(760, 620)
        self.day = day
        self.context = day.context
        self.operations = self.context.operations()
        self.guidance = guidance
        self.checks: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        self._dirty_notes: set[str] = set()
        self._notes_save = DebouncedSave(self._save_notes, self)

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._checklist_tab(), self.tr("Tjekliste"))
        self.tabs.addTab(self._invitation_tab(), self.tr("Indbydelse"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _checklist_tab(self) -> QWidget:
        language = self.context.language
        stored = self.operations.run(lambda: self.context.store.checklist(self.context.session_id)).value_or({})
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Værtskab begynder i planlægningen. Sæt flueben, efterhånden som det er på plads, "
                "og skriv en note, hvor det hjælper."
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        column.addWidget(intro)
        for group in self.guidance.planning:
            box = QGroupBox(group.title.get(language))
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
            for row, item in enumerate(group.items):
                entry = stored.get(item.id)
                check = QCheckBox(item.text.get(language))
                check.setChecked(bool(entry and entry.done))
                check.setStyleSheet("QCheckBox { spacing: 8px; }")
                check.toggled.connect(partial(self._tick, item.id))
                note = QLineEdit(entry.note if entry else "")
                note.setPlaceholderText(self.tr("Note …"))
                note.setAccessibleName(self.tr("Note: %1").replace("%1", item.text.get(language)))
                note.textEdited.connect(partial(self._note_edited, item.id))
                grid.addWidget(check, row, 0)
                grid.addWidget(note, row, 1)
                self.checks[item.id] = check
                self.notes[item.id] = note
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _invitation_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        hint = QLabel(
            self.tr(
                "Indbydelsen bygges ud fra sessionens tid, sted og program, og beder partnerne forberede "
                "ressourcer, beslutningsmandat og dokumentation. Kopiér den til din e-mail."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.invitation = QPlainTextEdit()
        self.invitation.setReadOnly(True)
        self.invitation.setAccessibleName(self.tr("Indbydelse"))
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = QPushButton(self.tr("Kopiér indbydelsen"))
        self.copy_button.setObjectName("primary")
        self.copy_button.clicked.connect(self.copy_invitation)
        row.addWidget(self.copy_button)
        column.addWidget(hint)
        column.addWidget(self.invitation, 1)
        column.addLayout(row)
        self.refresh_invitation()
        return page

    def refresh_invitation(self) -> None:
        store, session_id = self.context.store, self.context.session_id
        read = self.operations.run(
            lambda: (store.get_session(session_id), [partner.display_name for partner in store.partners(session_id)]),
            # Why there is no invitation, where the invitation would be.
            report=Reporter(self.invitation.setPlainText),
        )
        if read.failed:
            return
        session, partners = read.value
        details = InvitationDetails(session.title, session.date, session.venue, session.facilitator, partners)
        text = invitation_text(details, self.day.schedule, self.guidance.invitation, self.context.language)
        self.invitation.setPlainText(text)

    def copy_invitation(self) -> None:
        QGuiApplication.clipboard().setText(self.invitation.toPlainText())
        self.copy_button.setText(self.tr("Kopieret ✓"))

    def _tick(self, item_id: str, done: bool) -> None:
        self.operations.run(lambda: self.context.store.set_checklist_item(self.context.session_id, item_id, done=done))

    def _note_edited(self, item_id: str, _text: str) -> None:
        self._dirty_notes.add(item_id)
        self._notes_save.schedule()

    def _save_notes(self) -> None:
        store, session_id = self.context.store, self.context.session_id
        for item_id in sorted(self._dirty_notes):
            note = self.notes[item_id].text()
            if self.operations.run(partial(store.set_checklist_item, session_id, item_id, note=note)).failed:
                self._notes_save.retry_later()
                return
            self._dirty_notes.discard(item_id)

    def done(self, result: int) -> None:
        self._notes_save.flush()
        if self._dirty_notes:
            # A note that could not be saved stays on screen; closing would lose it.
            QMessageBox.warning(
                self,
                self.tr("Noten er ikke gemt"),
                self.tr("En note kunne ikke gemmes. Ret årsagen i statuslinjen og luk igen."),
            )
            return
        super().done(result)
