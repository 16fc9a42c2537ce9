"""What a session should hold after a stream of store edits, and what the database does hold.

The store child and the parent share this model. The child applies each edit to it to
choose the next one; the parent replays the edits the child reported as done and compares
the result with the reopened database. Both sides are rendered as content (names, texts,
order), never as row ids: the edit in flight when the child was killed never reported the
id it got, yet the parent must still be able to say what the database looks like with it.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from facilitator.conversation import CIRCLES, JOINT_FORMS
from facilitator.conversation.next_steps import AREA_IDS
from facilitator.store import Store
from facilitator.text import clean_text

PARTNER_FIELDS = ("name", "organisation", "role", "mandate", "why_now", "colour")
SESSION_FIELDS = ("title", "venue", "facilitator", "start_time", "current_step_id")
ACTION_FIELDS = ("owner_partner_id", "owner_person", "with_whom", "how_much", "due", "status")

Op = dict[str, Any]


def _sorted(rows: list[list[Any]]) -> list[list[Any]]:
    # Rows mix None and text, which Python will not order; their JSON form orders fine.
    return sorted(rows, key=lambda row: json.dumps(row, ensure_ascii=True))


class Model:
    """A session as a plain structure; `apply` does to it what the store call of an op does."""

    def __init__(self) -> None:
        self.session: dict[str, Any] = {}
        self.partners: dict[int, dict[str, str]] = {}
        self.partner_order: list[int] = []
        self.principles: list[str] = []
        self.circles: dict[int, dict[str, Any]] = {}
        self.elements: dict[int, dict[str, Any]] = {}
        self.forms: dict[tuple[str, str], str] = {}
        self.sources: list[tuple[str, str, str]] = []
        self.actions: dict[int, dict[str, Any]] = {}
        self.action_order: dict[str, list[int]] = {area: [] for area in AREA_IDS}
        self.notes: dict[str, str] = {}
        self.minutes: dict[str, int] = {}
        self.skipped: set[str] = set()
        self.timer: list[tuple[str, str, float, float]] = []
        self.checklist: dict[str, tuple[bool, str]] = {}

    @classmethod
    def load(cls, store: Store, session_id: int) -> Model:
        """The session as stored now, with the row ids the child needs to aim its edits."""
        model = cls()
        data = store.get_session(session_id)
        model.session = {name: getattr(data, name) for name in SESSION_FIELDS}
        for partner in store.partners(session_id):
            model.partners[partner.id] = {name: getattr(partner, name) for name in PARTNER_FIELDS}
            model.partner_order.append(partner.id)
        model.principles = store.principles(session_id)
        for circle in store.circles(session_id):
            model.circles[circle.id] = {
                "partner": circle.partner_id,
                "kind": circle.kind,
                "title": circle.title,
                "deleted": False,
            }
        for element in store.elements(session_id):
            model.elements[element.id] = {
                "circle": element.circle_id,
                "partner": element.partner_id,
                "kind": element.kind,
                "field": element.field,
                "text": element.text,
                "category": element.category,
                "values": set(element.value_forms),
                "deleted": False,
                "merged": False,
                "x": None,
                "y": None,
                "z": 0,
            }
        for kind in CIRCLES:
            for note in store.board_state(session_id, kind).notes.values():
                if note.id not in model.elements:
                    raise ValueError(f"the starting session holds a removed element ({note.id}); the model cannot")
                model.elements[note.id].update(x=note.x, y=note.y, z=note.z, merged=note.merged_into is not None)
        for form_id in JOINT_FORMS:
            for field, text in store.form_texts(session_id, form_id).items():
                model.forms[(form_id, field)] = text
        model.sources = [(source.form, source.field, source.text) for source in store.form_sources(session_id)]
        for action in store.actions(session_id):
            model.actions[action.id] = {
                "area": action.area,
                "what": action.what,
                "owner_partner_id": action.owner_partner_id,
                "owner_person": action.owner_person,
                "with_whom": action.with_whom,
                "how_much": action.how_much,
                "due": action.due.isoformat() if action.due else None,
                "status": action.status,
                "deleted": False,
            }
            model.action_order[action.area].append(action.id)
        model.notes = store.step_notes(session_id)
        plan = store.day_plan(session_id)
        model.minutes = dict(plan.minutes)
        model.skipped = set(plan.skipped)
        model.timer = [
            (event.step_id, event.kind, event.elapsed, event.amount) for event in store.timer_events(session_id)
        ]
        model.checklist = {item: (entry.done, entry.note) for item, entry in store.checklist(session_id).items()}
        return model

    def copy(self) -> Model:
        return copy.deepcopy(self)

    # Aiming edits ---------------------------------------------------------------------

    def visible_circles(self) -> list[int]:
        return sorted(
            circle_id
            for circle_id, circle in self.circles.items()
            if not circle["deleted"] and circle["partner"] in self.partners
        )

    def element_visible(self, element: dict[str, Any]) -> bool:
        if element["deleted"]:
            return False
        if element["partner"] is not None and element["partner"] not in self.partners:
            return False
        circle = self.circles.get(element["circle"]) if element["circle"] is not None else None
        return element["circle"] is None or (circle is not None and not circle["deleted"])

    def visible_elements(self) -> list[int]:
        return sorted(element_id for element_id, element in self.elements.items() if self.element_visible(element))

    def visible_actions(self) -> list[int]:
        return [action_id for area in AREA_IDS for action_id in self.action_order[area]]

    # Applying -------------------------------------------------------------------------

    def apply(self, op: Op, new_id: int | None) -> None:
        """Do what the store does for `op`; `new_id` is the id an adding op got (any unused one if unknown)."""
        kind = op["op"]
        handler = getattr(self, f"_op_{kind}", None)
        if handler is None:
            raise ValueError(f"unknown op {kind!r}")
        handler(op, new_id)

    def _op_update_session(self, op: Op, _new_id: int | None) -> None:
        self.session.update({name: clean_text(value, multiline=False) for name, value in op["fields"].items()})

    def _op_add_partner(self, op: Op, new_id: int | None) -> None:
        assert new_id is not None
        self.partners[new_id] = {
            "name": op["name"],
            "organisation": op["organisation"],
            "role": "",
            "mandate": "",
            "why_now": "",
            "colour": op["colour"],
        }
        self.partner_order.append(new_id)

    def _op_update_partner(self, op: Op, _new_id: int | None) -> None:
        self.partners[op["id"]].update(op["fields"])

    def _op_move_partner(self, op: Op, _new_id: int | None) -> None:
        self.partner_order.remove(op["id"])
        self.partner_order.insert(max(0, min(op["index"], len(self.partner_order))), op["id"])

    def _op_remove_partner(self, op: Op, _new_id: int | None) -> None:
        partner_id = op["id"]
        self.partner_order.remove(partner_id)
        del self.partners[partner_id]
        # The database cascades: the partner's circles and elements go for good.
        for circle_id in [key for key, circle in self.circles.items() if circle["partner"] == partner_id]:
            del self.circles[circle_id]
        for element_id in [key for key, element in self.elements.items() if element["partner"] == partner_id]:
            del self.elements[element_id]
        for action in self.actions.values():
            if action["owner_partner_id"] == partner_id:
                action["owner_partner_id"] = None

    def _op_set_principles(self, op: Op, _new_id: int | None) -> None:
        self.principles = [text for text in (clean_text(text) for text in op["texts"]) if text]

    def _op_ensure_circle(self, op: Op, new_id: int | None) -> None:
        self._new_circle(op, new_id, "")

    def _op_add_circle(self, op: Op, new_id: int | None) -> None:
        self._new_circle(op, new_id, op["title"])

    def _new_circle(self, op: Op, new_id: int | None, title: str) -> None:
        assert new_id is not None
        self.circles[new_id] = {"partner": op["partner"], "kind": op["kind"], "title": title, "deleted": False}

    def _op_rename_circle(self, op: Op, _new_id: int | None) -> None:
        self.circles[op["id"]]["title"] = op["title"]

    def _op_remove_circle(self, op: Op, _new_id: int | None) -> None:
        self.circles[op["id"]]["deleted"] = True

    def _op_restore_circle(self, op: Op, _new_id: int | None) -> None:
        self.circles[op["id"]]["deleted"] = False

    def _op_add_element(self, op: Op, new_id: int | None) -> None:
        assert new_id is not None
        circle = self.circles[op["circle"]]
        self.elements[new_id] = {
            "circle": op["circle"],
            "partner": circle["partner"],
            "kind": circle["kind"],
            "field": op["field"],
            "text": op["text"],
            "category": None,
            "values": set(op["values"]),
            "deleted": False,
            "merged": False,
            "x": None,
            "y": None,
            "z": 0,
        }

    def _op_update_element(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]]["text"] = op["text"]

    def _op_remove_element(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]]["deleted"] = True

    def _op_restore_element(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]]["deleted"] = False

    def _op_set_element_values(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]]["values"] = set(op["values"])

    def _op_set_element_category(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]]["category"] = op["category"]

    def _op_board_patch(self, op: Op, _new_id: int | None) -> None:
        self.elements[op["id"]].update(op["changes"])

    def _op_add_board_note(self, op: Op, new_id: int | None) -> None:
        assert new_id is not None
        self.elements[new_id] = {
            "circle": None,
            "partner": op["partner"],
            "kind": op["kind"],
            "field": None,
            "text": op["text"],
            "category": op["category"],
            "values": set(),
            "deleted": False,
            "merged": False,
            "x": op["x"],
            "y": op["y"],
            "z": op["z"],
        }

    def _op_set_form_text(self, op: Op, _new_id: int | None) -> None:
        self.forms[(op["form"], op["field"])] = clean_text(op["text"])

    def _op_add_form_source(self, op: Op, _new_id: int | None) -> None:
        self.sources.append((op["form"], op["field"], op["text"]))

    def _op_add_action(self, op: Op, new_id: int | None) -> None:
        assert new_id is not None
        self.actions[new_id] = {
            "area": op["area"],
            "what": op["what"],
            "owner_partner_id": op["owner_partner_id"],
            "owner_person": op["owner_person"],
            "with_whom": "",
            "how_much": "",
            "due": op["due"],
            "status": op["status"],
            "deleted": False,
        }
        self.action_order[op["area"]].append(new_id)

    def _op_update_action(self, op: Op, _new_id: int | None) -> None:
        self.actions[op["id"]].update(op["fields"])

    def _op_move_action(self, op: Op, _new_id: int | None) -> None:
        action = self.actions[op["id"]]
        self.action_order[action["area"]].remove(op["id"])
        siblings = self.action_order[op["area"]]
        siblings.insert(max(0, min(op["index"], len(siblings))), op["id"])
        action["area"] = op["area"]

    def _op_remove_action(self, op: Op, _new_id: int | None) -> None:
        action = self.actions[op["id"]]
        action["deleted"] = True
        self.action_order[action["area"]].remove(op["id"])

    def _op_set_step_note(self, op: Op, _new_id: int | None) -> None:
        self.notes[op["step"]] = clean_text(op["note"])

    def _op_set_step_minutes(self, op: Op, _new_id: int | None) -> None:
        if op["minutes"] is None:
            self.minutes.pop(op["step"], None)
        else:
            self.minutes[op["step"]] = op["minutes"]

    def _op_set_step_skipped(self, op: Op, _new_id: int | None) -> None:
        (self.skipped.add if op["skipped"] else self.skipped.discard)(op["step"])

    def _op_add_timer_event(self, op: Op, _new_id: int | None) -> None:
        self.timer.append((op["step"], op["kind"], op["elapsed"], op["amount"]))

    def _op_set_checklist_item(self, op: Op, _new_id: int | None) -> None:
        self.checklist[op["item"]] = (op["done"], clean_text(op["note"]))

    # Comparing ------------------------------------------------------------------------

    def render(self) -> dict[str, Any]:
        """The session as content, in the shape `snapshot` reads from the database."""
        names = {partner_id: partner["name"] for partner_id, partner in self.partners.items()}
        titles = {
            circle_id: circle["title"]
            for circle_id, circle in self.circles.items()
            if not circle["deleted"] and circle["partner"] in self.partners
        }
        elements, board = [], []
        for element_id in self.visible_elements():
            element = self.elements[element_id]
            elements.append(
                [
                    names.get(element["partner"]),
                    element["kind"],
                    titles.get(element["circle"]),
                    element["field"],
                    element["text"],
                    element["category"],
                    sorted(element["values"]),
                ]
            )
            if not element["merged"]:
                board.append([element["kind"], element["text"], element["x"], element["y"], element["z"]])
        actions = []
        for action_id in self.visible_actions():
            action = self.actions[action_id]
            actions.append(
                [action["area"], action["what"], names.get(action["owner_partner_id"])]
                + [action[name] for name in ACTION_FIELDS[1:]]
            )
        return {
            "session": dict(self.session),
            "partners": [[self.partners[pid][name] for name in PARTNER_FIELDS] for pid in self.partner_order],
            "principles": list(self.principles),
            "circles": _sorted(
                [
                    [names[circle["partner"]], circle["kind"], circle["title"]]
                    for circle in (self.circles[circle_id] for circle_id in self.visible_circles())
                ]
            ),
            "elements": _sorted(elements),
            "board": _sorted(board),
            "forms": _sorted([[form, field, text] for (form, field), text in self.forms.items()]),
            "sources": [list(source) for source in self.sources],
            "actions": actions,
            "notes": _sorted([[step, note] for step, note in self.notes.items() if note]),
            "minutes": _sorted([[step, minutes] for step, minutes in self.minutes.items()]),
            "skipped": sorted(self.skipped),
            "timer": [list(event) for event in self.timer],
            "checklist": _sorted([[item, done, note] for item, (done, note) in self.checklist.items()]),
        }


def snapshot(store: Store, session_id: int) -> dict[str, Any]:
    """What the database holds for the session, in the shape of `Model.render`."""
    data = store.get_session(session_id)
    partners = store.partners(session_id)
    names = {partner.id: partner.name for partner in partners}
    circles = store.circles(session_id)
    titles = {circle.id: circle.title for circle in circles}
    elements = [
        [
            names.get(element.partner_id),
            element.kind,
            titles.get(element.circle_id),
            element.field,
            element.text,
            element.category,
            sorted(element.value_forms),
        ]
        for element in store.elements(session_id)
    ]
    board = [
        [kind, note.text, note.x, note.y, note.z]
        for kind in CIRCLES
        for note in store.board_state(session_id, kind).visible_notes()
    ]
    forms = [
        [form_id, field, text]
        for form_id in JOINT_FORMS
        for field, text in store.form_texts(session_id, form_id).items()
    ]
    actions = [
        [
            action.area,
            action.what,
            names.get(action.owner_partner_id),
            action.owner_person,
            action.with_whom,
            action.how_much,
            action.due.isoformat() if action.due else None,
            action.status,
        ]
        for action in store.actions(session_id)
    ]
    plan = store.day_plan(session_id)
    return {
        "session": {name: getattr(data, name) for name in SESSION_FIELDS},
        "partners": [[getattr(partner, name) for name in PARTNER_FIELDS] for partner in partners],
        "principles": store.principles(session_id),
        "circles": _sorted([[names[circle.partner_id], circle.kind, circle.title] for circle in circles]),
        "elements": _sorted(elements),
        "board": _sorted(board),
        "forms": _sorted(forms),
        "sources": [[source.form, source.field, source.text] for source in store.form_sources(session_id)],
        "actions": actions,
        "notes": _sorted([[step, note] for step, note in store.step_notes(session_id).items()]),
        "minutes": _sorted([[step, minutes] for step, minutes in plan.minutes.items()]),
        "skipped": sorted(plan.skipped),
        "timer": [[event.step_id, event.kind, event.elapsed, event.amount] for event in store.timer_events(session_id)],
        "checklist": _sorted([[item, entry.done, entry.note] for item, entry in store.checklist(session_id).items()]),
    }


def difference(expected: dict[str, Any], actual: dict[str, Any]) -> str:
    """The parts of two renderings that differ, briefly, for a failure message."""
    lines = []
    for key in expected:
        if expected[key] == actual.get(key):
            continue
        want, got = expected[key], actual.get(key)
        if isinstance(want, list) and isinstance(got, list):
            missing = [row for row in want if row not in got]
            extra = [row for row in got if row not in want]
            if not missing and not extra:
                lines.append(f"  {key}: same rows, different order")
            else:
                lines.append(f"  {key}: missing {missing[:5]} extra {extra[:5]}")
        else:
            lines.append(f"  {key}: expected {want!r}, found {got!r}")
    return "\n".join(lines)
