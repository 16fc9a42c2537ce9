"""The store's rule for every field people fill in: how it is cleaned and what it may hold.

One rule per field, used by the store when something is typed and by the session-file
check (`facilitator.store.session_check`) when a document comes in, so what one keeps the
other accepts. The refusals here are the store's (`StoreError`, in both languages); the
check words its own, naming the field in the file. No SQLAlchemy: the check runs without a
database.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from facilitator.program import format_clock, parse_clock
from facilitator.store.errors import StoreError
from facilitator.store.limits import (
    MAX_ACTION_LENGTH,
    MAX_BOARD_PLACE,
    MAX_CATEGORY_LENGTH,
    MAX_CIRCLE_TITLE_LENGTH,
    MAX_CLUSTER_NAME,
    MAX_ELEMENT_LENGTH,
    MAX_FORM_TEXT_LENGTH,
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PARTNERSHIP_NAME_LENGTH,
    MAX_SHORT_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_TIMER_SECONDS,
)
from facilitator.text import Text, UserError, clean_text

_COLOUR = re.compile(r"#[0-9A-F]{6}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EMPTY = Text("Teksten mangler.", "The text is missing.")
_TOO_LONG = Text(
    "Teksten er for lang ({length} tegn); højst {limit}.",
    "The text is too long ({length} characters); at most {limit}.",
)


@dataclass(frozen=True)
class TextRule:
    """How a text field is cleaned and what it may hold once cleaned."""

    #: The most characters the cleaned text may have.
    limit: int
    #: Line breaks and tabs kept; otherwise every run of whitespace becomes one space.
    multiline: bool = True
    #: An empty text (after cleaning) is refused.
    required: bool = False
    #: The store's refusal of an empty text.
    empty: Text = _EMPTY
    #: The store's refusal of a text over the limit; {length} and {limit} are filled in.
    too_long: Text = _TOO_LONG

    def clean(self, text: str) -> str:
        """The text as stored: control characters removed, trimmed, on one line unless multi-line."""
        return clean_text(text, multiline=self.multiline)

    def is_missing(self, cleaned: str) -> bool:
        """Whether a cleaned text is refused for being empty."""
        return self.required and not cleaned

    def is_too_long(self, cleaned: str) -> bool:
        """Whether a cleaned text is refused for its length."""
        return len(cleaned) > self.limit

    def apply(self, text: str) -> str:
        """The text as the store keeps it; StoreError if it breaks the rule."""
        cleaned = self.clean(text)
        code = invalid_character(cleaned)
        if code is not None:
            raise StoreError(
                Text(
                    f"Teksten indeholder tegnet {code}, som ikke er gyldig Unicode.",
                    f"The text contains {code}, which is not valid Unicode.",
                )
            )
        if self.is_missing(cleaned):
            raise StoreError(self.empty)
        if self.is_too_long(cleaned):
            raise StoreError(self.too_long.format(length=len(cleaned), limit=self.limit))
        return cleaned


def invalid_character(text: str) -> str | None:
    """The first character no database can store, as U+XXXX (a lone surrogate); None if there is none.

    Python strings, JSON and a pasted clipboard can all hold one; SQLite would fail on it
    with no message for the user.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"U+{ord(text[error.start]):04X}"
    return None


# Values that are not free text ------------------------------------------------------------


def clean_date(value: object) -> dt.date | None:
    """A date as given, or None; StoreError for anything else."""
    if value is None or isinstance(value, dt.date):
        return value
    raise StoreError(Text("Datoen er ugyldig.", "The date is invalid."))


def clean_start_time(value: object) -> str:
    """A time of day as HH:MM (9:5 becomes 09:05); StoreError if it is none."""
    try:
        return format_clock(parse_clock(str(value)))
    except UserError as error:
        raise StoreError(error.text) from None


def clean_colour(value: object) -> str:
    """A colour as #RRGGBB in capitals, spaces around it dropped; StoreError if it is none."""
    colour = str(value).strip().upper()
    if not _COLOUR.fullmatch(colour):
        raise StoreError(Text(f"Farven {value!r} er ugyldig.", f"The colour {value!r} is invalid."))
    return colour


def _as_given(value: object) -> object:
    return value


def has_control_characters(text: str) -> bool:
    """Whether the text holds control characters (line breaks and tabs included)."""
    return _CONTROL.search(text) is not None


def is_name(value: object, limit: int = MAX_ID_LENGTH) -> bool:
    """Whether a value can be an id from the program or the method: 1 to `limit` characters, no control characters."""
    return isinstance(value, str) and 0 < len(value) <= limit and not has_control_characters(value)


def check_category(category: object) -> None:
    """ValueError unless `category` is None (unsorted) or a board category id from the program."""
    if category is not None and not is_name(category, MAX_CATEGORY_LENGTH):
        raise ValueError(f"invalid category {category!r}")


def clean_place(value: float | None) -> float | None:
    """A post-it's coordinate as the store keeps it: within ±MAX_BOARD_PLACE, None (no place) if not a number.

    A drop beyond the board lands at its edge rather than failing; a session file with
    such a place is refused instead, naming the note (`facilitator.store.session_board`).
    """
    if value is None or not math.isfinite(value):
        return None
    return max(-MAX_BOARD_PLACE, min(MAX_BOARD_PLACE, float(value)))


def clean_seconds(value: float) -> float:
    """A timer's elapsed time or extension as the store keeps it: 0 to MAX_TIMER_SECONDS."""
    if not math.isfinite(value):
        return 0.0
    return max(0.0, min(float(MAX_TIMER_SECONDS), float(value)))


def comparable(text: str) -> str:
    """Text as a reader sees it: "José" typed with a composed or a combining accent is one name, in any case."""
    return unicodedata.normalize("NFC", text).casefold()


def partner_key(name: str, organisation: str) -> tuple[str, str]:
    """What tells two partners of a session apart: name and organisation as a reader sees them."""
    return comparable(name), comparable(organisation)


# The rules ---------------------------------------------------------------------------------

_NAME_TOO_LONG = Text("Navnet er for langt; højst {limit} tegn.", "The name is too long; at most {limit} characters.")

#: The session's own fields, a partner's fields, and the facilitator's note on a step or a
#: checklist item: a text by its rule, anything else by the function that reads it.
FIELD_RULES: dict[str, TextRule | Callable[[object], object]] = {
    # The session
    "title": TextRule(
        MAX_TEXT_LENGTH, multiline=False, required=True, empty=Text("Titlen mangler.", "The title is missing.")
    ),
    "date": clean_date,
    "venue": TextRule(MAX_TEXT_LENGTH, multiline=False),
    "facilitator": TextRule(MAX_TEXT_LENGTH, multiline=False),
    "start_time": clean_start_time,
    # A step of the session's own program, which chose it.
    "current_step_id": _as_given,
    # A partner
    "name": TextRule(
        MAX_NAME_LENGTH,
        multiline=False,
        required=True,
        empty=Text("Navnet mangler.", "The name is missing."),
        too_long=_NAME_TOO_LONG,
    ),
    "organisation": TextRule(MAX_TEXT_LENGTH, multiline=False),
    "role": TextRule(MAX_TEXT_LENGTH),
    "mandate": TextRule(MAX_TEXT_LENGTH),
    "why_now": TextRule(MAX_TEXT_LENGTH),
    "colour": clean_colour,
    # A step's or a checklist item's note
    "note": TextRule(MAX_TEXT_LENGTH),
}

#: One guiding principle; an empty one is dropped from the list before it is checked.
PRINCIPLE = TextRule(MAX_TEXT_LENGTH, required=True)
#: A circle's own name; "" shows the default ("Ambition 1").
CIRCLE_TITLE = TextRule(MAX_CIRCLE_TITLE_LENGTH, multiline=False, too_long=_NAME_TOO_LONG)
#: An element: a post-it in a circle or written on a board.
ELEMENT_TEXT = TextRule(
    MAX_ELEMENT_LENGTH,
    multiline=False,
    required=True,
    empty=Text("Et element kan ikke være tomt.", "An element cannot be empty."),
    too_long=Text(
        "Elementet er for langt ({length} tegn); højst {limit}. Del det op i flere.",
        "The element is too long ({length} characters); at most {limit}. Split it up.",
    ),
)
#: A named stack on a board.
CLUSTER_NAME = TextRule(
    MAX_CLUSTER_NAME,
    multiline=False,
    required=True,
    empty=Text("En klynge skal have et navn.", "A cluster needs a name."),
    too_long=Text(
        "Klyngens navn er for langt ({length} tegn); højst {limit}.",
        "The cluster name is too long ({length} characters); at most {limit}.",
    ),
)
#: The group's answer to one question of a joint form.
FORM_TEXT = TextRule(MAX_FORM_TEXT_LENGTH)
#: Words put into a joint form from an element (none given: the element's own).
FORM_SOURCE_TEXT = TextRule(MAX_FORM_TEXT_LENGTH, multiline=False, required=True)
#: The text fields of a next-steps action.
ACTION_FIELDS: dict[str, TextRule] = {
    "what": TextRule(
        MAX_ACTION_LENGTH,
        multiline=False,
        required=True,
        empty=Text("Skriv, hvad der skal gøres.", "Write what is to be done."),
    ),
    "with_whom": TextRule(MAX_ACTION_LENGTH, multiline=False),
    "owner_person": TextRule(MAX_SHORT_FIELD_LENGTH, multiline=False),
    "how_much": TextRule(MAX_SHORT_FIELD_LENGTH, multiline=False),
}

#: What was said about an action's status at a follow-up, and who said it.
STATUS_COMMENT = TextRule(MAX_ACTION_LENGTH)
STATUS_BY = TextRule(MAX_SHORT_FIELD_LENGTH, multiline=False)
PARTNERSHIP_NAME = TextRule(
    MAX_PARTNERSHIP_NAME_LENGTH,
    multiline=False,
    required=True,
    empty=Text("Partnerskabet mangler et navn.", "The partnership has no name."),
)


def text_rule(field: str) -> TextRule:
    """The rule of one of the text fields in FIELD_RULES."""
    rule = FIELD_RULES[field]
    if not isinstance(rule, TextRule):
        raise TypeError(f"{field} is not a text field")
    return rule


__all__ = [
    "ACTION_FIELDS",
    "CIRCLE_TITLE",
    "CLUSTER_NAME",
    "ELEMENT_TEXT",
    "FIELD_RULES",
    "FORM_SOURCE_TEXT",
    "FORM_TEXT",
    "PARTNERSHIP_NAME",
    "PRINCIPLE",
    "STATUS_BY",
    "STATUS_COMMENT",
    "TextRule",
    "check_category",
    "clean_colour",
    "clean_date",
    "clean_start_time",
    "comparable",
    "has_control_characters",
    "invalid_character",
    "is_name",
    "partner_key",
    "text_rule",
]
