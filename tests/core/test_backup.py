"""Backups, restore, the start-up check and deleting for good: nothing lost, nothing left behind."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from facilitator.store import Store, StoreError
from facilitator.store.backup import (
    KEEP_NEWEST,
    Backups,
    backups_to_keep,
    read_contents,
)
from facilitator.store.recovery import DamagedDatabase, check_database, recover_from_backup
from tests.schema import database_at

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
MARKER = "Hemmeligt-ord-7f3a"


def _session(store: Store, program, title: str = "Kystpartnerskab") -> int:
    session_id = store.create_session(program, title=title, date=dt.date(2026, 4, 27), venue="Nyborg")
    store.add_partner(session_id, "Mette", organisation="Kommune")
    return session_id


def _titles(store: Store) -> list[str]:
    return sorted(summary.title for summary in store.list_sessions())


def test_a_backup_is_a_whole_readable_copy_made_while_the_store_is_open(store, demo):
    session_id = demo
    backup = store.backups.make("open", T0)

    assert backup.path.parent == store.path.parent / "backups"
    assert backup.made_at == T0
    assert backup.reason == "open"
    with sqlite3.connect(backup.path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # One self-contained file: no WAL needed to read it.
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    contents = read_contents(backup.path)
    assert contents.readable
    assert contents.schema is not None
    [held] = contents.sessions
    assert held.id == session_id
    assert held.title == store.get_session(session_id).title
    assert (held.partners, held.elements, held.actions) == (
        len(store.partners(session_id)),
        sum(1 for _ in store.elements(session_id)),
        len(store.actions(session_id)),
    )
    assert [b.path for b in store.backups.list()] == [backup.path]


def test_retention_keeps_the_newest_twenty_and_one_a_day_for_thirty_days():
    now = T0
    # Five backups a day for 40 days.
    made = [now - dt.timedelta(days=day, hours=hour) for day in range(40) for hour in (0, 1, 2, 3, 4)]
    keep = backups_to_keep(made, now)

    newest = sorted(made, reverse=True)[:KEEP_NEWEST]
    assert set(newest) <= keep
    days_kept = {moment.astimezone().date() for moment in keep}
    for day in range(30):
        assert (now - dt.timedelta(days=day)).astimezone().date() in days_kept
    assert all(now - moment <= dt.timedelta(days=30) for moment in keep)
    assert len(keep) <= KEEP_NEWEST + 31
    # The newest of each day is the one kept.
    for moment in keep - set(newest):
        same_day = [other for other in made if other.astimezone().date() == moment.astimezone().date()]
        assert moment == max(same_day)


def test_old_backups_are_pruned_from_disk(store, program):
    _session(store, program)
    for index in range(KEEP_NEWEST + 5):
        store.backups.make("interval", T0 + dt.timedelta(minutes=10 * index))
    kept = store.backups.list()
    assert len(kept) == KEEP_NEWEST
    assert kept[0].made_at == T0 + dt.timedelta(minutes=10 * (KEEP_NEWEST + 4))
    assert len(list(store.backups.folder.iterdir())) == KEEP_NEWEST


def test_regular_backups_only_when_something_changed_and_ten_minutes_passed(store, program):
    session_id = _session(store, program)
    assert store.backups.make_if_due(T0) is not None  # first one of this run
    assert store.backups.make_if_due(T0 + dt.timedelta(minutes=20)) is None  # nothing changed
    store.update_session(session_id, venue="Hotel Nyborg Strand")
    assert store.backups.make_if_due(T0 + dt.timedelta(minutes=25)) is not None
    store.update_session(session_id, venue="Svendborg")
    assert store.backups.make_if_due(T0 + dt.timedelta(minutes=30)) is None  # too soon
    made = store.backups.make_if_due(T0 + dt.timedelta(minutes=35))
    assert made is not None
    assert made.reason == "interval"
    with sqlite3.connect(made.path) as raw:
        assert raw.execute("SELECT venue FROM sessions").fetchone()[0] == "Svendborg"


def test_a_migration_is_preceded_by_a_backup_of_the_old_schema(paths, program):
    from facilitator.store.database import REVISIONS

    with database_at(paths.database, REVISIONS[0]) as connection:
        connection.exec_driver_sql(
            "INSERT INTO sessions (id, title, date, venue, facilitator, start_time, program_name, program_text,"
            " current_step_id, created_at, updated_at) VALUES (1, 'Gammel', NULL, '', '', '09:00', 'p.toml', ?,"
            " NULL, '2026-04-01 10:00:00', '2026-04-01 10:00:00')",
            (program.source_text,),
        )

    store = Store(paths.database)
    [backup] = store.backups.list()
    assert backup.reason == "migration"
    contents = read_contents(backup.path)
    assert contents.schema == REVISIONS[0]
    assert [session.title for session in contents.sessions] == ["Gammel"]
    store.close()
    # A store already at the newest schema makes no migration backup.
    Store(paths.database).close()
    assert len(Backups(paths.database).list()) == 1


def test_restore_brings_the_database_back_and_keeps_what_was_there(store, program):
    session_id = _session(store, program, "Før")
    backup = store.backups.make("manual", T0)
    store.update_session(session_id, title="Efter")
    _session(store, program, "Ny efter kopien")

    store.restore(backup)

    assert _titles(store) == ["Før"]
    assert [p.name for p in store.partners(session_id)] == ["Mette"]
    # What was there before the restore is itself a backup, so the restore can be undone.
    before_restore = [b for b in store.backups.list() if b.reason == "restore"]
    assert len(before_restore) == 1
    assert sorted(s.title for s in read_contents(before_restore[0].path).sessions) == ["Efter", "Ny efter kopien"]
    # The store keeps working after the swap.
    store.update_session(session_id, venue="Odense")
    assert store.get_session(session_id).venue == "Odense"
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_unreadable_backup_is_refused_and_nothing_changes(store, program):
    _session(store, program, "Bliver")
    backup = store.backups.make("manual", T0)
    backup.path.write_bytes(b"ikke en database" * 50)
    with pytest.raises(StoreError, match="kan ikke læses"):
        store.restore(backup)
    assert _titles(store) == ["Bliver"]


def _damage(path: Path) -> bytes:
    data = path.read_bytes()
    cut = data[: len(data) // 2]
    path.write_bytes(cut)
    return cut


def test_a_truncated_database_is_reported_and_left_untouched(paths, demo_database):
    demo_database.copy_to(paths.database)
    damaged = _damage(paths.database)

    with pytest.raises(DamagedDatabase, match="kan ikke læses: filen er beskadiget") as caught:
        Store(paths.database)
    assert caught.value.message("en").startswith("The database")
    assert paths.database.read_bytes() == damaged


def test_a_file_that_is_not_sqlite_counts_as_damaged(paths):
    paths.ensure()
    paths.database.write_bytes(b"PK\x03\x04 a zip file, not a database" * 40)
    with pytest.raises(DamagedDatabase):
        check_database(paths.database)


def test_an_empty_file_is_a_new_start_unless_backups_exist(paths, program):
    paths.ensure()
    paths.database.write_bytes(b"")
    Store(paths.database).close()  # a brand-new, empty database is fine

    store = Store(paths.database)
    _session(store, program)
    store.backups.make("manual", T0)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        path = paths.database.with_name(paths.database.name + suffix)
        if path.exists():
            path.write_bytes(b"")
    with pytest.raises(DamagedDatabase, match="filen er tom"):
        Store(paths.database)


def test_recovery_sets_the_damaged_file_aside_and_restores_the_newest_good_backup(paths, program):
    store = Store(paths.database)
    _session(store, program, "Gammel kopi")
    store.backups.make("open", T0)
    store.update_session(1, title="Nyeste kopi")
    store.backups.make("interval", T0 + dt.timedelta(minutes=10))
    newest = store.backups.list()[0]
    store.close()
    # A broken newest backup is passed over.
    broken = Backups(paths.database).make("manual", T0 + dt.timedelta(minutes=20))
    broken.path.write_bytes(b"garbage" * 100)
    damaged = _damage(paths.database)

    backups = Backups(paths.database)
    assert backups.newest_readable() == newest
    aside = recover_from_backup(paths.database, backups.newest_readable())

    assert aside.read_bytes() == damaged
    assert aside.parent == paths.data_dir
    assert "beskadiget" in aside.name
    reopened = Store(paths.database)
    assert _titles(reopened) == ["Nyeste kopi"]
    reopened.close()


def test_recovery_can_start_empty_and_still_keeps_the_damaged_file(paths, program):
    store = Store(paths.database)
    _session(store, program)
    store.close()
    damaged = _damage(paths.database)
    aside = recover_from_backup(paths.database, None)
    assert aside.read_bytes() == damaged
    fresh = Store(paths.database)
    assert fresh.list_sessions() == []
    fresh.close()


def _all_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in folder.iterdir() if path.is_file())


def test_deleting_a_session_leaves_none_of_its_words_in_the_database_files(store, program, paths):
    keep = _session(store, program, "Bliver")
    gone = _session(store, program, "Forsvinder")
    store.update_partner(store.partners(gone)[0].id, mandate=MARKER)
    store.set_step_note(gone, "indledning-kontekst", MARKER)
    assert MARKER.encode() in _all_bytes(paths.data_dir)

    store.delete_session(gone)

    assert MARKER.encode() not in _all_bytes(paths.data_dir)
    assert _titles(store) == ["Bliver"]
    assert store.partners(keep)


def test_a_deleted_session_can_be_purged_from_the_backups_too(store, program, paths):
    _session(store, program, "Bliver")
    gone = _session(store, program, "Forsvinder")
    store.update_partner(store.partners(gone)[0].id, mandate=MARKER)
    for index in range(3):
        store.backups.make("interval", T0 + dt.timedelta(minutes=10 * index))
    uid = store.session_uid(gone)
    store.delete_session(gone)

    assert len(store.backups.holding_session(gone, uid)) == 3
    assert store.backups.purge_session(gone, uid) == 3

    assert store.backups.holding_session(gone, uid) == []
    assert MARKER.encode() not in _all_bytes(store.backups.folder)
    for backup in store.backups.list():
        contents = read_contents(backup.path)
        assert [session.title for session in contents.sessions] == ["Bliver"]


def test_a_data_folder_with_uri_characters_in_its_name_still_works(tmp_path, program):
    folder = tmp_path / "Møde #2 ?50%"
    store = Store(folder / "facilitator.sqlite3")
    _session(store, program, "Workshop")
    backup = store.backups.make("manual", T0)
    store.close()
    check_database(folder / "facilitator.sqlite3")
    assert [s.title for s in read_contents(backup.path).sessions] == ["Workshop"]
    assert Store(folder / "facilitator.sqlite3").list_sessions()[0].title == "Workshop"
