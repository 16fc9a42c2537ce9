"""The full session report (sessionsrapport): everything the sheet has, and how the day got there.

The agreements come first, in the sheet's own words and look, so the report can be handed
on as it is; then what each partner wrote in the circles, the three boards as the group
left them, the value forms, and the day's time against the plan. The facilitator's own
step notes are printed only when asked for: they were not written for the partners.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, LongTable, PageBreak, Paragraph

from facilitator.board import TRAY, BoardState, Note
from facilitator.conversation import (
    CIRCLE_KINDS,
    CIRCLES,
    VALUE_FORMS,
    CircleTemplate,
    ValueOverview,
)
from facilitator.export.agreements import agreements
from facilitator.export.board_drawing import GROUP_COLOUR, Author, board_drawing, ink_on
from facilitator.export.document import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    FLAG,
    MUTED,
    RULE,
    Styles,
    bullet,
    bullet_style,
    gap,
    make_styles,
    markup,
    muted,
    page_frame,
    para,
    render,
    step_title,
    table,
    title_block,
)
from facilitator.export.fonts import BOLD, ITALIC, REGULAR, elide, printable
from facilitator.export.snapshot import SessionSnapshot, StepTime
from facilitator.palette import initials
from facilitator.program import Program
from facilitator.store import CircleData, ElementData, PartnerData
from facilitator.text import Text

REPORT_TITLE = Text("Sessionsrapport", "Session report")
#: The running header says so too, so a loose page with notes is not handed on by mistake.
REPORT_WITH_NOTES = Text("Sessionsrapport med facilitatorens noter", "Session report with the facilitator's notes")

CIRCLES_HEADING = Text("Partnernes cirkler", "The partners' circles")
BOARDS_HEADING = Text("Sorteringstavlerne", "The sorting boards")
VALUES_HEADING = Text("Værdiformer", "Value forms")
TIME_HEADING = Text("Tiden: planlagt og brugt", "Time: planned and used")
NOTES_HEADING = Text("Facilitatorens noter", "The facilitator's notes")

GROUP = Text("Gruppen", "Group")
UNSORTED = Text("Ikke sorteret", "Not sorted")
SKIPPED = Text("sprunget over", "skipped")

#: The tallest a board drawing may be, so its heading and first zone share its page.
BOARD_MAX_HEIGHT = 150 * mm
#: More partners than this get a second value-form table: their columns would be too narrow to read.
_PARTNERS_PER_VALUE_TABLE = 10
#: Elements of one circle field per table row; more continue on the next row.
_ELEMENTS_PER_ROW = 10

_CHART_LABEL_WIDTH = 62 * mm
_CHART_NUMBERS_WIDTH = 26 * mm
_CHART_ROW = 11.0
_CHART_BAR = 7.0
_CHART_ACTUAL = 3.6
_CHART_TITLE_ROW = 14.0
_CHART_AXIS_ROW = 9.0
#: Steps per chart block: one block is one drawing, and a drawing cannot continue on the next page.
_CHART_ROWS_PER_BLOCK = 40


def build_report(snapshot: SessionSnapshot, language: str = "da", *, notes: bool = False) -> bytes:
    """The full session report as PDF; the facilitator's own step notes only when `notes`."""
    styles = make_styles()
    kind = REPORT_WITH_NOTES if notes else REPORT_TITLE
    labels = author_labels(snapshot.partners, language)
    story = title_block(snapshot, kind.get(language), styles, language)
    story.append(para(_key_figures(snapshot, language), styles.small))
    story += agreements(snapshot, styles, language, principles=True, reflections=True)
    story += _circles_section(snapshot, styles, language, labels)
    story += _boards_section(snapshot, styles, language, labels)
    story += _values_section(snapshot, styles, language, labels)
    story += _time_section(snapshot, styles, language)
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


# Small pieces -------------------------------------------------------------------------


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


