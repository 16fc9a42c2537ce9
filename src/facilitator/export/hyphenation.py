"""Words too wide for a table column break at a hyphenation point, with a hyphen, never silently.

ReportLab wraps a paragraph at spaces; a single word wider than its column it cuts between
two letters with no mark ("1 udvalgs|møde"), which reads as two words. Danish compounds
("kystbeskyttelsesplan") are often wider than a narrow column, so each table cell gets a
hyphenation callback for its column: words that fit are left whole and wrap at spaces as
before; a word that does not fit breaks at a Danish hyphenation point (pyphen's patterns)
and gets a hyphen. Only a syllable wider than the column itself breaks between letters,
and it gets a hyphen too. A token that is not a word (an e-mail address, a number, letters
with digits) and is too wide gets soft hyphens between its characters, so it too breaks
with a visible hyphen where the line ends.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence

import pyphen
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from facilitator.export.fonts import BOLD, text_width

#: The language whose rules break words: partners write in Danish whatever the document's language.
LANGUAGE = "da_DK"
SOFT_HYPHEN = "\xad"
#: A paragraph's markup: its tags, and in its text the tokens between spaces.
_TAG = re.compile(r"(<[^>]*>)")
_TOKEN = re.compile(r"[^\s<>]+")
#: One character of markup text: an entity ("&amp;") counts as one.
_UNIT = re.compile(r"&#?\w+;|.", re.DOTALL)
#: Letters, and hyphens between them: ReportLab hands such words to the hyphenation callback.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-?")
_PUNCTUATION = "\"'([{»«“”‘’)]}?!.,;:"


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE)


class ColumnHyphenator:
    """ReportLab's hyphenation callback for one column width: breaks only words wider than it."""

    def __init__(self, width: float, size: float) -> None:
        self.width = width
        self.size = size

    def fits(self, word: str) -> bool:
        """Whether `word` fits the column whole."""
        # Measured in bold, the wider face, so a bold word that fits is never broken either.
        return text_width(word, BOLD, self.size) <= self.width

    def __call__(self, word: str) -> list[tuple[str, str]]:
        """(head, tail) pairs, longest head first; none for a word that fits the column whole."""
        if self.fits(word):
            return []
        pairs = list(_dictionary().iterate(word))
        # The last resort for a syllable wider than the column: between letters, still with a hyphen.
        pairs += [(word[:index], word[index:]) for index in range(len(word) - 2, 1, -1)]
        return pairs


def hyphenate_cells(rows: Sequence[list], widths: Sequence[float], padding: float) -> None:
    """Make every paragraph in `rows` (lists of cells, changed in place) break words too wide for its column."""
    styles: dict[tuple[str, float], ParagraphStyle] = {}
    for row in rows:
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            if isinstance(cell, list):
                row[index] = [_for_column(item, width - padding, styles) for item in cell]
            else:
                row[index] = _for_column(cell, width - padding, styles)


def _for_column(cell: object, width: float, styles: dict[tuple[str, float], ParagraphStyle]) -> object:
    if not isinstance(cell, Paragraph):
        return cell
    style = _column_style(cell.style, width, styles)
    hyphenator: ColumnHyphenator = style.hyphenationLang
    text = soften(cell.text, hyphenator)
    if text == cell.text:
        # The parsed text keeps its fonts: only the way its lines break changes.
        cell.style = style
        return cell
    return Paragraph(text, style, bulletText=cell.bulletText)


def soften(markup: str, hyphenator: ColumnHyphenator) -> str:
    """`markup` with soft hyphens between the characters of each too wide token that is not a word."""
    parts = _TAG.split(markup)
    # Text and tags alternate: even parts are text.
    for index in range(0, len(parts), 2):
        parts[index] = _TOKEN.sub(lambda match: _soften_token(match.group(0), hyphenator), parts[index])
    return "".join(parts)


def _soften_token(token: str, hyphenator: ColumnHyphenator) -> str:
    plain = html.unescape(token)
    if hyphenator.fits(plain) or _WORD.fullmatch(plain.strip(_PUNCTUATION)):
        return token
    units = _UNIT.findall(token)
    # A break leaves at least three characters before it and two after, like a word's.
    return "".join(units[:3]) + SOFT_HYPHEN.join(["", *units[3:-2], ""]) + "".join(units[-2:])


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
