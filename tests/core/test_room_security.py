"""Hostile requests against a real room server on loopback: each gets a clear 4xx and changes nothing.

Every test compares the whole database, table by table, before and after.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from facilitator.room import MAX_DEVICES, Room, RoomServer
from facilitator.room.gate import DirectGate
from facilitator.room.room import RATE_BURST
from facilitator.room.web import MAX_BODY_BYTES
from facilitator.timing.clock import ManualClock
from tests.databases import table_rows
from tests.room_client import CLOSING_STEP, NEXT_STEPS_STEP, Client, OpenRoom, make_session


@pytest.fixture
def unchanged(open_room: OpenRoom):
    """Yields the room; afterwards the database must be exactly as it was when the test began."""
    client = open_room.approved_client(0)
    client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Mettes eget"})
    before = table_rows(open_room.store.path)
    yield open_room, client
    assert table_rows(open_room.store.path) == before


def _error_words(answer) -> str:
    return " ".join(answer.json()["error"])


def test_without_the_token_everything_is_a_bare_404(unchanged):
    room, client = unchanged
    token = room.room.token
    for path in (
        "/",
        "/r/",
        f"/r/{token[:-1]}/",
        f"/r/{token[:-1]}/api/state",
        f"/r/{token.upper()}/api/state",
        "/r/x/api/state",
        f"/r/{token}x/api/state",
        "/api/state",
    ):
        answer = client.request("GET", path)
        assert answer.status == 404, path
        assert answer.body == b"Not Found"
    posted = client.request("POST", "/r/wrong/api/elements", {"circle": None, "field": "what", "text": "Ind"})
    assert posted.status == 404


def test_a_device_never_sees_another_partners_private_elements(unchanged):
    room, _mette = unchanged
    jonas = room.approved_client(1)
    state = jonas.state()
    assert "Mettes eget" not in json.dumps(state, ensure_ascii=False)
    [element] = room.store.elements(room.session_id)
    # Nor can Jonas change or remove it by guessing its number.
    assert jonas.request("PUT", f"api/elements/{element.id}", {"text": "Overtaget"}).status == 404
    assert jonas.request("DELETE", f"api/elements/{element.id}").status == 404
    # Nor write into Mette's circle.
    circle = room.store.circles(room.session_id)[0].id
    assert jonas.request("POST", "api/elements", {"circle": circle, "field": "what", "text": "Ind"}).status == 404


def test_an_unknown_or_forged_device_cannot_write(unchanged):
    room, _client = unchanged
    stranger = Client(room.server.url, device="forged-" + "a" * 40)
    assert stranger.state()["device"] is None
    answer = stranger.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Ind"})
    assert answer.status == 401


def test_oversized_bodies_are_refused_whole(unchanged):
    _room, client = unchanged
    huge = json.dumps({"circle": None, "field": "what", "text": "x" * (MAX_BODY_BYTES + 1)}).encode()
    answer = client.request("POST", "api/elements", raw=huge, headers={"Content-Type": "application/json"})
    assert answer.status == 413
    assert "too large" in _error_words(answer)
    # A body that does not say its size (chunked): read up to the limit, then refused.
    pieces = [huge[start : start + 1024] for start in range(0, len(huge), 1024)]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    answer = client.request(
        "POST",
        "api/elements",
        raw=chunked,
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
    )
    assert answer.status == 413


def test_the_stores_own_limits_hold_for_devices_too(unchanged):
    _room, client = unchanged
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "x" * 1001})
    assert answer.status == 400
    assert "1000" in _error_words(answer).replace(".", "").replace(",", "")
    empty = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "   "})
    assert empty.status == 400
    assert "An element cannot be empty." in _error_words(empty)


@pytest.mark.parametrize(
    "raw",
    [b"{", b"not json", b"[1, 2]", b'"text"', b"\xff\xfe", b'{"circle": null, "field": "what"}', b""],
    ids=["cut", "words", "array", "string", "bytes", "missing text", "empty"],
)
def test_malformed_requests_get_a_clear_400(unchanged, raw):
    _room, client = unchanged
    answer = client.request("POST", "api/elements", raw=raw, headers={"Content-Type": "application/json"})
    assert answer.status == 400
    assert _error_words(answer)


@pytest.mark.parametrize(
    "body",
    [
        {"circle": "1", "field": "what", "text": "Ind"},
        {"circle": True, "field": "what", "text": "Ind"},
        {"circle": None, "field": 7, "text": "Ind"},
        {"circle": None, "field": "what", "text": ["Ind"]},
        {"circle": None, "field": "what", "text": None},
    ],
)
def test_fields_of_the_wrong_type_get_a_clear_400(unchanged, body):
    _room, client = unchanged
    answer = client.request("POST", "api/elements", body)
    assert answer.status == 400
    assert "field" in _error_words(answer)


def test_a_field_the_circle_does_not_have_is_not_found(unchanged):
    _room, client = unchanged
    assert client.request("POST", "api/elements", {"circle": None, "field": "../what", "text": "Ind"}).status == 404


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Hej </p>", "<!-- skjult -->", "< script>"],
)
def test_html_in_element_text_is_refused(unchanged, text):
    _room, client = unchanged
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": text})
    assert answer.status == 400
    assert "HTML" in _error_words(answer)


def test_words_with_a_less_than_sign_are_no_html(open_room: OpenRoom):
    client = open_room.approved_client(0)
    answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "CO2 < 5 ton <3"})
    assert answer.status == 201
    assert open_room.store.elements(open_room.session_id)[0].text == "CO2 < 5 ton <3"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "api/elements"),
        ("DELETE", "api/state"),
        ("PUT", "api/join"),
        ("POST", "api/actions/1"),
        ("PATCH", "api/elements/1"),
        ("POST", ""),
        ("TRACE", "api/state"),
    ],
)
def test_wrong_methods_get_405(unchanged, method, path):
    _room, client = unchanged
    assert client.request(method, path).status == 405


@pytest.mark.parametrize(
    "path",
    [
        "../../../etc/passwd",
        "..%2f..%2f..%2fetc%2fpasswd",
        "static/../room.js",
        "%2e%2e/%2e%2e/pyproject.toml",
        "room.js/../../index.html",
        "__init__.py",
        "static/index.html",
        "view.py",
        "api/elements/1%2f..%2f..",
    ],
)
def test_path_traversal_finds_nothing(unchanged, path):
    _room, client = unchanged
    answer = client.request("GET", path)
    assert answer.status in (404, 405)
    assert b"import" not in answer.body
    assert b"root:" not in answer.body


@contextmanager
def _served_on_a_still_clock(
    store, program, step: str | None = None, *, approve_everyone: bool = True
) -> Iterator[tuple[int, list[int], ManualClock, str]]:
    """A session's room on loopback whose clock moves only when told, so its rate limit holds.

    Yields the session's id, its partners, the clock and the room's address.
    """
    session_id, partners, _actions = make_session(store, program)
    if step is not None:
        store.update_session(session_id, current_step_id=step)
    clock = ManualClock()
    server = RoomServer(
        Room(DirectGate(store), session_id, clock=clock, approve_everyone=approve_everyone), "127.0.0.1"
    )
    server.start()
    try:
        yield session_id, partners, clock, server.url
    finally:
        server.stop()


def test_a_device_that_asks_too_often_gets_429_and_writes_nothing_then(store, program):
    with _served_on_a_still_clock(store, program) as (session_id, partners, clock, url):
        client = Client(url)
        client.join(partners[0])
        clock.advance(60)
        answers = [
            client.request("POST", "api/elements", {"circle": None, "field": "what", "text": f"Nr. {n}"}).status
            for n in range(RATE_BURST + 5)
        ]
        assert answers.count(201) == RATE_BURST
        assert answers[RATE_BURST:] == [429] * 5
        assert len(store.elements(session_id)) == RATE_BURST
        # A second later the device may go on: a handful per second.
        clock.advance(1)
        assert client.request("GET", "api/state").status == 200


def test_a_61st_device_is_refused(unchanged):
    room, _client = unchanged
    for _ in range(MAX_DEVICES - len(room.room.devices())):
        assert room.client().join(room.partners[2]).status == 200
    answer = room.client().join(room.partners[2])
    assert answer.status == 409
    assert len(room.room.devices()) == MAX_DEVICES


def test_joining_as_a_partner_of_no_session_is_refused(unchanged):
    room, _client = unchanged
    for partner in (999, -1, 0):
        assert room.client().join(partner).status == 400
    assert room.client().request("POST", "api/join", {"partner": "1"}).status == 400


def test_a_partner_cannot_change_another_partners_action(open_room: OpenRoom):
    room = open_room
    client = room.approved_client(0)
    room.go_to(NEXT_STEPS_STEP)
    before = table_rows(room.store.path)
    other = room.actions[1]
    assert client.request("PUT", f"api/actions/{other}", {"owner_person": "Mig", "due": None}).status == 404
    assert client.request("PUT", f"api/actions/{room.actions[0]}", {"owner_person": "x", "due": "i morgen"}).status == (
        409
    )
    assert client.request("PUT", f"api/actions/{room.actions[0]}", {"owner_person": "x" * 201, "due": None}).status == (
        400
    )
    assert client.request("PUT", "api/actions/99999", {"owner_person": "x", "due": None}).status == 404
    assert client.request("PUT", f"api/actions/{room.actions[0]}", {"owner_person": "<b>x</b>"}).status == 400
    assert table_rows(room.store.path) == before


def test_the_sheet_needs_an_approved_device(unchanged):
    room, _client = unchanged
    assert room.client().request("GET", "api/sheet.pdf").status == 401
    waiting = room.client()
    waiting.join(room.partners[1])
    assert waiting.request("GET", "api/sheet.pdf").status == 403


def test_the_server_listens_on_the_given_address_only(open_room: OpenRoom):
    assert open_room.server.host == "127.0.0.1"
    others = [address for address in _own_addresses() if address != "127.0.0.1"]
    for address in others:
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex((address, open_room.server.port)) != 0, address


def _own_addresses() -> list[str]:
    from facilitator.room import default_bind_address

    # 127.0.0.2 reaches this computer too (on Linux), yet is not the address bound.
    return sorted({"127.0.0.2", default_bind_address()})


def test_pages_send_a_strict_content_security_policy(unchanged):
    _room, client = unchanged
    answer = client.request("GET", "")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'none'" in policy
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(store, program):
    with _served_on_a_still_clock(store, program, approve_everyone=False) as (_session_id, _partners, _clock, url):
        client = Client(url)
        # No proxy stands before the room: a page that has not joined is counted by its own
        # address, whatever address it claims to be sent for.
        answers = [
            client.request("GET", "api/state", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status
            for n in range(RATE_BURST + 3)
        ]
        assert answers[:RATE_BURST] == [200] * RATE_BURST
        assert answers[RATE_BURST:] == [429] * 3


def test_a_page_that_read_its_fill_still_gets_its_sheet_which_has_a_rate_of_its_own(store, program):
    with _served_on_a_still_clock(store, program, CLOSING_STEP) as (_session_id, partners, clock, url):
        client = Client(url)
        client.join(partners[0])
        clock.advance(60)
        # The page reads its state after every notice: a flurry of them uses up its rate.
        reads = [client.request("GET", "api/state").status for _ in range(RATE_BURST + 1)]
        assert reads[-1] == 429
        # The partner's sheet is not refused for that...
        sheet = client.request("GET", "api/sheet.pdf?lang=da")
        assert sheet.status == 200
        assert sheet.body.startswith(b"%PDF")
        # ...and has a limit of its own: a PDF is built for every request.
        downloads = [client.request("GET", "api/sheet.pdf?lang=da").status for _ in range(RATE_BURST)]
        assert downloads[-1] == 429


def _raw_exchange(room: OpenRoom, head: bytes, *, lines: int) -> bytes:
    """Send a request line, then `lines` header lines of 1 kB each; what the server answered."""
    with socket.create_connection(("127.0.0.1", room.server.port), timeout=10) as sock:
        sock.sendall(head)
        try:
            for _ in range(lines):
                sock.sendall(b"X-Filler: " + b"a" * 1014 + b"\r\n")
            sock.sendall(b"\r\n")
        except OSError:
            pass  # the server hung up mid-way: what it said before is read below
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
            if b"\r\n\r\n" in answer and not answer.startswith(b"HTTP/1.1 200"):
                break
            if answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"}"):
                break
        return answer


def test_a_request_head_without_end_is_refused_and_the_room_goes_on(unchanged):
    room, client = unchanged
    path = f"/r/{room.room.token}/api/state"
    # Megabytes of headers would otherwise be held in memory, as long as a stranger liked.
    refused = _raw_exchange(room, f"GET {path} HTTP/1.1\r\nHost: room\r\n".encode(), lines=200)
    assert refused.startswith(b"HTTP/1.1 400"), refused[:200]
    # An ordinary head, even a large one, is served.
    served = _raw_exchange(room, f"GET {path} HTTP/1.1\r\nHost: room\r\nConnection: close\r\n".encode(), lines=10)
    assert served.startswith(b"HTTP/1.1 200"), served[:200]
    assert client.request("GET", "api/state").status == 200


def test_requests_are_parsed_by_httptools_with_the_head_bounded():
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from facilitator.room.server import http_protocol

    # The dependency is declared (pyproject.toml): the slower h11 is only a fallback.
    assert issubclass(http_protocol(), HttpToolsProtocol)


def test_the_rate_is_checked_before_routing_so_probing_for_paths_counts_too(store, program):
    with _served_on_a_still_clock(store, program) as (session_id, partners, clock, url):
        client = Client(url)
        client.join(partners[0])
        clock.advance(60)
        answers = [client.request("GET", f"api/nothing-{n}").status for n in range(RATE_BURST + 2)]
        assert answers == [404] * RATE_BURST + [429] * 2
        # Each request is counted once: the device's own reads are refused now too.
        assert client.request("GET", "api/state").status == 429
        refused = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Ind"})
        assert refused.status == 429
        assert "Too many requests" in " ".join(refused.json()["error"])
        assert store.elements(session_id) == []
