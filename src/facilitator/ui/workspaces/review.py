"""The review (gennemgang): one partner's circle at a time, large, for the room to follow.

Next and previous partner with the buttons, PgDown/PgUp or Ctrl+PgDown/Ctrl+PgUp; a
partner with several change circles shows them one after the other. The projector shows
the same circle; the value-form chart beside it is for the facilitator only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from facilitator.conversation import circle_template
from facilitator.program import Step
from facilitator.store import CircleData, ElementData, PartnerData
from facilitator.ui.circle_view import CircleCanvas
from facilitator.ui.context import SessionContext
from facilitator.ui.undo import DoneCommand
from facilitator.ui.value_chart import ValuePanel
from facilitator.ui.workspaces.base import Workspace
from facilitator.ui.workspaces.circles import circle_caption

REVIEW_FONT_SCALE = 1.2


class ReviewWorkspace(Workspace):
    """Walks through the partners' circles of one kind."""

    roomy = True

    def __init__(self, context: SessionContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = kind
        self.template = circle_template(kind)
        #: (partner, circle or None when the partner has none yet, caption of the circle)
        self.entries: list[tuple[PartnerData, CircleData | None, str]] = []
        self.index = 0
        self.elements: list[ElementData] = []
        self._kind_elements: list[ElementData] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        navigation = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("‹ Forrige partner"))
        self.previous_button.setToolTip(self.tr("Forrige partner (PgUp)"))
        self.next_button = QPushButton(self.tr("Næste partner ›"))
        self.next_button.setToolTip(self.tr("Næste partner (PgDown)"))
        self.position_label = QLabel()
        self.position_label.setObjectName("reviewPosition")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A long name and organisation wraps rather than pushing the buttons out of the window.
        self.position_label.setWordWrap(True)
        self.values_button = QPushButton(self.tr("Værdiformer"))
        self.values_button.setCheckable(True)
        self.values_button.setChecked(True)
        self.values_button.setToolTip(self.tr("Vis eller skjul værdiformerne (kun for dig, ikke på projektoren)"))
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.position_label, 1)
        navigation.addWidget(self.values_button)
        navigation.addWidget(self.next_button)
        layout.addLayout(navigation)
        self.undo_stack = QUndoStack(self)
        self.operations = context.operations(self.undo_stack)
        self.reveal_row = QWidget()
        reveal = QHBoxLayout(self.reveal_row)
        reveal.setContentsMargins(0, 0, 0, 0)
        self.hidden_label = QLabel()
        self.hidden_label.setObjectName("reviewHidden")
        self.hidden_label.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Vis &cirklen"))
        self.reveal_button.setToolTip(self.tr("Vis partnerens cirkel på projektoren (Fortryd skjuler den igen)"))
        self.reveal_all_button = QPushButton(self.tr("Vis cirkl&erne"))
        self.reveal_all_button.setToolTip(self.tr("Vis alle partneres cirkler på projektoren"))
        reveal.addWidget(self.hidden_label, 1)
        reveal.addWidget(self.reveal_button)
        reveal.addWidget(self.reveal_all_button)
        layout.addWidget(self.reveal_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.canvas = CircleCanvas(self.template, context.language, read_only=True)
        font = self.canvas.font()
        font.setPointSizeF(font.pointSizeF() * REVIEW_FONT_SCALE)
        self.canvas.setFont(font)
        scroll = QScrollArea()
        scroll.setObjectName("circleScroll")
        scroll.setAccessibleName(self.tr("Partnerens cirkel"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self.values = ValuePanel(context.store, context.session_id, context.language)
        self.values.chart.topic_requested.connect(context.events.guidance_requested)
        splitter.addWidget(scroll)
        splitter.addWidget(self.values)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(True)
        layout.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr("Der er ingen partnere endnu."))
        self.empty_label.setObjectName("hint")
        layout.addWidget(self.empty_label)

        self.values_button.toggled.connect(self.values.setVisible)
        self.reveal_button.clicked.connect(lambda: self.reveal(one=True))
        self.reveal_all_button.clicked.connect(lambda: self.reveal(one=False))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        for keys, direction in (("PgDown", 1), ("PgUp", -1), ("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda direction=direction: self.step(direction))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def prepare(self) -> None:
        self.reload_if_changed()

    def activate(self, step: Step) -> None:
        self.reload_if_changed()
        # Deferred for the same reason as in the circles: the page may not be in the window yet.
        QTimer.singleShot(
            0, self, lambda: self.isVisible() and self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        )

    def reload(self) -> None:
        """Every partner's circles in order; the one on screen stays if it still exists."""
        store, session_id = self.context.store, self.context.session_id
        current = self.current()
        partners = store.partners(session_id)
        circles = store.circles(session_id, self.kind)
        # Read once: each circle on screen and the value chart are both taken from this.
        self._kind_elements = store.elements(session_id, kind=self.kind)
        self.entries = []
        for partner in partners:
            own = [circle for circle in circles if circle.partner_id == partner.id]
            if not own:
                self.entries.append((partner, None, ""))
            for index, circle in enumerate(own):
                caption = circle_caption(circle, index) if len(own) > 1 or circle.title else ""
                self.entries.append((partner, circle, caption))
        keys = [(partner.id, circle.id if circle else None) for partner, circle, _ in self.entries]
        if current is not None and current in keys:
            self.index = keys.index(current)
        self.index = min(self.index, max(len(self.entries) - 1, 0))
        self.values.show_elements(partners, self._kind_elements)
        self._show()

    def current(self) -> tuple[int, int | None] | None:
        """(partner id, circle id) on screen."""
        if not self.entries:
            return None
        partner, circle, _ = self.entries[self.index]
        return partner.id, circle.id if circle else None

    def step(self, direction: int) -> None:
        """Next (1) or previous (-1) circle, stopping at the ends."""
        target = self.index + direction
        if 0 <= target < len(self.entries):
            self.index = target
            self._show()

    def _show(self) -> None:
        has_entries = bool(self.entries)
        self.empty_label.setVisible(not has_entries)
        self.canvas.setVisible(has_entries)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.entries) - 1)
        if not has_entries:
            self.position_label.setText("")
            self.reveal_row.hide()
            self.context.events.projection_changed.emit()
            return
        partner, circle, caption = self.entries[self.index]
        self.elements = (
            [element for element in self._kind_elements if element.circle_id == circle.id] if circle is not None else []
        )
        self.canvas.set_owner(partner, caption)
        self.canvas.set_elements(self.elements)
        where = self.tr("%1 af %2").replace("%1", str(self.index + 1)).replace("%2", str(len(self.entries)))
        title = partner.display_name + (f" · {caption}" if caption else "")
        self.position_label.setText(f"<b>{html.escape(title)}</b>  ·  {where}")
        self._show_reveal()
        self.context.events.projection_changed.emit()

    # Private until shared: circles written on the partners' devices ------------------------

    def _hidden(self) -> list[CircleData]:
        return [circle for _partner, circle, _caption in self.entries if circle is not None and not circle.revealed]

    def _show_reveal(self) -> None:
        hidden = self._hidden()
        circle = self.entries[self.index][1] if self.entries else None
        shown_here = circle is None or circle.revealed
        self.reveal_row.setVisible(bool(hidden))
        self.reveal_button.setEnabled(not shown_here)
        self.reveal_all_button.setEnabled(bool(hidden))
        self.hidden_label.setText(
            self.tr("Skjult på projektoren, til du viser den.")
            if not shown_here
            else self.tr("%n cirkel(er) er endnu skjult på projektoren.", "", len(hidden))
        )

    def reveal(self, *, one: bool) -> None:
        """Show the circle on screen (or every hidden one) on the projector and the partners' pages."""
        store, session_id, kind = self.context.store, self.context.session_id, self.kind
        partner_id = self.entries[self.index][0].id if one and self.entries else None

        def hide_again(circles: list[CircleData]) -> None:
            # Circle by circle: only those this click revealed go back to private.
            for circle in circles:
                store.set_circle_revealed(circle.id, False)

        self.operations.run(
            lambda: store.set_circles_revealed(session_id, kind, True, partner_id=partner_id),
            undo=lambda circles: (
                DoneCommand(
                    self.tr("Vis cirklen") if one else self.tr("Vis cirklerne"),
                    lambda: store.set_circles_revealed(session_id, kind, True, partner_id=partner_id),
                    lambda: hide_again(circles),
                    self.reload,
                    self.context.report,
                )
                if circles
                else None
            ),
            refresh=self.reload,
        )

    def projection_html(self) -> str | None:
        if not self.entries:
            return None
        partner, circle, caption = self.entries[self.index]
        language = self.context.language
        heading = html.escape(partner.display_name) + (f" · {html.escape(caption)}" if caption else "")
        if circle is not None and not circle.revealed:
            # Private until shared: the partner wrote alone; the room sees it when the facilitator shows it.
            waiting = html.escape(self.tr("Cirklen vises, når I gennemgår den."))
            return f"<p><span style='color:{partner.colour}'>●</span> <b>{heading}</b></p><p><i>{waiting}</i></p>"
        cells = []
        for field in self.template.fields:
            items = "".join(
                f"<li>{html.escape(element.text)}</li>" for element in self.elements if element.field == field.id
            )
            cells.append(
                f"<td width='50%'>"
                f"<span style='color:{partner.colour}'><b>{html.escape(field.label.get(language).upper())}</b></span>"
                f"<br/><i>{html.escape(field.question.get(language))}</i>"
                f"<ul>{items or '<li>–</li>'}</ul></td>"
            )
        return (
            f"<p><span style='color:{partner.colour}'>●</span> <b>{heading}</b> – "
            f"{html.escape(self.template.centre.get(language))}</p>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='10' "
            f"style='border-color:{partner.colour}; border-style:solid'><tr>{cells[0]}{cells[1]}</tr><tr>{cells[2]}{cells[3]}</tr></table>"
        )
