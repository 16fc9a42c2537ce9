"""How the app looks and speaks: light or dark colours, text size, and the installed translations."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from facilitator.paths import resource_path
from facilitator.settings import Settings

#: The stylesheet's colour names (``@text`` …) for each look. The projector and the
#: "paper" of circles and post-its keep their own colours in both.
COLOURS = {
    "light": {
        "window": "#F5F6F4",
        "surface": "#FFFFFF",
        "text": "#1E2422",
        "muted": "#4A5552",
        "faint": "#6B7672",
        "border": "#D9DEDB",
        "borderStrong": "#B9C2BE",
        "accent": "#1D5C57",
        "accentText": "#1D5C57",
        "accentHover": "#164844",
        "accentDisabled": "#9DB9B6",
        "onAccent": "#FFFFFF",
        "onAccentMuted": "#DDEBE8",
        "tint": "#EEF3F1",
        "selection": "#D7E7E4",
        "danger": "#A4161A",
        "disabled": "#9AA39F",
        "flash": "#F6D2D3",
        "paper": "#FFFFFF",
        "ink": "#1E2422",
    },
    "dark": {
        "window": "#161B1A",
        "surface": "#222927",
        "text": "#E8EEEC",
        "muted": "#B4C0BC",
        "faint": "#8E9A96",
        "border": "#35403D",
        "borderStrong": "#4D5A56",
        "accent": "#1D5C57",
        "accentText": "#7CCFC3",
        "accentHover": "#256F69",
        "accentDisabled": "#34504D",
        "onAccent": "#FFFFFF",
        "onAccentMuted": "#DDEBE8",
        "tint": "#263532",
        "selection": "#2E4A46",
        "danger": "#FF8A8A",
        "disabled": "#66716D",
        "flash": "#5A2326",
        "paper": "#FFFFFF",
        "ink": "#1E2422",
    },
}

_translators: list[QTranslator] = []


def effective_theme(settings: Settings) -> str:
    """'light' or 'dark': the chosen look, or the system's when the facilitator left it to the system."""
    if settings.theme in COLOURS:
        return settings.theme
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def stylesheet(theme: str, text_scale: int) -> str:
    """The app's stylesheet with the theme's colours and every font size scaled."""
    style_file = resource_path("styles", "app.qss")
    text = style_file.read_text(encoding="utf-8") if style_file.is_file() else ""
    colours = COLOURS[theme]
    # Longest names first, so @accentText is not read as @accent + "Text".
    for name in sorted(colours, key=len, reverse=True):
        text = text.replace(f"@{name}", colours[name])
    return re.sub(
        r"font-size:\s*(\d+(?:\.\d+)?)pt",
        lambda match: f"font-size: {float(match.group(1)) * text_scale / 100:.1f}pt",
        text,
    )


def palette(theme: str) -> QPalette:
    """A Fusion palette for the theme, so dialogs, menus and tables match the stylesheet."""
    colours = COLOURS[theme]
    result = QPalette()
    roles = {
        QPalette.ColorRole.Window: colours["window"],
        QPalette.ColorRole.WindowText: colours["text"],
        QPalette.ColorRole.Base: colours["surface"],
        QPalette.ColorRole.AlternateBase: colours["tint"],
        QPalette.ColorRole.Text: colours["text"],
        QPalette.ColorRole.Button: colours["surface"],
        QPalette.ColorRole.ButtonText: colours["text"],
        QPalette.ColorRole.ToolTipBase: colours["surface"],
        QPalette.ColorRole.ToolTipText: colours["text"],
        QPalette.ColorRole.PlaceholderText: colours["faint"],
        QPalette.ColorRole.Highlight: colours["accent"],
        QPalette.ColorRole.HighlightedText: colours["onAccent"],
        QPalette.ColorRole.Link: colours["accentText"],
        QPalette.ColorRole.Mid: colours["borderStrong"],
        QPalette.ColorRole.Midlight: colours["border"],
    }
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["disabled"]))
    return result


def base_point_size(app: QApplication) -> float:
    """The text size before the facilitator's scaling, remembered from the first call."""
    stored = app.property("facilitatorBasePointSize")
    if stored:
        return float(stored)
    size = max(app.font().pointSizeF(), 10.5)
    app.setProperty("facilitatorBasePointSize", size)
    return size


def apply_appearance(app: QApplication, settings: Settings) -> None:
    """Colours and text size from the settings, for every window at once."""
    theme = effective_theme(settings)
    app.setPalette(palette(theme))
    font = QFont(app.font())
    font.setPointSizeF(base_point_size(app) * settings.text_scale / 100)
    app.setFont(font)
    app.setStyleSheet(stylesheet(theme, settings.text_scale))
    app.setProperty("facilitatorTheme", theme)


def install_translators(app: QCoreApplication, language: str) -> None:
    """Load the UI language: the app's own strings and Qt's standard buttons and dialogs.

    Danish is the source language, but it still loads a file: the plural forms
    ("1 partner" / "4 partnere") live there. Qt's own catalogue (qtbase_*.qm, from Qt's
    translations folder, also bundled with the frozen app) translates the file dialogs and
    standard buttons; qtbase_extra_*.qm adds what that catalogue lacks ("Look in:").
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Danish if language == "da" else QLocale.Language.English))
    candidates = [
        (f"facilitator_{language}.qm", str(resource_path("translations"))),
        (f"qtbase_{language}.qm", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"qtbase_extra_{language}.qm", str(resource_path("translations"))),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
