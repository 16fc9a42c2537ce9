"""What one device sees of the session: plain JSON-ready values, read in one go through the gate.

The rules of privacy live here: a device sees its own partner's elements, and another
partner's only once the facilitator has revealed that circle. Texts go out in both
languages ([Danish, English]); the page picks one and shows every value as plain text.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from facilitator.conversation import CIRCLES
from facilitator.conversation.action_status import LIGHT_COLOURS, LIGHT_SHORT, LIGHTS, is_overdue
from facilitator.conversation.next_steps import AREAS, STATUSES
from facilitator.program import Program, load_program_text
from facilitator.program.model import Item, Step
from facilitator.text import Text
from facilitator.timing.timer import replay

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.store import CircleData, ElementData, SessionData, Store
    from facilitator.store.records import ElementWords


def both(text: Text | None) -> list[str] | None:
    """A text as [Danish, English], English falling back to Danish."""
    if text is None:
        return None
    return [text.da, text.get("en")]


@functools.lru_cache(maxsize=4)
def _program(text: str, name: str) -> Program:
    # Every request asks which step runs; parsing the day's TOML each time cost more than
    # the rest of a read. The text is the key, so an edited program is parsed again.
    return load_program_text(text, name or "<session>")


def current_step(session: SessionData) -> tuple[Item, Step] | None:
    """The session's current step and its part (None before the day starts)."""
    if not session.current_step_id:
        return None
    return _program(session.program_text, session.program_name).find_step(session.current_step_id)


def step_kind(step: Step | None) -> tuple[str, str | None]:
    """What the page does at a step: ("circle", kind), ("review", kind), ("board", kind),
    ("next-steps", None), ("status", None), ("closing", None) or ("follow", None)."""
    if step is None:
        return "follow", None
    workspace = step.workspace
    for prefix in ("circle", "review", "board"):
        if workspace.startswith(prefix + ":"):
            return prefix, workspace.split(":", 1)[1]
    if workspace in ("next-steps", "template:next-steps"):
        return "next-steps", None
    if workspace == "closing":
        return "closing", None
    if workspace == "status":
        return "status", None
    return "follow", None


def _timer(store: Store, session_id: int, step: Step, planned_minutes: int, now: dt.datetime) -> dict:
    events = [event for event in store.timer_events(session_id) if event.step_id == step.id]
    run = replay(events).get(step.id)
    target = planned_minutes * 60.0 + (run.extra if run else 0.0)
    if run is None:
        return {"state": "idle", "remaining": target, "target": target}
    return {"state": run.state.value, "remaining": target - run.elapsed_at(now), "target": target}


def _element(element: ElementData | ElementWords) -> dict:
    return {"id": element.id, "text": element.text, "device": element.written_on_device}


def _circle(circle: CircleData, elements: Sequence[ElementData | ElementWords]) -> dict:
    fields: dict[str, list[dict]] = {field_id: [] for field_id in CIRCLES[circle.kind].field_ids()}
    for element in elements:
        if element.circle_id == circle.id and element.field in fields:
            fields[element.field].append(_element(element))
    return {"id": circle.id, "title": circle.title, "revealed": circle.revealed, "fields": fields}


def template(kind: str) -> dict:
    """A circle template's name, centre and questions, word for word as printed."""
    circle = CIRCLES[kind]
    return {
        "kind": kind,
        "name": both(circle.name),
        "centre": both(circle.centre),
        "fields": [
            {"id": field.id, "label": both(field.label), "question": both(field.question), "hint": both(field.hint)}
            for field in circle.fields
        ],
    }


