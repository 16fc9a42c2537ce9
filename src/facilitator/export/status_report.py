"""The status report (statusrapport): how far each agreed action has come, for a follow-up meeting.

It reads like the KKR result tables (kvalitativ målopfyldelse): the ambition's own words at
the top, then area by area one row per action with its owner, due date, traffic light and
comment, and what changed since the last meeting. Overdue actions come first in each area.
A light is always printed with its words (colour alone is lost on a grey printout and on
a colour-blind reader), and a late date says "Overskredet" in words too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from facilitator.conversation import AMBITION
from facilitator.conversation.action_status import (
    LIGHT_COLOURS,
    LIGHT_SHORT,
    LIGHTS,
    OVERDUE,
    ActionStatusEntry,
    StatusChange,
    is_overdue,
    light_label,
    overdue_first,
    status_label,
)
from facilitator.conversation.next_steps import ACTION_LABELS, AREAS, Action
from facilitator.export.agreements import short_date
from facilitator.export.document import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    FLAG,
    Styles,
    gap,
    make_styles,
    markup,
    muted,
    page_frame,
    para,
    render,
    table,
    title_block,
)
from facilitator.export.snapshot import SessionSnapshot
from facilitator.invitation import long_date
from facilitator.text import Text

STATUS_TITLE = Text("Statusrapport", "Status report")
AMBITION_LEAD = Text("Vores fælles forandringsambition", "Our shared ambition for change")
NO_AMBITION = Text("Ambitionen er ikke skrevet endnu.", "The ambition has not been written yet.")
NO_ACTIONS = Text(
    "Der er ingen aftalte handlinger i denne session endnu, så der er ingen status at give.",
    "No actions have been agreed in this session yet, so there is no status to report.",
)
NEW_SINCE = Text("Ny siden sidste møde", "New since the last meeting")
UNCHANGED = Text("Uændret siden sidste møde", "Unchanged since the last meeting")
SINCE = Text("Siden sidst", "Since last time")
NO_LIGHT_SHORT = Text("Intet lys", "No light")

COLUMNS = (
    Text("Nr.", "No."),
    ACTION_LABELS["what"],
    ACTION_LABELS["owner"],
    Text("Frist", "Due"),
    Text("Status", "Status"),
    Text("Kommentar", "Comment"),
)
_WIDTHS = (0.045, 0.325, 0.17, 0.11, 0.14, 0.21)
#: Pale backgrounds behind a light's words, so the words stay easy to read.
_TINTS = {"green": "#E3F1E4", "yellow": "#FDF1C7", "red": "#F8DADA"}


def build_status_report(snapshot: SessionSnapshot, language: str = "da") -> bytes:
    """The status report as PDF; a session with no actions gets a page that says so.

    Overdue is judged on `snapshot.today`: the meeting's date, so the report tells how the
    actions stood at the meeting whenever it is printed.
    """
    styles = make_styles(8.2)
    today = snapshot.today or dt.date.today()
    story = title_block(snapshot, STATUS_TITLE.get(language), styles, language)
    context = _context_line(snapshot, language)
    if context:
        story.append(para(context, styles.small))
    story += [*_ambition(snapshot, styles, language), gap(2.5)]
    if not snapshot.actions:
        story.append(para(NO_ACTIONS.get(language), styles.body))
    else:
        story.append(Paragraph(_summary(snapshot.actions, today, language), styles.body))
        for number, area in enumerate(AREAS, start=1):
            actions = [action for action in snapshot.actions if action.area == area.id]
            if not actions:
                continue
            heading = para(f"{number}. {area.title.get(language)}", styles.h2)
            rows = _rows(snapshot, overdue_first(actions, today), number, today, styles, language)
            # A heading never stays alone at the foot of a page: a short area moves whole,
            # a long one starts only where its first rows fit too.
            if len(actions) <= 4:
                story.append(KeepTogether([heading, rows]))
            else:
                story += [CondPageBreak(55 * mm), heading, rows]
    return render(
        story,
        page_frame(snapshot, STATUS_TITLE, language),
        title=f"{STATUS_TITLE.get(language)} – {snapshot.session.title}",
        author=snapshot.session.facilitator,
    )


def _context_line(snapshot: SessionSnapshot, language: str) -> str:
    """'Partnerskab: Kystpartnerskabet · Sidste møde: Kystpartnerskab Vesterhavsbugten, 27. april 2026'."""
    parts = []
    if snapshot.partnership:
        parts.append(f"{Text('Partnerskab', 'Partnership').get(language)}: {snapshot.partnership}")
    previous = snapshot.previous
    if previous is not None:
        when = f", {long_date(previous.date, language)}" if previous.date else ""
        parts.append(f"{Text('Sidste møde', 'Last meeting').get(language)}: {previous.title}{when}")
    return " · ".join(parts)


def _ambition(snapshot: SessionSnapshot, styles: Styles, language: str) -> list[Flowable]:
    """The ambition's own words in a box: what the status is measured against."""
    texts = snapshot.form(AMBITION.id)
    lines = [Paragraph(markup(AMBITION_LEAD.get(language).upper()), styles.header)]
    what = texts.get("what", "").strip()
    lines.append(para(what, styles.body) if what else para(NO_AMBITION.get(language), styles.small))
    why = texts.get("why", "").strip()
    if why:
        label = AMBITION.fields[1].label.get(language)
        lines.append(Paragraph(f"<b>{markup(label)}:</b> {markup(why)}", styles.cell))
    box = Table([[lines]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    box.splitInRow = 36
    return [box]


def _summary(actions: Sequence[Action], today: dt.date, language: str) -> str:
    """'<b>12 handlinger</b> · 3 overskredne · Grøn 4 · Gul 3 · Rød 2 · uden lys 3' (ready markup)."""
    counts = {light: sum(1 for action in actions if action.light == light) for light in LIGHTS}
    without = sum(1 for action in actions if action.light not in LIGHTS)
    overdue = sum(1 for action in actions if is_overdue(action, today))
    words = Text("handlinger", "actions") if len(actions) != 1 else Text("handling", "action")
    parts = [f"<b>{len(actions)} {words.get(language)}</b>"]
    if overdue:
        late = Text(f"{overdue} overskredne", f"{overdue} overdue").get(language)
        parts.append(f"<font color='#{FLAG.hexval()[2:]}'><b>{late}</b></font>")
    parts += [f"{LIGHT_SHORT[light].get(language)} {count}" for light, count in counts.items()]
    parts.append(Text(f"uden lys {without}", f"no light {without}").get(language))
    on = Text(f"(overskredet pr. {short_date(today, 'da')})", f"(overdue as of {short_date(today, 'en')})")
    return " · ".join(parts) + " " + muted(markup(on.get(language)))


def _rows(
    snapshot: SessionSnapshot,
    actions: Sequence[Action],
    number: int,
    today: dt.date,
    styles: Styles,
    language: str,
) -> Table:
    header = [column.get(language) for column in COLUMNS]
    rows: list[list] = []
    extra: list[tuple] = []
    for index, action in enumerate(actions, start=1):
        row = index  # the header is row 0
        late = is_overdue(action, today)
        due = short_date(action.due, language) if action.due else "–"
        due_cell: Flowable | list[Flowable] = para(due, styles.cell_bold if late else styles.cell)
        if late:
            due_cell = [due_cell, Paragraph(f"<b>{markup(OVERDUE.get(language))}</b>", styles.flag)]
        light = action.light if action.light in LIGHTS else None
        words = light_label(light, language) if light else NO_LIGHT_SHORT.get(language)
        status_cell = Paragraph(
            f"<b>{markup(words)}</b><br/>{muted(markup(status_label(action.status, language)))}", styles.cell
        )
        comment = markup(action.status_comment) if action.status_comment else ""
        change = _change_line(snapshot, action, language)
        if change:
            comment = f"{comment}<br/>{muted(markup(change))}" if comment else muted(markup(change))
        rows.append(
            [
                para(f"{number}{_letter(index)}", styles.cell_bold),
                para(action.what, styles.cell),
                para(snapshot.owner_label(action) or "–", styles.cell),
                due_cell,
                status_cell,
                Paragraph(comment, styles.cell),
            ]
        )
        if light:
            extra += [
                ("BACKGROUND", (4, row), (4, row), colors.HexColor(_TINTS[light])),
                ("LINEBEFORE", (4, row), (4, row), 3.5, colors.HexColor(LIGHT_COLOURS[light])),
            ]
        if late:
            extra.append(("LINEBEFORE", (0, row), (0, row), 2, FLAG))
    widths = [CONTENT_WIDTH * share for share in _WIDTHS]
    # Tighter than the sheet's tables: thirty actions fit on two pages.
    spacing = [("TOPPADDING", (0, 1), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 1), (-1, -1), 2.6)]
    return table(header, rows, widths, styles, extra=[*spacing, *extra])


def _letter(index: int) -> str:
    """a, b, … z, aa, ab: the KKR tables' line letters."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _change_line(snapshot: SessionSnapshot, action: Action, language: str) -> str:
    """What became of the action since the last meeting; "" when there was no last meeting."""
    if action.uid not in snapshot.status_before:
        return ""
    before = snapshot.status_before[action.uid]
    change = StatusChange(before, action)
    if before is None:
        # Without a last meeting (the first, or one not in this database) nothing is new.
        return NEW_SINCE.get(language) if snapshot.previous is not None else ""
    if not change.changed:
        return UNCHANGED.get(language)
    return f"{SINCE.get(language)}: " + " · ".join(_differences(before, action, language))


def _differences(before: ActionStatusEntry, now: Action, language: str) -> list[str]:
    parts = []
    if before.light != now.light:
        old = LIGHT_SHORT[before.light].get(language) if before.light in LIGHT_SHORT else NO_LIGHT_SHORT.get(language)
        new = LIGHT_SHORT[now.light].get(language) if now.light in LIGHT_SHORT else NO_LIGHT_SHORT.get(language)
        parts.append(f"{old} › {new}")
    if before.status != now.status:
        parts.append(f"{status_label(before.status, language)} › {status_label(now.status, language)}")
    if before.comment != now.status_comment and not parts:
        parts.append(Text("ny kommentar", "new comment").get(language))
    return parts


__all__ = ["STATUS_TITLE", "build_status_report"]
