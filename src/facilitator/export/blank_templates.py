"""Blank paper templates for the venue: the three circles and "Hvordan kommer vi videre?".

Partners write on these by hand, so each template has a page of its own with the drawing as
large as the page allows, the method's questions around it and the guide's hints in small
type. The pages are drawn on the canvas directly: a circle with questions placed around it
is geometry, not a flow of paragraphs.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.conversation import CIRCLES, DECISIONS, CircleField, CircleTemplate
from facilitator.conversation.next_steps import ACTION_LABELS, AREAS, TEMPLATE_QUESTION, TEMPLATE_TITLE, Area
from facilitator.export.document import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    INK,
    MARGIN,
    MUTED,
    PAGE_OF,
    RULE,
    make_styles,
    markup,
)
from facilitator.export.fonts import BOLD, REGULAR, draw_string, elide, printable, register_fonts
from facilitator.export.snapshot import SessionSnapshot
from facilitator.invitation import long_date
from facilitator.paths import default_program_path
from facilitator.program import Part, Program, load_program
from facilitator.text import Text

PAGE_SIZES = {"A4": A4, "A3": A3}

# Every page is drawn in A4 points; an A3 sheet is the same page at 141 %, so type, drawing
# and margins grow together and a sheet on the wall reads from a step back.
WIDTH, HEIGHT = A4

KIND = Text("Skabeloner til papir", "Paper templates")
NAME_LINE = Text("Partner / navn", "Partner / name")
GROUP_LINE = Text("Partnerskab", "Partnership")
CIRCLE_NOTE = Text(
    "Skriv kort – ét punkt pr. linje. Hvert punkt bliver til en post-it, når I sorterer sammen.",
    "Write briefly – one point per line. Each point becomes a sticky note when you sort together.",
)
SEVERAL_NOTE = Text(
    "Har du flere ambitioner, så tag et ark til hver.", "If you have several ambitions, take one sheet for each."
)
COLUMNS = (
    (ACTION_LABELS["what"], 0.43),
    # On paper the group writes who does it, as the template's question asks; the app records an owner.
    (Text("Hvem", "Who"), 0.22),
    (ACTION_LABELS["how_much"], 0.19),
    (ACTION_LABELS["due"], 0.16),
)

WHITE = colors.white
#: The height of one handwritten line: in the circles, and in the next steps' tables where
#: rows are many and a word or two each.
LINE_GAP = 8.5 * mm
ROW_HEIGHT = 7.5 * mm


class _Styles:
    """The paragraph styles of the templates, from the documents' own so they look like family."""

    def __init__(self) -> None:
        base = make_styles(10)
        self.kicker = base.header
        self.title = ParagraphStyle("template-title", parent=base.title, fontSize=24, leading=28)
        self.note = ParagraphStyle("note", parent=base.small, spaceBefore=4)
        self.caption = ParagraphStyle("caption", parent=base.small, fontSize=7.5, leading=9)
        self.label = ParagraphStyle("label", parent=base.header, fontSize=9, leading=12)
        self.question = ParagraphStyle("question", parent=base.h3, fontSize=11, leading=14, spaceBefore=0)
        self.hint = ParagraphStyle("hint", parent=base.small, fontSize=8, leading=10.5, spaceBefore=2)
        self.area_question = ParagraphStyle("area-question", parent=self.question, fontSize=9.5, leading=12)
        self.prompt = ParagraphStyle(
            "prompt",
            parent=self.hint,
            fontSize=7.5,
            leading=9.5,
            leftIndent=8,
            bulletIndent=0,
            bulletFontName=REGULAR,
            bulletFontSize=7.5,
            spaceBefore=1.5,
        )
        self.hub = ParagraphStyle("hub", fontName=BOLD, fontSize=12.5, leading=15, textColor=WHITE, alignment=TA_CENTER)


