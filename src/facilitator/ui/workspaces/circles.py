"""Filling in the circles: each partner's change, contribution or scaling circle.

Made for typing fast from paper: a partner switcher (Ctrl+PgDown / Ctrl+PgUp), Tab
through the questions, Enter adds the next element. Everything is saved as it is typed,
and every addition, removal and tag can be undone.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation import circle_template
from facilitator.palette import initials
from facilitator.program import Step
from facilitator.store import CircleData, ElementData, PartnerData
from facilitator.text import UserError
from facilitator.ui import labels
from facilitator.ui.circle_view import CircleCanvas, ElementLine
from facilitator.ui.context import SessionContext
from facilitator.ui.operations import Reporter
from facilitator.ui.undo import DoneCommand
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.partners import partner_badge


def circle_caption(circle: CircleData, index: int) -> str:
    """A change circle's name, or 'Ambition 2' when it has none."""
    if circle.title:
        return circle.title
    return f"Ambition {index + 1}"


def partner_tabs(partners: list[PartnerData], tabs: QTabBar) -> None:
    """Fill a tab bar with the partners, each with their colour badge and initials."""
    while tabs.count():
        tabs.removeTab(0)
    for partner in partners:
        index = tabs.addTab(QIcon(partner_badge(partner.colour, initials(partner.name), 22)), partner.name)
        tabs.setTabToolTip(index, partner.display_name)


