"""The room's server: uvicorn (httptools, else h11) on one worker thread with its own asyncio loop.

`start` binds the socket itself before the thread runs, so it returns with the port known
and connections already queueing; `stop` ends the live streams, lets uvicorn close, and
joins the thread. Nothing here listens on all interfaces unless the caller passes such an
address.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import logging
import socket
import threading

import uvicorn

from facilitator.room.room import Room
from facilitator.room.web import RoomApp
from facilitator.text import Text, UserError

logger = logging.getLogger(__name__)

#: Seconds uvicorn waits for open requests when the room closes (a PDF being built).
GRACEFUL_SECONDS = 3
#: Bytes a request may send before its headers end. A phone's head is one or two kB; a
#: request's first packet may carry its body too (at most `web.MAX_BODY_BYTES`).
MAX_HEAD_BYTES = 32 * 1024


@functools.cache
def http_protocol() -> type[asyncio.Protocol] | str:
    """How the room's server reads HTTP: httptools' C parser with a bounded head, else h11.

    httptools parsed a request in a fraction of h11's time (parsing was a fifth of the
    room's work per add, docs/benchmarks.md); h11 is the fallback where it is missing.
    """
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "h11"

    class BoundedHead(HttpToolsProtocol):
        """uvicorn's httptools protocol with a limit on a request's head, as h11 has one.

        httptools reads a head of any length: a stranger on the Wi-Fi could send megabytes
        of headers and the room would hold them all. Bytes are counted before they are
        parsed, because the parser keeps an unfinished header line whole.
        """

        _in_head = True
        _head_bytes = 0

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                self._head_bytes += len(data)
                if self._head_bytes > MAX_HEAD_BYTES:
                    self.logger.warning("A request's head was too large.")
                    self.send_400_response("Request head too large.")
                    return
            super().data_received(data)

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._in_head = True
            self._head_bytes = 0

    return BoundedHead


CANNOT_LISTEN = Text(
    "Rummet kan ikke åbnes på {address}: {reason}. Vælg et andet netværk i rummets panel.",
    "The room cannot open on {address}: {reason}. Choose another network in the room's panel.",
)


class RoomServer:
    """Serves one room on one address until stopped."""

    def __init__(self, room: Room, host: str, port: int = 0) -> None:
        self.room = room
        self.host = host
        self.port = port
        self.running = False
        self._web = RoomApp(room)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    @property
    def web(self) -> RoomApp:
        """The ASGI app served (its counts are read by the benchmarks)."""
        return self._web

    @property
    def url(self) -> str:
        """The join address, token included: http://192.168.1.23:8765/r/<token>/."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/r/{self.room.token}/"

    def start(self) -> None:
        """Bind and start serving on a worker thread; returns once the socket listens.

        OSError (address in use, not this computer's) if it cannot bind.
        """
        with self._lock:
            if self.running:
                return
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((self.host, self.port))
                sock.listen(128)
            except OSError:
                sock.close()
                raise
            self.port = sock.getsockname()[1]
            config = uvicorn.Config(
                self._web,
                http=http_protocol(),
                ws="none",
                loop="asyncio",
                lifespan="off",
                log_level="warning",
                access_log=False,
                server_header=False,
                date_header=False,
                # No proxy stands before the room: an X-Forwarded-For from the laptop itself
                # would otherwise name any address it liked (and its own rate limit).
                proxy_headers=False,
                timeout_graceful_shutdown=GRACEFUL_SECONDS,
                # The room's own limit is 60 devices; this bounds what a flood can hold open.
                limit_concurrency=400,
            )
            server = uvicorn.Server(config)
            started = threading.Event()

            def serve() -> None:
                loop = asyncio.new_event_loop()
                self._loop = loop
                asyncio.set_event_loop(loop)
                started.set()
                try:
                    loop.run_until_complete(server.serve(sockets=[sock]))
                finally:
                    sock.close()
                    loop.close()

            self._server = server
            self._thread = threading.Thread(target=serve, name="room-server", daemon=True)
            self._thread.start()
            started.wait()
            self.running = True

    def stop(self) -> None:
        """Close every connection and the socket; returns once the thread has ended. Idempotent."""
        with self._lock:
            if not self.running:
                return
            server, thread, loop = self._server, self._thread, self._loop
            if loop is not None and not loop.is_closed():
                # RuntimeError: the loop ended on its own.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(self._web.close)
            if server is not None:
                server.should_exit = True
            if thread is not None:
                thread.join()
            self.running = False
            self._server = self._thread = self._loop = None


def start_server(room: Room, host: str, ports: tuple[int, ...]) -> RoomServer:
    """The room's server listening on `host`, on the first of `ports` it can have (0: any free one).

    UserError (CANNOT_LISTEN, with the last reason) when none can be had.
    """
    reason = ""
    for port in ports:
        server = RoomServer(room, host, port)
        try:
            server.start()
        except OSError as error:
            # The preferred port may be taken (another app, a room that just closed): the next.
            reason = error.strerror or str(error)
            continue
        return server
    raise UserError(CANNOT_LISTEN.format(address=host, reason=reason))


def default_bind_address() -> str:
    """This laptop's address on its local network, found without sending anything.

    Connecting a UDP socket only asks the routing table which interface would be used; no
    packet leaves. The target is a private address, so nothing points outside the network.
    Falls back to loopback when the laptop has no network at all.
    """
    for target in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((target, 9))
                address = probe.getsockname()[0]
            except OSError:
                continue
        if address and not ipaddress.ip_address(address).is_unspecified:
            return address
    return "127.0.0.1"
