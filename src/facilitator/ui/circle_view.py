"""A partner's circle drawn like the printed template: four questions around "Min ambition".

The circle is painted in the partner's colour; each quarter is a card holding the field's
elements, one line per element, because each element becomes a post-it on the board.
Editable for filling in, read-only (and larger) for the review.
"""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation import VALUE_FORMS, CircleField, CircleTemplate
from facilitator.palette import initials
from facilitator.store import ElementData, PartnerData
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.device_mark import device_mark_label, device_mark_text

NEUTRAL_COLOUR = "#1D5C57"
HUB_WIDTH = 132


def readable_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on `colour`."""
    return QColor("#111111") if colour.lightness() > 140 else QColor("#FFFFFF")


def ink_for_text(colour: QColor, background: QColor) -> QColor:
    """The partner colour made dark (on a light window) or light (on a dark one) enough to read."""
    result = QColor(colour)
    if background.lightness() >= 128:
        while result.lightness() > 110:
            result = result.darker(120)
        return result
    # Lighten towards white by mixing: darker()/lighter() cannot lift a near-black colour.
    while result.lightness() < 185:
        result = QColor.fromRgbF(*(0.8 * part + 0.2 for part in result.getRgbF()[:3]))
    return result


def value_names(values: frozenset[str] | set[str], language: str) -> str:
    """The value forms as a short list in the template's order ('Miljø · Social')."""
    return " · ".join(form.name.get(language) for form in VALUE_FORMS if form.id in values)


def value_menu(parent: QWidget, current: frozenset[str], language: str, on_toggle) -> QMenu:
    """A menu of the eight value forms, ticked where `current` has them; `on_toggle(id, on)`."""
    menu = QMenu(parent)
    menu.setTitle(QCoreApplication.translate("CircleView", "Værdiformer"))
    for number, form in enumerate(VALUE_FORMS, start=1):
        action = QAction(f"&{number}  {form.name.get(language)} – {form.weighs.get(language)}", menu)
        action.setCheckable(True)
        action.setChecked(form.id in current)
        action.toggled.connect(lambda on, value_id=form.id: on_toggle(value_id, on))
        menu.addAction(action)
    return menu


