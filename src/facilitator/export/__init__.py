"""Exports of a session: PDF documents, the actions as CSV and as a calendar.

Plain Python (no Qt): the GUI and the command line both call `export_pdf` and friends.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.export.action_files import actions_csv, actions_ics
from facilitator.export.action_log import action_log_csv, action_log_ics
from facilitator.export.files import ExportError, write_file
from facilitator.export.snapshot import SessionSnapshot, take_snapshot
from facilitator.store import PartnerData
from facilitator.text import Text

#: The PDF documents, by the name the command line and the export dialog use.
SHEETS = ("next-steps", "report", "templates", "invitation", "status")


def build_pdf(
    snapshot: SessionSnapshot,
    sheet: str = "next-steps",
    language: str = "da",
    *,
    partner: PartnerData | None = None,
    notes: bool = False,
    pagesize: str = "A4",
) -> bytes:
    """One of the `SHEETS` as PDF. `partner` only for the next-steps sheet, `pagesize` only for templates."""
    if sheet == "next-steps":
        from facilitator.export.sheet import build_sheet

        return build_sheet(snapshot, language, partner=partner)
    if sheet == "report":
        from facilitator.export.report import build_report

        return build_report(snapshot, language, notes=notes)
    if sheet == "templates":
        from facilitator.export.blank_templates import build_templates

        return build_templates(language, pagesize=pagesize, session=snapshot)
    if sheet == "invitation":
        from facilitator.export.invitation_pdf import build_invitation

        return build_invitation(snapshot, language)
    if sheet == "status":
        from facilitator.export.status_report import build_status_report

        return build_status_report(snapshot, language)
    raise ValueError(f"unknown sheet {sheet!r}")


def find_partner(snapshot: SessionSnapshot, name: str) -> PartnerData:
    """The partner `name` means (name, organisation or initials); ExportError naming the choices if none."""
    partner = snapshot.partner_named(name)
    if partner is None:
        choices = ", ".join(p.organisation or p.name for p in snapshot.partners) or "–"
        raise ExportError(
            Text(
                f"Partneren »{name}« er ikke med i sessionen. Partnerne er: {choices}.",
                f"The partner “{name}” is not in the session. The partners are: {choices}.",
            )
        )
    return partner


def save(path: Path | str, data: bytes) -> Path:
    """Write an export whole (never a half-written file); ExportError if it cannot be written."""
    target = Path(path).expanduser()
    write_file(target, data)
    return target


__all__ = [
    "SHEETS",
    "ExportError",
    "SessionSnapshot",
    "action_log_csv",
    "action_log_ics",
    "actions_csv",
    "actions_ics",
    "build_pdf",
    "find_partner",
    "save",
    "take_snapshot",
]
