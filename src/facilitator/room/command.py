"""`facilitator room SESSION`: the room without the window, until Ctrl+C or SIGTERM.

For preparing elements before the day and for testing. With no facilitator at a window to
approve devices, every device is let in; standard error says so.
"""

from __future__ import annotations

import ipaddress
import signal
import threading
from typing import TYPE_CHECKING, TextIO

from facilitator.room.gate import DirectGate
from facilitator.room.room import Room
from facilitator.room.server import RoomServer, default_bind_address
from facilitator.text import Text, UserError

if TYPE_CHECKING:
    from facilitator.store import Store


def check_address(address: str) -> str:
    """An IP address to bind to, as given; UserError for anything else (a name is not looked up)."""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        raise UserError(
            Text(
                f"»{address}« er ingen IP-adresse. Brug fx --bind 127.0.0.1 eller computerens adresse på netværket.",
                f"“{address}” is no IP address. Use e.g. --bind 127.0.0.1 or the computer's address on the network.",
            )
        ) from None


def serve(
    store: Store,
    session_key: str,
    *,
    bind: str | None,
    port: int,
    step: str | None,
    out: TextIO,
    err: TextIO,
    stop: threading.Event | None = None,
) -> int:
    """Open the room on a session, print its address first, serve until `stop` (or a signal)."""
    session_id = store.find_session(session_key)
    session = store.get_session(session_id)
    if step is not None:
        if step not in session.program().step_ids():
            raise UserError(
                Text(f"Sessionens program har intet trin »{step}«.", f"The session's program has no step “{step}”.")
            )
        store.update_session(session_id, current_step_id=step)
    if not 0 <= port <= 65535:
        raise UserError(Text(f"Porten {port} findes ikke (0-65535).", f"There is no port {port} (0-65535)."))
    host = check_address(bind) if bind else default_bind_address()
    room = Room(DirectGate(store), session_id, approve_everyone=True)
    server = RoomServer(room, host, port)
    try:
        server.start()
    except OSError as error:
        raise UserError(
            Text(
                f"Rummet kan ikke åbnes på {host}:{port}: {error.strerror or error}.",
                f"The room cannot open on {host}:{port}: {error.strerror or error}.",
            )
        ) from None
    print(server.url, file=out, flush=True)
    stop = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGINT, signal.SIGTERM):
            previous[number] = signal.signal(number, lambda *_args: stop.set())
    try:
        print(
            f"Rummet er åbent for »{session.title}«, kode {room.join_code}. Uden facilitatorens vindue godkendes "
            "alle enheder, der vælger en partner. Stop med Ctrl+C.\n"
            f"The room is open for “{session.title}”, code {room.join_code}. Without the facilitator's window every "
            "device that picks a partner is approved. Stop with Ctrl+C.",
            file=err,
            flush=True,
        )
        if ipaddress.ip_address(host).is_unspecified:
            print(
                "Advarsel: rummet lytter på alle netværk. / Warning: the room listens on every network.",
                file=err,
                flush=True,
            )
        # A timeout, so Ctrl+C is seen on Windows too, where a plain wait is not interrupted.
        while not stop.wait(1.0):
            pass
    finally:
        server.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    print("Rummet er lukket. / The room is closed.", file=err, flush=True)
    return 0
