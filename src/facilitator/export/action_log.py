"""A partnership's action log as a spreadsheet (CSV for Excel) and as a calendar (.ics).

The log is `Store.action_log`: each action once, as the latest meeting left it. Its
calendar event has the UID the action got in the session it was first agreed in, so the
per-session calendars and the log's, on any laptop, all update one event per action.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from facilitator.conversation.action_status import OVERDUE, is_overdue, light_label, status_label
from facilitator.conversation.next_steps import ACTION_LABELS, area
from facilitator.export.action_files import (
    calendar_event,
    calendar_file,
    calendar_stamp,
    calendar_uid,
    no_formula,
)
from facilitator.store.records import ActionLogEntry
from facilitator.text import Text

LOG_COLUMNS = (
    ACTION_LABELS["area"],
    ACTION_LABELS["what"],
    ACTION_LABELS["owner"],
    ACTION_LABELS["with_whom"],
    ACTION_LABELS["how_much"],
    ACTION_LABELS["due"],
    ACTION_LABELS["status"],
    Text("Lys", "Light"),
    Text("Kommentar", "Comment"),
    OVERDUE,
    Text("Seneste møde", "Latest meeting"),
    Text("Mødedato", "Meeting date"),
    Text("Møder", "Meetings"),
)
YES, NO = Text("ja", "yes"), Text("nej", "no")


def action_log_csv(entries: Sequence[ActionLogEntry], today: dt.date, language: str = "da") -> bytes:
    """The log as CSV that Excel opens with æøå intact (UTF-8 with BOM, ';'), as `actions_csv` writes it.

    `today` decides the overdue column: pass the app clock's date, never a fixed one.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.get(language) for column in LOG_COLUMNS])
    for entry in entries:
        action = entry.action
        writer.writerow(
            [
                area(action.area).title.get(language),
                no_formula(action.what),
                no_formula(entry.owner),
                no_formula(action.with_whom),
                no_formula(action.how_much),
                action.due.isoformat() if action.due else "",
                status_label(action.status, language),
                light_label(action.light, language) if action.light else "",
                no_formula(action.status_comment),
                (YES if is_overdue(action, today) else NO).get(language),
                no_formula(entry.session_title),
                entry.session_date.isoformat() if entry.session_date else "",
                len(entry.session_ids) or 1,
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def action_log_ics(
    entries: Sequence[ActionLogEntry], name: str, language: str = "da", *, now: dt.datetime | None = None
) -> bytes:
    """One all-day event per action with a due date; a dropped action's event is cancelled, not removed."""
    stamp = calendar_stamp(now)
    events = []
    for entry in entries:
        action = entry.action
        if action.due is None:
            continue
        details = [
            (ACTION_LABELS["area"], area(action.area).title.get(language)),
            (ACTION_LABELS["owner"], entry.owner),
            (ACTION_LABELS["with_whom"], action.with_whom),
            (ACTION_LABELS["how_much"], action.how_much),
            (ACTION_LABELS["status"], status_label(action.status, language)),
            (Text("Lys", "Light"), light_label(action.light, language) if action.light else ""),
            (Text("Kommentar", "Comment"), action.status_comment),
            (Text("Seneste møde", "Latest meeting"), entry.session_title),
        ]
        events.append(
            calendar_event(
                uid=calendar_uid(entry.origin_session_uid, action.uid),
                stamp=stamp,
                due=action.due,
                summary=f"{action.what} ({entry.owner})" if entry.owner else action.what,
                description="\n".join(f"{label.get(language)}: {value}" for label, value in details if value),
                status="CANCELLED" if action.status == "dropped" else "CONFIRMED",
            )
        )
    return calendar_file(name, events)


__all__ = ["LOG_COLUMNS", "action_log_csv", "action_log_ics"]
