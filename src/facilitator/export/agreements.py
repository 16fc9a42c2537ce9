"""What the partners agreed, told once for both the next-steps sheet and the full report.

The partners, the shared ambition, the two agreement sketches, the next steps by area and
the decision rule. `agreements` tells them in their order; the sheet and the report differ
only in what they ask it to leave in, so both say the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.conversation import AMBITION, DECISIONS, INTERPLAY, SCALING_AGREEMENT, JointForm
from facilitator.conversation.action_status import OVERDUE, is_overdue
from facilitator.conversation.next_steps import (
    ACTION_LABELS,
    AREAS,
    STATUSES,
    TEMPLATE_QUESTION,
    TEMPLATE_TITLE,
    Action,
)
from facilitator.export.document import (
    CONTENT_WIDTH,
    Styles,
    bullet,
    bullet_style,
    markup,
    muted,
    para,
    table,
)
from facilitator.export.snapshot import SessionSnapshot
from facilitator.store import PartnerData
from facilitator.text import Text

PARTNERS_HEADING = Text("Partnerne", "The partners")
PRINCIPLES_HEADING = Text("Vejledende principper", "Guiding principles")
AMBITION_HEADING = Text("Den fælles forandringsambition", "Our shared ambition for change")
INTERPLAY_HEADING = Text("Aftaleskitse: samspillet", "Agreement sketch: working together")
SCALING_HEADING = Text("Aftaleskitse: hvor langt kan vi være sammen?", "Agreement sketch: how far can we go together?")

NOT_AGREED = Text("ikke aftalt", "not agreed")
NOTHING_WRITTEN = Text("Ikke udfyldt.", "Not filled in.")

#: The columns of an actions table, and their shares of the width.
ACTION_COLUMNS = ("what", "owner", "with_whom", "how_much", "due", "status")
_ACTION_WIDTHS = (0.3, 0.2, 0.14, 0.1, 0.14, 0.12)


def agreements(
    snapshot: SessionSnapshot,
    styles: Styles,
    language: str,
    *,
    partner: PartnerData | None = None,
    principles: bool = False,
    reflections: bool = False,
) -> list[Flowable]:
    """Partners, the ambition, both agreement sketches, the next steps and how decisions are made.

    `partner` puts that partner's own actions first; `principles` adds the guiding principles
    after the partners and `reflections` the ambition's reflections, as the report has them.
    """
    story: list[Flowable] = [para(PARTNERS_HEADING.get(language), styles.h1)]
    story += partners_table(snapshot.partners, styles, language)
    if principles and snapshot.principles:
        story.append(para(PRINCIPLES_HEADING.get(language), styles.h2))
        style = bullet_style(styles.body)
        story += [bullet(markup(principle), style) for principle in snapshot.principles]
    story += form_section(snapshot, AMBITION, styles, language, heading=AMBITION_HEADING, reflections=reflections)
    story += form_section(snapshot, INTERPLAY, styles, language, heading=INTERPLAY_HEADING)
    story += form_section(snapshot, SCALING_AGREEMENT, styles, language, heading=SCALING_HEADING)
    story += next_steps_section(snapshot, styles, language, partner=partner)
    story += form_section(snapshot, DECISIONS, styles, language)
    return story


def short_date(date: dt.date, language: str) -> str:
    """'15.05.2026' / '15 May 2026': dates in tables, where space is short."""
    if language == "en":
        return date.strftime("%d %b %Y").lstrip("0")
    return date.strftime("%d.%m.%Y")


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
                f" {muted(f'– {markup(form_field.question.get(language))}')}",
                styles.h3,
            ),
            para(answer, styles.body) if answer else para(NOTHING_WRITTEN.get(language), styles.small),
        ]
        story.append(KeepTogether(block))
    return story


def _action_row(snapshot: SessionSnapshot, action: Action, styles: Styles, language: str) -> list:
    missing = NOT_AGREED.get(language)
    owner = snapshot.owner_label(action)
    due: object = (
        short_date(action.due, language) if action.due else Paragraph(f"<i>{markup(missing)}</i>", styles.small)
    )
    if snapshot.today is not None and is_overdue(action, snapshot.today):
        # A follow-up's sheet carries actions agreed earlier: a late one says so, in words.
        due = [
            para(short_date(action.due, language), styles.cell),
            Paragraph(f"<b>{markup(OVERDUE.get(language))}</b>", styles.flag),
        ]
    return [
        para(action.what, styles.cell),
        para(owner, styles.cell) if owner else Paragraph(f"<i>{markup(missing)}</i>", styles.small),
        action.with_whom,
        action.how_much,
        due,
        STATUSES.get(action.status, STATUSES["open"]).get(language),
    ]


def actions_table(snapshot: SessionSnapshot, actions: Sequence[Action], styles: Styles, language: str):
    """One table of actions: what, owner, with whom, how much, by when, status."""
    return table(
        [ACTION_LABELS[column].get(language) for column in ACTION_COLUMNS],
        [_action_row(snapshot, action, styles, language) for action in actions],
        [CONTENT_WIDTH * share for share in _ACTION_WIDTHS],
        styles,
    )


def actions_by_area(
    snapshot: SessionSnapshot, actions: Sequence[Action], styles: Styles, language: str
) -> list[Flowable]:
    """The actions under the template's four areas, each with its question; an empty area says so."""
    story: list[Flowable] = []
    for area in AREAS:
        own = [action for action in actions if action.area == area.id]
        heading = Paragraph(
            f"{markup(area.title.get(language))}"
            f" <font size='{styles.body.fontSize}'>{muted(markup(area.question.get(language)))}</font>",
            styles.h2,
        )
        if own:
            story += [CondPageBreak(30 * mm), heading, actions_table(snapshot, own, styles, language)]
        else:
            nothing = para(Text("Ingen aftaler i dette felt.", "Nothing agreed here.").get(language), styles.small)
            story.append(KeepTogether([heading, nothing]))
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
