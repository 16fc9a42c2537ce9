"""The room itself: its secret address, the devices in it, who may write, and who hears of changes.

No HTTP here: `facilitator.room.web` turns requests into calls on a `Room`, and the window
talks to the same object (approve, release, notify_changed). Everything is guarded by one
lock, because the server thread and the GUI thread both call in.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from facilitator.room.gate import StoreGate
from facilitator.text import Text, UserError
from facilitator.timing.clock import Clock, SystemClock

logger = logging.getLogger(__name__)

#: The most devices one room lets in: a day has 4-8 partners, a few with two devices.
MAX_DEVICES = 60
#: A device's requests: a burst of this many, then `RATE_PER_SECOND` more each second.
RATE_BURST = 10
RATE_PER_SECOND = 5.0
#: A device's name as its owner typed it (or the browser's guess), cut to this length.
MAX_LABEL_LENGTH = 60
#: Letters of the join code: no 0/O or 1/I/L, so it reads aloud and off a projector.
_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 5

EVENT_KINDS = (
    "devices",
    "element-added",
    "element-changed",
    "element-removed",
    "action-changed",
    "action-status",
    # The room's process ended without being told to (see `room.process`).
    "stopped",
)
#: Kinds of change only the partner's own pages show (see `Room.scope_of`).
_PARTNER_ONLY = frozenset({"element-added", "element-changed", "element-removed", "action-status"})


@dataclass(frozen=True)
class Device:
    """A phone or laptop that joined the room, as the facilitator's panel lists it."""

    id: str
    label: str
    partner_id: int | None
    approved: bool
    last_seen: dt.datetime


@dataclass(frozen=True)
class RoomEvent:
    """Something a device did (or the device list changed), for the window and its undo."""

    kind: str
    device_id: str | None = None
    partner_id: int | None = None
    #: The record before the change (ElementData, Action, or for "action-status" a
    #: `writes.StatusBefore`), for undo.
    before: object | None = None
    #: The record after the change.
    after: object | None = None


