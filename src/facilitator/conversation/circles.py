"""The three personal templates ("circles") each partner fills in during Delsession 1-3.

The questions are the guide's own, word for word as the printed templates ask them
(Partnerskabsdannelse for bæredygtig omstilling): partners hold those templates on paper
while the app and the projector show the same words. Where the guide's step-by-step text
explains a question, that explanation is the field's hint beneath it. Each field of a
circle holds separate elements, because every element later becomes a post-it on the
sorting board.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.text import Text


@dataclass(frozen=True)
class CircleField:
    """One quarter of a circle: a short label, the template's question and the guide's hint."""

    id: str
    label: Text
    question: Text
    hint: Text


@dataclass(frozen=True)
class CircleTemplate:
    """A personal template: the change, contribution or scaling circle."""

    kind: str
    name: Text
    #: The words in the middle of the printed circle ("Min ambition").
    centre: Text
    fields: tuple[CircleField, ...]
    #: A partner may fill in several (one per ambition); otherwise exactly one.
    several: bool = False

    def field(self, field_id: str) -> CircleField:
        """The field with this id; KeyError if the template has none."""
        for field in self.fields:
            if field.id == field_id:
                return field
        raise KeyError(field_id)

    def field_ids(self) -> tuple[str, ...]:
        return tuple(field.id for field in self.fields)


CHANGE = CircleTemplate(
    kind="change",
    name=Text("Forandringscirkel", "Change circle"),
    centre=Text("Min ambition", "My ambition"),
    several=True,
    fields=(
        CircleField(
            "what",
            Text("Hvad", "What"),
            Text("Hvad vil jeg forandre?", "What do I want to change?"),
            # The guide opens the change circle with this sentence (Delsession 1, step 2).
            Text("Med partnerskabet drømmer jeg om at forandre…", "Through the partnership, I dream of changing…"),
        ),
        CircleField(
            "why",
            Text("Hvorfor", "Why"),
            Text("Hvorfor vil jeg skabe forandringen?", "Why do I want to make this change?"),
            Text(
                "Hvad driver mig og min organisation – og hvad sker der, hvis intet forandres?",
                "What drives me and my organisation – and what happens if nothing changes?",
            ),
        ),
        CircleField(
            "who",
            Text("For hvem", "For whom"),
            Text("Hvem gavner forandringen?", "Who benefits from the change?"),
            Text(
                "Borgere, brugere, kunder, medarbejdere, naturen, kommende generationer …",
                "Citizens, users, customers, staff, nature, future generations …",
            ),
        ),
        CircleField(
            "how",
            Text("Hvordan", "How"),
            Text("Hvordan skaber jeg forandringen?", "How will I bring the change about?"),
            Text(
                "Hvilke handlinger, aktiviteter og samarbejder skal til?",
                "Which actions, activities and collaborations does it take?",
            ),
        ),
    ),
)

CONTRIBUTION = CircleTemplate(
    kind="contribution",
    name=Text("Bidragscirkel", "Contribution circle"),
    centre=Text("Mit bidrag", "My contribution"),
    fields=(
        CircleField(
            "resources",
            Text("Ressourcer", "Resources"),
            Text(
                "Hvilke ressourcer vil jeg mobilisere – under hvilke betingelser?",
                "Which resources will I mobilise – and on what terms?",
            ),
            Text(
                "Hvilke ressourcer kan og vil jeg sætte i spil, og er der betingelser for mobiliseringen? "
                "Fx netværk og kontakter, arbejdstid, viden, finansiering, teknologier og produkter, "
                "kontor- og produktionsfaciliteter, kunde- og brugersegmenter, brand samt adgang til "
                "produktionsmaterialer.",
                "Which resources can and will I bring into play, and are there conditions attached? "
                "E.g. networks and contacts, working hours, knowledge, funding, technologies and products, "
                "office and production facilities, customer and user segments, brand, and access to "
                "production materials.",
            ),
        ),
        CircleField(
            "limitations",
            Text("Begrænsninger", "Limitations"),
            Text("Hvad begrænser mine handlinger i partnerskabet?", "What limits my actions in the partnership?"),
            Text(
                "Hvad begrænser mit handlingsrum? Mandat, tid, økonomi, regler, hensyn til baglandet …",
                "What limits my room for action? Mandate, time, money, rules, the people I answer to …",
            ),
        ),
        CircleField(
            "learning",
            Text("Læring", "Learning"),
            Text(
                "Hvad vil jeg blive bedre til, når vi arbejder sammen?",
                "What do I want to get better at as we work together?",
            ),
            Text(
                "Hvad ønsker jeg at lære i samarbejde med de øvrige partnere?",
                "What do I want to learn together with the other partners?",
            ),
        ),
        CircleField(
            "ownership",
            Text("Ejerskab", "Ownership"),
            Text("Hvordan vil jeg gerne se ejerskab fordelt?", "How would I like to see ownership shared?"),
            Text(
                "Hvad ønsker jeg, der skal fordeles ejerskab om? Resultater, data, rettigheder, fortællingen, "
                "beslutninger …",
                "What do I want ownership to be shared over? Results, data, rights, the story, decisions …",
            ),
        ),
    ),
)

SCALING = CircleTemplate(
    kind="scaling",
    name=Text("Skaleringscirkel", "Scaling circle"),
    centre=Text("Min impact", "My impact"),
    fields=(
        CircleField(
            "networks",
            Text("Netværk", "Networks"),
            Text("Hvilke netværk har jeg brug for?", "Which networks do I need?"),
            Text(
                "Hvilke relationer og netværk har jeg til rådighed for at skalere partnerskabets impact? "
                "Hvilke andre relevante netværk ligger inden for min rækkevidde?",
                "Which relationships and networks do I have for scaling the partnership's impact? "
                "Which other relevant networks are within my reach?",
            ),
        ),
        CircleField(
            "communication",
            Text("Kommunikation", "Communication"),
            Text(
                "Hvordan vil jeg engagere andre via kommunikation?",
                "How will I engage others through communication?",
            ),
            Text(
                "Hvilke fortællinger ser jeg i forandringsambitionen – om problematikker, løsninger, tilgange m.v.? "
                "Hvordan kan jeg engagere andre, som kan opbygge relationer til atter andre omkring "
                "forandringsambitionen?",
                "Which stories do I see in the ambition for change – about problems, solutions, approaches etc.? "
                "How can I engage others who can in turn build relationships with yet others around the ambition?",
            ),
        ),
        CircleField(
            "documentation",
            Text("Dokumentation", "Documentation"),
            Text("Hvordan dokumenterer jeg vores resultater?", "How do I document our results?"),
            Text(
                "Hvilken form for dokumentation er nødvendig for at legitimere og mobilisere partnerskabets resultater?",
                "What kind of documentation do I need to legitimise and mobilise the partnership's results?",
            ),
        ),
        CircleField(
            "resistance",
            Text("Modstand", "Resistance"),
            Text(
                "Hvilken modstand forventer jeg at møde?",
                "What resistance do I expect to meet?",
            ),
            Text(
                "Hvilken modstand forventer jeg at skulle håndtere, når forandringsambitionen skal bredes ud til andre?",
                "What resistance do I expect to handle when the ambition for change is spread to others?",
            ),
        ),
    ),
)

CIRCLES: dict[str, CircleTemplate] = {template.kind: template for template in (CHANGE, CONTRIBUTION, SCALING)}
CIRCLE_KINDS = tuple(CIRCLES)


def circle_template(kind: str) -> CircleTemplate:
    """The template for `kind` ('change', 'contribution' or 'scaling'); KeyError otherwise."""
    return CIRCLES[kind]
