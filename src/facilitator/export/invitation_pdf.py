"""The invitation as a letter to send to the partners: time and place, programme, what to prepare.

It says what `facilitator.invitation.invitation_text` says, typeset: the facts in a box, the
programme as a table of clock times, and the asks with their lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from facilitator.export.document import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    MUTED,
    Styles,
    gap,
    keep,
    make_styles,
    markup,
    page_frame,
    para,
    render,
    table,
)
from facilitator.export.fonts import BOLD
from facilitator.export.snapshot import SessionSnapshot
from facilitator.guidance import InvitationAsk, load_guidance
from facilitator.invitation import long_date, programme
from facilitator.program import Schedule, format_clock
from facilitator.text import Text

KIND = Text("Indbydelse", "Invitation")
GREETING = Text("Kære partnere,", "Dear partners,")
INTRODUCTION = Text(
    "I inviteres hermed til en partnerskabssession, hvor vi sammen undersøger, om og hvordan vi kan danne "
    "et partnerskab for bæredygtig omstilling.",
    "You are invited to a partnership session where we explore together whether and how we can form a "
    "partnership for sustainable transition.",
)
NO_DATE = Text("dato aftales", "date to be agreed")
PREPARE = Text("Forberedelse", "Before the session")
PREPARE_LEAD = Text("Vi beder jer forberede {count} ting:", "Please prepare {count} things:")
COUNTS = Text("en to tre fire fem", "one two three four five")
REGARDS = Text("Venlig hilsen", "Kind regards,")


def build_invitation(snapshot: SessionSnapshot, language: str = "da") -> bytes:
    """The invitation with the programme and clock times, ready to send to the partners."""
    styles = make_styles(10)
    session = snapshot.session
    story: list[Flowable] = [
        para(KIND.get(language).upper(), styles.header),
        para(session.title, styles.title),
        gap(4),
        para(GREETING.get(language), styles.body),
        para(INTRODUCTION.get(language), styles.body),
        gap(2),
        _facts(snapshot, styles, language),
    ]
    story += _partners(snapshot, styles, language)
    story.append(
        keep(
            para(Text("Program", "Programme").get(language), styles.h1),
            _programme(snapshot.schedule, styles, language),
        )
    )
    story += _asks(load_guidance().invitation, styles, language)
    closing = [gap(6), para(REGARDS.get(language), styles.body)]
    if session.facilitator:
        name = ParagraphStyle("signature", parent=styles.body, fontName=BOLD, spaceAfter=0)
        closing += [gap(3), para(session.facilitator, name), para("Facilitator", styles.small)]
    story.append(KeepTogether(closing))
    kind = KIND.get(language)
    return render(
        story,
        page_frame(snapshot, KIND, language),
        title=f"{kind}: {session.title}",
        author=session.facilitator,
    )


def _facts(snapshot: SessionSnapshot, styles: Styles, language: str) -> Table:
    """When, where and who leads, in a tinted box: what a partner looks for first."""
    session, schedule = snapshot.session, snapshot.schedule
    when = long_date(session.date, language) if session.date else NO_DATE.get(language)
    hours = f"{format_clock(schedule.start)}–{format_clock(schedule.end)}"
    rows = [(Text("Tid", "Time"), f"{when}, {'at' if language == 'en' else 'kl.'} {hours}")]
    if session.venue:
        rows.append((Text("Sted", "Place"), session.venue))
    if session.facilitator:
        rows.append((Text("Facilitator", "Facilitator"), session.facilitator))
    label = ParagraphStyle("fact-label", parent=styles.body, fontName=BOLD, textColor=ACCENT, spaceAfter=0)
    value = ParagraphStyle("fact", parent=styles.body, spaceAfter=0)
    facts = Table(
        [[para(name.get(language), label), para(text, value)] for name, text in rows],
        colWidths=[32 * mm, CONTENT_WIDTH - 32 * mm],
        hAlign="LEFT",
    )
    facts.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
            ]
        )
    )
    return facts


def _partners(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    if not snapshot.partners:
        return []
    header = [Text("Partner", "Partner").get(language), Text("Organisation", "Organisation").get(language)]
    rows = [[partner.name, partner.organisation] for partner in snapshot.partners]
    return [
        keep(
            para(Text("Partnere", "Partners").get(language), styles.h1),
            table(header, rows, [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.6], styles),
        )
    ]


def _programme(schedule: Schedule, styles: Styles, language: str) -> Table:
    """The parts and breaks still in the day, as `programme_lines` has them, in two columns."""
    quiet = ParagraphStyle("break", parent=styles.cell, textColor=MUTED)
    rows = []
    for item in programme(schedule, language):
        if item.label:
            name = Paragraph(f"<b>{markup(item.label)}:</b> {markup(item.title)}", styles.cell)
        else:
            # A break is no part of the work: it reads quieter.
            name = para(item.title, quiet)
        rows.append([item.clock, name])
    header = [Text("Tid", "Time").get(language), Text("Programpunkt", "Item").get(language)]
    return table(header, rows, [30 * mm, CONTENT_WIDTH - 30 * mm], styles)


def _asks(asks: Sequence[InvitationAsk], styles: Styles, language: str) -> list[Flowable]:
    """What the partners are asked to prepare, numbered, each with its paragraphs and lists."""
    if not asks:
        return []
    counts = COUNTS.get(language).split()
    count = counts[len(asks) - 1] if len(asks) <= len(counts) else str(len(asks))
    lead = [
        para(PREPARE.get(language), styles.h1),
        para(PREPARE_LEAD.get(language).format(count=count), styles.body),
    ]
    story: list[Flowable] = []
    for number, ask in enumerate(asks, start=1):
        heading = para(f"{number}. {ask.title.get(language)}", styles.h2)
        # The section's heading goes where its first ask goes, never alone at a page's foot.
        story.append(keep(*(lead if number == 1 else []), heading, *_guidance_text(ask.body.get(language), styles)))
    return story


def _guidance_text(text: str, styles: Styles) -> list[Flowable]:
    """Guidance text (paragraphs split by blank lines, '- ' lines as bullets) as flowables."""
    body = styles.body
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=body.fontSize * 1.4,
        bulletIndent=body.fontSize * 0.3,
        bulletFontName=body.fontName,
        bulletFontSize=body.fontSize,
        spaceAfter=body.fontSize * 0.15,
    )
    flowables: list[Flowable] = []
    for block in text.strip().split("\n\n"):
        words: list[str] = []
        for line in (line.strip() for line in block.splitlines()):
            if line.startswith("- "):
                if words:
                    flowables.append(para(" ".join(words), body))
                    words = []
                flowables.append(Paragraph(markup(line[2:]), bullet, bulletText="•"))
            elif line:
                words.append(line)
        if words:
            flowables.append(para(" ".join(words), body))
    return flowables
