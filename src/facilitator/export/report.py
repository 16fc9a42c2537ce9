"""The full session report (sessionsrapport): everything the sheet has, and how the day got there.

The agreements come first, in the sheet's own words and look, so the report can be handed
on as it is; then what each partner wrote in the circles, the three boards as the group
left them, the value forms, and the day's time against the plan. The facilitator's own
step notes are printed only when asked for: they were not written for the partners.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.export.agreements import agreements
from facilitator.export.circles_and_boards import boards_section, circles_section, values_section
from facilitator.export.document import Styles, make_styles, page_frame, para, render, step_title, title_block
from facilitator.export.fonts import printable
from facilitator.export.snapshot import SessionSnapshot
from facilitator.export.time_chart import time_section
from facilitator.palette import initials
from facilitator.store import PartnerData
from facilitator.text import Text

REPORT_TITLE = Text("Sessionsrapport", "Session report")
#: The running header says so too, so a loose page with notes is not handed on by mistake.
REPORT_WITH_NOTES = Text("Sessionsrapport med facilitatorens noter", "Session report with the facilitator's notes")
NOTES_HEADING = Text("Facilitatorens noter", "The facilitator's notes")
NOTES_LEAD = Text("Skrevet af facilitatoren til eget brug.", "Written by the facilitator for their own use.")
GROUP = Text("Gruppen", "Group")


def build_report(snapshot: SessionSnapshot, language: str = "da", *, notes: bool = False) -> bytes:
    """The full session report as PDF; the facilitator's own step notes only when `notes`."""
    styles = make_styles()
    kind = REPORT_WITH_NOTES if notes else REPORT_TITLE
    labels = author_labels(snapshot.partners, language)
    story = title_block(snapshot, kind.get(language), styles, language)
    story.append(para(_key_figures(snapshot, language), styles.small))
    story += agreements(snapshot, styles, language, principles=True, reflections=True)
    story += circles_section(snapshot, styles, language, labels)
    story += boards_section(snapshot, styles, language, labels)
    story += values_section(snapshot, styles, language, labels)
    story += time_section(snapshot, styles, language)
    if notes:
        story += _notes_section(snapshot, styles, language)
    story = _keep_headings_with_their_text(story, (styles.h1, styles.h2))
    return render(
        story,
        page_frame(snapshot, kind, language),
        title=f"{kind.get(language)} – {snapshot.session.title}",
        author=snapshot.session.facilitator,
    )


def author_labels(partners: Sequence[PartnerData], language: str) -> dict[int | None, str]:
    """Each partner's initials, made unique, and the group's label for notes written on the board."""
    labels: dict[int | None, str] = {}
    seen: Counter[str] = Counter()
    for number, partner in enumerate(partners, start=1):
        # Initials the font can draw: a name in a script it lacks would print as marks only.
        drawable = (initials(printable(source)) for source in (partner.name, partner.organisation) if source)
        base = next((label for label in drawable if label != "?"), f"P{number}")
        seen[base] += 1
        # Two "MK"s would be one author in every list and on the board.
        labels[partner.id] = base if seen[base] == 1 else f"{base}{seen[base]}"
    labels[None] = GROUP.get(language)
    return labels


def _keep_headings_with_their_text(story: Sequence[Flowable], headings: Sequence[ParagraphStyle]) -> list[Flowable]:
    """A section heading joins the kept-together block after it, so it never stays behind alone.

    The sheet keeps each question with its answer; when a long answer moves to the next
    page, the section heading just before it would otherwise be left at the foot of this one.
    """
    result: list[Flowable] = []
    for flowable in story:
        previous = result[-1] if result else None
        if (
            isinstance(flowable, KeepTogether)
            and isinstance(previous, Paragraph)
            and any(previous.style is heading for heading in headings)
        ):
            result[-1] = KeepTogether([previous, *flowable._content])
        else:
            result.append(flowable)
    return result


def _key_figures(snapshot: SessionSnapshot, language: str) -> str:
    """'4 partnere · 42 elementer i cirklerne · 43 post-its på tavlerne · 9 aftaler'."""
    notes = sum(len(board.visible_notes()) for board in snapshot.boards.values())
    counts = (len(snapshot.partners), len(snapshot.elements), notes, len(snapshot.actions))
    if language == "en":
        words = ("partners", "elements in the circles", "post-its on the boards", "actions agreed")
    else:
        words = ("partnere", "elementer i cirklerne", "post-its på tavlerne", "aftalte handlinger")
    return " · ".join(f"{count} {word}" for count, word in zip(counts, words, strict=True))


# The facilitator's notes --------------------------------------------------------------


def _notes_section(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    """The facilitator's own notes, step by step in the day's order."""
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        para(NOTES_HEADING.get(language), styles.h1),
        para(NOTES_LEAD.get(language), styles.small),
    ]
    written = {step_id: note.strip() for step_id, note in snapshot.step_notes.items() if note.strip()}
    if not written:
        story.append(para(Text("Ingen noter skrevet.", "No notes written.").get(language), styles.small))
        return story
    for item, step in snapshot.program.stops():
        note = written.pop(step.id, None)
        if note is None:
            continue
        story.append(KeepTogether([para(step_title(item, step, language), styles.h3), para(note, styles.body)]))
    # Notes on steps a changed programme no longer has are still the facilitator's words.
    for step_id, note in written.items():
        story.append(KeepTogether([para(step_id, styles.h3), para(note, styles.body)]))
    return story
