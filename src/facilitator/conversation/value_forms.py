"""The eight value forms of "Hvad er godt?", and what the partners' tagged elements say about them.

The guide uses value forms to make the partners' different views of what is good visible.
Tagging elements with them lets the facilitator see, per partner, which value forms carry
their ambitions, and notice shared ground and lone voices in the room.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.text import Text


@dataclass(frozen=True)
class ValueForm:
    """One value form: its name, what it weighs, and its topic in the method guidance."""

    id: str
    name: Text
    weighs: Text
    guidance_topic: str


VALUE_FORMS = (
    ValueForm(
        "social",
        Text("Social", "Social"),
        Text("livskvalitet og lokale relationer", "quality of life and local relationships"),
        "vaerdi-social",
    ),
    ValueForm(
        "economy",
        Text("Økonomi", "Economy"),
        Text("konkurrenceevne og profit", "competitiveness and profit"),
        "vaerdi-oekonomi",
    ),
    ValueForm(
        "efficiency",
        Text("Effektivitet", "Efficiency"),
        Text("stabil funktion og præstation", "stable functioning and performance"),
        "vaerdi-effektivitet",
    ),
    ValueForm(
        "creativity",
        Text("Kreativitet", "Creativity"),
        Text("originalitet og nye erkendelser", "originality and new insight"),
        "vaerdi-kreativitet",
    ),
    ValueForm(
        "society",
        Text("Samfund", "Society"),
        Text("solidaritet og hensyn til helheden", "solidarity and concern for the whole"),
        "vaerdi-samfund",
    ),
    ValueForm(
        "communication",
        Text("Kommunikation", "Communication"),
        Text("anerkendelse og synlighed", "recognition and visibility"),
        "vaerdi-kommunikation",
    ),
    ValueForm(
        "environment",
        Text("Miljø", "Environment"),
        Text("økosystemer og biodiversitet", "ecosystems and biodiversity"),
        "vaerdi-miljoe",
    ),
    ValueForm(
        "sensory",
        Text("Sanselighed", "Sensory"),
        Text("æstetik og oplevelse", "aesthetics and experience"),
        "vaerdi-sanselighed",
    ),
)
VALUE_FORM_IDS = tuple(form.id for form in VALUE_FORMS)
_BY_ID = {form.id: form for form in VALUE_FORMS}


def value_form(value_id: str) -> ValueForm:
    """The value form with this id; KeyError otherwise."""
    return _BY_ID[value_id]


@dataclass(frozen=True)
class ValueOverview:
    """How often each partner's elements carry each value form, and what that shows."""

    #: partner id -> value form id -> number of that partner's elements tagged with it.
    counts: dict[int, dict[str, int]]
    #: partner id -> number of elements with at least one tag (the rest are untagged).
    tagged: dict[int, int]
    #: partner id -> number of elements in all.
    elements: dict[int, int]

    def partners_with(self, value_id: str) -> list[int]:
        """The partners whose elements carry this value form, in the order given."""
        return [partner for partner, counts in self.counts.items() if counts.get(value_id, 0) > 0]

    def shared(self) -> list[str]:
        """Value forms at least two partners carry, most widely shared first."""
        spread = [(value_id, len(self.partners_with(value_id))) for value_id in VALUE_FORM_IDS]
        return [value_id for value_id, count in sorted(spread, key=lambda pair: -pair[1]) if count >= 2]

    def lone(self) -> dict[str, int]:
        """Value forms only one partner carries, with that partner."""
        result = {}
        for value_id in VALUE_FORM_IDS:
            holders = self.partners_with(value_id)
            if len(holders) == 1:
                result[value_id] = holders[0]
        return result

    def summary(self, labels: dict[int, str], language: str = "da") -> str:
        """Shared and lone value forms in plain sentences; `labels` names partners (initials)."""
        untagged = sum(self.elements.values()) - sum(self.tagged.values())
        shared = [
            f"{value_form(value_id).name.get(language)} ({len(self.partners_with(value_id))})"
            for value_id in self.shared()
        ]
        lone = [
            f"{value_form(value_id).name.get(language)} ({labels[partner_id]})"
            for value_id, partner_id in self.lone().items()
            if partner_id in labels
        ]
        if language == "en":
            sentences = [
                "Shared: " + (", ".join(shared) if shared else "none yet") + ".",
                "Only one partner: " + (", ".join(lone) if lone else "none") + ".",
            ]
            if untagged:
                sentences.append(f"{untagged} element(s) have no value form yet.")
        else:
            sentences = [
                "Fælles: " + (", ".join(shared) if shared else "ingen endnu") + ".",
                "Kun én partner: " + (", ".join(lone) if lone else "ingen") + ".",
            ]
            if untagged:
                sentences.append(f"{untagged} element(er) har endnu ingen værdiform.")
        return " ".join(sentences)

    def maximum(self) -> int:
        """The largest count in the overview (at least 1), for scaling a chart."""
        return max((count for counts in self.counts.values() for count in counts.values()), default=0) or 1


def value_overview(
    partner_ids: Iterable[int], tagged_elements: Iterable[tuple[int | None, Iterable[str]]]
) -> ValueOverview:
    """Count value forms per partner from (partner id, value ids) pairs, one pair per element.

    Elements written by the group (no partner) or by partners not listed are left out.
    """
    order = list(partner_ids)
    counts: dict[int, Counter[str]] = {partner: Counter() for partner in order}
    tagged = dict.fromkeys(order, 0)
    elements = dict.fromkeys(order, 0)
    for partner, values in tagged_elements:
        if partner not in counts:
            continue
        known = {value for value in values if value in _BY_ID}
        elements[partner] += 1
        if known:
            tagged[partner] += 1
            counts[partner].update(known)
    return ValueOverview({partner: dict(counts[partner]) for partner in order}, tagged, elements)
