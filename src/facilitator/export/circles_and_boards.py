"""The report's record of the work: the partners' circles, the sorting boards, the value forms.

What each partner wrote in the circles, the boards as the group left them, and how often
each partner's elements carry each value form. A partner has the same initials and colour
throughout (`report.author_labels`): in the lists, on the board drawings, in the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, LongTable, PageBreak, Paragraph

from facilitator.board import TRAY, BoardState, Note
from facilitator.conversation import CIRCLE_KINDS, CIRCLES, VALUE_FORMS, CircleTemplate, ValueOverview
from facilitator.export.board_drawing import GROUP_COLOUR, Author, board_drawing, ink_on
from facilitator.export.document import (
    ACCENT,
    CONTENT_WIDTH,
    Styles,
    bullet,
    bullet_style,
    gap,
    markup,
    muted,
    para,
    step_title,
    table,
)
from facilitator.export.fonts import BOLD
from facilitator.export.snapshot import SessionSnapshot
from facilitator.program import Program
from facilitator.store import CircleData, ElementData, PartnerData
from facilitator.text import Text

CIRCLES_HEADING = Text("Partnernes cirkler", "The partners' circles")
BOARDS_HEADING = Text("Sorteringstavlerne", "The sorting boards")
VALUES_HEADING = Text("Værdiformer", "Value forms")
UNSORTED = Text("Ikke sorteret", "Not sorted")

#: The tallest a board drawing may be, so its heading and first zone share its page.
BOARD_MAX_HEIGHT = 150 * mm
#: More partners than this get a second value-form table: their columns would be too narrow to read.
_PARTNERS_PER_VALUE_TABLE = 10
#: Elements of one circle field per table row; more continue on the next row.
_ELEMENTS_PER_ROW = 10


def _chip(label: str, colour: str) -> str:
    """Initials on the author's colour, as on the post-it's strip."""
    return f"<font backColor='{colour}' color='{ink_on(colour)}'>&nbsp;<b>{markup(label)}</b>&nbsp;</font>"


def _legend(snapshot: SessionSnapshot, labels: Mapping[int | None, str], *, group: bool) -> str:
    entries = [
        f"{_chip(labels[partner.id], partner.colour)} {markup(partner.display_name)}" for partner in snapshot.partners
    ]
    if group:
        entries.append(_chip(labels[None], GROUP_COLOUR))
    return "&nbsp;&nbsp;&nbsp; ".join(entries)


def _step_heading(program: Program, workspace: str, fallback: Text, language: str) -> str:
    """'Delsession 1 · Forandringscirklen': the part and step that opened `workspace`."""
    for item, step in program.stops():
        if step.workspace == workspace:
            return step_title(item, step, language)
    return fallback.get(language)


# The partners' circles ----------------------------------------------------------------


def circles_section(
    snapshot: SessionSnapshot, styles: Styles, language: str, labels: Mapping[int | None, str]
) -> list[Flowable]:
    """Per delsession, one row per circle and a column per field, so a question reads across partners."""
    story: list[Flowable] = [
        PageBreak(),
        para(CIRCLES_HEADING.get(language), styles.h1),
        para(
            Text(
                "Det, hver partner skrev i sine cirkler. I parentes: den kategori, elementet fik på tavlen.",
                "What each partner wrote in their circles. In brackets: the category it got on the board.",
            ).get(language),
            styles.small,
        ),
    ]
    by_circle: dict[int | None, list[ElementData]] = {}
    for element in snapshot.elements:
        by_circle.setdefault(element.circle_id, []).append(element)
    partners = {partner.id: partner for partner in snapshot.partners}
    for kind, template in CIRCLES.items():
        heading = para(_step_heading(snapshot.program, f"circle:{kind}", template.name, language), styles.h2)
        circles = [circle for circle in snapshot.circles if circle.kind == kind and circle.partner_id in partners]
        if not circles:
            nothing = para(Text("Ingen cirkler udfyldt.", "No circles filled in.").get(language), styles.small)
            story.append(KeepTogether([heading, nothing]))
            continue
        questions = " · ".join(
            f"<b>{markup(field.label.get(language))}:</b> {markup(field.question.get(language))}"
            for field in template.fields
        )
        categories = {category.id: category.title.get(language) for category in snapshot.board_categories(kind)}
        rows = []
        for circle in circles:
            fields = _field_cells(template, by_circle.get(circle.id, []), categories, styles, language)
            # A circle with many elements continues over several rows, so no row outgrows a page.
            deepest = max(len(cell) if isinstance(cell, list) else 1 for cell in fields)
            for start in range(0, deepest, _ELEMENTS_PER_ROW):
                first = _circle_cell(partners[circle.partner_id], labels, circle, styles) if start == 0 else ""
                rows.append([first, *(_cell_part(cell, start) for cell in fields)])
        header = [Text("Partner", "Partner").get(language), *(field.label.get(language) for field in template.fields)]
        partner_width = CONTENT_WIDTH * 0.2
        widths = [partner_width, *([(CONTENT_WIDTH - partner_width) / len(template.fields)] * len(template.fields))]
        story += [CondPageBreak(45 * mm), heading, Paragraph(questions, styles.small), gap(1.5)]
        story.append(table(header, rows, widths, styles))
        without = [
            partner.display_name for partner in snapshot.partners if all(c.partner_id != partner.id for c in circles)
        ]
        if without:
            none = Text("Uden cirkel: {names}.", "No circle: {names}.").get(language).format(names=", ".join(without))
            story.append(para(none, styles.small))
    return story


def _cell_part(cell: list[Paragraph] | Paragraph, start: int) -> list[Paragraph] | Paragraph | str:
    """The elements of a field cell from `start` on, one row's worth."""
    if isinstance(cell, list):
        return cell[start : start + _ELEMENTS_PER_ROW]
    return cell if start == 0 else ""


