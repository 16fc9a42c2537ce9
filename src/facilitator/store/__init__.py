"""Local storage: one SQLite file, opened and migrated by `Store`."""

from facilitator.store.database import StoreError
from facilitator.store.store import PartnerData, SessionData, SessionSummary, Store

__all__ = ["PartnerData", "SessionData", "SessionSummary", "Store", "StoreError"]
