"""The timer preferences as plain data: read from and written to the store's app state as text."""

from __future__ import annotations

import pytest

from facilitator.timing import DEFAULT_WARNING_SECONDS, TimerSettings
from facilitator.timing.settings import FLASH_KEY, SOUND_KEY, WARNING_KEY


def test_nothing_stored_gives_the_defaults():
    settings = TimerSettings.from_state({}.get)
    assert settings == TimerSettings(DEFAULT_WARNING_SECONDS // 60, sound=True, flash=True)
    assert settings.warning_minutes == 2


def test_the_stored_keys_and_texts_are_the_ones_older_versions_wrote():
    assert TimerSettings(5, sound=True, flash=False).to_state() == {
        "timer.warning_minutes": "5",
        "timer.sound": "1",
        "timer.flash": "0",
    }
    assert (WARNING_KEY, SOUND_KEY, FLASH_KEY) == ("timer.warning_minutes", "timer.sound", "timer.flash")


@pytest.mark.parametrize(
    "settings",
    [TimerSettings(), TimerSettings(0, sound=False, flash=False), TimerSettings(30, sound=False, flash=True)],
)
def test_what_is_written_reads_back_the_same(settings):
    assert TimerSettings.from_state(settings.to_state().get) == settings


def test_a_store_round_trip_keeps_the_settings(store):
    for key, value in TimerSettings(7, sound=False, flash=True).to_state().items():
        store.set_state(key, value)
    assert TimerSettings.from_state(store.get_state) == TimerSettings(7, sound=False, flash=True)


@pytest.mark.parametrize("minutes", ["", "fem", "-3", "2.5", "²"])
def test_a_warning_that_is_not_a_whole_number_falls_back_to_the_default(minutes):
    assert TimerSettings.from_state({WARNING_KEY: minutes}.get).warning_minutes == DEFAULT_WARNING_SECONDS // 60


def test_only_a_stored_zero_turns_sound_or_flash_off():
    state = {SOUND_KEY: "0", FLASH_KEY: "nej"}
    settings = TimerSettings.from_state(state.get)
    assert not settings.sound
    assert settings.flash
