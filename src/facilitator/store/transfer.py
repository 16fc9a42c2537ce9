"""Whole sessions out of and into the store, as a session document (docs/session-file.md).

Part of `Store` (mixed in). A session document is plain JSON data (dicts, lists, strings,
numbers) in which rows refer to each other by ids that only mean something inside the
document, so the same session exported from two databases gives the same document.
`check_session_document` is the one gate: it checks everything an import will write and
returns the document in its canonical form, so writing a checked document and reading it
back gives the same bytes. Turning a document into bytes and back is
`facilitator.export.session_file`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from facilitator.conversation import CIRCLES, JOINT_FORMS, VALUE_FORM_IDS
from facilitator.conversation.next_steps import AREA_IDS, STATUSES
from facilitator.program import format_clock, load_program_text, parse_clock
from facilitator.program.loader import MAX_STEP_MINUTES
from facilitator.store.database import StoreError
from facilitator.store.limits import (
    MAX_ACTION_LENGTH,
    MAX_CATEGORY_LENGTH,
    MAX_CIRCLE_TITLE_LENGTH,
    MAX_CLUSTER_NAME,
    MAX_ELEMENT_LENGTH,
    MAX_FILE_ID,
    MAX_FORM_TEXT_LENGTH,
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MAX_POSITION,
    MAX_PRINCIPLES,
    MAX_PROGRAM_NAME_LENGTH,
    MAX_SHORT_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_Z,
)
from facilitator.store.models import (
    ActionRow,
    BoardClusterRow,
    BoardNoteRow,
    ChecklistRow,
    CircleRow,
    ElementRow,
    ElementValueRow,
    FormSourceRow,
    FormTextRow,
    PartnerRow,
    PrincipleRow,
    SessionRow,
    StepPlanRow,
    TimerEventRow,
    new_session_uid,
)
from facilitator.store.part import StorePart
from facilitator.text import Text, UserError, clean_text
from facilitator.timing.timer import EVENT_KINDS

FORMAT_NAME = "facilitator-session"
FORMAT_VERSION = 1
#: What `import_session` does when the store already holds the session (same uid).
ON_EXISTING = ("ask", "replace", "keep-both")
#: Added to the title of a session imported beside the one already here ("keep-both").
IMPORTED_SUFFIX = " (importeret)"

#: A session document: the parsed JSON of a session file.
SessionDocument = dict[str, Any]

_UID = re.compile(r"[0-9a-fA-F]{32}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MISSING = object()


class SessionFileError(UserError):
    """A session document that cannot be imported (or a session that cannot be written as one).

    `location` names the field, JSON-path style (``partners[2].name``); empty for the file
    as a whole.
    """

    def __init__(self, text: Text, *, location: str = "") -> None:
        super().__init__(text)
        self.location = location


class SessionExists(StoreError):
    """The store already holds the session being imported; the caller chooses what to do."""

    def __init__(self, session_id: int, title: str) -> None:
        super().__init__(
            Text(
                f"Sessionen »{title}« (id {session_id}) findes allerede. "
                "Vælg, om den skal erstattes af filens udgave, eller om begge skal beholdes.",
                f"The session “{title}” (id {session_id}) is already here. "
                "Choose whether the file's version replaces it or both are kept.",
            )
        )
        self.session_id = session_id
        self.title = title


# Timestamps and dates ------------------------------------------------------------------


def format_timestamp(value: dt.datetime) -> str:
    """A stored (naive UTC) time as the file writes it: ISO 8601 with microseconds and Z."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> dt.datetime:
    """A file's time as the store keeps it (naive UTC); ValueError if it is no ISO 8601 time."""
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


# Checking a document -------------------------------------------------------------------


def _quote(text: str) -> str:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return json.dumps(shown, ensure_ascii=False)


def _found(value: object) -> Text:
    """What a value is, for 'partners[2].name: is the number 5'."""
    if value is None:
        return Text("er null", "is null")
    if isinstance(value, bool):
        return Text(f"er {json.dumps(value)}", f"is {json.dumps(value)}")
    if isinstance(value, int | float):
        number = repr(value) if isinstance(value, float) else str(value)
        if len(number) > 30:
            number = number[:30] + "…"
        return Text(f"er tallet {number}", f"is the number {number}")
    if isinstance(value, str):
        return Text(f"er teksten {_quote(value)}", f"is the text {_quote(value)}")
    if isinstance(value, list):
        return Text("er en liste", "is a list")
    if isinstance(value, dict):
        return Text("er et objekt", "is an object")
    return Text(f"er {type(value).__name__}", f"is {type(value).__name__}")


def _text_expected(high: int, *, required: bool) -> Text:
    if required:
        return Text(f"tekst på 1-{high} tegn", f"text of 1-{high} characters")
    return Text(f"tekst på højst {high} tegn", f"text of at most {high} characters")


