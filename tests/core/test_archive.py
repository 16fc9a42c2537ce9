"""The team archive: push and pull round trips, conflicts, two laptops at once, faults, newer archives."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import event, text

from facilitator.archive.address import ArchiveAddressError, check_address
from facilitator.archive.sync import Archive, read_record
from facilitator.export.session_file import dump_session
from facilitator.store import Store, StoreError
from facilitator.store.archive import ArchiveConflict
from facilitator.store.database import SCHEMA_HEAD, open_server_engine
from facilitator.store.server_errors import ArchiveUnreachable
from tests.postgres import Cluster

pytestmark = pytest.mark.postgresql


@pytest.fixture
def archive(archive_url: str):
    with Archive.open(archive_url) as opened:
        yield opened


def _file(store: Store, session_id: int) -> bytes:
    return dump_session(store.export_session(session_id))


def test_a_pushed_session_pulled_into_a_fresh_data_folder_is_the_same_file(archive, store, demo, other_store):
    pushed = archive.push(store, demo)
    assert pushed.revision == 1
    pulled = archive.pull(other_store, pushed.uid)
    assert _file(other_store, pulled.session_id) == _file(store, demo)
    [listed] = archive.sessions()
    assert (listed.uid, listed.title, listed.revision) == (pushed.uid, store.get_session(demo).title, 1)
    assert listed.pushed_by.count("@") == 1
    # Pulled by its title too, and unchanged on both sides: nothing to refuse.
    assert archive.pull(other_store, listed.title).session_id == pulled.session_id


def test_a_push_over_a_change_made_in_the_archive_is_refused_naming_both_sides(archive, store, demo, other_store):
    archive.push(store, demo)
    theirs = archive.pull(other_store, store.session_uid(demo)).session_id
    other_store.update_session(theirs, venue="Hos kommunen")
    assert archive.push(other_store, theirs).revision == 2
    store.update_session(demo, venue="På rådhuset")
    before = archive.sessions()

    with pytest.raises(ArchiveConflict) as refused:
        archive.push(store, demo)

    message = refused.value.text.da
    assert "revision 2" in message
    assert "revision 1" in message
    assert "sendt af" in message
    assert archive.sessions() == before
    kept = archive.push(store, demo, keep_both=True)
    assert kept.copy
    assert kept.revision == 1
    assert kept.uid != store.session_uid(demo)
    titles = sorted(entry.title for entry in archive.sessions())
    assert titles == sorted([store.get_session(demo).title, kept.title])
    # The laptop's own session still waits for a pull: its record is unchanged.
    assert read_record(store, store.session_uid(demo)).revision == 1


def test_a_pull_over_changes_made_on_the_laptop_is_refused_and_keep_both_keeps_both(archive, store, demo, other_store):
    archive.push(store, demo)
    theirs = archive.pull(other_store, store.session_uid(demo)).session_id
    store.update_session(demo, venue="Ændret i arkivet")
    archive.push(store, demo)
    other_store.update_session(theirs, venue="Ændret på den anden bærbare")
    mine = _file(other_store, theirs)

    with pytest.raises(ArchiveConflict, match="revision 2"):
        archive.pull(other_store, store.session_uid(demo))

    assert _file(other_store, theirs) == mine
    copy = archive.pull(other_store, store.session_uid(demo), keep_both=True)
    assert copy.copy
    assert copy.session_id != theirs
    assert other_store.get_session(copy.session_id).venue == "Ændret i arkivet"
    assert _file(other_store, theirs) == mine


def test_an_unchanged_laptop_copy_is_replaced_by_a_pull(archive, store, demo, other_store):
    archive.push(store, demo)
    theirs = archive.pull(other_store, store.session_uid(demo)).session_id
    store.update_session(demo, venue="Nyt sted")
    archive.push(store, demo)
    pulled = archive.pull(other_store, store.session_uid(demo))
    assert pulled.session_id == theirs
    assert pulled.revision == 2
    assert _file(other_store, theirs) == _file(store, demo)


def _push_together(archive_url: str, laptops: list[tuple[Store, int]]) -> list[object]:
    results: list[object] = [None] * len(laptops)
    start = threading.Barrier(len(laptops))

    def push(index: int, local: Store, session_id: int) -> None:
        with Archive.open(archive_url) as own:
            start.wait()
            try:
                results[index] = own.push(local, session_id)
            except StoreError as error:
                results[index] = error

    threads = [threading.Thread(target=push, args=(i, *laptop)) for i, laptop in enumerate(laptops)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_two_laptops_pushing_the_same_session_at_once_one_wins_the_other_is_told(
    archive, archive_url, store, demo, other_store
):
    archive.push(store, demo)
    theirs = archive.pull(other_store, store.session_uid(demo)).session_id
    store.update_session(demo, venue="Laptop A")
    other_store.update_session(theirs, venue="Laptop B")

    results = _push_together(archive_url, [(store, demo), (other_store, theirs)])

    refused = [result for result in results if isinstance(result, ArchiveConflict)]
    won = [result for result in results if not isinstance(result, StoreError)]
    assert len(refused) == 1, results
    assert len(won) == 1, results
    [entry] = archive.sessions()
    assert entry.revision == 2
    # Nothing lost: the loser keeps its version beside the winner's.
    loser = (store, demo) if results[0] is refused[0] else (other_store, theirs)
    archive.push(*loser, keep_both=True)
    assert len(archive.sessions()) == 2


def test_two_laptops_pushing_the_same_new_session_at_once_one_wins(archive, archive_url, store, demo, other_store):
    theirs = other_store.import_session(store.export_session(demo))
    other_store.update_session(theirs, venue="Laptop B")

    results = _push_together(archive_url, [(store, demo), (other_store, theirs)])

    assert sum(isinstance(result, ArchiveConflict) for result in results) == 1, results
    assert [entry.revision for entry in archive.sessions()] == [1]


def test_a_server_that_stops_mid_push_leaves_the_archive_as_it_was(
    archive_url, postgres_cluster: Cluster, store, demo, other_store
):
    with Archive.open(archive_url) as archive:
        archive.push(store, demo)
        store.update_session(demo, venue="Aldrig sendt")
        engine = archive.server._engine

        def stop_the_server(_connection, _cursor, statement, *_args) -> None:
            if statement.startswith("INSERT INTO actions"):
                event.remove(engine, "before_cursor_execute", stop_the_server)
                postgres_cluster.stop("immediate")

        event.listen(engine, "before_cursor_execute", stop_the_server)
        try:
            with pytest.raises(ArchiveUnreachable, match="Teamarkivet kan ikke nås"):
                archive.push(store, demo)
        finally:
            postgres_cluster.start()

    with Archive.open(archive_url) as archive:
        [entry] = archive.sessions()
        assert entry.revision == 1
        pulled = archive.pull(other_store, entry.uid)
        assert other_store.get_session(pulled.session_id).venue != "Aldrig sendt"
        assert read_record(store, entry.uid).revision == 1


def test_an_archive_of_a_newer_app_is_refused_naming_the_versions(archive_url, store, demo):
    Archive.open(archive_url).close()
    engine = open_server_engine(archive_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        connection.execute(text("UPDATE archive_info SET value = '7' WHERE key = 'format'"))
    with pytest.raises(StoreError, match="arkivformat 7, denne version kender 1"):
        Archive.open(archive_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE archive_info SET value = '1' WHERE key = 'format'"))
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match=f"skema 9999; denne version kender skema {SCHEMA_HEAD}"):
        Archive.open(archive_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sessions")).scalar() == 0
    engine.dispose()


def test_the_secretariat_sees_every_action_and_the_overdue_ones(archive, store, demo):
    archive.push(store, demo)
    actions = store.actions(demo)
    everything = archive.actions()
    assert sorted(action.what for action in everything) == sorted(action.what for action in actions)
    late = dt.date(2100, 1, 1)
    expected = {action.what for action in actions if action.due and action.due < late and action.status != "done"}
    assert {action.what for action in archive.actions(overdue=True, today=late)} == expected
    owned = next(action for action in actions if action.owner_partner_id is not None)
    partner = next(p for p in store.partners(demo) if p.id == owned.owner_partner_id)
    mine = archive.actions(partner=partner.name.upper())
    assert mine
    assert {action.owner for action in mine} == {partner.name}
    assert archive.sessions(partnership=store.get_session(demo).title[3:12].lower())
    assert archive.sessions(partnership="findes ikke") == []


def test_a_dropped_action_is_not_overdue_in_the_secretariats_view(archive, store, demo):
    late = dt.date(2100, 1, 1)
    dropped = next(action for action in store.actions(demo) if action.due and action.status != "done")
    store.set_action_status(dropped.id, status="dropped", by="Sekretariatet")
    archive.push(store, demo)

    overdue = {action.what for action in archive.actions(overdue=True, today=late)}

    assert dropped.what not in overdue
    assert overdue, "the other unfinished actions are still overdue"


def test_an_action_carried_into_a_follow_up_is_listed_once_as_the_latest_meeting_left_it(archive, store, demo):
    first = store.get_session(demo)
    followup = store.create_followup(
        demo,
        program_name=first.program_name,
        program_text=first.program_text,
        date=first.date + dt.timedelta(days=60),
        title="Opfølgning",
    )
    carried = next(action for action in store.actions(followup.id) if action.due)
    store.set_action_status(carried.id, status="started", by="Sekretariatet")
    archive.push(store, demo)
    archive.push(store, followup.id)

    listed = [action for action in archive.actions() if action.what == carried.what]

    assert [(action.session_title, action.status) for action in listed] == [("Opfølgning", "started")]
    open_here = {action.what for action in store.actions(demo)} | {action.what for action in store.actions(followup.id)}
    assert {action.what for action in archive.actions()} == open_here


def _followup(store: Store, demo: int) -> tuple[int, str]:
    """A follow-up two months after the demo day, carrying its unfinished actions; its id and a carried action's text."""
    first = store.get_session(demo)
    followup = store.create_followup(
        demo,
        program_name=first.program_name,
        program_text=first.program_text,
        date=first.date + dt.timedelta(days=60),
        title="Opfølgning",
    )
    carried = next(action for action in store.actions(followup.id) if action.due)
    return followup.id, carried.what