def _key_figures(snapshot: SessionSnapshot, language: str) -> str:
    """'4 partnere · 42 elementer i cirklerne · 43 post-its på tavlerne · 9 aftaler'."""
    notes = sum(len(board.visible_notes()) for board in snapshot.boards.values())
    counts = (len(snapshot.partners), len(snapshot.elements), notes, len(snapshot.actions))
    if language == "en":
        words = ("partners", "elements in the circles", "post-its on the boards", "actions agreed")
    else:
        words = ("partnere", "elementer i cirklerne", "post-its på tavlerne", "aftalte handlinger")
    return " · ".join(f"{count} {word}" for count, word in zip(counts, words, strict=True))


# The partners' circles ----------------------------------------------------------------


def _circles_section(
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
            fields = _field_cells(template, by_circle.get(circle.id, []), categories, styles)
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
    template: CircleTemplate, elements: Sequence[ElementData], categories: Mapping[str, str], styles: Styles
) -> list[list[Paragraph] | Paragraph]:
    style = bullet_style(styles.cell)
    cells: list[list[Paragraph] | Paragraph] = []
    for field_id in template.field_ids():
        own = [_element_bullet(element, categories, style) for element in elements if element.field == field_id]
        cells.append(own or Paragraph(muted("–"), styles.cell))
    return cells


def _element_bullet(element: ElementData, categories: Mapping[str, str], style: ParagraphStyle) -> Paragraph:
    text = markup(element.text)
    if element.category in categories:
        text += " " + muted(f"<i>({markup(categories[element.category])})</i>")
    return bullet(text, style)


# The boards ---------------------------------------------------------------------------


