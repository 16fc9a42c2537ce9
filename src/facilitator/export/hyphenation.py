"""Words too wide for a table column break at a hyphenation point, with a hyphen, never silently.

ReportLab wraps a paragraph at spaces; a single word wider than its column it cuts between
two letters with no mark ("1 udvalgs|møde"), which reads as two words. Danish compounds
("kystbeskyttelsesplan") are often wider than a narrow column, so each table cell gets a
hyphenation callback for its column: words that fit are left whole and wrap at spaces as
before; a word that does not fit breaks at a Danish hyphenation point (pyphen's patterns)
and gets a hyphen. Only a syllable wider than the column itself breaks between letters,
and it gets a hyphen too.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pyphen
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from facilitator.export.fonts import BOLD, text_width

#: The language whose rules break words: partners write in Danish whatever the document's language.
LANGUAGE = "da_DK"


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE)


class ColumnHyphenator:
    """ReportLab's hyphenation callback for one column width: breaks only words wider than it."""

    def __init__(self, width: float, size: float) -> None:
        self.width = width
        self.size = size

    def __call__(self, word: str) -> list[tuple[str, str]]:
        """(head, tail) pairs, longest head first; none for a word that fits the column whole."""
        # Measured in bold, the wider face, so a bold word that fits is never broken either.
        if text_width(word, BOLD, self.size) <= self.width:
            return []
        pairs = list(_dictionary().iterate(word))
        # The last resort for a syllable wider than the column: between letters, still with a hyphen.
        pairs += [(word[:index], word[index:]) for index in range(len(word) - 2, 1, -1)]
        return pairs


def hyphenate_cells(rows: Sequence[Sequence[object]], widths: Sequence[float], padding: float) -> None:
    """Give every paragraph in `rows` a style that breaks words too wide for its column."""
    styles: dict[tuple[str, float], ParagraphStyle] = {}
    for row in rows:
        for cell, width in zip(row, widths, strict=True):
            for paragraph in cell if isinstance(cell, list | tuple) else [cell]:
                if isinstance(paragraph, Paragraph):
                    paragraph.style = _column_style(paragraph.style, width - padding, styles)


def _column_style(
    style: ParagraphStyle, width: float, cache: dict[tuple[str, float], ParagraphStyle]
) -> ParagraphStyle:
    key = (style.name, width)
    if key not in cache:
        room = width - style.leftIndent - style.rightIndent
        cache[key] = ParagraphStyle(
            f"{style.name}-hyphenated",
            parent=style,
            hyphenationLang=ColumnHyphenator(room, style.fontSize),
            # 2: a long word that does not fit after the line's first words moves to the
            # next line and breaks there, instead of being cut without a hyphen.
            embeddedHyphenation=2,
            hyphenationMinWordLength=4,
        )
    return cache[key]
