"""One running app per data folder: a second start hands over to the first and quits.

Two processes writing the same database would each believe their screen is the truth. The
lock file says who owns the folder; the local socket (a named pipe or Unix socket, never
the network) lets a second start ask the owner to bring its window forward.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_NAME = "facilitator.lock"
_MESSAGE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """The local socket name for one data folder, short enough for every platform."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"facilitator-{digest}"


class SingleInstance(QObject):
    """Owns the data folder for this process, or finds the process that does."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self._lock = QLockFile(str(self.data_dir / LOCK_NAME))
        # Age alone never makes the lock stale (a workshop runs all day); a lock whose
        # process has died is still taken over, which QLockFile checks by its process id.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the folder for this process; False if another running app has it.

        With `listen=False` the owner answers a second start only once `listen()` is called:
        the app does that after its first paint, since QtNetwork costs the start some 20 ms.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(100):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer a second start's request to come forward."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        # A server name left behind by a crashed run would make listen() fail.
        QLocalServer.removeServer(self.name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._server.listen(self.name)

    def notify_running(self, timeout_ms: int = 10_000) -> bool:
        """Ask the app that owns the folder to come forward; False if it does not answer.

        The owner listens only once its window is painted, which on a busy laptop that is
        itself starting up can take seconds; giving up early would open a second window.
        """
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_ms / 1000
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
                break
            if time.monotonic() >= deadline:
                return False
            # The owner may still be starting: it listens once its window is painted.
            time.sleep(0.05)
        socket.write(_MESSAGE)
        delivered = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return delivered

    def release(self) -> None:
        """Give the folder up (at quit)."""
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            # The message is one short line written at once; reading it here, with a short
            # wait, keeps no socket alive across event-loop turns.
            arrived = connection.bytesAvailable() > 0 or connection.waitForReadyRead(1000)
            if arrived and bytes(connection.readAll().data()).startswith(_MESSAGE.strip()):
                self.activation_requested.emit()
            connection.disconnectFromServer()
