"""Who is told to look again: a partner's private writing wakes only that partner's pages.

Sixty phones each reading their state after every partner's add cost the room sixty reads
per add; a circle being written is seen by no one else, so only its partner's pages need
to look. What everyone sees (the step, a reveal, the actions' list) still wakes every page.
The streams are real server-sent events over loopback; each notice carries the stream's
own count, so a stream that was not woken by a change shows it in the next number.
"""

from __future__ import annotations

import asyncio

import pytest

from facilitator.room import RoomEvent, web
from tests.room_client import NEXT_STEPS_STEP, REVIEW_STEP, Client, OpenRoom, stream


def _add(client: Client, text: str) -> None:
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": text})
    assert answer.status == 201, answer


def test_a_partners_add_reaches_their_devices_as_the_element_and_no_other_partners_page(open_room: OpenRoom):
    mette_phone = open_room.approved_client(0)
    mette_laptop = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    with stream(mette_phone) as own, stream(mette_laptop) as other_device, stream(jonas) as others:
        _add(mette_phone, "Mettes tanke")
        [stored] = open_room.store.elements(open_room.session_id)
        news = {"id": stored.id, "circle": stored.circle_id, "field": "what", "text": "Mettes tanke", "device": True}
        assert other_device.next() == news
        assert own.next() == news
        # The laptop moves the day on: every page looks again. Jonas' stream numbers it 1,
        # so Mette's add did not wake it (it would be 2, or the element itself).
        open_room.go_to(REVIEW_STEP)
        assert others.next() == 1
        assert other_device.next() == 1
    assert [e.text for e in open_room.store.elements(open_room.session_id)] == ["Mettes tanke"]


