"""Shared helpers for tests of the room: a session ready for it, a running server, a real HTTP client.

Import the fixtures into a test module (`from tests.room_client import open_room  # noqa: F401`).
The client is the standard library's http.client, so requests go over a real socket to a
real server, byte for byte as sent (a hostile request is not tidied on the way).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from facilitator.program import Program
from facilitator.room import DirectGate, Room, RoomServer
from facilitator.store import Store
from facilitator.timing.clock import ManualClock

#: The circle step of Delsession 1 in the method's program, and a few others the page knows.
CIRCLE_STEP = "delsession-1-individuelt"
REVIEW_STEP = "delsession-1-gennemgang"
BOARD_STEP = "delsession-1-analyse"
NEXT_STEPS_STEP = "delsession-4-naeste-skridt"
CLOSING_STEP = "afrunding-formaal"


class TickingClock(ManualClock):
    """A fake clock whose steady time moves a second each time it is read.

    The room's rate limit then never holds a test back, and no test waits for real time.
    """

    def monotonic(self) -> float:
        self.advance(1.0)
        return super().monotonic()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


@dataclass
class Client:
    """A device's browser, as far as the room can tell: an address, a secret, requests."""

    base: str
    device: str | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)

    def request(
        self, method: str, path: str, body: object = None, *, raw: bytes | None = None, headers: dict | None = None
    ) -> Answer:
        """Send one request on a fresh connection; `path` is relative to the room's page unless it starts with /."""
        parts = urlsplit(self.base)
        target = path if path.startswith("/") else parts.path + path
        sent = {"Connection": "close", **self.extra_headers, **(headers or {})}
        if self.device:
            sent.setdefault("X-Device", self.device)
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            sent.setdefault("Content-Type", "application/json")
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request(method, target, body=data, headers=sent)
            response = connection.getresponse()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def join(self, partner_id: int, label: str = "Telefon") -> Answer:
        answer = self.request("POST", "api/join", {"partner": partner_id, "label": label})
        if answer.status == 200:
            self.device = answer.json()["device"]
        return answer

    def state(self) -> dict:
        answer = self.request("GET", "api/state")
        assert answer.status == 200, answer
        return answer.json()


class Stream:
    """A page's live stream: each `next()` is its next event.

    A "look again" is its number; a partner's added element (the named event "added") is
    the element as the page shows it, a dict.
    """

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self._response = response

    def next(self) -> int | dict:
        name, data = "message", None
        while True:
            line = self._response.readline()
            assert line, "the stream ended"
            line = line.decode().rstrip("\r\n")
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data = line[len("data: ") :]
            elif line == "" and data is not None:
                if name == "added":
                    return json.loads(data)
                assert name == "message", name
                return int(data)


@contextmanager
def stream(client: Client) -> Iterator[Stream]:
    """The page's stream open (as room.js's listen does), its first notice read."""
    parts = urlsplit(client.base)
    query = f"?device={client.device}" if client.device else ""
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + "api/events" + query)
        response = connection.getresponse()
        assert response.status == 200
        opened = Stream(response)
        assert opened.next() == 0
        yield opened
    finally:
        connection.close()


@dataclass
class OpenRoom:
    """A session with three partners and their actions, a room on it, and its server on loopback."""

    store: Store
    session_id: int
    partners: list[int]
    actions: list[int]
    room: Room
    server: RoomServer
    clock: ManualClock

    def client(self) -> Client:
        return Client(self.server.url)

    def approved_client(self, partner_index: int = 0) -> Client:
        client = self.client()
        assert client.join(self.partners[partner_index]).status == 200
        device = next(d for d in self.room.devices() if d.partner_id == self.partners[partner_index] and not d.approved)
        self.room.approve(device.id)
        return client

    def go_to(self, step_id: str) -> None:
        """The facilitator moves the day on (as the window does, then tells the room)."""
        self.store.update_session(self.session_id, current_step_id=step_id)
        self.room.notify_changed()


def make_session(store: Store, program: Program) -> tuple[int, list[int], list[int]]:
    """A session at the circle step of Delsession 1, with three partners and two actions each for two of them."""
    session_id = store.create_session(program, title="Kystpartnerskab", date=dt.date(2026, 4, 27))
    partners = [
        store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune").id,
        store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning").id,
        store.add_partner(session_id, "Sara Holm", organisation="Grøn Havn").id,
    ]
    actions = [
        store.add_action(session_id, "relations", "Sikre mandat fra direktionen", owner_partner_id=partners[0]).id,
        store.add_action(session_id, "timelines", "Plan for pilotprojekt", owner_partner_id=partners[1]).id,
        store.add_action(session_id, "concept", "Undersøge andre kommuner", owner_partner_id=partners[0]).id,
    ]
    store.update_session(session_id, current_step_id=CIRCLE_STEP)
    return session_id, partners, actions


@pytest.fixture
def open_room(store: Store, program: Program) -> Iterator[OpenRoom]:
    """A room on a fresh session, served on 127.0.0.1 through a DirectGate, stopped afterwards."""
    session_id, partners, actions = make_session(store, program)
    clock = TickingClock()
    room = Room(DirectGate(store), session_id, clock=clock)
    server = RoomServer(room, "127.0.0.1", 0)
    server.start()
    try:
        yield OpenRoom(store, session_id, partners, actions, room, server, clock)
    finally:
        server.stop()
