"""Writing a whole file whole or not at all: exports, the settings, a saved programme.

It sits low in the layers (nothing of facilitator but `text`), so the settings can save
without loading the exports, and any layer that writes a file uses the same safe write.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
from pathlib import Path

from facilitator.text import Text, UserError


class WriteError(UserError):
    """A file that could not be written (a folder that is gone, a full disk, no permission)."""

    def __init__(self, path: Path, reason: Text) -> None:
        super().__init__(
            Text(
                f"Filen {path} kan ikke gemmes: {reason.get('da')}. Vælg en anden mappe.",
                f"The file {path} cannot be saved: {reason.get('en')}. Choose another folder.",
            )
        )
        #: Why, in words a user understands ("disken er fuld"), for callers that say it their own way.
        self.reason = reason


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: an old file is only replaced by a complete one.

    A new file gets the permissions any program's would (0666 less the user's umask), so a
    PDF saved in a shared folder can be read there; a file replaced keeps its own.
    """
    path = Path(path)
    mode = _mode_for(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise WriteError(path, _reason(error)) from None
    try:
        # mkstemp makes the temporary file private (0600), and the rename would keep that.
        if mode is not None:
            os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(path, _reason(error)) from None


_UMASK_LOCK = threading.Lock()


def _mode_for(path: Path) -> int | None:
    """The permissions the written file should have: the replaced file's, or 0666 less the umask."""
    if not hasattr(os, "fchmod"):
        return None  # Windows: files inherit the folder's access rules
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way to read it is to set it; the lock keeps two writers from
    # seeing each other's placeholder.
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


_REASONS = {
    errno.ENOENT: Text("mappen findes ikke", "the folder does not exist"),
    errno.ENOTDIR: Text("mappen findes ikke", "the folder does not exist"),
    errno.EACCES: Text("der er ikke skriveadgang til mappen", "the folder is not writable"),
    errno.EPERM: Text("der er ikke skriveadgang til mappen", "the folder is not writable"),
    errno.EROFS: Text("mappen er skrivebeskyttet", "the folder is read-only"),
    errno.ENOSPC: Text("disken er fuld", "the disk is full"),
    errno.EISDIR: Text("der ligger en mappe med det navn", "a folder has that name"),
}


def _reason(error: OSError) -> Text:
    """Why a file could not be written, said for a user rather than as the system's error code."""
    return _REASONS.get(error.errno or 0, Text(error.strerror or str(error)))
