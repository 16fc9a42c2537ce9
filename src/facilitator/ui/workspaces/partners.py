"""The partner list: add, edit, reorder and remove partners, each with a colour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.palette import PARTNER_COLOURS, initials
from facilitator.program import Step
from facilitator.store import PartnerData
from facilitator.ui import labels
from facilitator.ui.autosave import DebouncedSave
from facilitator.ui.context import SessionContext
from facilitator.ui.operations import in_label
from facilitator.ui.workspaces.base import Workspace

# Marked for lupdate; translated where shown, with the workspace's tr.
_COLOUR_NAMES = (
    QT_TRANSLATE_NOOP("PartnersWorkspace", "orange"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "himmelblå"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "grøn"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "gul"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "blå"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "rødorange"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "lilla"),
    QT_TRANSLATE_NOOP("PartnersWorkspace", "grå"),
)


def partner_badge(colour: str, text: str, size: int = 28) -> QPixmap:
    """A round badge in the partner's colour with their initials: colour is never the only cue."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    painter.setBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setPen(QColor("#111111") if fill.lightness() > 140 else QColor("#FFFFFF"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * 0.4))
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class _PartnerList(QListWidget):
    """The partner list; reordering by drag is reported as (partner id, new row)."""

    moved = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def dropEvent(self, event) -> None:
        item = self.currentItem()
        super().dropEvent(event)
        if item is not None:
            self.moved.emit(item.data(Qt.ItemDataRole.UserRole), self.row(item))


