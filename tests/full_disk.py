"""A full disk: store calls that fail as SQLite's "database or disk is full" makes them fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.store import StoreError
from facilitator.store.database_file import translate_error


def full_disk_error() -> StoreError:
    """The error the store raises when SQLite finds the disk full, in the store's own words."""
    error = translate_error(sqlite3.OperationalError("database or disk is full"), Path("facilitator.sqlite3"))
    assert error is not None
    return error


#: What the user is told, in both languages.
FULL_DISK = full_disk_error().text


class FullDisk:
    """Makes chosen calls fail as on a full disk, until the space is freed (the `full_disk` fixture)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.full = True

    def fill(self, owner: object, name: str) -> None:
        """From now on `owner.name(...)` raises the full-disk error while the disk is full, and works after."""
        real = getattr(owner, name)

        def call(*args, **kwargs):
            if self.full:
                raise full_disk_error()
            return real(*args, **kwargs)

        self._monkeypatch.setattr(owner, name, call)

    def free(self) -> None:
        """Space again: every filled call does its work from now on."""
        self.full = False

    @staticmethod
    def fail(*_args: object, **_kwargs: object) -> None:
        """A call that always meets the full disk, to hand over where a callable is expected."""
        raise full_disk_error()
