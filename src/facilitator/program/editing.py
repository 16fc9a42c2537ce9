"""A copy of a program with other titles and minutes, checked by the loader before it is kept.

Fil → Programmer shows a program as rows (its parts, their steps and the breaks between
them) and lets the facilitator change the Danish titles and the minutes of a copy. The
edited copy is written as program TOML and read back by the loader, so an edit is held to
exactly the rules a hand-written program file is: the reason for a refusal is the loader's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from facilitator.program.loader import ProgramError, load_program_text
from facilitator.program.model import Break, Part, Program, Step
from facilitator.program.writer import dump_program, save_program_file, slug
from facilitator.text import Text, UserError


@dataclass(frozen=True)
class ProgramRow:
    """One line of a program as the table shows it: a part, a step or a break between parts."""

    id: str
    kind: str  # "part", "step" or "break" (a break inside a part is a "step" row of kind break)
    title: Text
    #: A part's minutes are its steps' sum: shown, never edited.
    minutes: int
    editable_minutes: bool
    is_break: bool = False


def program_rows(program: Program) -> list[ProgramRow]:
    """The program's parts, steps and breaks in running order."""
    rows: list[ProgramRow] = []
    for item in program.items:
        if isinstance(item, Part):
            rows.append(ProgramRow(item.id, "part", item.title, item.minutes, False))
            rows.extend(
                ProgramRow(step.id, "step", step.title, step.minutes, True, step.is_break) for step in item.steps
            )
        else:
            rows.append(ProgramRow(item.id, "break", item.title, item.minutes, True, True))
    return rows


def _minutes(value: str | int) -> int | str:
    """Whole numbers as numbers; anything else stays text, for the loader to refuse by name."""
    if isinstance(value, int):
        return value
    cleaned = value.strip()
    if cleaned.lstrip("-").isdigit():
        return int(cleaned)
    return cleaned


def _retitle(text: Text, title: str) -> Text:
    # The English title is kept only while the Danish one is: a new Danish title would
    # otherwise show under an old English one.
    title = title.strip()
    return text if title == text.da else Text(title)


def edited_program(program: Program, titles: Mapping[str, str], minutes: Mapping[str, str | int]) -> str:
    """The program TOML of `program` with the given titles and minutes by row id.

    Raises `ProgramError` (the loader's reason, naming the item) when the edit breaks a rule.
    """

    def step(value: Step) -> Step:
        return dataclasses.replace(
            value,
            title=_retitle(value.title, titles.get(value.id, value.title.da)),
            minutes=_minutes(minutes.get(value.id, value.minutes)),
        )

    items = []
    for item in program.items:
        if isinstance(item, Part):
            items.append(
                dataclasses.replace(
                    item,
                    title=_retitle(item.title, titles.get(item.id, item.title.da)),
                    steps=tuple(step(value) for value in item.steps),
                )
            )
        else:
            assert isinstance(item, Break)
            items.append(
                dataclasses.replace(
                    item,
                    title=_retitle(item.title, titles.get(item.id, item.title.da)),
                    minutes=_minutes(minutes.get(item.id, item.minutes)),
                )
            )
    text = dump_program(dataclasses.replace(program, items=tuple(items)))
    load_program_text(text, f"{program.id}.toml")
    return text


def save_program_copy(
    program: Program,
    directory: Path,
    title: str,
    titles: Mapping[str, str],
    minutes: Mapping[str, str | int],
) -> Path:
    """Check the edited copy as the loader does, then keep it in `directory` under `title`; its path.

    A refused edit raises `UserError` with the loader's reason; nothing is written then.
    """
    title = title.strip()
    if not title:
        raise UserError(Text("Kopien skal have et navn.", "The copy needs a name."))
    try:
        text = edited_program(dataclasses.replace(program, id=slug(title), title=Text(title)), titles, minutes)
    except ProgramError as error:
        raise UserError(
            Text(
                f"Kopien kan ikke gemmes: {error.message('da')}",
                f"The copy cannot be saved: {error.message('en')}",
            )
        ) from None
    copy = load_program_text(text, f"{slug(title)}.toml")
    return save_program_file(copy, directory, title, f"Kopi af programmet »{program.title.da}«, rettet i appen.")


__all__ = ["ProgramRow", "edited_program", "program_rows", "save_program_copy"]
