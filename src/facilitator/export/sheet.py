"""The next-steps sheet (aftaleark): what the partners agreed, for them and their management.

One shared sheet, or one per partner with that partner's own actions first. The sections
are built by functions the full report reuses, so both say the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from facilitator.conversation import AMBITION, DECISIONS, INTERPLAY, SCALING_AGREEMENT, JointForm
from facilitator.conversation.next_steps import (
    ACTION_LABELS,
    AREAS,
    STATUSES,
    TEMPLATE_QUESTION,
    TEMPLATE_TITLE,
    Action,
)
from facilitator.export.document import (
    MARGIN,
    MUTED,
    PageFrame,
    Styles,
    gap,
    make_styles,
    markup,
    para,
    render,
    table,
)
from facilitator.export.snapshot import SessionSnapshot
from facilitator.invitation import long_date
from facilitator.store import PartnerData
from facilitator.text import Text

CONTENT_WIDTH = 210 * mm - 2 * MARGIN

SHEET_TITLE = Text("Aftaleark", "Next-steps sheet")
NOT_AGREED = Text("ikke aftalt", "not agreed")
NOTHING_WRITTEN = Text("Ikke udfyldt.", "Not filled in.")


def short_date(date: dt.date, language: str) -> str:
    """'15.05.2026' / '15 May 2026': dates in tables, where space is short."""
    if language == "en":
        return date.strftime("%d %b %Y").lstrip("0")
    return date.strftime("%d.%m.%Y")


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


def partners_table(partners: Sequence[PartnerData], styles: Styles, language: str) -> list[Flowable]:
    """The partners with their organisation, role and mandate."""
    if not partners:
        return [para(Text("Ingen partnere registreret.", "No partners registered.").get(language), styles.body)]
    header = [
        Text("Partner", "Partner").get(language),
        Text("Organisation", "Organisation").get(language),
        Text("Rolle og mandat", "Role and mandate").get(language),
    ]
    rows = []
    for partner in partners:
        role = "\n".join(part for part in (partner.role, partner.mandate) if part)
        rows.append([partner.name, partner.organisation, role])
    widths = [CONTENT_WIDTH * 0.26, CONTENT_WIDTH * 0.28, CONTENT_WIDTH * 0.46]
    return [table(header, rows, widths, styles)]


def form_section(
    snapshot: SessionSnapshot,
    form: JointForm,
    styles: Styles,
    language: str,
    *,
    heading: Text | None = None,
    reflections: bool = False,
) -> list[Flowable]:
    """A joint form as question and answer; empty answers say so instead of vanishing."""
    texts = snapshot.form(form.id)
    story: list[Flowable] = [para((heading or form.title).get(language), styles.h1)]
    for form_field in form.fields:
        if form_field.reflection and not reflections:
            continue
        answer = texts.get(form_field.id, "").strip()
        block = [
            Paragraph(
                f"<b>{markup(form_field.label.get(language))}</b>"
                f" <font color='#5F6B73'>– {markup(form_field.question.get(language))}</font>",
                styles.h3,
            ),
            para(answer, styles.body) if answer else para(NOTHING_WRITTEN.get(language), styles.small),
        ]
        story.append(KeepTogether(block))
    return story


def _action_row(snapshot: SessionSnapshot, action: Action, styles: Styles, language: str) -> list:
    missing = NOT_AGREED.get(language)
    owner = snapshot.owner_label(action)
    return [
        para(action.what, styles.cell),
        para(owner, styles.cell) if owner else Paragraph(f"<i>{markup(missing)}</i>", styles.small),
        action.with_whom,
        action.how_much,
        short_date(action.due, language) if action.due else Paragraph(f"<i>{markup(missing)}</i>", styles.small),
        STATUSES.get(action.status, STATUSES["open"]).get(language),
    ]


#: The columns of an actions table, and their shares of the width.
ACTION_COLUMNS = ("what", "owner", "with_whom", "how_much", "due", "status")
_ACTION_WIDTHS = (0.33, 0.2, 0.14, 0.11, 0.11, 0.11)


def actions_table(snapshot: SessionSnapshot, actions: Sequence[Action], styles: Styles, language: str):
    """One table of actions: what, owner, with whom, how much, by when, status."""
    return table(
        [ACTION_LABELS[column].get(language) for column in ACTION_COLUMNS],
        [_action_row(snapshot, action, styles, language) for action in actions],
        [CONTENT_WIDTH * share for share in _ACTION_WIDTHS],
        styles,
    )


def actions_by_area(
    snapshot: SessionSnapshot, actions: Sequence[Action], styles: Styles, language: str, *, empty_areas: bool = True
) -> list[Flowable]:
    """The actions under the template's four areas, each with its question."""
    story: list[Flowable] = []
    for area in AREAS:
        own = [action for action in actions if action.area == area.id]
        if not own and not empty_areas:
            continue
        heading = Paragraph(
            f"{markup(area.title.get(language))}"
            f" <font size='{styles.body.fontSize}' color='#5F6B73'>{markup(area.question.get(language))}</font>",
            styles.h2,
        )
        if own:
            story += [CondPageBreak(30 * mm), heading, actions_table(snapshot, own, styles, language)]
        else:
            story.append(
                KeepTogether(
                    [
                        heading,
                        para(Text("Ingen aftaler i dette felt.", "Nothing agreed here.").get(language), styles.small),
                    ]
                )
            )
    return story


