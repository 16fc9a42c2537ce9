"""The method's guidance for the facilitator, the planning checklist and the invitation asks.

Read from `resources/guidance/method.toml`; the texts are ours, the terms are the method's.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.paths import resource_path
from facilitator.text import Text, UserError

FORMAT_NAME = "facilitator-guidance"
FORMAT_VERSION = 1
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class GuidanceError(UserError):
    """The guidance file is missing or broken."""


@dataclass(frozen=True)
class Topic:
    id: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    summary: Text
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: Text


@dataclass(frozen=True)
class ChecklistGroup:
    id: str
    title: Text
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class InvitationAsk:
    """One of the things partners are asked to prepare (resources, mandate, documentation)."""

    id: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Guidance:
    sections: tuple[Section, ...]
    planning: tuple[ChecklistGroup, ...]
    invitation: tuple[InvitationAsk, ...]

    def section(self, section_id: str) -> Section | None:
        return next((section for section in self.sections if section.id == section_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for section in self.sections for topic in section.topics if topic.id == topic_id), None)

    def checklist_ids(self) -> list[str]:
        return [item.id for group in self.planning for item in group.items]


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: set[str] = set()

    def fail(self, where: str, problem: str, problem_en: str) -> GuidanceError:
        return GuidanceError(
            Text(
                f"Vejledningsfilen {self.name}: {where}: {problem}", f"Guidance file {self.name}: {where}: {problem_en}"
            )
        )

    def tables(self, data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(entry, dict) for entry in value):
            raise self.fail(
                where,
                f"'{key}' mangler eller er ikke en liste af tabeller.",
                f"'{key}' is missing or not a list of tables.",
            )
        return value

    def ident(self, table: dict[str, Any], where: str) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(
                where, f"'id' mangler eller er ugyldig ({value!r}).", f"'id' is missing or invalid ({value!r})."
            )
        if value in self.seen:
            raise self.fail(where, f"id '{value}' findes mere end én gang.", f"id '{value}' occurs more than once.")
        self.seen.add(value)
        return value

    def text(self, table: dict[str, Any], key: str, where: str) -> Text:
        value = table.get(key)
        if isinstance(value, dict):
            da, en = value.get("da"), value.get("en")
            if isinstance(da, str) and da.strip() and (en is None or isinstance(en, str)):
                return Text(da.strip(), en.strip() if en and en.strip() else None)
        raise self.fail(where, f"'{key}.da' mangler eller er tom.", f"'{key}.da' is missing or empty.")


def parse_guidance(source: str, name: str = "<guidance>") -> Guidance:
    """Parse and validate guidance TOML text."""
    reader = _Reader(name)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise reader.fail("", f"ugyldig TOML ({error}).", f"invalid TOML ({error}).") from None
    if data.get("format") != FORMAT_NAME or data.get("version") != FORMAT_VERSION:
        raise reader.fail(
            "",
            f'forventede format "{FORMAT_NAME}" version {FORMAT_VERSION}.',
            f'expected format "{FORMAT_NAME}" version {FORMAT_VERSION}.',
        )
    sections = []
    for table in reader.tables(data, "sections", "sections"):
        where = f"'{reader.ident(table, 'sections')}'"
        title, summary = reader.text(table, "title", where), reader.text(table, "summary", where)
        topics = tuple(
            Topic(reader.ident(topic, where), reader.text(topic, "title", where), reader.text(topic, "body", where))
            for topic in reader.tables(table, "topics", where)
        )
        sections.append(Section(table["id"], title, summary, topics))
    planning = []
    for table in reader.tables(data, "planning", "planning"):
        where = f"'{reader.ident(table, 'planning')}'"
        items = tuple(
            ChecklistItem(reader.ident(item, where), reader.text(item, "text", where))
            for item in reader.tables(table, "items", where)
        )
        planning.append(ChecklistGroup(table["id"], reader.text(table, "title", where), items))
    invitation = tuple(
        InvitationAsk(
            reader.ident(table, "invitation"),
            reader.text(table, "title", "invitation"),
            reader.text(table, "body", "invitation"),
        )
        for table in reader.tables(data, "invitation", "invitation")
    )
    return Guidance(tuple(sections), tuple(planning), invitation)


def load_guidance(path: Path | None = None) -> Guidance:
    """The guidance shipped with the app (or the file at `path`)."""
    if path is None:
        return _bundled()
    return _load(path)


def _load(path: Path) -> Guidance:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise GuidanceError(
            Text(
                f"Vejledningsfilen {path} kan ikke læses: {reason}.", f"Guidance file {path} cannot be read: {reason}."
            )
        ) from None
    return parse_guidance(source, path.name)


@functools.cache
def _bundled() -> Guidance:
    return _load(resource_path("guidance", "method.toml"))
