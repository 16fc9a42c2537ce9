"""The typefaces every PDF uses: Noto Sans, and Noto Emoji for symbols (`resources/fonts/`, SIL OFL 1.1).

Embedding our own TrueType fonts is what makes æ, ø, å and any name a partner types print
the same on every machine. ReportLab draws each run of text in one font and knows no
fallback, so text is cut into runs (`runs`): what Noto Sans draws in the text's own font,
emoji and symbols it lacks in Noto Emoji, a monochrome font (colour emoji fonts cannot be
embedded by ReportLab). Characters neither font has (a script we do not ship) become one
visible replacement mark each instead of a crash or a silent gap.

ReportLab does not shape text, so an emoji sequence prints as its parts side by side
("👩‍🔬" as woman and microscope); skin tones and presentation selectors are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.paths import resource_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
EMOJI = "NotoEmoji"
_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
    EMOJI: "NotoEmoji-Regular.ttf",
}
REPLACEMENT = "\ufffd"
#: Joiners, variation selectors and skin tones belong to the emoji before them.
_EMOJI_MODIFIERS = {0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)}


@functools.cache
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """Register the fonts with ReportLab (once); the code points the text font and the emoji font draw."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    # An emoji inside <b> or <i> keeps its one face instead of failing the paragraph.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(EMOJI, bold, italic, EMOJI)
    text = frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)  # type: ignore[attr-defined]
    symbols = frozenset(pdfmetrics.getFont(EMOJI).face.charToGlyph)  # type: ignore[attr-defined]
    # Digits, '#' and '*' are in both; the text font draws them, the emoji font only what it lacks.
    return text, symbols - text - _EMOJI_MODIFIERS


def register_fonts() -> frozenset[int]:
    """Register the fonts with ReportLab (once); returns the code points the text font can draw."""
    return _coverage()[0]


def printable(text: str) -> str:
    """`text` with only what the fonts can draw: each symbol neither has becomes one mark."""
    return "".join(chunk for _font, chunk in runs(text, REGULAR))


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """`text` as (font, chunk) pieces: `font` where the text font draws it, the emoji font elsewhere."""
    pieces: list[tuple[str, str]] = []
    for char_font, char in _drawable(text, font):
        if pieces and pieces[-1][0] == char_font:
            pieces[-1] = (char_font, pieces[-1][1] + char)
        else:
            pieces.append((char_font, char))
    return pieces


def _drawable(text: str, font: str) -> Iterator[tuple[str, str]]:
    text_font, symbols = _coverage()
    replaced = joining = False
    previous = 0
    for char in text:
        code = ord(char)
        if code in _EMOJI_MODIFIERS:
            # "👨‍👩‍👧" is one symbol: what a joiner glues on a mark gets no mark of its own.
            joining = replaced and code == 0x200D
        elif code in text_font or char in "\n\t ":
            yield font, char
            replaced = joining = False
        elif code in symbols:
            yield EMOJI, char
            replaced = joining = False
        elif joining or (replaced and _is_flag_half(previous) and _is_flag_half(code)):
            joining = False
        else:
            yield font, REPLACEMENT
            replaced = True
        previous = code


def font_markup(text: str) -> str:
    """`text` escaped for a Paragraph, with each run of symbols set in the emoji font."""
    return "".join(
        escape(chunk) if font == REGULAR else f'<font face="{EMOJI}">{escape(chunk)}</font>'
        for font, chunk in runs(text, REGULAR)
    )


def text_width(text: str, font: str, size: float) -> float:
    """The width of `text` in points as `draw_string` sets it, symbols in the emoji font."""
    return sum(stringWidth(chunk, chunk_font, size) for chunk_font, chunk in runs(text, font))


def draw_string(canvas, x: float, y: float, text: str, font: str, size: float, *, anchor: str = "start") -> None:
    """One line of text on a canvas, symbols in the emoji font; `anchor` 'start', 'middle' or 'end'."""
    if anchor != "start":
        width = text_width(text, font, size)
        x -= width / 2 if anchor == "middle" else width
    for chunk_font, chunk in runs(text, font):
        canvas.setFont(chunk_font, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, chunk_font, size)
    canvas.setFont(font, size)


def strings(x: float, y: float, text: str, font: str, size: float, *, anchor: str = "start", **style) -> list:
    """One line of text as graphics Strings for a Drawing, symbols in the emoji font."""
    from reportlab.graphics.shapes import String

    if anchor != "start":
        width = text_width(text, font, size)
        x -= width / 2 if anchor == "middle" else width
    result = []
    for chunk_font, chunk in runs(text, font):
        result.append(String(x, y, chunk, fontName=chunk_font, fontSize=size, **style))
        x += stringWidth(chunk, chunk_font, size)
    return result


def elide(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to `width` points with an ellipsis, for one line that cannot wrap (a drawing, a footer)."""
    text = printable(text)
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with code points beyond U+FFFF as UTF-16 pairs as PDF requires.

    ReportLab writes them as five hex digits, which readers reject: an emoji would print
    but not copy, search or reach a screen reader.
    """
    cmap = _ORIGINAL_TO_UNICODE_CMAP(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            cmap = cmap.replace(f"<{code:04X}>", f"<{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


_ORIGINAL_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap


def _is_flag_half(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF
