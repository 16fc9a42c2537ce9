"""Child process for the store crash test: edits a session through the Store API until killed.

    python -m tests.crash.store_child DATABASE SEED SESSION_ID

Before each call it writes one line saying what it is about to do ({"i": n, "op": ...});
when the call has returned, one line saying it is done ({"ok": n, "id": new row id}).
Each line is one write() of well under PIPE_BUF bytes, so the parent never reads half a
line, and it is flushed at once: "ok" means "the store said this is saved". The same
seed gives the same edits.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

from facilitator.conversation import CIRCLES, JOINT_FORMS, VALUE_FORM_IDS
from facilitator.conversation.next_steps import AREA_IDS, STATUSES
from facilitator.store import Store
from facilitator.timing import TimerEvent
from facilitator.timing.timer import EVENT_KINDS
from tests.crash.model import Model, Op

WORDS = (
    "kyst",
    "fjord",
    "dige",
    "borgere",
    "plan",
    "vand",
    "natur",
    "lodsejere",
    "model",
    "forsyning",
    "økonomi",
    "tid",
    "mandat",
    "læring",
    "næste møde",
    "Sønderstrand",
)
CATEGORIES = (None, "common", "differences", "opposed", "strengths", "gaps", "society")
CHECKLIST_ITEMS = ("tid-aftal-tidspunkt", "sted-faciliteter", "materialer-print", "crash-egen-punkt")


def emit(message: dict[str, Any]) -> None:
    os.write(1, (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii"))


class Editor:
    """Chooses the next edit from the model, makes it through the store, keeps the model up to date."""

    def __init__(self, store: Store, session_id: int, seed: int) -> None:
        self.store = store
        self.session_id = session_id
        self.rng = random.Random(seed)
        self.tag = f"s{seed}"
        self.model = Model.load(store, session_id)
        self.step_ids = list(store.get_session(session_id).program().step_ids())
        self.own_partners: list[int] = []
        self.own_circles: list[int] = []
        self.removed_circles: list[int] = []
        self.removed_elements: list[int] = []
        self.count = 0
        self.number = 0
        self.ops = [
            (self.update_session, 2),
            (self.add_partner, 2),
            (self.update_partner, 4),
            (self.move_partner, 2),
            (self.remove_partner, 1),
            (self.set_principles, 1),
            (self.add_circle, 2),
            (self.rename_circle, 1),
            (self.remove_circle, 1),
            (self.restore_circle, 1),
            (self.add_element, 12),
            (self.update_element, 6),
            (self.remove_element, 3),
            (self.restore_element, 2),
            (self.set_element_values, 3),
            (self.set_element_category, 3),
            (self.move_note, 10),
            (self.add_board_note, 3),
            (self.set_form_text, 6),
            (self.add_form_source, 2),
            (self.add_action, 6),
            (self.update_action, 6),
            (self.move_action, 3),
            (self.remove_action, 2),
            (self.set_step_note, 4),
            (self.set_step_plan, 2),
            (self.add_timer_event, 4),
            (self.set_checklist_item, 2),
        ]

    # Helpers ----------------------------------------------------------------------------

    def text(self, words: int = 3) -> str:
        """Words with a token no other text has, so every text names one edit."""
        self.count += 1
        chosen = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return f"{chosen.capitalize()} {self.tag}-{self.count}"

    def do(self, op: Op, call) -> int | None:
        """Announce, make the store call, report it done, and only then update the model."""
        number = self.number
        self.number += 1
        emit({"i": number, **op})
        result = call()
        new_id = getattr(result, "id", None)
        emit({"ok": number, "id": new_id})
        self.model.apply(op, new_id)
        return new_id

    def step(self) -> None:
        while True:
            function = self.rng.choices([op for op, _ in self.ops], [weight for _, weight in self.ops])[0]
            if function() is not False:
                return

    # Edits ------------------------------------------------------------------------------

    def update_session(self) -> None:
        fields: dict[str, Any] = {self.rng.choice(("venue", "facilitator")): self.text(2)}
        if self.rng.random() < 0.3:
            fields["current_step_id"] = self.rng.choice(self.step_ids)
        self.do(
            {"op": "update_session", "fields": fields},
            lambda: self.store.update_session(self.session_id, **fields),
        )

    def add_partner(self) -> bool | None:
        if len(self.model.partners) >= 12:
            return False
        name, organisation = f"Partner {self.tag}-{self.count}", self.text(1)
        colour = f"#{self.rng.randrange(0x1000000):06X}"
        op = {"op": "add_partner", "name": name, "organisation": organisation, "colour": colour}
        partner_id = self.do(
            op,
            lambda: self.store.add_partner(self.session_id, name, organisation=organisation, colour=colour),
        )
        self.own_partners.append(partner_id)
        return None

    def update_partner(self) -> None:
        partner_id = self.rng.choice(self.model.partner_order)
        field = self.rng.choice(("role", "mandate", "why_now", "colour"))
        value = f"#{self.rng.randrange(0x1000000):06X}" if field == "colour" else self.text(5)
        fields = {field: value}
        self.do(
            {"op": "update_partner", "id": partner_id, "fields": fields},
            lambda: self.store.update_partner(partner_id, **fields),
        )

    def move_partner(self) -> None:
        partner_id = self.rng.choice(self.model.partner_order)
        index = self.rng.randrange(len(self.model.partner_order))
        self.do(
            {"op": "move_partner", "id": partner_id, "index": index},
            lambda: self.store.move_partner(partner_id, index),
        )

    def remove_partner(self) -> bool | None:
        if not self.own_partners:
            return False
        partner_id = self.own_partners.pop(self.rng.randrange(len(self.own_partners)))
        self.do({"op": "remove_partner", "id": partner_id}, lambda: self.store.remove_partner(partner_id))
        return None

    def set_principles(self) -> None:
        texts = [self.text(6) for _ in range(self.rng.randint(0, 3))]
        self.do({"op": "set_principles", "texts": texts}, lambda: self.store.set_principles(self.session_id, texts))

    def add_circle(self) -> None:
        partner_id = self.rng.choice(self.model.partner_order)
        kind = self.rng.choice(tuple(CIRCLES))
        existing = [
            circle_id
            for circle_id in self.model.visible_circles()
            if self.model.circles[circle_id]["partner"] == partner_id and self.model.circles[circle_id]["kind"] == kind
        ]
        if existing and not CIRCLES[kind].several:
            return self.add_element()
        if not existing:
            op = {"op": "ensure_circle", "partner": partner_id, "kind": kind}
            circle_id = self.do(op, lambda: self.store.ensure_circle(self.session_id, partner_id, kind))
        else:
            title = self.text(2)
            op = {"op": "add_circle", "partner": partner_id, "kind": kind, "title": title}
            circle_id = self.do(op, lambda: self.store.add_circle(self.session_id, partner_id, kind, title))
        self.own_circles.append(circle_id)
        return None

    def _own_visible_circles(self) -> list[int]:
        visible = set(self.model.visible_circles())
        return [circle_id for circle_id in self.own_circles if circle_id in visible]

    def rename_circle(self) -> bool | None:
        own = self._own_visible_circles()
        if not own:
            return False
        circle_id, title = self.rng.choice(own), self.text(2)
        self.do(
            {"op": "rename_circle", "id": circle_id, "title": title},
            lambda: self.store.rename_circle(circle_id, title),
        )
        return None

    def remove_circle(self) -> bool | None:
        own = self._own_visible_circles()
        if not own:
            return False
        circle_id = self.rng.choice(own)
        self.do({"op": "remove_circle", "id": circle_id}, lambda: self.store.remove_circle(circle_id))
        self.removed_circles.append(circle_id)
        return None

    def restore_circle(self) -> bool | None:
        removed = [
            c for c in self.removed_circles if self.model.circles.get(c, {}).get("partner") in self.model.partners
        ]
        if not removed:
            return False
        circle_id = self.rng.choice(removed)
        self.removed_circles.remove(circle_id)
        self.do({"op": "restore_circle", "id": circle_id}, lambda: self.store.restore_circle(circle_id))
        return None

    def add_element(self) -> bool | None:
        circles = self.model.visible_circles()
        if not circles:
            return False
        circle_id = self.rng.choice(circles)
        kind = self.model.circles[circle_id]["kind"]
        field = self.rng.choice(CIRCLES[kind].field_ids())
        text = self.text(4)
        values = sorted(self.rng.sample(VALUE_FORM_IDS, self.rng.randint(0, 2)))
        self.do(
            {"op": "add_element", "circle": circle_id, "field": field, "text": text, "values": values},
            lambda: self.store.add_element(circle_id, field, text, value_forms=values),
        )
        return None

    def _visible_element(self) -> int | None:
        elements = self.model.visible_elements()
        return self.rng.choice(elements) if elements else None

    def update_element(self) -> bool | None:
        element_id = self._visible_element()
        if element_id is None:
            return False
        text = self.text(4)
        self.do(
            {"op": "update_element", "id": element_id, "text": text},
            lambda: self.store.update_element(element_id, text),
        )
        return None

    def remove_element(self) -> bool | None:
        element_id = self._visible_element()
        if element_id is None:
            return False
        self.do({"op": "remove_element", "id": element_id}, lambda: self.store.remove_element(element_id))
        self.removed_elements.append(element_id)
        return None

    def restore_element(self) -> bool | None:
        removed = [
            element_id
            for element_id in self.removed_elements
            if element_id in self.model.elements and self.model.elements[element_id]["deleted"]
        ]
        if not removed:
            return False
        element_id = self.rng.choice(removed)
        self.removed_elements.remove(element_id)
        self.do({"op": "restore_element", "id": element_id}, lambda: self.store.restore_element(element_id))
        return None

    def set_element_values(self) -> bool | None:
        element_id = self._visible_element()
        if element_id is None:
            return False
        values = sorted(self.rng.sample(VALUE_FORM_IDS, self.rng.randint(0, 3)))
        self.do(
            {"op": "set_element_values", "id": element_id, "values": values},
            lambda: self.store.set_element_values(element_id, values),
        )
        return None

    def set_element_category(self) -> bool | None:
        element_id = self._visible_element()
        if element_id is None:
            return False
        category = self.rng.choice(CATEGORIES)
        self.do(
            {"op": "set_element_category", "id": element_id, "category": category},
            lambda: self.store.set_element_category(element_id, category),
        )
        return None

    def move_note(self) -> bool | None:
        from facilitator.board import Patch

        element_id = self._visible_element()
        if element_id is None:
            return False
        changes: dict[str, Any] = {
            "x": self.rng.randrange(0, 4000) / 2,
            "y": self.rng.randrange(0, 3000) / 2,
            "z": self.rng.randrange(0, 500),
        }
        if self.rng.random() < 0.5:
            changes["category"] = self.rng.choice(CATEGORIES)
        self.do(
            {"op": "board_patch", "id": element_id, "changes": changes},
            lambda: self.store.apply_board_patch(self.session_id, Patch({element_id: changes})),
        )
        return None

    def add_board_note(self) -> None:
        kind = self.rng.choice(tuple(CIRCLES))
        partner_id = self.rng.choice([None, *self.model.partner_order])
        text, category = self.text(3), self.rng.choice(CATEGORIES)
        x, y, z = self.rng.randrange(0, 4000) / 2, self.rng.randrange(0, 3000) / 2, self.rng.randrange(0, 500)
        op = {
            "op": "add_board_note",
            "kind": kind,
            "partner": partner_id,
            "text": text,
            "category": category,
            "x": x,
            "y": y,
            "z": z,
        }
        self.do(
            op,
            lambda: self.store.add_board_note(
                self.session_id, kind, text, partner_id=partner_id, category=category, x=x, y=y, z=z
            ),
        )

    def set_form_text(self) -> None:
        form = JOINT_FORMS[self.rng.choice(tuple(JOINT_FORMS))]
        field = self.rng.choice(form.field_ids())
        text = "\n".join(self.text(6) for _ in range(self.rng.randint(1, 3)))
        self.do(
            {"op": "set_form_text", "form": form.id, "field": field, "text": text},
            lambda: self.store.set_form_text(self.session_id, form.id, field, text),
        )

    def add_form_source(self) -> bool | None:
        element_id = self._visible_element()
        if element_id is None:
            return False
        form = JOINT_FORMS[self.rng.choice(tuple(JOINT_FORMS))]
        field = self.rng.choice(form.field_ids())
        text = self.model.elements[element_id]["text"]
        self.do(
            {"op": "add_form_source", "form": form.id, "field": field, "element": element_id, "text": text},
            lambda: self.store.add_form_source(self.session_id, form.id, field, element_id, text),
        )
        return None

    def _action_fields(self) -> dict[str, Any]:
        field = self.rng.choice(
            ("status", "status", "owner_partner_id", "owner_person", "with_whom", "how_much", "due")
        )
        if field == "status":
            return {"status": self.rng.choice(tuple(STATUSES))}
        if field == "owner_partner_id":
            return {"owner_partner_id": self.rng.choice([None, *self.model.partner_order])}
        if field == "due":
            return {"due": self._due()}
        return {field: self.text(2)}

    def _due(self) -> str | None:
        if self.rng.random() < 0.2:
            return None
        return (dt.date(2026, 4, 27) + dt.timedelta(days=self.rng.randrange(1, 200))).isoformat()

    @staticmethod
    def _store_fields(fields: dict[str, Any]) -> dict[str, Any]:
        return {
            name: (dt.date.fromisoformat(value) if name == "due" and value else value) for name, value in fields.items()
        }

    def add_action(self) -> None:
        area = self.rng.choice(AREA_IDS)
        fields = {
            "owner_partner_id": self.rng.choice([None, *self.model.partner_order]),
            "owner_person": self.text(1) if self.rng.random() < 0.5 else "",
            "due": self._due(),
            "status": self.rng.choice(tuple(STATUSES)),
        }
        what = self.text(5)
        self.do(
            {"op": "add_action", "area": area, "what": what, **fields},
            lambda: self.store.add_action(self.session_id, area, what, **self._store_fields(fields)),
        )

    def update_action(self) -> bool | None:
        actions = self.model.visible_actions()
        if not actions:
            return False
        action_id, fields = self.rng.choice(actions), self._action_fields()
        self.do(
            {"op": "update_action", "id": action_id, "fields": fields},
            lambda: self.store.update_action(action_id, **self._store_fields(fields)),
        )
        return None

    def move_action(self) -> bool | None:
        actions = self.model.visible_actions()
        if not actions:
            return False
        action_id, area = self.rng.choice(actions), self.rng.choice(AREA_IDS)
        index = self.rng.randint(-1, len(self.model.action_order[area]) + 1)
        self.do(
            {"op": "move_action", "id": action_id, "area": area, "index": index},
            lambda: self.store.move_action(action_id, area, index),
        )
        return None

    def remove_action(self) -> bool | None:
        actions = self.model.visible_actions()
        if len(actions) < 3:
            return False
        action_id = self.rng.choice(actions)
        self.do({"op": "remove_action", "id": action_id}, lambda: self.store.remove_action(action_id))
        return None

    def set_step_note(self) -> None:
        step = self.rng.choice(self.step_ids)
        note = "" if self.rng.random() < 0.1 else "\n".join(self.text(5) for _ in range(self.rng.randint(1, 3)))
        self.do(
            {"op": "set_step_note", "step": step, "note": note},
            lambda: self.store.set_step_note(self.session_id, step, note),
        )

    def set_step_plan(self) -> None:
        step = self.rng.choice(self.step_ids)
        if self.rng.random() < 0.5:
            minutes = self.rng.choice([None, *range(1, 90)])
            self.do(
                {"op": "set_step_minutes", "step": step, "minutes": minutes},
                lambda: self.store.set_step_minutes(self.session_id, step, minutes),
            )
        else:
            skipped = self.rng.random() < 0.5
            self.do(
                {"op": "set_step_skipped", "step": step, "skipped": skipped},
                lambda: self.store.set_step_skipped(self.session_id, step, skipped),
            )

    def add_timer_event(self) -> None:
        step, kind = self.rng.choice(self.step_ids), self.rng.choice(EVENT_KINDS)
        elapsed = self.rng.randrange(0, 360_000) / 100
        amount = self.rng.choice((0.0, 60.0, 300.0)) if kind == "extend" else 0.0
        event = TimerEvent(step, kind, dt.datetime.now(dt.UTC), elapsed, amount)
        self.do(
            {"op": "add_timer_event", "step": step, "kind": kind, "elapsed": elapsed, "amount": amount},
            lambda: self.store.add_timer_event(self.session_id, event),
        )

    def set_checklist_item(self) -> None:
        item, done = self.rng.choice(CHECKLIST_ITEMS), self.rng.random() < 0.5
        note = self.text(3) if self.rng.random() < 0.7 else ""
        self.do(
            {"op": "set_checklist_item", "item": item, "done": done, "note": note},
            lambda: self.store.set_checklist_item(self.session_id, item, done=done, note=note),
        )


def main(argv: list[str]) -> int:
    database, seed, session_id = Path(argv[0]), int(argv[1]), int(argv[2])
    store = Store(database)
    editor = Editor(store, session_id, seed)
    emit({"ready": True})
    # No end: the parent kills this process.
    while True:
        editor.step()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