def _listing(values: list[str], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (", …" if len(values) > limit else "")


class _Checker:
    """Walks a document, cleaning each value as the store would and naming the field that fails."""

    def __init__(self, source: str, exporting: bool) -> None:
        self.source = source
        self.exporting = exporting

    def fail(self, where: str, problem: Text, expected: Text | None = None) -> SessionFileError:
        if self.exporting:
            head_da, head_en = (
                "Sessionen kan ikke gemmes som sessionsfil",
                "The session cannot be saved as a session file",
            )
        else:
            name = f" {self.source}" if self.source else ""
            head_da, head_en = f"Sessionsfilen{name} kan ikke indlæses", f"The session file{name} cannot be imported"
        da = f"{head_da}: {where}: {problem.da}" if where else f"{head_da}: {problem.da}"
        en = f"{head_en}: {where}: {problem.get('en')}" if where else f"{head_en}: {problem.get('en')}"
        if expected is not None:
            da += f". Forventet: {expected.da}"
            en += f". Expected: {expected.get('en')}"
        return SessionFileError(Text(da + ".", en + "."), location=where)

    def wrong(self, where: str, value: object, expected: Text) -> SessionFileError:
        if value is _MISSING:
            return self.fail(where, Text("feltet mangler", "the field is missing"), expected)
        found = _found(value)
        if not where:
            found = Text(f"filen {found.da}", f"the file {found.en}")
        return self.fail(where, found, expected)

    # Containers ----------------------------------------------------------------------

    def record(self, value: object, where: str, fields: tuple[str, ...], what: Text) -> dict[str, Any]:
        """An object with exactly these fields (unknown ones are refused, see the format docs)."""
        names = ", ".join(fields)
        if not isinstance(value, dict):
            raise self.wrong(
                where, value, Text(f"{what.da} (et objekt med {names})", f"{what.en} (an object with {names})")
            )
        for key in value:
            if key not in fields:
                raise self.fail(
                    _join(where, str(key)),
                    Text("ukendt felt", "unknown field"),
                    Text(f"kun felterne {names}", f"only the fields {names}"),
                )
        return value

    def items(self, value: object, where: str, expected: Text | None = None) -> list[Any]:
        if not isinstance(value, list):
            raise self.wrong(where, value, expected or _TOP_EXPECTED[where])
        return value

    # Values --------------------------------------------------------------------------

    def unicode(self, text: str, where: str) -> str:
        # JSON can spell lone surrogates (\ud800), which no database can store.
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            code = f"U+{ord(text[error.start]):04X}"
            raise self.fail(
                where,
                Text(
                    f"indeholder tegnet {code}, som ikke er gyldig Unicode",
                    f"contains {code}, which is not valid Unicode",
                ),
                Text("tekst i gyldig Unicode", "text in valid Unicode"),
            ) from None
        return text

    def text(self, value: object, where: str, high: int, *, multiline: bool = True, required: bool = False) -> str:
        """User text, cleaned as the store cleans what is typed, within the store's limits."""
        expected = _text_expected(high, required=required)
        if not isinstance(value, str):
            raise self.wrong(where, value, expected)
        cleaned = self.unicode(clean_text(value, multiline=multiline), where)
        if required and not cleaned:
            raise self.fail(where, Text("er tom", "is empty"), expected)
        if len(cleaned) > high:
            raise self.fail(
                where,
                Text(f"teksten er {len(cleaned)} tegn lang", f"the text is {len(cleaned)} characters long"),
                expected,
            )
        return cleaned

    def name(self, value: object, where: str, high: int = MAX_ID_LENGTH) -> str:
        """An id from the program or the method (a step, a checklist item, a category), kept as is."""
        expected = Text(
            f"et navn på 1-{high} tegn uden linjeskift og kontroltegn",
            f"a name of 1-{high} characters without line breaks or control characters",
        )
        if not isinstance(value, str):
            raise self.wrong(where, value, expected)
        if not value or len(value) > high or _CONTROL.search(value):
            raise self.fail(where, _found(value), expected)
        return self.unicode(value, where)

    def choice(self, value: object, where: str, choices: tuple[str, ...] | Mapping[str, object]) -> str:
        options = ", ".join(choices)
        if not isinstance(value, str) or value not in choices:
            raise self.wrong(where, value, Text(f"en af {options}", f"one of {options}"))
        return value

    def integer(self, value: object, where: str, low: int, high: int) -> int:
        expected = Text(f"et heltal fra {low} til {high}", f"a whole number from {low} to {high}")
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.wrong(where, value, expected)
        if not low <= value <= high:
            raise self.fail(where, _found(value), expected)
        return value

    def number(self, value: object, where: str, *, nullable: bool = False) -> float | None:
        expected = Text("et tal", "a number") if not nullable else Text("et tal eller null", "a number or null")
        if value is None and nullable:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.wrong(where, value, expected)
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self.fail(where, Text("er ikke et endeligt tal", "is not a finite number"), expected)
        return number

    def boolean(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.wrong(where, value, Text("true eller false", "true or false"))
        return value

    def timestamp(self, value: object, where: str) -> str:
        expected = Text(
            "et tidspunkt i ISO 8601, fx 2026-04-27T07:00:00.000000Z",
            "a time in ISO 8601, e.g. 2026-04-27T07:00:00.000000Z",
        )
        if not isinstance(value, str):
            raise self.wrong(where, value, expected)
        try:
            return format_timestamp(parse_timestamp(value))
        except (ValueError, OverflowError):
            raise self.fail(where, _found(value), expected) from None

    def date(self, value: object, where: str) -> str | None:
        expected = Text("en dato som ÅÅÅÅ-MM-DD eller null", "a date as YYYY-MM-DD or null")
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise self.wrong(where, value, expected)
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise self.fail(where, _found(value), expected) from None

    def file_id(self, value: object, where: str, seen: dict[int, str], what: Text) -> int:
        """A row's id inside the file: a whole number, used once among its kind."""
        expected = Text(
            f"et heltal fra 1, brugt én gang blandt {what.da}", f"a whole number from 1, used once among the {what.en}"
        )
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_FILE_ID:
            raise self.wrong(where, value, expected)
        if value in seen:
            raise self.fail(
                where,
                Text(f"id {value} er allerede brugt ({seen[value]})", f"id {value} is already used ({seen[value]})"),
                expected,
            )
        seen[value] = where
        return value

    def reference(
        self, value: object, where: str, ids: Mapping[int, int], what: Text, *, nullable: bool = True
    ) -> int | None:
        """A reference to another row of the file, as that row's canonical id."""
        if value is None and nullable:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value in ids:
            return ids[value]
        # Only a failure lists the ids there are: a large file has thousands of references.
        known = _listing([str(key) for key in ids])
        expected_da = f"id'et på {what.da} i filen ({known or 'der er ingen'})"
        expected_en = f"the id of {what.en} in the file ({known or 'there are none'})"
        if nullable:
            expected_da += " eller null"
            expected_en += " or null"
        expected = Text(expected_da, expected_en)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.wrong(where, value, expected)
        raise self.fail(
            where,
            Text(
                f"ingen af {_AMONG[what].da} i filen har id {value}",
                f"none of the {_AMONG[what].en} in the file has id {value}",
            ),
            expected,
        )

    def field(self, record: dict[str, Any], name: str) -> object:
        return record.get(name, _MISSING)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_TOP_FIELDS = (
    "format",
    "version",
    "session",
    "partners",
    "principles",
    "step_plans",
    "timer_events",
    "checklist",
    "circles",
    "clusters",
    "elements",
    "form_texts",
    "form_sources",
    "actions",
)
_SESSION_FIELDS = (
    "uid",
    "title",
    "date",
    "venue",
    "facilitator",
    "start_time",
    "program_name",
    "program_text",
    "current_step_id",
    "created_at",
    "updated_at",
)
_PARTNER_FIELDS = ("id", "name", "organisation", "role", "mandate", "why_now", "colour")
_STEP_PLAN_FIELDS = ("step_id", "minutes", "skipped", "after_id", "note")
_TIMER_EVENT_FIELDS = ("step_id", "kind", "at", "elapsed", "amount")
_CHECKLIST_FIELDS = ("item_id", "done", "note")
_CIRCLE_FIELDS = ("id", "partner", "kind", "title", "position", "created_at")
_CLUSTER_FIELDS = ("id", "kind", "name")
_ELEMENT_FIELDS = (
    "id",
    "circle",
    "partner",
    "kind",
    "field",
    "position",
    "text",
    "category",
    "value_forms",
    "board",
    "created_at",
    "updated_at",
)
_BOARD_FIELDS = ("x", "y", "z", "cluster", "merged_into")
_FORM_TEXT_FIELDS = ("form", "field", "text", "updated_at")
_FORM_SOURCE_FIELDS = ("form", "field", "element", "text", "created_at")
_ACTION_FIELDS = (
    "area",
    "position",
    "what",
    "owner",
    "owner_person",
    "with_whom",
    "how_much",
    "due",
    "status",
    "created_at",
    "updated_at",
)

_PARTNER = Text("en partner", "a partner")
_PARTNERS = Text("partnerne", "partners")
_CIRCLE = Text("en cirkel", "a circle")
_CIRCLES = Text("cirklerne", "circles")
_CLUSTER = Text("en klynge", "a cluster")
_CLUSTERS = Text("klyngerne", "clusters")
_ELEMENT = Text("et element", "an element")
_ELEMENTS = Text("elementerne", "elements")
_AMONG = {_PARTNER: _PARTNERS, _CIRCLE: _CIRCLES, _CLUSTER: _CLUSTERS, _ELEMENT: _ELEMENTS}


def check_session_document(document: object, *, source: str = "", exporting: bool = False) -> SessionDocument:
    """The document checked whole and in canonical form; SessionFileError naming the first bad field.

    `source` names the file in messages. Canonical form: texts cleaned as the store cleans
    them, times as ``2026-04-27T07:00:00.000000Z``, the file's own ids renumbered 1, 2, 3…
    in list order, every object's keys in the documented order.
    """
    check = _Checker(source, exporting)
    if not isinstance(document, dict):
        raise check.wrong(
            "",
            document,
            Text(f'et JSON-objekt med "format": "{FORMAT_NAME}"', f'a JSON object with "format": "{FORMAT_NAME}"'),
        )
    # Format and version first: a newer file should say so, not trip over a field it added.
    format_name = document.get("format", _MISSING)
    if format_name != FORMAT_NAME:
        raise check.wrong(
            "format",
            format_name,
            Text(f'"{FORMAT_NAME}" (en sessionsfil fra Facilitator)', f'"{FORMAT_NAME}" (a Facilitator session file)'),
        )
    version = document.get("version", _MISSING)
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise check.fail(
            "version",
            Text(
                f"filen er skrevet i version {version} af formatet, som en nyere Facilitator skriver; "
                f"denne version læser version {FORMAT_VERSION}. Opdatér appen",
                f"the file is written in version {version} of the format, which a newer Facilitator writes; "
                f"this version reads version {FORMAT_VERSION}. Update the app",
            ),
            Text(f"version {FORMAT_VERSION}", f"version {FORMAT_VERSION}"),
        )
    check.integer(version, "version", FORMAT_VERSION, FORMAT_VERSION)
    top = check.record(document, "", _TOP_FIELDS, Text("en sessionsfil", "a session file"))
    for key in _TOP_FIELDS:
        if key not in top:
            raise check.wrong(key, _MISSING, _TOP_EXPECTED[key])

    session = _check_session(check, top["session"])

    partner_ids: dict[int, int] = {}
    partners = []
    names: dict[tuple[str, str], str] = {}
    seen: dict[int, str] = {}
    for index, value in enumerate(check.items(top["partners"], "partners")):
        where = f"partners[{index}]"
        row = check.record(value, where, _PARTNER_FIELDS, _PARTNER)
        partner_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, _PARTNERS)] = index + 1
        name = check.text(check.field(row, "name"), f"{where}.name", MAX_NAME_LENGTH, multiline=False, required=True)
        organisation = check.text(
            check.field(row, "organisation"), f"{where}.organisation", MAX_TEXT_LENGTH, multiline=False
        )
        key = (name.casefold(), organisation.casefold())
        if key in names:
            raise check.fail(
                f"{where}.name",
                Text(f"samme navn og organisation som {names[key]}", f"the same name and organisation as {names[key]}"),
                Text(
                    "partnere, der kan skelnes på navn eller organisation",
                    "partners told apart by name or organisation",
                ),
            )
        names[key] = where
        colour = check.field(row, "colour")
        if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
            raise check.wrong(f"{where}.colour", colour, Text("en farve som #RRGGBB", "a colour as #RRGGBB"))
        partners.append(
            {
                "id": index + 1,
                "name": name,
                "organisation": organisation,
                **{
                    field: check.text(check.field(row, field), f"{where}.{field}", MAX_TEXT_LENGTH)
                    for field in ("role", "mandate", "why_now")
                },
                "colour": colour.upper(),
            }
        )

    principles = []
    listed = check.items(top["principles"], "principles")
    if len(listed) > MAX_PRINCIPLES:
        raise check.fail(
            "principles",
            Text(f"der er {len(listed)} principper", f"there are {len(listed)} principles"),
            Text(
                f"højst {MAX_PRINCIPLES}, som metoden foreskriver",
                f"at most {MAX_PRINCIPLES}, as the method prescribes",
            ),
        )
    for index, value in enumerate(listed):
        principles.append(check.text(value, f"principles[{index}]", MAX_TEXT_LENGTH, required=True))

    step_plans = []
    step_ids: dict[str, str] = {}
    for index, value in enumerate(check.items(top["step_plans"], "step_plans")):
        where = f"step_plans[{index}]"
        row = check.record(value, where, _STEP_PLAN_FIELDS, Text("en trinplan", "a step plan"))
        step_id = _unique_name(check, check.field(row, "step_id"), f"{where}.step_id", step_ids, "trin", "step")
        minutes = check.field(row, "minutes")
        after_id = check.field(row, "after_id")
        # "" (the start of the day) is a valid place for a break; None leaves it where planned.
        if after_id is not None and after_id != "":
            after_id = check.name(after_id, f"{where}.after_id")
        step_plans.append(
            {
                "step_id": step_id,
                "minutes": None if minutes is None else check.integer(minutes, f"{where}.minutes", 1, MAX_STEP_MINUTES),
                "skipped": check.boolean(check.field(row, "skipped"), f"{where}.skipped"),
                "after_id": after_id,
                "note": check.text(check.field(row, "note"), f"{where}.note", MAX_TEXT_LENGTH),
            }
        )

    timer_events = []
    for index, value in enumerate(check.items(top["timer_events"], "timer_events")):
        where = f"timer_events[{index}]"
        row = check.record(value, where, _TIMER_EVENT_FIELDS, Text("en timerhændelse", "a timer event"))
        timer_events.append(
            {
                "step_id": check.name(check.field(row, "step_id"), f"{where}.step_id"),
                "kind": check.choice(check.field(row, "kind"), f"{where}.kind", EVENT_KINDS),
                "at": check.timestamp(check.field(row, "at"), f"{where}.at"),
                "elapsed": check.number(check.field(row, "elapsed"), f"{where}.elapsed"),
                "amount": check.number(check.field(row, "amount"), f"{where}.amount"),
            }
        )

    checklist = []
    item_ids: dict[str, str] = {}
    for index, value in enumerate(check.items(top["checklist"], "checklist")):
        where = f"checklist[{index}]"
        row = check.record(value, where, _CHECKLIST_FIELDS, Text("et tjeklistepunkt", "a checklist item"))
        checklist.append(
            {
                "item_id": _unique_name(
                    check, check.field(row, "item_id"), f"{where}.item_id", item_ids, "punkt", "item"
                ),
                "done": check.boolean(check.field(row, "done"), f"{where}.done"),
                "note": check.text(check.field(row, "note"), f"{where}.note", MAX_TEXT_LENGTH),
            }
        )

    circle_ids: dict[int, int] = {}
    circle_rows: dict[int, dict[str, Any]] = {}
    circles = []
    seen = {}
    for index, value in enumerate(check.items(top["circles"], "circles")):
        where = f"circles[{index}]"
        row = check.record(value, where, _CIRCLE_FIELDS, _CIRCLE)
        circle_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, _CIRCLES)] = index + 1
        circle = {
            "id": index + 1,
            "partner": check.reference(
                check.field(row, "partner"), f"{where}.partner", partner_ids, _PARTNER, nullable=False
            ),
            "kind": check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES),
            "title": check.text(check.field(row, "title"), f"{where}.title", MAX_CIRCLE_TITLE_LENGTH, multiline=False),
            "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
            "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
        }
        circles.append(circle)
        circle_rows[index + 1] = circle

    cluster_ids: dict[int, int] = {}
    cluster_kinds: dict[int, str] = {}
    clusters = []
    seen = {}
    for index, value in enumerate(check.items(top["clusters"], "clusters")):
        where = f"clusters[{index}]"
        row = check.record(value, where, _CLUSTER_FIELDS, _CLUSTER)
        cluster_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, _CLUSTERS)] = index + 1
        kind = check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES)
        cluster_kinds[index + 1] = kind
        clusters.append(
            {
                "id": index + 1,
                "kind": kind,
                "name": check.text(
                    check.field(row, "name"), f"{where}.name", MAX_CLUSTER_NAME, multiline=False, required=True
                ),
            }
        )

    listed = check.items(top["elements"], "elements")
    # Every element's id first: a board note may be merged into one further down the list.
    element_ids: dict[int, int] = {}
    seen = {}
    for index, value in enumerate(listed):
        row = check.record(value, f"elements[{index}]", _ELEMENT_FIELDS, _ELEMENT)
        element_ids[check.file_id(check.field(row, "id"), f"elements[{index}].id", seen, _ELEMENTS)] = index + 1
    elements = []
    element_kinds: dict[int, str] = {}
    for index, row in enumerate(listed):
        where = f"elements[{index}]"
        element = _check_element(check, row, where, index + 1, partner_ids, circle_ids, circle_rows)
        element_kinds[index + 1] = element["kind"]
        elements.append(element)
    for index, (row, element) in enumerate(zip(listed, elements, strict=True)):
        element["board"] = _check_board(
            check,
            check.field(row, "board"),
            f"elements[{index}].board",
            element,
            element_ids,
            cluster_ids,
            cluster_kinds,
            element_kinds,
        )

    form_texts = []
    form_fields: dict[tuple[str, str], str] = {}
    for index, value in enumerate(check.items(top["form_texts"], "form_texts")):
        where = f"form_texts[{index}]"
        row = check.record(value, where, _FORM_TEXT_FIELDS, Text("en fælles tekst", "a joint text"))
        form, field = _check_form_field(check, row, where)
        if (form, field) in form_fields:
            raise check.fail(
                f"{where}.field",
                Text(
                    f"{form}.{field} står der allerede ({form_fields[form, field]})",
                    f"{form}.{field} is already there ({form_fields[form, field]})",
                ),
                Text("hvert spørgsmål i en fælles formular én gang", "each question of a joint form once"),
            )
        form_fields[form, field] = where
        form_texts.append(
            {
                "form": form,
                "field": field,
                "text": check.text(check.field(row, "text"), f"{where}.text", MAX_FORM_TEXT_LENGTH),
                "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
            }
        )

    form_sources = []
    for index, value in enumerate(check.items(top["form_sources"], "form_sources")):
        where = f"form_sources[{index}]"
        row = check.record(
            value, where, _FORM_SOURCE_FIELDS, Text("en kilde til en fælles tekst", "a source of a joint text")
        )
        form, field = _check_form_field(check, row, where)
        form_sources.append(
            {
                "form": form,
                "field": field,
                "element": check.reference(check.field(row, "element"), f"{where}.element", element_ids, _ELEMENT),
                "text": check.text(
                    check.field(row, "text"), f"{where}.text", MAX_FORM_TEXT_LENGTH, multiline=False, required=True
                ),
                "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
            }
        )

    actions = []
    for index, value in enumerate(check.items(top["actions"], "actions")):
        where = f"actions[{index}]"
        row = check.record(value, where, _ACTION_FIELDS, Text("en handling", "an action"))
        actions.append(
            {
                "area": check.choice(check.field(row, "area"), f"{where}.area", AREA_IDS),
                "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
                "what": check.text(check.field(row, "what"), f"{where}.what", MAX_ACTION_LENGTH, multiline=False),
                "owner": check.reference(check.field(row, "owner"), f"{where}.owner", partner_ids, _PARTNER),
                "owner_person": check.text(
                    check.field(row, "owner_person"), f"{where}.owner_person", MAX_SHORT_FIELD_LENGTH, multiline=False
                ),
                "with_whom": check.text(
                    check.field(row, "with_whom"), f"{where}.with_whom", MAX_ACTION_LENGTH, multiline=False
                ),
                "how_much": check.text(
                    check.field(row, "how_much"), f"{where}.how_much", MAX_SHORT_FIELD_LENGTH, multiline=False
                ),
                "due": check.date(check.field(row, "due"), f"{where}.due"),
                "status": check.choice(check.field(row, "status"), f"{where}.status", STATUSES),
                "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
                "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
            }
        )

    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "session": session,
        "partners": partners,
        "principles": principles,
        "step_plans": step_plans,
        "timer_events": timer_events,
        "checklist": checklist,
        "circles": circles,
        "clusters": clusters,
        "elements": elements,
        "form_texts": form_texts,
        "form_sources": form_sources,
        "actions": actions,
    }


