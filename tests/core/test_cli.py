"""The command line: schedule, list, demo and version, and clean failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator import __version__
from facilitator.__main__ import main
from facilitator.demo import DEMO_PARTNERS, DEMO_TITLE
from facilitator.store import Store
from tests.command_line import assert_refused_in_one_line, run_facilitator
from tests.databases import DatabaseTemplate


def test_schedule_json_ends_at_four(capsys):
    assert main(["schedule", "--start", "09:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["start"], data["end"]) == ("09:00", "16:00")
    assert [item["kind"] for item in data["items"]].count("part") == 7
    assert data["program"] == "Partnerskab for bæredygtig omstilling"


def test_schedule_text_is_a_readable_agenda(capsys):
    assert main(["schedule", "--start", "10:00"]) == 0
    out = capsys.readouterr().out
    assert "10:00-17:00" in out.splitlines()[0]
    assert "Hvad bliver vi partnere om?" in out
    assert "Frokost" in out


def test_schedule_can_print_english_titles(capsys):
    assert main(["schedule", "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"][3]["title"] == "Lunch"


def test_bad_start_time_is_a_usage_error(capsys):
    code = main(["schedule", "--start", "25:99"])
    assert_refused_in_one_line(code, *capsys.readouterr(), "TT:MM")


def test_broken_program_file_exits_2_with_one_line_and_no_traceback(tmp_path: Path):
    broken = tmp_path / "broken.toml"
    broken.write_text(
        'format = "facilitator-program"\nversion = 1\n[program]\nid = "x"\ntitle = "X"\n'
        '[[items]]\nkind = "break"\nid = "p"\ntitle = "Pause"\nminutes = -5\n',
        encoding="utf-8",
    )
    result = run_facilitator("schedule", str(broken))
    assert_refused_in_one_line(result.returncode, result.stdout, result.stderr, "broken.toml", "'p'", "større end 0")


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_then_list(tmp_path: Path, capsys):
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    # The demo day and its follow-up two months later, the newest first.
    assert len(lines) == 2
    session_id, date, title = lines[1].split("\t")
    assert (date, title) == ("2026-04-27", DEMO_TITLE)
    followup_id, date, title = lines[0].split("\t")
    assert (date, title) == ("2026-06-24", f"{DEMO_TITLE} – 2. møde")

    store = Store(data_dir / "facilitator.sqlite3")
    try:
        partners = store.partners(int(session_id))
        assert [p.organisation for p in partners] == [p["organisation"] for p in DEMO_PARTNERS]
        assert all(p.mandate and p.role for p in partners)
        assert len(store.principles(int(session_id))) == 3
        assert store.last_session_id() == int(session_id)
        assert store.partnership_of(int(session_id)).session_ids == (int(session_id), int(followup_id))
    finally:
        store.close()


def test_list_uses_the_environment_data_dir(tmp_path: Path, monkeypatch, capsys, demo_database: DatabaseTemplate):
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "env-data"))
    demo_database.copy_to(tmp_path / "env-data" / "facilitator.sqlite3")
    main(["demo"])
    capsys.readouterr()
    assert main(["list"]) == 0
    ids = [int(line.split("\t")[0]) for line in capsys.readouterr().out.strip().splitlines()]
    assert ids == [3, 2, 1]
    assert (tmp_path / "env-data" / "facilitator.sqlite3").exists()


def test_list_on_a_broken_database_is_a_clear_error(tmp_path: Path, capsys):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "facilitator.sqlite3").write_bytes(b"garbage" * 500)
    code = main(["--data-dir", str(data_dir), "list"])
    assert_refused_in_one_line(code, *capsys.readouterr(), "ikke en Facilitator-database")
