"""The typeface every PDF uses: Noto Sans, shipped in `resources/fonts/` (SIL OFL 1.1).

Embedding our own TrueType font is what makes æ, ø, å and any name a partner types print
the same on every machine. Characters the font lacks (emoji, say) become one visible
replacement mark instead of a crash or a silent gap.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.paths import resource_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}
REPLACEMENT = "\ufffd"
#: Joiners, variation selectors and skin tones belong to the emoji before them.
_EMOJI_MODIFIERS = {0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)}


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the family with ReportLab (once); returns the code points it can draw."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def printable(text: str) -> str:
    """`text` with every character the font cannot draw replaced by one mark per symbol."""
    drawable = register_fonts()
    out = []
    replaced = joining = False
    previous = 0
    for char in text:
        code = ord(char)
        if code in _EMOJI_MODIFIERS and replaced:
            # "👨‍👩‍👧" is one symbol: what a joiner glues on gets no mark of its own.
            joining = code == 0x200D
        elif code in drawable or char in "\n\t ":
            out.append(char)
            replaced = joining = False
        elif code in _EMOJI_MODIFIERS:
            pass
        elif joining or (replaced and _is_flag_half(previous) and _is_flag_half(code)):
            joining = False
        else:
            out.append(REPLACEMENT)
            replaced = True
        previous = code
    return "".join(out)


def elide(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to `width` points with an ellipsis, for one line that cannot wrap (a drawing, a footer)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _is_flag_half(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF
