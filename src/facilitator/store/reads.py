"""The statements of the store's most frequent calls, built once and run on the connection.

Each room request reads which step runs, and each page's look again reads the session,
its partners, the day plan, the timers and the partner's circle. Building a SQLAlchemy
statement and running it through the ORM cost several times what SQLite itself spends;
built once with bound parameters and run on the transaction's connection, a read costs a
fraction of that. The results are the same columns the mapped rows hold.
"""

from __future__ import annotations

import functools

from sqlalchemy import Select, bindparam, func, insert, select, update

from facilitator.store.models import (
    CircleRow,
    ElementRow,
    ElementValueRow,
    PartnerRow,
    SessionRow,
    StepPlanRow,
    TimerEventRow,
)

#: A session's columns in `SessionData`'s order.
SESSION = select(
    SessionRow.id,
    SessionRow.title,
    SessionRow.date,
    SessionRow.venue,
    SessionRow.facilitator,
    SessionRow.start_time,
    SessionRow.program_name,
    SessionRow.program_text,
    SessionRow.current_step_id,
).where(SessionRow.id == bindparam("session_id"))

#: A session's partners, columns in `PartnerData`'s order, in their agreed order.
PARTNERS = (
    select(
        PartnerRow.id,
        PartnerRow.session_id,
        PartnerRow.position,
        PartnerRow.name,
        PartnerRow.organisation,
        PartnerRow.role,
        PartnerRow.mandate,
        PartnerRow.why_now,
        PartnerRow.colour,
    )
    .where(PartnerRow.session_id == bindparam("session_id"))
    .order_by(PartnerRow.position, PartnerRow.id)
)

STEP_PLANS = select(StepPlanRow.step_id, StepPlanRow.minutes, StepPlanRow.skipped, StepPlanRow.after_id).where(
    StepPlanRow.session_id == bindparam("session_id")
)

TIMER_EVENTS = (
    select(TimerEventRow.step_id, TimerEventRow.kind, TimerEventRow.at, TimerEventRow.elapsed, TimerEventRow.amount)
    .where(TimerEventRow.session_id == bindparam("session_id"))
    .order_by(TimerEventRow.id)
)

#: A write's mark on its session ("last changed"), without loading the session's row.
TOUCH = update(SessionRow).where(SessionRow.id == bindparam("session_id")).values(updated_at=bindparam("now"))

#: The next free position in one field of one circle.
LAST_ELEMENT_POSITION = select(func.max(ElementRow.position)).where(
    ElementRow.circle_id == bindparam("circle_id"), ElementRow.field == bindparam("field")
)

#: What adding an element needs of its circle.
CIRCLE_FOR_ELEMENT = select(
    CircleRow.id, CircleRow.session_id, CircleRow.partner_id, CircleRow.kind, CircleRow.deleted, CircleRow.revealed
).where(CircleRow.id == bindparam("circle_id"))

#: A partner's first circle of a kind (columns in `CircleData`'s order).
FIRST_CIRCLE = (
    select(
        CircleRow.id,
        CircleRow.session_id,
        CircleRow.partner_id,
        CircleRow.kind,
        CircleRow.title,
        CircleRow.position,
        CircleRow.revealed,
    )
    .where(
        CircleRow.partner_id == bindparam("partner_id"),
        CircleRow.kind == bindparam("kind"),
        CircleRow.deleted.is_(False),
    )
    .order_by(CircleRow.position, CircleRow.id)
    .limit(1)
)

#: Whether a circle has a visible element (one row or none).
ANY_ELEMENT = (
    select(ElementRow.id).where(ElementRow.circle_id == bindparam("circle_id"), ElementRow.deleted.is_(False)).limit(1)
)

INSERT_ELEMENT = insert(ElementRow)
INSERT_ELEMENT_VALUE = insert(ElementValueRow)
HIDE_CIRCLE = update(CircleRow).where(CircleRow.id == bindparam("circle_id")).values(revealed=False)


