"""The room over real HTTP on loopback: joining, approval, writing a circle, following along, next steps."""

from __future__ import annotations

import datetime as dt

from facilitator.conversation import CIRCLES
from facilitator.room import MAX_DEVICES, Room, RoomEvent, default_bind_address
from facilitator.room.gate import DirectGate
from tests.room_client import BOARD_STEP, CLOSING_STEP, NEXT_STEPS_STEP, REVIEW_STEP, OpenRoom


def test_every_room_has_its_own_long_token_and_a_short_code(store):
    rooms = [Room(DirectGate(store), 1) for _ in range(3)]
    tokens = {room.token for room in rooms}
    assert len(tokens) == 3
    # token_urlsafe(32): 256 random bits, at least the 128 the issue asks for.
    assert all(len(token) >= 43 for token in tokens)
    assert all(4 <= len(room.join_code) <= 6 for room in rooms)


def test_the_address_holds_the_token_and_the_bound_address(open_room: OpenRoom):
    url = open_room.server.url
    assert url.startswith(f"http://127.0.0.1:{open_room.server.port}/r/{open_room.room.token}/")
    assert open_room.server.running


def test_a_device_waits_for_approval_before_it_sees_or_writes_anything(open_room: OpenRoom):
    client = open_room.client()
    assert client.join(open_room.partners[0], "Mettes telefon").status == 200
    state = client.state()
    assert state["device"] == {
        "partner": open_room.partners[0],
        "partner_name": "Vesterhavs Kommune",
        "approved": False,
    }
    assert "own" not in state
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "For tidligt"})
    assert answer.status == 403
    assert open_room.store.elements(open_room.session_id) == []

    [device] = open_room.room.devices()
    assert (device.label, device.partner_id, device.approved) == ("Mettes telefon", open_room.partners[0], False)
    open_room.room.approve(device.id)
    assert client.state()["device"]["approved"] is True


def test_approve_everyone_lets_devices_in_at_once(open_room: OpenRoom):
    open_room.room.approve_everyone = True
    client = open_room.client()
    client.join(open_room.partners[1])
    assert client.state()["device"]["approved"] is True


def test_the_circle_step_shows_the_templates_own_questions(open_room: OpenRoom):
    state = open_room.approved_client().state()
    assert state["step"]["mode"] == "circle"
    questions = [field["question"] for field in state["template"]["fields"]]
    assert questions == [[f.question.da, f.question.get("en")] for f in CIRCLES["change"].fields]


def test_a_partner_writes_edits_and_removes_their_own_elements(open_room: OpenRoom):
    events: list[RoomEvent] = []
    open_room.room.subscribe(events.append)
    client = open_room.approved_client()
    mette = open_room.partners[0]
    added = client.request("POST", "api/elements", {"circle": None, "field": "why", "text": "Stormfloder"})
    assert added.status == 201
    [element] = open_room.store.elements(open_room.session_id)
    assert (element.partner_id, element.field, element.text, element.written_on_device) == (
        mette,
        "why",
        "Stormfloder",
        True,
    )
    [circle] = open_room.store.circles(open_room.session_id)
    assert not circle.revealed

    edited = client.request("PUT", f"api/elements/{element.id}", {"text": "Stormfloder hvert år"})
    assert edited.status == 200
    assert open_room.store.element(element.id).text == "Stormfloder hvert år"
    assert client.request("DELETE", f"api/elements/{element.id}").status == 204
    assert open_room.store.elements(open_room.session_id) == []

    kinds = [event.kind for event in events if event.kind != "devices"]
    assert kinds == ["element-added", "element-changed", "element-removed"]
    assert events[-2].before.text == "Stormfloder"
    assert events[-2].after.text == "Stormfloder hvert år"
    assert events[-1].before.id == element.id
    assert all(event.partner_id == mette for event in events if event.kind != "devices")


def test_the_page_is_told_to_look_again_when_the_laptop_changes_something(open_room: OpenRoom):
    version = open_room.room.version
    open_room.go_to(REVIEW_STEP)
    assert open_room.room.version > version


