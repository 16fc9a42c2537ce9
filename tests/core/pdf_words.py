"""What a PDF draws, run by run: for tests that a word is never cut in two without a hyphen."""

from __future__ import annotations

import io

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
    """How the PDF draws `word`: 'whole', 'hyphenated' (each piece but the last ends in '-') and/or 'cut'."""
    drawn = [piece.strip(",.;:()»«") for piece in drawn_words(data)]
    ways = {"whole"} if word in drawn else set()
    for start in range(len(drawn)):
        for end in range(start + 2, min(start + 8, len(drawn)) + 1):
            pieces = drawn[start:end]
            if _joins(pieces, word):
                ways.add("hyphenated" if all(piece.endswith("-") for piece in pieces[:-1]) else "cut")
    return ways


def _joins(pieces: list[str], word: str) -> bool:
    """Whether `pieces` make `word`, each inner piece's last '-' either added at the break or the word's own."""
    if len(pieces) == 1:
        return pieces[0] == word
    head, rest = pieces[0], pieces[1:]
    return any(
        word.startswith(part) and _joins(rest, word[len(part) :]) for part in {head, head.removesuffix("-")} if part
    )
