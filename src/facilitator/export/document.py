"""What every PDF shares: page, type, colours, tables, bullets, "Side X af Y", the title block.

The look is quiet and official: one accent colour, clear headings, tables with light rules,
and a running header and footer so any loose page says where it belongs.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from facilitator.export.fonts import BOLD, REGULAR, draw_string, font_markup, printable, register_fonts
from facilitator.export.hyphenation import hyphenate_cells
from facilitator.export.snapshot import SessionSnapshot
from facilitator.invitation import long_date
from facilitator.program import Item, Step
from facilitator.text import Text

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B73")
ACCENT = colors.HexColor("#1B5E4B")
ACCENT_LIGHT = colors.HexColor("#E6F0EC")
RULE = colors.HexColor("#C5CFCB")
ZEBRA = colors.HexColor("#F6F8F7")
FLAG = colors.HexColor("#9A5B00")

MARGIN = 18 * mm
#: The width between the margins of an A4 page.
CONTENT_WIDTH = A4[0] - 2 * MARGIN
#: Points left on a page below which a tall table row starts on the next page instead of splitting.
SPLIT_ROW_FROM = 36
#: Points between a table cell's text and its left and right edges.
_CELL_PADDING = 4


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, at one base size."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header: ParagraphStyle
    flag: ParagraphStyle


def make_styles(base: float = 9.5) -> Styles:
    """The documents' styles; `base` is the body size in points (A3 templates go larger)."""
    register_fonts()

    def style(name: str, size: float, *, font: str = REGULAR, color=INK, before: float = 0, after: float = 0, **kw):
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.38,
            textColor=color,
            spaceBefore=before,
            spaceAfter=after,
            alignment=TA_LEFT,
            **kw,
        )

    return Styles(
        title=style("title", base * 2.3, font=BOLD, color=ACCENT, after=base * 0.3),
        subtitle=style("subtitle", base * 1.15, color=MUTED, after=base * 1.2),
        h1=style("h1", base * 1.55, font=BOLD, color=ACCENT, before=base * 1.6, after=base * 0.6),
        h2=style("h2", base * 1.2, font=BOLD, before=base * 1.1, after=base * 0.35),
        h3=style("h3", base, font=BOLD, before=base * 0.6, after=base * 0.15),
        body=style("body", base, after=base * 0.45),
        small=style("small", base * 0.85, color=MUTED),
        cell=style("cell", base * 0.92),
        cell_bold=style("cell_bold", base * 0.92, font=BOLD),
        header=style("header", base * 0.85, font=BOLD, color=ACCENT),
        flag=style("flag", base * 0.8, color=FLAG),
    )


def markup(text: str) -> str:
    """User text made safe for a Paragraph: escaped, drawable (symbols in the emoji font), line breaks kept."""
    return font_markup(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text (never markup)."""
    return Paragraph(markup(text), style)


def labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """'<b>Label:</b> text' with the text escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(text)}", style)


def muted(text: str) -> str:
    """Ready markup in the quiet grey of secondary text."""
    return f"<font color='#{MUTED.hexval()[2:]}'>{text}</font>"


def bullet_style(parent: ParagraphStyle, level: int = 0) -> ParagraphStyle:
    """`parent` indented for a bulleted list; `level` 1 for a list inside a list."""
    indent = 9 + 10 * level
    return ParagraphStyle(
        f"{parent.name}-bullet-{level}",
        parent=parent,
        leftIndent=indent,
        bulletIndent=indent - 8,
        bulletFontName=REGULAR,
        spaceAfter=1.5,
    )


def bullet(text: str, style: ParagraphStyle) -> Paragraph:
    """A bullet of ready markup (user text already escaped)."""
    return Paragraph(text, style, bulletText="•" if style.leftIndent < 15 else "–")


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    styles: Styles,
    *,
    extra: Sequence[tuple] = (),
) -> LongTable:
    """A table that splits across pages with its header repeated; strings become wrapped cells.

    A word wider than its column breaks at a hyphenation point with a hyphen (`hyphenation`).
    """
    data = [[Paragraph(markup(text), styles.header) for text in header]]
    for row in rows:
        data.append([para(cell, styles.cell) if isinstance(cell, str) else cell for cell in row])
    hyphenate_cells(data, widths, 2 * _CELL_PADDING)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    commands += [("BACKGROUND", (0, index), (-1, index), ZEBRA) for index in range(2, len(data), 2)]
    result = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle([*commands, *extra]))
    # A cell may hold up to 20,000 characters (a mandate, a circle field of many elements);
    # a row taller than a page continues on the next instead of failing the whole PDF.
    result.splitInRow = SPLIT_ROW_FROM
    return result


