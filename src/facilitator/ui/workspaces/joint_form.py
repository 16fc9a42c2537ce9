"""The group's joint text of a delsession, written with the sorted elements beside it.

One click (or Enter) on an element puts its words into the field being written and keeps
a link to the element, so the report can show how the shared text grew out of each
partner's own.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation import joint_form
from facilitator.palette import initials
from facilitator.program import Step
from facilitator.store import ElementData, FormSource, PartnerData
from facilitator.text import Text
from facilitator.ui import labels
from facilitator.ui.context import SessionContext
from facilitator.ui.form_fields import FieldEditor, FormSaver
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.partners import partner_badge

_ELEMENT_ID = Qt.ItemDataRole.UserRole
UNSORTED = Text("Ikke sorteret", "Not sorted")


class JointFormWorkspace(Workspace):
    """Vores forandringsambition, Vores samspilsambition or Hvor langt kan vi være sammen?"""

    roomy = True

    def __init__(self, context: SessionContext, form_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.operations = context.operations()
        self.form = joint_form(form_id)
        language = context.language
        self.partners: dict[int, PartnerData] = {}
        self._target: FieldEditor | None = None
        self._last_insert: tuple[str, int] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)

        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.setContentsMargins(0, 0, 8, 0)
        form_layout.addWidget(labels.heading(self.form.title.get(language).upper()))
        self.editors: dict[str, FieldEditor] = {}
        reflections_started = False
        for field in self.form.fields:
            if field.reflection and not reflections_started:
                reflections_started = True
                form_layout.addWidget(
                    labels.hint(self.tr("Refleksion over samspillet med organisationerne og omverdenen"))
                )
            editor = FieldEditor(field, language)
            editor.edit.installEventFilter(self)
            self.editors[field.id] = editor
            form_layout.addWidget(editor)
        form_layout.addStretch(1)
        form_scroll = QScrollArea()
        form_scroll.setAccessibleName(self.tr("Fælles tekst"))
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_widget)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(labels.heading(self.tr("Fra partnernes cirkler"), "notesHeading"))
        self.source_tree = QListWidget()
        self.source_tree.setObjectName("sourceTree")
        # Whole elements, wrapped to the panel's width: the words are what the group weighs.
        self.source_tree.setResizeMode(QListView.ResizeMode.Adjust)
        self.source_tree.setUniformItemSizes(False)
        self.source_tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.source_tree.setIconSize(QSize(20, 20))
        self.source_tree.setWordWrap(True)
        self.source_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.source_tree.setAccessibleName(self.tr("Sorterede elementer"))
        self.source_tree.setToolTip(
            self.tr("Dobbeltklik eller tryk Enter for at sætte elementet ind i feltet, du skriver i.")
        )
        self.insert_button = QPushButton(self.tr("‹ Sæt ind i feltet"))
        self.insert_button.setToolTip(self.tr("Sæt elementets tekst ind, hvor markøren står (Enter i listen)"))
        self.target_label = labels.hint()
        side_layout.addWidget(self.source_tree, 1)
        side_layout.addWidget(self.target_label)
        side_layout.addWidget(self.insert_button)

        splitter.addWidget(form_scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)

        self.saver = FormSaver(context, self.form, self.editors.values(), self.error_label)
        self.saver.edited.connect(lambda _field: self.context.events.projection_changed.emit())
        self.source_tree.itemActivated.connect(self.insert_item)
        self.insert_button.clicked.connect(lambda: self.insert_item(self.source_tree.currentItem()))
        self._set_target(next(iter(self.editors.values())))
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self, self.source_tree.setFocus)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Loading ------------------------------------------------------------------------------

    def prepare(self) -> None:
        self.reload_if_changed()

    def activate(self, step: Step) -> None:
        self.reload_if_changed()

    def reload(self) -> None:
        store, session_id = self.context.store, self.context.session_id
        self.partners = {partner.id: partner for partner in store.partners(session_id)}
        self.saver.load()
        self._fill_sources(store.elements(session_id, kind=self.form.circle_kind))
        self._show_links(store.form_sources(session_id, self.form.id))

    def _fill_sources(self, elements: list[ElementData]) -> None:
        language = self.context.language
        self.source_tree.clear()
        categories = {
            category.id: category for category in self.context.program.board_categories(self.form.circle_kind)
        }
        groups = [
            (category_id, categories[category_id].title)
            for category_id in self.form.source_categories
            if category_id in categories
        ]
        # Elements not sorted yet stay within reach, last, in case the board was skipped.
        groups.append((None, UNSORTED))
        for category_id, title in groups:
            members = [element for element in elements if element.category == category_id]
            heading = QListWidgetItem(f"{title.get(language)} ({len(members)})")
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.source_tree.addItem(heading)
            for element in members:
                partner = self.partners.get(element.partner_id) if element.partner_id else None
                item = QListWidgetItem(element.text)
                item.setData(_ELEMENT_ID, element.id)
                if partner is not None:
                    item.setIcon(QIcon(partner_badge(partner.colour, initials(partner.name), 20)))
                    item.setToolTip(f"{partner.display_name}: {element.text}")
                self.source_tree.addItem(item)
        first = next(
            (
                self.source_tree.item(row)
                for row in range(self.source_tree.count())
                if self._element_id(self.source_tree.item(row))
            ),
            None,
        )
        if first is not None:
            self.source_tree.setCurrentItem(first)

    @staticmethod
    def _element_id(item: QListWidgetItem | None) -> int | None:
        value = item.data(_ELEMENT_ID) if item is not None else None
        return int(value) if value is not None else None

    def source_groups(self) -> dict[str, list[str]]:
        """What the side list shows: group heading -> element texts, in order."""
        groups: dict[str, list[str]] = {}
        current: list[str] = []
        for row in range(self.source_tree.count()):
            item = self.source_tree.item(row)
            if self._element_id(item) is None:
                current = groups.setdefault(item.text(), [])
            else:
                current.append(item.text())
        return groups

    def select_source(self, text: str) -> None:
        """Make the listed element with this text the current one."""
        for row in range(self.source_tree.count()):
            item = self.source_tree.item(row)
            if self._element_id(item) is not None and item.text() == text:
                self.source_tree.setCurrentItem(item)
                return
        raise KeyError(text)

    def _show_links(self, sources: list[FormSource]) -> None:
        for field_id, editor in self.editors.items():
            own = [source for source in sources if source.field == field_id]
            parts = []
            for source in own:
                partner = self.partners.get(source.partner_id) if source.partner_id else None
                who = initials(partner.name) if partner else self.tr("gruppen")
                parts.append(self.tr("%1: »%2«").replace("%1", who).replace("%2", html.escape(source.text)))
            editor.sources.setText(self.tr("Bygger på %1").replace("%1", ", ".join(parts)) if parts else "")
            editor.sources.setVisible(bool(parts))

    # Writing -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for editor in self.editors.values():
                if editor.edit is watched:
                    self._set_target(editor)
        return super().eventFilter(watched, event)

    def _set_target(self, editor: FieldEditor) -> None:
        self._target = editor
        self.target_label.setText(
            self.tr("Sættes ind i: %1").replace("%1", editor.field.label.get(self.context.language))
        )

    def target_field(self) -> str | None:
        return self._target.field.id if self._target else None

    def insert_item(self, item: QListWidgetItem | None) -> None:
        """Put the element's words where the cursor is in the field being written."""
        element_id = self._element_id(item)
        if element_id is not None and self._target is not None:
            self.insert_element(element_id)

    def insert_element(self, element_id: int) -> None:
        """Insert an element's text into the target field and remember where it came from."""
        editor = self._target
        if editor is None:
            return
        found = self.operations.run(lambda: self.context.store.element(element_id))
        if found.failed:
            return
        element = found.value
        cursor = editor.edit.textCursor()
        before = editor.edit.toPlainText()[: cursor.position()]
        if not before or before[-1].isspace():
            separator = ""
        elif self._last_insert == (editor.field.id, cursor.position()):
            # Elements picked one after another become a list, not one run-on sentence.
            separator = "; "
        else:
            separator = " "
        # Its own edit block, so Ctrl+Z takes back the insertion and not the typing before it.
        cursor.beginEditBlock()
        cursor.insertText(separator + element.text)
        cursor.endEditBlock()
        self._last_insert = (editor.field.id, cursor.position())
        editor.edit.setTextCursor(cursor)
        editor.edit.moveCursor(QTextCursor.MoveOperation.NoMove)
        self.saver.flush()
        linked = self.operations.run(
            lambda: self.context.store.add_form_source(
                self.context.session_id, self.form.id, editor.field.id, element.id, element.text
            )
        )
        if linked.failed:
            return
        self._show_links(self.context.store.form_sources(self.context.session_id, self.form.id))

    def flush(self) -> None:
        self.saver.flush()

    def unsaved_count(self) -> int:
        return self.saver.unsaved_count()

    def projection_html(self) -> str | None:
        language = self.context.language
        rows = []
        for field in self.form.fields:
            text = self.editors[field.id].edit.toPlainText().strip()
            body = html.escape(text).replace("\n", "<br/>") if text else "…"
            rows.append(f"<p><b>{html.escape(field.question.get(language))}</b><br/>{body}</p>")
        return f"<p><b>{html.escape(self.form.title.get(language).upper())}</b></p>" + "".join(rows)
