"""Delsession 4, "Hvordan kommer vi videre?": the agreed next steps, typed as fast as they are said.

The scribe types one line per action ("Ring til Kystdirektoratet @MK !15.5") and presses
Enter; the table then takes the details. Every change is stored at once and can be undone.
The SMART check only asks questions; the group decides what is concrete enough. The table
is `ActionTableModel` (ui/next_steps_model.py) shown by `ActionView` (ui/next_steps_view.py).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.conversation import DECISIONS
from facilitator.conversation.action_status import OVERDUE, OVERDUE_ON_DARK, is_overdue
from facilitator.conversation.next_steps import (
    AREAS,
    TEMPLATE_QUESTION,
    TEMPLATE_TITLE,
    Action,
    Area,
    move_target,
    parse_date,
    parse_quick_entry,
    place,
    smart_findings,
)
from facilitator.palette import initials
from facilitator.program import Step
from facilitator.store import PartnerData
from facilitator.ui import labels
from facilitator.ui.context import SessionContext
from facilitator.ui.form_fields import FieldEditor, FormSaver
from facilitator.ui.next_steps_model import (
    AREA_ID_ROLE,
    COL_WHAT,
    FLAG_COLOUR,
    ActionTableModel,
    format_short_date,
)
from facilitator.ui.next_steps_view import ActionView
from facilitator.ui.undo import DoneCommand
from facilitator.ui.workspaces.base import Workspace


class NextStepsWorkspace(Workspace):
    """The four areas with their actions, the quick-entry line, the SMART check and the decision rule."""

    roomy = True

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        language = context.language
        self.undo_stack = QUndoStack(self)
        self.operations = context.operations(self.undo_stack)
        self.partners: list[PartnerData] = []
        self.actions: dict[int, Action] = {}
        self.session_date: dt.date | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(labels.heading(TEMPLATE_TITLE.get(language).upper()))

        entry_row = QHBoxLayout()
        self.area_box = QComboBox()
        self.area_box.setAccessibleName(self.tr("Område for nye handlinger"))
        for number, item in enumerate(AREAS, start=1):
            self.area_box.addItem(f"{number}  {item.title.get(language)}", item.id)
        self.area_box.setToolTip(self.tr("Alt+1 … Alt+4 vælger området"))
        self.entry = QLineEdit()
        self.entry.setObjectName("quickEntry")
        self.entry.setAccessibleName(self.tr("Ny handling"))
        self.entry.setPlaceholderText(
            self.tr("Hvad skal gøres? @ansvarlig !dato – Enter tilføjer (fx »Ring til Kystdirektoratet @MK !15.5«)")
        )
        self.add_button = QPushButton(self.tr("Tilføj"))
        entry_row.addWidget(self.area_box)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        layout.addLayout(entry_row)

        self.model = ActionTableModel(language, self._edit, self, today=context.today)
        self.tree = ActionView(self.model)
        self.tree.setObjectName("actionTree")
        self.tree.setAccessibleName(TEMPLATE_TITLE.get(language))

        self.area_guide = labels.hint()
        self.area_guide.setObjectName("areaGuide")
        layout.addWidget(self.area_guide)
        layout.addWidget(self.tree, 1)

        details = QHBoxLayout()
        self.detail_edits: dict[str, QLineEdit] = {}
        for field, label, placeholder in (
            ("owner_person", self.tr("Person"), self.tr("navngiven person hos den ansvarlige")),
            ("with_whom", self.tr("Med hvem"), self.tr("hvem der er med")),
            ("how_much", self.tr("Hvor meget"), self.tr("tid, penge, omfang")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label)
            caption = QLabel(label + ":")
            caption.setBuddy(edit)
            details.addWidget(caption)
            details.addWidget(edit, 1)
            edit.editingFinished.connect(lambda field=field: self._detail_edited(field))
            self.detail_edits[field] = edit
        self.up_button = QPushButton(self.tr("Op"))
        self.up_button.setToolTip(
            self.tr("Flyt handlingen op (Alt+Op); øverst i et område flytter den til området før")
        )
        self.down_button = QPushButton(self.tr("Ned"))
        self.down_button.setToolTip(self.tr("Flyt handlingen ned (Alt+Ned); nederst flytter den til næste område"))
        self.remove_button = QPushButton(self.tr("Slet"))
        self.remove_button.setToolTip(self.tr("Slet handlingen (Delete); Ctrl+Z fortryder"))
        for button in (self.up_button, self.down_button, self.remove_button):
            details.addWidget(button)
        layout.addLayout(details)
        self.check_label = labels.hint()
        self.check_label.setObjectName("smartCheck")
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.check_label)
        self._details_for: int | None = None

        # The decision rule folds away to one line, so a short screen keeps room for the actions.
        self.decisions_toggle = QToolButton()
        self.decisions_toggle.setObjectName("decisionsToggle")
        self.decisions_toggle.setCheckable(True)
        self.decisions_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.decisions_toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.decisions_toggle.setToolTip(self.tr("Vis eller skjul beslutningsreglen (Ctrl+D)"))
        self.decisions = QWidget()
        decisions_layout = QHBoxLayout(self.decisions)
        decisions_layout.setContentsMargins(0, 0, 0, 0)
        self.decision_editors = [FieldEditor(field, language, compact=True) for field in DECISIONS.fields]
        for editor in self.decision_editors:
            decisions_layout.addWidget(editor)
        layout.addWidget(self.decisions_toggle)
        layout.addWidget(self.decisions)
        self.error_label = labels.error_label()
        layout.addWidget(self.error_label)
        self.saver = FormSaver(context, DECISIONS, self.decision_editors, self.error_label)
        self.saver.edited.connect(lambda _field: self.context.events.projection_changed.emit())
        self.saver.edited.connect(lambda _field: self._show_decisions_summary())
        self.decisions_toggle.toggled.connect(self.show_decisions)
        self.show_decisions(False)

        self.entry.returnPressed.connect(self.add_from_entry)
        self.add_button.clicked.connect(self.add_from_entry)
        self.area_box.currentIndexChanged.connect(lambda _index: self._show_guide())
        self.tree.selectionModel().currentChanged.connect(lambda _current, _previous: self._current_changed())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self._shortcut("Ctrl+L", self._focus_entry)
        self._shortcut("Ctrl+D", self.decisions_toggle.toggle)
        # Alt, not Ctrl: Ctrl+1 and Ctrl+5 give the running step more time on every page.
        for number in range(1, len(AREAS) + 1):
            self._shortcut(f"Alt+{number}", lambda index=number - 1: self.choose_area(index))
        for key, slot in (
            ("Delete", self.remove_current),
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self.tree, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._show_guide()

    def _shortcut(self, key: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(key), self, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Loading -------------------------------------------------------------------------------

    def prepare(self) -> None:
        self.reload_if_changed()

    def activate(self, step: Step) -> None:
        self.reload_if_changed()
        self._focus_entry()

    def reload(self) -> None:
        """Show the stored actions, keeping the current one current."""
        store, session_id = self.context.store, self.context.session_id
        current = self.current_action()
        column = self.tree.currentIndex().column()
        self.partners = store.partners(session_id)
        self.session_date = store.get_session(session_id).date
        actions = store.actions(session_id)
        self.actions = {action.id: action for action in actions}
        self.saver.load()
        self._show_decisions_summary()
        self.model.set_actions(actions, self.partners, self.session_date)
        if current is not None and current.id in self.actions:
            self.select_action(current.id, column)
        self._current_changed()
        self.context.events.projection_changed.emit()

    def _partner(self, partner_id: int | None) -> PartnerData | None:
        return next((partner for partner in self.partners if partner.id == partner_id), None)

    # Reading the view -------------------------------------------------------------------------

    def current_action(self) -> Action | None:
        return self.model.action_at(self.tree.currentIndex())

    def current_area(self) -> Area:
        return AREAS[max(0, self.area_box.currentIndex())]

    def rows(self) -> list[tuple[str, str]]:
        """(area id, what) for every action row, top to bottom: what the facilitator sees."""
        model = self.model
        return [
            (model.index(row, COL_WHAT).data(AREA_ID_ROLE), model.index(row, COL_WHAT).data())
            for row in range(model.rowCount())
            if not model.is_heading(row)
        ]

    def select_action(self, action_id: int, column: int = COL_WHAT) -> None:
        index = self.model.index_of(action_id, max(0, column))
        if index.isValid():
            self.tree.setCurrentIndex(index)

    # Side panel ------------------------------------------------------------------------------

    def choose_area(self, index: int) -> None:
        """Make area `index` the one new actions go to (Alt+1 … Alt+4) and go to the entry line."""
        self.area_box.setCurrentIndex(index)
        self._focus_entry()

    def _focus_entry(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _current_changed(self) -> None:
        area = self.model.area_at(self.tree.currentIndex())
        if area is not None:
            # Writing goes on where the facilitator is looking.
            self.area_box.setCurrentIndex(AREAS.index(area))
        self._show_guide()
        self._show_check()
        action = self.current_action()
        self._details_for = action.id if action else None
        for field, edit in self.detail_edits.items():
            edit.setEnabled(action is not None)
            if not edit.hasFocus() or action is None:
                edit.setText(getattr(action, field) if action else "")
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(action is not None)

    def _detail_edited(self, field: str) -> None:
        action = self.actions.get(self._details_for) if self._details_for is not None else None
        text = self.detail_edits[field].text()
        if action is not None and text.strip() != getattr(action, field):
            self.change_text(action, field, text)

    def _show_guide(self) -> None:
        language = self.context.language
        chosen = self.current_area()
        prompts = " · ".join(prompt.get(language) for prompt in chosen.prompts)
        self.area_guide.setText(f"{chosen.title.get(language)}: {prompts}")

    def _show_check(self) -> None:
        language = self.context.language
        action = self.current_action()
        if action is None:
            self.check_label.setText(html.escape(TEMPLATE_QUESTION.get(language)))
            return
        findings = smart_findings(action, session_date=self.session_date)
        if not findings:
            self.check_label.setText(
                html.escape(self.tr("SMART-tjek: der er en ansvarlig, en dato og en klar formulering."))
            )
            return
        questions = " · ".join(html.escape(finding.message.get(language)) for finding in findings)
        lead = html.escape(self.tr("SMART-tjek – gruppen kan overveje:"))
        self.check_label.setText(f"{lead} <span style='color:{FLAG_COLOUR.name()}'>{questions}</span>")

    def show_decisions(self, visible: bool) -> None:
        """Unfold the decision rule to write it, or fold it to its first words."""
        if self.decisions_toggle.isChecked() != visible:
            self.decisions_toggle.setChecked(visible)
            return
        self.decisions.setVisible(visible)
        self.decisions_toggle.setArrowType(Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow)
        self._show_decisions_summary()
        if visible:
            self.decision_editors[0].edit.setFocus()

    def _show_decisions_summary(self) -> None:
        title = DECISIONS.title.get(self.context.language)
        if self.decisions_toggle.isChecked():
            self.decisions_toggle.setText(title)
            return
        rule = " ".join(self.saver.texts().get("rule", "").split())
        summary = rule if rule else self.tr("ikke aftalt endnu")
        metrics = self.decisions_toggle.fontMetrics()
        shown = metrics.elidedText(f"{title}: {summary}", Qt.TextElideMode.ElideRight, max(200, self.width() - 60))
        self.decisions_toggle.setText(shown)

    # Changing ------------------------------------------------------------------------------

    def _command(self, text: str, redo, undo) -> DoneCommand:
        return DoneCommand(text, redo, undo, self.reload, self.context.report)

    def add_from_entry(self) -> None:
        """Add the typed line as an action in the chosen area; owner and date are read from it."""
        line = self.entry.text().strip()
        if not line:
            return
        today = self.session_date or self.context.today()
        entry = parse_quick_entry(line, {p.id: (p.name, p.organisation) for p in self.partners}, today)
        if not entry.what:
            self.context.events.notice.emit(self.tr("Skriv, hvad der skal gøres."))
            return
        chosen = self.current_area()
        store = self.context.store
        added = self.operations.run(
            lambda: store.add_action(
                self.context.session_id, chosen.id, entry.what, owner_partner_id=entry.owner_partner_id, due=entry.due
            ),
            undo=lambda action: self._command(
                self.tr("Tilføj handling"),
                lambda: store.restore_action(action.id),
                lambda: store.remove_action(action.id),
            ),
        )
        if added.failed:
            return  # the line stays in the entry, so nothing typed is lost
        self.entry.clear()
        self.reload()
        self.select_action(added.value.id)
        self.entry.setFocus()
        if entry.unmatched:
            self.context.events.notice.emit(
                self.tr("%1 passede ikke på en partner eller en dato og står nu i teksten.").replace(
                    "%1", " ".join(entry.unmatched)
                )
            )

    def _edit(self, action: Action, field: str, value: object) -> bool:
        """A cell edited in the table: typed text is read as `change_text` reads it."""
        if isinstance(value, str):
            return self.change_text(action, field, value)
        return self.change(action, field, value)

    def change_text(self, action: Action, field: str, text: str) -> bool:
        """A typed cell: dates are read the Danish way, an empty what is refused. True if stored."""
        if field == "due":
            text = text.strip()
            value = parse_date(text, self.session_date or self.context.today()) if text else None
            if text and value is None:
                self.context.events.error.emit(
                    self.tr("»%1« er ikke en dato. Skriv fx 15.5 eller 15.05.2026.").replace("%1", text)
                )
                return False
            return self.change(action, field, value)
        if field == "what" and not text.strip():
            self.context.events.error.emit(self.tr("En handling skal sige, hvad der skal gøres. Slet den i stedet."))
            return False
        return self.change(action, field, text)

    def change(self, action: Action, field: str, value: object) -> bool:
        """Store a new value of one field, undoably; True unless the store refused it."""
        old = getattr(action, field)
        if old == value:
            return True
        store = self.context.store
        changed = self.operations.run(
            lambda: store.update_action(action.id, **{field: value}),
            # Cleaned to what was there already (spaces around a word): nothing to undo or redraw.
            undo=lambda updated: (
                None
                if getattr(updated, field) == old
                else self._command(
                    self.tr("Ret handling"),
                    lambda: store.update_action(action.id, **{field: value}),
                    lambda: store.update_action(action.id, **{field: old}),
                )
            ),
        )
        if changed.failed:
            return False
        if getattr(changed.value, field) != old:
            self.reload()
        return True

    def remove_current(self) -> None:
        action = self.current_action()
        if action is None:
            return
        store = self.context.store
        removed = self.operations.run(
            lambda: store.remove_action(action.id),
            undo=lambda _: self._command(
                self.tr("Slet handling"),
                lambda: store.remove_action(action.id),
                lambda: store.restore_action(action.id),
            ),
            refresh=self.reload,
        )
        if removed.ok:
            self.context.events.notice.emit(self.tr("Handlingen er slettet – Ctrl+Z fortryder."))

    def move_current(self, step: int) -> None:
        """Move the current action up or down; past the end of its area it goes to the next area."""
        action = self.current_action()
        if action is None:
            return
        actions = list(self.actions.values())
        target = move_target(actions, action.id, step)
        if target is None:
            return
        origin = place(actions, action.id)
        store = self.context.store
        moved = self.operations.run(
            lambda: store.move_action(action.id, *target),
            undo=lambda _: self._command(
                self.tr("Flyt handling"),
                lambda: store.move_action(action.id, *target),
                lambda: store.move_action(action.id, *origin),
            ),
        )
        if moved.ok:
            self.reload()
            self.select_action(action.id)

    def flush(self) -> None:
        self.saver.flush()

    def unsaved_count(self) -> int:
        return self.saver.unsaved_count()

    def projection_html(self) -> str | None:
        language = self.context.language
        today = self.session_date or self.context.today()
        cells = []
        for item in AREAS:
            own = sorted(
                (action for action in self.actions.values() if action.area == item.id),
                key=lambda action: (action.position, action.id),
            )
            rows = []
            for action in own:
                partner = self._partner(action.owner_partner_id)
                who = initials(partner.name) if partner else action.owner_person
                details = " · ".join(part for part in (who, format_short_date(action.due)) if part)
                suffix = f" <i>({html.escape(details)})</i>" if details else ""
                if is_overdue(action, today):
                    # Words beside the colour: a late action reads as late on any projector.
                    suffix += f" <b><font color='{OVERDUE_ON_DARK}'>⚠ {html.escape(OVERDUE.get(language))}</font></b>"
                rows.append(f"<li>{html.escape(action.what)}{suffix}</li>")
            body = f"<ul>{''.join(rows)}</ul>" if rows else "<p>…</p>"
            cells.append(f"<b>{html.escape(item.title.get(language))}</b>{body}")
        # Two by two, like the paper template, so the room sees all four areas at once.
        grid = "".join(
            f"<tr><td width='50%' style='padding-right:24px'>{cells[row]}</td><td width='50%'>{cells[row + 1]}</td></tr>"
            for row in (0, 2)
        )
        result = f"<table width='100%'>{grid}</table>"
        rule = " ".join(self.saver.texts().get("rule", "").split())
        if rule:
            result += f"<p><b>{html.escape(DECISIONS.title.get(language))}:</b> {html.escape(rule)}</p>"
        return result


class NextStepsTemplateWorkspace(Workspace):
    """Presenting the template: the four areas with their questions and the guide's prompts."""

    roomy = True

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        language = context.language
        layout = self.start_layout(TEMPLATE_TITLE.get(language), TEMPLATE_QUESTION.get(language))
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, item in enumerate(AREAS):
            card = QLabel(self._card_html(item))
            card.setObjectName("areaCard")
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setFrameShape(QLabel.Shape.StyledPanel)
            card.setMargin(12)
            grid.addWidget(card, index // 2, index % 2)
        layout.addLayout(grid, 1)
        tips = [
            self.tr("Gør beslutningerne så konkrete som muligt – eventuelt som SMART-mål."),
            self.tr(
                "Vær tydelig på, hvordan beslutninger træffes: hvor meget uenighed og ubeslutsomhed kan tolereres?"
            ),
            self.tr("Sørg for, at hver opgave har en tydelig ejer."),
        ]
        layout.addWidget(labels.hint("   ".join(f"• {tip}" for tip in tips)))

    def _card_html(self, item: Area) -> str:
        language = self.context.language
        prompts = "".join(f"<li>{html.escape(prompt.get(language))}</li>" for prompt in item.prompts)
        return (
            f"<p style='font-size:large'><b>{html.escape(item.title.get(language).upper())}</b></p>"
            f"<p><b>{html.escape(item.question.get(language))}</b></p><ul>{prompts}</ul>"
        )

    def activate(self, step: Step) -> None:
        self.context.events.projection_changed.emit()

    def projection_html(self) -> str | None:
        language = self.context.language
        cards = "".join(
            f"<p><b>{html.escape(item.title.get(language))}</b> – {html.escape(item.question.get(language))}</p>"
            for item in AREAS
        )
        return (
            f"<p><b>{html.escape(TEMPLATE_TITLE.get(language).upper())}</b></p>"
            f"<p>{html.escape(TEMPLATE_QUESTION.get(language))}</p>{cards}"
        )


__all__ = ["NextStepsTemplateWorkspace", "NextStepsWorkspace"]
