"""The store: sessions, partners and principles survive a reopen; bad input is refused clearly."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.palette import PARTNER_COLOURS
from facilitator.store import Store, StoreError
from facilitator.store.database import REVISIONS, SCHEMA_HEAD
from tests.schema import database_at

# The store's rules hold on both engines (tests/engines.py).
pytestmark = pytest.mark.both_engines


def _new_session(store: Store, program, **fields) -> int:
    values = {"title": "Kystpartnerskab", "date": dt.date(2026, 4, 27), "venue": "Nyborg", "facilitator": "Sofie"}
    values.update(fields)
    return store.create_session(program, **values)


def test_session_round_trips_through_a_reopen(paths, program):
    store = Store(paths.database)
    session_id = _new_session(store, program)
    store.update_session(session_id, current_step_id="delsession-1-forandringscirkel", start_time="8.30")
    store.close()

    reopened = Store(paths.database)
    data = reopened.get_session(session_id)
    assert (data.title, data.date, data.venue, data.facilitator) == (
        "Kystpartnerskab",
        dt.date(2026, 4, 27),
        "Nyborg",
        "Sofie",
    )
    assert data.start_time == "08:30"
    assert data.current_step_id == "delsession-1-forandringscirkel"
    assert data.program().step_ids() == program.step_ids()
    reopened.close()


def test_new_session_starts_at_the_first_step(store, program):
    session_id = _new_session(store, program)
    assert store.get_session(session_id).current_step_id == program.step_ids()[0]


def test_sessions_are_listed_most_recent_first(store, program):
    first = _new_session(store, program, title="Først")
    second = _new_session(store, program, title="Derefter")
    assert [s.id for s in store.list_sessions()] == [second, first]
    store.update_session(first, venue="Odense")
    assert [s.id for s in store.list_sessions()] == [first, second]


def test_partners_are_added_ordered_and_coloured(store, program):
    session_id = _new_session(store, program)
    names = ["Mette", "Jonas", "Karen"]
    added = [store.add_partner(session_id, name, organisation=f"Org {name}") for name in names]
    assert [p.colour for p in added] == list(PARTNER_COLOURS[:3])
    store.move_partner(added[2].id, 0)
    assert [p.name for p in store.partners(session_id)] == ["Karen", "Mette", "Jonas"]
    store.remove_partner(added[1].id)
    partners = store.partners(session_id)
    assert [(p.name, p.position) for p in partners] == [("Karen", 0), ("Mette", 1)]
    # The freed colour is offered to the next partner.
    assert store.add_partner(session_id, "Ahmad").colour == added[1].colour


def test_partner_fields_are_updated_and_cleaned(store, program):
    session_id = _new_session(store, program)
    partner = store.add_partner(session_id, "  Mette\x00 Kjær ")
    updated = store.update_partner(
        partner.id, role="Klimachef\nTeknik og Miljø", mandate="Kan \x07forpligte", colour="#0072b2"
    )
    assert updated.name == "Mette Kjær"
    assert updated.role == "Klimachef\nTeknik og Miljø"
    assert updated.mandate == "Kan forpligte"
    assert updated.colour == "#0072B2"


@pytest.mark.parametrize("name", ["", "   ", "\x00\t"])
def test_partner_without_a_name_is_refused(store, program, name):
    session_id = _new_session(store, program)
    with pytest.raises(StoreError, match="Navnet mangler"):
        store.add_partner(session_id, name)
    assert store.partners(session_id) == []


def test_two_partners_with_the_same_name_and_organisation_are_refused(store, program):
    session_id = _new_session(store, program)
    store.add_partner(session_id, "Mette", organisation="Kommunen")
    with pytest.raises(StoreError, match="allerede en partner"):
        store.add_partner(session_id, "mette", organisation="KOMMUNEN")
    other = store.add_partner(session_id, "Mette", organisation="Forsyningen")
    with pytest.raises(StoreError, match="allerede en partner"):
        store.update_partner(other.id, organisation="Kommunen")
    assert [p.organisation for p in store.partners(session_id)] == ["Kommunen", "Forsyningen"]


def test_long_and_unusual_text_is_kept_exactly(store, program):
    session_id = _new_session(store, program)
    odd = "Ærø Å ø — 🌊 e\u0301 שלום " + "x" * 10_000
    partner = store.add_partner(session_id, "Karen", why_now=odd)
    assert store.partners(session_id)[0].why_now == odd.strip()
    with pytest.raises(StoreError, match="for lang"):
        store.update_partner(partner.id, why_now="y" * 30_000)


def test_at_most_three_principles(store, program):
    session_id = _new_session(store, program)
    assert store.set_principles(session_id, ["Lyt", "", "  Tal ærligt "]) == ["Lyt", "Tal ærligt"]
    with pytest.raises(StoreError, match="Højst 3"):
        store.set_principles(session_id, ["a", "b", "c", "d"])
    assert store.principles(session_id) == ["Lyt", "Tal ærligt"]


def test_invalid_session_fields_are_refused(store, program):
    with pytest.raises(StoreError, match="Titlen mangler"):
        _new_session(store, program, title=" ")
    session_id = _new_session(store, program)
    with pytest.raises(StoreError, match="TT:MM"):
        store.update_session(session_id, start_time="25:00")
    assert store.get_session(session_id).start_time == "09:00"


def test_deleting_a_session_removes_its_partners_and_principles(store, program):
    session_id = _new_session(store, program)
    store.add_partner(session_id, "Mette")
    store.set_principles(session_id, ["Lyt"])
    store.set_last_session_id(session_id)
    store.delete_session(session_id)
    with store._engine.connect() as raw:
        for table in ("sessions", "partners", "principles", "app_state"):
            assert raw.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
    assert store.last_session_id() is None


def test_last_session_is_remembered(paths, program):
    store = Store(paths.database)
    session_id = _new_session(store, program)
    store.set_last_session_id(session_id)
    store.close()
    reopened = Store(paths.database)
    assert reopened.last_session_id() == session_id
    reopened.close()


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_connections_use_wal_foreign_keys_and_full_sync(store):
    with store._engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_known_revisions_match_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from facilitator.store import database

    config = Config()
    config.set_main_option("script_location", str(database._MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    ordered = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == REVISIONS
    assert scripts.get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from facilitator.store.models import Base

    with store._engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(tmp_path: Path):
    path = tmp_path / "facilitator.sqlite3"
    content = b"Dette er ikke en database. " * 100
    path.write_bytes(content)
    with pytest.raises(StoreError, match="kan ikke læses: filen er ikke en Facilitator-database"):
        Store(path)
    assert path.read_bytes() == content


def test_a_database_from_a_newer_app_is_refused_untouched(paths, program):
    store = Store(paths.database)
    _new_session(store, program)
    store.close()
    with sqlite3.connect(paths.database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = paths.database.read_bytes()
    with pytest.raises(StoreError, match="nyere version"):
        Store(paths.database)
    assert paths.database.read_bytes() == before


def test_an_unwritable_data_folder_is_reported(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="kan ikke oprettes"):
        Store(blocker / "sub" / "facilitator.sqlite3")


# --- running the day -------------------------------------------------------------------


def test_day_plan_round_trips(paths, program):
    store = Store(paths.database)
    session_id = store.create_session(program, title="Dag")
    store.set_step_minutes(session_id, "indledning-kontekst", 7)
    store.set_step_skipped(session_id, "introduktion-principper", True)
    store.place_break(session_id, "frokost", "delsession-2")
    store.close()
    reopened = Store(paths.database)
    plan = reopened.day_plan(session_id)
    assert plan.minutes == {"indledning-kontekst": 7}
    assert plan.skipped == {"introduktion-principper"}
    assert plan.break_after == {"frokost": "delsession-2"}
    reopened.set_step_minutes(session_id, "indledning-kontekst", None)
    reopened.set_step_skipped(session_id, "introduktion-principper", False)
    reopened.place_break(session_id, "frokost", None)
    assert reopened.day_plan(session_id).is_empty
    reopened.close()


@pytest.mark.parametrize("minutes", [0, -5, 10_000])
def test_impossible_step_minutes_are_refused(store, program, minutes):
    session_id = store.create_session(program, title="Dag")
    with pytest.raises(StoreError, match="mellem 1 og"):
        store.set_step_minutes(session_id, "indledning-kontekst", minutes)
    assert store.day_plan(session_id).is_empty


def test_timer_events_are_kept_in_order_with_aware_times(paths, program):
    from facilitator.timing import TimerEvent

    store = Store(paths.database)
    session_id = store.create_session(program, title="Dag")
    at = dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC)
    events = [
        TimerEvent("indledning-kontekst", "start", at, 0.0),
        TimerEvent("indledning-kontekst", "extend", at + dt.timedelta(seconds=30), 30.0, 60.0),
        TimerEvent("indledning-kontekst", "finish", at + dt.timedelta(seconds=90.5), 90.5),
    ]
    for event in events:
        store.add_timer_event(session_id, event)
    store.close()
    reopened = Store(paths.database)
    assert reopened.timer_events(session_id) == events
    reopened.close()


def test_timer_events_and_the_step_they_lead_to_are_stored_together(store, program):
    from facilitator.timing import TimerEvent

    session_id = store.create_session(program, title="Dag")
    at = dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC)
    events = [
        TimerEvent("indledning-kontekst", "finish", at, 90.0),
        TimerEvent("indledning-processer", "start", at, 0.0),
    ]
    store.add_timer_events(session_id, events, current_step_id="indledning-processer")
    assert store.timer_events(session_id) == events
    assert store.get_session(session_id).current_step_id == "indledning-processer"
    store.add_timer_events(session_id, [], current_step_id="indledning-tidsramme")
    assert store.get_session(session_id).current_step_id == "indledning-tidsramme"
    assert store.timer_events(session_id) == events


def test_the_content_version_moves_with_what_screens_show_not_with_the_days_bookkeeping(store, program):
    from facilitator.timing import TimerEvent

    session_id = store.create_session(program, title="Dag")
    before = store.content_version
    at = dt.datetime(2026, 4, 27, 7, 0, tzinfo=dt.UTC)
    store.add_timer_events(
        session_id, [TimerEvent("indledning-kontekst", "start", at, 0.0)], current_step_id="indledning-processer"
    )
    store.update_session(session_id, current_step_id="indledning-tidsramme")
    store.partners(session_id)
    assert store.content_version == before, "timers, the step the session is on and reads change no screen"

    store.add_partner(session_id, "Kommunen")
    after_partner = store.content_version
    assert after_partner > before
    store.update_session(session_id, title="Ny titel")
    assert store.content_version > after_partner


def test_step_notes_and_checklist_are_stored_and_cleaned(store, program):
    session_id = store.create_session(program, title="Dag")
    assert store.set_step_note(session_id, "delsession-1-analyse", "Hold øje med\x00 Karen  ") == "Hold øje med Karen"
    assert store.step_notes(session_id) == {"delsession-1-analyse": "Hold øje med Karen"}
    store.set_checklist_item(session_id, "tid-aftal-tidspunkt", done=True)
    entry = store.set_checklist_item(session_id, "tid-aftal-tidspunkt", note="Aftalt på mail")
    assert entry.done
    assert store.checklist(session_id)["tid-aftal-tidspunkt"].note == "Aftalt på mail"


def test_deleting_a_session_removes_its_day(store, program):
    from facilitator.timing import TimerEvent

    session_id = store.create_session(program, title="Dag")
    store.set_step_note(session_id, "indledning-kontekst", "note")
    store.add_timer_event(session_id, TimerEvent("indledning-kontekst", "start", dt.datetime.now(dt.UTC), 0))
    store.set_checklist_item(session_id, "tid-aftal-tidspunkt", done=True)
    store.delete_session(session_id)
    with store._engine.connect() as connection:
        for table in ("step_plans", "timer_events", "checklist"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0


def test_a_database_from_schema_0001_is_migrated_with_its_data(paths, program):
    with database_at(paths.database, "0001") as connection:
        connection.exec_driver_sql(
            "INSERT INTO sessions (id, title, date, venue, facilitator, start_time, program_name, program_text,"
            " current_step_id, created_at, updated_at) VALUES (1, 'Gammel æøå', '2026-04-27', 'Nyborg', 'Sofie',"
            " '08:30', 'p.toml', ?, 'delsession-1-analyse', '2026-04-01 10:00:00', '2026-04-01 10:00:00')",
            (program.source_text,),
        )
        connection.exec_driver_sql(
            "INSERT INTO partners (session_id, position, name, organisation, role, mandate, why_now, colour)"
            " VALUES (1, 0, 'Mette', 'Kommune', 'rolle', 'mandat', 'nu', '#E69F00')"
        )
        connection.exec_driver_sql("INSERT INTO principles (session_id, position, text) VALUES (1, 0, 'Lyt')")

    store = Store(paths.database)
    session = store.get_session(1)
    assert (session.title, session.start_time, session.current_step_id) == (
        "Gammel æøå",
        "08:30",
        "delsession-1-analyse",
    )
    assert session.date == dt.date(2026, 4, 27)
    assert [(p.name, p.organisation, p.mandate, p.colour) for p in store.partners(1)] == [
        ("Mette", "Kommune", "mandat", "#E69F00")
    ]
    assert store.principles(1) == ["Lyt"]
    assert store.day_plan(1).is_empty
    store.set_step_note(1, "delsession-1-analyse", "virker")
    store.close()
