"""The store's refusal, apart from the database so the rules that raise it need no SQLAlchemy."""

from __future__ import annotations

from facilitator.text import Text, UserError


class StoreError(UserError):
    """The store cannot do what was asked, for a reason the user can act on."""


def missing_session(session_id: int) -> StoreError:
    """The refusal when a session id names no session."""
    return StoreError(Text(f"Sessionen {session_id} findes ikke.", f"Session {session_id} does not exist."))


__all__ = ["StoreError", "missing_session"]
