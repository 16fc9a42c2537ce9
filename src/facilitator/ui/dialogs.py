"""Small dialogs: timer settings and the list of keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.timing import TimerSettings

translate = QCoreApplication.translate


class TimerSettingsDialog(QDialog):
    """Warning time before the end, and whether zero sounds and flashes."""

    def __init__(self, settings: TimerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timerindstillinger"))
        form = QFormLayout(self)
        self.warning = QSpinBox()
        self.warning.setRange(0, 30)
        self.warning.setSuffix(self.tr(" min"))
        self.warning.setValue(settings.warning_minutes)
        self.warning.setAccessibleName(self.tr("Advarsel før slut"))
        self.sound = QCheckBox(self.tr("Kort lyd, når tiden er gået"))
        self.sound.setChecked(settings.sound)
        self.flash = QCheckBox(self.tr("Blink, når tiden er gået"))
        self.flash.setChecked(settings.flash)
        form.addRow(self.tr("Advarsel før slut:"), self.warning)
        form.addRow("", self.sound)
        form.addRow("", self.flash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> TimerSettings:
        return TimerSettings(self.warning.value(), self.sound.isChecked(), self.flash.isChecked())


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do), as listed in Help → Keyboard shortcuts."""
    return [
        ("F9", translate("Shortcuts", "Start, pause eller fortsæt tiden, også mens du skriver")),
        (
            translate("Shortcuts", "Mellemrum"),
            translate("Shortcuts", "Start, pause eller fortsæt tiden (ikke i et tekstfelt)"),
        ),
        (
            "Alt+PgDown",
            translate(
                "Shortcuts",
                "Næste trin (afslutter trinnet og starter det næste, hvis tiden kører), også mens du skriver",
            ),
        ),
        ("Alt+PgUp", translate("Shortcuts", "Forrige trin, også mens du skriver")),
        (
            translate("Shortcuts", "Ctrl+Højre"),
            translate("Shortcuts", "Næste trin, som Alt+PgDown (ikke i et tekstfelt: der flytter den et ord)"),
        ),
        (translate("Shortcuts", "Ctrl+Venstre"), translate("Shortcuts", "Forrige trin (ikke i et tekstfelt)")),
        ("Ctrl+1", translate("Shortcuts", "Giv trinnet 1 minut mere")),
        ("Ctrl+5", translate("Shortcuts", "Giv trinnet 5 minutter mere")),
        ("F5", translate("Shortcuts", "Vis eller skjul projektorvisningen")),
        ("Esc", translate("Shortcuts", "Forlad fuld skærm på projektoren")),
        ("F2", translate("Shortcuts", "Vis eller skjul vejledningen")),
        (
            translate("Shortcuts", "Menu / Shift+F10"),
            translate("Shortcuts", "Ændr trinnet i dagsordenen: varighed, spring over, flyt pausen"),
        ),
        ("Ctrl+Z / Ctrl+Shift+Z", translate("Shortcuts", "Fortryd / gentag i trinnet (i et tekstfelt: teksten)")),
        ("Enter", translate("Shortcuts", "Cirkler: tilføj elementet og skriv det næste")),
        ("Tab", translate("Shortcuts", "Cirkler: næste spørgsmål")),
        ("Ctrl+PgDown / Ctrl+PgUp", translate("Shortcuts", "Cirkler og gennemgang: næste / forrige partner")),
        ("Ctrl+T", translate("Shortcuts", "Cirkler: værdiformer for elementet")),
        ("Ctrl+Delete", translate("Shortcuts", "Cirkler: fjern elementet (kan fortrydes)")),
        ("Ctrl+Shift+N", translate("Shortcuts", "Ny forandringscirkel til partneren")),
        ("Ctrl+E", translate("Shortcuts", "Fælles tekst: gå til de sorterede elementer; Enter sætter ind")),
        ("Ctrl+Shift+V", translate("Shortcuts", "Værdiformer for hele dagen")),
        ("1 / 2 / 3", translate("Shortcuts", "Tavle: send de valgte post-its til første, anden eller tredje zone")),
        ("0", translate("Shortcuts", "Tavle: send de valgte post-its tilbage til Ikke sorteret")),
        ("Tab / Shift+Tab", translate("Shortcuts", "Tavle: næste / forrige post-it (Ctrl+Tab forlader tavlen)")),
        (
            translate("Shortcuts", "Piletaster"),
            translate("Shortcuts", "Tavle: flyt de valgte post-its (med Shift: et lille stykke)"),
        ),
        ("Enter / F2", translate("Shortcuts", "Tavle: ret post-ittens tekst (eller dobbeltklik)")),
        ("Delete", translate("Shortcuts", "Tavle: fjern de valgte post-its (kan fortrydes)")),
        ("Ctrl+G / Ctrl+Shift+G", translate("Shortcuts", "Tavle: stak de valgte post-its / opløs stakken")),
        ("Ctrl+M", translate("Shortcuts", "Tavle: flet dubletter til én post-it")),
        ("Ctrl+Shift+T", translate("Shortcuts", "Tavle: ryd op i alle zoner")),
        ("Ctrl+L", translate("Shortcuts", "Tavle: skriv en ny post-it (Ctrl+PgDown / Ctrl+PgUp skifter forfatter)")),
        (
            translate("Shortcuts", "Ctrl+hjul / Ctrl+plus / Ctrl+minus"),
            translate("Shortcuts", "Tavle: zoom; Ctrl+0 viser hele tavlen"),
        ),
        ("Ctrl+L", translate("Shortcuts", "Næste skridt: skriv en handling (@ansvarlig !dato, Enter tilføjer)")),
        ("Alt+1 … Alt+4", translate("Shortcuts", "Næste skridt: vælg området for nye handlinger")),
        ("Enter / F2", translate("Shortcuts", "Næste skridt: ret cellen (ansvarlig, dato, status …)")),
        (
            translate("Shortcuts", "Alt+Op / Alt+Ned"),
            translate("Shortcuts", "Næste skridt: flyt handlingen (over i næste område ved enden)"),
        ),
        ("Delete", translate("Shortcuts", "Næste skridt: slet handlingen (kan fortrydes)")),
        ("Ctrl+D", translate("Shortcuts", "Næste skridt: vis eller skjul beslutningsreglen")),
        (
            "Ctrl+Shift+E",
            translate("Shortcuts", "Eksportér aftaleark, rapport, skabeloner, invitation, CSV eller kalender"),
        ),
        ("Ctrl+Shift+I", translate("Shortcuts", "Importér en sessionsfil")),
        ("Delete", translate("Shortcuts", "Startsiden: slet den valgte session (spørger først)")),
        ("Ctrl+N", translate("Shortcuts", "Ny session")),
        ("Ctrl+W", translate("Shortcuts", "Luk session")),
        ("Ctrl+Q", translate("Shortcuts", "Afslut")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tastaturgenveje"))
        self.resize(620, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Alt, der kan gøres med musen, kan også gøres med tastaturet."))
        intro.setObjectName("hint")
        layout.addWidget(intro)
        rows = shortcut_rows()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Taster"), self.tr("Handling")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, action) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