class PartnersWorkspace(Workspace):
    """Register the partners: name, organisation, role, decision mandate, why now, colour."""

    def __init__(self, context: SessionContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.operations = context.operations()
        self._loading = False
        self._partners: list[PartnerData] = []

        outer = self.start_layout(
            self.tr("Partnerne"),
            self.tr(
                "Bed partnerne præsentere sig: hvilken rolle og hvilket beslutningsmandat de repræsenterer, "
                "og hvorfor partnerskabsmuligheden afsøges netop nu."
            ),
        )

        splitter = QSplitter()
        outer.addWidget(splitter, 1)

        # Left: the list and the quick "type a name, press Enter" entry.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Navn på ny partner, tryk Enter"))
        self.new_name.setAccessibleName(self.tr("Navn på ny partner"))
        self.add_button = QPushButton(self.tr("&Tilføj"))
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        left_layout.addLayout(add_row)
        self.add_error = labels.error_label()
        left_layout.addWidget(self.add_error)
        self.list = _PartnerList()
        self.list.setAccessibleName(self.tr("Partnerliste"))
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.up_button = QToolButton()
        self.up_button.setText(self.tr("Op"))
        self.up_button.setToolTip(self.tr("Flyt partneren op (Alt+Op)"))
        self.down_button = QToolButton()
        self.down_button.setText(self.tr("Ned"))
        self.down_button.setToolTip(self.tr("Flyt partneren ned (Alt+Ned)"))
        self.remove_button = QPushButton(self.tr("&Fjern …"))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        left_layout.addLayout(buttons)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        left_layout.addWidget(self.count_label)
        splitter.addWidget(left)

        # Right: the selected partner's details.
        self.detail = QWidget()
        form = QFormLayout(self.detail)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.role_edit = QPlainTextEdit()
        self.mandate_edit = QPlainTextEdit()
        self.why_now_edit = QPlainTextEdit()
        for edit, name in (
            (self.name_edit, self.tr("Navn")),
            (self.organisation_edit, self.tr("Organisation")),
            (self.role_edit, self.tr("Rolle")),
            (self.mandate_edit, self.tr("Beslutningsmandat")),
            (self.why_now_edit, self.tr("Hvorfor nu – og om hvad?")),
        ):
            edit.setAccessibleName(name)
        for edit in (self.role_edit, self.mandate_edit, self.why_now_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(56)
        self.role_edit.setPlaceholderText(self.tr("Fx klimachef i Teknik og Miljø"))
        self.mandate_edit.setPlaceholderText(
            self.tr("Hvad kan partneren beslutte her, og hvad kræver andres godkendelse?")
        )
        self.why_now_edit.setPlaceholderText(self.tr("Hvorfor afsøges partnerskabet netop nu – og om hvad?"))
        form.addRow(self.tr("&Navn"), self.name_edit)
        form.addRow(self.tr("&Organisation"), self.organisation_edit)
        form.addRow(self.tr("&Rolle"), self.role_edit)
        form.addRow(self.tr("Beslutnings&mandat"), self.mandate_edit)
        form.addRow(self.tr("&Hvorfor nu?"), self.why_now_edit)
        colour_row = QHBoxLayout()
        self.colour_group = QButtonGroup(self)
        self.colour_group.setExclusive(True)
        for index, colour in enumerate(PARTNER_COLOURS):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName("colourSwatch")
            button.setStyleSheet(f"QToolButton#colourSwatch {{ background: {colour}; }}")
            button.setFixedSize(26, 26)
            button.setAccessibleName(self.tr("Farve %1").replace("%1", self.tr(_COLOUR_NAMES[index])))
            button.setToolTip(self.tr(_COLOUR_NAMES[index]))
            self.colour_group.addButton(button, index)
            colour_row.addWidget(button)
        colour_row.addStretch(1)
        form.addRow(self.tr("Farve"), colour_row)
        self.detail_error = labels.error_label()
        form.addRow(self.detail_error)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self._save_details = DebouncedSave(self._save_now, self)
        self.new_name.returnPressed.connect(self.add_partner)
        self.add_button.clicked.connect(self.add_partner)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button.clicked.connect(lambda: self._move_current(+1))
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self._move_current(-1))
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self._move_current(+1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.remove_current)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.moved.connect(self._move_to)
        for edit in (self.name_edit, self.organisation_edit):
            edit.textEdited.connect(self._save_details.schedule)
            edit.editingFinished.connect(self._save_details.flush)
        for edit in (self.role_edit, self.mandate_edit, self.why_now_edit):
            edit.textChanged.connect(self._on_plain_text_changed)
        self.colour_group.idClicked.connect(self._save_colour)
        self.reload()

    # Loading ------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Refill the list from the store, keeping (or setting) the selection."""
        if select_id is None and self.current_partner() is not None:
            select_id = self.current_partner().id
        self._partners = self.context.store.partners(self.context.session_id)
        self._loading = True
        self.list.clear()
        selected_row = 0
        for row, partner in enumerate(self._partners):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, partner.id)
            self._describe(item, partner)
            self.list.addItem(item)
            if partner.id == select_id:
                selected_row = row
        self._loading = False
        count = len(self._partners)
        self.count_label.setText(self.tr("%n partner(e)", "", count))
        if count:
            self.list.setCurrentRow(selected_row)
        self._show_current(self.list.currentRow())

    def current_partner(self) -> PartnerData | None:
        row = self.list.currentRow()
        return self._partners[row] if 0 <= row < len(self._partners) else None

    def _show_current(self, row: int) -> None:
        if self._loading:
            return
        self._save_details.flush()
        partner = self._partners[row] if 0 <= row < len(self._partners) else None
        self.detail.setEnabled(partner is not None)
        self.remove_button.setEnabled(partner is not None)
        self.up_button.setEnabled(partner is not None and row > 0)
        self.down_button.setEnabled(partner is not None and row < len(self._partners) - 1)
        self.detail_error.hide()
        self._loading = True
        self.name_edit.setText(partner.name if partner else "")
        self.organisation_edit.setText(partner.organisation if partner else "")
        self.role_edit.setPlainText(partner.role if partner else "")
        self.mandate_edit.setPlainText(partner.mandate if partner else "")
        self.why_now_edit.setPlainText(partner.why_now if partner else "")
        if partner and partner.colour in PARTNER_COLOURS:
            self.colour_group.button(PARTNER_COLOURS.index(partner.colour)).setChecked(True)
        else:
            checked = self.colour_group.checkedButton()
            if checked:
                self.colour_group.setExclusive(False)
                checked.setChecked(False)
                self.colour_group.setExclusive(True)
        self._loading = False

    def activate(self, step: Step) -> None:
        self.reload()

    def flush(self) -> None:
        self._save_details.flush()

    # Editing ------------------------------------------------------------------------

    def add_partner(self) -> None:
        """Add the partner typed in the quick-entry field and select it for details."""
        self._save_details.flush()
        added = self.operations.run(
            lambda: self.context.store.add_partner(self.context.session_id, self.new_name.text()),
            report=in_label(self.add_error),
        )
        if added.failed:
            return
        self.new_name.clear()
        self.reload(select_id=added.value.id)
        self.context.events.partners_changed.emit()

    def _on_plain_text_changed(self) -> None:
        if not self._loading:
            self._save_details.schedule()

    def _save_now(self) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        texts = {
            "role": self.role_edit.toPlainText(),
            "mandate": self.mandate_edit.toPlainText(),
            "why_now": self.why_now_edit.toPlainText(),
        }
        identity = {"name": self.name_edit.text(), "organisation": self.organisation_edit.text()}
        store = self.context.store
        updated = self.operations.run(
            lambda: store.update_partner(partner.id, **identity, **texts), report=in_label(self.detail_error)
        )
        if updated.failed:
            # A missing or clashing name must not cost the other fields: save those, and keep
            # the name on screen with the reason until it is valid.
            updated = self.operations.run(lambda: store.update_partner(partner.id, **texts))
            if updated.failed:
                self._save_details.retry_later()
                return
        self._replace(updated.value)

    def _save_colour(self, index: int) -> None:
        partner = self.current_partner()
        if partner is None or self._loading:
            return
        self._save_details.flush()
        updated = self.operations.run(
            lambda: self.context.store.update_partner(partner.id, colour=PARTNER_COLOURS[index])
        )
        if updated.ok:
            self._replace(updated.value)

    def _replace(self, partner: PartnerData) -> None:
        """Show an updated partner in the list without rebuilding it (keeps focus and cursor)."""
        row = next(index for index, old in enumerate(self._partners) if old.id == partner.id)
        self._partners[row] = partner
        self._describe(self.list.item(row), partner)
        self.context.events.partners_changed.emit()

    @staticmethod
    def _describe(item: QListWidgetItem, partner: PartnerData) -> None:
        item.setText(f"{partner.name}\n{partner.organisation}" if partner.organisation else partner.name)
        item.setIcon(QIcon(partner_badge(partner.colour, initials(partner.name))))
        item.setToolTip("\n".join(text for text in (partner.display_name, partner.role) if text))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, partner.display_name)

    def _move_current(self, delta: int) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        new_row = self.list.currentRow() + delta
        if 0 <= new_row < len(self._partners):
            self._move_to(partner.id, new_row)

    def _move_to(self, partner_id: int, new_row: int) -> None:
        self._save_details.flush()

        def show_order() -> None:
            # Also after a failure: a dragged row goes back to where the store has it.
            self.reload(select_id=partner_id)
            self.context.events.partners_changed.emit()

        self.operations.run(lambda: self.context.store.move_partner(partner_id, new_row), refresh=show_order)

    def remove_current(self) -> None:
        """Remove the selected partner after the user confirms."""
        partner = self.current_partner()
        if partner is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Fjern partner"),
            self.tr("Vil du fjerne %1 fra sessionen? Alt, hvad partneren har skrevet, fjernes også.").replace(
                "%1", partner.display_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._save_details.flush()
        if self.operations.run(lambda: self.context.store.remove_partner(partner.id)).failed:
            return
        self.reload()
        self.context.events.partners_changed.emit()
