"""The exports' error, and writing an export file whole. No ReportLab here, so JSON and CSV exports start fast."""

from __future__ import annotations

from pathlib import Path

from facilitator import files
from facilitator.text import UserError


class ExportError(UserError):
    """An export that could not be made: a partner not in the session, a file that could not be written."""


def write_file(path: Path, data: bytes) -> None:
    """Write an export whole or not at all (see `facilitator.files.write_file`); ExportError if it cannot."""
    try:
        files.write_file(path, data)
    except files.WriteError as error:
        raise ExportError(error.text) from None