def _boards_section(
    snapshot: SessionSnapshot, styles: Styles, language: str, labels: Mapping[int | None, str]
) -> list[Flowable]:
    """Each board as a picture, then its contents zone by zone."""
    story: list[Flowable] = [
        PageBreak(),
        para(BOARDS_HEADING.get(language), styles.h1),
        para(
            Text(
                "Tavlerne, som gruppen forlod dem: hver post-it i forfatterens farve og med initialer. "
                "Under hver tavle står post-its'ene zone for zone; sammenlagte dubletter står én gang.",
                "The boards as the group left them: each post-it in its author's colour, with initials. "
                "Below each board are its post-its zone by zone; merged duplicates appear once.",
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
        drawing = board_drawing(
            state,
            [(zone, f"{titles[zone]} ({len(by_zone[zone])})") for zone in zone_ids],
            authors,
            tray_title=f"{titles[TRAY]} ({len(by_zone[TRAY])})",
            width=CONTENT_WIDTH,
            max_height=BOARD_MAX_HEIGHT,
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
            story += _zone(state, heading, descriptions.get(zone), by_zone[zone], merged, styles, language, labels)
    return story


def _zone(
    state: BoardState,
    title: str,
    description: Text | None,
    notes: Sequence[Note],
    merged: Mapping[int, Sequence[str]],
    styles: Styles,
    language: str,
    labels: Mapping[int | None, str],
) -> list[Flowable]:
    """A zone's title and what belongs in it, then its post-its in reading order with their authors."""
    heading: list[Flowable] = [para(title, styles.h3)]
    if description:
        heading.append(para(description.get(language), styles.small))
    if not notes:
        return [
            KeepTogether([*heading, para(Text("Ingen post-its her.", "No post-its here.").get(language), styles.small)])
        ]
    top, nested = bullet_style(styles.cell), bullet_style(styles.cell, level=1)
    also = Text("også", "also").get(language)

    def line(note: Note, style: ParagraphStyle) -> Paragraph:
        authors = labels.get(note.partner_id, "?")
        if note.id in merged:
            authors += f", {also}: {', '.join(merged[note.id])}"
        return bullet(f"{markup(note.text)} {muted(f'– {markup(authors)}')}", style)

    bullets: list[Flowable] = []
    for cluster, members in _reading_order(state, notes):
        if cluster is None:
            bullets.append(line(members[0], top))
            continue
        stack = Text("stak", "stack").get(language)
        bullets.append(bullet(f"<b>»{markup(cluster)}«</b> {muted(f'({stack}, {len(members)})')}", top))
        bullets += [line(member, nested) for member in members]
    # The heading stays with its first post-its; the rest may run on to the next page.
    return [KeepTogether([*heading, *bullets[:3]]), *bullets[3:]]


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


def _values_section(
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


# Time ---------------------------------------------------------------------------------


def _time_section(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    """Planned against used minutes per step, part by part, and for the whole day."""
    story: list[Flowable] = [CondPageBreak(90 * mm), para(TIME_HEADING.get(language), styles.h1)]
    times = snapshot.step_times
    if not times:
        story.append(
            para(Text("Programmet har ingen trin.", "The programme has no steps.").get(language), styles.small)
        )
        return story
    originals = {step.id: step.minutes for _item, step in snapshot.program.stops()}
    longest = max(
        max(time.planned, time.actual or 0.0, originals.get(time.step_id, 0) if time.skipped else 0) for time in times
    )
    axis = _Axis.fitting(longest)
    story.append(_chart_legend(language))
    for part, block in _blocks(times):
        story.append(_part_chart(part, block, axis, originals, language))
    planned = sum(time.planned for time in times)
    run = [time for time in times if time.actual is not None]
    used = sum(time.actual or 0.0 for time in run)
    story.append(_totals_chart(planned, used, language))
    story.append(para(_time_summary(planned, run, sum(time.skipped for time in times), language), styles.body))
    return story


class _Axis:
    """The minutes scale every part's chart shares, so bars compare across the page."""

    def __init__(self, maximum: float, tick: int) -> None:
        self.maximum = maximum
        self.tick = tick
        self.left = _CHART_LABEL_WIDTH
        self.width = CONTENT_WIDTH - _CHART_LABEL_WIDTH - _CHART_NUMBERS_WIDTH - 6

    @classmethod
    def fitting(cls, longest: float) -> _Axis:
        tick = next((tick for tick in (5, 10, 15, 30, 60) if longest / tick <= 8), 120)
        return cls(max(tick, math.ceil(longest / tick) * tick), tick)

    def x(self, minutes: float) -> float:
        return self.left + self.width * min(minutes, self.maximum) / self.maximum


def _blocks(times: Sequence[StepTime]) -> Iterator[tuple[Text, list[StepTime]]]:
    """Consecutive steps of one part, at most a page's worth each."""
    block: list[StepTime] = []
    for time in times:
        if block and (time.part != block[0].part or len(block) == _CHART_ROWS_PER_BLOCK):
            yield block[0].part, block
            block = []
        block.append(time)
    if block:
        yield block[0].part, block


def _minutes(value: float) -> str:
    if 0 < value < 0.5:
        return "<1"
    return str(round(value))


def _duration(minutes: float, language: str) -> str:
    """'45 min', '7 t 5 min' / '7 h 5 min'."""
    whole = round(minutes)
    if whole < 60:
        return f"{_minutes(minutes)} min"
    hours, rest = divmod(whole, 60)
    unit = "h" if language == "en" else "t"
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"


def _part_chart(
    part: Text, block: Sequence[StepTime], axis: _Axis, originals: Mapping[str, int], language: str
) -> Drawing:
    # A break between parts is its own part of one step: no title row repeating its name.
    titled = not (len(block) == 1 and block[0].title == part)
    title_row = _CHART_TITLE_ROW if titled else 2.0
    height = title_row + len(block) * _CHART_ROW + _CHART_AXIS_ROW
    drawing = Drawing(CONTENT_WIDTH, height)
    rows_top = height - title_row
    rows_bottom = _CHART_AXIS_ROW
    numbers_right = CONTENT_WIDTH
    if titled:
        planned = sum(time.planned for time in block)
        used = [time.actual for time in block if time.actual is not None]
        total = f"{planned} / {_minutes(sum(used))}" if used else f"{planned} / –"
        drawing.add(
            String(
                0,
                height - 10,
                elide(printable(part.get(language)), BOLD, 8.5, axis.left + axis.width),
                fontName=BOLD,
                fontSize=8.5,
                fillColor=ACCENT,
            )
        )
        drawing.add(
            String(numbers_right, height - 10, total, fontName=BOLD, fontSize=8, fillColor=ACCENT, textAnchor="end")
        )
    for minute in range(0, int(axis.maximum) + 1, axis.tick):
        x = axis.x(minute)
        drawing.add(Line(x, rows_bottom, x, rows_top, strokeColor=RULE, strokeWidth=0.4 if minute else 0.8))
        drawing.add(
            String(
                x, rows_bottom - 7, str(minute), fontName=REGULAR, fontSize=6.3, fillColor=MUTED, textAnchor="middle"
            )
        )
    drawing.add(
        # Clear of the last tick's number, which is centred on the axis' end.
        String(axis.left + axis.width + 9, rows_bottom - 7, "min", fontName=REGULAR, fontSize=6.3, fillColor=MUTED)
    )
    for index, time in enumerate(block):
        y = rows_top - (index + 1) * _CHART_ROW + (_CHART_ROW - _CHART_BAR) / 2
        _chart_row(drawing, time, y, axis, originals.get(time.step_id, 0), language)
    return drawing


def _chart_row(drawing: Drawing, time: StepTime, y: float, axis: _Axis, original: int, language: str) -> None:
    muted = {"fontName": REGULAR, "fontSize": 7, "fillColor": MUTED}
    label = elide(printable(time.title.get(language)), REGULAR, 7.5, axis.left - 6)
    drawing.add(
        String(0, y + 1.5, label, fontName=REGULAR, fontSize=7.5, fillColor=MUTED if time.skipped else colors.black)
    )
    numbers_x = CONTENT_WIDTH
    if time.skipped:
        end = axis.x(original)
        drawing.add(
            Rect(
                axis.left,
                y,
                end - axis.left,
                _CHART_BAR,
                fillColor=None,
                strokeColor=MUTED,
                strokeWidth=0.5,
                strokeDashArray=[1.5, 1.5],
            )
        )
        drawing.add(String(end + 3, y + 1.5, SKIPPED.get(language), fontName=ITALIC, fontSize=7, fillColor=MUTED))
        drawing.add(String(numbers_x, y + 1.5, "– / –", textAnchor="end", **muted))
        return
    drawing.add(
        Rect(
            axis.left,
            y,
            axis.x(time.planned) - axis.left,
            _CHART_BAR,
            fillColor=ACCENT_LIGHT,
            strokeColor=ACCENT,
            strokeWidth=0.4,
        )
    )
    if time.actual is None:
        drawing.add(String(numbers_x, y + 1.5, f"{time.planned} / –", textAnchor="end", **muted))
        return
    over = round(time.actual) > time.planned
    drawing.add(
        Rect(
            axis.left,
            y + (_CHART_BAR - _CHART_ACTUAL) / 2,
            max(axis.x(time.actual) - axis.left, 0.8),
            _CHART_ACTUAL,
            fillColor=FLAG if over else ACCENT,
            strokeColor=None,
        )
    )
    drawing.add(
        String(
            numbers_x,
            y + 1.5,
            f"{time.planned} / {_minutes(time.actual)}",
            textAnchor="end",
            fontName=BOLD if over else REGULAR,
            fontSize=7,
            fillColor=FLAG if over else colors.black,
        )
    )


def _chart_legend(language: str) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, 14)
    x = 0.0
    samples = (
        (Text("Planlagt", "Planned"), "planned"),
        (Text("Brugt", "Used"), "used"),
        (Text("Brugt, mere end planlagt", "Used, more than planned"), "over"),
        (Text("Sprunget over", "Skipped"), "skipped"),
    )
    for label, sample in samples:
        if sample == "planned":
            drawing.add(Rect(x, 3, 14, _CHART_BAR, fillColor=ACCENT_LIGHT, strokeColor=ACCENT, strokeWidth=0.4))
        elif sample == "skipped":
            drawing.add(
                Rect(
                    x, 3, 14, _CHART_BAR, fillColor=None, strokeColor=MUTED, strokeWidth=0.5, strokeDashArray=[1.5, 1.5]
                )
            )
        else:
            colour = FLAG if sample == "over" else ACCENT
            drawing.add(
                Rect(x, 3 + (_CHART_BAR - _CHART_ACTUAL) / 2, 14, _CHART_ACTUAL, fillColor=colour, strokeColor=None)
            )
        text = label.get(language)
        drawing.add(String(x + 18, 4.5, text, fontName=REGULAR, fontSize=7.5, fillColor=colors.black))
        x += 18 + stringWidth(text, REGULAR, 7.5) + 14
    numbers = Text("Minutter: planlagt / brugt", "Minutes: planned / used").get(language)
    drawing.add(String(CONTENT_WIDTH, 4.5, numbers, fontName=REGULAR, fontSize=7, fillColor=MUTED, textAnchor="end"))
    return drawing


def _totals_chart(planned: float, used: float, language: str) -> Drawing:
    """The whole day: one bar for the plan, one for the time used so far, on their own scale."""
    rows = (
        (Text("Planlagt i alt", "Planned in all"), planned, "planned"),
        (Text("Brugt i alt", "Used in all"), used, "used"),
    )
    height = 8 + len(rows) * (_CHART_ROW + 3)
    drawing = Drawing(CONTENT_WIDTH, height)
    left, width = _CHART_LABEL_WIDTH, CONTENT_WIDTH - _CHART_LABEL_WIDTH - _CHART_NUMBERS_WIDTH - 6
    longest = max(planned, used, 1)
    for index, (label, minutes, kind) in enumerate(rows):
        y = height - 8 - (index + 1) * (_CHART_ROW + 3) + 3
        drawing.add(String(0, y + 1.5, label.get(language), fontName=BOLD, fontSize=8, fillColor=colors.black))
        bar = max(width * minutes / longest, 0.8)
        if kind == "planned":
            drawing.add(Rect(left, y, bar, _CHART_BAR + 2, fillColor=ACCENT_LIGHT, strokeColor=ACCENT, strokeWidth=0.5))
        else:
            colour = FLAG if used > planned else ACCENT
            drawing.add(Rect(left, y + 1, bar, _CHART_BAR, fillColor=colour, strokeColor=None))
        drawing.add(
            String(
                CONTENT_WIDTH,
                y + 1.5,
                _duration(minutes, language),
                fontName=BOLD,
                fontSize=8,
                fillColor=colors.black,
                textAnchor="end",
            )
        )
    return drawing


def _time_summary(planned: float, run: Sequence[StepTime], skipped: int, language: str) -> str:
    """'Dagen var planlagt til 7 t 5 min. 8 trin er kørt: planlagt 29 min, brugt 30 min (1 min mere).'"""
    day = _duration(planned, language)
    sentences = [Text(f"Dagen var planlagt til {day}.", f"The day was planned at {day}.").get(language)]
    if not run:
        sentences.append(Text("Ingen trin er kørt endnu.", "No step has been run yet.").get(language))
    else:
        run_planned = sum(time.planned for time in run)
        used = sum(time.actual or 0.0 for time in run)
        difference = round(used) - run_planned
        count, planned_text, used_text = len(run), _duration(run_planned, language), _duration(used, language)
        if difference > 0:
            extra = Text(
                f" ({_duration(difference, language)} mere end planlagt)",
                f" ({_duration(difference, language)} more than planned)",
            )
        elif difference < 0:
            extra = Text(
                f" ({_duration(-difference, language)} mindre end planlagt)",
                f" ({_duration(-difference, language)} less than planned)",
            )
        else:
            extra = Text(" (som planlagt)", " (as planned)")
        sentences.append(
            Text(
                f"{count} trin er kørt: planlagt {planned_text}, brugt {used_text}{extra.da}.",
                f"{count} step(s) run: planned {planned_text}, used {used_text}{extra.en}.",
            ).get(language)
        )
    if skipped:
        sentences.append(Text(f"{skipped} trin er sprunget over.", f"{skipped} step(s) skipped.").get(language))
    return " ".join(sentences)


# The facilitator's notes --------------------------------------------------------------


def _notes_section(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    """The facilitator's own notes, step by step in the day's order."""
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        para(NOTES_HEADING.get(language), styles.h1),
        para(
            Text("Skrevet af facilitatoren til eget brug.", "Written by the facilitator for their own use.").get(
                language
            ),
            styles.small,
        ),
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
