"""The store's refusal, apart from the database so the rules that raise it need no SQLAlchemy."""

from __future__ import annotations

from facilitator.text import UserError


class StoreError(UserError):
    """The store cannot do what was asked, for a reason the user can act on."""


__all__ = ["StoreError"]