def _meetings_of(archive: Archive, what: str) -> list[str]:
    return [action.session_title for action in archive.actions() if action.what == what]


def test_a_later_meeting_pushed_first_still_hides_the_earlier_copy(archive, store, demo):
    followup, what = _followup(store, demo)
    archive.push(store, followup)
    assert _meetings_of(archive, what) == ["Opfølgning"]

    archive.push(store, demo)  # pushed last, but the earlier meeting

    assert _meetings_of(archive, what) == ["Opfølgning"]


def test_an_action_removed_from_the_later_meeting_is_listed_again_as_the_earlier_one_left_it(archive, store, demo):
    followup, what = _followup(store, demo)
    archive.push(store, demo)
    archive.push(store, followup)
    store.remove_action(next(action.id for action in store.actions(followup) if action.what == what))

    archive.push(store, followup)

    assert _meetings_of(archive, what) == [store.get_session(demo).title]


def test_an_archive_from_before_the_superseded_flag_gets_it_when_migrated(archive_url, store, demo):
    followup, what = _followup(store, demo)
    with Archive.open(archive_url) as archive:
        archive.push(store, demo)
        archive.push(store, followup)
    engine = open_server_engine(archive_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:  # as a 0009 archive was: no flag
        connection.execute(text("ALTER TABLE actions DROP COLUMN superseded"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    engine.dispose()

    with Archive.open(archive_url) as archive:
        assert _meetings_of(archive, what) == ["Opfølgning"]


def test_the_list_names_each_sessions_partnership_and_finds_its_meetings(archive: Archive, store, demo):
    title = store.get_session(demo).title
    archive.push(store, demo)
    [alone] = archive.sessions()
    assert alone.partnership == ""

    store.set_partnership(demo, "Vestkystens Klimaalliance")
    archive.push(store, demo)

    [entry] = archive.sessions(partnership="klimaALLIANCE")
    assert (entry.title, entry.partnership) == (title, "Vestkystens Klimaalliance")
    # A meeting of a partnership is found by the partnership's name, no longer by its own title.
    assert archive.sessions(partnership=title[3:12]) == []


# --- addresses and servers that will not do ---------------------------------------------------


def test_an_address_is_kept_without_a_password_and_with_tls_off_this_machine():
    assert check_address("postgresql://anna@arkiv.example.org/partnerskaber").endswith("?sslmode=require")
    assert check_address("postgresql://anna@localhost/partnerskaber") == "postgresql://anna@localhost/partnerskaber"
    with pytest.raises(ArchiveAddressError, match="adgangskode"):
        check_address("postgresql://anna:hemmelig@arkiv.example.org/partnerskaber")
    with pytest.raises(ArchiveAddressError, match="postgresql://"):
        check_address("https://arkiv.example.org/partnerskaber")
    with pytest.raises(ArchiveAddressError, match="TLS"):
        check_address("postgresql://anna@arkiv.example.org/p?sslmode=disable")
    assert check_address("postgresql://anna@arkiv.example.org/p", plaintext=True).endswith("sslmode=disable")


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_no_server_at_the_address_fails_at_once_with_the_reason():
    started = time.monotonic()
    with pytest.raises(ArchiveUnreachable, match=r"Teamarkivet kan ikke nås: .*refused"):
        Archive.open(f"postgresql://anna@127.0.0.1:{_closed_port()}/partnerskaber")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("reply", [b"", b"HTTP/1.1 400 Bad Request\r\n\r\n"], ids=["silent", "http"])
def test_a_server_that_is_not_postgresql_fails_within_five_seconds(reply: bytes):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []

    def answer() -> None:
        connection, _ = listener.accept()
        held.append(connection)
        if reply:
            connection.recv(1024)
            connection.sendall(reply)
            connection.close()

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        with pytest.raises(ArchiveUnreachable, match="Teamarkivet kan ikke nås"):
            Archive.open(f"postgresql://anna@127.0.0.1:{listener.getsockname()[1]}/partnerskaber")
        assert time.monotonic() - started < 5
    finally:
        for connection in held:
            connection.close()
        listener.close()


def test_a_wrong_password_is_refused_by_name(postgres_cluster: Cluster, archive_url, tmp_path, monkeypatch):
    postgres_cluster.execute("DROP ROLE IF EXISTS anna_wrong", "CREATE ROLE anna_wrong LOGIN PASSWORD 'rigtig'")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_cluster.port}:*:anna_wrong:forkert\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with pytest.raises(StoreError, match="afviste login"):
        Archive.open(archive_url.replace("postgresql://postgres@", "postgresql://anna_wrong@"))
    passfile.write_text(f"127.0.0.1:{postgres_cluster.port}:*:anna_wrong:rigtig\n", encoding="utf-8")
    with pytest.raises(StoreError, match="rettigheder"):
        Archive.open(archive_url.replace("postgresql://postgres@", "postgresql://anna_wrong@"))


def test_a_database_that_does_not_exist_is_named(postgres_cluster: Cluster):
    with pytest.raises(StoreError, match="findes ikke på serveren"):
        Archive.open(postgres_cluster.libpq("findes_ikke"))


def test_a_team_role_with_only_the_readme_s_rights_pushes_pulls_and_lists(
    postgres_cluster: Cluster, archive_url: str, store, demo, other_store, tmp_path, monkeypatch
):
    """The CREATE ROLE / GRANT lines of the README, run as they stand there (the admin set the archive up)."""
    database = archive_url.rsplit("/", 1)[1]
    Archive.open(archive_url).close()  # set up by its owner
    postgres_cluster.execute(
        "DROP ROLE IF EXISTS anna_team",
        "DROP ROLE IF EXISTS facilitator_team",
        "CREATE ROLE facilitator_team NOLOGIN",
        "CREATE ROLE anna_team LOGIN PASSWORD 'kyst' IN ROLE facilitator_team",
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT ON DATABASE "{database}" TO facilitator_team',
    )
    engine = open_server_engine(archive_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        for statement in (
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            "GRANT USAGE ON SCHEMA public TO facilitator_team",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO facilitator_team",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO facilitator_team",
        ):
            connection.execute(text(statement))
    engine.dispose()
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_cluster.port}:*:anna_team:kyst\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    try:
        with Archive.open(archive_url.replace("postgresql://postgres@", "postgresql://anna_team@")) as archive:
            pushed = archive.push(store, demo)
            store.update_session(demo, venue="Anden gang")
            assert archive.push(store, demo).revision == 2
            archive.pull(other_store, pushed.uid)
            assert archive.sessions()[0].pushed_by.startswith("anna_team@")
            assert archive.actions(overdue=True) is not None
    finally:
        # The grants live in the archive's database: it goes first, then the roles can.
        postgres_cluster.drop_database(database)
        postgres_cluster.execute("DROP ROLE anna_team", "DROP ROLE facilitator_team")
