"""Fil → Indstillinger: language, text sizes and colours, remembered for the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from facilitator.settings import TEXT_SCALES, Settings
from facilitator.ui import labels

#: Each language is offered in its own words, so someone who cannot read the other finds theirs.
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


class SettingsDialog(QDialog):
    """Choose language, text size (window and projector) and light or dark colours."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Indstillinger"))
        self._settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.setAccessibleName(self.tr("Sprog"))
        form.addRow(self._label(self.tr("&Sprog / Language:"), self.language), self.language)

        self.text_scale = self._scale_box(settings.text_scale, self.tr("Tekststørrelse i vinduet"))
        form.addRow(self._label(self.tr("&Tekststørrelse:"), self.text_scale), self.text_scale)
        self.projector_scale = self._scale_box(settings.projector_scale, self.tr("Tekststørrelse på projektoren"))
        form.addRow(self._label(self.tr("&Projektorens tekst:"), self.projector_scale), self.projector_scale)

        self.theme = QComboBox()
        for code, name in (
            ("system", self.tr("Som systemet")),
            ("light", self.tr("Lyst")),
            ("dark", self.tr("Mørkt")),
        ):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.theme.setAccessibleName(self.tr("Farver"))
        form.addRow(self._label(self.tr("&Farver:"), self.theme), self.theme)

        layout.addWidget(
            labels.hint(
                self.tr(
                    "Skifter du sprog, åbnes vinduet igen på samme sted. Programmets tekster, "
                    "skabeloner og PDF'er følger sproget. Projektorens tekst er i forhold til det, "
                    "der passer til skærmen."
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _scale_box(current: int, accessible_name: str) -> QComboBox:
        box = QComboBox()
        for scale in TEXT_SCALES:
            box.addItem(f"{scale} %", scale)
        box.setCurrentIndex(box.findData(current))
        box.setAccessibleName(accessible_name)
        return box

    def settings(self) -> Settings:
        """The settings as chosen in the dialog."""
        return self._settings.changed(
            language=self.language.currentData(),
            text_scale=self.text_scale.currentData(),
            projector_scale=self.projector_scale.currentData(),
            theme=self.theme.currentData(),
        )
