"""The next-steps sheet (aftaleark): what the partners agreed, for them and their management.

One shared sheet, or one per partner with that partner's own actions first, and a line for
each partner to sign. What it tells is `agreements.agreements`, which the report tells too.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from facilitator.export.agreements import agreements
from facilitator.export.document import (
    CONTENT_WIDTH,
    MUTED,
    Styles,
    gap,
    make_styles,
    page_frame,
    para,
    render,
    title_block,
)
from facilitator.export.snapshot import SessionSnapshot
from facilitator.store import PartnerData
from facilitator.text import Text

SHEET_TITLE = Text("Aftaleark", "Next-steps sheet")


def build_sheet(snapshot: SessionSnapshot, language: str = "da", *, partner: PartnerData | None = None) -> bytes:
    """The next-steps sheet as PDF: shared, or for one partner with its own actions first."""
    styles = make_styles()
    kind = SHEET_TITLE
    if partner is not None:
        kind = Text(
            f"Aftaleark for {partner.organisation or partner.name}",
            f"Next steps for {partner.organisation or partner.name}",
        )
    story = title_block(snapshot, kind.get(language), styles, language)
    story += agreements(snapshot, styles, language, partner=partner)
    signers = [partner] if partner is not None else list(snapshot.partners)
    story += [gap(4), *signatures(signers, styles, language)]
    return render(
        story,
        page_frame(snapshot, kind, language),
        title=f"{kind.get(language)} – {snapshot.session.title}",
        author=snapshot.session.facilitator,
    )


def signatures(partners: Sequence[PartnerData], styles: Styles, language: str) -> list[Flowable]:
    """A line per partner to sign, for the sheet that goes to management."""
    if not partners:
        return []
    header = Text("Tiltrådt af partnerne", "Agreed by the partners")
    date, signature = Text("Dato", "Date").get(language), Text("Underskrift", "Signature").get(language)
    rows = [
        [
            [
                para(partner.organisation or partner.name, styles.cell_bold),
                para(partner.name if partner.organisation else "", styles.small),
            ],
            "",
            "",
            "",
        ]
        for partner in partners
    ]
    captions = ["", para(date, styles.small), "", para(signature, styles.small)]
    # An empty column between the lines, so date and signature read as two fields.
    grid = Table(
        [row for partner_row in rows for row in (partner_row, captions)],
        colWidths=[CONTENT_WIDTH * 0.34, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.05, CONTENT_WIDTH * 0.41],
        rowHeights=[10 * mm, 4.5 * mm] * len(rows),
        hAlign="LEFT",
    )
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                *[
                    ("LINEBELOW", (column, row), (column, row), 0.6, MUTED)
                    for row in range(0, 2 * len(rows), 2)
                    for column in (1, 3)
                ],
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *[("VALIGN", (0, row), (-1, row), "TOP") for row in range(1, 2 * len(rows), 2)],
            ]
        )
    )
    return [KeepTogether([para(header.get(language), styles.h1), grid])]
