"""`facilitator --self-test`: passes on a working install, fails loudly on a broken one."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import facilitator.store
from facilitator import selftest
from facilitator.store import StoreError
from facilitator.text import Text

CHECKS = (
    "version",
    "fonts",
    "app translations",
    "window icon",
    "program",
    "store",
    "demo session",
    "PDF",
    "room",
    "Qt",
    "Qt translations",
    "main window",
)


@pytest.mark.gui  # starts Qt (offscreen) in the child process
def test_self_test_passes_from_source_and_leaves_nothing_behind(tmp_path):
    user_data = tmp_path / "user-data"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_DATA_DIR": str(user_data),
        "TMPDIR": str(temporary),
    }
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {check}" for check in CHECKS]
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks")
    assert "Kystpartnerskab Vesterhavsbugten" in result.stdout
    assert "offscreen" in result.stdout
    # Never the user's data folder, and the temporary one is gone again.
    assert not user_data.exists()
    assert list(temporary.glob("facilitator-self-test-*")) == []


class _FakeApp:
    def platformName(self) -> str:
        return "none"


@pytest.fixture
def no_qt(monkeypatch):
    """The in-process runs below stop short of Qt; the subprocess test covers it."""
    monkeypatch.setattr(selftest, "_start_qt", _FakeApp)
    monkeypatch.setattr(selftest, "_check_qt_translations", lambda app: "not in this test")
    monkeypatch.setattr(selftest, "_open_window", lambda *args: "not in this test")


def _run() -> tuple[int, list[str]]:
    out = io.StringIO()
    status = selftest.run_self_test(out)
    return status, out.getvalue().splitlines()


def test_a_missing_font_fails_with_a_clear_message(no_qt, monkeypatch, tmp_path):
    real_lookup = selftest.resource_path

    def lookup(*parts: str) -> Path:
        if parts == ("fonts", "NotoSans-Bold.ttf"):
            return tmp_path / "gone" / "NotoSans-Bold.ttf"
        return real_lookup(*parts)

    monkeypatch.setattr(selftest, "resource_path", lookup)
    status, lines = _run()
    assert status == 1
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1
    assert failed[0].startswith("FAIL fonts: TrueType font fonts/NotoSans-Bold.ttf not found at ")
    assert str(tmp_path / "gone" / "NotoSans-Bold.ttf") in failed[0]
    # The other checks still ran and passed.
    assert "ok   PDF: next-steps sheet" in "\n".join(lines)
    assert lines[-1].startswith(f"self-test FAILED: 1 of {len(CHECKS)} checks failed")


def test_a_file_that_is_not_what_it_claims_fails(no_qt, monkeypatch, tmp_path):
    fake = tmp_path / "facilitator_en.qm"
    fake.write_text("not a translation", encoding="utf-8")
    real_lookup = selftest.resource_path
    monkeypatch.setattr(
        selftest, "resource_path", lambda *parts: fake if parts[-1] == fake.name else real_lookup(*parts)
    )
    status, lines = _run()
    assert status == 1
    assert f"FAIL app translations: {fake} is not a Qt translation" in lines


def test_when_the_store_fails_the_checks_that_need_it_say_so(no_qt, monkeypatch):
    def broken_store(path):
        raise StoreError(Text("Databasen kan ikke åbnes.", "The database cannot be opened."))

    monkeypatch.setattr(facilitator.store, "Store", broken_store)
    status, lines = _run()
    assert status == 1
    assert "FAIL store: The database cannot be opened." in lines
    for check in CHECKS[CHECKS.index("store") + 1 :]:
        assert f"FAIL {check}: not run, because the store check failed" in lines
    assert lines[-1].startswith(f"self-test FAILED: 7 of {len(CHECKS)} checks failed")


def test_a_room_page_missing_from_the_bundle_fails_the_room_check(no_qt, monkeypatch):
    from facilitator.room import web

    assets = dict(web._ASSETS)
    assets["room.js"] = ("gone.js", "text/javascript; charset=utf-8")
    monkeypatch.setattr(web, "_ASSETS", assets)
    status, lines = _run()
    assert status == 1
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1
    assert failed[0].startswith("FAIL room: ")
    assert "500" in failed[0]
