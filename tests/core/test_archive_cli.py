"""`facilitator archive …` as a user runs it: real processes against the throw-away PostgreSQL cluster."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from facilitator.demo import DEMO_TITLE
from facilitator.export.session_file import dump_session
from facilitator.store import Store
from tests.command_line import assert_refused_in_one_line, run_facilitator
from tests.databases import DatabaseTemplate

pytestmark = pytest.mark.postgresql


def _run(data: Path, *args: str):
    return run_facilitator("--data-dir", str(data), *args)


def _ok(data: Path, *args: str) -> str:
    done = _run(data, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _file(data: Path, title: str) -> bytes:
    store = Store(data / "facilitator.sqlite3")
    try:
        return dump_session(store.export_session(store.find_session(title)))
    finally:
        store.close()


def test_connect_push_list_pull_and_the_session_file_is_the_same_bytes(
    tmp_path: Path, archive_url: str, demo_database: DatabaseTemplate
):
    laptop, fresh = tmp_path / "laptop", tmp_path / "fresh"
    demo_database.copy_to(laptop / "facilitator.sqlite3")
    assert "Forbundet til teamarkivet" in _ok(laptop, "archive", "connect", archive_url)
    settings = json.loads((laptop / "settings.json").read_text(encoding="utf-8"))
    assert settings["archive_url"] == archive_url
    title = DEMO_TITLE

    assert "som revision 1" in _ok(laptop, "archive", "push", title)
    listed = _ok(laptop, "archive", "list")
    assert title in listed
    assert "rev 1" in listed
    _ok(fresh, "archive", "connect", archive_url)
    assert "revision 1" in _ok(fresh, "archive", "pull", title)

    assert _file(fresh, title) == _file(laptop, title)

    everything = _ok(laptop, "archive", "actions")
    assert title in everything
    _ok(laptop, "archive", "actions", "--csv", str(tmp_path / "h.csv"))
    assert (tmp_path / "h.csv").read_bytes().startswith("\ufeffSession;".encode())


def test_a_push_over_the_archive_s_newer_revision_is_refused_and_keep_both_stores_it(tmp_path: Path, archive_url: str):
    a, b = tmp_path / "a", tmp_path / "b"
    _ok(a, "demo")
    for laptop in (a, b):
        _ok(laptop, "archive", "connect", archive_url)
    title = DEMO_TITLE
    _ok(a, "archive", "push", title)
    _ok(b, "archive", "pull", title)
    for laptop, venue in ((b, "Hos B"), (a, "Hos A")):
        store = Store(laptop / "facilitator.sqlite3")
        store.update_session(store.find_session(title), venue=venue)
        store.close()
    _ok(b, "archive", "push", title)

    refused = _run(a, "archive", "push", title)
    assert_refused_in_one_line(refused.returncode, refused.stdout, refused.stderr, "revision 2", "revision 1")
    assert "gemt ved siden af" in _ok(a, "archive", "push", title, "--keep-both")
    assert len(_ok(a, "archive", "list").splitlines()) == 2


def test_bad_addresses_and_a_missing_archive_are_told_in_one_line(tmp_path: Path):
    data = tmp_path / "data"
    for args, part in (
        (("archive", "connect", "postgresql://anna:hemmelig@arkiv.example.org/p"), "adgangskode"),
        (("archive", "connect", "mysql://anna@arkiv.example.org/p"), "postgresql://"),
        (("archive", "list"), "Intet teamarkiv er valgt"),
    ):
        done = _run(data, *args)
        assert_refused_in_one_line(done.returncode, done.stdout, done.stderr, part)
    assert not (data / "settings.json").exists()


def test_an_archive_out_of_reach_fails_within_five_seconds(tmp_path: Path):
    import socket

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        refused_port = closed.getsockname()[1]
    # Refused at once by the network: the process's start-up and imports, the same as below.
    started = time.monotonic()
    _run(tmp_path / "data", "archive", "connect", f"postgresql://anna@127.0.0.1:{refused_port}/p")
    start_up = time.monotonic() - started
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.listen()  # accepts, never answers: a server that hangs
        started = time.monotonic()
        done = _run(tmp_path / "data", "archive", "connect", f"postgresql://anna@127.0.0.1:{port}/p")
        elapsed = time.monotonic() - started
    assert_refused_in_one_line(done.returncode, done.stdout, done.stderr, "Teamarkivet kan ikke nås")
    assert elapsed - start_up < 5