def next_steps_section(
    snapshot: SessionSnapshot, styles: Styles, language: str, *, partner: PartnerData | None = None
) -> list[Flowable]:
    """Delsession 4: a partner's own actions first (if one is given), then all of them by area."""
    story: list[Flowable] = [
        para(TEMPLATE_TITLE.get(language), styles.h1),
        para(TEMPLATE_QUESTION.get(language), styles.small),
    ]
    if partner is not None:
        own = snapshot.actions_for(partner.id)
        heading = Text("Det gør {who}", "What {who} does").format(who=partner.organisation or partner.name)
        story.append(para(heading.get(language), styles.h2))
        if own:
            story.append(actions_table(snapshot, own, styles, language))
        else:
            story.append(
                para(
                    Text("Ingen handlinger med jer som ansvarlige.", "No actions with you as owner.").get(language),
                    styles.small,
                )
            )
        story.append(para(Text("Alle aftaler", "Everything agreed").get(language), styles.h2))
    story += actions_by_area(snapshot, snapshot.actions, styles, language)
    return story


def signatures(partners: Sequence[PartnerData], styles: Styles, language: str) -> list[Flowable]:
    """A line per partner to sign, for the sheet that goes to management."""
    if not partners:
        return []
    header = Text("Tiltrådt af partnerne", "Agreed by the partners")
    date, signature = Text("Dato", "Date").get(language), Text("Underskrift", "Signature").get(language)
    rows = [
        [
            [
                para(partner.organisation or partner.name, styles.cell_bold),
                para(partner.name if partner.organisation else "", styles.small),
            ],
            "",
            "",
            "",
        ]
        for partner in partners
    ]
    captions = ["", para(date, styles.small), "", para(signature, styles.small)]
    # An empty column between the lines, so date and signature read as two fields.
    grid = Table(
        [row for partner_row in rows for row in (partner_row, captions)],
        colWidths=[CONTENT_WIDTH * 0.34, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.05, CONTENT_WIDTH * 0.41],
        rowHeights=[10 * mm, 4.5 * mm] * len(rows),
        hAlign="LEFT",
    )
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                *[
                    ("LINEBELOW", (column, row), (column, row), 0.6, MUTED)
                    for row in range(0, 2 * len(rows), 2)
                    for column in (1, 3)
                ],
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *[("VALIGN", (0, row), (-1, row), "TOP") for row in range(1, 2 * len(rows), 2)],
            ]
        )
    )
    return [KeepTogether([para(header.get(language), styles.h1), grid])]


def sheet_story(
    snapshot: SessionSnapshot, styles: Styles, language: str, *, partner: PartnerData | None = None
) -> list[Flowable]:
    """Partners, the ambition, both agreement sketches, the next steps and how decisions are made."""
    story: list[Flowable] = [para(Text("Partnerne", "The partners").get(language), styles.h1)]
    story += partners_table(snapshot.partners, styles, language)
    story += form_section(
        snapshot,
        AMBITION,
        styles,
        language,
        heading=Text("Den fælles forandringsambition", "Our shared ambition for change"),
    )
    story += form_section(
        snapshot,
        INTERPLAY,
        styles,
        language,
        heading=Text("Aftaleskitse: samspillet", "Agreement sketch: working together"),
    )
    story += form_section(
        snapshot,
        SCALING_AGREEMENT,
        styles,
        language,
        heading=Text("Aftaleskitse: hvor langt kan vi være sammen?", "Agreement sketch: how far can we go together?"),
    )
    story += next_steps_section(snapshot, styles, language, partner=partner)
    story += form_section(snapshot, DECISIONS, styles, language)
    return story


def build_sheet(snapshot: SessionSnapshot, language: str = "da", *, partner: PartnerData | None = None) -> bytes:
    """The next-steps sheet as PDF: shared, or for one partner with its own actions first."""
    styles = make_styles()
    kind = SHEET_TITLE
    if partner is not None:
        kind = Text(
            f"Aftaleark for {partner.organisation or partner.name}",
            f"Next steps for {partner.organisation or partner.name}",
        )
    story = title_block(snapshot, kind.get(language), styles, language)
    story += sheet_story(snapshot, styles, language, partner=partner)
    signers = [partner] if partner is not None else list(snapshot.partners)
    story += [gap(4), *signatures(signers, styles, language)]
    return render(
        story,
        page_frame(snapshot, kind, language),
        title=f"{kind.get(language)} – {snapshot.session.title}",
        author=snapshot.session.facilitator,
    )
