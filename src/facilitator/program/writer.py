"""Writing a program back to a program file, so a day tuned by the facilitator can be reused."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from facilitator.files import WriteError, write_file
from facilitator.program.loader import FORMAT_NAME, FORMAT_VERSION, ProgramError, load_program_text
from facilitator.program.model import Category, Part, Program, Step
from facilitator.text import Text, UserError


def _string(value: str) -> str:
    # A JSON string is a valid TOML basic string: the same quotes and escapes.
    return json.dumps(value, ensure_ascii=False)


def _text(text: Text) -> str:
    if text.en is None:
        return f"{{ da = {_string(text.da)} }}"
    return f"{{ da = {_string(text.da)}, en = {_string(text.en)} }}"


def _minutes(value: int | str) -> str:
    # An edited copy may hold what was typed ("ti"): written as a string, the loader refuses
    # it by name instead of the TOML parser failing on a bare word.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else _string(str(value))


def _fields(pairs: list[tuple[str, Text | None]]) -> list[str]:
    return [f"{key} = {_text(value)}" for key, value in pairs if value is not None]


def _category(category: Category) -> str:
    parts = [f"id = {_string(category.id)}", f"title = {_text(category.title)}"]
    if category.description is not None:
        parts.append(f"description = {_text(category.description)}")
    return "{ " + ", ".join(parts) + " }"


def _step(step: Step) -> list[str]:
    lines = [
        "",
        "[[items.steps]]",
        f"id = {_string(step.id)}",
        f"kind = {_string(step.kind)}",
        *_fields([("title", step.title)]),
        f"minutes = {_minutes(step.minutes)}",
        f"workspace = {_string(step.workspace)}",
        *_fields([("instruction", step.instruction), ("question", step.question)]),
    ]
    if step.categories:
        lines.append("categories = [")
        lines.extend(f"  {_category(category)}," for category in step.categories)
        lines.append("]")
    return lines


def dump_program(program: Program, comment: str = "") -> str:
    """The program as program-file TOML (see docs/program-format.md)."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    if lines:
        lines.append("")
    lines += [
        f"format = {_string(FORMAT_NAME)}",
        f"version = {FORMAT_VERSION}",
        "",
        "[program]",
        f"id = {_string(program.id)}",
        *_fields(
            [
                ("title", program.title),
                ("purpose", program.purpose),
                ("materials", program.materials),
                ("description", program.description),
            ]
        ),
    ]
    for item in program.items:
        lines += ["", "[[items]]", f"kind = {_string(item.kind)}", f"id = {_string(item.id)}"]
        if isinstance(item, Part):
            lines.append(f"number = {item.number}")
            # No part 'minutes': the steps add up to it, and a part may last longer than a step may.
            lines += _fields([("label", item.label), ("title", item.title)])
            lines += _fields([("purpose", item.purpose), ("materials", item.materials), ("intro", item.intro)])
            if item.tips:
                lines.append("tips = [")
                lines.extend(f"  {_text(tip)}," for tip in item.tips)
                lines.append("]")
            for step in item.steps:
                lines += _step(step)
        else:
            lines += _fields([("title", item.title)])
            lines.append(f"minutes = {_minutes(item.minutes)}")
            lines += _fields([("instruction", item.instruction)])
    return "\n".join(lines) + "\n"


_FOLDS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "o", "ä": "a"})


def slug(title: str) -> str:
    """A file- and id-safe name for `title`: 'Kyst – tilpasset' -> 'kyst-tilpasset'."""
    folded = title.casefold().translate(_FOLDS)
    cleaned = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return cleaned[:60].rstrip("-") or "program"


def save_program_file(program: Program, directory: Path, title: str, comment: str = "") -> Path:
    """Write `program` as a new program file named after `title` in `directory`; returns its path.

    An existing file is never overwritten: a number is added to the name instead.
    """
    title = title.strip()
    if not title:
        raise UserError(Text("Programmet skal have en titel.", "The program needs a title."))
    name = slug(title)
    program = dataclasses.replace(program, id=name, title=Text(title))
    text = dump_program(program, comment)
    try:
        load_program_text(text, f"{name}.toml")
    except ProgramError as error:
        raise UserError(
            Text(
                f"Dagen kan ikke gemmes som program: {error.message('da')}",
                f"The day cannot be saved as a program: {error.message('en')}",
            )
        ) from None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{name}.toml"
        number = 2
        while path.exists():
            path = directory / f"{name}-{number}.toml"
            number += 1
        write_file(path, text.encode("utf-8"))
    except OSError as error:
        raise _cannot_save(directory, Text(error.strerror or type(error).__name__)) from None
    except WriteError as error:
        raise _cannot_save(directory, error.reason) from None
    return path


def _cannot_save(directory: Path, reason: Text) -> UserError:
    return UserError(
        Text(
            f"Programmet kunne ikke gemmes i {directory}: {reason.get('da')}.",
            f"The program could not be saved in {directory}: {reason.get('en')}.",
        )
    )
