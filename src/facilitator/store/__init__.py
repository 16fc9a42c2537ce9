"""Local storage: one SQLite file, opened and migrated by `Store`."""

from facilitator.store.circles import CircleData, ElementData, FormSource
from facilitator.store.database import StoreError
from facilitator.store.store import PartnerData, SessionData, SessionSummary, Store

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
