"""The owner sets an action's status from a phone at a follow-up's status step.

The same store call as the window's status board, so the same limits and history; every
bad request gets a clear 4xx and leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from facilitator.paths import followup_program_path
from facilitator.program import load_program
from facilitator.room import DirectGate, Room, RoomServer
from facilitator.room.view import page_state
from facilitator.store import Store
from facilitator.store.limits import MAX_ACTION_LENGTH
from tests.databases import table_rows
from tests.room_client import OpenRoom, TickingClock

STATUS_STEP = "status-aftaler"
NOT_STATUS_STEP = "naeste-skridt-aftaler"


@pytest.fixture
def status_room(store: Store) -> Iterator[OpenRoom]:
    """A follow-up meeting on the opfølgningsmøde program, at its status step, with a room on it."""
    program = load_program(followup_program_path())
    session_id = store.create_session(program, title="Kystpartnerskab, møde 2", date=dt.date(2026, 6, 24))
    partners = [
        store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune").id,
        store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning").id,
    ]
    actions = [
        store.add_action(
            session_id, "relations", "Sikre mandat", owner_partner_id=partners[0], due=dt.date(2026, 5, 15)
        ).id,
        store.add_action(session_id, "timelines", "Plan for pilot", owner_partner_id=partners[1]).id,
        store.add_action(
            session_id, "concept", "Skriv en side", owner_partner_id=partners[0], due=dt.date(2026, 8, 1)
        ).id,
    ]
    store.update_session(session_id, current_step_id=STATUS_STEP)
    clock = TickingClock()
    room = Room(DirectGate(store), session_id, clock=clock)
    server = RoomServer(room, "127.0.0.1", 0)
    server.start()
    try:
        yield OpenRoom(store, session_id, partners, actions, room, server, clock)
    finally:
        server.stop()


def _status_path(action_id: int) -> str:
    return f"api/actions/{action_id}/status"


def test_the_status_step_shows_a_partner_only_their_own_actions_with_light_words(status_room: OpenRoom):
    room = status_room
    state = room.approved_client(0).state()
    assert state["step"]["mode"] == "status"
    assert [action["what"] for action in state["status_actions"]] == ["Sikre mandat", "Skriv en side"]
    # Overdue on the meeting's day (24 June): the May deadline has passed, the August one not.
    assert [action["overdue"] for action in state["status_actions"]] == [True, False]
    lights = {light["id"]: light["label"] for light in state["lights"]}
    assert lights == {
        "green": ["Grøn: on track", "Green: on track"],
        "yellow": ["Gul: i proces", "Yellow: in progress"],
        "red": ["Rød: ikke i gang", "Red: not started"],
    }
    assert [status["id"] for status in state["statuses"]] == ["open", "started", "done", "dropped"]


def test_the_owner_sets_status_light_and_comment_through_the_store(status_room: OpenRoom):
    room = status_room
    client = room.approved_client(0)
    events = []
    room.room.subscribe(events.append)
    answer = client.request(
        "PUT", _status_path(room.actions[0]), {"status": "started", "light": "yellow", "comment": "Mødet er aftalt."}
    )
    assert answer.status == 200, answer
    [action] = [a for a in room.store.actions(room.session_id) if a.id == room.actions[0]]
    assert (action.status, action.light, action.status_comment) == ("started", "yellow", "Mødet er aftalt.")
    [entry] = room.store.action_history(action.id)
    assert entry.by == "Vesterhavs Kommune"
    [event] = [e for e in events if e.kind == "action-status"]
    assert event.before.action.light is None
    assert event.before.history_length == 0
    assert event.after.light == "yellow"
    # The window's undo puts it back, history and all.
    room.store.restore_action_status(event.before.action, event.before.history_length)
    [action] = [a for a in room.store.actions(room.session_id) if a.id == room.actions[0]]
    assert (action.status, action.light, action.status_comment) == ("open", None, "")
    assert room.store.action_history(action.id) == []


@pytest.fixture
def unchanged(status_room: OpenRoom):
    """The owner's approved phone; afterwards the database must be exactly as before."""
    client = status_room.approved_client(0)
    before = table_rows(status_room.store.path)
    yield status_room, client
    assert table_rows(status_room.store.path) == before


