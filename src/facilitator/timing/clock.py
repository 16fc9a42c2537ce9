"""Clocks for the step timer: the system's, and one that tests and the demo move by hand."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """Wall time for the record, a steady clock for measuring."""

    def wall(self) -> dt.datetime:
        """The current time as an aware UTC datetime."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps back."""
        ...


def _steady() -> float:
    # CLOCK_BOOTTIME keeps counting while the laptop sleeps, which is what a workshop
    # timer wants; elsewhere the timer notices sleep through the wall clock instead.
    return time.clock_gettime(time.CLOCK_BOOTTIME)


class SystemClock:
    """The computer's own clocks."""

    def __init__(self) -> None:
        self._steady = _steady if hasattr(time, "CLOCK_BOOTTIME") else time.monotonic

    def wall(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def monotonic(self) -> float:
        return self._steady()


class ManualClock:
    """A clock that only moves when told to (tests, benchmarks, the demo session)."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._wall = start or dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC)
        self._steady = 1000.0

    def wall(self) -> dt.datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._steady

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass on both clocks."""
        self._wall += dt.timedelta(seconds=seconds)
        self._steady += seconds

    def sleep(self, seconds: float) -> None:
        """A laptop asleep: wall time passes, a suspend-blind steady clock stands still."""
        self._wall += dt.timedelta(seconds=seconds)
