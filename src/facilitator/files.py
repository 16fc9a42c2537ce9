"""Writing a whole file whole or not at all: exports, the settings, a saved programme.

It sits low in the layers (nothing of facilitator but `text`), so the settings can save
without loading the exports, and any layer that writes a file uses the same safe write.
"""

from __future__ import annotations

import errno
import os
import tempfile
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
    """Write `data` to `path` whole or not at all: an old file is only replaced by a complete one."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise WriteError(path, _reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(path, _reason(error)) from None


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
