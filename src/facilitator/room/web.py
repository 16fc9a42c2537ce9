"""The room's HTTP face: a Starlette app that turns requests into gate calls.

Every path lies under /r/<token>/; a wrong token gets the same bare 404 as a path that
does not exist, so the server tells a stranger nothing. Bodies are small JSON objects,
read up to `MAX_BODY_BYTES` and checked field by field; what the store refuses comes back
as 400 with the store's own message in Danish and English. Live updates are server-sent
events: a "look again", after which the page asks for its state (which holds only what
that device may see), or a partner's added element itself, for that partner's pages.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, QueryParams
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from facilitator.room import writes
from facilitator.room.room import Device, Room, RoomEvent, RoomFull
from facilitator.room.view import page_state
from facilitator.text import Text, UserError, safe_file_name

#: A request body's most bytes: an element is at most 1,000 characters, which JSON may
#: spell as six bytes each (\uXXXX), plus the few other fields.
MAX_BODY_BYTES = 8 * 1024
#: How long a quiet event stream waits before a keep-alive line (phones drop idle streams).
KEEPALIVE_SECONDS = 15.0
#: Live streams open at once; a page holds one, a reloaded page may briefly hold two.
MAX_STREAMS = 120
#: Added elements a stream holds for a page that has not taken them yet; past that, the
#: page is told to look again instead.
MAX_NEWS_WAITING = 50
#: A page state read for one partner's page serves that partner's other pages this long at
#: most, unless something they show changed first (then it is read again at once).
STATE_KEPT_SECONDS = 2.0

_ASSETS = {
    "": ("index.html", "text/html; charset=utf-8"),
    "room.css": ("room.css", "text/css; charset=utf-8"),
    "room.js": ("room.js", "text/javascript; charset=utf-8"),
}
_SECURITY_HEADERS = {
    # Everything comes from the laptop; nothing inline, nothing from elsewhere.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    # The address holds the room's token: never pass it on.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class BadRequest(UserError):
    """The request itself is wrong (not JSON, wrong fields, too big)."""

    def __init__(self, text: Text, status: int = 400) -> None:
        super().__init__(text)
        self.status = status


def _error(status: int, text: Text) -> JSONResponse:
    return JSONResponse({"error": [text.da, text.get("en")]}, status_code=status, headers=_SECURITY_HEADERS)


def _not_found() -> Response:
    return PlainTextResponse("Not Found", status_code=404, headers=_SECURITY_HEADERS)


_TOO_MANY = Text("For mange forespørgsler; vent et øjeblik.", "Too many requests; wait a moment.")
_NOT_JOINED = Text(
    "Enheden er ikke med i rummet. Vælg din organisation igen.",
    "This device is not in the room. Pick your organisation again.",
)
_NOT_APPROVED = Text(
    "Facilitatoren har ikke godkendt enheden endnu.", "The facilitator has not approved this device yet."
)
#: The refusal for a device past its rate: the same answer each time, made once.
_TOO_MANY_ANSWER = _error(429, _TOO_MANY)
#: Where `RoomApp._admitted` leaves the request's device for its handler.
_DEVICE_IN_SCOPE = "room.device"


@dataclass(frozen=True)
class _KeptState:
    """A page state as read, for the other pages of the same partner until something changes.

    Sixty phones on eight partners: each add woke its partner's seven or eight pages, and
    each read the same circle again (half of the server's work under full load).
    """

    seen: tuple
    at: float
    read_at: dt.datetime
    state: dict

    def aged_to(self, now: dt.datetime) -> dict:
        """The state as it is at `now`: a running timer has run on meanwhile."""
        state = dict(self.state)
        timer = state.get("timer")
        if timer and timer.get("state") == "running":
            state["timer"] = {**timer, "remaining": timer["remaining"] - (now - self.read_at).total_seconds()}
        return state


class RoomApp:
    """The ASGI app of one room, with what the server needs to close its streams."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.closing = False
        self._streams = 0
        self._wakers: set[Callable[[], None]] = set()
        #: The last state read for each (partner, approved): a partner's pages share it.
        self._states: dict[tuple[int | None, bool], _KeptState] = {}
        #: Page states read from the store, and served as kept (for the benchmarks).
        self.states_read = 0
        self.states_kept = 0
        page = "/r/{token}/"
        self.app = Starlette(
            routes=[
                Route(page, self._asset, methods=["GET"]),
                Route(page + "{asset:str}", self._asset, methods=["GET"]),
                Route(page + "api/state", self._state, methods=["GET"]),
                Route(page + "api/events", self._events, methods=["GET"]),
                Route(page + "api/join", self._join, methods=["POST"]),
                Route(page + "api/elements", self._add_element, methods=["POST"]),
                Route(page + "api/elements/{element_id:int}", self._element, methods=["PUT", "DELETE"]),
                Route(page + "api/actions/{action_id:int}", self._action, methods=["PUT"]),
                Route(page + "api/actions/{action_id:int}/status", self._action_status, methods=["PUT"]),
                Route(page + "api/sheet.pdf", self._sheet, methods=["GET"]),
            ],
        )

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and not self._admitted(scope):
            await _TOO_MANY_ANSWER(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _admitted(self, scope) -> bool:
        """The rate check, before any routing, so that a refusal costs the room little.

        Under load the devices are refused more often than they write (sixty phones at
        their rate); each refusal went through the whole routing and middleware first.
        Every request to the room's address counts against its device's allowance (the
        sheet has one of its own), or its network address's before it has joined. The
        device found is kept in the scope for the handler.
        """
        parts = scope["path"].split("/", 3)
        if len(parts) < 3 or parts[1] != "r" or not secrets.compare_digest(parts[2].encode(), self.room.token.encode()):
            return True  # not the room's address: a bare 404 follows, counted against no one
        secret = Headers(scope=scope).get("x-device") or QueryParams(scope["query_string"]).get("device")
        device = self.room.device_for(secret)
        scope.setdefault("state", {})[_DEVICE_IN_SCOPE] = device
        allowance = ":sheet" if len(parts) > 3 and parts[3] == "api/sheet.pdf" else ""
        if device is not None:
            return self.room.allow("device:" + device.id + allowance)
        client = scope.get("client")
        return self.room.allow("address:" + (client[0] if client else "?"))

    def close(self) -> None:
        """End every live stream (the server is stopping); called on the server's loop."""
        self.closing = True
        for wake in list(self._wakers):
            wake()

    # Checks every request passes ---------------------------------------------------

    def _token_ok(self, request: Request) -> bool:
        return secrets.compare_digest(str(request.path_params.get("token", "")).encode(), self.room.token.encode())

    @staticmethod
    def _device(request: Request) -> Device | None:
        """The device `_admitted` found for this request (None: not joined, or released)."""
        return request.scope.get("state", {}).get(_DEVICE_IN_SCOPE)

    async def _body(self, request: Request) -> dict:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            raise BadRequest(Text("Forespørgslen er for stor.", "The request is too large."), 413)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                raise BadRequest(Text("Forespørgslen er for stor.", "The request is too large."), 413)
        try:
            value = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadRequest(Text("Forespørgslen er ikke gyldig JSON.", "The request is not valid JSON.")) from None
        if not isinstance(value, dict):
            raise BadRequest(Text("Forespørgslen skal være et JSON-objekt.", "The request must be a JSON object."))
        return value

    async def _guarded(
        self,
        request: Request,
        handler: Callable[[Device | None], Awaitable[Response]],
        *,
        need: str = "none",
    ) -> Response:
        """Token and device checks around a handler (the rate was checked first, in
        `_admitted`); its refusals become clear 4xx."""
        if not self._token_ok(request):
            return _not_found()
        device = self._device(request)
        if need != "none" and device is None:
            return _error(401, _NOT_JOINED)
        if need == "approved" and (device is None or not device.approved or device.partner_id is None):
            return _error(403, _NOT_APPROVED)
        try:
            return await handler(device)
        except ClientDisconnect:
            # The device went away mid-request; nobody reads an answer.
            return Response(status_code=400)
        except BadRequest as error:
            return _error(error.status, error.text)
        except writes.NotFound:
            return _not_found()
        except writes.Refused as error:
            return _error(409, error.text)
        except RoomFull as error:
            return _error(409, error.text)
        except UserError as error:
            return _error(400, error.text)

    async def _gate(self, work: Callable):
        return await run_in_threadpool(self.room.gate.call, work)

    # The page ----------------------------------------------------------------------

    async def _asset(self, request: Request) -> Response:
        async def serve(_device: Device | None) -> Response:
            name = request.path_params.get("asset", "")
            if name not in _ASSETS:
                return _not_found()
            file_name, media_type = _ASSETS[name]
            data = resources.files("facilitator.room").joinpath("static", file_name).read_bytes()
            return Response(data, media_type=media_type, headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve)

    async def _state(self, request: Request) -> Response:
        async def serve(device: Device | None) -> Response:
            session_id = self.room.session_id
            partner = device.partner_id if device else None
            approved = bool(device and device.approved)
            now = self.room.now()
            # Read before the state: a change while it is read moves the count, so the next
            # page reads again rather than keep what may predate the change.
            seen = (self.room.seen_by(partner), now.date())
            kept = self._states.get((partner, approved))
            if kept is not None and kept.seen == seen and time.monotonic() - kept.at < STATE_KEPT_SECONDS:
                self.states_kept += 1
                state = kept.aged_to(now)
            else:
                self.states_read += 1
                state = await self._gate(lambda store: page_state(store, session_id, partner, approved, now))
                self._states[(partner, approved)] = _KeptState(seen, time.monotonic(), now, state)
                state = dict(state)
            state["join_code"] = self.room.join_code
            return JSONResponse(state, headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve)

    async def _events(self, request: Request) -> Response:
        async def serve(device: Device | None) -> Response:
            if self._streams >= MAX_STREAMS:
                return _error(429, _TOO_MANY)
            device_id = device.id if device else None
            return StreamingResponse(self._stream(device_id), media_type="text/event-stream", headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve)

    async def _stream(self, device_id: str | None):
        """The changes this device's page shows: an added element as itself, anything else as a "look again".

        A look again is numbered by the count of them this stream was sent, so it tells a
        device nothing of other partners' writing (the room's own version would). An added
        element goes out as a named event ("added", the element as the page shows it): the
        page appends it instead of reading its whole circle again, which was most of the
        room's work while partners write.
        """
        loop = asyncio.get_running_loop()
        loop_thread = threading.get_ident()
        changed = asyncio.Event()
        notices = 0
        looks = 0
        news: list[dict] = []

        def arrived(told: dict | None) -> None:
            nonlocal notices
            if told is None or len(news) >= MAX_NEWS_WAITING:
                # A page far behind reads its state once rather than catch up one by one.
                notices += 1
                news.clear()
            else:
                news.append(told)
            changed.set()

        def wake(told: dict | None = None) -> None:
            if threading.get_ident() == loop_thread:
                # A device's own write, told on the loop itself: no wake-up through the loop's pipe.
                arrived(told)
            else:
                loop.call_soon_threadsafe(arrived, told)

        self._streams += 1
        self._wakers.add(wake)
        unwatch = self.room.watch(wake, device_id)
        try:
            yield f"retry: 2000\ndata: {notices}\n\n"
            while not self.closing:
                try:
                    await asyncio.wait_for(changed.wait(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    yield ": still here\n\n"
                    continue
                changed.clear()
                if self.closing:
                    break
                lines = "".join(f"event: added\ndata: {json.dumps(told)}\n\n" for told in news)
                news.clear()
                if notices != looks:
                    looks = notices
                    lines += f"data: {notices}\n\n"
                yield lines
        finally:
            unwatch()
            self._wakers.discard(wake)
            self._streams -= 1

    # Joining -----------------------------------------------------------------------

    async def _join(self, request: Request) -> Response:
        async def serve(_device: Device | None) -> Response:
            body = await self._body(request)
            partner_id = _integer(body.get("partner"), "partner")
            label = body.get("label", "")
            if not isinstance(label, str):
                raise BadRequest(Text("Feltet »label« skal være tekst.", "The field “label” must be text."))
            session_id = self.room.session_id
            partners = await self._gate(lambda store: [p.id for p in store.partners(session_id)])
            if partner_id not in partners:
                raise BadRequest(Text("Den partner findes ikke i sessionen.", "That partner is not in the session."))
            secret, device = self.room.join(partner_id, label)
            return JSONResponse({"device": secret, "approved": device.approved}, headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve)

    # Writing -----------------------------------------------------------------------

    async def _add_element(self, request: Request) -> Response:
        async def serve(device: Device | None) -> Response:
            device, partner_id = _bound(device)
            body = await self._body(request)
            circle_id = None if body.get("circle") is None else _integer(body.get("circle"), "circle")
            field = _text(body.get("field"), "field")
            text = _text(body.get("text"), "text", empty=True)
            session_id = self.room.session_id
            added = await self._gate(
                lambda store: writes.add_element(store, session_id, partner_id, circle_id, field, text)
            )
            event = RoomEvent("element-added", device.id, partner_id, None, added)
            self.room.emit(event)
            # The element as the stream's news tells it, so the writing page shows it without a read.
            return JSONResponse(Room.news_of(event), status_code=201, headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve, need="approved")

    async def _element(self, request: Request) -> Response:
        element_id = request.path_params["element_id"]

        async def serve(device: Device | None) -> Response:
            device, partner_id = _bound(device)
            session_id = self.room.session_id
            if request.method == "DELETE":
                before = await self._gate(
                    lambda store: writes.remove_element(store, session_id, partner_id, element_id)
                )
                self.room.emit(RoomEvent("element-removed", device.id, partner_id, before, None))
                return Response(status_code=204, headers=_SECURITY_HEADERS)
            body = await self._body(request)
            text = _text(body.get("text"), "text", empty=True)
            before, after = await self._gate(
                lambda store: writes.update_element(store, session_id, partner_id, element_id, text)
            )
            self.room.emit(RoomEvent("element-changed", device.id, partner_id, before, after))
            return JSONResponse({"id": after.id, "text": after.text}, headers=_SECURITY_HEADERS)

        return await self._guarded(request, serve, need="approved")

    async def _action(self, request: Request) -> Response:
        action_id = request.path_params["action_id"]

        async def serve(device: Device | None) -> Response:
            device, partner_id = _bound(device)
            body = await self._body(request)
            person = _text(body.get("owner_person", ""), "owner_person", empty=True)
            due = writes.parse_due(body.get("due"))
            session_id = self.room.session_id
            before, after = await self._gate(
                lambda store: writes.update_action(store, session_id, partner_id, action_id, person, due)
            )
            self.room.emit(RoomEvent("action-changed", device.id, partner_id, before, after))
            return JSONResponse(
                {
                    "id": after.id,
                    "owner_person": after.owner_person,
                    "due": after.due.isoformat() if after.due else None,
                },
                headers=_SECURITY_HEADERS,
            )

        return await self._guarded(request, serve, need="approved")

    async def _action_status(self, request: Request) -> Response:
        action_id = request.path_params["action_id"]

        async def serve(device: Device | None) -> Response:
            device, partner_id = _bound(device)
            body = await self._body(request)
            status = writes.parse_status(body.get("status"))
            light = writes.parse_light(body.get("light"))
            comment = None if body.get("comment") is None else _text(body.get("comment"), "comment", empty=True)
            session_id = self.room.session_id
            before, after = await self._gate(
                lambda store: writes.set_action_status(
                    store, session_id, partner_id, action_id, status=status, light=light, comment=comment
                )
            )
            self.room.emit(RoomEvent("action-status", device.id, partner_id, before, after))
            return JSONResponse(
                {"id": after.id, "status": after.status, "light": after.light, "comment": after.status_comment},
                headers=_SECURITY_HEADERS,
            )

        return await self._guarded(request, serve, need="approved")

    # Taking it home ------------------------------------------------------------------

    async def _sheet(self, request: Request) -> Response:
        async def serve(device: Device | None) -> Response:
            device, partner_id = _bound(device)
            language = "en" if request.query_params.get("lang") == "en" else "da"
            session_id = self.room.session_id

            def read(store):
                from facilitator.export.snapshot import take_snapshot

                return take_snapshot(store, session_id)

            snapshot = await self._gate(read)
            partner = snapshot.partner(partner_id)
            if partner is None:
                return _not_found()

            def build() -> bytes:
                from facilitator.export import build_pdf

                return build_pdf(snapshot, "next-steps", language, partner=partner)

            data = await run_in_threadpool(build)
            title = "Aftaleark" if language == "da" else "Next steps"
            name = safe_file_name(f"{title} {partner.organisation or partner.name}") + ".pdf"
            ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
            return Response(
                data,
                media_type="application/pdf",
                headers={**_SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{ascii_name}"'},
            )

        # A download has a rate of its own (see `_admitted`): a page that has just read its
        # state after a flurry of notices must not be refused its sheet (a phone saved the
        # refusal as a file).
        return await self._guarded(request, serve, need="approved")


def _bound(device: Device | None) -> tuple[Device, int]:
    """The device and its partner (the guard let only approved, bound devices through)."""
    if device is None or device.partner_id is None:
        raise BadRequest(_NOT_JOINED, 401)
    return device, device.partner_id


def _integer(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(Text(f"Feltet »{name}« skal være et helt tal.", f"The field “{name}” must be a whole number."))
    return value


#: The start of an HTML tag or comment: "<b", "</", "<!", "<?". "a < b" and "<3" pass.
_MARKUP = re.compile(r"<\s*[A-Za-z/!?]")


def _text(value: object, name: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value):
        raise BadRequest(Text(f"Feltet »{name}« skal være tekst.", f"The field “{name}” must be text."))
    # Every page and the app show text as text, never as markup; refusing tags as well keeps
    # a hostile phone from planting them in the session file, the report or another tool.
    if _MARKUP.search(value):
        raise BadRequest(
            Text(
                f"Feltet »{name}« må ikke indeholde HTML-mærker som <b> eller <script>.",
                f"The field “{name}” cannot hold HTML tags such as <b> or <script>.",
            )
        )
    return value