def build_templates(language: str = "da", *, pagesize: str = "A4", session: SessionSnapshot | None = None) -> bytes:
    """Blank paper templates: the change, contribution and scaling circles and "Hvordan kommer vi videre?"."""
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"unknown page size {pagesize!r}; choose one of {', '.join(PAGE_SIZES)}")
    register_fonts()
    program = session.program if session else load_program(default_program_path())
    scale = min(PAGE_SIZES[pagesize][0] / WIDTH, PAGE_SIZES[pagesize][1] / HEIGHT)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE_SIZES[pagesize], lang="da-DK" if language == "da" else "en-GB")
    kind = KIND.get(language)
    canvas.setTitle(printable(f"{kind} – {session.session.title}" if session else kind))
    canvas.setAuthor(printable(session.session.facilitator if session else ""))
    canvas.setCreator("Facilitator")
    styles = _Styles()
    footer = _footer_text(session, program, language)
    total = len(CIRCLES) + 1
    page_of = PAGE_OF.get(language)
    for number, circle in enumerate(CIRCLES.values(), start=1):
        with _page(canvas, scale, footer, page_of.format(page=number, pages=total)):
            heading = _part_heading(program, f"circle:{circle.kind}", circle.name, language)
            _circle_page(canvas, styles, circle, heading, language)
    with _page(canvas, scale, footer, page_of.format(page=total, pages=total)):
        _next_steps_page(canvas, styles, _part_heading(program, "next-steps", TEMPLATE_TITLE, language), language)
    canvas.save()
    return buffer.getvalue()


@contextmanager
def _page(canvas: Canvas, scale: float, footer: str, page_label: str) -> Iterator[None]:
    """One sheet, drawn in A4 points and scaled to the paper, with its footer."""
    canvas.saveState()
    canvas.scale(scale, scale)
    yield
    _footer(canvas, footer, page_label)
    canvas.restoreState()
    canvas.showPage()


def _part_heading(program: Program, workspace: str, title: Text, language: str) -> str:
    """'Delsession 1 · Hvad bliver vi partnere om?' for the part whose step opens `workspace`."""
    for item, step in program.stops():
        if step.workspace == workspace and isinstance(item, Part):
            label, part_title = item.label.get(language), item.title.get(language)
            return label if part_title == title.get(language) else f"{label} · {part_title}"
    return ""


def _footer_text(session: SessionSnapshot | None, program: Program, language: str) -> str:
    if session is None:
        return program.title.get(language)
    data = session.session
    facts = [data.title, long_date(data.date, language) if data.date else "", data.venue]
    return " · ".join(fact for fact in facts if fact)


def _footer(canvas: Canvas, text: str, page_label: str) -> None:
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    y = MARGIN - 8 * mm
    canvas.drawRightString(WIDTH - MARGIN, y, page_label)
    room = CONTENT_WIDTH - stringWidth(page_label, REGULAR, 7.5) - 10 * mm
    draw_string(canvas, MARGIN, y, elide(text, REGULAR, 7.5, room), REGULAR, 7.5)


def _paragraph(text: str, style: ParagraphStyle, width: float, *, bullet: str | None = None) -> Paragraph:
    """Our own text as a wrapped paragraph; `.height` is known after this."""
    paragraph = Paragraph(markup(text), style, bulletText=bullet)
    paragraph.wrap(width, HEIGHT)
    return paragraph


def _stack(canvas: Canvas, paragraphs: list[Paragraph], x: float, top: float) -> None:
    """Draw paragraphs under each other from `top` down."""
    for paragraph in paragraphs:
        top -= paragraph.style.spaceBefore
        paragraph.drawOn(canvas, x, top - paragraph.height)
        top -= paragraph.height


def _stack_height(paragraphs: list[Paragraph]) -> float:
    return sum(paragraph.height + paragraph.style.spaceBefore for paragraph in paragraphs)


def _header(canvas: Canvas, styles: _Styles, kicker: str, title: str, note: str, line_caption: str) -> float:
    """The part, the template's name, a note, and a line to write a name on; returns where the page body starts."""
    line_width = 62 * mm
    text_width = CONTENT_WIDTH - line_width - 8 * mm
    size = styles.title.fontSize
    # The name line needs its room: a long title gets smaller rather than wrapping under it.
    while stringWidth(title, BOLD, size) > text_width and size > 14:
        size -= 0.5
    title_style = ParagraphStyle("fitted-title", parent=styles.title, fontSize=size, leading=size * 1.18)
    block = [
        *([_paragraph(kicker.upper(), styles.kicker, text_width)] if kicker else []),
        _paragraph(title, title_style, text_width),
        _paragraph(note, styles.note, text_width),
    ]
    top = HEIGHT - MARGIN
    _stack(canvas, block, MARGIN, top)
    bottom = top - _stack_height(block)
    # The name line stands on the title's baseline, where the eye already is.
    line_y = top - _stack_height(block[:-1]) + size * 0.25
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.7)
    canvas.line(WIDTH - MARGIN - line_width, line_y, WIDTH - MARGIN, line_y)
    canvas.setFont(REGULAR, styles.caption.fontSize)
    canvas.setFillColor(MUTED)
    canvas.drawString(WIDTH - MARGIN - line_width, line_y - 9, printable(line_caption))
    bottom = min(bottom, line_y - 12) - 3 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, bottom, WIDTH - MARGIN, bottom)
    return bottom - 5 * mm


