"""Writing an export file whole or not at all. No ReportLab here, so JSON and CSV exports start fast."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from facilitator.text import Text, UserError


class ExportError(UserError):
    """An export that could not be written (a folder that is gone, a full disk, no permission)."""


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: an old file is only replaced by a complete one."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, error) from None


_REASONS = {
    errno.ENOENT: Text("mappen findes ikke", "the folder does not exist"),
    errno.ENOTDIR: Text("mappen findes ikke", "the folder does not exist"),
    errno.EACCES: Text("der er ikke skriveadgang til mappen", "the folder is not writable"),
    errno.EPERM: Text("der er ikke skriveadgang til mappen", "the folder is not writable"),
    errno.EROFS: Text("mappen er skrivebeskyttet", "the folder is read-only"),
    errno.ENOSPC: Text("disken er fuld", "the disk is full"),
    errno.EISDIR: Text("der ligger en mappe med det navn", "a folder has that name"),
}


def _cannot_write(path: Path, error: OSError) -> ExportError:
    reason = _REASONS.get(error.errno or 0, Text(error.strerror or str(error)))
    return ExportError(
        Text(
            f"Filen {path} kan ikke gemmes: {reason.get('da')}. Vælg en anden mappe.",
            f"The file {path} cannot be saved: {reason.get('en')}. Choose another folder.",
        )
    )
