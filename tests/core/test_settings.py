"""The settings file: remembered across starts, and never in the way when it is broken."""

from __future__ import annotations

import json

import pytest

from facilitator.paths import AppPaths
from facilitator.settings import SETTINGS_NAME, Settings, SettingsError, load_settings, save_settings
from facilitator.text import UserError


def test_a_first_start_has_danish_normal_text_and_no_welcome_yet(tmp_path):
    settings, notice = load_settings(tmp_path)
    assert settings == Settings(language="da", text_scale=100, projector_scale=100, theme="system", welcomed=False)
    assert notice is None


def test_saved_settings_come_back(tmp_path):
    chosen = Settings().changed(language="en", text_scale=150, projector_scale=130, theme="dark", welcomed=True)
    save_settings(tmp_path / "new folder", chosen)
    assert load_settings(tmp_path / "new folder") == (chosen, None)


def test_the_file_is_plain_json_a_person_can_read(tmp_path):
    save_settings(tmp_path, Settings().changed(language="en"))
    assert json.loads((tmp_path / SETTINGS_NAME).read_text(encoding="utf-8"))["language"] == "en"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "ikke gyldig JSON (linje 1, kolonne 2)"),
        ("[1, 2]", "skal være et JSON-objekt"),
        ("", "ikke gyldig JSON"),
    ],
)
def test_a_broken_file_gives_the_defaults_and_says_why(tmp_path, content, says):
    (tmp_path / SETTINGS_NAME).write_text(content, encoding="utf-8")
    settings, notice = load_settings(tmp_path)
    assert settings == Settings()
    assert notice is not None
    assert says in notice.da
    assert str(tmp_path / SETTINGS_NAME) in notice.da
    assert notice.en is not None
    assert "not" in notice.en
    assert (tmp_path / SETTINGS_NAME).read_text(encoding="utf-8") == content, "the file is left for the user to see"


def test_one_bad_value_keeps_the_good_ones(tmp_path):
    raw = {"language": "fr", "text_scale": 150, "theme": "dark", "welcomed": "yes", "future_option": 1}
    (tmp_path / SETTINGS_NAME).write_text(json.dumps(raw), encoding="utf-8")
    settings, notice = load_settings(tmp_path)
    assert settings == Settings(text_scale=150, theme="dark")
    assert notice is not None
    assert '»language« kan ikke være "fr"' in notice.da
    assert '»welcomed« kan ikke være "yes"' in notice.da


@pytest.mark.parametrize("value", [99, 1000, True, "150"])
def test_text_sizes_are_only_the_offered_ones(value):
    with pytest.raises(SettingsError):
        Settings().changed(text_scale=value)


def test_a_byte_order_mark_is_fine(tmp_path):
    (tmp_path / SETTINGS_NAME).write_bytes(b"\xef\xbb\xbf" + json.dumps({"language": "en"}).encode())
    assert load_settings(tmp_path) == (Settings(language="en"), None)


def test_a_folder_in_the_way_is_a_clear_message(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        save_settings(tmp_path / "taken", Settings())
    assert "kan ikke huskes til næste start" in raised.value.message("da")
    assert "cannot be kept for next time" in raised.value.message("en")


def test_a_settings_file_that_cannot_be_written_says_why(tmp_path):
    # A folder where the file goes: the folder is fine, the write itself fails.
    (tmp_path / SETTINGS_NAME).mkdir()
    with pytest.raises(UserError) as raised:
        save_settings(tmp_path, Settings().changed(language="en"))
    assert "kan ikke huskes til næste start" in raised.value.message("da")
    assert "der ligger en mappe med det navn" in raised.value.message("da")
    assert "a folder has that name" in raised.value.message("en")
    assert not list(tmp_path.glob(".*.part"))


def test_a_chosen_data_folder_keeps_the_settings_with_it(tmp_path):
    paths = AppPaths.resolve(tmp_path)
    assert paths.settings_dir == tmp_path.resolve()


def test_the_platform_folders_are_used_otherwise(monkeypatch):
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    paths = AppPaths.resolve()
    assert paths.config_dir is not None
    assert paths.settings_dir.name == "Facilitator"