class ElementLine(QWidget):
    """One element of a field: its words, its value forms and a remove button."""

    #: The text should be saved (element id, text).
    edited = Signal(int, str)
    #: The user emptied the line and left it, or pressed remove.
    remove_requested = Signal(int)
    #: Value forms chosen (element id, set of value ids).
    values_changed = Signal(int, object)
    #: Enter pressed: move on to the next line.
    return_pressed = Signal()

    def __init__(self, element: ElementData, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.language = language
        #: Set while the element is being removed, so a flush does not ask twice.
        self.removing = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(element.text)
        self.edit.setObjectName("elementEdit")
        # Show the start of a long element, not the end where setText leaves the cursor.
        self.edit.setCursorPosition(0)
        self.edit.setMaxLength(1000)
        self.values_button = QToolButton()
        self.values_button.setObjectName("valuesButton")
        self.values_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The menu is made when it is opened: a circle of sixty lines made sixty menus of
        # eight actions each, and a partner's every element from a phone one more.
        self.values_button.clicked.connect(lambda: self._pop_up_values(self.values_button))
        self._show_tooltip()
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setObjectName("removeElement")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setToolTip(self.tr("Fjern elementet (Ctrl+Delete)"))
        self.remove_button.setAccessibleName(self.tr("Fjern elementet"))
        #: The phone mark of an element the partner wrote on their own device.
        self.device_mark: QLabel | None = None
        if element.written_on_device:
            self.device_mark = device_mark_label(self.edit.sizeHint().height() - 8)
            layout.addWidget(self.device_mark)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.values_button)
        layout.addWidget(self.remove_button)
        self._save = DebouncedSave(self._save_now, self)
        self.edit.textEdited.connect(self._save.schedule)
        self.edit.editingFinished.connect(self._finish)
        self.edit.returnPressed.connect(self.return_pressed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.element.id))
        values_action = QAction(self.edit)
        values_action.setShortcut(QKeySequence("Ctrl+T"))
        values_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        values_action.triggered.connect(self.show_values_menu)
        self.edit.addAction(values_action)
        self.show_values()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.edit.hasFocus():
            self.edit.setCursorPosition(0)

    def show_values(self) -> None:
        values = self.element.value_forms
        names = value_names(values, self.language)
        self.values_button.setText(f"◆{len(values)}" if values else "◇")
        self.values_button.setToolTip((names + "\n" if names else "") + self.tr("Værdiformer for elementet (Ctrl+T)"))
        mark = device_mark_text() if self.element.written_on_device else ""
        self.edit.setAccessibleDescription(" · ".join(part for part in (mark, names) if part))

    def values_menu(self) -> QMenu:
        """The value forms as a menu, ticked as the element has them now."""
        return value_menu(self, self.element.value_forms, self.language, self._toggle_value)

    def show_values_menu(self) -> None:
        self._pop_up_values(self.edit)

    def _pop_up_values(self, under: QWidget) -> None:
        menu = self.values_menu()
        menu.exec(under.mapToGlobal(under.rect().bottomLeft()))
        menu.deleteLater()

    def _toggle_value(self, value_id: str, on: bool) -> None:
        values = set(self.element.value_forms)
        values.add(value_id) if on else values.discard(value_id)
        self.values_changed.emit(self.element.id, values)

    def set_element(self, element: ElementData) -> None:
        """The stored element changed (saved, re-tagged); keep what is being typed."""
        self.element = element
        if not self.edit.hasFocus() and self.edit.text() != element.text:
            self.edit.setText(element.text)
            self.edit.setCursorPosition(0)
        self._show_tooltip()
        self.show_values()

    def _show_tooltip(self) -> None:
        element = self.element
        self.edit.setToolTip(f"{element.text}\n({device_mark_text()})" if element.written_on_device else element.text)

    def _save_now(self) -> None:
        text = self.edit.text()
        if text.strip() and text.strip() != self.element.text:
            self.edited.emit(self.element.id, text)

    def _finish(self) -> None:
        if self.removing:
            return
        if not self.edit.text().strip():
            self._save.cancel()
            self.remove_requested.emit(self.element.id)
            return
        self._save.flush()

    @property
    def pending(self) -> bool:
        return self._save.pending

    def retry_later(self) -> None:
        """The edit could not be saved; it stays on screen and is tried again shortly."""
        self._save.retry_later()

    def discard_pending(self) -> None:
        """The element is being removed: forget text still waiting to be saved."""
        self._save.cancel()

    def flush(self) -> None:
        if self.removing:
            return
        if not self.edit.text().strip():
            self._finish()
            return
        # Also retries words an earlier save could not store (a full disk, say).
        self._save.cancel()
        self._save_now()

    @property
    def unsaved(self) -> bool:
        """The line shows words the store does not have yet."""
        text = self.edit.text().strip()
        return bool(text) and " ".join(text.split()) != self.element.text


