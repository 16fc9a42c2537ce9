"""The (at most three) guiding principles the facilitator sets at the end of the introduction."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from facilitator.program import Step
from facilitator.store.limits import MAX_PRINCIPLES
from facilitator.ui import labels
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.context import SessionContext
from facilitator.ui.operations import in_label
from facilitator.ui.workspaces.base import Workspace


class PrinciplesWorkspace(Workspace):
    """Three lines for the guiding principles of the day's conversations."""

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.start_layout(
            self.tr("Vejledende principper"),
            self.tr(
                "Rund introduktionen af med højst tre vejledende principper for dagens samtaler, "
                "fx hvordan I lytter, hvordan uenighed håndteres, og hvordan tiden holdes."
            ),
        )
        form = QFormLayout()
        self.edits: list[QLineEdit] = []
        for index in range(MAX_PRINCIPLES):
            edit = QLineEdit()
            edit.setAccessibleName(self.tr("Princip %1").replace("%1", str(index + 1)))
            edit.setPlaceholderText(self.tr("Skriv et princip …"))
            form.addRow(f"{index + 1}.", edit)
            self.edits.append(edit)
        layout.addLayout(form)
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        self.operations = context.operations(report=in_label(self.error_label))
        layout.addStretch(1)
        self._save = DebouncedSave(self._save_now, self)
        for edit in self.edits:
            edit.textEdited.connect(self._save.schedule)
            edit.editingFinished.connect(self._save.flush)
            edit.returnPressed.connect(self.focusNextChild)
        self._load()

    def _load(self) -> None:
        texts = self.context.store.principles(self.context.session_id)
        for index, edit in enumerate(self.edits):
            edit.setText(texts[index] if index < len(texts) else "")

    def activate(self, step: Step) -> None:
        self._load()

    def flush(self) -> None:
        self._save.flush()

    def _save_now(self) -> None:
        texts = [edit.text() for edit in self.edits]
        saved = self.operations.run(lambda: self.context.store.set_principles(self.context.session_id, texts))
        if saved.failed:
            self._save.retry_later()
            return
        self.context.events.projection_changed.emit()

    def projection_html(self) -> str | None:
        texts = [edit.text().strip() for edit in self.edits if edit.text().strip()]
        if not texts:
            return None
        return "<ol>" + "".join(f"<li>{html.escape(text)}</li>" for text in texts) + "</ol>"