def _circle_cell(
    partner: PartnerData, labels: Mapping[int | None, str], circle: CircleData, styles: Styles
) -> list[Paragraph]:
    """Who wrote the circle, and its title when the partner named it (one of several ambitions)."""
    name = partner.name or partner.organisation
    cell = [Paragraph(f"{_chip(labels[partner.id], partner.colour)} <b>{markup(name)}</b>", styles.cell)]
    if partner.organisation and partner.name:
        cell.append(para(partner.organisation, styles.small))
    if circle.title:
        cell.append(Paragraph(f"<i>»{markup(circle.title)}«</i>", styles.cell))
    return cell


def _field_cells(
    template: CircleTemplate,
    elements: Sequence[ElementData],
    categories: Mapping[str, str],
    styles: Styles,
    language: str,
) -> list[list[Paragraph] | Paragraph]:
    style = bullet_style(styles.cell)
    cells: list[list[Paragraph] | Paragraph] = []
    for field_id in template.field_ids():
        own = [
            _element_bullet(element, categories, style, language) for element in elements if element.field == field_id
        ]
        cells.append(own or Paragraph(muted("–"), styles.cell))
    return cells


#: The small mark of an element a partner wrote on their own device in the room.
FROM_A_DEVICE = Text("skrevet på enhed", "written on a device")


def _element_bullet(
    element: ElementData, categories: Mapping[str, str], style: ParagraphStyle, language: str
) -> Paragraph:
    text = markup(element.text)
    if element.written_on_device:
        text += " " + muted(f"<i>({FROM_A_DEVICE.get(language)})</i>")
    if element.category in categories:
        text += " " + muted(f"<i>({markup(categories[element.category])})</i>")
    return bullet(text, style)


# The boards ---------------------------------------------------------------------------


