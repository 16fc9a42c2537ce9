"""The first-run welcome and the Help menu's method in brief and About."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__
from facilitator.paths import AppPaths, resource_path
from facilitator.settings import SETTINGS_NAME
from facilitator.ui import labels


class WelcomeDialog(QDialog):
    """Three sentences on what the app does, and the demo session one key press away."""

    DEMO = "demo"
    EMPTY = "empty"
    ENGLISH = "english"

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = self.EMPTY
        self.setWindowTitle(self.tr("Velkommen til Facilitator"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(labels.heading(self.tr("Velkommen"), "cardHeading"))
        text = labels.hint(
            self.tr(
                "Facilitator fører dig gennem en partnerskabssession for bæredygtig omstilling, trin for trin "
                "efter praksisvejledningens metode, med tid på hvert trin, skabelonerne, en post-it-tavle og en "
                "projektorvisning til rummet. Alt, der skrives, gemmes med det samme på denne computer, og appen "
                "bruger aldrig internettet. Åbn demosessionen for at se en hel, udfyldt dag, eller begynd på din "
                "egen session."
            )
        )
        text.setObjectName("welcomeText")
        layout.addWidget(text)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Åbn &demosessionen"))
        self.demo_button.setObjectName("primary")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(lambda: self._choose(self.DEMO))
        self.empty_button = QPushButton(self.tr("&Begynd på min egen"))
        self.empty_button.clicked.connect(lambda: self._choose(self.EMPTY))
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        # Offered in the other language's own words: whoever cannot read this text can still find it.
        self.language_button = QPushButton("In &English" if language == "da" else "På &dansk")
        self.language_button.setObjectName("flat")
        self.language_button.clicked.connect(lambda: self._choose(self.ENGLISH))
        buttons.addWidget(self.language_button)
        layout.addLayout(buttons)
        layout.addWidget(labels.hint(self.tr("Du finder velkomsten, metoden og tastaturgenvejene igen under Hjælp.")))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class MethodDialog(QDialog):
    """Hjælp → Metoden kort: the day's method in the app's own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Metoden kort"))
        self.resize(680, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Metoden kort"))
        self.browser.setHtml(self.method_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def method_html(self) -> str:
        return self.tr(
            "<h2>Partnerskabsdannelse for bæredygtig omstilling</h2>"
            "<p>En partnerskabssession er en hel dag med 2–8 mulige partnere. Den er ikke et sted at bytte "
            "opgaver, men et sted, hvor partnerne finder ud af, hvad de kan forandre sammen, hvordan de bliver "
            "gode sammen, og hvordan forandringen kan brede sig. Dagen følger tre samtaler, hver med sin "
            "skabelon, og slutter med konkrete næste skridt.</p>"
            "<h3>1. Indledning og introduktion</h3>"
            "<p>Facilitatoren rammer dagen ind, og hver partner fortæller, hvilken rolle og hvilket mandat de "
            "har. I aftaler højst tre principper for samtalen.</p>"
            "<h3>2. Hvad bliver vi partnere om?</h3>"
            "<p>Hver partner udfylder sin <b>forandringscirkel</b>: hvad vil vi forandre, hvorfor, og hvad "
            "står på spil. Cirklerne gennemgås, og gruppen sorterer elementerne i <b>Fælles</b>, "
            "<b>Forskelle</b> og <b>Modsatrettede</b>. Til sidst skriver I en fælles forandringsambition.</p>"
            "<h3>3. Hvordan bliver vi gode sammen?</h3>"
            "<p>I <b>bidragscirklen</b> skriver hver partner, hvad de kan bidrage med. Elementerne sorteres i "
            "<b>Styrker</b>, <b>Forhindringer</b> og <b>Mangler</b>, og I skitserer en aftale om samarbejdet.</p>"
            "<h3>4. Hvordan skaber vi omstilling?</h3>"
            "<p><b>Skaleringscirklen</b> spørger, hvordan forandringen rækker ud over partnerskabet. Elementerne "
            "sorteres efter, hvor skaleringen sker: <b>Branche/marked</b>, <b>Samfund</b> og <b>Partnerne</b>, "
            "og I skitserer en aftale.</p>"
            "<h3>5. Hvordan kommer vi videre?</h3>"
            "<p>I aftaler de næste skridt: hvem gør hvad, og hvornår. Hver partner får et aftaleark med hjem, "
            "og dagen rundes af.</p>"
            "<h3>Facilitatorens rolle</h3>"
            "<p>Hold tiden, giv alle stemmer plads, og lad uenighed stå tydeligt frem: modsatrettede elementer "
            "er ikke et nederlag, men det, partnerskabet skal kunne rumme. Vejledningen ved siden af hvert trin "
            "siger, hvad der skal ske, og hvad du kan spørge om.</p>"
        )


#: Bundled libraries and fonts, with the licence each is used under.
_COMPONENTS = (
    ("Python", lambda: sys.version.split()[0], "PSF License"),
    ("Qt", qVersion, "LGPL v3"),
    ("PySide6 (Qt for Python)", lambda: _module_version("PySide6", "__version__"), "LGPL v3"),
    ("SQLAlchemy", lambda: _module_version("sqlalchemy", "__version__"), "MIT"),
    ("Alembic", lambda: _module_version("alembic", "__version__"), "MIT"),
    ("ReportLab", lambda: _module_version("reportlab", "Version"), "BSD"),
    ("platformdirs", lambda: _module_version("platformdirs", "__version__"), "MIT"),
    # Pyphen is offered under GPL, LGPL or MPL; its Danish patterns are LGPL.
    ("Pyphen", lambda: _module_version("pyphen", "__version__"), "LGPL v2.1+ / MPL 1.1"),
    ("Noto Sans", lambda: font_revision(resource_path("fonts", "NotoSans-Regular.ttf")), "SIL Open Font License 1.1"),
    ("Noto Emoji", lambda: font_revision(resource_path("fonts", "NotoEmoji-Regular.ttf")), "SIL Open Font License 1.1"),
)


def font_revision(path: Path) -> str:
    """The revision a TrueType font file states in its 'head' table ('2.004'), or '?'."""
    try:
        data = path.read_bytes()
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(tables):
            tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag == b"head":
                (revision,) = struct.unpack_from(">i", data, offset + 4)
                return f"{revision / 65536:.3f}"
    except (OSError, struct.error):
        pass
    return "?"


def _module_version(module: str, attribute: str) -> str:
    try:
        return str(getattr(__import__(module), attribute))
    except (ImportError, AttributeError):
        return "?"


class AboutDialog(QDialog):
    """Hjælp → Om Facilitator: version, where data and settings live, and the licences."""

    def __init__(self, paths: AppPaths, backups_folder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om Facilitator"))
        self.resize(680, 760)
        self.paths = paths
        layout = QVBoxLayout(self)
        layout.addWidget(labels.heading(self.tr("Facilitator %1").replace("%1", __version__), "cardHeading"))
        layout.addWidget(
            labels.hint(
                self.tr(
                    "Fører facilitatoren gennem en partnerskabssession for bæredygtig omstilling, efter metoden i "
                    "praksisvejledningen »Partnerskabsdannelse for bæredygtig omstilling«. Alt gemmes på denne "
                    "computer. Appen bruger aldrig netværket: ingen konto, ingen telemetri, intet opdateringstjek."
                )
            )
        )

        layout.addWidget(labels.heading(self.tr("Her ligger dine data"), "sectionHeading"))
        self.locations = QTableWidget(0, 2)
        self.locations.setAccessibleName(self.tr("Her ligger dine data"))
        self.locations.horizontalHeader().hide()
        self.locations.verticalHeader().hide()
        self.locations.horizontalHeader().setStretchLastSection(True)
        self.locations.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for what, where in (
            (self.tr("Data"), paths.data_dir),
            (self.tr("Database"), paths.database),
            (self.tr("Sikkerhedskopier"), backups_folder),
            (self.tr("Indstillinger"), paths.settings_dir / SETTINGS_NAME),
            (self.tr("Gemte programmer"), paths.user_programs_dir),
        ):
            row = self.locations.rowCount()
            self.locations.insertRow(row)
            self.locations.setItem(row, 0, QTableWidgetItem(what))
            self.locations.setItem(row, 1, QTableWidgetItem(str(where)))
        self.locations.resizeColumnToContents(0)
        self.locations.setFixedHeight(self.locations.verticalHeader().length() + 4)
        layout.addWidget(self.locations)
        open_folder = QPushButton(self.tr("Åbn &datamappen"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(open_folder)
        folder_row.addStretch(1)
        layout.addLayout(folder_row)

        layout.addWidget(labels.heading(self.tr("Indbyggede dele og licenser"), "sectionHeading"))
        self.components = QTableWidget(len(_COMPONENTS), 3)
        self.components.setAccessibleName(self.tr("Indbyggede dele og licenser"))
        self.components.setHorizontalHeaderLabels([self.tr("Del"), self.tr("Version"), self.tr("Licens")])
        self.components.verticalHeader().hide()
        self.components.horizontalHeader().setStretchLastSection(True)
        self.components.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, version, licence) in enumerate(_COMPONENTS):
            for column, value in enumerate((name, version(), licence)):
                self.components.setItem(row, column, QTableWidgetItem(value))
        self.components.resizeColumnsToContents()
        self.components.setFixedHeight(
            self.components.horizontalHeader().height() + self.components.verticalHeader().length() + 4
        )
        layout.addWidget(self.components)

        self.font_licence = QTextBrowser()
        self.font_licence.setAccessibleName(self.tr("Skrifttypens licens"))
        licence_file = resource_path("fonts", "OFL.txt")
        self.font_licence.setPlainText(licence_file.read_text(encoding="utf-8") if licence_file.is_file() else "")
        self.font_licence.hide()
        show_licence = QPushButton(self.tr("Vis &skrifttypens licens"))
        show_licence.setCheckable(True)
        show_licence.toggled.connect(self.font_licence.setVisible)
        licence_row = QHBoxLayout()
        licence_row.addWidget(show_licence)
        licence_row.addStretch(1)
        layout.addLayout(licence_row)
        layout.addWidget(self.font_licence, 1)
        layout.addWidget(
            labels.hint(
                self.tr(
                    "Qt og PySide6 bruges under LGPL v3; kildekoden findes hos The Qt Company og Qt for Python. "
                    "Noto Sans er © Google og bruges under SIL Open Font License 1.1."
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
