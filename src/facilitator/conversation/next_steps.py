"""Delsession 4, "Hvordan kommer vi videre?": the agreement template and its action items.

The four areas and their prompts are the guide's. An action answers "who does what, how
much and by when"; `smart_findings` points out what keeps it from being that concrete,
gently: the group decides, the app only asks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from facilitator.palette import initials
from facilitator.text import Text


@dataclass(frozen=True)
class Area:
    """One of the template's four areas."""

    id: str
    title: Text
    question: Text
    #: The guide's prompts, shown as hints while the group writes.
    prompts: tuple[Text, ...]


AREAS: tuple[Area, ...] = (
    Area(
        "relations",
        Text("Relationer & Ressourcer", "Relationships & Resources"),
        Text(
            "Hvem skal vi tale med i og uden for baglandet?",
            "Who do we need to talk to, inside and outside our organisations?",
        ),
        (
            Text("Skal nogen give os mandat til at gå videre?", "Does anyone need to give us a mandate to go on?"),
            Text(
                "Skal flere interne eller eksterne med i partnerskabet?",
                "Should more people, internal or external, join the partnership?",
            ),
            Text(
                "Hvad er den økonomiske ramme og det økonomiske behov?",
                "What is the financial frame, and what is needed?",
            ),
            Text(
                "Hvor meget tid kan hver af os lægge i partnerskabet?",
                "How much time can each of us put into the partnership?",
            ),
            Text(
                "Hvilket udstyr skal vi bruge – maskiner, faciliteter, materialer?",
                "What equipment do we need – machines, facilities, materials?",
            ),
        ),
    ),
    Area(
        "timelines",
        Text("Tidsrammer & Leverancer", "Timelines & Deliverables"),
        Text("Hvordan gør vi tid og leverancer sammenhængende?", "How do we make time and deliverables fit together?"),
        (
            Text("Hvilke leverancer venter vores bagland på?", "Which deliverables are our organisations waiting for?"),
            Text(
                "Hvilke andres deadlines og arbejdsrytmer skal vi forholde os til?",
                "Whose deadlines and working rhythms must we fit in with?",
            ),
            Text(
                "Kræver leverancerne særlige aktiviteter eller samarbejdsformer?",
                "Do the deliverables call for particular activities or ways of working?",
            ),
        ),
    ),
    Area(
        "concept",
        Text("Konceptudvikling", "Concept development"),
        Text("Hvad skal vi gøre for at skærpe vores idé?", "What must we do to sharpen our idea?"),
        (
            Text("Udarbejde kommunikation?", "Prepare communication?"),
            Text("Undersøge hvad andre har gjort?", "Find out what others have done?"),
            Text("Afdække målgruppens behov?", "Explore what the target group needs?"),
            Text("Afklare hvad der er muligt at lave i praksis?", "Settle what is feasible in practice?"),
        ),
    ),
    Area(
        "obstacles",
        Text("Forhindringer", "Obstacles"),
        Text("Hvad forhindrer os i at rykke videre her og nu?", "What stops us from moving on here and now?"),
        (
            Text("Nødvendig viden for at gå videre?", "Knowledge we need to go on?"),
            Text("Nødvendige interne beslutninger?", "Internal decisions we need?"),
            Text("Andre, der skal rykke på sig?", "Others who have to move?"),
        ),
    ),
)
AREA_IDS = tuple(area.id for area in AREAS)

TEMPLATE_TITLE = Text("Hvordan kommer vi videre?", "How do we move forward?")
TEMPLATE_QUESTION = Text("Hvem gør hvad, hvor meget og hvornår?", "Who does what, how much, and by when?")


def area(area_id: str) -> Area:
    """The area with this id; KeyError if there is none."""
    for candidate in AREAS:
        if candidate.id == area_id:
            return candidate
    raise KeyError(area_id)


STATUSES: dict[str, Text] = {
    "open": Text("Ikke startet", "Not started"),
    "started": Text("I gang", "In progress"),
    "done": Text("Færdig", "Done"),
    # Given up by the partners: kept, so the action log tells what became of it.
    "dropped": Text("Opgivet", "Dropped"),
}
DEFAULT_STATUS = "open"
#: Statuses that close an action: it is not carried into a follow-up, and never overdue.
CLOSED_STATUSES = frozenset({"done", "dropped"})