class Listeners:
    """Who hears of a room's events, from whichever thread they come; one listener's trouble is its own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Callable[[RoomEvent], None]] = []

    def subscribe(self, listener: Callable[[RoomEvent], None]) -> Callable[[], None]:
        """Hear of every event; returns the call that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def tell(self, event: RoomEvent) -> None:
        """Every listener hears `event`."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                # A listener's trouble (the window closing) must not fail the partner's write,
                # which is stored already.
                logger.exception("a room listener failed")


class RoomFull(UserError):
    """The room has `MAX_DEVICES` devices already."""


@dataclass
class _Bucket:
    tokens: float
    at: float


class Room:
    """One opening of the room for one session: a fresh token, the devices, the listeners."""

    def __init__(
        self,
        gate: StoreGate,
        session_id: int,
        *,
        clock: Clock | None = None,
        approve_everyone: bool = False,
    ) -> None:
        self.gate = gate
        self.session_id = session_id
        self._clock = clock or SystemClock()
        #: The secret part of the address: 256 bits, new each time a room opens.
        self.token = secrets.token_urlsafe(32)
        #: A short code on the projector, so a partner can tell they reached the right room.
        self.join_code = "".join(secrets.choice(_CODE_LETTERS) for _ in range(JOIN_CODE_LENGTH))
        self._approve_everyone = approve_everyone
        self._lock = threading.RLock()
        self._devices: dict[str, Device] = {}
        #: A device's secret (what its browser sends) -> its id (what the window sees).
        self._secrets: dict[str, str] = {}
        self._buckets: dict[str, _Bucket] = {}
        self._listeners = Listeners()
        #: Each live page's wake-up call -> the device it belongs to (None before it joined).
        self._wakers: dict[Callable[[dict | None], None], str | None] = {}
        self._version = 0
        #: Changes every page shows, and changes one partner's pages show (see `seen_by`).
        self._everyone_version = 0
        self._partner_versions: dict[int, int] = {}

    # The facilitator's side ---------------------------------------------------------

    @property
    def approve_everyone(self) -> bool:
        """Whether a device may write as soon as it has picked its partner."""
        return self._approve_everyone

    @approve_everyone.setter
    def approve_everyone(self, value: bool) -> None:
        with self._lock:
            self._approve_everyone = bool(value)
            if value:
                for device in list(self._devices.values()):
                    if device.partner_id is not None and not device.approved:
                        self._devices[device.id] = replace(device, approved=True)
        self._changed(RoomEvent("devices"))

    def devices(self) -> list[Device]:
        """The devices in the room, in the order they joined."""
        with self._lock:
            return list(self._devices.values())

    def approve(self, device_id: str) -> None:
        """Let a device write for the partner it picked."""
        with self._lock:
            device = self._devices.get(device_id)
            if device is None or device.approved:
                return
            self._devices[device_id] = replace(device, approved=True)
        self._changed(RoomEvent("devices", device_id=device_id, partner_id=device.partner_id))

    def release(self, device_id: str) -> None:
        """Unbind a device from its partner; it must join (and be approved) again."""
        with self._lock:
            device = self._devices.pop(device_id, None)
            if device is None:
                return
            for secret, known in list(self._secrets.items()):
                if known == device_id:
                    del self._secrets[secret]
            self._buckets.pop(device_id, None)
        self._changed(RoomEvent("devices", device_id=device_id, partner_id=device.partner_id))

    def subscribe(self, listener: Callable[[RoomEvent], None]) -> Callable[[], None]:
        """Hear of every RoomEvent (on the server's thread); returns the call that stops it."""
        return self._listeners.subscribe(listener)

    def notify_changed(self, partner_id: int | None = None, news: dict | None = None) -> None:
        """Something changed that pages show: they look again.

        Without `partner_id` (the laptop's step, timer, reveal, any edit of its own) every
        device's page looks again; with it, only the pages of the devices bound to that
        partner, for a change nobody else's page shows. `news` is the change itself (see
        `news_of`): the partner's approved pages are handed it instead of a look again.
        """
        with self._lock:
            self._version += 1
            if partner_id is None:
                self._everyone_version += 1
                wakers = [(wake, None) for wake in self._wakers]
            else:
                self._partner_versions[partner_id] = self._partner_versions.get(partner_id, 0) + 1
                wakers = []
                for wake, device_id in self._wakers.items():
                    device = self._devices.get(device_id) if device_id else None
                    if device is not None and device.partner_id == partner_id:
                        wakers.append((wake, news if device.approved else None))
        for wake, told in wakers:
            wake(told)

    def seen_by(self, partner_id: int | None) -> tuple[int, int]:
        """How often what a page of `partner_id` shows has changed: (for everyone, for the partner).

        Equal counts mean an equal state (see `scope_of`): the pages of one partner share one
        read of it until either count moves.
        """
        with self._lock:
            return self._everyone_version, self._partner_versions.get(partner_id, 0) if partner_id is not None else 0

    @staticmethod
    def news_of(event: RoomEvent) -> dict | None:
        """What a page needs to show a device's new element without reading its state again.

        Only an added element: a page appends it to the circle it shows. Every other change
        is rare beside it, and a page reads its state for those.
        """
        after = event.after
        if event.kind != "element-added" or event.partner_id is None or after is None:
            return None
        return {
            "id": after.id,
            "circle": after.circle_id,
            "field": after.field,
            "text": after.text,
            "device": after.written_on_device,
        }

    @staticmethod
    def scope_of(event: RoomEvent) -> int | None:
        """Whose pages a device's change shows on: its partner's (an id), or everyone's (None).

        A device writes elements only while a circle step runs, and then every page shows
        only its own partner's circle (revealed or not); an owner's status is shown only on
        the owner's pages. Everything else (an action's owner and due date, which every
        page's list shows; approvals, releases) reaches every page: in doubt, all of them.
        """
        if event.partner_id is None:
            return None
        return event.partner_id if event.kind in _PARTNER_ONLY else None

    # The devices' side (called by the web layer) ---------------------------------------

    def now(self) -> dt.datetime:
        """The room clock's wall time (aware UTC)."""
        return self._clock.wall()

    @property
    def version(self) -> int:
        """Grows with every change a page should see."""
        return self._version

    def watch(self, wake: Callable[[dict | None], None], device_id: str | None = None) -> Callable[[], None]:
        """Be woken (from any thread) by every change the page of `device_id` shows.

        `wake` is handed the change's news (see `news_of`) where the page may see it, else
        None: look again. Without a device (a page that has not joined), only changes
        everyone sees wake it. Returns the call that stops it.
        """
        with self._lock:
            self._wakers[wake] = device_id

        def unwatch() -> None:
            with self._lock:
                self._wakers.pop(wake, None)

        return unwatch

    def join(self, partner_id: int, label: str) -> tuple[str, Device]:
        """A device picks its partner; returns its secret (for its browser) and the device."""
        label = " ".join(label.split())[:MAX_LABEL_LENGTH]
        with self._lock:
            if len(self._devices) >= MAX_DEVICES:
                raise RoomFull(
                    Text(
                        f"Rummet er fuldt ({MAX_DEVICES} enheder). Bed facilitatoren frigive en.",
                        f"The room is full ({MAX_DEVICES} devices). Ask the facilitator to release one.",
                    )
                )
            secret = secrets.token_urlsafe(32)
            device = Device(
                id=secrets.token_hex(8),
                label=label,
                partner_id=partner_id,
                approved=self._approve_everyone,
                last_seen=self._clock.wall(),
            )
            self._devices[device.id] = device
            self._secrets[secret] = device.id
        # The window lists the device; no page shows it. The joining page reads its state
        # itself, and a page's state is the same for every device of a partner (see
        # `seen_by`), so no other page looks again: with sixty phones joining at the start,
        # each join woke the partner's pages already there: some four hundred reads in the bench.
        self._tell(RoomEvent("devices", device_id=device.id, partner_id=partner_id))
        return secret, device

    def device_for(self, secret: str | None) -> Device | None:
        """The device a browser's secret names (None if unknown or released), seen now."""
        if not secret:
            return None
        with self._lock:
            device_id = self._secrets.get(secret)
            device = self._devices.get(device_id) if device_id else None
            if device is None:
                return None
            device = replace(device, last_seen=self._clock.wall())
            self._devices[device.id] = device
            return device

    def allow(self, key: str) -> bool:
        """Whether one more request from `key` (a device or an address) fits its rate."""
        now = self._clock.monotonic()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(RATE_BURST), now)
            bucket.tokens = min(float(RATE_BURST), bucket.tokens + (now - bucket.at) * RATE_PER_SECOND)
            bucket.at = now
            if bucket.tokens < 1.0:
                return False
            bucket.tokens -= 1.0
            return True

    def emit(self, event: RoomEvent) -> None:
        """Tell the listeners of a device's change, and the pages to look again."""
        self._changed(event)

    def _changed(self, event: RoomEvent) -> None:
        self._tell(event)
        self.notify_changed(self.scope_of(event), self.news_of(event))

    def _tell(self, event: RoomEvent) -> None:
        """The listeners (the window) hear of every event, whatever its scope."""
        self._listeners.tell(event)
