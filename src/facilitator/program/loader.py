"""Load and validate a program file (TOML).

Every problem is reported as one `ProgramError` naming the file, the item and what is
wrong, in Danish and English, so the CLI and the GUI can show it as it is.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Any

from facilitator.program.model import WORKSPACES, Break, Category, Item, Part, Program, Step
from facilitator.text import Text, UserError

FORMAT_NAME = "facilitator-program"
FORMAT_VERSION = 1
MAX_STEP_MINUTES = 8 * 60
MAX_PROGRAM_MINUTES = 24 * 60
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class ProgramError(UserError):
    """A program file that cannot be used, with a one-line explanation."""


class _Checker:
    """Walks the parsed TOML, collecting the location for messages as it goes."""

    def __init__(self, source_name: str) -> None:
        self.source_name = source_name
        self.seen_ids: set[str] = set()

    def fail(self, where: str, problem: Text) -> ProgramError:
        prefix_da = f"Programfilen {self.source_name}"
        prefix_en = f"Program file {self.source_name}"
        if where:
            prefix_da += f", {where}"
            prefix_en += f", {where}"
        return ProgramError(Text(f"{prefix_da}: {problem.da}", f"{prefix_en}: {problem.en or problem.da}"))

    def table(self, value: Any, where: str, name: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, Text(f"'{name}' skal være en tabel.", f"'{name}' must be a table."))
        return value

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> Text | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(where, Text(f"'{key}' mangler.", f"'{key}' is missing."))
            return None
        if isinstance(value, str):
            value = {"da": value}
        if not isinstance(value, dict):
            raise self.fail(
                where,
                Text(
                    f"'{key}' skal være tekst eller en tabel med 'da' og 'en'.",
                    f"'{key}' must be text or a table with 'da' and 'en'.",
                ),
            )
        unknown = set(value) - {"da", "en"}
        if unknown:
            names = ", ".join(sorted(unknown))
            raise self.fail(
                where,
                Text(
                    f"'{key}' har ukendte sprog: {names} (kun da og en).",
                    f"'{key}' has unknown languages: {names} (only da and en).",
                ),
            )
        da, en = value.get("da"), value.get("en")
        if da is not None and not isinstance(da, str):
            raise self.fail(where, Text(f"'{key}.da' skal være tekst.", f"'{key}.da' must be text."))
        if not isinstance(da, str) or not da.strip():
            raise self.fail(where, Text(f"'{key}.da' mangler eller er tom.", f"'{key}.da' is missing or empty."))
        if en is not None and not isinstance(en, str):
            raise self.fail(where, Text(f"'{key}.en' skal være tekst.", f"'{key}.en' must be text."))
        return Text(da.strip(), en.strip() if en and en.strip() else None)

    def identifier(self, table: dict[str, Any], where: str) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not _ID_PATTERN.match(value):
            raise self.fail(
                where,
                Text(
                    f"'id' mangler eller er ugyldig ({value!r}); brug små bogstaver, tal og bindestreg.",
                    f"'id' is missing or invalid ({value!r}); use lowercase letters, digits and dashes.",
                ),
            )
        if value in self.seen_ids:
            raise self.fail(
                where, Text(f"id '{value}' findes mere end én gang.", f"id '{value}' occurs more than once.")
            )
        self.seen_ids.add(value)
        return value

    def minutes(self, table: dict[str, Any], where: str) -> int:
        value = table.get("minutes")
        if value is None:
            raise self.fail(where, Text("'minutes' mangler.", "'minutes' is missing."))
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                where,
                Text(
                    f"'minutes' skal være et helt antal minutter (fik {value!r}).",
                    f"'minutes' must be a whole number of minutes (got {value!r}).",
                ),
            )
        if value <= 0:
            raise self.fail(
                where,
                Text(
                    f"'minutes' skal være større end 0 (fik {value}).",
                    f"'minutes' must be greater than 0 (got {value}).",
                ),
            )
        if value > MAX_STEP_MINUTES:
            raise self.fail(
                where,
                Text(
                    f"'minutes' er urealistisk stort ({value}); højst {MAX_STEP_MINUTES}.",
                    f"'minutes' is unrealistically large ({value}); at most {MAX_STEP_MINUTES}.",
                ),
            )
        return value

    def kind(self, table: dict[str, Any], where: str, allowed: tuple[str, ...], default: str | None) -> str:
        value = table.get("kind", default)
        if value not in allowed:
            choices = ", ".join(allowed)
            raise self.fail(
                where, Text(f"ukendt 'kind' {value!r}; brug {choices}.", f"unknown 'kind' {value!r}; use {choices}.")
            )
        return value

    def step(self, raw: Any, part_where: str, index: int) -> Step:
        where = f"{part_where} › #{index + 1}"
        table = self.table(raw, where, "steps")
        step_id = self.identifier(table, where)
        where = f"{part_where} › '{step_id}'"
        kind = self.kind(table, where, ("step", "break"), "step")
        workspace = table.get("workspace", "break" if kind == "break" else None)
        if workspace not in WORKSPACES:
            raise self.fail(
                where,
                Text(f"ukendt arbejdsflade 'workspace' {workspace!r}.", f"unknown 'workspace' {workspace!r}."),
            )
        categories = tuple(
            self.category(raw_category, f"{where} › categories #{index + 1}")
            for index, raw_category in enumerate(self.array(table, "categories", where))
        )
        category_ids: set[str] = set()
        for category in categories:
            if category.id in category_ids:
                raise self.fail(
                    where,
                    Text(
                        f"kategori-id '{category.id}' findes mere end én gang.",
                        f"category id '{category.id}' occurs more than once.",
                    ),
                )
            category_ids.add(category.id)
        if workspace.startswith("board:") and len(categories) != 3:
            raise self.fail(
                where,
                Text(
                    "en sorteringstavle skal have præcis 3 kategorier.", "a sorting board needs exactly 3 categories."
                ),
            )
        return Step(
            id=step_id,
            kind=kind,
            title=self.text(table, "title", where),
            minutes=self.minutes(table, where),
            workspace=workspace,
            instruction=self.text(table, "instruction", where, required=False),
            question=self.text(table, "question", where, required=False),
            categories=categories,
        )

    def category(self, raw: Any, where: str) -> Category:
        table = self.table(raw, where, "categories")
        category_id = table.get("id")
        if not isinstance(category_id, str) or not _ID_PATTERN.match(category_id):
            raise self.fail(where, Text("'id' mangler eller er ugyldig.", "'id' is missing or invalid."))
        return Category(
            id=category_id,
            title=self.text(table, "title", where),
            description=self.text(table, "description", where, required=False),
        )

    def array(self, table: dict[str, Any], key: str, where: str) -> list[Any]:
        value = table.get(key, [])
        if not isinstance(value, list):
            raise self.fail(where, Text(f"'{key}' skal være en liste.", f"'{key}' must be a list."))
        return value

    def part(self, table: dict[str, Any], where: str) -> Part:
        part_id = self.identifier(table, where)
        where = f"'{part_id}'"
        number = table.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise self.fail(
                where, Text("'number' skal være et positivt heltal.", "'number' must be a positive whole number.")
            )
        raw_steps = self.array(table, "steps", where)
        if not raw_steps:
            raise self.fail(where, Text("delen har ingen trin ('steps').", "the part has no steps ('steps')."))
        steps = tuple(self.step(raw, where, index) for index, raw in enumerate(raw_steps))
        part = Part(
            id=part_id,
            number=number,
            label=self.text(table, "label", where, required=False) or Text(f"Del {number}", f"Part {number}"),
            title=self.text(table, "title", where),
            steps=steps,
            purpose=self.text(table, "purpose", where, required=False),
            materials=self.text(table, "materials", where, required=False),
            intro=self.text(table, "intro", where, required=False),
            tips=tuple(self.tip(raw, where) for raw in self.array(table, "tips", where)),
        )
        declared = table.get("minutes")
        if declared is not None:
            self.minutes(table, where)
            if declared != part.minutes:
                raise self.fail(
                    where,
                    Text(
                        f"'minutes' er {declared}, men trinene varer tilsammen {part.minutes} minutter.",
                        f"'minutes' is {declared}, but its steps add up to {part.minutes} minutes.",
                    ),
                )
        return part

    def tip(self, raw: Any, where: str) -> Text:
        text = self.text({"tip": raw}, "tip", f"{where} › tips")
        assert text is not None
        return text

    def item(self, raw: Any, index: int) -> Item:
        where = f"items #{index + 1}"
        table = self.table(raw, where, "items")
        kind = self.kind(table, where, ("part", "break"), None)
        if kind == "part":
            return self.part(table, where)
        break_id = self.identifier(table, where)
        where = f"'{break_id}'"
        return Break(
            id=break_id,
            title=self.text(table, "title", where),
            minutes=self.minutes(table, where),
            instruction=self.text(table, "instruction", where, required=False),
        )

    def program(self, data: dict[str, Any], source_text: str) -> Program:
        if data.get("format") != FORMAT_NAME:
            raise self.fail(
                "",
                Text(f"'format' skal være \"{FORMAT_NAME}\".", f"'format' must be \"{FORMAT_NAME}\"."),
            )
        version = data.get("version")
        if version != FORMAT_VERSION:
            raise self.fail(
                "",
                Text(
                    f"formatversion {version!r} kendes ikke; denne version af appen læser version {FORMAT_VERSION}.",
                    f"format version {version!r} is not known; this version of the app reads version {FORMAT_VERSION}.",
                ),
            )
        header = self.table(data.get("program"), "[program]", "program")
        program_id = header.get("id")
        if not isinstance(program_id, str) or not _ID_PATTERN.match(program_id):
            raise self.fail("[program]", Text("'id' mangler eller er ugyldig.", "'id' is missing or invalid."))
        raw_items = self.array(data, "items", "")
        if not raw_items:
            raise self.fail("", Text("programmet har ingen punkter ('items').", "the program has no items ('items')."))
        items = tuple(self.item(raw, index) for index, raw in enumerate(raw_items))
        program = Program(
            id=program_id,
            title=self.text(header, "title", "[program]"),
            items=items,
            purpose=self.text(header, "purpose", "[program]", required=False),
            materials=self.text(header, "materials", "[program]", required=False),
            description=self.text(header, "description", "[program]", required=False),
            source_name=self.source_name,
            source_text=source_text,
        )
        if program.minutes > MAX_PROGRAM_MINUTES:
            raise self.fail(
                "",
                Text(
                    f"programmet varer {program.minutes} minutter; en dag har højst {MAX_PROGRAM_MINUTES}.",
                    f"the program lasts {program.minutes} minutes; a day has at most {MAX_PROGRAM_MINUTES}.",
                ),
            )
        return program


@functools.lru_cache(maxsize=16)
def load_program_text(source_text: str, source_name: str = "<program>") -> Program:
    """Parse and validate program TOML text.

    Remembered for the same text: a Program is immutable, and a session's text is read again
    for every export, session file and check (the TOML parse is some 14 ms each time).
    """
    checker = _Checker(source_name)
    try:
        data = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as error:
        raise checker.fail("", Text(f"ugyldig TOML ({error}).", f"invalid TOML ({error}).")) from None
    return checker.program(data, source_text)


def load_program(path: str | Path) -> Program:
    """Read, parse and validate a program file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ProgramError(
            Text(f"Programfilen {path} kan ikke læses: {reason}.", f"Program file {path} cannot be read: {reason}.")
        ) from None
    try:
        # Windows editors often start UTF-8 files with a byte order mark; TOML itself has none.
        source_text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgramError(
            Text(f"Programfilen {path} er ikke UTF-8-tekst.", f"Program file {path} is not UTF-8 text.")
        ) from None
    return load_program_text(source_text, path.name)
