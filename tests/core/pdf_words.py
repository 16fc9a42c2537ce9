"""What a PDF draws, run by run: for tests that a word is never cut in two without a hyphen."""

from __future__ import annotations

import io
import itertools

from pypdf import PdfReader


def drawn_words(data: bytes) -> list[str]:
    """Every word the PDF draws, in drawing order: a word broken over two lines is two words here.

    ReportLab draws a table cell's lines one after the other, so the two halves of a broken
    word follow each other.
    """
    runs: list[str] = []

    def visit(text, _cm, _tm, _font, _size):
        runs.append(text)

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return " ".join(runs).split()


def how_drawn(data: bytes, word: str) -> set[str]:
    """How the PDF draws `word`: 'whole', 'hyphenated' (head ends in '-') and/or 'cut' (no mark)."""
    drawn = [piece.strip(",.;:()»«") for piece in drawn_words(data)]
    ways = {"whole"} if word in drawn else set()
    for head, tail in itertools.pairwise(drawn):
        if head + tail == word:
            ways.add("cut")
        elif head.endswith("-") and head[:-1] + tail == word:
            ways.add("hyphenated")
    return ways