def _list_of(what_da: str, what_en: str) -> Text:
    return Text(f"en liste af {what_da}", f"a list of {what_en}")


_TOP_EXPECTED = {
    "format": Text(f'"{FORMAT_NAME}"', f'"{FORMAT_NAME}"'),
    "version": Text(str(FORMAT_VERSION), str(FORMAT_VERSION)),
    "session": Text("sessionens egne felter (et objekt)", "the session's own fields (an object)"),
    "partners": _list_of("partnere", "partners"),
    "principles": _list_of("vejledende principper", "guiding principles"),
    "step_plans": _list_of("trinplaner", "step plans"),
    "timer_events": _list_of("timerhændelser", "timer events"),
    "checklist": _list_of("tjeklistepunkter", "checklist items"),
    "circles": _list_of("cirkler", "circles"),
    "clusters": _list_of("klynger", "clusters"),
    "elements": _list_of("elementer", "elements"),
    "form_texts": _list_of("fælles tekster", "joint texts"),
    "form_sources": _list_of("kilder", "sources"),
    "actions": _list_of("handlinger", "actions"),
}


def _check_session(check: _Checker, value: object) -> dict[str, Any]:
    row = check.record(value, "session", _SESSION_FIELDS, Text("sessionens egne felter", "the session's own fields"))
    uid = check.field(row, "uid")
    if not isinstance(uid, str) or not _UID.fullmatch(uid):
        raise check.wrong(
            "session.uid",
            uid,
            Text("sessionens identitet: 32 hexadecimale cifre", "the session's identity: 32 hex digits"),
        )
    start_time = check.field(row, "start_time")
    start_expected = Text("et klokkeslæt som TT:MM", "a time of day as HH:MM")
    if not isinstance(start_time, str):
        raise check.wrong("session.start_time", start_time, start_expected)
    try:
        start_time = format_clock(parse_clock(start_time))
    except UserError:
        raise check.fail("session.start_time", _found(start_time), start_expected) from None
    program_name = check.field(row, "program_name")
    name_expected = Text(
        f"tekst på højst {MAX_PROGRAM_NAME_LENGTH} tegn", f"text of at most {MAX_PROGRAM_NAME_LENGTH} characters"
    )
    # The program's file name is kept as it was, like the program text itself.
    if (
        not isinstance(program_name, str)
        or len(program_name) > MAX_PROGRAM_NAME_LENGTH
        or _CONTROL.search(program_name)
    ):
        raise check.wrong("session.program_name", program_name, name_expected)
    program_text = check.field(row, "program_text")
    if not isinstance(program_text, str):
        raise check.wrong(
            "session.program_text", program_text, Text("programmet som TOML-tekst", "the program as TOML text")
        )
    check.unicode(program_text, "session.program_text")
    try:
        load_program_text(program_text, program_name or "<session>")
    except UserError as error:
        raise check.fail(
            "session.program_text",
            Text(
                f"programmet kan ikke bruges ({error.text.da.rstrip('.')})",
                f"the program cannot be used ({error.text.get('en').rstrip('.')})",
            ),
            Text("et gyldigt program (docs/program-format.md)", "a valid program (docs/program-format.md)"),
        ) from None
    current = check.field(row, "current_step_id")
    return {
        "uid": uid.lower(),
        "title": check.text(
            check.field(row, "title"), "session.title", MAX_TEXT_LENGTH, multiline=False, required=True
        ),
        "date": check.date(check.field(row, "date"), "session.date"),
        "venue": check.text(check.field(row, "venue"), "session.venue", MAX_TEXT_LENGTH, multiline=False),
        "facilitator": check.text(
            check.field(row, "facilitator"), "session.facilitator", MAX_TEXT_LENGTH, multiline=False
        ),
        "start_time": start_time,
        "program_name": program_name,
        "program_text": program_text,
        "current_step_id": None if current is None else check.name(current, "session.current_step_id"),
        "created_at": check.timestamp(check.field(row, "created_at"), "session.created_at"),
        "updated_at": check.timestamp(check.field(row, "updated_at"), "session.updated_at"),
    }