#: What an action's parts are called in print and in files: one wording for sheet, CSV and calendar.
ACTION_LABELS: dict[str, Text] = {
    "area": Text("Område", "Area"),
    "what": Text("Hvad", "What"),
    "owner": Text("Ansvarlig", "Owner"),
    "with_whom": Text("Med hvem", "With whom"),
    "how_much": Text("Hvor meget", "How much"),
    "due": Text("Hvornår", "By when"),
    "status": Text("Status", "Status"),
}


@dataclass(frozen=True)
class Action:
    """One agreed next step: who does what, with whom, how much and by when."""

    id: int
    session_id: int
    area: str
    position: int
    what: str
    #: The partner organisation that owns it (None: no owner agreed yet).
    owner_partner_id: int | None = None
    #: The named person at the owner, or the owner itself when it is no partner.
    owner_person: str = ""
    with_whom: str = ""
    how_much: str = ""
    due: dt.date | None = None
    status: str = DEFAULT_STATUS
    #: Its lasting identity (32 hex digits), the same in every copy of the session and in
    #: every follow-up it is carried into.
    uid: str = ""
    #: The traffic light at a follow-up: "green", "yellow", "red" (see `action_status.LIGHTS`).
    light: str | None = None
    #: What was said about the status, shown beside the light.
    status_comment: str = ""
    #: When status, light or comment last changed (naive UTC), None if never.
    status_changed_at: dt.datetime | None = None
    #: The uid of the session the action was first agreed in ("" for this one).
    origin_session_uid: str = ""

    @property
    def has_owner(self) -> bool:
        return self.owner_partner_id is not None or bool(self.owner_person)


def owner_label(action: Action, partner_names: tuple[str, str] | None) -> str:
    """'Vesterhavs Kommune (Mette Kjær)', the partner alone, or the person alone.

    `partner_names` is the owning partner's (name, organisation), None if it has none.
    """
    organisation = (partner_names[1] or partner_names[0]) if partner_names else ""
    if organisation and action.owner_person and action.owner_person != organisation:
        return f"{organisation} ({action.owner_person})"
    return organisation or action.owner_person


#: The fields of an action a user can change, in the order a row shows them.
ACTION_FIELDS = ("what", "owner_partner_id", "owner_person", "with_whom", "how_much", "due", "status")


# The SMART check -------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """Something that keeps an action from being concrete, said as a question to the group."""

    code: str
    message: Text


#: Words that leave an action open: who would know when it is done? Matched as whole words.
VAGUE_WORDS = {
    "da": (
        "måske",
        "evt",
        "eventuelt",
        "muligvis",
        "snart",
        "løbende",
        "på sigt",
        "på et tidspunkt",
        "hurtigst muligt",
        "se på",
        "kigge på",
        "tænke over",
        "overveje",
        "prøve at",
        "forsøge at",
        "osv",
        "mm",
    ),
    "en": (
        "maybe",
        "perhaps",
        "possibly",
        "soon",
        "asap",
        "at some point",
        "eventually",
        "ongoing",
        "look into",
        "look at",
        "think about",
        "consider",
        "try to",
        "etc",
    ),
}
_VAGUE_PATTERN = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(word) for words in VAGUE_WORDS.values() for word in words) + r")(?!\w)",
    re.IGNORECASE,
)
#: Fewer words than this rarely say what will be done ("Møde", "Budget").
MIN_WORDS = 3


def vague_word(text: str) -> str | None:
    """The first word or phrase in `text` that leaves an action open, if any."""
    match = _VAGUE_PATTERN.search(text)
    return match.group(1) if match else None


def smart_findings(action: Action, *, session_date: dt.date | None = None) -> tuple[Finding, ...]:
    """What the group might make more concrete: owner, date, wording. Never a refusal."""
    findings = []
    if not action.has_owner:
        findings.append(Finding("owner", Text("Hvem har ejerskabet?", "Who owns this?")))
    if action.due is None:
        findings.append(Finding("due", Text("Hvornår er det gjort?", "When will it be done?")))
    elif session_date is not None and action.due < session_date:
        findings.append(
            Finding(
                "past",
                Text("Datoen ligger før sessionen – er den rigtig?", "The date is before the session – is it right?"),
            )
        )
    word = vague_word(action.what)
    if word is not None:
        findings.append(
            Finding(
                "vague",
                Text(
                    f"»{word}« gør det uklart – hvad konkret, og hvornår er det gjort?",
                    f"“{word}” leaves it open – what exactly, and when is it done?",
                ),
            )
        )
    elif len(action.what.split()) < MIN_WORDS:
        findings.append(Finding("short", Text("Hvad konkret skal der gøres?", "What exactly will be done?")))
    return tuple(findings)


