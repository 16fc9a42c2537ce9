"""Every schema a user may have is migrated to the current one with every value intact.

`tests/fixtures/schema/<revision>.sql` is a frozen dump of a database as Alembic built it
at that revision, filled with one workshop day (odd text included). Each is loaded, opened
with `Store` (which migrates it) and compared, table by table and column by column, with
what the dump held. A new schema revision needs only its fixture, made once with
`uv run python tests/fixtures/schema/make_fixture.py <revision>`; nothing here changes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.conversation import CIRCLES, JOINT_FORMS
from facilitator.store import Store
from facilitator.store.database import REVISIONS, SCHEMA_HEAD
from tests.databases import Rows, columns, table_rows, tables

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schema"
FIXTURE_FILES = sorted(FIXTURES.glob("*.sql"))


def _load(fixture: Path, path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(fixture.read_text(encoding="utf-8"))
    finally:
        connection.close()


def _schema(path: Path) -> dict[str, dict[str, tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {table: columns(connection, table) for table in tables(connection)}
    finally:
        connection.close()


def _unique_columns(path: Path, table: str) -> set[str]:
    """Columns that a unique index covers on their own."""
    connection = sqlite3.connect(path)
    try:
        columns = set()
        for _seq, index, unique, *_rest in connection.execute(f'PRAGMA index_list("{table}")'):
            names = [row[2] for row in connection.execute(f'PRAGMA index_info("{index}")')]
            if unique and len(names) == 1:
                columns.add(names[0])
        return columns
    finally:
        connection.close()


def _default_value(path: Path, expression: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT {expression}").fetchone()[0]
    finally:
        connection.close()


def _values(rows: Rows) -> list[dict[str, object]]:
    """Rows as plain dicts, in primary-key order."""
    return [{name: value for name, (_type, value) in rows[key].items()} for key in sorted(rows)]


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


# What the Store API must show of each table's rows. A table that first appears in a later
# schema needs no entry: the value-by-value comparison covers it anyway.


def _check_sessions(store: Store, before: dict[str, Rows]) -> None:
    rows = _values(before["sessions"])
    assert {summary.id for summary in store.list_sessions()} == {row["id"] for row in rows}
    for row in rows:
        data = store.get_session(row["id"])
        assert (data.title, data.venue, data.facilitator, data.start_time) == (
            row["title"],
            row["venue"],
            row["facilitator"],
            row["start_time"],
        )
        assert (data.program_name, data.program_text, data.current_step_id) == (
            row["program_name"],
            row["program_text"],
            row["current_step_id"],
        )
        assert data.date == _date(row["date"])
        if "uid" in row:
            assert store.session_uid(row["id"]) == row["uid"]
        step_ids = data.program().step_ids()
        assert row["current_step_id"] is None or row["current_step_id"] in step_ids


def _check_partners(store: Store, before: dict[str, Rows]) -> None:
    fields = ("id", "name", "organisation", "role", "mandate", "why_now", "colour")
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        expected = sorted(
            (row for row in _values(before["partners"]) if row["session_id"] == session_id),
            key=lambda row: row["position"],
        )
        shown = store.partners(session_id)
        assert [tuple(getattr(p, name) for name in fields) for p in shown] == [
            tuple(row[name] for name in fields) for row in expected
        ]
        assert [p.position for p in shown] == [row["position"] for row in expected]


def _check_principles(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        expected = sorted(
            (row for row in _values(before["principles"]) if row["session_id"] == session_id),
            key=lambda row: row["position"],
        )
        assert store.principles(session_id) == [row["text"] for row in expected]


def _check_app_state(store: Store, before: dict[str, Rows]) -> None:
    for row in _values(before["app_state"]):
        assert store.get_state(row["key"]) == row["value"]
        if row["key"] == "last_session_id":
            assert store.last_session_id() == int(row["value"])


def _check_step_plans(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [row for row in _values(before["step_plans"]) if row["session_id"] == session_id]
        plan = store.day_plan(session_id)
        assert plan.minutes == {row["step_id"]: row["minutes"] for row in rows if row["minutes"] is not None}
        assert plan.skipped == {row["step_id"] for row in rows if row["skipped"]}
        assert plan.break_after == {row["step_id"]: row["after_id"] for row in rows if row["after_id"] is not None}
        assert store.step_notes(session_id) == {row["step_id"]: row["note"] for row in rows if row["note"]}


def _check_timer_events(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [row for row in _values(before["timer_events"]) if row["session_id"] == session_id]
        assert [
            (event.step_id, event.kind, event.at, event.elapsed, event.amount)
            for event in store.timer_events(session_id)
        ] == [
            (row["step_id"], row["kind"], _datetime(row["at"]).replace(tzinfo=dt.UTC), row["elapsed"], row["amount"])
            for row in rows
        ]


def _check_checklist(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [row for row in _values(before["checklist"]) if row["session_id"] == session_id]
        shown = store.checklist(session_id)
        assert {item: (entry.done, entry.note) for item, entry in shown.items()} == {
            row["item_id"]: (bool(row["done"]), row["note"]) for row in rows
        }


def _check_circles(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [row for row in _values(before["circles"]) if row["session_id"] == session_id and not row["deleted"]]
        assert {(c.id, c.partner_id, c.kind, c.title, c.position) for c in store.circles(session_id)} == {
            (row["id"], row["partner_id"], row["kind"], row["title"], row["position"]) for row in rows
        }
        # Circles from before the room (0008) were all shown on the projector.
        assert {c.id: c.revealed for c in store.circles(session_id)} == {
            row["id"]: bool(row.get("revealed", True)) for row in rows
        }


def _check_elements(store: Store, before: dict[str, Rows]) -> None:
    removed_circles = {row["id"] for row in _values(before["circles"]) if row["deleted"]}
    values: dict[int, set[str]] = {}
    for row in _values(before.get("element_values", {})):
        values.setdefault(row["element_id"], set()).add(row["value_form"])
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [
            row
            for row in _values(before["elements"])
            if row["session_id"] == session_id and not row["deleted"] and row["circle_id"] not in removed_circles
        ]
        assert {
            (e.id, e.circle_id, e.partner_id, e.kind, e.field, e.position, e.text, e.category, e.value_forms)
            for e in store.elements(session_id)
        } == {
            (
                row["id"],
                row["circle_id"],
                row["partner_id"],
                row["kind"],
                row["field"],
                row["position"],
                row["text"],
                row["category"],
                frozenset(values.get(row["id"], ())),
            )
            for row in rows
        }
        # Elements from before the room (0008) were all typed at the laptop.
        assert {e.id: e.written_on_device for e in store.elements(session_id)} == {
            row["id"]: bool(row.get("written_on_device", False)) for row in rows
        }


def _check_form_texts(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        for form_id in JOINT_FORMS:
            assert store.form_texts(session_id, form_id) == {
                row["field"]: row["text"]
                for row in _values(before["form_texts"])
                if row["session_id"] == session_id and row["form"] == form_id
            }


def _check_form_sources(store: Store, before: dict[str, Rows]) -> None:
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        assert [(s.id, s.form, s.field, s.element_id, s.text) for s in store.form_sources(session_id)] == [
            (row["id"], row["form"], row["field"], row["element_id"], row["text"])
            for row in _values(before["form_sources"])
            if row["session_id"] == session_id
        ]


def _check_board(store: Store, before: dict[str, Rows]) -> None:
    places = {row["element_id"]: row for row in _values(before["board_notes"])}
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        for kind in CIRCLES:
            state = store.board_state(session_id, kind)
            for note_id, row in places.items():
                if note_id in state.notes:
                    note = state.notes[note_id]
                    assert (note.x, note.y, note.z, note.cluster_id, note.merged_into) == (
                        row["x"],
                        row["y"],
                        row["z"],
                        row["cluster_id"],
                        row["merged_into"],
                    )
            assert {cluster.id: cluster.name for cluster in state.clusters.values()} == {
                row["id"]: row["name"]
                for row in _values(before["board_clusters"])
                if row["session_id"] == session_id and row["kind"] == kind and row["name"]
            }
    shown = {
        note_id
        for session_id in {row["id"] for row in _values(before["sessions"])}
        for kind in CIRCLES
        for note_id in store.board_state(session_id, kind).notes
    }
    removed_circles = {row["id"] for row in _values(before["circles"]) if row["deleted"]}
    in_removed = {row["id"] for row in _values(before["elements"]) if row["circle_id"] in removed_circles}
    assert set(places) - in_removed <= shown


def _check_actions(store: Store, before: dict[str, Rows]) -> None:
    fields = ("id", "area", "position", "what", "owner_partner_id", "owner_person", "with_whom", "how_much", "status")
    if "light" in next(iter(before["actions"].values())):
        fields += ("light", "status_comment", "origin_session_uid")
    for session_id in {row["id"] for row in _values(before["sessions"])}:
        rows = [row for row in _values(before["actions"]) if row["session_id"] == session_id and not row["deleted"]]
        assert {(*(getattr(a, name) for name in fields), a.due) for a in store.actions(session_id)} == {
            (*(row[name] for name in fields), _date(row["due"])) for row in rows
        }


def _check_partnerships(store: Store, before: dict[str, Rows]) -> None:
    members = _values(before["partnership_sessions"])
    for row in _values(before["partnerships"]):
        sessions = sorted((m for m in members if m["partnership_id"] == row["id"]), key=lambda m: m["position"])
        shown = store.partnership(row["id"])
        assert (shown.name, shown.session_ids) == (row["name"], tuple(m["session_id"] for m in sessions))
        for member in sessions:
            assert store.partnership_of(member["session_id"]) == shown


def _check_action_history(store: Store, before: dict[str, Rows]) -> None:
    rows = _values(before["action_status_history"])
    for action_id in {row["action_id"] for row in rows}:
        assert [(e.at, e.status, e.light, e.comment, e.by, e.session_id) for e in store.action_history(action_id)] == [
            (_datetime(r["at"]), r["status"], r["light"], r["comment"], r["by"], r["session_id"])
            for r in sorted((r for r in rows if r["action_id"] == action_id), key=lambda r: (r["at"], r["id"]))
        ]


API_CHECKS: dict[str, Callable[[Store, dict[str, Rows]], None]] = {
    "sessions": _check_sessions,
    "partners": _check_partners,
    "principles": _check_principles,
    "app_state": _check_app_state,
    "step_plans": _check_step_plans,
    "timer_events": _check_timer_events,
    "checklist": _check_checklist,
    "circles": _check_circles,
    "elements": _check_elements,
    "form_texts": _check_form_texts,
    "form_sources": _check_form_sources,
    "board_notes": _check_board,
    "actions": _check_actions,
    "partnerships": _check_partnerships,
    "action_status_history": _check_action_history,
}


# ---------------------------------------------------------------------------------------


def test_there_is_a_fixture_for_every_schema_revision():
    found = {fixture.stem for fixture in FIXTURE_FILES}
    missing = [revision for revision in REVISIONS if revision not in found]
    assert not missing, (
        f"Schema revision(s) {', '.join(missing)} have no fixture. Make each with "
        f"`uv run python tests/fixtures/schema/make_fixture.py <revision>` and commit the .sql file."
    )
    assert found <= set(REVISIONS), f"fixtures for unknown revisions: {sorted(found - set(REVISIONS))}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_the_fixture_is_the_schema_alembic_builds_at_its_revision(fixture: Path, tmp_path: Path):
    """Editing an old migration would leave users' databases unlike the ones it now builds."""
    from alembic import command
    from alembic.config import Config

    from facilitator.store.database import _MIGRATIONS_DIR, open_engine

    built = tmp_path / "built.sqlite3"
    engine = open_engine(built)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, fixture.stem)
    engine.dispose()
    loaded = tmp_path / "loaded.sqlite3"
    _load(fixture, loaded)

    def objects(path: Path) -> set[tuple]:
        connection = sqlite3.connect(path)
        try:
            return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        finally:
            connection.close()

    assert objects(loaded) == objects(built)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_a_database_at_every_schema_is_migrated_with_every_value(fixture: Path, tmp_path: Path):
    path = tmp_path / "facilitator.sqlite3"
    _load(fixture, path)
    before = table_rows(path)
    schema_before = _schema(path)
    assert [row["version_num"] for row in _values(before.pop("alembic_version"))] == [fixture.stem]
    # An empty table would prove nothing about its migration.
    assert [table for table, rows in before.items() if not rows] == []

    Store(path).close()

    after = table_rows(path)
    schema_after = _schema(path)
    assert [row["version_num"] for row in _values(after.pop("alembic_version"))] == [SCHEMA_HEAD]
    for table, rows in before.items():
        assert table in after, f"the migration dropped the table {table}"
        shared = [name for name in schema_before[table] if name in schema_after[table]]
        assert sorted(after[table]) == sorted(rows), f"{table}: rows were lost or invented"
        for key, old in rows.items():
            new = after[table][key]
            for name in shared:
                assert new[name] == old[name], f"{table} {key} {name}: {old[name]!r} became {new[name]!r}"
        unique = _unique_columns(path, table)
        for name in schema_after[table].keys() - schema_before[table].keys():
            _declared, notnull, default, _pk = schema_after[table][name]
            values = [after[table][key][name][1] for key in rows]
            fallback = _default_value(path, default) if default is not None else None
            # actions.uid is unique per session since 0009 (a follow-up carries an action on).
            if name in unique or (table, name) == ("actions", "uid"):
                # An identity the migration hands out per row (sessions.uid): each its own.
                assert len(set(values)) == len(values), f"{table}.{name} repeats: {values!r}"
                assert fallback not in values, f"{table}.{name} was left at its default in old rows"
            elif default is not None:
                assert set(values) == {fallback}, f"{table}.{name} is not its default {fallback!r}: {values!r}"
            if notnull:
                assert None not in values, f"{table}.{name} is empty in migrated rows"

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.execute("PRAGMA foreign_keys=ON")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()

    store = Store(path)
    try:
        for table, check in API_CHECKS.items():
            if table in before:
                check(store, before)
        # The migrated database takes new words like a new one.
        session_id = min(row["id"] for row in _values(before["sessions"]))
        partner = store.add_partner(session_id, "Ny partner efter opgraderingen")
        circle = store.ensure_circle(session_id, partner.id, "change")
        element = store.add_element(circle.id, "what", "Virker stadig ✅")
        store.set_step_note(session_id, "indledning-kontekst", "Noteret efter opgradering")
        action = store.add_action(session_id, "concept", "Skriv referatet færdigt til fredag", due=dt.date(2026, 5, 1))
        assert store.element(element.id).text == "Virker stadig ✅"
        assert store.action(action.id).due == dt.date(2026, 5, 1)
        assert store.step_notes(session_id)["indledning-kontekst"] == "Noteret efter opgradering"
    finally:
        store.close()
