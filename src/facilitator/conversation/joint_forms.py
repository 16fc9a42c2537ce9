"""The texts the partners write together at the end of Delsession 1-3.

Each joint form sits beside the elements the group sorted on the board of the same
delsession, so the shared text can grow out of each partner's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.text import Text


@dataclass(frozen=True)
class FormField:
    """One question of a joint form."""

    id: str
    label: Text
    question: Text
    hint: Text | None = None
    #: Reflections follow the main text under their own heading.
    reflection: bool = False


@dataclass(frozen=True)
class JointForm:
    """A joint text: the ambition for change, the agreement on working together, or on scaling."""

    id: str
    title: Text
    #: Whose elements sit beside it: the circles of this kind, as sorted on its board.
    circle_kind: str
    fields: tuple[FormField, ...]
    #: Board categories listed beside the form, in order; the first is the one the guide names.
    source_categories: tuple[str, ...]

    def field(self, field_id: str) -> FormField:
        """The field with this id; KeyError if the form has none."""
        for field in self.fields:
            if field.id == field_id:
                return field
        raise KeyError(field_id)

    def field_ids(self) -> tuple[str, ...]:
        return tuple(field.id for field in self.fields)


AMBITION = JointForm(
    id="ambition",
    title=Text("Vores forandringsambition", "Our ambition for change"),
    circle_kind="change",
    # The guide builds the ambition from Fælles "and possibly" Forskelle, never Modsatrettede.
    source_categories=("common", "differences"),
    fields=(
        FormField("what", Text("Hvad", "What"), Text("Hvad vil vi forandre?", "What do we want to change?")),
        FormField(
            "why",
            Text("Hvorfor", "Why"),
            Text("Hvorfor vil vi skabe forandringen?", "Why do we want to make this change?"),
        ),
        FormField(
            "for_whom", Text("For hvem", "For whom"), Text("Hvem gavner forandringen?", "Who benefits from the change?")
        ),
        FormField(
            "how",
            Text("Hvordan", "How"),
            Text("Hvordan skaber vi forandringen?", "How will we bring the change about?"),
        ),
        FormField(
            "organisations",
            Text("Organisationerne", "Our organisations"),
            Text(
                "Vil partnerskabet kræve, at vores organisationer forandrer sig?",
                "Will the partnership require our organisations to change?",
            ),
            Text(
                "Hvad skal ændre sig hos hver af os – arbejdsgange, beslutninger, kultur?",
                "What has to change in each of us – ways of working, decisions, culture?",
            ),
            reflection=True,
        ),
        FormField(
            "timing",
            Text("Timing", "Timing"),
            Text("Er vores partnerskab godt timet?", "Is the timing right for our partnership?"),
            Text(
                "Hvad taler for at gå i gang nu – og hvad kunne tale for at vente?",
                "What speaks for starting now – and what might speak for waiting?",
            ),
            reflection=True,
        ),
    ),
)

INTERPLAY = JointForm(
    id="interplay",
    title=Text("Vores samspilsambition", "Our ambition for working together"),
    circle_kind="contribution",
    source_categories=("strengths", "obstacles", "gaps"),
    fields=(
        FormField(
            "leadership",
            Text("Ledelse", "Leadership"),
            Text(
                "Hvordan vil vi lede og hjælpe hinanden i partnerskabet?",
                "How will we lead and help each other in the partnership?",
            ),
        ),
        FormField(
            "crisis",
            Text("Ledelse i krise", "Leadership in a crisis"),
            Text(
                "Hvilket syn har vi på hinanden som partnere – også i krisesituationer?",
                "How do we see each other as partners – in a crisis too?",
            ),
        ),
        FormField(
            "mobilisation",
            Text("Mobilisering", "Mobilisation"),
            Text("Hvad skal times?", "What needs timing?"),
            Text("Hvordan skal partnernes bidrag times?", "How should the partners' contributions be timed?"),
        ),
        FormField(
            "learning",
            Text("Læring", "Learning"),
            Text("Hvor lærer vi sammen?", "Where do we learn together?"),
            Text("Hvor og hvordan vil vi lære sammen?", "Where and how will we learn together?"),
        ),
    ),
)

SCALING_AGREEMENT = JointForm(
    id="scaling",
    title=Text("Hvor langt kan vi være sammen?", "How far can we go together?"),
    circle_kind="scaling",
    source_categories=("industry", "society", "partners"),
    fields=(
        FormField(
            "where_to",
            Text("Hvorhen", "Where to"),
            Text("Hvor vil vi løfte forandringerne hen?", "Where do we want to take the changes?"),
            Text(
                "Ud i branchen og markedet, ud i samfundet – eller ind i vores egne organisationer?",
                "Out to the industry and market, out into society – or into our own organisations?",
            ),
        ),
        FormField(
            "how_far",
            Text("Hvor langt sammen", "How far together"),
            Text(
                "Vil vi bære forandringerne sammen hele vejen – eller kun noget af vejen?",
                "Will we carry the changes together all the way – or only part of the way?",
            ),
            Text(
                "Hvis kun noget af vejen: hvor slipper vi, og hvem tager over?",
                "If only part of the way: where do we let go, and who takes over?",
            ),
        ),
        FormField(
            "where_when",
            Text("Hvor og hvornår", "Where and when"),
            Text("Hvor og hvornår vil vi se forandringer?", "Where and when do we want to see change?"),
            Text(
                "Om 1, 5, 15 eller 25 år – lokalt, regionalt eller globalt?",
                "In 1, 5, 15 or 25 years – locally, regionally or globally?",
            ),
        ),
    ),
)

#: Delsession 4's tip: be clear on how decisions are made, and how much disagreement is accepted.
DECISIONS = JointForm(
    id="decisions",
    title=Text("Sådan træffer vi beslutninger", "How we make decisions"),
    circle_kind="",
    source_categories=(),
    fields=(
        FormField(
            "rule",
            Text("Beslutningsregel", "Decision rule"),
            Text("Hvordan træffer vi beslutninger?", "How do we make decisions?"),
            Text(
                "Enighed, flertal, eller den partner der ejer opgaven? Hvem skal spørges i baglandet?",
                "Consensus, majority, or the partner who owns the task? Who must be asked back home?",
            ),
        ),
        FormField(
            "tolerance",
            Text("Uenighed vi kan leve med", "Disagreement we accept"),
            Text(
                "Hvor meget uenighed og ubeslutsomhed kan vi tolerere?",
                "How much disagreement and indecision can we tolerate?",
            ),
            Text(
                "Hvad gør vi, når vi ikke kan blive enige – og hvor længe må en beslutning vente?",
                "What do we do when we cannot agree – and how long may a decision wait?",
            ),
        ),
    ),
)

JOINT_FORMS: dict[str, JointForm] = {form.id: form for form in (AMBITION, INTERPLAY, SCALING_AGREEMENT, DECISIONS)}


def joint_form(form_id: str) -> JointForm:
    """The joint form with this id ('ambition', 'interplay', 'scaling' or 'decisions'); KeyError otherwise."""
    return JOINT_FORMS[form_id]