def keep(*flowables: Flowable) -> KeepTogether:
    """Keep a heading with what follows it."""
    return KeepTogether(list(flowables))


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


@dataclass(frozen=True)
class PageFrame:
    """The running texts of a document's pages."""

    #: Left of the header on every page but the first (the session's title).
    header: str
    #: Right of the header (the kind of document).
    kind: str
    #: Left of the footer (date and place).
    footer: str
    language: str = "da"


PAGE_OF = Text("Side {page} af {pages}", "Page {page} of {pages}")


def _numbered_canvas(frame: PageFrame):
    """A canvas class that knows the page count when it writes each footer."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._running_texts(total)
                super().showPage()
            super().save()

        def _running_texts(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            top = height - MARGIN + 5 * mm
            if self._pageNumber > 1:
                draw_string(self, MARGIN, top, printable(frame.header)[:110], REGULAR, 7.5)
                draw_string(self, width - MARGIN, top, frame.kind, REGULAR, 7.5, anchor="end")
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                self.line(MARGIN, height - MARGIN + 3.5 * mm, width - MARGIN, height - MARGIN + 3.5 * mm)
            draw_string(self, MARGIN, MARGIN - 8 * mm, printable(frame.footer)[:110], REGULAR, 7.5)
            label = PAGE_OF.get(frame.language).format(page=self._pageNumber, pages=total)
            self.drawRightString(width - MARGIN, MARGIN - 8 * mm, label)
            self.restoreState()

    return NumberedCanvas


def render(
    story: list[Flowable],
    frame: PageFrame,
    *,
    title: str,
    author: str = "",
    pagesize: tuple[float, float] = A4,
    on_page: Callable[[pdf_canvas.Canvas, BaseDocTemplate], None] | None = None,
) -> bytes:
    """Lay out `story` on pages and return the PDF."""
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=printable(title),
        author=printable(author),
        creator="Facilitator",
        lang="da-DK" if frame.language == "da" else "en-GB",
    )
    body = Frame(
        MARGIN,
        MARGIN,
        pagesize[0] - 2 * MARGIN,
        pagesize[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template = PageTemplate("page", [body], onPage=on_page) if on_page else PageTemplate("page", [body])
    document.addPageTemplates([template])
    document.build(story, canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()


def step_title(item: Item, step: Step, language: str) -> str:
    """'Delsession 1 · Forandringscirklen': a step with its part's label; a break is named by its title."""
    label = getattr(item, "label", None)
    return f"{label.get(language)} · {step.title.get(language)}" if label else step.title.get(language)


def session_facts(snapshot: SessionSnapshot, language: str) -> str:
    """'mandag den 27. april 2026 · Hotel Nyborg Strand · Facilitator: Anne Holm'."""
    session = snapshot.session
    facts = []
    if session.date:
        facts.append(long_date(session.date, language))
    if session.venue:
        facts.append(session.venue)
    if session.facilitator:
        facts.append(f"Facilitator: {session.facilitator}")
    return " · ".join(facts)


def page_frame(snapshot: SessionSnapshot, kind: Text, language: str) -> PageFrame:
    """The running texts of a session's document: its title, the document's kind, date and place."""
    session = snapshot.session
    footer = " · ".join(
        part for part in (long_date(session.date, language) if session.date else "", session.venue) if part
    )
    return PageFrame(session.title, kind.get(language), footer, language)


def title_block(snapshot: SessionSnapshot, kind: str, styles: Styles, language: str) -> list[Flowable]:
    """The document's kind small, the session's title large, and when, where and who."""
    return [
        Paragraph(markup(kind.upper()), styles.header),
        para(snapshot.session.title, styles.title),
        para(session_facts(snapshot, language), styles.subtitle),
    ]
