"""The first look at a reopened session: the same answers as the store, without SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.paths import AppPaths
from facilitator.store import Store, StoreError
from facilitator.store.deferred import DeferredStore
from facilitator.store.first_look import READS, FirstLook
from facilitator.store.recovery import DamagedDatabase
from facilitator.timing import TimerEvent
from tests.databases import DatabaseTemplate
from tests.schema import database_at


def _reads(reader, session_ids: list[int]) -> dict:
    answers: dict = {
        "last_session_id": reader.last_session_id(),
        "list_sessions": reader.list_sessions(),
        "get_state": [reader.get_state(key) for key in ("last_session_id", "window_geometry", "no such key")],
    }
    for session_id in session_ids:
        for name in ("get_session", "partners", "day_plan", "timer_events", "step_notes"):
            answers[name, session_id] = getattr(reader, name)(session_id)
    return answers


@pytest.fixture
def filled(paths: AppPaths, program, demo_database: DatabaseTemplate) -> tuple[Path, list[int]]:
    """The demo session beside a session with awkward text, plan changes and timer events."""
    demo_database.copy_to(paths.database)
    store = Store(paths.database)
    demo = demo_database.session_id
    other = store.create_session(program, title="Møde #2?  «José»", date=None, venue="Nyborg\tStrand")
    store.add_partner(other, "José", organisation="Kommune", role="line one\nline two")
    store.add_partner(other, "Jose\u0301 B", colour="#0072B2")
    store.add_partner(other, "Tredje")
    store.set_step_minutes(other, "indledning-kontekst", 7)
    store.set_step_skipped(other, "introduktion-praesentation", True)
    store.place_break(other, "frokost", "")
    store.set_step_note(other, "indledning-kontekst", "Husk kaffe – og æøå")
    at = dt.datetime(2026, 4, 27, 7, 0, 0, 123456, tzinfo=dt.UTC)
    store.add_timer_event(other, TimerEvent("indledning-kontekst", "start", at, 0.0, 0.0))
    store.add_timer_event(other, TimerEvent("indledning-kontekst", "extend", at + dt.timedelta(seconds=61), 61.5, 60.0))
    store.set_state("window_geometry", "AAAA")
    store.set_last_session_id(other)
    store.close()
    with sqlite3.connect(paths.database) as raw:
        # Two partners on one position (an old import could leave that): both readers break the tie alike.
        raw.execute("UPDATE partners SET position = 0 WHERE session_id = ?", (other,))
    return paths.database, [demo, other]


def test_every_first_look_read_answers_as_the_store_does(filled):
    path, session_ids = filled
    store = Store(path)
    try:
        expected = _reads(store, session_ids)
    finally:
        store.close()
    look = FirstLook(path)
    try:
        assert _reads(look, session_ids) == expected
    finally:
        look.close()
    assert set(READS) == {name for name in expected if isinstance(name, str)} | {
        name for name, _id in (key for key in expected if isinstance(key, tuple))
    }


def test_a_missing_session_is_refused_in_the_stores_words(filled):
    path, _ = filled
    look = FirstLook(path)
    store = Store(path)
    try:
        with pytest.raises(StoreError) as from_look:
            look.get_session(999)
        with pytest.raises(StoreError) as from_store:
            store.get_session(999)
    finally:
        look.close()
        store.close()
    assert from_look.value.text == from_store.value.text


def test_the_deferred_store_reads_the_first_screen_without_sqlalchemy(filled):
    path, _session_ids = filled
    script = (
        "import sys\n"
        "sys.modules['sqlalchemy'] = None\n"
        "from facilitator.store.deferred import DeferredStore\n"
        f"store = DeferredStore({str(path)!r})\n"
        "session_id = store.last_session_id()\n"
        "print(store.get_session(session_id).title, len(store.partners(session_id)), store.is_open)\n"
        "store.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Møde #2? «José» 3 False"


def test_anything_but_a_first_look_read_opens_the_store_and_then_every_read_goes_there(filled):
    path, session_ids = filled
    store = DeferredStore(path)
    try:
        other = session_ids[1]
        assert store.get_session(other).title == "Møde #2? «José»"
        assert not store.is_open
        store.update_session(other, title="Omdøbt")
        assert store.is_open
        assert store.get_session(other).title == "Omdøbt"
        assert store.backups is store.open().backups
    finally:
        store.close()


def test_a_new_database_is_created_at_once(paths: AppPaths, program):
    store = DeferredStore(paths.database)
    try:
        assert store.is_open
        assert store.list_sessions() == []
    finally:
        store.close()


def test_an_older_schema_is_migrated_at_once_after_a_backup(paths: AppPaths):
    with database_at(paths.database, "0001"):
        pass
    store = DeferredStore(paths.database)
    try:
        assert store.is_open
        assert [backup.reason for backup in store.backups.list()] == ["migration"]
    finally:
        store.close()


def test_a_damaged_database_is_refused_before_anything_is_read(paths: AppPaths):
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    damaged = b"SQLite format 3\x00" + b"\x13" * 4000
    paths.database.write_bytes(damaged)
    with pytest.raises(DamagedDatabase):
        DeferredStore(paths.database)
    assert paths.database.read_bytes() == damaged
