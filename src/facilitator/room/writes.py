"""What a device may change, each a function run through the gate with the store's own calls.

A device writes only for its own partner, only in the circle of the step now running,
only its partner's actions' owner person and due date, and, at a status step of a
follow-up, only its partner's actions' status, light and comment. Everything else is
refused with a clear message, and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.conversation import CIRCLES
from facilitator.conversation.action_status import LIGHTS
from facilitator.conversation.next_steps import STATUSES, Action, owner_label
from facilitator.room.view import current_step, step_kind
from facilitator.text import Text, UserError

if TYPE_CHECKING:
    from facilitator.store import CircleData, ElementData, Store


class Refused(UserError):
    """A device asked for something it may not do now (the page shows the message)."""


class NotFound(UserError):
    """A device named a record that is not its to see."""


def _not_found() -> NotFound:
    return NotFound(Text("Findes ikke.", "Not found."))


def current_circle_kind(store: Store, session_id: int) -> str:
    """The kind of circle partners write now; Refused unless a circle step runs."""
    found = current_step(store.get_session(session_id))
    mode, kind = step_kind(found[1] if found else None)
    if mode != "circle" or kind is None:
        raise Refused(
            Text(
                "Der skrives ikke i cirklerne lige nu. Vent på facilitatoren.",
                "The circles are not open for writing now. Wait for the facilitator.",
            )
        )
    return kind


def _own_circle(store: Store, session_id: int, partner_id: int, circle_id: int | None, kind: str) -> CircleData:
    if circle_id is None:
        return store.ensure_circle(session_id, partner_id, kind)
    for circle in store.circles(session_id, kind=kind, partner_id=partner_id):
        if circle.id == circle_id:
            return circle
    raise _not_found()


def _own_element(store: Store, session_id: int, partner_id: int, element_id: int, kind: str) -> ElementData:
    for element in store.elements(session_id, kind=kind, partner_id=partner_id):
        if element.id == element_id:
            return element
    raise _not_found()


def add_element(
    store: Store, session_id: int, partner_id: int, circle_id: int | None, field: str, text: str
) -> ElementData:
    """Add the partner's element to a field of their circle of the running circle step."""
    kind = current_circle_kind(store, session_id)
    if field not in CIRCLES[kind].field_ids():
        raise _not_found()
    circle = _own_circle(store, session_id, partner_id, circle_id, kind)
    return store.add_element(circle.id, field, text, written_on_device=True)


def update_element(
    store: Store, session_id: int, partner_id: int, element_id: int, text: str
) -> tuple[ElementData, ElementData]:
    """Change the words of one of the partner's elements; returns (before, after)."""
    kind = current_circle_kind(store, session_id)
    before = _own_element(store, session_id, partner_id, element_id, kind)
    return before, store.update_element(element_id, text)


def remove_element(store: Store, session_id: int, partner_id: int, element_id: int) -> ElementData:
    """Remove one of the partner's elements (the facilitator can bring it back); returns it."""
    kind = current_circle_kind(store, session_id)
    before = _own_element(store, session_id, partner_id, element_id, kind)
    store.remove_element(element_id)
    return before


def parse_due(value: object) -> dt.date | None:
    """A due date as the page sends it: "YYYY-MM-DD", or empty/None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Refused(Text("Datoen er ugyldig; skriv den som ÅÅÅÅ-MM-DD.", "The date is invalid; write it as YYYY-MM-DD."))


def update_action(
    store: Store, session_id: int, partner_id: int, action_id: int, owner_person: str, due: dt.date | None
) -> tuple[Action, Action]:
    """Confirm or correct the owner person and due date of one of the partner's actions."""
    found = current_step(store.get_session(session_id))
    if step_kind(found[1] if found else None)[0] not in ("next-steps", "closing"):
        raise Refused(
            Text("Næste skridt kan ikke rettes lige nu.", "The next steps cannot be changed now."),
        )
    before = next((a for a in store.actions(session_id) if a.id == action_id), None)
    if before is None or before.owner_partner_id != partner_id:
        raise _not_found()
    return before, store.update_action(action_id, owner_person=owner_person, due=due)


@dataclass(frozen=True)
class StatusBefore:
    """An action as it was before a device set its status, and how long its history was then.

    The window's undo needs both: `Store.restore_action_status` puts the record back and
    cuts the history to that length.
    """

    action: Action
    history_length: int


def parse_status(value: object) -> str | None:
    """A status as the page sends it: one of STATUSES, or None to leave it."""
    if value is None or (isinstance(value, str) and value in STATUSES):
        return value  # type: ignore[return-value]
    words = ", ".join(STATUSES)
    # A plain UserError: the page sent a value no page offers (400), not a step that has moved on (409).
    raise UserError(Text(f"Feltet »status« skal være en af: {words}.", f"The field “status” must be one of: {words}."))


def parse_light(value: object) -> str | None:
    """A light as the page sends it: green, yellow, red, "" (none) or None to leave it."""
    if value is None or (isinstance(value, str) and (value == "" or value in LIGHTS)):
        return value  # type: ignore[return-value]
    words = ", ".join(LIGHTS)
    raise UserError(
        Text(
            f"Feltet »light« skal være en af: {words} (eller tom for intet lys).",
            f"The field “light” must be one of: {words} (or empty for no light).",
        )
    )


def set_action_status(
    store: Store,
    session_id: int,
    partner_id: int,
    action_id: int,
    *,
    status: str | None,
    light: str | None,
    comment: str | None,
) -> tuple[StatusBefore, Action]:
    """The owner's word on one of their partner's actions at a status step; returns (before, after).

    The same store call as the window's status board, so the same limits and history;
    the history names the partner who said it.
    """
    found = current_step(store.get_session(session_id))
    if step_kind(found[1] if found else None)[0] != "status":
        raise Refused(
            Text(
                "Status på aftalerne kan kun sættes, mens facilitatoren viser statustavlen.",
                "The status of the agreements can only be set while the facilitator shows the status board.",
            )
        )
    before = next((a for a in store.actions(session_id) if a.id == action_id), None)
    if before is None or before.owner_partner_id != partner_id:
        raise _not_found()
    partner = next((p for p in store.partners(session_id) if p.id == partner_id), None)
    by = owner_label(before, (partner.name, partner.organisation) if partner else None)
    history_length = len(store.action_history(action_id))
    after = store.set_action_status(action_id, status=status, light=light, comment=comment, by=by)
    return StatusBefore(before, history_length), after
