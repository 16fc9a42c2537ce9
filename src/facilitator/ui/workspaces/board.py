"""The post-it board: the partners' elements sorted into the step's three categories.

Drag with the mouse or sort with the keys (1, 2, 3, 0 for the tray); every action is a
`Patch` from `facilitator.board.operations`, written to the store at once and recorded for
undo. The scene is redrawn from the state after each one, so it cannot drift from the
database.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.board import TRAY, BoardLayout, BoardState, Patch
from facilitator.board import operations as board_operations
from facilitator.board.operations import board_layout
from facilitator.conversation import circle_template
from facilitator.palette import initials
from facilitator.program import Step
from facilitator.store import PartnerData
from facilitator.text import UserError
from facilitator.ui import labels
from facilitator.ui.board_image import ask_image_path, write_png
from facilitator.ui.board_scene import GROUP_COLOUR, BoardScene, NoteLook, ZoneTitle
from facilitator.ui.board_view import BoardProjectionView, BoardView
from facilitator.ui.context import SessionContext
from facilitator.ui.export_dialog import EXPORT_FOLDER_KEY
from facilitator.ui.flow_layout import FlowLayout, grouped
from facilitator.ui.labels import numbered
from facilitator.ui.operations import Reporter
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.board_editing import BoardCommand, NoteEditor
from facilitator.ui.workspaces.partners import partner_badge

#: The partner filter's entry for notes written by the whole group.
GROUP = 0


class BoardWorkspace(Workspace):
    """One delsession's board: tray, circle in three sectors, and every partner's elements."""

    roomy = True

    def __init__(self, context: SessionContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = kind
        self.template = circle_template(kind)
        self.undo_stack = QUndoStack(self)
        self.state = BoardState(kind)
        self.layout: BoardLayout | None = None
        self.category_ids: tuple[str, ...] = ()
        self.titles: dict[str, ZoneTitle] = {}
        self.looks: dict[int | None, NoteLook] = {}
        self.from_device: frozenset[int] = frozenset()
        #: What `prepare` read in idle time, with the store's content version then.
        self._prepared: tuple[int, tuple[list, BoardState, list]] | None = None
        self.partners: list[PartnerData] = []
        self.editor: NoteEditor | None = None
        self._fitted = False
        self.unstack_action: QAction | None = None
        language = context.language
        self.field_labels = {field.id: field.label.get(language) for field in self.template.fields}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_tools())
        layout.addLayout(self._build_entry())
        self.scene = BoardScene(self)
        self.view = BoardView(self.scene)
        layout.addWidget(self.view, 1)
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        self.operations = context.operations(self.undo_stack, report=Reporter(self._show_error))

        self.scene.notes_dropped.connect(self.drop)
        self.scene.edit_requested.connect(self.start_edit)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.nudge_requested.connect(self.nudge)
        self.view.zone_requested.connect(self._zone_key)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.edit_requested.connect(self.start_edit)
        for keys, slot in (
            ("Ctrl+G", self.ask_stack),
            ("Ctrl+Shift+G", self.unstack_selected),
            ("Ctrl+M", self.merge_selected),
            ("Ctrl+Shift+T", self.tidy_all),
            ("Ctrl+L", self._focus_entry),
            ("Ctrl+PgDown", lambda: self._step_author(1)),
            ("Ctrl+PgUp", lambda: self._step_author(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._selection_changed()

    # Building ------------------------------------------------------------------------------

    def _build_tools(self) -> FlowLayout:
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(self.tr("Fremhæv én partners post-its"))
        self.filter_box.setToolTip(self.tr("Fremhæv én partners post-its; de andres bliver svage"))
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.stack_button = self._button(
            self.tr("Stak …"), self.tr("Læg de valgte post-its i en navngivet stak, når de siger det samme (Ctrl+G)")
        )
        self.stack_button.clicked.connect(self.ask_stack)
        self.merge_button = self._button(
            self.tr("Flet"),
            self.tr("Gør de valgte dubletter til én post-it; alle forfattere står stadig på den (Ctrl+M)"),
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button = self._button(
            self.tr("Fjern"), self.tr("Fjern de valgte post-its (Delete); Ctrl+Z fortryder")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.board_button = self._button(self.tr("Tavle"), self.tr("Ryd op, opløs stakke, gem tavlen som billede"))
        self.board_menu = QMenu(self.board_button)
        self.board_button.setMenu(self.board_menu)
        self.zoom_out_button = self._button("−", self.tr("Zoom ud (Ctrl+minus eller Ctrl+hjul)"), self.tr("Zoom ud"))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_by(0.8))
        self.fit_button = self._button(self.tr("Hele tavlen"), self.tr("Vis hele tavlen (Ctrl+0)"))
        self.fit_button.clicked.connect(lambda: self.view.fit_board())
        self.zoom_in_button = self._button("+", self.tr("Zoom ind (Ctrl+plus eller Ctrl+hjul)"), self.tr("Zoom ind"))
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_by(1.25))
        zooming = (self.zoom_out_button, self.fit_button, self.zoom_in_button)
        for button in zooming:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Editing left, zoom right; on a small laptop or at a large text size each group takes
        # a row of its own, so no button is cut.
        tools = FlowLayout(spacing=6, spread=True)
        tools.addWidget(
            grouped(self.filter_box, self.stack_button, self.merge_button, self.delete_button, self.board_button)
        )
        tools.addWidget(grouped(*zooming))
        return tools

    @staticmethod
    def _button(text: str, tip: str, name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        if name:
            button.setAccessibleName(name)
        return button

    def _build_entry(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.author_box = QComboBox()
        self.author_box.setAccessibleName(self.tr("Hvem har skrevet den nye post-it"))
        self.author_box.setToolTip(self.tr("Hvem har skrevet den nye post-it"))
        self.entry = QLineEdit()
        self.entry.setObjectName("boardEntry")
        self.entry.setPlaceholderText(
            self.tr("Ny post-it: skriv og tryk Enter (Ctrl+L); Ctrl+PgDown skifter forfatter")
        )
        self.entry.setAccessibleName(self.tr("Ny post-it"))
        self.entry.setMaxLength(1000)
        self.entry.returnPressed.connect(self.add_from_entry)
        self.add_button = QPushButton(self.tr("Læg på tavlen"))
        self.add_button.clicked.connect(self.add_from_entry)
        row.addWidget(self.author_box)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        return row

    # Opening -------------------------------------------------------------------------------

    def activate(self, step: Step) -> None:
        language = self.context.language
        self.category_ids = tuple(category.id for category in step.categories)
        self.titles = {
            category.id: ZoneTitle(
                category.title.get(language), category.description.get(language) if category.description else ""
            )
            for category in step.categories
        }
        self.titles[TRAY] = ZoneTitle(self.tr("Ikke sorteret"))
        self._rebuild_board_menu()
        self.reload()
        QTimer.singleShot(0, self, self._after_show)

    def _after_show(self) -> None:
        if not self.isVisible():
            return
        if not self._fitted:
            self._fitted = True
            self.view.fit_board()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def prepare(self) -> None:
        """In idle time before the board's step: read it, so the step change only draws it."""
        store = self.context.store
        if store.is_open:
            read = self._read()
            if read is not None:
                self._prepared = (store.content_version, read)

    def _read(self) -> tuple[list, BoardState, list] | None:
        store, session_id = self.context.store, self.context.session_id
        read = self.operations.run(lambda: (store.partners(session_id), store.board_state(session_id, self.kind)))
        elements = self.operations.run(lambda: store.elements(session_id, kind=self.kind)).value_or([])
        if read.failed:
            return None
        partners, state = read.value
        return partners, state, elements

    def reload(self) -> None:
        """Read the board again: the circles may have gained, lost or changed elements."""
        prepared, self._prepared = self._prepared, None
        store = self.context.store
        if prepared is not None and store.is_open and prepared[0] == store.content_version:
            read = prepared[1]  # read in idle time, and nothing was written since
        else:
            read = self._read()
        if read is None:
            return
        self.partners, fresh, elements = read
        self.from_device = frozenset(element.id for element in elements if element.written_on_device)
        if self._content(fresh) != self._content(self.state):
            # Elements changed in the circles since: old undo steps could bring back stale words.
            self.undo_stack.clear()
        self.state = fresh
        self._fill_partner_boxes()
        # A first visit to a board of a thousand notes shows them without waiting for the disk.
        self._place_new_notes(after_paint=True)
        self.redraw()

    def _place_new_notes(self, *, after_paint: bool = False) -> None:
        """Give new elements a place in their zone: no action to undo, so it is not recorded.

        Drawn at once and stored now or right after the first paint; if storing fails, the
        next visit computes the same places again.
        """
        placing = board_operations.place_new(self.state, board_layout(self.state, self.category_ids))
        if not placing:
            return
        self.state.apply(placing)
        if after_paint:
            QTimer.singleShot(0, self, lambda: self._store_places(placing))
        else:
            self._store_places(placing)

    def _store_places(self, placing: Patch) -> None:
        self.operations.run(lambda: self.context.store.apply_board_patch(self.context.session_id, placing))

    @staticmethod
    def _content(state: BoardState) -> dict[int, tuple]:
        # Every note, hidden ones too: undo steps may refer to a merged or removed note.
        return {note.id: (note.text, note.partner_id, note.deleted) for note in state.notes.values()}

    def _fill_partner_boxes(self) -> None:
        group = self.tr("Gruppen")
        self.looks = {None: NoteLook(group, group, GROUP_COLOUR)}
        for partner in self.partners:
            self.looks[partner.id] = NoteLook(initials(partner.name), partner.name, partner.colour)
        for box, everyone in ((self.filter_box, self.tr("Alle partnere")), (self.author_box, None)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            if everyone is not None:
                box.addItem(everyone, None)
            for partner in self.partners:
                box.addItem(QIcon(partner_badge(partner.colour, initials(partner.name), 20)), partner.name, partner.id)
            box.addItem(QIcon(partner_badge(GROUP_COLOUR, "G", 20)), group, GROUP)
            index = box.findData(current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self._filter_changed()

    def _rebuild_board_menu(self) -> None:
        menu = self.board_menu
        menu.clear()
        for zone in (*self.category_ids, TRAY):
            action = menu.addAction(self.tr("Ryd op i %1").replace("%1", self.titles[zone].title))
            action.triggered.connect(lambda _checked=False, zone=zone: self.tidy(zone))
        # The keys are only shown here: the workspace's own shortcuts carry them, and an
        # action holding them too would make each key ambiguous, so it would do nothing.
        menu.addAction(self.tr("Ryd op i alle zoner") + "\tCtrl+Shift+T", self.tidy_all)
        menu.addSeparator()
        self.unstack_action = menu.addAction(self.tr("Opløs stak") + "\tCtrl+Shift+G", self.unstack_selected)
        menu.addSeparator()
        menu.addAction(self.tr("Gem som billede …"), self.ask_export_image)
        self._selection_changed()

    # Drawing -------------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the state as it is now (after every action, undo and redo)."""
        self.layout = board_layout(self.state, self.category_ids)
        self.scene.show_state(self.state, self.layout, self.looks, self.titles, self.field_labels, self.from_device)
        if self.view.fitting:
            self.view.fit_board()  # the board may have grown
        self._selection_changed()

    def _selection_changed(self) -> None:
        selected = self.scene.selected_notes()
        self.stack_button.setEnabled(len(selected) >= 2)
        self.merge_button.setEnabled(len(selected) >= 2)
        self.delete_button.setEnabled(bool(selected))
        if self.unstack_action is not None:
            self.unstack_action.setEnabled(any(item.note.cluster_id is not None for item in selected))

    def _filter_changed(self) -> None:
        self.scene.set_highlight(self.filter_box.currentData())

    # Doing, undoing -------------------------------------------------------------------------

    def _write(self, patch: Patch) -> Patch:
        # The store first: a refused change leaves memory untouched too.
        self.context.store.apply_board_patch(self.context.session_id, patch)
        return self.state.apply(patch)

    def perform(self, patch: Patch, text: str, merge_key: object = None) -> bool:
        """Do a board action now and record it for undo; False when it could not be saved."""
        if not patch:
            self.redraw()  # a drop outside every zone: the notes go back
            return False
        done = self.operations.run(
            lambda: self._write(patch),
            undo=lambda inverse: BoardCommand(text, patch, inverse, self._replay, merge_key),
            # Also after a failure: dragged notes go back to where the store has them.
            refresh=self.redraw,
        )
        if done.ok:
            self.error_label.hide()
        return done.ok

    def _replay(self, patch: Patch) -> None:
        """Undo or redo: write a recorded patch again and redraw."""
        if any(note_id not in self.state.notes for note_id in patch.notes):
            # Cannot happen while reload clears the history on outside changes; never crash on it.
            self.context.events.notice.emit(self.tr("Den post-it findes ikke længere."))
        else:
            self.operations.run(lambda: self._write(patch))
        self.redraw()

    def _show_error(self, message: str) -> None:
        """Beside the board, and in the status bar."""
        self.error_label.setText(message)
        self.error_label.show()
        self.context.events.error.emit(message)

    def _report(self, error: UserError) -> None:
        self._show_error(error.message(self.context.language))

    def _zone_name(self, zone: str) -> str:
        return self.titles.get(zone, ZoneTitle(zone)).title

    def _selected_ids(self) -> list[int]:
        return [item.note_id for item in sorted(self.scene.selected_notes(), key=lambda item: item.zValue())]

    # The actions ------------------------------------------------------------------------------

    def drop(self, positions: dict[int, tuple[float, float]]) -> None:
        """Notes dragged and let go: each lands in the zone under its centre."""
        if self.layout is None:
            return
        patch = board_operations.move(self.state, positions, self.layout)
        zones = {self.layout.zone_of(change.get("category")) for change in patch.notes.values()}  # type: ignore[arg-type]
        where = self._zone_name(zones.pop()) if len(zones) == 1 else self.tr("flere zoner")
        self.perform(
            patch,
            numbered(len(patch.notes), self.tr("Flyt 1 post-it til %1"), self.tr("Flyt %n post-its til %1")).replace(
                "%1", where
            ),
        )

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: the selected notes move a little, as if dragged."""
        if self.layout is None:
            return
        positions = {}
        for note_id in self._selected_ids():
            point = board_operations.position(self.state.notes[note_id], self.layout)
            if point is not None:
                positions[note_id] = (point[0] + dx, point[1] + dy)
        patch = board_operations.move(self.state, positions, self.layout)
        if patch:
            key = ("nudge", frozenset(positions))
            self.perform(
                patch,
                numbered(
                    len(patch.notes), self.tr("Flyt post-it med tastaturet"), self.tr("Flyt %n post-its med tastaturet")
                ),
                key,
            )
            current = self.view.current_note()
            if current is not None:
                self.view.ensureVisible(current, 40, 40)

    def _zone_key(self, index: int) -> None:
        if index == -1:
            self.send_selected(TRAY)
        elif 0 <= index < len(self.category_ids):
            self.send_selected(self.category_ids[index])

    def send_selected(self, zone: str) -> None:
        """Keys 1/2/3 and 0: the selection goes to the next free places of a zone."""
        ids = self._selected_ids()
        if not ids or self.layout is None:
            return
        patch = board_operations.send_to_zone(self.state, ids, zone, self.layout)
        self.perform(
            patch,
            numbered(len(ids), self.tr("Send 1 post-it til %1"), self.tr("Send %n post-its til %1")).replace(
                "%1", self._zone_name(zone)
            ),
        )
        current = self.view.current_note()
        if current is not None:
            self.view.ensureVisible(current, 40, 40)

    def tidy(self, zone: str) -> None:
        """Line a zone's notes up in rows, stacks kept together."""
        if self.layout is None:
            return
        patch = board_operations.tidy_zone(self.state, zone, self.layout)
        self.perform(patch, self.tr("Ryd op i %1").replace("%1", self._zone_name(zone)))

    def tidy_all(self) -> None:
        if self.layout is None:
            return
        notes: dict[int, dict[str, object]] = {}
        for zone in (*self.category_ids, TRAY):
            notes.update(board_operations.tidy_zone(self.state, zone, self.layout).notes)
        self.perform(Patch(notes, label="tidy"), self.tr("Ryd op i alle zoner"))

    def ask_stack(self) -> None:
        """Ctrl+G: stack the selected notes under a name the group agrees on."""
        ids = self._selected_ids()
        if len(ids) < 2:
            self.context.events.notice.emit(self.tr("Vælg mindst to post-its, der siger det samme."))
            return
        suggestion = self.state.notes[ids[0]].text[:60]
        name, accepted = QInputDialog.getText(
            self, self.tr("Stak post-its"), self.tr("Hvad siger de sammen?"), text=suggestion
        )
        if accepted:
            self.stack(ids, name)

    def stack(self, note_ids: list[int], name: str) -> None:
        if not name.strip():
            self.context.events.notice.emit(self.tr("En stak skal have et navn."))
            return
        cluster_id = self.operations.run(lambda: self.context.store.new_cluster_id(self.context.session_id, self.kind))
        if cluster_id.failed:
            return
        patch = board_operations.stack(self.state, note_ids, cluster_id.value, name)
        self.perform(
            patch,
            numbered(len(note_ids), self.tr("Stak 1 post-it: »%1«"), self.tr("Stak %n post-its: »%1«")).replace(
                "%1", name.strip()
            ),
        )

    def unstack_selected(self) -> None:
        if self.layout is None:
            return
        clusters = {self.state.notes[note_id].cluster_id for note_id in self._selected_ids()} - {None}
        # Each stack spreads into the places the previous one left free.
        draft = BoardState(self.state.kind, dict(self.state.notes), dict(self.state.clusters))
        combined = Patch(label="unstack")
        for cluster_id in sorted(clusters):
            patch = board_operations.unstack(draft, cluster_id, self.layout)
            draft.apply(patch)
            combined = combined.then(patch)
        self.perform(
            combined,
            numbered(len(clusters), self.tr("Opløs stakken"), self.tr("Opløs %n stakke")),
        )

    def merge_selected(self) -> None:
        """Ctrl+M: duplicates become one note; the others stay on record as its sources."""
        ids = self._selected_ids()
        if len(ids) < 2:
            self.context.events.notice.emit(self.tr("Vælg de post-its, der er dubletter af hinanden."))
            return
        current = self.view.current_note()
        keep = current.note_id if current is not None and current.note_id in ids else min(ids)
        patch = board_operations.merge(self.state, keep, [note_id for note_id in ids if note_id != keep])
        if self.perform(patch, numbered(len(ids), self.tr("Flet 1 post-it"), self.tr("Flet %n post-its"))):
            self.view.set_current(self.scene.items_by_id[keep])

    def delete_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        if self.perform(
            board_operations.delete(ids), numbered(len(ids), self.tr("Fjern 1 post-it"), self.tr("Fjern %n post-its"))
        ):
            self.context.events.notice.emit(
                numbered(
                    len(ids),
                    self.tr("Post-itten er fjernet, også fra partnerens cirkel. Ctrl+Z fortryder."),
                    self.tr("%n post-its er fjernet, også fra partnernes cirkler. Ctrl+Z fortryder."),
                )
            )

    def add_from_entry(self) -> None:
        """Enter in the entry line: a new note in the tray, written by the chosen partner or the group."""
        text = self.entry.text().strip()
        if not text:
            return
        author = self.author_box.currentData()
        partner_id = None if author in (None, GROUP) else author
        added = self.operations.run(
            lambda: self.context.store.add_board_note(self.context.session_id, self.kind, text, partner_id=partner_id),
            undo=lambda note: BoardCommand(
                self.tr("Ny post-it »%1«").replace("%1", note.text[:40]),
                Patch({note.id: {"deleted": False}}),
                Patch({note.id: {"deleted": True}}),
                self._replay,
            ),
        )
        if added.failed:
            return
        note = added.value
        self.entry.clear()
        self.state.notes[note.id] = note
        self._place_new_notes()
        self.redraw()
        item = self.scene.items_by_id.get(note.id)
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.ensureVisible(item, 40, 40)

    def _step_author(self, direction: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next note is written by the next (previous) partner."""
        count = self.author_box.count()
        if count:
            self.author_box.setCurrentIndex((self.author_box.currentIndex() + direction) % count)

    def _focus_entry(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Editing in place -----------------------------------------------------------------------------

    def start_edit(self, note_id: int) -> None:
        """Double-click, Enter or F2: change the note's words where it is."""
        item = self.scene.items_by_id.get(note_id)
        if item is None:
            return
        self.finish_edit()
        rect = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        rect.setWidth(max(rect.width(), 240))
        rect.setHeight(max(rect.height(), 110))
        editor = NoteEditor(note_id, item.note.text, self.view.viewport())
        editor.setGeometry(rect)
        editor.on_commit = lambda text: self._commit_edit(editor, text)
        editor.on_cancel = lambda: self._close_editor(editor)
        self.editor = editor
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish_edit(self) -> None:
        """Keep what is in an open editor (leaving the step, undo)."""
        if self.editor is not None:
            self.editor.commit()

    def _commit_edit(self, editor: NoteEditor, text: str) -> None:
        note = self.state.notes.get(editor.note_id)
        self._close_editor(editor)
        cleaned = " ".join(text.split())
        if note is None or cleaned == note.text:
            return
        if not cleaned:
            self.context.events.notice.emit(
                self.tr("En post-it skal have tekst; brug Fjern for at tage den af tavlen.")
            )
            return
        self.perform(
            board_operations.edit_text(note.id, cleaned), self.tr("Ret post-it »%1«").replace("%1", cleaned[:40])
        )

    def _close_editor(self, editor: NoteEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.hide()
        editor.deleteLater()
        item = self.scene.items_by_id.get(editor.note_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if item is not None:
            self.view.set_current(item)

    # Leaving, projecting, exporting ---------------------------------------------------------------

    def flush(self) -> None:
        self.finish_edit()

    def projection_widget(self, parent: QWidget) -> QWidget | None:
        projection = BoardProjectionView(self.scene, parent)
        projection.follow(self.view.visible_area())
        self.view.visible_area_changed.connect(projection.follow)
        return projection

    def ask_export_image(self) -> None:
        """Save the whole board as a PNG, remembering the folder for next time."""
        context = self.context
        path = ask_image_path(self, context.store, context.session_id, self.template.name.get(context.language))
        if path is not None:
            self.export_image(path)

    def export_image(self, path: Path) -> bool:
        """Write the board as a PNG, whole or not at all; says why when it cannot.

        The board is drawn here (scene items live on the GUI thread); compressing and writing
        the 3000-pixel image runs on the window's worker when there is one. False when it did
        not start or failed at once.
        """
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        image = self.scene.render_image()
        runner = self.context.runner
        if runner is None:
            written = self.operations.run(lambda: write_png(image, path))
            if written.ok:
                self._image_saved(path)
            return written.ok
        return runner.run(
            lambda: write_png(image, path),
            label=self.tr("Gemmer tavlen som billede …"),
            report=self.operations.report,
            on_success=self._image_saved,
            parent=self,
        )

    def _image_saved(self, path: Path) -> None:
        with contextlib.suppress(UserError):  # only a convenience for the next export
            self.context.store.set_state(EXPORT_FOLDER_KEY, str(path.parent))
        self.context.events.notice.emit(self.tr("Tavlen er gemt som %1").replace("%1", path.name))
