"""Session files: a whole session out of one store and into another, byte for byte, or refused precisely."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from facilitator.__main__ import main
from facilitator.board import Patch
from facilitator.board import operations as board_actions
from facilitator.demo import DEMO_TITLE
from facilitator.export.session_file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    IMPORTED_SUFFIX,
    SessionExists,
    SessionFileError,
    default_file_name,
    dump_session,
    load_session,
    read_session_file,
    write_session_file,
)
from facilitator.paths import default_program_path
from facilitator.program import load_program
from facilitator.store import Store, StoreError
from facilitator.timing import TimerEvent
from tests.command_line import assert_refused_in_one_line
from tests.databases import table_rows
from tests.schema import database_at
from tests.session_documents import document_of, encoded

# --- helpers ------------------------------------------------------------------------------

#: Every table that belongs to a session, with its id column and the columns that hold ids
#: of other tables (rewritten as ranks, since database ids differ between stores).
# The store's rules hold on both engines (tests/engines.py).
pytestmark = pytest.mark.both_engines


_ID_COLUMNS = {
    "partners": "id",
    "circles": "id",
    "elements": "id",
    "board_clusters": "id",
    "timer_events": "id",
    "form_sources": "id",
    "actions": "id",
}
_REFERENCES = {
    "partner_id": "partners",
    "owner_partner_id": "partners",
    "circle_id": "circles",
    "element_id": "elements",
    "merged_into": "elements",
    "cluster_id": "board_clusters",
}
_TABLES = (
    "partners",
    "principles",
    "step_plans",
    "timer_events",
    "checklist",
    "circles",
    "elements",
    "element_values",
    "board_clusters",
    "board_notes",
    "form_texts",
    "form_sources",
    "actions",
)


def _contents(store: Store, session_id: int) -> dict[str, object]:
    """Every row of the session, database ids replaced by their rank, so two stores (of one engine) compare."""
    with store._engine.connect() as raw:
        parameters = {"session": session_id}
        session = dict(raw.execute(text("SELECT * FROM sessions WHERE id = :session"), parameters).mappings().one())
        session.pop("id")
        rows: dict[str, list[dict]] = {}
        for table in _TABLES:
            if table == "element_values":
                query = "SELECT v.* FROM element_values v JOIN elements e ON e.id = v.element_id WHERE e.session_id = :session"
            elif table == "board_notes":
                query = (
                    "SELECT n.* FROM board_notes n JOIN elements e ON e.id = n.element_id WHERE e.session_id = :session"
                )
            else:
                query = f"SELECT * FROM {table} WHERE session_id = :session"
            rows[table] = [dict(row) for row in raw.execute(text(query), parameters).mappings()]
    ranks = {
        table: {row[column]: rank for rank, row in enumerate(sorted(rows[table], key=lambda row: row[column]))}
        for table, column in _ID_COLUMNS.items()
    }
    result: dict[str, object] = {"sessions": session}
    for table, session_rows in rows.items():
        converted = []
        for row in session_rows:
            row.pop("session_id", None)
            if table in _ID_COLUMNS:
                row["id"] = ranks[table][row["id"]]
            for column, target in _REFERENCES.items():
                if row.get(column) is not None:
                    row[column] = ranks[target][row[column]]
            converted.append(tuple(sorted(row.items())))
        result[table] = sorted(converted, key=repr)
    return result


def _round_trip(source: Store, target: Store, session_id: int, **options) -> tuple[bytes, bytes, int]:
    first = dump_session(source.export_session(session_id))
    imported = target.import_session(load_session(first), **options)
    second = dump_session(target.export_session(imported))
    return first, second, imported


# --- the round trip -------------------------------------------------------------------------


def test_the_demo_session_moves_to_another_store_byte_for_byte_with_every_row(store, demo, other_store):
    session_id = demo
    first, second, imported = _round_trip(store, other_store, session_id)
    assert first == second
    assert _contents(other_store, imported) == _contents(store, session_id)

    document = document_of(first)
    assert (document["format"], document["version"]) == (FORMAT_NAME, FORMAT_VERSION)
    counts = {key: len(value) for key, value in document.items() if isinstance(value, list)}
    assert counts == {
        "partners": 4,
        "principles": 3,
        "step_plans": 2,
        "timer_events": 16,
        "checklist": 8,
        "circles": 13,
        "clusters": 1,
        "elements": 44,
        "form_texts": 12,
        "form_sources": 6,
        "actions": 8,
    }
    # What the app shows, read through the store, is the same too.
    assert [p.display_name for p in other_store.partners(imported)] == [
        p.display_name for p in store.partners(session_id)
    ]
    assert other_store.day_plan(imported) == store.day_plan(session_id)
    assert other_store.step_notes(imported) == store.step_notes(session_id)
    assert other_store.timer_events(imported) == store.timer_events(session_id)
    assert other_store.checklist(imported) == store.checklist(session_id)
    assert other_store.session_uid(imported) == store.session_uid(session_id)
    for kind in ("change", "contribution", "scaling"):
        before, after = store.board_state(session_id, kind), other_store.board_state(imported, kind)
        assert sorted((n.text, n.category, n.x, n.y, n.z) for n in before.notes.values()) == sorted(
            (n.text, n.category, n.x, n.y, n.z) for n in after.notes.values()
        )
        assert [c.name for c in before.clusters.values()] == [c.name for c in after.clusters.values()]


def test_an_action_left_empty_by_an_older_version_is_saved_and_named_on_import(store, demo, other_store):
    """Earlier imports let an empty "what" in: it still leaves the laptop, and an import names it."""
    first = store.actions(demo)[0]
    with store._engine.begin() as raw:
        raw.execute(text("UPDATE actions SET what = '' WHERE id = :id"), {"id": first.id})

    data = dump_session(store.export_session(demo))

    assert document_of(data)["actions"][0]["what"] == ""
    with pytest.raises(SessionFileError) as caught:
        other_store.import_session(load_session(data))
    assert caught.value.location == "actions[0].what"
    assert other_store.list_sessions() == []


def test_the_file_is_canonical_json_with_file_local_ids(demo_file: bytes):
    text = demo_file.decode("utf-8")
    assert text.endswith("}\n")
    assert text.startswith(f'{{\n  "format": "facilitator-session",\n  "version": {FORMAT_VERSION},')
    assert "Kjær" in text  # ensure_ascii=False
    document = document_of(demo_file)
    assert [partner["id"] for partner in document["partners"]] == [1, 2, 3, 4]
    assert [element["id"] for element in document["elements"]] == list(range(1, 45))
    assert document["session"]["created_at"].endswith("Z")
    # Reordered keys and other ids say the same thing: the canonical bytes come back.
    shuffled = document_of(demo_file)
    shuffled = {key: shuffled[key] for key in reversed(list(shuffled))}
    for partner in shuffled["partners"]:
        partner["id"] += 100
    for circle in shuffled["circles"]:
        circle["partner"] += 100
    for element in shuffled["elements"]:
        if element["partner"] is not None:
            element["partner"] += 100
    for action in shuffled["actions"]:
        if action["owner"] is not None:
            action["owner"] += 100
    assert dump_session(load_session(encoded(shuffled))) == demo_file


def test_removed_rows_are_left_out_and_references_to_them_become_null(store, demo, other_store):
    session_id = demo
    kept = store.elements(session_id)
    sources = store.form_sources(session_id)
    # An element a joint text was built from; the trail keeps its words.
    store.remove_element(sources[0].element_id)
    # A whole circle with its elements.
    circle = store.circles(session_id, kind="scaling")[0]
    in_circle = len(store.elements(session_id, circle_id=circle.id))
    store.remove_circle(circle.id)
    store.remove_action(store.actions(session_id)[0].id)
    # A note that a duplicate was merged into: the duplicate disappeared with it.
    board = store.board_state(session_id, "change")
    merged = [note for note in board.notes.values() if note.merged_into is not None]
    assert len(merged) == 1
    store.apply_board_patch(session_id, board_actions.delete([merged[0].merged_into]))

    document = store.export_session(session_id)
    assert len(document["elements"]) == len(kept) - 1 - in_circle - 2
    assert len(document["circles"]) == 12
    assert len(document["actions"]) == 7
    assert document["form_sources"][0]["element"] is None
    assert document["form_sources"][0]["text"] == sources[0].text
    assert all(element["board"] is None or element["board"]["merged_into"] is None for element in document["elements"])

    imported = other_store.import_session(load_session(dump_session(document)))
    assert other_store.form_sources(imported)[0].element_id is None
    assert len(other_store.elements(imported)) == len(document["elements"])
    assert [a.what for a in other_store.actions(imported)] == [a.what for a in store.actions(session_id)]


def test_an_undone_cluster_is_left_out_and_its_notes_unstacked(store, other_store, program):
    session_id = store.create_session(program, title="Klynger")
    store.add_board_note(session_id, "change", "En")
    store.add_board_note(session_id, "change", "To")
    reserved = store.new_cluster_id(session_id, "change")  # never named: an undone stack
    named = store.new_cluster_id(session_id, "change")
    board = store.board_state(session_id, "change")
    ids = sorted(board.notes)
    patch = board_actions.stack(board, ids, named, "Samme ting")
    store.apply_board_patch(session_id, patch)
    store.apply_board_patch(session_id, Patch({ids[1]: {"cluster_id": reserved}}))
    document = store.export_session(session_id)
    assert document["clusters"] == [{"id": 1, "kind": "change", "name": "Samme ting"}]
    assert [element["board"]["cluster"] for element in document["elements"]] == [1, None]
    first, second, _ = _round_trip(store, other_store, session_id)
    assert first == second


_ODD = st.sampled_from(
    [
        "👩🏽‍🌾 Fælles 🌊",
        "e\u0301 cafe\u0301 Å",  # combining accents, kept as written (no normalisation)
        "مرحبا بالعالم",
        "\u202eomvendt\u202c tekst",
        "nul\x00byte og klokke\x07",
        "linje 1\nlinje 2\r\n\ttab",
        "  mellemrum  ",
        '"citat" \\ skråstreg </script>',
        "\u2028\u2029\ufeff\u200b",
        "ø" * 900,
    ]
)
_TEXT = st.one_of(
    _ODD,
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.lists(_ODD, min_size=2, max_size=3).map("".join),
)


@st.composite
def _sessions(draw):
    return {
        "title": "S " + draw(_TEXT),
        "venue": draw(_TEXT),
        "partners": draw(st.lists(st.tuples(_TEXT, _TEXT, _TEXT), min_size=1, max_size=3)),
        "principles": draw(st.lists(_TEXT, max_size=3)),
        "elements": draw(st.lists(_TEXT, max_size=4)),
        "form_text": draw(_TEXT),
        "action": draw(_TEXT),
        "cluster": draw(_TEXT),
        "note": draw(_TEXT),
        "x": draw(st.floats(allow_nan=False, allow_infinity=False, width=64)),
        "elapsed": draw(st.floats(min_value=0, max_value=1e9, allow_nan=False)),
    }


@pytest.fixture(scope="module")
def store_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hypothesis")
    stores = (Store(folder / "a.sqlite3"), Store(folder / "b.sqlite3"))
    yield stores
    for one in stores:
        one.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_sessions())
def test_odd_text_survives_the_round_trip_byte_for_byte(store_pair, data):
    # The program is loaded here, not taken as a fixture: Hypothesis would print its whole
    # text with every example it reports.
    program = load_program(default_program_path())
    source, target = store_pair
    session_id = source.create_session(program, title=data["title"][:500], venue=data["venue"])
    for index, (name, organisation, role) in enumerate(data["partners"]):
        partner = source.add_partner(session_id, f"P{index} {name}"[:200], organisation=organisation, role=role)
    source.set_principles(session_id, data["principles"])
    circle = source.ensure_circle(session_id, partner.id, "change")
    for words in data["elements"]:
        source.add_element(circle.id, "what", "e " + words[:990], value_forms=["social"])
    source.set_form_text(session_id, "ambition", "what", data["form_text"])
    source.add_action(session_id, "relations", "a " + data["action"][:1990], owner_partner_id=partner.id)
    note = source.add_board_note(session_id, "change", "n " + data["note"][:990], x=data["x"], y=-data["x"])
    cluster = source.new_cluster_id(session_id, "change")
    board = source.board_state(session_id, "change")
    source.apply_board_patch(session_id, board_actions.stack(board, [note.id], cluster, "k " + data["cluster"][:190]))
    source.set_step_note(session_id, "indledning-kontekst", data["note"])
    source.set_checklist_item(session_id, "tid-forberedelse", done=True, note=data["note"])
    at = dt.datetime(2026, 4, 27, 7, 0, 0, 123456, tzinfo=dt.UTC)
    source.add_timer_event(session_id, TimerEvent("indledning-kontekst", "start", at, data["elapsed"], 0.0))

    first, second, imported = _round_trip(source, target, session_id)
    assert first == second
    assert _contents(target, imported) == _contents(source, session_id)


# --- all or nothing ----------------------------------------------------------------------------


@pytest.mark.sqlite_only("compares the database file's rows, read past the app, before and after")
def test_a_file_broken_in_its_last_item_leaves_the_store_exactly_as_it_was(other_store, demo_file, demo_database):
    demo_database.replace_contents(other_store)
    document = document_of(demo_file)
    document["actions"][-1]["status"] = "maybe"
    before = table_rows(other_store.path)
    with pytest.raises(SessionFileError, match=r"actions\[7\]\.status"):
        other_store.import_session(document)
    assert table_rows(other_store.path) == before


@pytest.mark.sqlite_only("the full disk is SQLite's error; the archive's own tests stop a real server mid-push")
def test_a_failure_while_writing_undoes_the_whole_import_even_a_replace(other_store, demo_file, full_disk):
    import facilitator.store.transfer as transfer

    other_store.import_session(load_session(demo_file))
    before = table_rows(other_store.path)
    # The actions are the last rows written, after the old session has been deleted.
    full_disk.fill(transfer, "ActionRow")
    with pytest.raises(StoreError, match="Disken er fuld"):
        other_store.import_session(load_session(demo_file), on_existing="replace")
    with pytest.raises(StoreError, match="Disken er fuld"):
        other_store.import_session(load_session(demo_file), on_existing="keep-both")
    assert table_rows(other_store.path) == before


# --- broken files -------------------------------------------------------------------------------


def _broken(demo_file: bytes, change) -> bytes:
    document = document_of(demo_file)
    change(document)
    return encoded(document)


def _set(path: str, value):
    """A change that sets one field, given as 'partners.2.name'."""

    def change(document):
        *parents, last = path.split(".")
        target = document
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()


def _duplicate_partner_id(document):
    document["partners"][1]["id"] = document["partners"][0]["id"]


def _duplicate_element_id(document):
    document["elements"][5]["id"] = document["elements"][2]["id"]


_BROKEN_DOCUMENTS = [
    pytest.param(
        _set("format", "facilitator-program"),
        ['format: er teksten "facilitator-program"', 'Forventet: "facilitator-session"'],
        id="wrong-format-name",
    ),
    pytest.param(_set("format", _DELETE), ["format: feltet mangler", '"facilitator-session"'], id="no-format-name"),
    pytest.param(
        _set("version", FORMAT_VERSION + 1),
        [f"version: filen er skrevet i version {FORMAT_VERSION + 1}", "Opdatér appen", f"version {FORMAT_VERSION}"],
        id="newer",
    ),
    pytest.param(
        _set("version", "1"), ['version: er teksten "1"', f"heltal fra 1 til {FORMAT_VERSION}"], id="version-as-text"
    ),
    pytest.param(
        _set("partners.2.name", 5), ["partners[2].name: er tallet 5", "Forventet: tekst på 1-200 tegn"], id="wrong-type"
    ),
    pytest.param(
        _set("partners.1.colour", _DELETE), ["partners[1].colour: feltet mangler", "#RRGGBB"], id="missing-field"
    ),
    pytest.param(_set("session.title", "  "), ["session.title: er tom", "tekst på 1-20000 tegn"], id="empty-title"),
    pytest.param(
        _set("circles.0.partner", 99),
        ["circles[0].partner: ingen af partnerne i filen har id 99", "(1, 2, 3, 4)"],
        id="no-partner",
    ),
    pytest.param(
        _set("form_sources.0.element", 999),
        ["form_sources[0].element: ingen af elementerne i filen har id 999"],
        id="no-element",
    ),
    pytest.param(
        _set("elements.0.board.cluster", 42),
        ["elements[0].board.cluster: ingen af klyngerne i filen har id 42", "(1) eller null"],
        id="no-cluster",
    ),
    pytest.param(
        _set("elements.0.board.merged_into", 1),
        ["elements[0].board.merged_into", "elementet selv", "et andet element på samme tavle"],
        id="merged-into-itself",
    ),
    pytest.param(
        _duplicate_partner_id, ["partners[1].id: id 1 er allerede brugt (partners[0].id)"], id="duplicate-partner-id"
    ),
    pytest.param(_duplicate_element_id, ["elements[5].id: id 3 er allerede brugt"], id="duplicate-element-id"),
    pytest.param(
        _set("elements.0.text", "x" * 1001),
        ["elements[0].text: teksten er 1001 tegn lang", "tekst på 1-1000 tegn"],
        id="too-long-element",
    ),
    pytest.param(
        _set("partners.0.mandate", "m" * 20_001),
        ["partners[0].mandate: teksten er 20001 tegn lang", "højst 20000 tegn"],
        id="too-long-mandate",
    ),
    pytest.param(
        _set("session.program_text", 'format = "facilitator-program"\nversion = 1\n'),
        ["session.program_text: programmet kan ikke bruges", "et gyldigt program"],
        id="broken-program",
    ),
    pytest.param(
        _set("partners.0.nickname", "MK"), ["partners[0].nickname: ukendt felt", "kun felterne id, name"], id="unknown"
    ),
    pytest.param(_set("actions.2.due", "15.5"), ['actions[2].due: er teksten "15.5"', "ÅÅÅÅ-MM-DD"], id="bad-date"),
    pytest.param(_set("timer_events.0.at", "i går"), ["timer_events[0].at", "ISO 8601"], id="bad-time"),
    pytest.param(_set("elements.3.value_forms", ["social", "glad"]), ["elements[3].value_forms[1]", "en af"], id="vf"),
    pytest.param(
        _set("elements.0.kind", "scaling"), ["elements[0].kind: er scaling, men cirklen er change"], id="kind-mismatch"
    ),
    pytest.param(_set("principles", ["a", "b", "c", "d"]), ["principles: der er 4 principper", "højst 3"], id="four"),
    pytest.param(_set("session.uid", "abc"), ['session.uid: er teksten "abc"', "32 hexadecimale cifre"], id="uid"),
    pytest.param(_set("session.start_time", "25:00"), ["session.start_time", "TT:MM"], id="start-time"),
    pytest.param(_set("partners", {}), ["partners: er et objekt", "en liste af partnere"], id="object-for-list"),
    pytest.param(_set("step_plans.0.minutes", 0), ["step_plans[0].minutes: er tallet 0", "fra 1 til 480"], id="min"),
]


@pytest.mark.parametrize(("change", "expected"), _BROKEN_DOCUMENTS)
def test_a_broken_document_names_the_field_the_problem_and_the_expectation(demo_file, change, expected):
    with pytest.raises(SessionFileError) as raised:
        load_session(_broken(demo_file, change), "kyst.json")
    message = raised.value.message()
    assert message.startswith("Sessionsfilen kyst.json kan ikke indlæses: ")
    for part in expected:
        assert part in message
    assert "\n" not in message
    assert raised.value.location == message.split(": ")[1]


_BROKEN_BYTES = [
    pytest.param(b"{ nope", ["linje 1, kolonne 3: ikke gyldig JSON", "Forventet: en sessionsfil"], id="not-json"),
    pytest.param(b"", ["filen er tom"], id="empty"),
    pytest.param(b"[1, 2]", ["er en liste", '"format": "facilitator-session"'], id="a-list"),
    pytest.param(
        b'{"format": "facilitator-session", "format": "x"}', ['nøglen "format" står to gange'], id="duplicate-key"
    ),
    pytest.param(b"[" * 100_000, ["for dybt indlejret"], id="deep"),
]


@pytest.mark.parametrize(("data", "expected"), _BROKEN_BYTES)
def test_a_file_that_is_no_session_file_says_so(data, expected):
    with pytest.raises(SessionFileError) as raised:
        load_session(data, "x.json")
    for part in expected:
        assert part in raised.value.message()


def test_a_truncated_file_says_it_was_cut_off_and_where_it_ends(demo_file):
    for cut in (len(demo_file) // 2, len(demo_file) - 3, 300):
        with pytest.raises(SessionFileError) as raised:
            load_session(demo_file[:cut], "kyst.json")
        message = raised.value.message("en")
        assert "it was probably cut off" in message
        line = demo_file[:cut].decode("utf-8", "ignore").rstrip().count("\n") + 1
        assert f"line {line}, column" in message


def test_a_file_that_is_not_utf8_names_the_byte(demo_file):
    position = demo_file.index("Kjær".encode())
    data = demo_file[:position] + b"Kj\xe6r" + demo_file[position + len("Kjær".encode()) :]
    with pytest.raises(SessionFileError) as raised:
        load_session(data, "kyst.json")
    message = raised.value.message()
    line = data[:position].count(b"\n") + 1
    assert f"byte {position + 2} (linje {line}, kolonne" in message
    assert "ikke UTF-8" in message
    assert "en tekstfil i UTF-8" in message


def test_values_no_database_can_hold_are_refused_with_their_place(demo_file):
    text = demo_file.decode("utf-8")
    lone = text.replace(f'"title": "{DEMO_TITLE}"', '"title": "Kyst \\ud800"', 1).encode()
    with pytest.raises(SessionFileError, match=r"session\.title: indeholder tegnet U\+D800"):
        load_session(lone)
    document = document_of(demo_file)
    document["elements"][0]["board"]["x"] = float("nan")
    with pytest.raises(SessionFileError, match=r"elements\[0\]\.board\.x: er ikke et endeligt tal"):
        load_session(json.dumps(document).encode())


def test_messages_come_in_english_too(demo_file):
    with pytest.raises(SessionFileError) as raised:
        load_session(_broken(demo_file, _set("partners.2.name", 5)), "kyst.json")
    assert raised.value.message("en") == (
        "The session file kyst.json cannot be imported: partners[2].name: is the number 5. "
        "Expected: text of 1-200 characters."
    )


def test_a_byte_order_mark_and_uncleaned_text_are_accepted(demo_file):
    document = document_of(demo_file)
    document["partners"][0]["name"] = "  Mette\x00 Kjær\n"
    loaded = load_session(b"\xef\xbb\xbf" + encoded(document))
    assert loaded["partners"][0]["name"] == "Mette Kjær"
    assert dump_session(loaded) == demo_file


# --- a session that is already here -------------------------------------------------------------


def test_an_existing_session_is_asked_about_replaced_or_kept_beside(store, demo_file):
    document = load_session(demo_file)
    first = store.import_session(document)
    store.set_last_session_id(first)
    store.update_session(first, title="Ændret her")
    store.add_partner(first, "Ny partner")

    with pytest.raises(SessionExists) as raised:
        store.import_session(document)
    assert (raised.value.session_id, raised.value.title) == (first, "Ændret her")
    assert isinstance(raised.value, StoreError)
    assert len(store.list_sessions()) == 1

    replaced = store.import_session(document, on_existing="replace")
    assert replaced == first
    assert store.get_session(first).title == DEMO_TITLE
    assert len(store.partners(first)) == 4
    assert store.last_session_id() == first
    assert dump_session(store.export_session(first)) == demo_file

    kept = store.import_session(document, on_existing="keep-both")
    assert kept != first
    assert store.get_session(kept).title == DEMO_TITLE + IMPORTED_SUFFIX
    assert store.session_uid(kept) != store.session_uid(first)
    assert re.fullmatch(r"[0-9a-f]{32}", store.session_uid(kept))
    assert len(store.list_sessions()) == 2

    with pytest.raises(ValueError, match="on_existing"):
        store.import_session(document, on_existing="merge")


def test_every_new_session_has_its_own_uid(store, program):
    uids = {store.session_uid(store.create_session(program, title=f"S{index}")) for index in range(3)}
    assert len(uids) == 3
    assert all(re.fullmatch(r"[0-9a-f]{32}", uid) for uid in uids)


def test_sessions_from_before_the_uid_get_one_each_when_migrated(paths, program):
    with database_at(paths.database, "0005") as connection:
        for session_id in (1, 2):
            connection.exec_driver_sql(
                "INSERT INTO sessions (id, title, date, venue, facilitator, start_time, program_name, program_text,"
                " current_step_id, created_at, updated_at) VALUES (?, 'Gammel', NULL, '', '', '09:00', 'p.toml', ?,"
                " NULL, '2026-04-01 10:00:00', '2026-04-01 10:00:00')",
                (session_id, program.source_text),
            )
            connection.exec_driver_sql(
                "INSERT INTO partners (session_id, position, name, organisation, role, mandate, why_now, colour)"
                " VALUES (?, 0, 'Mette', 'Kommune', '', '', '', '#E69F00')",
                (session_id,),
            )
    store = Store(paths.database)
    try:
        uids = [store.session_uid(1), store.session_uid(2)]
        assert uids[0] != uids[1]
        assert all(re.fullmatch(r"[0-9a-f]{32}", uid) for uid in uids)
        assert [p.name for p in store.partners(1)] == ["Mette"]
        with sqlite3.connect(paths.database) as raw, pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE sessions SET uid = ? WHERE id = 2", (uids[0],))
    finally:
        store.close()


# --- files ---------------------------------------------------------------------------------------


def test_files_are_written_whole_and_read_back(store, tmp_path: Path, demo_file):
    session_id = store.import_session(load_session(demo_file))
    folder = tmp_path / "out"
    folder.mkdir()
    path = write_session_file(folder / default_file_name(DEMO_TITLE), store.export_session(session_id))
    assert path.name == "Kystpartnerskab Vesterhavsbugten.json"
    assert path.read_bytes() == demo_file
    assert read_session_file(path) == load_session(demo_file)
    # No temporary file is left beside it.
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_a_missing_file_is_named(tmp_path: Path):
    with pytest.raises(SessionFileError, match="findes ikke"):
        read_session_file(tmp_path / "væk.json")


def test_reading_and_checking_needs_no_database(demo_file):
    # The GUI can check a file before it asks anything: reading touches no store.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.json"
        path.write_bytes(demo_file)
        assert read_session_file(path)["session"]["title"] == DEMO_TITLE


# --- the command line ------------------------------------------------------------------------------


def test_export_file_then_import_on_another_laptop(tmp_path: Path, capsys, demo_database):
    here, there, file = tmp_path / "here", tmp_path / "there", tmp_path / "kyst.json"
    demo_database.copy_to(here / "facilitator.sqlite3")
    assert (
        main(["--data-dir", str(here), "export", DEMO_TITLE, "--file", str(file), "--csv", str(tmp_path / "h.csv")])
        == 0
    )
    out = capsys.readouterr().out
    assert f"Gemt: {file}" in out
    assert "h.csv" in out
    assert main(["--data-dir", str(there), "import", str(file)]) == 0
    assert capsys.readouterr().out.strip() == f"Indlæst: »{DEMO_TITLE}« (id 1)"

    code = main(["--data-dir", str(there), "import", str(file)])
    assert_refused_in_one_line(
        code, *capsys.readouterr(), f"»{DEMO_TITLE}« (id 1) findes allerede", "--replace", "--keep-both"
    )

    assert main(["--data-dir", str(there), "import", str(file), "--keep-both"]) == 0
    assert capsys.readouterr().out.strip() == f"Indlæst: »{DEMO_TITLE}{IMPORTED_SUFFIX}« (id 2)"
    assert main(["--data-dir", str(there), "import", str(file), "--replace"]) == 0
    assert capsys.readouterr().out.strip() == f"Indlæst: »{DEMO_TITLE}« (id 1)"
    assert main(["--data-dir", str(there), "export", "1", "--file", str(tmp_path / "again.json")]) == 0
    assert (tmp_path / "again.json").read_bytes() == file.read_bytes()


def test_export_asks_for_at_least_one_output_including_file(tmp_path: Path, capsys, demo_database):
    demo_database.copy_to(tmp_path / "facilitator.sqlite3")
    code = main(["--data-dir", str(tmp_path), "export", "1"])
    assert_refused_in_one_line(code, *capsys.readouterr(), "Angiv mindst én af --pdf, --csv, --ics og --file.")


def test_export_file_to_a_missing_folder_is_one_line(tmp_path: Path, capsys, demo_database):
    demo_database.copy_to(tmp_path / "facilitator.sqlite3")
    code = main(["--data-dir", str(tmp_path), "export", "1", "--file", str(tmp_path / "no" / "s.json")])
    assert_refused_in_one_line(code, *capsys.readouterr(), "mappen findes ikke")


def test_replace_and_keep_both_cannot_be_combined(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["import", str(tmp_path / "s.json"), "--replace", "--keep-both"])
    assert exited.value.code == 2


def test_importing_a_broken_file_exits_2_with_one_line_and_no_traceback(tmp_path: Path, demo_file, capsys):
    broken = tmp_path / "kyst.json"
    broken.write_bytes(_broken(demo_file, _set("circles.0.partner", 99)))
    # In this process: tests/core/test_cli.py runs the command in a process of its own.
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(broken)])
    assert_refused_in_one_line(code, *capsys.readouterr(), "kyst.json", "circles[0].partner", "har id 99")
    # Nothing was stored.
    store = Store(tmp_path / "data" / "facilitator.sqlite3")
    try:
        assert store.list_sessions() == []
    finally:
        store.close()


def test_importing_a_missing_file_exits_2(tmp_path: Path, capsys):
    code = main(["--data-dir", str(tmp_path), "import", str(tmp_path / "væk.json")])
    assert_refused_in_one_line(code, *capsys.readouterr(), "findes ikke")


def test_the_document_is_not_changed_by_checking(demo_file):
    document = document_of(demo_file)
    before = copy.deepcopy(document)
    load_session(encoded(document))
    dump_session(document)
    assert document == before