def _unique_name(check: _Checker, value: object, where: str, seen: dict[str, str], what_da: str, what_en: str) -> str:
    name = check.name(value, where)
    if name in seen:
        raise check.fail(
            where,
            Text(f"{_quote(name)} står der allerede ({seen[name]})", f"{_quote(name)} is already there ({seen[name]})"),
            Text(f"hvert {what_da} én gang", f"each {what_en} once"),
        )
    seen[name] = where
    return name


def _check_form_field(check: _Checker, row: dict[str, Any], where: str) -> tuple[str, str]:
    form = check.choice(check.field(row, "form"), f"{where}.form", JOINT_FORMS)
    field = check.choice(check.field(row, "field"), f"{where}.field", JOINT_FORMS[form].field_ids())
    return form, field


def _check_element(
    check: _Checker,
    row: dict[str, Any],
    where: str,
    element_id: int,
    partner_ids: dict[int, int],
    circle_ids: dict[int, int],
    circles: dict[int, dict[str, Any]],
) -> dict[str, Any]:
    circle_id = check.reference(check.field(row, "circle"), f"{where}.circle", circle_ids, _CIRCLE)
    partner_id = check.reference(check.field(row, "partner"), f"{where}.partner", partner_ids, _PARTNER)
    kind = check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES)
    field = check.field(row, "field")
    if circle_id is None:
        # Written on the board itself: it answers no question of a circle.
        if field is not None:
            raise check.wrong(
                f"{where}.field",
                field,
                Text("null for en post-it skrevet på tavlen", "null for a note written on the board"),
            )
    else:
        circle = circles[circle_id]
        if partner_id != circle["partner"]:
            raise check.fail(
                f"{where}.partner",
                Text("er ikke den partner, cirklen tilhører", "is not the partner the circle belongs to"),
                Text(
                    f"partneren fra cirklen ({_file_id(circle['partner'], partner_ids)})",
                    f"the circle's partner ({_file_id(circle['partner'], partner_ids)})",
                ),
            )
        if kind != circle["kind"]:
            raise check.fail(
                f"{where}.kind",
                Text(f"er {kind}, men cirklen er {circle['kind']}", f"is {kind}, but the circle is {circle['kind']}"),
                Text(f"cirklens slags ({circle['kind']})", f"the circle's kind ({circle['kind']})"),
            )
        field = check.choice(field, f"{where}.field", CIRCLES[kind].field_ids())
    category = check.field(row, "category")
    values = check.items(
        check.field(row, "value_forms"), f"{where}.value_forms", _list_of("værdiformer", "value forms")
    )
    value_forms: list[str] = []
    for index, value in enumerate(values):
        value_form = check.choice(value, f"{where}.value_forms[{index}]", VALUE_FORM_IDS)
        if value_form in value_forms:
            raise check.fail(
                f"{where}.value_forms[{index}]",
                Text(f"{value_form} står der allerede", f"{value_form} is already there"),
                Text("hver værdiform én gang", "each value form once"),
            )
        value_forms.append(value_form)
    return {
        "id": element_id,
        "circle": circle_id,
        "partner": partner_id,
        "kind": kind,
        "field": field,
        "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
        "text": check.text(
            check.field(row, "text"), f"{where}.text", MAX_ELEMENT_LENGTH, multiline=False, required=True
        ),
        "category": None if category is None else check.name(category, f"{where}.category", MAX_CATEGORY_LENGTH),
        "value_forms": sorted(value_forms),
        # Filled in once every element's id is known: a note may be merged into a later one.
        "board": None,
        "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
        "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
    }


