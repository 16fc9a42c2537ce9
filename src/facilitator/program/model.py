"""The shape of a session program: parts with timed steps, and breaks between them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from facilitator.text import Text

#: Every screen a step can open. Later features plug their workspace in by this name.
WORKSPACES = frozenset(
    {
        "session",
        "partners",
        "status",
        "principles",
        "template:change",
        "template:contribution",
        "template:scaling",
        "template:next-steps",
        "circle:change",
        "circle:contribution",
        "circle:scaling",
        "review:change",
        "review:contribution",
        "review:scaling",
        "board:change",
        "board:contribution",
        "board:scaling",
        "form:ambition",
        "form:interplay",
        "form:scaling",
        "next-steps",
        "closing",
        "break",
    }
)


@dataclass(frozen=True)
class Category:
    """One of the three groups a sorting board sorts elements into."""

    id: str
    title: Text
    description: Text | None = None


@dataclass(frozen=True)
class Step:
    """A timed step of a part, or a break inside a part (``kind == "break"``)."""

    id: str
    kind: str
    title: Text
    minutes: int
    workspace: str
    instruction: Text | None = None
    question: Text | None = None
    categories: tuple[Category, ...] = ()

    @property
    def is_break(self) -> bool:
        return self.kind == "break"


@dataclass(frozen=True)
class Part:
    """One of the session's numbered parts (Indledning, Delsession 1, ...)."""

    id: str
    number: int
    label: Text
    title: Text
    steps: tuple[Step, ...]
    purpose: Text | None = None
    materials: Text | None = None
    intro: Text | None = None
    tips: tuple[Text, ...] = ()
    kind: str = field(default="part", init=False)

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Break:
    """A break between parts, such as the lunch."""

    id: str
    title: Text
    minutes: int
    instruction: Text | None = None
    kind: str = field(default="break", init=False)

    def as_step(self) -> Step:
        """The break as the single navigable step it is on the agenda."""
        return Step(
            id=self.id,
            kind="break",
            title=self.title,
            minutes=self.minutes,
            workspace="break",
            instruction=self.instruction,
        )


Item = Part | Break


@dataclass(frozen=True)
class Program:
    """A whole session program as loaded from a program file."""

    id: str
    title: Text
    items: tuple[Item, ...]
    purpose: Text | None = None
    materials: Text | None = None
    description: Text | None = None
    source_name: str = ""
    source_text: str = ""

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(item for item in self.items if isinstance(item, Part))

    def stops(self) -> Iterator[tuple[Item, Step]]:
        """Every navigable step in order, with the item it belongs to."""
        for item in self.items:
            if isinstance(item, Part):
                for step in item.steps:
                    yield item, step
            else:
                yield item, item.as_step()

    def step_ids(self) -> list[str]:
        return [step.id for _, step in self.stops()]

    def board_categories(self, circle_kind: str) -> tuple[Category, ...]:
        """The categories of the board step that sorts this kind of circle (none if no such step)."""
        for _item, step in self.stops():
            if step.workspace == f"board:{circle_kind}":
                return step.categories
        return ()

    def find_step(self, step_id: str) -> tuple[Item, Step] | None:
        """The step with this id and its item, or None."""
        for item, step in self.stops():
            if step.id == step_id:
                return item, step
        return None
