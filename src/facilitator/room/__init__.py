"""The room: a small web server on the local network where partners write from their phones.

No Qt: the window opens a `Room` with its own `StoreGate` and runs a `RoomServer`; the
`facilitator room` command does the same with a `DirectGate`. See docs/room.md.
"""

from facilitator.room.gate import DirectGate, StoreGate
from facilitator.room.room import MAX_DEVICES, Device, Room, RoomEvent
from facilitator.room.server import RoomServer, default_bind_address

__all__ = [
    "MAX_DEVICES",
    "Device",
    "DirectGate",
    "Room",
    "RoomEvent",
    "RoomServer",
    "StoreGate",
    "default_bind_address",
]