class FieldCard(QFrame):
    """One quarter of the circle: the question and the elements that answer it."""

    #: Enter in the entry line with text (field id, text).
    add_requested = Signal(str, str)
    #: The entry line's words should be kept as a draft (circle id, field id, text).
    draft_edited = Signal(int, str, str)

    def __init__(self, field: CircleField, language: str, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.read_only = read_only
        self.setObjectName("fieldCard")
        self.lines: list[ElementLine] = []
        self._labels: list[QLabel] = []
        #: Rows holding a read-only element with its device mark (the label sits inside).
        self._marked_rows: list[QWidget] = []
        #: The elements the lines (or labels) show, in order, as they were when shown.
        self._shown: list[ElementData] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        self.label = QLabel(field.label.get(language).upper())
        self.label.setObjectName("fieldLabel")
        self.question = QLabel(field.question.get(language))
        self.question.setObjectName("fieldQuestion")
        self.question.setWordWrap(True)
        self.question.setToolTip(field.hint.get(language))
        layout.addWidget(self.label)
        layout.addWidget(self.question)
        self.hint = QLabel(field.hint.get(language))
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint)

        self.rows = QWidget()
        self.rows.setObjectName("fieldRows")
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(3)
        self.rows_layout.addStretch(1)
        # The rows never lay out smaller than their lines: the scroll area follows a new
        # line a layout late, and meanwhile every line of the card was squeezed and
        # stretched again (twice the work for each element a partner adds from a phone).
        self.rows_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        scroll = QScrollArea()
        scroll.setObjectName("fieldScroll")
        scroll.setAccessibleName(self.tr("Elementer"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.rows)
        scroll.viewport().setAutoFillBackground(False)
        self.rows.setAutoFillBackground(False)
        self.scroll = scroll
        layout.addWidget(scroll, 1)

        self.entry = QLineEdit()
        self.entry.setObjectName("elementEntry")
        self.entry.setMaxLength(1000)
        self.entry.setPlaceholderText(self.tr("Skriv et element og tryk Enter …"))
        self.entry.setAccessibleName(f"{field.label.get(language)}: {field.question.get(language)}")
        self.entry.setAccessibleDescription(
            self.tr("Nyt element. Enter tilføjer det, Tab går til næste spørgsmål, pil op til de skrevne elementer.")
        )
        self.entry.returnPressed.connect(self._add)
        self.entry.installEventFilter(self)
        #: The circle on screen, whose draft the entry line holds (set by the workspace).
        self.circle_id: int | None = None
        # Words typed but not yet added are kept like any other typing, for the circle they
        # were typed in even if another one is shown before the save.
        self._draft_circle: int | None = None
        self._draft = DebouncedSave(self._save_draft, self)
        self.entry.textEdited.connect(self._draft_typed)
        # The entry sits right under the last element, where the next one will appear.
        self.rows_layout.insertWidget(0, self.entry)
        self.entry.setVisible(not read_only)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_hint(self, visible: bool) -> None:
        self.hint.setVisible(visible)

    def _add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add_requested.emit(self.field.id, text)

    def _draft_typed(self) -> None:
        self._draft_circle = self.circle_id
        self._draft.schedule()

    def _save_draft(self) -> None:
        if self._draft_circle is not None:
            self.draft_edited.emit(self._draft_circle, self.field.id, self.entry.text())

    def show_draft(self, circle_id: int, text: str) -> None:
        """Show `circle_id`'s circle: its draft goes into the entry line."""
        self._draft.flush()
        self.circle_id = circle_id
        # setText, not clear(): it also drops the line's own undo, which belongs to another circle.
        self.entry.setText(text)

    @property
    def draft_pending(self) -> bool:
        """The entry line's words are not kept yet (waiting, or a save failed)."""
        return self._draft.pending

    def retry_draft(self) -> None:
        """The draft could not be kept; it stays on screen and is tried again shortly."""
        self._draft.retry_later()

    def set_elements(self, elements: list[ElementData]) -> list[ElementLine]:
        """Show exactly these elements; returns the lines made for them that were not there.

        When the elements on screen are the start of the new list, as when partners add from
        their phones, those lines stay and only the new ones are made: rebuilding the lines
        of a long circle for each few elements added would hold the window for a second.
        """
        kept = len(self._shown)
        if self._shown != elements[:kept]:
            for widget in [*self.lines, *self._labels, *self._marked_rows]:
                self.rows_layout.removeWidget(widget)
                widget.deleteLater()
            self.lines = []
            self._labels = []
            self._marked_rows = []
            self._shown = []
            kept = 0
        added = [self._append(element) for element in elements[kept:]]
        return [line for line in added if isinstance(line, ElementLine)]

    def show_added(self, element: ElementData) -> ElementLine | None:
        """An element added elsewhere (a partner's phone): its line, in its place among the others.

        The other lines stay as they are. None if it is shown already, or if the card is
        read-only (the caller then shows the circle again).
        """
        if self.read_only or any(shown.id == element.id for shown in self._shown):
            return None
        at = sum(1 for shown in self._shown if shown.position < element.position)
        line = self._append(element, at)
        assert isinstance(line, ElementLine)
        return line

    def _append(self, element: ElementData, at: int | None = None) -> ElementLine | QLabel:
        if at is None or self.read_only:
            at = len(self._shown)
        self._shown.insert(at, element)
        if self.read_only:
            names = value_names(element.value_forms, self.language)
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(html.escape(f"• {element.text}") + (f"  <i>({html.escape(names)})</i>" if names else ""))
            label.setObjectName("elementText")
            label.setWordWrap(True)
            self._labels.append(label)
            if not element.written_on_device:
                self.rows_layout.insertWidget(self.rows_layout.count() - 2, label)
                return label
            # Written on the partner's own device: the phone mark before the words, and said in words.
            label.setToolTip(device_mark_text())
            label.setAccessibleName(f"{element.text} ({device_mark_text()})")
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(4)
            row_layout.addWidget(device_mark_label(label.fontMetrics().height()), 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(label, 1)
            self.rows_layout.insertWidget(self.rows_layout.count() - 2, row)
            self._marked_rows.append(row)
            return label
        line = ElementLine(element, self.language)
        line.edit.setAccessibleName(self.field.label.get(self.language))
        # Tab goes from question to question; written elements are reached with the arrow
        # keys. Tabbing into one would select its text, and the next word typed from paper
        # would overwrite an element instead of adding one.
        line.edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        line.edit.installEventFilter(self)
        # Editable lines are the first rows of the layout, in the order of the elements.
        self.rows_layout.insertWidget(at, line)
        self.lines.insert(at, line)
        line.return_pressed.connect(lambda line=line: self._next_after(line))
        return line

    def append_element(self, element: ElementData) -> ElementLine:
        """A new element was stored from the entry line: show it and clear the entry."""
        line = self._append(element)
        # The store dropped the draft with the element; nothing of it waits to be saved.
        self._draft.cancel()
        # setText, not clear(): it also drops the field's own undo, so Ctrl+Z cannot bring
        # the words back into the entry and add them a second time.
        self.entry.setText("")
        self.scroll.ensureWidgetVisible(self.entry)
        assert isinstance(line, ElementLine)
        return line

    def line_for(self, element_id: int) -> ElementLine | None:
        return next((line for line in self.lines if line.element.id == element_id), None)

    def _next_after(self, line: ElementLine) -> None:
        self._move_from(line.edit, 1)

    def _move_from(self, edit: QLineEdit, direction: int) -> None:
        """Up/Down: the previous or next element of this question, the entry line last."""
        chain = [line.edit for line in self.lines] + [self.entry]
        index = chain.index(edit) + direction
        if 0 <= index < len(chain):
            # Not a Tab focus reason, so the text is not selected and cannot be typed over.
            chain[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # Every event of every line passes here (paints, moves): the others leave at once.
        if kind != QEvent.Type.ShortcutOverride and kind != QEvent.Type.KeyPress:
            return False
        # With nothing of its own to undo, a field lets Ctrl+Z reach the step's history.
        passes_on = isinstance(watched, QLineEdit) and (
            (kind == QEvent.Type.ShortcutOverride)
            and (
                (event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable())
            )
        )
        if passes_on:
            event.ignore()
            return True
        if kind == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            key = event.key()
            line = next((line for line in self.lines if line.edit is watched), None)
            if (
                line is not None
                and key == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                # Taken before the field's own "delete word", which would shadow the shortcut.
                line.remove_requested.emit(line.element.id)
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self._move_from(watched, -1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def focus_widgets(self) -> list[QWidget]:
        """The card's stops in Tab order: its entry line."""
        return [self.entry] if not self.read_only else []

    def flush(self) -> None:
        for line in self.lines:
            line.flush()
        self._draft.flush()


class CircleCanvas(QWidget):
    """The circle with its four fields; the centre names whose circle it is."""

    def __init__(
        self, template: CircleTemplate, language: str, read_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.template = template
        self.language = language
        self.read_only = read_only
        self.setObjectName("circleCanvas")
        self._colour = QColor(NEUTRAL_COLOUR)
        self._owner = ""
        self._owner_initials = ""
        self._subtitle = ""
        self._background: QPixmap | None = None
        self._background_key: tuple | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(1, HUB_WIDTH)
        self.cards: dict[str, FieldCard] = {}
        # Reading order: the first question top left, as on the printed template.
        for index, field in enumerate(template.fields):
            card = FieldCard(field, language, read_only)
            grid.addWidget(card, index // 2, 0 if index % 2 == 0 else 2)
            self.cards[field.id] = card
        # Read-only text wraps, so the review fits beside the value chart on a 13" screen.
        self.setMinimumSize(420 if read_only else 540, 300)
        self.chain_tab_order()

    def set_owner(self, partner: PartnerData | None, subtitle: str = "") -> None:
        """Paint the circle in this partner's colour with their initials in the centre."""
        self._colour = QColor(partner.colour) if partner else QColor(NEUTRAL_COLOUR)
        self._owner = partner.display_name if partner else ""
        self._owner_initials = initials(partner.name) if partner else ""
        self._subtitle = subtitle
        ink = ink_for_text(self._colour, self.palette().color(QPalette.ColorRole.Window))
        for card in self.cards.values():
            card.label.setStyleSheet(f"color: {ink.name()};")
        name = self.template.name.get(self.language)
        owner = " · ".join(part for part in (self._owner, self._subtitle) if part)
        self.setAccessibleName(f"{name}: {owner}" if owner else name)
        self.update()

    def show_hints(self, visible: bool) -> None:
        for card in self.cards.values():
            card.show_hint(visible)

    def set_elements(self, elements: list[ElementData]) -> list[ElementLine]:
        """Distribute the circle's elements to their fields; returns the lines made new."""
        made: list[ElementLine] = []
        for field_id, card in self.cards.items():
            made += card.set_elements([element for element in elements if element.field == field_id])
        self.chain_tab_order()
        return made

    def chain_tab_order(self) -> None:
        widgets = [widget for card in self.cards.values() for widget in card.focus_widgets()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def first_entry(self) -> QLineEdit:
        return next(iter(self.cards.values())).entry

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn once per size and owner: every line a partner adds from a phone repaints the
        # circle under it, and two antialiased circles cost more than the line itself.
        key = (self.size(), self.devicePixelRatioF(), self._colour.rgba(), self._owner_initials, self.font().key())
        if self._background is None or self._background_key != key:
            self._background = self._paint_background()
            self._background_key = key
        painter = QPainter(self)
        painter.drawPixmap(QRectF(event.rect()), self._background, self._background_rect(event.rect()))
        painter.end()

    def _background_rect(self, rect: QRect) -> QRectF:
        ratio = self._background.devicePixelRatio()
        return QRectF(rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio)

    def _paint_background(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio))))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = min(self.width(), self.height()) / 2 - 6
        tint = QColor(self._colour)
        tint.setAlpha(46)
        painter.setBrush(tint)
        painter.setPen(QPen(self._colour, 3))
        painter.drawEllipse(centre, radius, radius)
        # The quarters, as on paper.
        line = QColor(self._colour)
        line.setAlpha(120)
        painter.setPen(QPen(line, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(centre.x(), centre.y() - radius), QPointF(centre.x(), centre.y() + radius))
        painter.drawLine(QPointF(centre.x() - radius, centre.y()), QPointF(centre.x() + radius, centre.y()))
        hub = min(HUB_WIDTH / 2 - 4, radius * 0.45)
        painter.setBrush(self._colour)
        painter.setPen(QPen(QColor("#FFFFFF"), 3))
        painter.drawEllipse(centre, hub, hub)
        painter.setPen(readable_on(self._colour))
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(font)
        box = QRectF(centre.x() - hub, centre.y() - hub, 2 * hub, 2 * hub).adjusted(8, 8, -8, -8)
        lines = [self.template.centre.get(self.language)]
        if self._owner_initials:
            lines.append(self._owner_initials)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, "\n".join(lines))
        painter.end()
        return pixmap
