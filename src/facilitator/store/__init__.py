"""Local storage: one SQLite file, opened and migrated by `Store`.

`Store` and its data classes are imported on first use: the modules that need no database
(`limits`, `fields`, `session_document`, `session_check`) can then be imported without
SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.store.errors import StoreError

if TYPE_CHECKING:
    from facilitator.store.circles import CircleData, ElementData, FormSource
    from facilitator.store.store import PartnerData, SessionData, SessionSummary, Store

_FROM_CIRCLES = ("CircleData", "ElementData", "FormSource")
_FROM_STORE = ("PartnerData", "SessionData", "SessionSummary", "Store")


def __getattr__(name: str) -> object:
    # Plain import statements, not importlib: PyInstaller finds these when it bundles the app.
    if name in _FROM_CIRCLES:
        from facilitator.store import circles as module
    elif name in _FROM_STORE:
        from facilitator.store import store as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "CircleData",
    "ElementData",
    "FormSource",
    "PartnerData",
    "SessionData",
    "SessionSummary",
    "Store",
    "StoreError",
]