def test_writing_waits_for_a_circle_step(open_room: OpenRoom):
    client = open_room.approved_client()
    open_room.go_to(BOARD_STEP)
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "For sent"})
    assert answer.status == 409
    assert answer.json()["error"][1] == "The circles are not open for writing now. Wait for the facilitator."
    assert open_room.store.elements(open_room.session_id) == []


def test_others_elements_show_only_once_revealed(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    mette.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Mettes tanke"})
    open_room.go_to(REVIEW_STEP)
    assert jonas.state()["others"] == []
    open_room.store.set_circles_revealed(open_room.session_id, "change", True)
    open_room.room.notify_changed()
    [shown] = jonas.state()["others"]
    assert shown["partner"] == "Vesterhavs Kommune"
    assert shown["fields"]["what"][0]["text"] == "Mettes tanke"


def test_the_board_shows_revealed_and_own_notes_read_only(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    mette.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Privat"})
    jonas.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Jonas' egen"})
    open_room.go_to(BOARD_STEP)
    assert [note["text"] for note in jonas.state()["notes"]] == ["Jonas' egen"]
    assert jonas.state()["categories"][0]["title"] == ["Fælles", "Common ground"]
    open_room.store.set_circles_revealed(open_room.session_id, "change", True)
    open_room.room.notify_changed()  # as the window does after a reveal
    assert [note["text"] for note in jonas.state()["notes"]] == ["Privat", "Jonas' egen"]


def test_a_partner_confirms_their_own_action_and_no_one_elses(open_room: OpenRoom):
    events: list[RoomEvent] = []
    open_room.room.subscribe(events.append)
    client = open_room.approved_client(0)
    open_room.go_to(NEXT_STEPS_STEP)
    state = client.state()
    assert [(a["what"], a["mine"]) for a in state["actions"]] == [
        ("Sikre mandat fra direktionen", True),
        ("Plan for pilotprojekt", False),
        ("Undersøge andre kommuner", True),
    ]
    own, other = open_room.actions[0], open_room.actions[1]
    answer = client.request("PUT", f"api/actions/{own}", {"owner_person": "Mette Kjær", "due": "2026-06-01"})
    assert answer.status == 200
    action = open_room.store.action(own)
    assert (action.owner_person, action.due) == ("Mette Kjær", dt.date(2026, 6, 1))
    [event] = [event for event in events if event.kind == "action-changed"]
    assert (event.before.owner_person, event.after.owner_person) == ("", "Mette Kjær")

    before = open_room.store.action(other)
    assert client.request("PUT", f"api/actions/{other}", {"owner_person": "Mig", "due": None}).status == 404
    assert open_room.store.action(other) == before


def test_at_the_closing_a_partner_downloads_their_own_sheet(open_room: OpenRoom):
    client = open_room.approved_client(0)
    open_room.go_to(CLOSING_STEP)
    answer = client.request("GET", "api/sheet.pdf?lang=da")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body.startswith(b"%PDF")
    assert "attachment" in answer.headers["content-disposition"]


def test_a_released_device_must_join_again(open_room: OpenRoom):
    client = open_room.approved_client(0)
    [device] = open_room.room.devices()
    open_room.room.release(device.id)
    assert open_room.room.devices() == []
    assert client.state()["device"] is None
    assert client.request("POST", "api/elements", {"field": "what", "text": "x"}).status == 401


def test_the_room_lets_in_at_most_sixty_devices(open_room: OpenRoom):
    for _ in range(MAX_DEVICES):
        assert open_room.client().join(open_room.partners[2]).status == 200
    refused = open_room.client().join(open_room.partners[2])
    assert refused.status == 409
    assert "60" in refused.json()["error"][0]
    assert len(open_room.room.devices()) == MAX_DEVICES


def test_the_default_address_is_one_of_this_computers():
    address = default_bind_address()
    assert address != "0.0.0.0"
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((address, 0))


def test_stopping_twice_is_harmless_and_the_port_is_closed(open_room: OpenRoom):
    import socket

    port = open_room.server.port
    open_room.server.stop()
    open_room.server.stop()
    assert not open_room.server.running
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