def test_the_writing_page_is_answered_with_the_element_as_its_stream_tells_it(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    with stream(mette) as own:
        answer = mette.request("POST", "api/elements", {"circle": None, "field": "what", "text": 'Sol & vind "nu"'})
        assert answer.status == 201
        assert answer.json() == own.next()
    assert answer.json()["text"] == 'Sol & vind "nu"'


def test_an_unapproved_device_of_the_partner_is_told_to_look_and_not_shown_the_element(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    waiting = open_room.client()
    assert waiting.join(open_room.partners[0]).status == 200
    with stream(waiting) as page:
        _add(mette, "Privat")
        assert page.next() == 1
    assert "own" not in waiting.state()


def test_a_page_far_behind_is_told_to_look_again_instead_of_every_element(open_room: OpenRoom, monkeypatch):
    monkeypatch.setattr(web, "MAX_NEWS_WAITING", 2)
    room = open_room.room
    mette = open_room.partners[0]
    open_room.approved_client(0)
    [device] = [d for d in room.devices() if d.partner_id == mette]
    app = web.RoomApp(room)

    async def heard() -> list[str]:
        events = app._stream(device.id)
        chunks = [await anext(events)]
        # Three elements before the stream's loop runs again: more than it holds for a page.
        for number in range(3):
            room.notify_changed(mette, {"id": number, "circle": 1, "field": "what", "text": "x", "device": True})
        chunks.append(await anext(events))
        room.notify_changed(mette, {"id": 9, "circle": 1, "field": "what", "text": "x", "device": True})
        chunks.append(await anext(events))
        await events.aclose()
        return chunks

    opened, behind, caught_up = asyncio.run(heard())
    assert opened == "retry: 2000\ndata: 0\n\n"
    assert behind == "data: 1\n\n"
    assert caught_up.startswith("event: added\n")
    assert '"id": 9' in caught_up


def test_a_page_that_has_not_joined_hears_only_what_everyone_sees(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    stranger = open_room.client()
    with stream(stranger) as waiting:
        _add(mette, "Privat")
        open_room.room.notify_changed()
        assert waiting.next() == 1


def test_a_reveal_wakes_the_other_partners_pages_and_they_see_the_circle(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    with stream(jonas) as others:
        _add(mette, "Mettes tanke")
        open_room.go_to(REVIEW_STEP)
        assert others.next() == 1
        assert jonas.state()["others"] == []
        open_room.store.set_circles_revealed(open_room.session_id, "change", True)
        open_room.room.notify_changed()  # as the window does after a reveal
        assert others.next() == 2
        [shown] = jonas.state()["others"]
        assert shown["fields"]["what"][0]["text"] == "Mettes tanke"


def test_the_state_no_longer_tells_a_page_how_busy_the_room_is(open_room: OpenRoom):
    mette = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    before = jonas.state()
    _add(mette, "Mettes tanke")
    assert "version" not in jonas.state()
    assert jonas.state() == before


def _woken(open_room: OpenRoom, partner_index: int) -> list[str]:
    """A watcher for one device of a partner: the list it appends to each time it is woken."""
    client = open_room.approved_client(partner_index)
    device = next(d for d in reversed(open_room.room.devices()) if d.partner_id == open_room.partners[partner_index])
    assert client.device
    calls: list[str] = []
    open_room.room.watch(lambda _news: calls.append("woken"), device.id)
    return calls


def test_whose_pages_each_kind_of_change_wakes(open_room: OpenRoom):
    room = open_room.room
    mette, jonas = open_room.partners[0], open_room.partners[1]
    mettes, jonas_ = _woken(open_room, 0), _woken(open_room, 1)

    def wakes(event: RoomEvent) -> tuple[int, int]:
        mettes.clear()
        jonas_.clear()
        room.emit(event)
        return len(mettes), len(jonas_)

    for kind in ("element-added", "element-changed", "element-removed", "action-status"):
        assert wakes(RoomEvent(kind, "d", mette)) == (1, 0), kind
    # Every page lists the actions with their owner and due date.
    assert wakes(RoomEvent("action-changed", "d", mette)) == (1, 1)
    assert wakes(RoomEvent("devices", "d", jonas)) == (1, 1)
    assert wakes(RoomEvent("element-added")) == (1, 1)  # no partner named: in doubt, all


def test_a_join_wakes_no_page_and_an_approval_every_page(open_room: OpenRoom):
    mettes, jonas_ = _woken(open_room, 0), _woken(open_room, 1)
    mettes.clear()
    jonas_.clear()
    newcomer = open_room.client()
    assert newcomer.join(open_room.partners[1]).status == 200
    # No page shows who else has joined: not even the partner's own pages look again.
    assert (len(mettes), len(jonas_)) == (0, 0)
    # The joining page reads for itself, and sees that it waits for the facilitator.
    seen = newcomer.state()["device"]
    assert (seen["partner"], seen["approved"]) == (open_room.partners[1], False)
    [device] = [d for d in open_room.room.devices() if not d.approved]
    open_room.room.approve(device.id)
    assert (len(mettes), len(jonas_)) == (1, 1)


def test_the_window_still_hears_every_device_change(open_room: OpenRoom):
    heard: list[RoomEvent] = []
    open_room.room.subscribe(heard.append)
    mette = open_room.approved_client(0)
    _add(mette, "Mettes tanke")
    open_room.go_to(NEXT_STEPS_STEP)
    own = open_room.actions[0]
    assert mette.request("PUT", f"api/actions/{own}", {"owner_person": "Mette", "due": None}).status == 200
    kinds = [event.kind for event in heard]
    assert kinds == ["devices", "devices", "element-added", "action-changed"]


def test_a_pages_state_at_a_circle_step_reads_its_own_partners_elements_alone(open_room: OpenRoom, monkeypatch):
    mette = open_room.approved_client(0)
    jonas = open_room.approved_client(1)
    _add(jonas, "Jonas' tanke")
    _add(mette, "Mettes tanke")
    asked: list[int | None] = []
    store = open_room.store
    element_words = store.element_words

    def spy(session_id, kind, partner_id):
        asked.append(partner_id)
        return element_words(session_id, kind, partner_id)

    monkeypatch.setattr(store, "element_words", spy)
    monkeypatch.setattr(store, "elements", lambda *args, **options: pytest.fail("the whole room's elements read"))
    [own] = mette.state()["own"]
    assert [e["text"] for e in own["fields"]["what"]] == ["Mettes tanke"]
    # Sixty pages each looking again after every add: a read of the whole room's elements
    # grew with the writing; the page shows its own circle alone.
    assert asked == [open_room.partners[0]]
