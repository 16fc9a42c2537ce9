"""Session files of version 3 carry partnerships, action statuses, lights and their history;
versions 1 and 2 still import."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from facilitator.export import action_log_ics
from facilitator.export.session_file import FORMAT_VERSION, SessionFileError, dump_session, load_session
from facilitator.store import Store
from tests.session_documents import as_version_2, document_of, encoded

SAID = dt.datetime(2026, 6, 24, 10, 30)


def _followup_with_statuses(store: Store, demo: int) -> int:
    source = store.get_session(demo)
    store.set_action_status(store.actions(demo)[0].id, light="green", comment="God start", by="Mette", now=SAID)
    followup = store.create_followup(
        demo,
        program_name=source.program_name,
        program_text=source.program_text,
        date=dt.date(2026, 6, 24),
        title=store.followup_title(demo),
    ).id
    first, second = store.actions(followup)[:2]
    store.set_action_status(
        first.id, status="started", light="yellow", comment="Afventer svar 🌊", by="Jonas", now=SAID
    )
    store.set_action_status(second.id, status="dropped", light="red", comment="Opgivet i juni", now=SAID)
    return followup


def _moved(store: Store, other: Store, session_id: int) -> tuple[bytes, int]:
    data = dump_session(store.export_session(session_id))
    return data, other.import_session(load_session(data))


def test_a_follow_up_moves_to_another_laptop_with_its_statuses_history_and_partnership(
    store: Store, demo: int, other_store: Store
):
    followup = _followup_with_statuses(store, demo)
    data, moved = _moved(store, other_store, followup)
    document = document_of(data)
    assert document["version"] == FORMAT_VERSION == 3
    assert document["partnership"]["name"] == store.partnership_of(demo).name
    assert dump_session(other_store.export_session(moved)) == data
    fields = ("uid", "what", "status", "light", "status_comment", "status_changed_at", "origin_session_uid")
    assert [tuple(getattr(a, f) for f in fields) for a in other_store.actions(moved)] == [
        tuple(getattr(a, f) for f in fields) for a in store.actions(followup)
    ]
    for here, there in zip(store.actions(followup), other_store.actions(moved), strict=True):
        assert [(e.at, e.status, e.light, e.comment, e.by) for e in other_store.action_history(there.id)] == [
            (e.at, e.status, e.light, e.comment, e.by) for e in store.action_history(here.id)
        ]
    # Said at the first meeting, which is not on the other laptop (yet): no session named.
    carried = other_store.actions(moved)[0]
    assert other_store.action_history(carried.id)[0].session_id is None
    assert other_store.partnership_of(moved).name == store.partnership_of(followup).name


def test_both_meetings_imported_meet_in_one_partnership_with_the_same_calendar(
    store: Store, demo: int, other_store: Store
):
    followup = _followup_with_statuses(store, demo)
    # The follow-up first: a laptop may get the files in any order.
    _data, second = _moved(store, other_store, followup)
    _data, first = _moved(store, other_store, demo)
    partnership = other_store.partnership_of(first)
    assert partnership is not None
    assert partnership.session_ids == (first, second)
    assert other_store.partnership_of(second) == partnership
    # What was said at the first meeting now names it, though its file came second.
    carried = other_store.actions(second)[0]
    assert other_store.action_history(carried.id)[0].session_id == first
    # Carried actions keep their uids: the same actions in both meetings, one calendar event each.
    assert {a.uid for a in other_store.actions(second)} <= {a.uid for a in other_store.actions(first)}

    def uids(where: Store) -> set[str]:
        log = where.action_log(where.partnership_of(first if where is other_store else demo).id)
        calendar = icalendar.Calendar.from_ical(action_log_ics(log, "Log"))
        return {str(event["UID"]) for event in calendar.walk("VEVENT")}

    assert uids(other_store) == uids(store)


def test_a_copy_kept_beside_joins_no_partnership(store: Store, demo: int):
    followup = _followup_with_statuses(store, demo)
    document = load_session(dump_session(store.export_session(followup)))
    copy = store.import_session(document, on_existing="keep-both")
    assert store.partnership_of(copy) is None
    assert store.partnership_of(followup).session_ids == (demo, followup)
    assert not {a.uid for a in store.actions(copy)} & {a.uid for a in store.actions(followup)}


@pytest.mark.parametrize("version", [1, 2])
def test_files_of_versions_1_and_2_still_import(demo_file: bytes, other_store: Store, version: int):
    document = as_version_2(document_of(demo_file))
    if version == 1:
        document["version"] = 1
        for action in document["actions"]:
            del action["uid"]
    session_id = other_store.import_session(load_session(encoded(document)))
    actions = other_store.actions(session_id)
    assert len(actions) == len(document["actions"])
    assert all(a.light is None and a.status_comment == "" for a in actions)
    assert other_store.partnership_of(session_id) is None
    assert other_store.export_session(session_id)["version"] == FORMAT_VERSION


@pytest.mark.parametrize(
    ("change", "parts"),
    [
        (lambda d: d["actions"][0].update(light="blue"), ["actions[0].light", "green, yellow, red"]),
        (lambda d: d["actions"][0]["history"].append({"at": "nu"}), ["actions[0].history[0]"]),
        (lambda d: d.update(partnership={"uid": "x", "name": "P", "position": 0}), ["partnership.uid"]),
        (lambda d: d.update(partnership={"uid": "a" * 32, "name": " ", "position": 0}), ["partnership.name"]),
        (lambda d: d.pop("partnership"), ["partnership: feltet mangler"]),
    ],
    ids=["light", "history", "partnership-uid", "partnership-name", "no-partnership"],
)
def test_bad_follow_up_fields_are_refused_naming_the_field(demo_file: bytes, other_store: Store, change, parts):
    document = document_of(demo_file)
    change(document)
    with pytest.raises(SessionFileError) as raised:
        other_store.import_session(load_session(encoded(document)))
    for part in parts:
        assert part in raised.value.message("da")
    assert other_store.list_sessions() == []
