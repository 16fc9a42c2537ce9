"""The facilitator's room panel: is the room open, where, who is in it, and who may write.

It only shows what it is given and reports what the facilitator clicked; `ui.room_control`
opens and closes the room and does the work.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui import labels
from facilitator.ui.room_join import plain_address

#: What the interface list offers besides the laptop's own addresses: every network at once.
ALL_INTERFACES = "0.0.0.0"
LOOPBACK = "127.0.0.1"


def _plain(text: str) -> QLabel:
    """A label that shows a device's own words as they are, never as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class DeviceRow(QFrame):
    """One device: its name, the partner it writes for, and Godkend or Frigiv."""

    def __init__(self, device_id: str, label: str, partner: str, approved: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device_id = device_id
        #: What the row shows (label, partner, approved), so an unchanged device keeps its row.
        self.shows = (label, partner, approved)
        self.setObjectName("roomDevice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 6)
        layout.setSpacing(2)
        self.name = _plain(partner or self.tr("(ingen partner valgt)"))
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        # Said in words, never by colour alone.
        status = self.tr("Godkendt – skriver") if approved else self.tr("Venter på godkendelse")
        self.detail = _plain(f"{label} · {status}" if label else status)
        layout.addWidget(self.name)
        layout.addWidget(self.detail)
        self.approve_button = QPushButton(self.tr("Godkend"))
        self.approve_button.setAccessibleName(self.tr("Godkend %1").replace("%1", partner or label))
        self.approve_button.setVisible(not approved and bool(partner))
        self.release_button = QPushButton(self.tr("Frigiv"))
        self.release_button.setToolTip(self.tr("Enheden skriver ikke længere for partneren; den kan melde sig igen"))
        self.release_button.setAccessibleName(self.tr("Frigiv %1").replace("%1", partner or label))
        # Under the names, so a narrow panel never cuts a button off.
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setAccessibleName(f"{partner} – {label} – {status}" if label else f"{partner} – {status}")


class RoomPanel(QWidget):
    """The room's panel beside the session: status, address, network, devices, approve all."""

    approve_requested = Signal(str)
    release_requested = Signal(str)
    approve_everyone_changed = Signal(bool)
    #: The facilitator chose another network address to serve on.
    bind_requested = Signal(str)
    #: Show (or hide) how to join on the projector.
    projector_toggled = Signal(bool)
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.status = QLabel(self.tr("Rummet er åbent"))
        self.status.setObjectName("roomStatus")
        font = self.status.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.status.setFont(font)
        self.status.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("roomCounts")
        self.counts.setWordWrap(True)
        #: The whole join address, secret included (the label shows what a person types).
        self.url = ""
        self.address = QLabel()
        self.address.setObjectName("roomAddress")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("&Kopiér adressen"))
        self.copy_button.setToolTip(
            self.tr("Den fulde adresse med rummets hemmelige nøgle, til at dele eller prøve selv")
        )
        self.code = QLabel()
        self.code.setObjectName("roomCode")
        # Stacked, not side by side: the panel stays narrow beside the circle on a 1366 px screen.
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button)
        layout.addWidget(self.status)
        layout.addWidget(self.counts)
        layout.addWidget(self.address)
        layout.addLayout(code_row)

        network = QVBoxLayout()
        network.setSpacing(2)
        network_label = QLabel(self.tr("&Netværk:"))
        self.interfaces = QComboBox()
        self.interfaces.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.interfaces.setMinimumContentsLength(10)
        self.interfaces.setToolTip(
            self.tr("Rummet svarer kun på dette netværk. »Alle netværk« kun, hvis du ved, du vil det.")
        )
        network_label.setBuddy(self.interfaces)
        network.addWidget(network_label)
        network.addWidget(self.interfaces, 1)
        layout.addLayout(network)
        self.show_on_projector = QCheckBox(self.tr("Vis &adgangen på projektoren"))
        self.show_on_projector.setChecked(True)
        self.approve_everyone = QCheckBox(self.tr("Godkend &alle i dag"))
        self.approve_everyone.setToolTip(self.tr("Hver enhed må skrive, så snart den har valgt sin partner"))
        layout.addWidget(self.show_on_projector)
        layout.addWidget(self.approve_everyone)

        layout.addWidget(labels.hint(self.tr("Tilsluttede enheder")))
        self.rows_widget = QWidget()
        self.rows = QVBoxLayout(self.rows_widget)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.rows_widget)
        scroll.setAccessibleName(self.tr("Tilsluttede enheder"))
        layout.addWidget(scroll, 1)
        self.empty = labels.hint(self.tr("Ingen endnu. Partnerne scanner koden på projektoren."))
        layout.addWidget(self.empty)
        self.close_button = QPushButton(self.tr("&Luk rummet"))
        layout.addWidget(self.close_button)
        self.device_rows: list[DeviceRow] = []

        self.close_button.clicked.connect(self.close_requested)
        self.copy_button.clicked.connect(self.copy_address)
        self.approve_everyone.toggled.connect(self.approve_everyone_changed)
        self.show_on_projector.toggled.connect(self.projector_toggled)
        self.interfaces.activated.connect(self._interface_chosen)

    def set_address(self, url: str, join_code: str) -> None:
        """Show where the room answers: the address as typed, the whole one on hover and to copy."""
        self.url = url
        self.address.setText(plain_address(url))
        self.address.setToolTip(url)
        self.address.setAccessibleDescription(url)
        self.code.setText(self.tr("Kode: %1").replace("%1", join_code))

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.url)

    def set_interfaces(self, addresses: Sequence[str], current: str) -> None:
        """The addresses to choose from; the laptop's own first, all networks last (explicit only)."""
        self.interfaces.blockSignals(True)
        self.interfaces.clear()
        for address in addresses:
            shown = self.tr("%1 (kun denne computer)").replace("%1", address) if address == LOOPBACK else address
            self.interfaces.addItem(shown, address)
        self.interfaces.addItem(self.tr("Alle netværk (%1)").replace("%1", ALL_INTERFACES), ALL_INTERFACES)
        index = self.interfaces.findData(current)
        self.interfaces.setCurrentIndex(max(index, 0))
        self.interfaces.blockSignals(False)

    def _interface_chosen(self, index: int) -> None:
        self.bind_requested.emit(self.interfaces.itemData(index))

    def set_devices(self, devices: Sequence[tuple[str, str, str, bool]]) -> None:
        """Show the devices: (id, its own label, the partner's name or "", approved).

        A device whose row shows the same already keeps it: sixty phones joining within a
        minute would otherwise rebuild every row for each one that joins.
        """
        kept = {row.device_id: row for row in self.device_rows}
        rows: list[DeviceRow] = []
        new: set[DeviceRow] = set()
        for device_id, label, partner, approved in devices:
            row = kept.pop(device_id, None)
            if row is not None and row.shows != (label, partner, approved):
                kept[device_id] = row  # removed below, and made again
                row = None
            if row is None:
                row = DeviceRow(device_id, label, partner, approved)
                row.approve_button.clicked.connect(lambda _=False, key=device_id: self.approve_requested.emit(key))
                row.release_button.clicked.connect(lambda _=False, key=device_id: self.release_requested.emit(key))
                new.add(row)
            rows.append(row)
        for row in kept.values():
            self.rows.removeWidget(row)
            row.deleteLater()
        # The devices come in the order they joined, so the rows kept are in order already;
        # each new one goes into its place, from the top down.
        for index, row in enumerate(rows):
            if row in new:
                self.rows.insertWidget(index, row)
        self.device_rows = rows
        self.empty.setVisible(not self.device_rows)
        waiting = sum(1 for *_rest, approved in devices if not approved)
        connected = self.tr("%n enhed(er) tilsluttet", "", len(self.device_rows))
        waiting_text = self.tr("%n venter på godkendelse", "", waiting) if waiting else ""
        self.counts.setText(" · ".join(part for part in (connected, waiting_text) if part))

    def set_approve_everyone(self, on: bool) -> None:
        self.approve_everyone.blockSignals(True)
        self.approve_everyone.setChecked(on)
        self.approve_everyone.blockSignals(False)


__all__ = ["ALL_INTERFACES", "LOOPBACK", "DeviceRow", "RoomPanel"]