def _file_id(canonical: int, ids: Mapping[int, int]) -> str:
    return next((str(key) for key, value in ids.items() if value == canonical), "?")


def _check_board(
    check: _Checker,
    value: object,
    where: str,
    element: dict[str, Any],
    element_ids: dict[int, int],
    cluster_ids: dict[int, int],
    cluster_kinds: dict[int, str],
    element_kinds: dict[int, str],
) -> dict[str, Any] | None:
    if value is None:
        return None
    board_fields = ", ".join(_BOARD_FIELDS)
    if not isinstance(value, dict):
        raise check.wrong(
            where,
            value,
            Text(
                f"null eller post-ittens plads (et objekt med {board_fields})",
                f"null or the note's place (an object with {board_fields})",
            ),
        )
    row = check.record(value, where, _BOARD_FIELDS, Text("post-ittens plads", "the note's place"))
    cluster = check.reference(check.field(row, "cluster"), f"{where}.cluster", cluster_ids, _CLUSTER)
    if cluster is not None and cluster_kinds[cluster] != element["kind"]:
        raise check.fail(
            f"{where}.cluster",
            Text(
                f"klyngen ligger på {cluster_kinds[cluster]}-tavlen",
                f"the cluster is on the {cluster_kinds[cluster]} board",
            ),
            Text(f"en klynge på samme tavle ({element['kind']})", f"a cluster on the same board ({element['kind']})"),
        )
    merged_into = check.reference(check.field(row, "merged_into"), f"{where}.merged_into", element_ids, _ELEMENT)
    if merged_into is not None and (merged_into == element["id"] or element_kinds[merged_into] != element["kind"]):
        raise check.fail(
            f"{where}.merged_into",
            Text("peger på elementet selv eller på en anden tavle", "points at the element itself or at another board"),
            Text(
                f"et andet element på samme tavle ({element['kind']})",
                f"another element on the same board ({element['kind']})",
            ),
        )
    return {
        "x": check.number(check.field(row, "x"), f"{where}.x", nullable=True),
        "y": check.number(check.field(row, "y"), f"{where}.y", nullable=True),
        "z": check.integer(check.field(row, "z"), f"{where}.z", -MAX_Z, MAX_Z),
        "cluster": cluster,
        "merged_into": merged_into,
    }


