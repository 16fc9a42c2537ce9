"""One rule per field for the store and the session file: what one keeps, the other accepts.

The session file's check once repeated the store's cleaning rules, and the copies drifted
apart; each test here holds a place where they had. `test_bad_input.py` holds the rest
(every text field: what the store keeps goes out in a session file and comes back).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from facilitator.board import Patch
from facilitator.export.session_file import SessionFileError, dump_session, load_session
from facilitator.program import Program
from facilitator.store import Store, StoreError
from tests.databases import table_rows


@dataclass(frozen=True)
class Day:
    session: int
    partner: int
    circle: int
    element: int
    action: int
    cluster: int


@pytest.fixture
def day(store: Store, program: Program) -> Day:
    session = store.create_session(program, title="Kystpartnerskab")
    partner = store.add_partner(session, "José").id  # é composed: U+00E9
    circle = store.ensure_circle(session, partner, "change").id
    element = store.add_element(circle, "what", "Færre oversvømmelser").id
    action = store.add_action(session, "relations", "Ring til Kystdirektoratet").id
    cluster = store.new_cluster_id(session, "change")  # reserved for a stack, not named yet
    return Day(session, partner, circle, element, action, cluster)


# --- partners told apart as a reader tells them apart ------------------------------------------


def test_a_file_with_jose_twice_composed_and_decomposed_is_refused_naming_the_partner(store, other_store, day, program):
    """The store refuses "Jose" + a combining accent beside "José"; a session file may not bring it in either."""
    with pytest.raises(StoreError, match="allerede en partner"):
        store.add_partner(day.session, "Jose\u0301")
    document = store.export_session(day.session)
    document["partners"].append({**document["partners"][0], "id": 2, "name": "Jose\u0301", "colour": "#56B4E9"})
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    other_store.create_session(program, title="Her i forvejen")
    before = table_rows(other_store.path)

    for attempt in (lambda: other_store.import_session(document), lambda: load_session(data, "kyst.json")):
        with pytest.raises(SessionFileError) as caught:
            attempt()
        assert caught.value.location == "partners[1].name"
        assert "partners[1].name: samme navn og organisation som partners[0]" in caught.value.message("da")
        assert "partners[1].name: the same name and organisation as partners[0]" in caught.value.message("en")
    assert table_rows(other_store.path) == before


def test_a_partner_written_the_other_way_in_another_organisation_is_kept_by_both(store, other_store, day):
    store.add_partner(day.session, "Jose\u0301", organisation="Kommunen")
    first = dump_session(store.export_session(day.session))
    imported = other_store.import_session(load_session(first))
    assert [partner.name for partner in other_store.partners(imported)] == ["José", "Jose\u0301"]


# --- colours ---------------------------------------------------------------------------------------


def test_a_colour_in_a_file_is_read_as_the_store_reads_a_given_one(store, other_store, day):
    assert store.update_partner(day.partner, colour=" #e69f00 ").colour == "#E69F00"
    document = store.export_session(day.session)
    document["partners"][0]["colour"] = " #e69f00 "
    imported = other_store.import_session(document)
    assert [partner.colour for partner in other_store.partners(imported)] == ["#E69F00"]


@pytest.mark.parametrize("colour", ["#E69F0", "E69F00", "#E69F00FF", "#GGGGGG", ""])
def test_a_colour_that_is_not_one_is_refused_by_both(store, other_store, day, colour):
    with pytest.raises(StoreError, match="Farven"):
        store.update_partner(day.partner, colour=colour)
    document = store.export_session(day.session)
    document["partners"][0]["colour"] = colour
    with pytest.raises(SessionFileError) as caught:
        other_store.import_session(document)
    assert caught.value.location == "partners[0].colour"


# --- next steps ------------------------------------------------------------------------------------


def test_an_action_without_words_is_refused_in_a_file_as_when_typed(store, other_store, day):
    with pytest.raises(StoreError, match="Skriv, hvad der skal gøres"):
        store.update_action(day.action, what=" \t ")
    document = store.export_session(day.session)
    document["actions"][0]["what"] = " \t "
    before = table_rows(other_store.path)
    with pytest.raises(SessionFileError) as caught:
        other_store.import_session(document)
    assert caught.value.location == "actions[0].what"
    assert "actions[0].what: er tom" in caught.value.message("da")
    assert "actions[0].what: is empty" in caught.value.message("en")
    assert table_rows(other_store.path) == before


# --- text that is not Unicode ----------------------------------------------------------------------

_NOT_UNICODE = "Kyst \ud800 linje"  # a lone surrogate: JSON and Python can spell it, no database can store it

WRITES = {
    "session venue": lambda s, d: s.update_session(d.session, venue=_NOT_UNICODE),
    "partner name": lambda s, d: s.add_partner(d.session, _NOT_UNICODE),
    "partner role": lambda s, d: s.update_partner(d.partner, role=_NOT_UNICODE),
    "principle": lambda s, d: s.set_principles(d.session, [_NOT_UNICODE]),
    "step note": lambda s, d: s.set_step_note(d.session, "indledning-kontekst", _NOT_UNICODE),
    "circle title": lambda s, d: s.rename_circle(d.circle, _NOT_UNICODE),
    "element": lambda s, d: s.update_element(d.element, _NOT_UNICODE),
    "board note": lambda s, d: s.add_board_note(d.session, "change", _NOT_UNICODE),
    "cluster name": lambda s, d: s.apply_board_patch(d.session, Patch({}, {d.cluster: _NOT_UNICODE})),
    "joint text": lambda s, d: s.set_form_text(d.session, "ambition", "what", _NOT_UNICODE),
    "form source": lambda s, d: s.add_form_source(d.session, "ambition", "what", d.element, _NOT_UNICODE),
    "action": lambda s, d: s.update_action(d.action, with_whom=_NOT_UNICODE),
}


@pytest.mark.parametrize("name", WRITES)
def test_text_that_is_not_valid_unicode_is_refused_when_typed_as_in_a_file(store, day, name):
    """The file's check names such a character; the store must too, not fail inside SQLite without a word."""
    before = table_rows(store.path)
    with pytest.raises(StoreError) as caught:
        WRITES[name](store, day)
    assert "U+D800" in caught.value.message("da")
    assert "U+D800" in caught.value.message("en")
    assert table_rows(store.path) == before


# --- categories ------------------------------------------------------------------------------------


@pytest.mark.parametrize("category", ["", "fælles\nforskelle", "x" * 65, 7])
def test_a_category_is_a_name_from_the_program_for_the_store_as_for_a_file(store, other_store, day, category):
    with pytest.raises(ValueError, match="category"):
        store.set_element_category(day.element, category)
    with pytest.raises(ValueError, match="category"):
        store.apply_board_patch(day.session, Patch({day.element: {"category": category, "x": 1.0, "y": 2.0}}))
    assert store.element(day.element).category is None
    document = store.export_session(day.session)
    document["elements"][0]["category"] = category
    with pytest.raises(SessionFileError) as caught:
        other_store.import_session(document)
    assert caught.value.location == "elements[0].category"


# --- the format needs no database ------------------------------------------------------------------


def test_a_session_document_is_checked_without_qt_or_sqlalchemy(store, day):
    document = store.export_session(day.session)
    script = (
        "import json, sys\n"
        "sys.modules['sqlalchemy'] = None\n"
        "sys.modules['PySide6'] = None\n"
        "from facilitator.store import fields, limits, session_document\n"
        "from facilitator.store.session_check import check_session_document\n"
        "document = check_session_document(json.loads(sys.stdin.read()))\n"
        "sys.stdout.write(json.dumps(document, ensure_ascii=False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(document, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == document