# Quick entry --------------------------------------------------------------------------------

_DATE_TOKEN = re.compile(r"^!(\S+)$")
_OWNER_TOKEN = re.compile(r"^@(\S+)$")


@dataclass(frozen=True)
class QuickEntry:
    """An action typed on one line: 'Ring til Kystdirektoratet @KD !15.12'."""

    what: str
    owner_partner_id: int | None = None
    owner_person: str = ""
    due: dt.date | None = None
    #: Tokens that looked like an owner or a date but matched nothing; kept in `what`.
    unmatched: tuple[str, ...] = ()


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """'15.12', '15/12-2026', '2026-12-15' or '15.12.26' as a date; the next such day if no year."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?", text)
    if match is None:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        if year is not None:
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        candidate = dt.date(today.year, month, day)
        # "15.1" typed in December means next January: next steps lie ahead.
        return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError:
        return None


def match_partner(token: str, partners: dict[int, tuple[str, str]]) -> int | None:
    """The partner a short token names: initials, or the start of its name or organisation.

    `partners` maps id to (name, organisation). None when no partner or several match.
    """
    wanted = token.casefold()
    exact = [pid for pid, (name, _org) in partners.items() if initials(name).casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    starts = [
        pid
        for pid, (name, org) in partners.items()
        if any(part.casefold().startswith(wanted) for part in (name, org, *name.split(), *org.split()) if part)
    ]
    return starts[0] if len(starts) == 1 else None


def parse_quick_entry(line: str, partners: dict[int, tuple[str, str]], today: dt.date) -> QuickEntry:
    """Split a typed line into what, owner (@initials or name) and due date (!date)."""
    words, unmatched = [], []
    owner: int | None = None
    due: dt.date | None = None
    for token in line.split():
        owner_match = _OWNER_TOKEN.match(token)
        date_match = _DATE_TOKEN.match(token)
        if owner_match and owner is None and (found := match_partner(owner_match.group(1), partners)) is not None:
            owner = found
        elif date_match and due is None and (date := parse_date(date_match.group(1), today)) is not None:
            due = date
        else:
            if owner_match or date_match:
                unmatched.append(token)
            words.append(token)
    return QuickEntry(" ".join(words), owner, "", due, tuple(unmatched))


# Moving an action ---------------------------------------------------------------------------


class Place(NamedTuple):
    """Where an action stands: its area and its index among that area's actions."""

    area: str
    index: int


def _area_members(actions: Sequence[Action], area_id: str) -> list[Action]:
    return sorted((action for action in actions if action.area == area_id), key=lambda a: (a.position, a.id))


def place(actions: Sequence[Action], action_id: int) -> Place:
    """The place of one of `actions`; KeyError if it is not among them."""
    for action in actions:
        if action.id == action_id:
            return Place(action.area, [other.id for other in _area_members(actions, action.area)].index(action_id))
    raise KeyError(action_id)


def move_target(actions: Sequence[Action], action_id: int, step: int) -> Place | None:
    """Where an action goes one step up (-1) or down (+1); None at the very top or bottom.

    Within its area it swaps with its neighbour. From the top of an area it goes to the end
    of the area before, from the bottom to the start of the next one. An empty area is a
    place of its own, not skipped: its heading shows, and moving there is how it is filled.
    The index is the one `Store.move_action` takes.
    """
    if step not in (-1, 1):
        raise ValueError(f"an action moves one step up (-1) or down (+1), not {step}")
    here = place(actions, action_id)
    index = here.index + step
    if 0 <= index < len(_area_members(actions, here.area)):
        return Place(here.area, index)
    area_index = AREA_IDS.index(here.area) + step
    if not 0 <= area_index < len(AREA_IDS):
        return None
    target = AREA_IDS[area_index]
    return Place(target, len(_area_members(actions, target)) if step < 0 else 0)