def page_state(store: Store, session_id: int, partner_id: int | None, approved: bool, now: dt.datetime) -> dict:
    """Everything the page of a device bound to `partner_id` shows now."""
    session = store.get_session(session_id)
    partners = store.partners(session_id)
    names = {partner.id: partner.organisation or partner.name for partner in partners}
    state: dict = {
        "title": session.title,
        "partners": [{"id": p.id, "name": p.display_name} for p in partners],
        "device": None
        if partner_id is None
        else {"partner": partner_id, "partner_name": names.get(partner_id, ""), "approved": approved},
    }
    found = current_step(session)
    if found is None:
        state["step"] = None
        return state
    item, step = found
    plan = store.day_plan(session_id)
    kind, circle_kind = step_kind(step)
    state["step"] = {
        "id": step.id,
        "mode": kind,
        "circle_kind": circle_kind,
        "title": both(step.title),
        "part": both(getattr(item, "label", None) or item.title),
        "part_title": both(item.title),
        "instruction": both(step.instruction),
        "question": both(step.question),
    }
    state["timer"] = _timer(store, session_id, step, plan.minutes.get(step.id, step.minutes), now)
    if partner_id is None or not approved:
        return state
    if kind in ("circle", "review", "board") and circle_kind is not None:
        state["template"] = template(circle_kind)
        # While partners write, a page shows its own circle alone: reading every partner's
        # elements for each page's look again made a read grow with the whole room's writing.
        only = partner_id if kind == "circle" else None
        circles = store.circles(session_id, kind=circle_kind, partner_id=only)
        elements: Sequence[ElementData | ElementWords] = (
            # Only the words: the page shows no value forms, and this is its most frequent read.
            store.element_words(session_id, circle_kind, partner_id)
            if kind == "circle"
            else store.elements(session_id, kind=circle_kind, partner_id=only)
        )
        own = [c for c in circles if c.partner_id == partner_id]
        state["own"] = [_circle(c, elements) for c in own]
        if kind == "review":
            state["others"] = [
                {"partner": names.get(c.partner_id, ""), **_circle(c, elements)}
                for c in circles
                if c.partner_id != partner_id and c.revealed
            ]
        if kind == "board":
            visible = {c.id for c in circles if c.revealed or c.partner_id == partner_id}
            state["categories"] = [{"id": category.id, "title": both(category.title)} for category in step.categories]
            state["notes"] = [
                {
                    "id": e.id,
                    "text": e.text,
                    "partner": names.get(e.partner_id, "") if e.partner_id is not None else "",
                    "category": e.category,
                }
                for e in elements
                if e.circle_id is None or e.circle_id in visible
            ]
    if kind in ("next-steps", "closing"):
        state["areas"] = [{"id": area.id, "title": both(area.title)} for area in AREAS]
        state["actions"] = [
            {
                "id": action.id,
                "area": action.area,
                "what": action.what,
                "owner": names.get(action.owner_partner_id, "") if action.owner_partner_id is not None else "",
                "owner_person": action.owner_person,
                "with_whom": action.with_whom,
                "due": action.due.isoformat() if action.due else None,
                "overdue": is_overdue(action, _today(session, now)),
                "mine": action.owner_partner_id == partner_id,
            }
            for action in store.actions(session_id)
        ]
    if kind == "status":
        state.update(status_view(store, session_id, partner_id, _today(session, now)))
    return state


def _today(session: SessionData, now: dt.datetime) -> dt.date:
    # Overdue on the meeting's own day, as the window judges it; the room's clock without one.
    return session.date or now.astimezone().date()


def status_view(store: Store, session_id: int, partner_id: int, today: dt.date) -> dict:
    """The status step on a phone: the partner's own actions, each with status, light and comment.

    Every light goes out with its words; the page shows both, never the colour alone.
    Overdue is judged on the meeting's own day, as the window's status board judges it.
    """
    return {
        "statuses": [{"id": status, "label": both(text)} for status, text in STATUSES.items()],
        "lights": [
            {"id": light, "label": both(text), "short": both(LIGHT_SHORT[light]), "colour": LIGHT_COLOURS[light]}
            for light, text in LIGHTS.items()
        ],
        "status_actions": [
            {
                "id": action.id,
                "area": action.area,
                "what": action.what,
                "owner_person": action.owner_person,
                "due": action.due.isoformat() if action.due else None,
                "overdue": is_overdue(action, today),
                "status": action.status,
                "light": action.light,
                "comment": action.status_comment,
            }
            for action in store.actions(session_id)
            if action.owner_partner_id == partner_id
        ],
        "areas": [{"id": area.id, "title": both(area.title)} for area in AREAS],
    }


__all__ = ["both", "current_step", "page_state", "status_view", "step_kind", "template"]
