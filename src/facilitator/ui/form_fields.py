"""The questions of a joint form as text fields that save themselves.

Used by the joint forms of Delsession 1-3 and by the decision rule of Delsession 4. Text
that cannot be saved (a full disk, a locked file) stays on screen and is retried.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from facilitator.conversation import FormField, JointForm
from facilitator.ui.autosave import RETRY_MS, DebouncedSave
from facilitator.ui.context import SessionContext
from facilitator.ui.operations import Reporter


class FieldEditor(QWidget):
    """One question of a form: label, question, the text and where its words came from."""

    def __init__(
        self, field: FormField, language: str, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        question = html.escape(field.question.get(language))
        # Compact: the question alone, with the guidance in the tooltip, where space is short.
        label = QLabel(question if compact else f"<b>{html.escape(field.label.get(language))}:</b> {question}")
        label.setObjectName("formQuestion")
        label.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("formField")
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(field.question.get(language))
        if field.hint is not None:
            self.edit.setPlaceholderText(field.hint.get(language))
        self.edit.setMinimumHeight(44 if compact else 56)
        self.edit.setMaximumHeight(64 if compact else 120)
        if compact and field.hint is not None:
            self.edit.setToolTip(field.hint.get(language))
        label.setBuddy(self.edit)
        self.sources = QLabel()
        self.sources.setObjectName("formSources")
        self.sources.setWordWrap(True)
        self.sources.hide()
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.sources)


class FormSaver(QObject):
    """Keeps a form's field editors and the stored texts in step."""

    #: A field's text changed by typing (not by loading).
    edited = Signal(str)

    def __init__(
        self, context: SessionContext, form: JointForm, editors: Iterable[FieldEditor], error_label: QLabel
    ) -> None:
        super().__init__(error_label)
        self.context = context
        self.form = form
        self.editors = {editor.field.id: editor for editor in editors}
        self.error_label = error_label
        # The label shows the last reason; whether it shows at all is decided after a whole round.
        self.operations = context.operations(report=Reporter(error_label.setText))
        self._loading = False
        self._dirty: set[str] = set()
        self._save = DebouncedSave(self._save_now, self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._save_now)
        for editor in self.editors.values():
            editor.edit.textChanged.connect(lambda field_id=editor.field.id: self._changed(field_id))

    def load(self) -> None:
        """Show the stored texts; text still waiting to be saved is kept, never replaced."""
        texts = self.context.store.form_texts(self.context.session_id, self.form.id)
        self._loading = True
        try:
            for field_id, editor in self.editors.items():
                if field_id in self._dirty:
                    continue
                if editor.edit.toPlainText() != texts.get(field_id, ""):
                    editor.edit.setPlainText(texts.get(field_id, ""))
        finally:
            self._loading = False

    def _changed(self, field_id: str) -> None:
        if self._loading:
            return
        self._dirty.add(field_id)
        self._save.schedule()
        self.edited.emit(field_id)

    def _save_now(self) -> None:
        store, session_id = self.context.store, self.context.session_id
        failed = set()
        for field_id in sorted(self._dirty):
            text = self.editors[field_id].edit.toPlainText()
            if self.operations.run(partial(store.set_form_text, session_id, self.form.id, field_id, text)).failed:
                failed.add(field_id)
        self._dirty = failed
        self.error_label.setVisible(bool(failed))
        if failed:
            # A full disk or a locked file may clear up; the words wait on screen meanwhile.
            self._retry.start()

    def flush(self) -> None:
        """Save pending text now."""
        self._save.flush()
        if self._dirty:
            self._save_now()

    def unsaved_count(self) -> int:
        return len(self._dirty)

    def texts(self) -> dict[str, str]:
        """What the fields show now, saved or not."""
        return {field_id: editor.edit.toPlainText() for field_id, editor in self.editors.items()}
