"""The facilitator's timer preferences: plain data, kept as text in the store's app state.

The store is a layer above timing, so this module never imports it: the UI reads the
values with `TimerSettings.from_state(store.get_state)` and writes `to_state()` back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.timing.timer import DEFAULT_WARNING_SECONDS

WARNING_KEY = "timer.warning_minutes"
SOUND_KEY = "timer.sound"
FLASH_KEY = "timer.flash"


@dataclass
class TimerSettings:
    """Minutes of warning before a step's end, and whether zero sounds and flashes."""

    warning_minutes: int = DEFAULT_WARNING_SECONDS // 60
    sound: bool = True
    flash: bool = True

    @classmethod
    def from_state(cls, get: Callable[[str], str | None]) -> TimerSettings:
        """Read the settings with `get(key)`; a missing or unreadable value is the default."""
        minutes = get(WARNING_KEY)
        return cls(
            # ASCII digits only: "²" is a digit to Python but not a number to int().
            warning_minutes=int(minutes)
            if minutes and minutes.isascii() and minutes.isdigit()
            else cls.warning_minutes,
            sound=get(SOUND_KEY) != "0",
            flash=get(FLASH_KEY) != "0",
        )

    def to_state(self) -> dict[str, str]:
        """The settings as the app-state keys and texts they are stored under."""
        return {
            WARNING_KEY: str(self.warning_minutes),
            SOUND_KEY: "1" if self.sound else "0",
            FLASH_KEY: "1" if self.flash else "0",
        }


__all__ = ["FLASH_KEY", "SOUND_KEY", "WARNING_KEY", "TimerSettings"]