# The circles --------------------------------------------------------------------------------


def _field_block(field: CircleField, styles: _Styles, width: float, language: str) -> list[Paragraph]:
    return [
        _paragraph(field.label.get(language).upper(), styles.label, width),
        _paragraph(field.question.get(language), styles.question, width),
        _paragraph(field.hint.get(language), styles.hint, width),
    ]


def _circle_page(canvas: Canvas, styles: _Styles, template: CircleTemplate, kicker: str, language: str) -> None:
    note = CIRCLE_NOTE.get(language)
    if template.several:
        note += " " + SEVERAL_NOTE.get(language)
    top = _header(canvas, styles, kicker, template.name.get(language), note, NAME_LINE.get(language))
    gap = 5 * mm
    column = (CONTENT_WIDTH - 8 * mm) / 2
    blocks = [_field_block(field, styles, column, language) for field in template.fields]
    upper = max(_stack_height(block) for block in blocks[:2])
    lower = max(_stack_height(block) for block in blocks[2:])
    room = top - MARGIN - upper - lower - 2 * gap
    diameter = min(CONTENT_WIDTH, room)
    top -= (room - diameter) / 2
    circle_top = top - upper - gap
    centre = (WIDTH / 2, circle_top - diameter / 2)
    # Reading order as in the app and on the printed template: the first question top left.
    for index, block in enumerate(blocks):
        x = MARGIN if index % 2 == 0 else WIDTH - MARGIN - column
        if index < 2:
            _stack(canvas, block, x, circle_top + gap + upper)
        else:
            _stack(canvas, block, x, circle_top - diameter - gap)
    _circle(canvas, styles, template, centre, diameter / 2, language)


def _circle(
    canvas: Canvas, styles: _Styles, template: CircleTemplate, centre: tuple[float, float], radius: float, language: str
) -> None:
    """The circle as the app draws it: tinted, quartered by dashed lines, the hub in the middle."""
    cx, cy = centre
    hub = radius * 0.21
    canvas.setFillColor(ACCENT_LIGHT)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2)
    canvas.circle(cx, cy, radius, stroke=1, fill=1)
    _writing_lines(canvas, centre, radius, hub)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1)
    canvas.setDash(5, 4)
    for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        canvas.line(cx + dx * hub, cy + dy * hub, cx + dx * radius, cy + dy * radius)
    canvas.setDash()
    label_size = styles.label.fontSize * 1.1
    canvas.setFont(BOLD, label_size)
    canvas.setFillColor(ACCENT)
    for index, field in enumerate(template.fields):
        side = -1 if index % 2 == 0 else 1
        upper = index < 2
        # Near the rim, above the top writing line (or below the lowest), centred in its quarter.
        y = cy + (radius * 0.81 if upper else -radius * 0.81 - label_size * 0.7)
        canvas.drawCentredString(cx + side * radius * 0.34, y, printable(field.label.get(language).upper()))
    canvas.setFillColor(ACCENT)
    canvas.setStrokeColor(WHITE)
    canvas.setLineWidth(3)
    canvas.circle(cx, cy, hub, stroke=1, fill=1)
    inner = hub * 2 * 0.82
    paragraph = _fitted(template.centre.get(language), styles.hub, inner, inner)
    paragraph.drawOn(canvas, cx - inner / 2, cy - paragraph.height / 2)


def _writing_lines(canvas: Canvas, centre: tuple[float, float], radius: float, hub: float) -> None:
    """Faint lines to write on, inside the circle, clear of the hub, the dividers and the labels."""
    cx, cy = centre
    pad = 5 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    offset = LINE_GAP
    while offset < radius * 0.74:
        outer = math.sqrt((radius - pad) ** 2 - offset**2)
        inner = math.sqrt((hub + pad) ** 2 - offset**2) if offset < hub + pad else 0
        inner = max(inner, 3 * mm)
        for dy in (offset, -offset):
            canvas.line(cx - outer, cy + dy, cx - inner, cy + dy)
            canvas.line(cx + inner, cy + dy, cx + outer, cy + dy)
        offset += LINE_GAP


def _fitted(text: str, style: ParagraphStyle, width: float, height: float) -> Paragraph:
    """`text` centred in a box, made smaller until no word sticks out and it fits the height."""
    size = style.fontSize
    while True:
        fitted = ParagraphStyle("fitted", parent=style, fontSize=size, leading=size * 1.2)
        paragraph = _paragraph(text, fitted, width)
        if size <= 7 or (paragraph.minWidth() <= width and paragraph.height <= height):
            return paragraph
        size -= 0.5


