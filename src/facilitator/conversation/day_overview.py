"""What the day came to, in headlines: the overview the facilitator revisits at Afrunding.

The guide's closing begins with the facilitator revisiting the session's purpose and
saying, in headline form, what the partners discussed: What will we partner on? How do we
work well together? How do we drive the transition? The overview puts the group's own
words from each delsession's joint text under that delsession's question, and the agreed
next steps under the last one. It adds nothing of its own: the guide warns against new
information and against concluding on the partners' behalf.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from facilitator.conversation.joint_forms import JOINT_FORMS
from facilitator.conversation.next_steps import Action
from facilitator.program import Program
from facilitator.text import Text

#: A headline is the start of what the group wrote: a long answer is cut at a word here.
HEADLINE_LENGTH = 220
#: The next steps named one by one; the rest are counted.
ACTIONS_NAMED = 5


@dataclass(frozen=True)
class Headline:
    """One of the group's answers: the question's short label and the start of the text."""

    label: Text
    text: str


@dataclass(frozen=True)
class ActionsSummary:
    """The agreed next steps, counted, with the first few named."""

    count: int
    owned: int
    dated: int
    first_due: dt.date | None
    named: tuple[str, ...]


@dataclass(frozen=True)
class OverviewSection:
    """A delsession under its question, with what the group wrote (or agreed) there."""

    question: Text
    #: The joint text's own title ("Vores forandringsambition"); None for the next steps.
    title: Text | None
    headlines: tuple[Headline, ...] = ()
    actions: ActionsSummary | None = None

    @property
    def empty(self) -> bool:
        """Nothing written or agreed here yet."""
        return not self.headlines and not (self.actions and self.actions.count)


def headline(text: str, length: int = HEADLINE_LENGTH) -> str:
    """The start of `text` on one line, cut after a whole word with "…" when it is longer."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0] if " " in flat[:length] else flat[:length]
    return cut.rstrip(",;:.-–") + " …"


def summarise_actions(actions: Iterable[Action]) -> ActionsSummary:
    """Count the agreed actions, those with an owner and those with a date, and name the first few."""
    listed = list(actions)
    dues = [action.due for action in listed if action.due is not None]
    return ActionsSummary(
        count=len(listed),
        owned=sum(1 for action in listed if action.owner_partner_id is not None or action.owner_person.strip()),
        dated=len(dues),
        first_due=min(dues, default=None),
        named=tuple(headline(action.what, 90) for action in listed[:ACTIONS_NAMED]),
    )


def joint_forms_in(program: Program) -> tuple[str, ...]:
    """The ids of the joint forms the program's steps show, in the order they come."""
    found: list[str] = []
    for item in program.items:
        for step in getattr(item, "steps", ()):
            kind, _, form_id = step.workspace.partition(":")
            if kind == "form" and form_id in JOINT_FORMS and form_id not in found:
                found.append(form_id)
    return tuple(found)


def day_overview(
    program: Program, forms: Mapping[str, Mapping[str, str]], actions: Iterable[Action]
) -> tuple[OverviewSection, ...]:
    """The day's sections in the program's order: each part with a joint text, then the next steps.

    `forms` maps a joint form's id to its answers by field (as the store gives them). A
    part is a section when one of its steps shows a joint form or the next steps; its
    title is the part's own question, so a program of other parts gets its own headings.
    """
    sections: list[OverviewSection] = []
    listed = list(actions)
    for item in program.items:
        steps = getattr(item, "steps", ())
        for step in steps:
            kind, _, form_id = step.workspace.partition(":")
            if kind == "form" and form_id in JOINT_FORMS:
                form = JOINT_FORMS[form_id]
                answers = forms.get(form_id, {})
                headlines = tuple(
                    Headline(field.label, headline(answers[field.id]))
                    for field in form.fields
                    if not field.reflection and answers.get(field.id, "").strip()
                )
                sections.append(OverviewSection(item.title, form.title, headlines))
                break
            if step.workspace == "next-steps":
                sections.append(OverviewSection(item.title, None, actions=summarise_actions(listed)))
                break
    return tuple(sections)


__all__ = [
    "ActionsSummary",
    "Headline",
    "OverviewSection",
    "day_overview",
    "headline",
    "joint_forms_in",
    "summarise_actions",
]
