"""What every part of `Store` shares: the clock for timestamps, refusals, and Store's hooks."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session as OrmSession

from facilitator.store.errors import StoreError
from facilitator.store.models import SessionRow
from facilitator.store.records import SessionData
from facilitator.text import Text


def utc_now() -> dt.datetime:
    """Now in UTC, naive, as the database stores it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def invalid(da: str, en: str) -> StoreError:
    """A refusal the user can act on, in both languages."""
    return StoreError(Text(da, en))


class StorePart:
    """A concept's half of `Store` (circles, board), mixed in; Store provides these."""

    def _transaction(self) -> AbstractContextManager[OrmSession]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[OrmSession]:
        raise NotImplementedError

    def _session_row(self, orm: OrmSession, session_id: int) -> SessionRow:
        raise NotImplementedError

    def _touch(self, orm: OrmSession, session_id: int) -> None:
        raise NotImplementedError

    def _checkpoint(self) -> None:
        raise NotImplementedError

    def get_session(self, session_id: int) -> SessionData:
        raise NotImplementedError