# The store's half ----------------------------------------------------------------------


def imported_title(title: str) -> str:
    """The title a session imported beside its existing copy gets ("keep-both")."""
    return title[: MAX_TEXT_LENGTH - len(IMPORTED_SUFFIX)].rstrip() + IMPORTED_SUFFIX


class TransferStore(StorePart):
    """The session-file half of `Store`: a whole session as a document, and back."""

    def export_session(self, session_id: int) -> SessionDocument:
        """The whole session as a canonical session document (removed rows left out)."""
        with self._transaction() as orm:
            session = self._session_row(orm, session_id)
            document = _read_session(orm, session)
        return check_session_document(document, exporting=True)

    def import_session(self, document: object, *, on_existing: str = "ask") -> int:
        """Check a session document whole, then store it in one transaction; returns the new session's id.

        When a session with the document's uid is already here: "ask" raises SessionExists,
        "replace" puts the document in its place (same id) and "keep-both" stores it beside
        it with a fresh uid and IMPORTED_SUFFIX on the title.
        """
        if on_existing not in ON_EXISTING:
            raise ValueError(f"on_existing must be one of {ON_EXISTING}, not {on_existing!r}")
        checked = check_session_document(document)
        uid, title = checked["session"]["uid"], checked["session"]["title"]
        with self._transaction() as orm:
            existing = orm.scalars(select(SessionRow).where(SessionRow.uid == uid)).first()
            session_id = None
            if existing is not None:
                if on_existing == "ask":
                    raise SessionExists(existing.id, existing.title)
                if on_existing == "replace":
                    # The replacement keeps the id, so what names the session (the app's
                    # last session, `facilitator export 3`) still names it.
                    session_id = existing.id
                    orm.delete(existing)
                    orm.flush()
                else:
                    uid, title = new_session_uid(), imported_title(title)
            new_id = _write_session(orm, checked, uid=uid, title=title, session_id=session_id)
        if session_id is not None:
            self._checkpoint()  # the replaced session's words leave the WAL too
        return new_id


