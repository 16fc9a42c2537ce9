"""The first look at the database as the app starts: what the first screen shows, read with sqlite3.

SQLAlchemy's import alone takes longer than a bare Qt window needs to appear, so the
reopened session is painted from these few reads and the engine is loaded right after
(see `facilitator.store.deferred`). Each read returns exactly what the `Store` method of the
same name returns; a test holds the two together. Read-only: nothing here can change the file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from facilitator.store.database_file import connect_read_only, translate_error
from facilitator.store.errors import StoreError, missing_session
from facilitator.store.records import PartnerData, SessionData, SessionSummary
from facilitator.text import Text
from facilitator.timing import DayPlan, TimerEvent

#: The app state key of the session to reopen (the same key `Store` writes).
LAST_SESSION_KEY = "last_session_id"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


class FirstLook:
    """A read-only connection answering the first screen's questions until the store is open."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._connection = connect_read_only(self.path)
        except sqlite3.Error as error:
            raise translate_error(error, self.path) or StoreError(Text(str(error))) from None

    def close(self) -> None:
        """Release the file."""
        self._connection.close()

    def _rows(self, sql: str, *parameters: object) -> list[tuple]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise translate_error(error, self.path) or StoreError(Text(str(error))) from None

    def get_state(self, key: str) -> str | None:
        """A stored app fact, or None (as `Store.get_state`)."""
        rows = self._rows("SELECT value FROM app_state WHERE key = ?", key)
        return rows[0][0] if rows else None

    def last_session_id(self) -> int | None:
        """The session to reopen, if it still exists (as `Store.last_session_id`)."""
        value = self.get_state(LAST_SESSION_KEY)
        if value is None or not value.isdigit():
            return None
        session_id = int(value)
        return session_id if self._rows("SELECT 1 FROM sessions WHERE id = ?", session_id) else None

    def list_sessions(self) -> list[SessionSummary]:
        """Every stored session, most recently changed first (as `Store.list_sessions`)."""
        rows = self._rows("SELECT id, title, date, venue, updated_at FROM sessions ORDER BY updated_at DESC, id DESC")
        return [
            SessionSummary(id_, title, _date(date), venue, _time(updated)) for id_, title, date, venue, updated in rows
        ]

    def get_session(self, session_id: int) -> SessionData:
        """The session's fields; StoreError if it does not exist (as `Store.get_session`)."""
        rows = self._rows(
            "SELECT id, title, date, venue, facilitator, start_time, program_name, program_text, current_step_id "
            "FROM sessions WHERE id = ?",
            session_id,
        )
        if not rows:
            raise missing_session(session_id)
        id_, title, date, venue, facilitator, start_time, program_name, program_text, current = rows[0]
        return SessionData(id_, title, _date(date), venue, facilitator, start_time, program_name, program_text, current)

    def partners(self, session_id: int) -> list[PartnerData]:
        """The session's partners in their agreed order (as `Store.partners`)."""
        rows = self._rows(
            "SELECT id, session_id, position, name, organisation, role, mandate, why_now, colour "
            "FROM partners WHERE session_id = ? ORDER BY position, id",
            session_id,
        )
        return [PartnerData(*row) for row in rows]

    def day_plan(self, session_id: int) -> DayPlan:
        """The facilitator's changes to the program for the day (as `Store.day_plan`)."""
        rows = self._rows("SELECT step_id, minutes, skipped, after_id FROM step_plans WHERE session_id = ?", session_id)
        return DayPlan(
            minutes={step_id: minutes for step_id, minutes, _skipped, _after in rows if minutes is not None},
            skipped=frozenset(step_id for step_id, _minutes, skipped, _after in rows if skipped),
            break_after={step_id: after for step_id, _minutes, _skipped, after in rows if after is not None},
        )

    def timer_events(self, session_id: int) -> list[TimerEvent]:
        """Everything done to the session's step timers, oldest first (as `Store.timer_events`)."""
        rows = self._rows(
            "SELECT step_id, kind, at, elapsed, amount FROM timer_events WHERE session_id = ? ORDER BY id", session_id
        )
        return [
            TimerEvent(step_id, kind, _time(at).replace(tzinfo=dt.UTC), elapsed, amount)
            for step_id, kind, at, elapsed, amount in rows
        ]

    def step_notes(self, session_id: int) -> dict[str, str]:
        """The facilitator's private notes, by step (as `Store.step_notes`)."""
        return dict(self._rows("SELECT step_id, note FROM step_plans WHERE session_id = ? AND note != ''", session_id))


#: The reads a FirstLook answers; the rest of the store waits for the engine.
READS = (
    "get_state",
    "last_session_id",
    "list_sessions",
    "get_session",
    "partners",
    "day_plan",
    "timer_events",
    "step_notes",
)
