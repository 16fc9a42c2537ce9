"""The facilitator's guide beside the step: the step's purpose and tips, the method, private notes."""

from __future__ import annotations

import html
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.program import Part, Step
from facilitator.text import Text
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.context import SessionContext

if TYPE_CHECKING:
    from facilitator.guidance import Guidance

_TOPIC_ID = Qt.ItemDataRole.UserRole


def text_html(text: str) -> str:
    """Guidance text (paragraphs, '- ' bullets) as simple HTML."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        bullets = [line[2:] for line in lines if line.startswith("- ")]
        if bullets and len(bullets) == len(lines):
            blocks.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
        else:
            blocks.append(f"<p>{html.escape(' '.join(lines))}</p>")
    return "".join(blocks)


class GuidePanel(QWidget):
    """Tabs with the step's guidance and the method, over the step's private notes."""

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.context = context
        self.operations = context.operations()
        self._step_id: str | None = None
        #: Notes typed but not yet stored (a failed save keeps them here and retries).
        self._pending_notes: dict[str, str] = {}
        #: The stored notes as last read, and the store's content version then (see `_stored_notes`).
        self._notes: dict[str, str] | None = None
        self._notes_version: int | None = None
        #: The method's guidance, read when the method tab is first needed (see `_fill_topics`).
        self.guidance: Guidance | None = None
        self._topics_filled = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 8)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Vejledning"))
        self.step_guide = QTextBrowser()
        self._shown_guide: str | None = None
        self.step_guide.setObjectName("stepGuide")
        self.step_guide.setAccessibleName(self.tr("Vejledning til trinnet"))
        self.tabs.addTab(self.step_guide, self.tr("Trinnet"))

        method = QSplitter(Qt.Orientation.Vertical)
        self.topics = QTreeWidget()
        self.topics.setHeaderHidden(True)
        self.topics.setAccessibleName(self.tr("Metodens emner"))
        self.topic_text = QTextBrowser()
        self.topic_text.setAccessibleName(self.tr("Metodens vejledning"))
        method.addWidget(self.topics)
        method.addWidget(self.topic_text)
        method.setSizes([220, 320])
        self.tabs.addTab(method, self.tr("Metoden"))
        splitter.addWidget(self.tabs)

        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel(self.tr("Mine noter til trinnet"))
        heading.setObjectName("notesHeading")
        privacy = QLabel(self.tr("Kun for dig: vises aldrig på projektoren."))
        privacy.setObjectName("hint")
        privacy.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("stepNotes")
        self.notes.setAccessibleName(self.tr("Mine noter til trinnet"))
        self.notes.setPlaceholderText(self.tr("Hvad lagde du mærke til? Hvad skal du huske?"))
        self.notes.setTabChangesFocus(True)
        heading.setBuddy(self.notes)
        notes_layout.addWidget(heading)
        notes_layout.addWidget(privacy)
        notes_layout.addWidget(self.notes, 1)
        splitter.addWidget(notes)
        splitter.setSizes([520, 200])
        layout.addWidget(splitter)

        self._notes_save = DebouncedSave(self._save_notes, self)
        self.notes.textChanged.connect(self._notes_save.schedule)
        self.topics.currentItemChanged.connect(self._show_topic)
        # The method tab is not on screen at start: its guidance is read when it first shows.
        self.tabs.currentChanged.connect(lambda index: index == 1 and self._fill_topics())

    def _fill_topics(self) -> None:
        if self._topics_filled:
            return
        self._topics_filled = True
        from facilitator.guidance import load_guidance

        self.guidance = self.operations.run(load_guidance).value_or(None)
        if self.guidance is None:
            return
        language = self.context.language
        for section in self.guidance.sections:
            heading = QTreeWidgetItem([section.title.get(language)])
            heading.setData(0, _TOPIC_ID, f"section:{section.id}")
            self.topics.addTopLevelItem(heading)
            for topic in section.topics:
                row = QTreeWidgetItem([topic.title.get(language)])
                row.setData(0, _TOPIC_ID, topic.id)
                heading.addChild(row)
        self.topics.expandAll()
        self.topics.setCurrentItem(self.topics.topLevelItem(0))

    def _show_topic(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None or self.guidance is None:
            return
        language = self.context.language
        key = current.data(0, _TOPIC_ID)
        if key.startswith("section:"):
            section = self.guidance.section(key.removeprefix("section:"))
            assert section is not None
            items = "".join(f"<li>{html.escape(topic.title.get(language))}</li>" for topic in section.topics)
            body = f"<h3>{html.escape(section.title.get(language))}</h3><p>{html.escape(section.summary.get(language))}</p><ul>{items}</ul>"
        else:
            topic = self.guidance.topic(key)
            assert topic is not None
            body = f"<h3>{html.escape(topic.title.get(language))}</h3>{text_html(topic.body.get(language))}"
        self.topic_text.setHtml(body)

    def show_topic(self, topic_id: str) -> bool:
        """Open the method tab at `topic_id`; False if there is no such topic."""
        self._fill_topics()
        for index in range(self.topics.topLevelItemCount()):
            heading = self.topics.topLevelItem(index)
            for child in (heading, *(heading.child(i) for i in range(heading.childCount()))):
                if child.data(0, _TOPIC_ID) in (topic_id, f"section:{topic_id}"):
                    self.tabs.setCurrentIndex(1)
                    self.topics.setCurrentItem(child)
                    return True
        return False

    def show_step(self, part: Part | None, step: Step) -> None:
        """Show the guidance and the notes for `step`."""
        self.flush()
        language = self.context.language
        sections = []

        def add(title: str, text: Text | None) -> None:
            if text is not None:
                sections.append(f"<h4>{html.escape(title)}</h4>{text_html(text.get(language))}")

        if part is not None:
            add(self.tr("Formål"), part.purpose)
            add(self.tr("Materialer"), part.materials)
        if part is not None:
            add(self.tr("Om delen"), part.intro)
            if part.tips:
                tips = "".join(f"<li>{html.escape(tip.get(language))}</li>" for tip in part.tips)
                heading = html.escape(self.tr("Tips"))
                sections.append(f"<h4>{heading}</h4><ul>{tips}</ul>")
        if not sections:
            nothing = html.escape(self.tr("Ingen særlig vejledning til dette trin."))
            sections.append(f"<p>{nothing}</p>")
        guide = "".join(sections)
        if guide != self._shown_guide:
            # The guidance is the part's: the steps of one part show the same, and laying
            # out the rich text again costs 3-4 ms of each step change.
            self._shown_guide = guide
            self.step_guide.setHtml(guide)
        self._step_id = step.id
        note = self._pending_notes.get(step.id)
        if note is None:
            note = self._stored_notes().get(step.id, "")
        self.notes.blockSignals(True)
        self.notes.setPlainText(note)
        self.notes.blockSignals(False)

    def _stored_notes(self) -> dict[str, str]:
        """The session's stored notes, read again only when something was written since.

        Each step change read them all (a transaction on the GUI thread); the timers and
        the step the session is on, written at each step change, do not count as writes.
        """
        store = self.context.store
        version = store.content_version if store.is_open else None
        if self._notes is None or version is None or version != self._notes_version:
            read = self.operations.run(lambda: store.step_notes(self.context.session_id))
            if read.failed:
                return {}
            self._notes, self._notes_version = read.value_or({}), version
        return self._notes

    def _save_notes(self) -> None:
        if self._step_id is not None:
            self._pending_notes[self._step_id] = self.notes.toPlainText()
        store, session_id = self.context.store, self.context.session_id
        for step_id, text in list(self._pending_notes.items()):
            if self.operations.run(partial(store.set_step_note, session_id, step_id, text)).failed:
                self._notes_save.retry_later()
                return
            del self._pending_notes[step_id]

    @property
    def unsaved_notes(self) -> int:
        return len(self._pending_notes)

    def flush(self) -> None:
        self._notes_save.flush()
        if self._pending_notes:
            self._save_notes()  # retry what an earlier failure held back