def test_another_partners_action_is_not_found(unchanged):
    room, client = unchanged
    assert client.request("PUT", _status_path(room.actions[1]), {"light": "green"}).status == 404
    assert client.request("PUT", _status_path(99999), {"light": "green"}).status == 404


def test_outside_the_status_step_the_status_is_refused(status_room: OpenRoom):
    room = status_room
    client = room.approved_client(0)
    room.go_to(NOT_STATUS_STEP)
    before = table_rows(room.store.path)
    answer = client.request("PUT", _status_path(room.actions[0]), {"light": "green"})
    assert answer.status == 409
    assert "statustavlen" in answer.json()["error"][0]
    assert room.client().request("PUT", _status_path(room.actions[0]), {"light": "green"}).status == 401
    assert table_rows(room.store.path) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"light": "blue"}, "light"),
        ({"light": "GREEN"}, "light"),
        ({"light": 1}, "light"),
        ({"status": "finished"}, "status"),
        ({"status": ["done"]}, "status"),
        ({"status": "done", "light": "purple"}, "light"),
        ({"comment": 5}, "comment"),
    ],
)
def test_invalid_light_status_or_comment_gets_a_clear_400(unchanged, body, field):
    room, client = unchanged
    answer = client.request("PUT", _status_path(room.actions[0]), body)
    assert answer.status == 400
    danish, english = answer.json()["error"]
    assert field in danish
    assert field in english


def test_an_oversized_comment_is_refused_whole(unchanged):
    room, client = unchanged
    answer = client.request(
        "PUT", _status_path(room.actions[0]), {"light": "red", "comment": "x" * (MAX_ACTION_LENGTH + 1)}
    )
    assert answer.status == 400
    assert str(MAX_ACTION_LENGTH) in " ".join(answer.json()["error"]).replace(".", "").replace(",", "")


@pytest.mark.parametrize("comment", ["<script>alert(1)</script>", "Se <b>her</b>", "<img src=x onerror=alert(1)>"])
def test_html_in_the_comment_is_refused_like_element_text(unchanged, comment):
    room, client = unchanged
    answer = client.request("PUT", _status_path(room.actions[0]), {"light": "green", "comment": comment})
    assert answer.status == 400
    assert "HTML" in answer.json()["error"][1]


def test_wrong_methods_and_bodies_change_nothing(unchanged):
    room, client = unchanged
    assert client.request("POST", _status_path(room.actions[0]), {"light": "green"}).status == 405
    assert client.request("GET", _status_path(room.actions[0])).status == 405
    assert client.request("PUT", _status_path(room.actions[0]), raw=b"{light", headers={}).status == 400
    assert client.request("PUT", _status_path(room.actions[0]), ["green"]).status == 400


def test_page_state_judges_overdue_by_the_clock_when_the_session_has_no_date(status_room: OpenRoom):
    room = status_room
    room.store.update_session(room.session_id, date=None)
    late = dt.datetime(2026, 9, 1, 10, 0, tzinfo=dt.UTC)
    state = page_state(room.store, room.session_id, room.partners[0], True, late)
    assert [action["overdue"] for action in state["status_actions"]] == [True, True]
    early = dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
    state = page_state(room.store, room.session_id, room.partners[0], True, early)
    assert [action["overdue"] for action in state["status_actions"]] == [False, False]


def test_the_next_steps_on_the_phone_mark_late_actions_too(status_room: OpenRoom):
    room = status_room
    client = room.approved_client(0)
    room.go_to(NOT_STATUS_STEP)
    state = client.state()
    assert state["step"]["mode"] == "next-steps"
    assert {action["what"]: action["overdue"] for action in state["actions"]} == {
        "Sikre mandat": True,
        "Plan for pilot": False,
        "Skriv en side": False,
    }