def _read_session(orm, session: SessionRow) -> SessionDocument:
    """Everything of one session as a (not yet checked) document; removed rows left out."""
    session_id = session.id

    def rows(model, *order):
        return orm.scalars(select(model).where(model.session_id == session_id).order_by(*order)).all()

    partners = rows(PartnerRow, PartnerRow.position, PartnerRow.id)
    partner_ids = {row.id: index + 1 for index, row in enumerate(partners)}
    circles = [row for row in rows(CircleRow, CircleRow.id) if not row.deleted]
    circle_ids = {row.id: index + 1 for index, row in enumerate(circles)}
    clusters = [row for row in rows(BoardClusterRow, BoardClusterRow.id) if row.name]
    cluster_ids = {row.id: index + 1 for index, row in enumerate(clusters)}
    all_elements = rows(ElementRow, ElementRow.id)
    notes = {
        row.element_id: row
        for row in orm.scalars(
            select(BoardNoteRow)
            .join(ElementRow, ElementRow.id == BoardNoteRow.element_id)
            .where(ElementRow.session_id == session_id)
        )
    }
    # Removed elements, and the elements of a removed circle, are only kept for undo.
    kept = {
        row.id for row in all_elements if not row.deleted and (row.circle_id is None or row.circle_id in circle_ids)
    }
    # A duplicate merged into a removed note disappeared with it; it goes with it too.
    changed = True
    while changed:
        changed = False
        for element_id in sorted(kept):
            note = notes.get(element_id)
            if note is not None and note.merged_into is not None and note.merged_into not in kept:
                kept.discard(element_id)
                changed = True
    elements = [row for row in all_elements if row.id in kept]
    element_ids = {row.id: index + 1 for index, row in enumerate(elements)}
    values: dict[int, list[str]] = {}
    for element_id, value_form in orm.execute(
        select(ElementValueRow.element_id, ElementValueRow.value_form)
        .join(ElementRow, ElementRow.id == ElementValueRow.element_id)
        .where(ElementRow.session_id == session_id)
    ):
        values.setdefault(element_id, []).append(value_form)

    def board(element_id: int) -> dict[str, Any] | None:
        note = notes.get(element_id)
        if note is None:
            return None
        return {
            "x": note.x,
            "y": note.y,
            "z": note.z,
            "cluster": cluster_ids.get(note.cluster_id) if note.cluster_id is not None else None,
            "merged_into": element_ids.get(note.merged_into) if note.merged_into is not None else None,
        }

    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "session": {
            "uid": session.uid,
            "title": session.title,
            "date": session.date.isoformat() if session.date else None,
            "venue": session.venue,
            "facilitator": session.facilitator,
            "start_time": session.start_time,
            "program_name": session.program_name,
            "program_text": session.program_text,
            "current_step_id": session.current_step_id,
            "created_at": format_timestamp(session.created_at),
            "updated_at": format_timestamp(session.updated_at),
        },
        "partners": [
            {
                "id": partner_ids[row.id],
                "name": row.name,
                "organisation": row.organisation,
                "role": row.role,
                "mandate": row.mandate,
                "why_now": row.why_now,
                "colour": row.colour,
            }
            for row in partners
        ],
        "principles": [row.text for row in rows(PrincipleRow, PrincipleRow.position, PrincipleRow.id)],
        "step_plans": [
            {
                "step_id": row.step_id,
                "minutes": row.minutes,
                "skipped": row.skipped,
                "after_id": row.after_id,
                "note": row.note,
            }
            for row in rows(StepPlanRow, StepPlanRow.step_id)
        ],
        "timer_events": [
            {
                "step_id": row.step_id,
                "kind": row.kind,
                "at": format_timestamp(row.at),
                "elapsed": row.elapsed,
                "amount": row.amount,
            }
            for row in rows(TimerEventRow, TimerEventRow.id)
        ],
        "checklist": [
            {"item_id": row.item_id, "done": row.done, "note": row.note}
            for row in rows(ChecklistRow, ChecklistRow.item_id)
        ],
        "circles": [
            {
                "id": circle_ids[row.id],
                "partner": partner_ids.get(row.partner_id),
                "kind": row.kind,
                "title": row.title,
                "position": row.position,
                "created_at": format_timestamp(row.created_at),
            }
            for row in circles
        ],
        "clusters": [{"id": cluster_ids[row.id], "kind": row.kind, "name": row.name} for row in clusters],
        "elements": [
            {
                "id": element_ids[row.id],
                "circle": circle_ids.get(row.circle_id) if row.circle_id is not None else None,
                "partner": partner_ids.get(row.partner_id) if row.partner_id is not None else None,
                "kind": row.kind,
                "field": row.field,
                "position": row.position,
                "text": row.text,
                "category": row.category,
                "value_forms": sorted(values.get(row.id, [])),
                "board": board(row.id),
                "created_at": format_timestamp(row.created_at),
                "updated_at": format_timestamp(row.updated_at),
            }
            for row in elements
        ],
        "form_texts": [
            {"form": row.form, "field": row.field, "text": row.text, "updated_at": format_timestamp(row.updated_at)}
            for row in rows(FormTextRow, FormTextRow.form, FormTextRow.field)
        ],
        "form_sources": [
            {
                "form": row.form,
                "field": row.field,
                "element": element_ids.get(row.element_id) if row.element_id is not None else None,
                "text": row.text,
                "created_at": format_timestamp(row.created_at),
            }
            for row in rows(FormSourceRow, FormSourceRow.id)
        ],
        "actions": [
            {
                "area": row.area,
                "position": row.position,
                "what": row.what,
                "owner": partner_ids.get(row.owner_partner_id) if row.owner_partner_id is not None else None,
                "owner_person": row.owner_person,
                "with_whom": row.with_whom,
                "how_much": row.how_much,
                "due": row.due.isoformat() if row.due else None,
                "status": row.status,
                "created_at": format_timestamp(row.created_at),
                "updated_at": format_timestamp(row.updated_at),
            }
            for row in rows(ActionRow, ActionRow.id)
            if not row.deleted
        ],
    }