class CircleWorkspace(Workspace):
    """One partner's circle at a time, drawn like the template, with fast keyboard entry."""

    roomy = True

    def __init__(self, context: SessionContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = kind
        self.template = circle_template(kind)
        language = context.language
        self.undo_stack = QUndoStack(self)
        self.partners: list[PartnerData] = []
        self.circles: list[CircleData] = []
        self._restoring = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        self.partner_tabs = QTabBar()
        self.partner_tabs.setObjectName("partnerTabs")
        self.partner_tabs.setExpanding(False)
        self.partner_tabs.setAccessibleName(self.tr("Partner"))
        self.partner_tabs.setToolTip(self.tr("Skift partner med Ctrl+PgDown og Ctrl+PgUp"))
        layout.addWidget(self.partner_tabs)
        self.empty_label = labels.hint(
            self.tr("Der er ingen partnere endnu. Tilføj dem i introduktionen, så får hver partner sin cirkel her.")
        )
        layout.addWidget(self.empty_label)

        # A partner may have several change circles, one per ambition.
        self.circle_row = QWidget()
        circle_layout = QHBoxLayout(self.circle_row)
        circle_layout.setContentsMargins(0, 0, 0, 0)
        self.circle_tabs = QTabBar()
        self.circle_tabs.setObjectName("circleTabs")
        self.circle_tabs.setExpanding(False)
        self.circle_tabs.setAccessibleName(self.tr("Partnerens forandringscirkler"))
        self.circle_tabs.setUsesScrollButtons(True)
        self.circle_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.add_circle_button = QPushButton(self.tr("+ Ny forandringscirkel"))
        self.add_circle_button.setToolTip(self.tr("En ny cirkel til partnerens næste ambition (Ctrl+Shift+N)"))
        self.remove_circle_button = QPushButton(self.tr("Fjern cirklen"))
        self.rename_button = QPushButton(self.tr("Omdøb …"))
        self.rename_button.setToolTip(self.tr("Giv ambitionen et navn, der siger, hvad den handler om"))
        circle_layout.addWidget(self.circle_tabs, 1)
        circle_layout.addWidget(self.rename_button)
        circle_layout.addWidget(self.add_circle_button)
        circle_layout.addWidget(self.remove_circle_button)
        layout.addWidget(self.circle_row)
        self.circle_row.setVisible(self.template.several)

        self.canvas = CircleCanvas(self.template, language)
        scroll = QScrollArea()
        scroll.setObjectName("circleScroll")
        scroll.setAccessibleName(self.tr("Partnerens cirkel"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self.scroll = scroll
        layout.addWidget(scroll, 1)
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        # The label keeps a reason until the next element is added or edited (see _clear_error).
        self.operations = context.operations(self.undo_stack, report=Reporter(self._show_error))

        self.rename_button.clicked.connect(self.ask_rename)
        self.partner_tabs.currentChanged.connect(self._partner_changed)
        self.circle_tabs.currentChanged.connect(self._circle_changed)
        self.add_circle_button.clicked.connect(self.add_circle)
        self.remove_circle_button.clicked.connect(self.remove_circle)
        for card in self.canvas.cards.values():
            card.add_requested.connect(self.add_element)
            card.draft_edited.connect(self.keep_draft)
        for keys, slot in (
            ("Ctrl+PgDown", lambda: self.step_partner(1)),
            ("Ctrl+PgUp", lambda: self.step_partner(-1)),
            ("Ctrl+Shift+N", self.add_circle),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Which circle is on screen -------------------------------------------------------

    def prepare(self) -> None:
        self.reload_if_changed()

    def activate(self, step: Step) -> None:
        self.reload_if_changed()
        # Ready to type at once. Deferred, because a session that reopens at this step
        # builds it before the page is inside the window, where focus would be lost.
        QTimer.singleShot(0, self, self._focus_entry)

    def _focus_entry(self) -> None:
        if self.isVisible() and self.partners:
            self.canvas.first_entry().setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Re-read partners and circles, keeping the partner and circle on screen."""
        store = self.context.store
        current = self.current_partner()
        self.partners = store.partners(self.context.session_id)
        self.partner_tabs.blockSignals(True)
        partner_tabs(self.partners, self.partner_tabs)
        ids = [partner.id for partner in self.partners]
        if current is not None and current.id in ids:
            self.partner_tabs.setCurrentIndex(ids.index(current.id))
        self.partner_tabs.blockSignals(False)
        has_partners = bool(self.partners)
        self.empty_label.setVisible(not has_partners)
        for widget in (self.partner_tabs, self.scroll):
            widget.setVisible(has_partners)
        self.circle_row.setVisible(has_partners and self.template.several)
        if has_partners:
            self._show_partner()

    def current_partner(self) -> PartnerData | None:
        index = self.partner_tabs.currentIndex()
        return self.partners[index] if 0 <= index < len(self.partners) else None

    def current_circle(self) -> CircleData | None:
        index = self.circle_tabs.currentIndex()
        return self.circles[index] if 0 <= index < len(self.circles) else None

    def show_partner(self, partner_id: int, circle_id: int | None = None) -> None:
        """Open this partner's circle (and a given one of their change circles)."""
        ids = [partner.id for partner in self.partners]
        if partner_id in ids:
            self.flush()
            self.partner_tabs.blockSignals(True)
            self.partner_tabs.setCurrentIndex(ids.index(partner_id))
            self.partner_tabs.blockSignals(False)
            self._show_partner(circle_id)

    def step_partner(self, direction: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous partner, ready to type."""
        if not self.partners:
            return
        index = (self.partner_tabs.currentIndex() + direction) % len(self.partners)
        self.partner_tabs.setCurrentIndex(index)
        self.canvas.first_entry().setFocus(Qt.FocusReason.OtherFocusReason)

    def _partner_changed(self, _index: int) -> None:
        self.flush()
        self._show_partner()

    def _show_partner(self, circle_id: int | None = None) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        store, session_id = self.context.store, self.context.session_id

        def read() -> list[CircleData]:
            store.ensure_circle(session_id, partner.id, self.kind)
            return store.circles(session_id, self.kind, partner.id)

        circles = self.operations.run(read)
        if circles.failed:
            return
        self.circles = circles.value
        keep = circle_id if circle_id is not None else (self.current_circle().id if self.current_circle() else None)
        self.circle_tabs.blockSignals(True)
        while self.circle_tabs.count():
            self.circle_tabs.removeTab(0)
        for index, circle in enumerate(self.circles):
            self.circle_tabs.addTab(circle_caption(circle, index))
        ids = [circle.id for circle in self.circles]
        self.circle_tabs.setCurrentIndex(ids.index(keep) if keep in ids else 0)
        self.circle_tabs.blockSignals(False)
        self._show_circle()

    def _circle_changed(self, _index: int) -> None:
        self.flush()
        self._show_circle()

    def _show_circle(self) -> None:
        partner, circle = self.current_partner(), self.current_circle()
        if partner is None or circle is None:
            return
        # Lines are rebuilt below; what is still being typed in them is saved first.
        self.canvas.flush()
        several = len(self.circles) > 1
        subtitle = circle_caption(circle, self.circles.index(circle)) if several else ""
        self.canvas.set_owner(partner, subtitle)
        # A partner always keeps one change circle; empty it instead of removing it.
        self.remove_circle_button.setEnabled(len(self.circles) > 1)
        focus = self._focus_place()
        elements = self.context.store.elements(self.context.session_id, circle_id=circle.id)
        if any(card.circle_id != circle.id for card in self.canvas.cards.values()):
            # Another circle: its entry lines show what was typed there and not yet added.
            drafts = self.context.store.element_drafts(self.context.session_id)
            for field_id, card in self.canvas.cards.items():
                card.show_draft(circle.id, drafts.get((circle.id, field_id), ""))
        # Lines kept from before are wired already.
        for line in self.canvas.set_elements(elements):
            self._wire(line)
        self._restore_focus(focus)

    def _focus_place(self) -> tuple[str, int | None] | None:
        """Where the keyboard is in the circle: (field, element id or None for the entry)."""
        focus = QApplication.focusWidget()
        for field_id, card in self.canvas.cards.items():
            if focus is card.entry:
                return field_id, None
            for line in card.lines:
                if focus is line.edit:
                    return field_id, line.element.id
        return None

    def _restore_focus(self, place: tuple[str, int | None] | None) -> None:
        """After a redraw the keyboard stays where it was, or on that question's entry line."""
        if place is None:
            return
        field_id, element_id = place
        card = self.canvas.cards[field_id]
        line = card.line_for(element_id) if element_id is not None else None
        (line.edit if line is not None else card.entry).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_added(self, element: ElementData) -> bool:
        """A partner added `element` from the room: drawn at once if its circle is on screen.

        Only its own line is made; the step is not read again. False when the workspace does
        not know the element's circle or partner, so the caller reloads it instead.
        """
        if element.kind != self.kind:
            return True
        partner, circle = self.current_partner(), self.current_circle()
        if partner is None or circle is None or element.partner_id != partner.id:
            return element.partner_id in {known.id for known in self.partners}
        if element.circle_id != circle.id:
            return element.circle_id in {known.id for known in self.circles}
        card = self.canvas.cards.get(element.field or "")
        if card is None:
            return False
        line = card.show_added(element)
        if line is None:
            return not card.read_only
        self._wire(line)
        self.canvas.chain_tab_order()
        return True

    def _wire(self, line: ElementLine) -> None:
        line.edited.connect(self.edit_element)
        line.remove_requested.connect(self.remove_element)
        line.values_changed.connect(self.set_values)

    # Elements ---------------------------------------------------------------------------

    def add_element(self, field: str, text: str) -> None:
        """Enter in a question's entry line: store the element and get ready for the next."""
        circle = self.current_circle()
        if circle is None:
            return
        store = self.context.store
        added = self.operations.run(
            lambda: store.add_element(circle.id, field, text, from_draft=True),
            undo=lambda element: self._command(
                self.tr("Tilføj »%1«").replace("%1", _short(element.text)),
                lambda: store.restore_element(element.id),
                lambda: store.remove_element(element.id),
            ),
        )
        if added.failed:
            return
        self._clear_error()
        line = self.canvas.cards[field].append_element(added.value)
        self._wire(line)
        self.canvas.chain_tab_order()

    def keep_draft(self, circle_id: int, field: str, text: str) -> None:
        """Keep words typed in an entry line but not yet added, so a crash cannot lose them."""
        kept = self.operations.run(lambda: self.context.store.set_element_draft(circle_id, field, text))
        if kept.failed:
            self.canvas.cards[field].retry_draft()

    def edit_element(self, element_id: int, text: str) -> None:
        line = self._line(element_id)
        old = line.element.text if line else None
        store = self.context.store

        def record(element: ElementData) -> DoneCommand | None:
            if old is None or old == element.text or self._restoring:
                return None
            return self._command(
                self.tr("Ret »%1«").replace("%1", _short(element.text)),
                lambda: store.update_element(element_id, element.text),
                lambda: store.update_element(element_id, old),
                merge_key=("edit", element_id),
            )

        edited = self.operations.run(lambda: store.update_element(element_id, text), undo=record)
        if edited.failed:
            if line is not None:
                line.retry_later()
            return
        self._clear_error()
        if line is not None:
            line.set_element(edited.value)

    def remove_element(self, element_id: int) -> None:
        line = self._line(element_id)
        if line is None or line.removing:
            return
        text = line.element.text
        line.discard_pending()
        line.removing = True
        store = self.context.store
        removed = self.operations.run(
            lambda: store.remove_element(element_id),
            undo=lambda _none: self._command(
                self.tr("Fjern »%1«").replace("%1", _short(text)),
                lambda: store.remove_element(element_id),
                lambda: store.restore_element(element_id),
            ),
        )
        if removed.failed:
            line.removing = False
            return
        self._show_circle()
        self.context.events.notice.emit(
            self.tr("Elementet »%1« er fjernet. Fortryd med Ctrl+Z (Rediger → Fortryd).").replace("%1", _short(text))
        )

    def set_values(self, element_id: int, values: set[str]) -> None:
        line = self._line(element_id)
        old = set(line.element.value_forms) if line else set()
        store = self.context.store
        tagged = self.operations.run(
            lambda: store.set_element_values(element_id, values),
            undo=lambda element: self._command(
                self.tr("Værdiformer for »%1«").replace("%1", _short(element.text)),
                lambda: store.set_element_values(element_id, values),
                lambda: store.set_element_values(element_id, old),
            ),
        )
        if tagged.ok and line is not None:
            line.set_element(tagged.value)

    def _line(self, element_id: int) -> ElementLine | None:
        for card in self.canvas.cards.values():
            line = card.line_for(element_id)
            if line is not None:
                return line
        return None

    # Circles ----------------------------------------------------------------------------

    def add_circle(self) -> None:
        """Another change circle for the partner on screen, for their next ambition."""
        partner = self.current_partner()
        if partner is None or not self.template.several:
            return
        self.flush()
        store = self.context.store
        added = self.operations.run(
            lambda: store.add_circle(self.context.session_id, partner.id, self.kind),
            undo=lambda circle: self._command(
                self.tr("Ny forandringscirkel"),
                lambda: store.restore_circle(circle.id),
                lambda: store.remove_circle(circle.id),
                circle_id=circle.id,
            ),
        )
        if added.failed:
            return
        self._show_partner(added.value.id)
        self.canvas.first_entry().setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_circle(self) -> None:
        """Remove the change circle on screen (undoable); a partner always keeps one."""
        circle = self.current_circle()
        if circle is None or len(self.circles) < 2:
            return
        self.flush()
        caption = circle_caption(circle, self.circles.index(circle))
        store = self.context.store
        removed = self.operations.run(
            lambda: store.remove_circle(circle.id),
            undo=lambda _none: self._command(
                self.tr("Fjern cirklen »%1«").replace("%1", caption),
                lambda: store.remove_circle(circle.id),
                lambda: store.restore_circle(circle.id),
                circle_id=circle.id,
            ),
        )
        if removed.failed:
            return
        self._show_partner()
        self.context.events.notice.emit(
            self.tr("Cirklen »%1« er fjernet. Fortryd med Ctrl+Z (Rediger → Fortryd).").replace("%1", caption)
        )

    def ask_rename(self) -> None:
        """Ask for a name for the change circle on screen."""
        circle = self.current_circle()
        if circle is None:
            return
        title, ok = QInputDialog.getText(
            self,
            self.tr("Omdøb cirklen"),
            self.tr("Hvad handler denne ambition om?"),
            QLineEdit.EchoMode.Normal,
            circle.title,
        )
        if ok:
            self.rename_circle(title)

    def rename_circle(self, title: str) -> None:
        """Name the change circle on screen ("" gives back 'Ambition N'); undoable."""
        circle = self.current_circle()
        if circle is None or title.strip() == circle.title:
            return
        old = circle.title
        store = self.context.store
        renamed = self.operations.run(
            lambda: store.rename_circle(circle.id, title),
            undo=lambda renamed: self._command(
                self.tr("Omdøb cirklen"),
                lambda: store.rename_circle(circle.id, renamed.title),
                lambda: store.rename_circle(circle.id, old),
            ),
        )
        if renamed.ok:
            self._show_partner(circle.id)

    # Saving, undo, errors ------------------------------------------------------------------

    def _command(self, text: str, redo, undo, merge_key: object = None, circle_id: int | None = None) -> DoneCommand:
        """The undo step for a change just made to the circle on screen (or to `circle_id`)."""
        # Undo shows the circle it changes, even when another partner is on screen by then.
        partner = self.current_partner()
        circle = self.current_circle()
        where = (
            partner.id if partner else None,
            circle_id if circle_id is not None else (circle.id if circle else None),
        )
        return DoneCommand(text, redo, undo, lambda: self._after_undo(*where), self._report, merge_key)

    def _after_undo(self, partner_id: int | None, circle_id: int | None) -> None:
        self._restoring = True
        try:
            ids = [partner.id for partner in self.partners]
            if partner_id in ids and self.current_partner() is not None and self.current_partner().id != partner_id:
                self.partner_tabs.blockSignals(True)
                self.partner_tabs.setCurrentIndex(ids.index(partner_id))
                self.partner_tabs.blockSignals(False)
            self._show_partner(circle_id)
        finally:
            self._restoring = False

    def flush(self) -> None:
        self.canvas.flush()

    def unsaved_count(self) -> int:
        cards = self.canvas.cards.values()
        return sum(line.unsaved for card in cards for line in card.lines) + sum(card.draft_pending for card in cards)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _report(self, error: UserError) -> None:
        self._show_error(error.message(self.context.language))

    def _clear_error(self) -> None:
        self.error_label.hide()

    def projection_html(self) -> str | None:
        # The room sees the template's questions, never what a partner is typing.
        language = self.context.language
        rows = "".join(
            f"<li><b>{html.escape(field.label.get(language))}:</b> {html.escape(field.question.get(language))}</li>"
            for field in self.template.fields
        )
        return f"<p><b>{html.escape(self.template.name.get(language))}</b></p><ul>{rows}</ul>"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["CircleWorkspace", "circle_caption", "partner_tabs"]