def boards_section(
    snapshot: SessionSnapshot, styles: Styles, language: str, labels: Mapping[int | None, str]
) -> list[Flowable]:
    """Each board as a picture, then its contents zone by zone."""
    story: list[Flowable] = [
        PageBreak(),
        para(BOARDS_HEADING.get(language), styles.h1),
        para(
            Text(
                "Tavlerne, som gruppen forlod dem: hver post-it i forfatterens farve og med initialer. "
                "Under hver tavle står post-its'ene zone for zone med det nummer, de har på tegningen; "
                "sammenlagte dubletter står én gang.",
                "The boards as the group left them: each post-it in its author's colour, with initials. "
                "Below each board are its post-its zone by zone, with the number they have in the drawing; "
                "merged duplicates appear once.",
            ).get(language),
            styles.small,
        ),
    ]
    colours = {partner.id: partner.colour for partner in snapshot.partners}
    authors = {writer: Author(label, colours.get(writer, GROUP_COLOUR)) for writer, label in labels.items()}
    for kind in CIRCLE_KINDS:
        heading = para(_step_heading(snapshot.program, f"board:{kind}", CIRCLES[kind].name, language), styles.h2)
        state = snapshot.boards.get(kind)
        visible = state.visible_notes() if state else []
        if state is None or not visible:
            story.append(
                KeepTogether([heading, para(Text("Tavlen er tom.", "The board is empty.").get(language), styles.small)])
            )
            continue
        categories = snapshot.board_categories(kind)
        zone_ids = [category.id for category in categories]
        by_zone: dict[str, list[Note]] = {zone: [] for zone in [*zone_ids, TRAY]}
        for note in visible:
            by_zone[note.category if note.category in zone_ids else TRAY].append(note)
        titles = {category.id: category.title.get(language) for category in categories}
        titles[TRAY] = UNSORTED.get(language)
        numbers = _numbers(state, [by_zone[zone] for zone in [*zone_ids, TRAY]])
        drawing = board_drawing(
            state,
            [(zone, f"{titles[zone]} ({len(by_zone[zone])})") for zone in zone_ids],
            authors,
            tray_title=f"{titles[TRAY]} ({len(by_zone[TRAY])})",
            width=CONTENT_WIDTH,
            max_height=BOARD_MAX_HEIGHT,
            numbers=numbers,
        )
        group_wrote = any(note.partner_id is None for note in state.notes.values() if not note.deleted)
        story.append(
            KeepTogether([heading, drawing, Paragraph(_legend(snapshot, labels, group=group_wrote), styles.small)])
        )
        descriptions = {category.id: category.description for category in categories}
        # Who else wrote a note merged into another: shown with the note that stayed.
        merged: dict[int, list[str]] = {}
        for note in state.notes.values():
            if note.merged_into is not None and not note.deleted:
                merged.setdefault(note.merged_into, []).append(labels.get(note.partner_id, "?"))
        for zone in [*zone_ids, TRAY]:
            if zone == TRAY and not by_zone[TRAY]:
                continue
            heading = f"{titles[zone]} ({len(by_zone[zone])})"
            notes = by_zone[zone]
            story += _zone(state, heading, descriptions.get(zone), notes, merged, numbers, styles, language, labels)
    return story


def _zone(
    state: BoardState,
    title: str,
    description: Text | None,
    notes: Sequence[Note],
    merged: Mapping[int, Sequence[str]],
    numbers: Mapping[int, int],
    styles: Styles,
    language: str,
    labels: Mapping[int | None, str],
) -> list[Flowable]:
    """A zone's title and what belongs in it, then its post-its in reading order, numbered as drawn."""
    heading: list[Flowable] = [para(title, styles.h3)]
    if description:
        heading.append(para(description.get(language), styles.small))
    if not notes:
        return [
            KeepTogether([*heading, para(Text("Ingen post-its her.", "No post-its here.").get(language), styles.small)])
        ]
    top, nested = _numbered_style(styles.cell), _numbered_style(styles.cell, level=1)
    also = Text("også", "also").get(language)

    def line(note: Note, style: ParagraphStyle) -> Paragraph:
        authors = labels.get(note.partner_id, "?")
        if note.id in merged:
            authors += f", {also}: {', '.join(merged[note.id])}"
        text = f"{markup(note.text)} {muted(f'– {markup(authors)}')}"
        return Paragraph(text, style, bulletText=f"{numbers[note.id]}")

    bullets: list[Flowable] = []
    for cluster, members in _reading_order(state, notes):
        if cluster is None:
            bullets.append(line(members[0], top))
            continue
        stack = Text("stak", "stack").get(language)
        heading_text = f"<b>»{markup(cluster)}«</b> {muted(f'({stack}, {len(members)})')}"
        bullets.append(Paragraph(heading_text, top, bulletText="•"))
        bullets += [line(member, nested) for member in members]
    # The heading stays with its first post-its; the rest may run on to the next page.
    return [KeepTogether([*heading, *bullets[:3]]), *bullets[3:]]


def _numbers(state: BoardState, zones: Sequence[Sequence[Note]]) -> dict[int, int]:
    """Each post-it's number: counted zone by zone in the order the list under the drawing reads."""
    numbers: dict[int, int] = {}
    for notes in zones:
        for _cluster, members in _reading_order(state, notes):
            for note in members:
                numbers[note.id] = len(numbers) + 1
    return numbers


def _numbered_style(parent: ParagraphStyle, level: int = 0) -> ParagraphStyle:
    """`parent` indented for a list numbered like the board drawing, room for three digits."""
    indent = 17 + 12 * level
    return ParagraphStyle(
        f"{parent.name}-numbered-{level}",
        parent=parent,
        leftIndent=indent,
        bulletIndent=indent - 17,
        bulletFontName=BOLD,
        spaceAfter=1.5,
    )


