"""Local storage: one SQLite file, opened and migrated by `Store`.

`Store` is imported on first use, so what needs no database (the records the store hands
out, `limits`, `fields`, `session_document`, `session_check`, the first look at a session)
can be imported without SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.store.errors import StoreError
from facilitator.store.records import (
    ActionLogEntry,
    ActionStatusEntry,
    CircleData,
    ElementData,
    FormSource,
    PartnerData,
    PartnershipData,
    SessionData,
    SessionSummary,
)

if TYPE_CHECKING:
    from facilitator.store.store import Store


def __getattr__(name: str) -> object:
    # A plain import statement, not importlib: PyInstaller finds it when it bundles the app.
    if name != "Store":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from facilitator.store.store import Store

    globals()["Store"] = Store
    return Store


__all__ = [
    "ActionLogEntry",
    "ActionStatusEntry",
    "CircleData",
    "ElementData",
    "FormSource",
    "PartnerData",
    "PartnershipData",
    "SessionData",
    "SessionSummary",
    "Store",
    "StoreError",
]