def _write_session(orm, document: SessionDocument, *, uid: str, title: str, session_id: int | None) -> int:
    """Add a checked document's rows to the open transaction; returns the session's id."""
    fields = document["session"]
    session = SessionRow(
        uid=uid,
        title=title,
        date=_date(fields["date"]),
        venue=fields["venue"],
        facilitator=fields["facilitator"],
        start_time=fields["start_time"],
        program_name=fields["program_name"],
        program_text=fields["program_text"],
        current_step_id=fields["current_step_id"],
        created_at=parse_timestamp(fields["created_at"]),
        updated_at=parse_timestamp(fields["updated_at"]),
    )
    if session_id is not None:
        session.id = session_id
    orm.add(session)
    orm.flush()
    sid = session.id

    def add(rows: list) -> list:
        # One flush per table: the rows' database ids are needed by the tables after it.
        orm.add_all(rows)
        orm.flush()
        return rows

    partners = add(
        [
            PartnerRow(session_id=sid, position=index, **{key: value for key, value in row.items() if key != "id"})
            for index, row in enumerate(document["partners"])
        ]
    )
    add([PrincipleRow(session_id=sid, position=index, text=text) for index, text in enumerate(document["principles"])])
    add([StepPlanRow(session_id=sid, **row) for row in document["step_plans"]])
    add(
        [
            TimerEventRow(
                session_id=sid,
                step_id=row["step_id"],
                kind=row["kind"],
                at=parse_timestamp(row["at"]),
                elapsed=row["elapsed"],
                amount=row["amount"],
            )
            for row in document["timer_events"]
        ]
    )
    add([ChecklistRow(session_id=sid, **row) for row in document["checklist"]])

    # Canonical ids are 1, 2, 3… in list order, so a row's database id is at [id - 1].
    def db_id(rows: list, file_id: int | None) -> int | None:
        return rows[file_id - 1].id if file_id is not None else None

    circles = add(
        [
            CircleRow(
                session_id=sid,
                partner_id=db_id(partners, row["partner"]),
                kind=row["kind"],
                title=row["title"],
                position=row["position"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
            )
            for row in document["circles"]
        ]
    )
    clusters = add(
        [BoardClusterRow(session_id=sid, kind=row["kind"], name=row["name"]) for row in document["clusters"]]
    )
    elements = add(
        [
            ElementRow(
                session_id=sid,
                circle_id=db_id(circles, row["circle"]),
                partner_id=db_id(partners, row["partner"]),
                kind=row["kind"],
                field=row["field"],
                position=row["position"],
                text=row["text"],
                category=row["category"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
                updated_at=parse_timestamp(row["updated_at"]),
                value_forms=[ElementValueRow(value_form=value) for value in row["value_forms"]],
            )
            for row in document["elements"]
        ]
    )
    add(
        [
            BoardNoteRow(
                element_id=element.id,
                x=row["board"]["x"],
                y=row["board"]["y"],
                z=row["board"]["z"],
                cluster_id=db_id(clusters, row["board"]["cluster"]),
                merged_into=db_id(elements, row["board"]["merged_into"]),
            )
            for element, row in zip(elements, document["elements"], strict=True)
            if row["board"] is not None
        ]
    )
    add(
        [
            FormTextRow(
                session_id=sid,
                form=row["form"],
                field=row["field"],
                text=row["text"],
                updated_at=parse_timestamp(row["updated_at"]),
            )
            for row in document["form_texts"]
        ]
    )
    add(
        [
            FormSourceRow(
                session_id=sid,
                form=row["form"],
                field=row["field"],
                element_id=db_id(elements, row["element"]),
                text=row["text"],
                created_at=parse_timestamp(row["created_at"]),
            )
            for row in document["form_sources"]
        ]
    )
    add(
        [
            ActionRow(
                session_id=sid,
                area=row["area"],
                position=row["position"],
                what=row["what"],
                owner_partner_id=db_id(partners, row["owner"]),
                owner_person=row["owner_person"],
                with_whom=row["with_whom"],
                how_much=row["how_much"],
                due=_date(row["due"]),
                status=row["status"],
                deleted=False,
                created_at=parse_timestamp(row["created_at"]),
                updated_at=parse_timestamp(row["updated_at"]),
            )
            for row in document["actions"]
        ]
    )
    return sid


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "IMPORTED_SUFFIX",
    "ON_EXISTING",
    "SessionDocument",
    "SessionExists",
    "SessionFileError",
    "TransferStore",
    "check_session_document",
    "format_timestamp",
    "imported_title",
    "parse_timestamp",
]