def _reading_order(state: BoardState, notes: Sequence[Note]) -> list[tuple[str | None, list[Note]]]:
    """Notes as read on the board (row by row); a named stack's notes together where the stack lies."""
    ordered = sorted(notes, key=lambda note: (note.y is None, note.y or 0.0, note.x or 0.0, note.id))
    result: list[tuple[str | None, list[Note]]] = []
    stacks: dict[int, list[Note]] = {}
    for note in ordered:
        cluster = state.clusters.get(note.cluster_id) if note.cluster_id is not None else None
        if cluster is None:
            result.append((None, [note]))
        elif cluster.id in stacks:
            stacks[cluster.id].append(note)
        else:
            stacks[cluster.id] = [note]
            result.append((cluster.name, stacks[cluster.id]))
    return result


# Value forms --------------------------------------------------------------------------


def values_section(
    snapshot: SessionSnapshot, styles: Styles, language: str, labels: Mapping[int | None, str]
) -> list[Flowable]:
    """How often each partner's elements carry each value form, and what is shared."""
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        para(VALUES_HEADING.get(language), styles.h1),
        para(
            Text(
                "Antal af hver partners elementer, der bærer hver værdiform (»Hvad er godt?«).",
                "How many of each partner's elements carry each value form (“What is good?”).",
            ).get(language),
            styles.small,
        ),
    ]
    overview = snapshot.values
    partners = snapshot.partners
    if overview is None or not partners or not any(overview.tagged.values()):
        story.append(
            para(
                Text("Ingen elementer har fået en værdiform.", "No element has a value form.").get(language),
                styles.small,
            )
        )
        return story
    for first in range(0, len(partners), _PARTNERS_PER_VALUE_TABLE):
        group = partners[first : first + _PARTNERS_PER_VALUE_TABLE]
        story += [_value_table(overview, group, styles, language, labels), gap(1)]
    key = " · ".join(f"<b>{markup(labels[partner.id])}</b> {markup(partner.display_name)}" for partner in partners)
    story += [Paragraph(key, styles.small), gap(1.5)]
    summary = overview.summary({partner.id: labels[partner.id] for partner in partners}, language)
    story.append(para(summary, styles.body))
    return story


def _value_table(
    overview: ValueOverview,
    partners: Sequence[PartnerData],
    styles: Styles,
    language: str,
    labels: Mapping[int | None, str],
) -> LongTable:
    """Value forms down, partners across: how many of each partner's elements carry each form."""
    maximum = overview.maximum()
    rows: list[list] = []
    extra: list[tuple] = []
    for row, form in enumerate(VALUE_FORMS, start=1):
        counts = [overview.counts.get(partner.id, {}).get(form.id, 0) for partner in partners]
        weighs = muted(f"<font size=7.3>{markup(form.weighs.get(language))}</font>")
        rows.append(
            [
                Paragraph(f"<b>{markup(form.name.get(language))}</b> {weighs}", styles.cell),
                *(str(count) if count else Paragraph(muted("–"), styles.cell) for count in counts),
                str(len(overview.partners_with(form.id))),
            ]
        )
        # A light heat map: the more elements, the deeper the green; the number says it exactly.
        extra += [
            ("BACKGROUND", (column, row), (column, row), _heat(count / maximum))
            for column, count in enumerate(counts, start=1)
            if count
        ]
    tagged_label = Text("Elementer med værdiform", "Elements with a value form").get(language)
    rows.append(
        [
            Paragraph(f"<b>{markup(tagged_label)}</b>", styles.cell),
            *(f"{overview.tagged.get(partner.id, 0)}/{overview.elements.get(partner.id, 0)}" for partner in partners),
            "",
        ]
    )
    extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.8, ACCENT))
    name_width, count_width = CONTENT_WIDTH * 0.36, CONTENT_WIDTH * 0.1
    partner_width = (CONTENT_WIDTH - name_width - count_width) / len(partners)
    header = [
        Text("Værdiform", "Value form").get(language),
        *(labels[partner.id] for partner in partners),
        Text("Partnere", "Partners").get(language),
    ]
    widths = [name_width, *([partner_width] * len(partners)), count_width]
    return table(header, rows, widths, styles, extra=extra)


def _heat(share: float) -> colors.Color:
    strength = 0.12 + 0.4 * share
    return colors.Color(*(1 - (1 - channel) * strength for channel in ACCENT.rgb()))
