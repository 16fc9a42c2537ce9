"""Checking one value of a session document, with a message that names its field.

`ValueChecker` knows the document's kinds of values (texts, names, numbers, times, the
file's own ids and references to them) and words every refusal the same way, in Danish
and English: the file, the field (``partners[2].name``), what it is and what was expected.
`facilitator.store.session_check` walks a document table by table with it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from facilitator.store.fields import TextRule, invalid_character, is_name
from facilitator.store.limits import MAX_FILE_ID, MAX_ID_LENGTH
from facilitator.store.session_document import SessionFileError, format_timestamp, parse_timestamp
from facilitator.text import Text

#: Stands for a field the record does not have, so "missing" and null are told apart.
MISSING = object()
#: Integers longer than this are read as a `LongNumber`, not converted (Python refuses
#: beyond 4,300 digits, with a hint for programmers); no field takes one anyway.
LONGEST_NUMBER = 100


class LongNumber:
    """An integer of a file too long to be a value of any field, kept as its digits.

    Reading the file gives one where the number stood, so the check of that field refuses
    it by name like any other wrong value.
    """

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"LongNumber({len(self.digits)} digits)"


def read_integer(digits: str) -> int | LongNumber:
    """The `parse_int` of the session file's JSON reader: a short integer as an int, a long one kept aside."""
    return int(digits) if len(digits) <= LONGEST_NUMBER else LongNumber(digits)


#: The rows others refer to by id, as messages name one of them and all of them.
PARTNER_ROW = Text("en partner", "a partner")
PARTNER_ROWS = Text("partnerne", "partners")
CIRCLE_ROW = Text("en cirkel", "a circle")
CIRCLE_ROWS = Text("cirklerne", "circles")
CLUSTER_ROW = Text("en klynge", "a cluster")
CLUSTER_ROWS = Text("klyngerne", "clusters")
ELEMENT_ROW = Text("et element", "an element")
ELEMENT_ROWS = Text("elementerne", "elements")
_AMONG = {PARTNER_ROW: PARTNER_ROWS, CIRCLE_ROW: CIRCLE_ROWS, CLUSTER_ROW: CLUSTER_ROWS, ELEMENT_ROW: ELEMENT_ROWS}


def quote(text: str) -> str:
    """A text as a message quotes it: JSON quotes, cut after 40 characters."""
    shown = text if len(text) <= 40 else text[:40] + "…"
    return json.dumps(shown, ensure_ascii=False)


def found(value: object) -> Text:
    """What a value is, for 'partners[2].name: is the number 5'."""
    if value is None:
        return Text("er null", "is null")
    if isinstance(value, LongNumber):
        count = len(value.digits.lstrip("-"))
        return Text(f"er et tal på {count} cifre", f"is a number of {count} digits")
    if isinstance(value, bool):
        return Text(f"er {json.dumps(value)}", f"is {json.dumps(value)}")
    if isinstance(value, int) and value.bit_length() > 3 * LONGEST_NUMBER:
        # A document handed over in code, not read from JSON: str() would refuse it.
        return Text(f"er et tal på over {LONGEST_NUMBER} cifre", f"is a number of more than {LONGEST_NUMBER} digits")
    if isinstance(value, int | float):
        number = repr(value) if isinstance(value, float) else str(value)
        if len(number) > 30:
            number = number[:30] + "…"
        return Text(f"er tallet {number}", f"is the number {number}")
    if isinstance(value, str):
        return Text(f"er teksten {quote(value)}", f"is the text {quote(value)}")
    if isinstance(value, list):
        return Text("er en liste", "is a list")
    if isinstance(value, dict):
        return Text("er et objekt", "is an object")
    return Text(f"er {type(value).__name__}", f"is {type(value).__name__}")


def _text_expected(high: int, *, required: bool) -> Text:
    if required:
        return Text(f"tekst på 1-{high} tegn", f"text of 1-{high} characters")
    return Text(f"tekst på højst {high} tegn", f"text of at most {high} characters")


def _number_expected(nullable: bool, low: float | None, high: float | None, unit: Text | None) -> Text:
    def shown(bound: float) -> str:
        return f"{bound:g}" if bound != int(bound) else str(int(bound))

    if low is not None and high is not None:
        da, en = f"et tal fra {shown(low)} til {shown(high)}", f"a number from {shown(low)} to {shown(high)}"
    elif low is not None:
        da, en = f"et tal fra {shown(low)}", f"a number from {shown(low)}"
    else:
        da, en = "et tal", "a number"
    if unit is not None:
        da, en = f"{da} ({unit.da})", f"{en} ({unit.get('en')})"
    if nullable:
        da, en = f"{da} eller null", f"{en} or null"
    return Text(da, en)


def _listing(values: list[str], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (", …" if len(values) > limit else "")


class ValueChecker:
    """The checks of one document: each returns a value cleaned as the store would, or raises naming the field.

    `source` names the file in messages; `exporting` words them for a session being saved.
    """

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
        if value is MISSING:
            return self.fail(where, Text("feltet mangler", "the field is missing"), expected)
        what = found(value)
        if not where:
            what = Text(f"filen {what.da}", f"the file {what.en}")
        return self.fail(where, what, expected)

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

    def items(self, value: object, where: str, expected: Text) -> list[Any]:
        """A list (of anything: its items are checked one by one)."""
        if not isinstance(value, list):
            raise self.wrong(where, value, expected)
        return value

    # Values --------------------------------------------------------------------------

    def unicode(self, text: str, where: str) -> str:
        """The text, unless it holds a character no database can store (JSON can spell \\ud800)."""
        code = invalid_character(text)
        if code is not None:
            raise self.fail(
                where,
                Text(
                    f"indeholder tegnet {code}, som ikke er gyldig Unicode",
                    f"contains {code}, which is not valid Unicode",
                ),
                Text("tekst i gyldig Unicode", "text in valid Unicode"),
            )
        return text

    def text(self, value: object, where: str, rule: TextRule) -> str:
        """User text, cleaned and held to the rule the store holds typed text to."""
        expected = _text_expected(rule.limit, required=rule.required)
        if not isinstance(value, str):
            raise self.wrong(where, value, expected)
        cleaned = self.unicode(rule.clean(value), where)
        if rule.is_missing(cleaned):
            raise self.fail(where, Text("er tom", "is empty"), expected)
        if rule.is_too_long(cleaned):
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
        if not is_name(value, high):
            raise self.fail(where, found(value), expected)
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
            raise self.fail(where, found(value), expected)
        return value

    def number(
        self,
        value: object,
        where: str,
        *,
        nullable: bool = False,
        low: float | None = None,
        high: float | None = None,
        unit: Text | None = None,
    ) -> float | None:
        """A finite number, from `low` to `high` when given (`unit` says what it counts)."""
        expected = _number_expected(nullable, low, high, unit)
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
        if (low is not None and number < low) or (high is not None and number > high):
            if self.exporting:
                # What an older version stored is saved as the store now keeps it (the
                # same bounds), never locked in the laptop.
                return max(low if low is not None else number, min(high if high is not None else number, number))
            raise self.fail(where, found(value), expected)
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
            raise self.fail(where, found(value), expected) from None

    def date(self, value: object, where: str) -> str | None:
        expected = Text("en dato som ÅÅÅÅ-MM-DD eller null", "a date as YYYY-MM-DD or null")
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise self.wrong(where, value, expected)
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise self.fail(where, found(value), expected) from None

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
        return record.get(name, MISSING)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
