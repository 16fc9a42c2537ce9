"""The few kinds of label every screen uses, styled by object name in resources/styles/app.qss."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

# Where a word too wide for its column may break, with a hyphen shown only there.
_SOFT_HYPHEN = "\u00ad"


def heading(text: str, kind: str = "sectionHeading") -> QLabel:
    """A section or card heading."""
    label = QLabel(text)
    label.setObjectName(kind)
    return label


def hint(text: str = "") -> QLabel:
    """Quiet explanatory text that wraps."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A hidden, wrapping label for saying why an edit was not saved."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def numbered(count: int, one: str, many: str) -> str:
    """The singular or plural wording for `count` (pass both through tr); %n becomes the count."""
    return (one if count == 1 else many).replace("%n", str(count))


def breakable(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` with (soft-hyphen) break chances inside the words too wide for `width`, so they wrap, not cut."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    return "\n".join(
        " ".join(
            _SOFT_HYPHEN.join(word) if metrics.horizontalAdvance(word) > width else word for word in line.split(" ")
        )
        for line in text.split("\n")
    )
