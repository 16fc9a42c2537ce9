"""The next steps as a spreadsheet (CSV for Excel) and as a calendar of due dates (.ics)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from facilitator.conversation.action_status import OVERDUE, is_overdue
from facilitator.conversation.next_steps import ACTION_LABELS, STATUSES, area
from facilitator.export.snapshot import SessionSnapshot
from facilitator.text import Text

CSV_COLUMNS = (
    ACTION_LABELS["area"],
    ACTION_LABELS["what"],
    # Two columns for the owner, so a spreadsheet can sort and filter by partner.
    Text("Ansvarlig partner", "Owner partner"),
    Text("Ansvarlig person", "Owner person"),
    ACTION_LABELS["with_whom"],
    ACTION_LABELS["how_much"],
    ACTION_LABELS["due"],
    # Past due and neither done nor dropped, on the meeting's day: a filter a spreadsheet
    # can use, as the sheet and the status board show it in words.
    OVERDUE,
    ACTION_LABELS["status"],
)
#: The overdue column's value for an overdue action (empty for the others).
OVERDUE_MARK = Text("ja", "yes")


def actions_csv(snapshot: SessionSnapshot, language: str = "da") -> bytes:
    """The actions as CSV that Excel opens with æøå intact: UTF-8 with BOM, ';' between fields.

    Danish Excel reads ',' as the decimal mark, so ';' is what it splits columns on; the BOM
    is how it knows the file is UTF-8. Dates are ISO (2026-05-15), which every locale reads.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.get(language) for column in CSV_COLUMNS])
    today = snapshot.today
    for action in snapshot.actions:
        partner = snapshot.partner(action.owner_partner_id)
        writer.writerow(
            [
                area(action.area).title.get(language),
                no_formula(action.what),
                no_formula(partner.organisation or partner.name) if partner else "",
                no_formula(action.owner_person),
                no_formula(action.with_whom),
                no_formula(action.how_much),
                action.due.isoformat() if action.due else "",
                OVERDUE_MARK.get(language) if today is not None and is_overdue(action, today) else "",
                STATUSES.get(action.status, STATUSES["open"]).get(language),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def no_formula(text: str) -> str:
    """Text Excel shows as typed: a leading =, +, - or @ would otherwise run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def actions_ics(snapshot: SessionSnapshot, language: str = "da", *, now: dt.datetime | None = None) -> bytes:
    """An iCalendar file with one all-day event per action on its due date (actions without one are left out)."""
    stamp = calendar_stamp(now)
    events = []
    for action in snapshot.actions:
        if action.due is None:
            continue
        owner = snapshot.owner_label(action)
        details = [
            (ACTION_LABELS["area"], area(action.area).title.get(language)),
            (ACTION_LABELS["owner"], owner),
            (ACTION_LABELS["with_whom"], action.with_whom),
            (ACTION_LABELS["how_much"], action.how_much),
        ]
        description = [f"{label.get(language)}: {value}" for label, value in details if value]
        description.append(f"{Text('Fra sessionen', 'From the session').get(language)}: {snapshot.session.title}")
        events.append(
            calendar_event(
                # The same wherever the session goes (both uids travel in its session file), and
                # never an unrelated session's: importing a newer file updates events, never
                # doubles or overwrites them.
                # A follow-up's carried action keeps the UID of the session it was first agreed in.
                uid=calendar_uid(action.origin_session_uid or snapshot.session_uid, action.uid),
                stamp=stamp,
                due=action.due,
                summary=f"{action.what} ({owner})" if owner else action.what,
                description="\n".join(description),
            )
        )
    return calendar_file(snapshot.session.title, events)


def calendar_stamp(now: dt.datetime | None = None) -> str:
    """The DTSTAMP of a calendar written `now` (default: this moment), in UTC."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_event(
    *, uid: str, stamp: str, due: dt.date, summary: str, description: str, status: str | None = None
) -> list[str]:
    """One all-day, free-time event on `due` (unfolded lines); `status` e.g. "CANCELLED"."""
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}",
        ics_property("SUMMARY", summary),
        ics_property("DESCRIPTION", description),
        *([f"STATUS:{status}"] if status else []),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_file(name: str, events: Iterable[list[str]]) -> bytes:
    """A whole iCalendar file called `name` holding `events`, folded and with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Facilitator//Partnerskabssession//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        ics_property("X-WR-CALNAME", name),
    ]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines).encode("utf-8")


def calendar_uid(session_uid: str, action_uid: str) -> str:
    """An action's event UID (RFC 5545): from the session's and the action's lasting identities."""
    return f"{action_uid}-{session_uid}@facilitator"


def ics_property(name: str, value: str) -> str:
    """A calendar property line with its value escaped (RFC 5545), not yet folded."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
    return f"{name}:" + escaped.replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545), never splitting a character."""
    parts, current = [], ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)