# Hvordan kommer vi videre? -------------------------------------------------------------------


def _area_block(area: Area, styles: _Styles, width: float, language: str) -> list[Paragraph]:
    return [
        _paragraph(area.title.get(language).upper(), styles.label, width),
        _paragraph(area.question.get(language), styles.area_question, width),
        *(_paragraph(prompt.get(language), styles.prompt, width, bullet="•") for prompt in area.prompts),
    ]


def _next_steps_page(canvas: Canvas, styles: _Styles, kicker: str, language: str) -> None:
    top = _header(
        canvas,
        styles,
        kicker,
        TEMPLATE_TITLE.get(language),
        TEMPLATE_QUESTION.get(language),
        GROUP_LINE.get(language),
    )
    gap = 3.5 * mm
    pad = 3 * mm
    info_width = 62 * mm
    decisions_height = 50 * mm
    blocks = [_area_block(area, styles, info_width - 2 * pad, language) for area in AREAS]
    needed = [_stack_height(block) + 2 * pad for block in blocks]
    room = top - MARGIN - decisions_height - gap * len(AREAS)
    # Equal bands where the texts allow it; otherwise each gets what its text needs plus a share.
    if max(needed) * len(AREAS) <= room:
        heights = [room / len(AREAS)] * len(AREAS)
    else:
        spare = (room - sum(needed)) / len(AREAS)
        heights = [height + spare for height in needed]
    y = top
    for block, height in zip(blocks, heights, strict=True):
        _area_band(canvas, block, y, height, info_width, pad, language)
        y -= height + gap
    _decisions_box(canvas, styles, y, y - MARGIN, pad, language)


def _area_band(
    canvas: Canvas,
    block: list[Paragraph],
    top: float,
    height: float,
    info_width: float,
    pad: float,
    language: str,
) -> None:
    """One area: its question and prompts on the left, a ruled table to write in on the right."""
    bottom = top - height
    canvas.setFillColor(ACCENT_LIGHT)
    canvas.rect(MARGIN, bottom, info_width, height, stroke=0, fill=1)
    _stack(canvas, block, MARGIN + pad, top - pad)
    table_x = MARGIN + info_width
    table_width = CONTENT_WIDTH - info_width
    header_height = 6 * mm
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(ACCENT)
    x = table_x
    edges = []
    for label, share in COLUMNS:
        canvas.drawString(x + 2 * mm, top - header_height + 2 * mm, printable(label.get(language)))
        x += table_width * share
        edges.append(x)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(table_x, top - header_height, MARGIN + CONTENT_WIDTH, top - header_height)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    rows = max(1, int((height - header_height) // ROW_HEIGHT))
    row_height = (height - header_height) / rows
    for row in range(1, rows):
        y = top - header_height - row * row_height
        canvas.line(table_x, y, MARGIN + CONTENT_WIDTH, y)
    for edge in edges[:-1]:
        canvas.line(edge, top, edge, bottom)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.rect(MARGIN, bottom, CONTENT_WIDTH, height, stroke=1, fill=0)


def _decisions_box(canvas: Canvas, styles: _Styles, top: float, height: float, pad: float, language: str) -> None:
    """The decision rule: how the group decides, and how much disagreement it can live with."""
    bottom = top - height
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.rect(MARGIN, bottom, CONTENT_WIDTH, height, stroke=1, fill=0)
    title = _paragraph(DECISIONS.title.get(language).upper(), styles.label, CONTENT_WIDTH - 2 * pad)
    _stack(canvas, [title], MARGIN + pad, top - pad)
    column = (CONTENT_WIDTH - 3 * pad) / 2
    below_title = top - pad - title.height - 1.5 * mm
    blocks = [
        [
            _paragraph(field.question.get(language), styles.area_question, column),
            _paragraph(field.hint.get(language) if field.hint else "", styles.hint, column),
        ]
        for field in DECISIONS.fields
    ]
    text_bottom = below_title - max(_stack_height(block) for block in blocks)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    for index, block in enumerate(blocks):
        x = MARGIN + pad + index * (column + pad)
        _stack(canvas, block, x, below_title)
        y = text_bottom - LINE_GAP
        while y > bottom + pad:
            canvas.line(x, y, x + column, y)
            y -= LINE_GAP
    middle = MARGIN + pad + column + pad / 2
    canvas.line(middle, below_title, middle, bottom + pad)
