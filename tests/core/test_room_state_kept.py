"""A partner's pages share one read of their state until something they show changes.

Sixty phones on eight partners: each add woke that partner's seven or eight pages, and each
read the same circle again. Now the first reads it and the others are served what it read,
unless the partner's or everyone's view changed meanwhile; a running timer is aged.
"""

from __future__ import annotations

from facilitator.room import web
from facilitator.timing.timer import START, TimerEvent
from tests.room_client import CIRCLE_STEP, OpenRoom


def _add(client, text: str) -> None:
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": text})
    assert answer.status == 201, answer


def test_a_partners_second_page_is_served_the_first_ones_read(open_room: OpenRoom):
    phone = open_room.approved_client(0)
    laptop = open_room.approved_client(0)
    gate = open_room.room.gate
    first = phone.state()
    reads = gate.pieces
    assert laptop.state() == first
    assert gate.pieces == reads, "the laptop's page was served the phone's read"


def test_a_partners_add_is_read_again_by_their_pages_and_no_one_elses(open_room: OpenRoom):
    phone = open_room.approved_client(0)
    laptop = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    jonas_before = jonas.state()
    laptop.state()
    _add(phone, "Mere solvarme")
    fields = laptop.state()["own"][0]["fields"]
    assert [element["text"] for element in fields["what"]] == ["Mere solvarme"]
    reads = open_room.room.gate.pieces
    # Jonas' view did not change: his page is served what it read before.
    assert jonas.state() == jonas_before
    assert open_room.room.gate.pieces == reads
    # The laptop moves the day on: every page reads again.
    open_room.go_to("delsession-1-gennemgang")
    assert jonas.state()["step"]["id"] == "delsession-1-gennemgang"


def test_a_kept_state_shows_the_running_timer_as_it_runs_now(open_room: OpenRoom):
    clock = open_room.clock
    open_room.store.add_timer_event(open_room.session_id, TimerEvent(CIRCLE_STEP, START, clock.wall(), 0.0))
    open_room.room.notify_changed()
    phone = open_room.approved_client(0)
    laptop = open_room.approved_client(0)
    first = phone.state()["timer"]
    assert first["state"] == "running"
    reads = open_room.room.gate.pieces
    clock.advance(300)
    later = laptop.state()["timer"]
    assert open_room.room.gate.pieces == reads
    # Five minutes on (and the test clock's tick for each request's rate limit).
    assert first["remaining"] - 310 <= later["remaining"] <= first["remaining"] - 300


def test_a_kept_state_is_read_again_once_it_is_old(open_room: OpenRoom, monkeypatch):
    monkeypatch.setattr(web, "STATE_KEPT_SECONDS", 0.0)
    phone = open_room.approved_client(0)
    laptop = open_room.approved_client(0)
    phone.state()
    reads = open_room.room.gate.pieces
    laptop.state()
    assert open_room.room.gate.pieces == reads + 1
