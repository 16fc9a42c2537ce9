"""The invitation text: time, place, the programme with clock times, and what to prepare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.guidance import InvitationAsk
from facilitator.program import Part, Schedule, format_clock

_WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "da": [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def long_date(date: dt.date, language: str = "da") -> str:
    """'mandag den 27. april 2026' / 'Monday 27 April 2026'."""
    weekday = _WEEKDAYS[language][date.weekday()]
    month = _MONTHS[language][date.month - 1]
    if language == "en":
        return f"{weekday} {date.day} {month} {date.year}"
    return f"{weekday} den {date.day}. {month} {date.year}"


_NUMBERS = {"da": ("en", "to", "tre", "fire", "fem"), "en": ("one", "two", "three", "four", "five")}


def _count(number: int, language: str) -> str:
    words = _NUMBERS["en" if language == "en" else "da"]
    return words[number - 1] if 1 <= number <= len(words) else str(number)


@dataclass(frozen=True)
class InvitationDetails:
    title: str
    date: dt.date | None
    venue: str
    facilitator: str
    partners: Sequence[str] = ()


@dataclass(frozen=True)
class ProgrammeItem:
    """A part or break still in the day, as the invitation lists it."""

    clock: str
    title: str
    #: 'Delsession 1' for a part; empty for a break.
    label: str = ""


def programme(schedule: Schedule, language: str = "da") -> list[ProgrammeItem]:
    """Every part and break that is still in the day, with its clock times."""
    items = []
    parts = {part.id: part for part in schedule.program.parts}
    for item in schedule.items:
        if item.skipped:
            continue
        clock = f"{format_clock(item.start)}–{format_clock(item.end)}"
        part = parts.get(item.id)
        if isinstance(part, Part):
            items.append(ProgrammeItem(clock, part.title.get(language), part.label.get(language)))
        else:
            items.append(ProgrammeItem(clock, item.title.get(language)))
    return items


def programme_lines(schedule: Schedule, language: str = "da") -> list[str]:
    """'09:00–09:10  Indledning' for every part and break that is still in the day."""
    return [
        f"{item.clock}  {item.label}: {item.title}" if item.label else f"{item.clock}  {item.title}"
        for item in programme(schedule, language)
    ]


def invitation_text(
    details: InvitationDetails, schedule: Schedule, asks: Sequence[InvitationAsk], language: str = "da"
) -> str:
    """The invitation as plain text, ready to paste into an e-mail."""
    english = language == "en"
    when = long_date(details.date, language) if details.date else ("date to be agreed" if english else "dato aftales")
    hours = f"{format_clock(schedule.start)}–{format_clock(schedule.end)}"
    lines = [
        f"{'Invitation' if english else 'Indbydelse'}: {details.title}",
        "",
        "Dear partners," if english else "Kære partnere,",
        "",
        (
            "You are invited to a partnership session where we explore together whether and how we can form a "
            "partnership for sustainable transition."
            if english
            else "I inviteres hermed til en partnerskabssession, hvor vi sammen undersøger, om og hvordan vi kan danne "
            "et partnerskab for bæredygtig omstilling."
        ),
        "",
        f"{'Time' if english else 'Tid'}: {when}, {'at' if english else 'kl.'} {hours}",
    ]
    if details.venue:
        lines.append(f"{'Place' if english else 'Sted'}: {details.venue}")
    if details.facilitator:
        lines.append(f"Facilitator: {details.facilitator}")
    if details.partners:
        lines.append(f"{'Partners' if english else 'Partnere'}: {', '.join(details.partners)}")
    lines += ["", "Programme" if english else "Program", *programme_lines(schedule, language)]
    if asks:
        lines += [
            "",
            "Before the session" if english else "Forberedelse",
            f"Please prepare {_count(len(asks), language)} things:"
            if english
            else f"Vi beder jer forberede {_count(len(asks), language)} ting:",
        ]
        for ask in asks:
            lines += ["", ask.title.get(language), ask.body.get(language)]
    lines += ["", "Kind regards," if english else "Venlig hilsen"]
    if details.facilitator:
        lines.append(details.facilitator)
    return "\n".join(lines) + "\n"