@functools.cache
def circles(by_kind: bool, by_partner: bool) -> Select:
    """A session's circles (columns in `CircleData`'s order), in partner order, then as added."""
    query = (
        select(
            CircleRow.id,
            CircleRow.session_id,
            CircleRow.partner_id,
            CircleRow.kind,
            CircleRow.title,
            CircleRow.position,
            CircleRow.revealed,
        )
        .join(PartnerRow, PartnerRow.id == CircleRow.partner_id)
        .where(CircleRow.session_id == bindparam("session_id"), CircleRow.deleted.is_(False))
        .order_by(PartnerRow.position, CircleRow.position, CircleRow.id)
    )
    if by_kind:
        query = query.where(CircleRow.kind == bindparam("kind"))
    if by_partner:
        query = query.where(CircleRow.partner_id == bindparam("partner_id"))
    return query


@functools.cache
def elements(by_kind: bool, by_partner: bool, by_circle: bool) -> tuple[Select, Select]:
    """A session's visible elements and their value forms: (elements, value forms).

    The elements' columns are in `ElementData`'s order (without the value forms), then
    their partner's and circle's positions for sorting.
    """
    filters = [ElementRow.session_id == bindparam("session_id"), ElementRow.deleted.is_(False)]
    if by_kind:
        filters.append(ElementRow.kind == bindparam("kind"))
    if by_partner:
        filters.append(ElementRow.partner_id == bindparam("partner_id"))
    if by_circle:
        filters.append(ElementRow.circle_id == bindparam("circle_id"))
    # Elements of a removed circle are hidden with it.
    filters.append((CircleRow.id.is_(None)) | (CircleRow.deleted.is_(False)))
    rows = (
        select(
            ElementRow.id,
            ElementRow.session_id,
            ElementRow.circle_id,
            ElementRow.partner_id,
            ElementRow.kind,
            ElementRow.field,
            ElementRow.position,
            ElementRow.text,
            ElementRow.category,
            ElementRow.written_on_device,
            PartnerRow.position,
            CircleRow.position,
        )
        .outerjoin(PartnerRow, PartnerRow.id == ElementRow.partner_id)
        .outerjoin(CircleRow, CircleRow.id == ElementRow.circle_id)
        .where(*filters)
    )
    # Every element shows its value forms: one statement for all, not one per element.
    values = (
        select(ElementValueRow.element_id, ElementValueRow.value_form)
        .join(ElementRow, ElementRow.id == ElementValueRow.element_id)
        .outerjoin(CircleRow, CircleRow.id == ElementRow.circle_id)
        .where(*filters)
    )
    return rows, values


@functools.cache
def element_words() -> Select:
    """One partner's visible elements of one kind, only what a room page shows, in order within each field."""
    return (
        select(ElementRow.id, ElementRow.circle_id, ElementRow.field, ElementRow.text, ElementRow.written_on_device)
        .outerjoin(CircleRow, CircleRow.id == ElementRow.circle_id)
        .where(
            ElementRow.session_id == bindparam("session_id"),
            ElementRow.deleted.is_(False),
            ElementRow.kind == bindparam("kind"),
            ElementRow.partner_id == bindparam("partner_id"),
            (CircleRow.id.is_(None)) | (CircleRow.deleted.is_(False)),
        )
        .order_by(ElementRow.position, ElementRow.id)
    )


__all__ = [
    "ANY_ELEMENT",
    "CIRCLE_FOR_ELEMENT",
    "FIRST_CIRCLE",
    "HIDE_CIRCLE",
    "INSERT_ELEMENT",
    "INSERT_ELEMENT_VALUE",
    "LAST_ELEMENT_POSITION",
    "PARTNERS",
    "SESSION",
    "STEP_PLANS",
    "TIMER_EVENTS",
    "TOUCH",
    "circles",
    "elements",
]
