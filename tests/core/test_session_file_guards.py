"""Session files as a real day met them: values that hang the board, cycles, backups, numbered copies.

The table of broken documents is in tests/core/test_session_file.py; these are the cases
found by using the app (issue 18), each with what it must do now.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.__main__ import main
from facilitator.demo import DEMO_TITLE
from facilitator.export.session_file import (
    FORMAT_VERSION,
    IMPORTED_SUFFIX,
    SessionFileError,
    dump_session,
    load_session,
)
from facilitator.store import Store
from tests.command_line import assert_refused_in_one_line
from tests.session_documents import as_version_2, document_of, encoded


def _refused(document: dict, *parts: str) -> SessionFileError:
    with pytest.raises(SessionFileError) as raised:
        load_session(encoded(document), "kyst.json")
    message = raised.value.message()
    for part in parts:
        assert part in message
    english = raised.value.message("en")
    assert english.startswith("The session file kyst.json cannot be imported: ")
    return raised.value


# --- 2. a replacing import backs up first, from the menu and the command line alike ------


def test_import_replace_on_the_command_line_makes_a_backup_first(tmp_path: Path, capsys, demo_file):
    file = tmp_path / "kyst.json"
    file.write_bytes(demo_file)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(file)]) == 0
    store = Store(data / "facilitator.sqlite3")
    try:
        assert [backup.reason for backup in store.backups.list()] == []
    finally:
        store.close()
    assert main(["--data-dir", str(data), "import", str(file), "--replace"]) == 0
    capsys.readouterr()
    store = Store(data / "facilitator.sqlite3")
    try:
        assert "import" in [backup.reason for backup in store.backups.list()]
    finally:
        store.close()


def test_a_replace_that_cannot_back_up_replaces_nothing(store, demo_file, monkeypatch):
    from facilitator.store import StoreError
    from facilitator.text import Text

    session_id = store.import_session(load_session(demo_file))
    store.update_session(session_id, title="Min udgave")

    def no_backup(*_args, **_kwargs):
        raise StoreError(Text("Sikkerhedskopien kunne ikke laves.", "The backup could not be made."))

    monkeypatch.setattr(store.backups, "make", no_backup)
    with pytest.raises(StoreError, match="Sikkerhedskopien"):
        store.import_session(load_session(demo_file), on_existing="replace")
    assert store.get_session(session_id).title == "Min udgave"


# --- 8. copies kept beside each other are numbered --------------------------------------


def test_a_second_keep_both_import_numbers_the_copy(tmp_path: Path, capsys, demo_file):
    file = tmp_path / "kyst.json"
    file.write_bytes(demo_file)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(file)]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[1:] == [
        f"Indlæst: »{DEMO_TITLE}{IMPORTED_SUFFIX}« (id 2)",
        f"Indlæst: »{DEMO_TITLE} (importeret 2)« (id 3)",
        f"Indlæst: »{DEMO_TITLE} (importeret 3)« (id 4)",
    ]


def test_refused_in_one_line_is_still_one_line_for_a_cycle(tmp_path: Path, capsys, demo_file):
    document = document_of(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"], second["board"]["merged_into"] = second["id"], first["id"]
    file = tmp_path / "kyst.json"
    file.write_bytes(encoded(document))
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(file)])
    assert_refused_in_one_line(code, *capsys.readouterr(), "merged_into")


def _two_notes_on_one_board(document: dict) -> tuple[dict, dict]:
    on_board = [element for element in document["elements"] if element["board"] is not None]
    first = on_board[0]
    second = next(e for e in on_board[1:] if e["kind"] == first["kind"] and e["board"]["merged_into"] is None)
    return first, second


# --- 3. merged notes lead to a note on the board ----------------------------------------


def test_a_merge_cycle_is_refused_naming_the_ring(demo_file):
    document = document_of(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"], second["board"]["merged_into"] = second["id"], first["id"]
    index = document["elements"].index(first)
    _refused(document, f"elements[{index}].board.merged_into: sammenlægningerne går i ring", "ender i en post-it")


def test_a_longer_ring_is_refused_too(demo_file):
    document = document_of(demo_file)
    kind = document["elements"][0]["kind"]
    ring = [e for e in document["elements"] if e["kind"] == kind and e["board"] is not None][:3]
    for element, target in zip(ring, ring[1:] + ring[:1], strict=True):
        element["board"]["merged_into"] = target["id"]
    _refused(document, "går i ring")


def test_a_merge_chain_that_ends_off_the_board_is_refused(demo_file):
    document = document_of(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"] = second["id"]
    second["board"] = None
    _refused(document, "som ikke er på tavlen")


def test_a_chain_of_merges_that_ends_on_the_board_is_kept(demo_file):
    document = document_of(demo_file)
    kind = document["elements"][0]["kind"]
    chain = [e for e in document["elements"] if e["kind"] == kind and e["board"] is not None][:3]
    for element in chain:
        element["board"]["merged_into"] = None
    chain[0]["board"]["merged_into"] = chain[1]["id"]
    chain[1]["board"]["merged_into"] = chain[2]["id"]
    loaded = load_session(encoded(document))
    assert loaded["elements"][document["elements"].index(chain[0])]["board"]["merged_into"] is not None


# --- 1. a place far off the board is refused, and never makes the board hang -------------


@pytest.mark.parametrize("value", [1_000_000.0, -250_000.0, 1e308])
def test_a_place_far_off_the_board_is_refused_naming_the_note(demo_file, value):
    document = document_of(demo_file)
    index, element = next((i, e) for i, e in enumerate(document["elements"]) if e["board"] is not None)
    element["board"]["x"] = value
    error = _refused(
        document,
        f"elements[{index}].board.x: post-itten",
        element["text"][:20],
        "ligger uden for tavlen",
        "fra -200000 til 200000",
    )
    assert "lies outside the board" in error.message("en")


def test_a_place_at_the_edge_of_the_board_area_is_kept(demo_file):
    document = document_of(demo_file)
    element = next(e for e in document["elements"] if e["board"] is not None)
    element["board"]["y"] = -200_000.0
    assert any(e["board"] and e["board"]["y"] == -200_000.0 for e in load_session(encoded(document))["elements"])


@pytest.mark.parametrize("reach", [1e6, 1e308, float("inf"), float("nan")])
def test_the_layout_stops_growing_for_a_note_far_away(reach):
    from facilitator.board.layout import MAX_BOARD_REACH, MIN_RADIUS, layout_for

    layout = layout_for(("a", "b", "c"), {"a": 3}, reach=reach, tray_depth=reach)
    assert MIN_RADIUS <= layout.radius <= MAX_BOARD_REACH * 1.05
    assert len(layout.slots("a")) >= 3


def test_the_store_keeps_a_dropped_note_within_the_board_area(store, program):
    from facilitator.board import Patch
    from facilitator.store.limits import MAX_BOARD_PLACE

    session_id = store.create_session(program, title="Kant")
    note = store.add_board_note(session_id, "change", "langt ude", x=5e6, y=float("nan"))
    store.apply_board_patch(session_id, Patch({note.id: {"y": -1e300}}))
    [stored] = store.board_state(session_id, "change").notes.values()
    assert (stored.x, stored.y) == (MAX_BOARD_PLACE, -MAX_BOARD_PLACE)
    # What the store keeps goes out in a file and comes back.
    assert load_session(dump_session(store.export_session(session_id)))


# --- 4. timer times are never negative ----------------------------------------------------


@pytest.mark.parametrize("field", ["elapsed", "amount"])
def test_a_negative_timer_time_is_refused(demo_file, field):
    document = document_of(demo_file)
    document["timer_events"][0][field] = -3600.0
    error = _refused(document, f"timer_events[0].{field}: er tallet -3600.0", "et tal fra 0 til 604800 (sekunder)")
    assert "a number from 0 to 604800 (seconds)" in error.message("en")


def test_the_store_keeps_timer_times_from_zero(store, program):
    import datetime as dt

    from facilitator.timing import TimerEvent

    session_id = store.create_session(program, title="Tid")
    at = dt.datetime(2026, 4, 27, 7, tzinfo=dt.UTC)
    store.add_timer_event(session_id, TimerEvent("indledning-kontekst", "start", at, -60.0, -5.0))
    [event] = store.export_session(session_id)["timer_events"]
    assert (event["elapsed"], event["amount"]) == (0.0, 0.0)


# --- 5. names the program and the method do not have ---------------------------------------


def _other_board_category(document: dict, kind: str) -> str:
    from facilitator.program import load_program_text

    program = load_program_text(document["session"]["program_text"])
    own = {category.id for category in program.board_categories(kind)}
    return next(
        category.id
        for other in ("change", "contribution", "scaling")
        for category in program.board_categories(other)
        if category.id not in own
    )


def test_a_category_of_another_board_is_refused(demo_file):
    document = document_of(demo_file)
    index, element = next((i, e) for i, e in enumerate(document["elements"]) if e["kind"] == "change")
    element["category"] = _other_board_category(document, "change")
    _refused(document, f'elements[{index}].category: "{element["category"]}" er ikke en sektor på change-tavlen')


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("step_plans", 0, "step_id"), 'step_plans[0].step_id: "ukendt-trin" er ikke et trin i sessionens program'),
        (("timer_events", 0, "step_id"), 'timer_events[0].step_id: "ukendt-trin" er ikke et trin'),
        (("session", "current_step_id"), 'session.current_step_id: "ukendt-trin" er ikke et trin'),
        (("checklist", 0, "item_id"), 'checklist[0].item_id: "ukendt-trin" er ikke et punkt på metodens tjekliste'),
    ],
)
def test_a_step_or_checklist_item_the_program_does_not_have_is_refused(demo_file, path, expected):
    document = document_of(demo_file)
    *parents, last = path
    target = document
    for key in parents:
        target = target[key]
    target[last] = "ukendt-trin"
    _refused(document, expected, "Forventet: et af ")


# --- 6. the program text has a limit -------------------------------------------------------


def test_a_program_text_over_the_limit_is_refused_before_it_is_read(demo_file):
    from facilitator.store.limits import MAX_PROGRAM_TEXT_LENGTH

    document = document_of(demo_file)
    document["session"]["program_text"] += "#" * MAX_PROGRAM_TEXT_LENGTH
    _refused(document, "session.program_text: programmet er", f"højst {MAX_PROGRAM_TEXT_LENGTH} tegn")


# --- 7. a number of thousands of digits names its field ------------------------------------


def test_a_ten_thousand_digit_number_names_its_field_in_the_users_language(demo_file):
    document = document_of(demo_file)
    document["actions"][0]["position"] = "@@HUGE@@"
    data = encoded(document).replace(b'"@@HUGE@@"', b"9" * 10_000)
    with pytest.raises(SessionFileError) as raised:
        load_session(data, "kyst.json")
    message = raised.value.message()
    assert "actions[0].position: er et tal på 10000 cifre" in message
    assert "et heltal fra 0 til" in message
    assert "actions[0].position: is a number of 10000 digits" in raised.value.message("en")
    assert "int_max_str_digits" not in message + raised.value.message("en")


# --- 9. an action's calendar event has one UID wherever the session goes ------------------


def _calendar_uids(store: Store, session_id: int) -> list[str]:
    import icalendar

    from facilitator.export import actions_ics, take_snapshot

    calendar = icalendar.Calendar.from_ical(actions_ics(take_snapshot(store, session_id)))
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_the_same_session_on_another_laptop_gives_the_same_calendar_uids(store, demo, other_store):
    here = _calendar_uids(store, demo)
    moved = other_store.import_session(load_session(dump_session(store.export_session(demo))))
    assert _calendar_uids(other_store, moved) == here
    assert len(set(here)) == len(here) > 0
    session_uid = store.session_uid(demo)
    assert all(uid.endswith(f"-{session_uid}@facilitator") for uid in here)


def test_two_sessions_never_share_calendar_uids_even_with_the_same_row_ids(store, other_store, program):
    from facilitator.demo import create_demo_session

    first, second = create_demo_session(store), create_demo_session(other_store)
    assert first == second  # the same database ids, as on two laptops
    assert not set(_calendar_uids(store, first)) & set(_calendar_uids(other_store, second))


def test_a_copy_kept_beside_has_events_of_its_own(store, demo):
    document = load_session(dump_session(store.export_session(demo)))
    copy = store.import_session(document, on_existing="keep-both")
    assert not set(_calendar_uids(store, copy)) & set(_calendar_uids(store, demo))
    # Replacing keeps them: the replaced session is the same session.
    before = _calendar_uids(store, demo)
    assert _calendar_uids(store, store.import_session(document, on_existing="replace")) == before


def test_every_new_action_has_its_own_uid(store, demo):
    import re

    uids = [action.uid for action in store.actions(demo)]
    added = store.add_action(demo, "concept", "Skriv referatet")
    assert re.fullmatch(r"[0-9a-f]{32}", added.uid)
    assert len({*uids, added.uid}) == len(uids) + 1


def test_a_version_1_file_without_action_uids_is_read_the_same_on_every_laptop(demo_file, tmp_path):
    document = as_version_2(document_of(demo_file))
    document["version"] = 1
    for action in document["actions"]:
        del action["uid"]
    uids = []
    for name in ("a", "b"):
        store = Store(tmp_path / name / "facilitator.sqlite3")
        try:
            session_id = store.import_session(load_session(encoded(document)))
            uids.append([action.uid for action in store.actions(session_id)])
            assert store.export_session(session_id)["version"] == FORMAT_VERSION
        finally:
            store.close()
    assert uids[0] == uids[1]
    assert len(set(uids[0])) == len(uids[0]) > 0
    # Version 1 had no uid: a file that says version 1 and has one is refused like any unknown field.
    document["actions"][0]["uid"] = "0" * 32
    _refused(document, "actions[0].uid: ukendt felt")


def test_a_version_2_file_is_read_with_every_circle_shown_and_every_element_typed(store, demo_file):
    document = as_version_2(document_of(demo_file))
    session_id = store.import_session(load_session(encoded(document)))
    assert all(circle.revealed for circle in store.circles(session_id))
    assert not any(element.written_on_device for element in store.elements(session_id))
    # Version 2 had no such field: a file that says 2 and has one is refused like any unknown field.
    document["circles"][0]["revealed"] = False
    _refused(document, "circles[0].revealed: ukendt felt")


def test_the_room_marks_travel_in_the_session_file(store, demo, other_store):
    phone = next(e for e in store.elements(demo) if e.circle_id is not None)
    circle = store.add_circle(demo, phone.partner_id, "change", "Fra telefonen")
    written = store.add_element(circle.id, "what", "Skrevet på telefonen", written_on_device=True)
    assert not store.circles(demo, partner_id=phone.partner_id, kind="change")[-1].revealed
    document = store.export_session(demo)
    imported = other_store.import_session(load_session(dump_session(document)))
    [copy] = [e for e in other_store.elements(imported) if e.text == written.text]
    assert copy.written_on_device
    revealed = {c.title: c.revealed for c in other_store.circles(imported)}
    assert revealed["Fra telefonen"] is False
    assert sum(1 for e in other_store.elements(imported) if e.written_on_device) == sum(
        1 for e in store.elements(demo) if e.written_on_device
    )
    bad = document_of(dump_session(document))
    bad["elements"][0]["written_on_device"] = "ja"
    _refused(bad, "elements[0].written_on_device")


def test_an_action_uid_twice_in_one_file_is_refused(demo_file):
    document = document_of(demo_file)
    document["actions"][1]["uid"] = document["actions"][0]["uid"]
    _refused(document, "actions[1].uid: samme uid som actions[0]")
    document["actions"][1]["uid"] = "nej"
    _refused(document, 'actions[1].uid: er teksten "nej"', "32 hexadecimale cifre")


def test_a_file_whose_action_uids_another_session_holds_gets_new_ones(store, demo, demo_file):
    document = document_of(dump_session(store.export_session(demo)))
    document["session"]["uid"] = "f" * 32  # an edited copy: another session, the same actions
    other = store.import_session(load_session(encoded(document)))
    assert not {a.uid for a in store.actions(other)} & {a.uid for a in store.actions(demo)}


def test_a_far_place_a_database_already_holds_still_gives_a_report(store, demo):
    import sqlite3

    from facilitator.export import build_pdf, take_snapshot

    # Written past the store, as a database filled by an older version may hold it.
    with sqlite3.connect(store.path) as raw:
        raw.execute(
            "UPDATE board_notes SET x = 1e308 WHERE element_id = "
            "(SELECT element_id FROM board_notes JOIN elements ON elements.id = element_id "
            "WHERE category IS NOT NULL AND merged_into IS NULL LIMIT 1)"
        )
    raw.close()
    assert build_pdf(take_snapshot(store, demo), "report").startswith(b"%PDF")


def test_what_an_older_version_stored_out_of_bounds_is_still_saved_as_a_file(store, demo):
    import sqlite3

    from facilitator.store.limits import MAX_BOARD_PLACE

    # Written past the store, as an import by an older version could have left them.
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE timer_events SET elapsed = -60, amount = -5")
        raw.execute("UPDATE board_notes SET x = 1e9 WHERE x IS NOT NULL")
    raw.close()
    document = store.export_session(demo)
    assert {(event["elapsed"], event["amount"]) for event in document["timer_events"]} == {(0.0, 0.0)}
    assert {e["board"]["x"] for e in document["elements"] if e["board"] and e["board"]["x"] is not None} == {
        MAX_BOARD_PLACE
    }
    assert load_session(dump_session(document))


def test_a_huge_integer_handed_over_in_code_is_named_too(store, demo_file):
    document = document_of(demo_file)
    document["actions"][0]["position"] = 10**10_000
    with pytest.raises(SessionFileError, match=r"actions\[0\]\.position: er et tal på over 100 cifre"):
        store.import_session(document)
