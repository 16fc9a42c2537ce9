"""The demo session: a fictitious coastal climate partnership that shows every feature.

Each feature adds its own data here, so a newcomer sees the whole product at once and
the tests have a realistic session to work on.
"""

from __future__ import annotations

import datetime as dt

from facilitator.board import TRAY, BoardState, Patch, operations
from facilitator.paths import default_program_path, followup_program_path
from facilitator.program import load_program
from facilitator.store import Store

DEMO_TITLE = "Kystpartnerskab Vesterhavsbugten"

DEMO_PARTNERS = (
    {
        "name": "Mette Kjær",
        "organisation": "Vesterhavs Kommune",
        "role": "Klimatilpasningschef i Teknik og Miljø; tovholder på kommunens kystplan.",
        "mandate": "Kan forpligte forvaltningen til forundersøgelser og medarbejdertimer; "
        "anlægsbudgetter kræver byrådets godkendelse.",
        "why_now": "Kystplanen skal revideres i 2027, og LIFE ACT giver et vindue for fælles finansiering.",
    },
    {
        "name": "Jonas Friis",
        "organisation": "Vesterhavs Forsyning",
        "role": "Afdelingsleder for klimatilpasning og regnvand.",
        "mandate": "Kan indgå i fælles planlægning og dele data; investeringer over 2 mio. kr. går til bestyrelsen.",
        "why_now": "Forsyningen skal sikre renseanlægget ved Sønderstrand mod stigende havvand.",
    },
    {
        "name": "Karen Holm",
        "organisation": "Lodsejerforeningen Kystlandet",
        "role": "Formand; repræsenterer 140 lodsejere langs fjorden.",
        "mandate": "Kan tale foreningens sag og tage forslag med til generalforsamlingen; kan ikke binde den enkelte lodsejer.",
        "why_now": "Flere oversvømmelser de seneste vintre; medlemmerne vil have indflydelse før der tegnes diger.",
    },
    {
        "name": "Ahmad Rahimi",
        "organisation": "Vestdansk Kystcenter (vidensinstitution)",
        "role": "Seniorforsker i kystdynamik og havvandsstigninger.",
        "mandate": "Kan stille modeller, målinger og forskertimer til rådighed inden for igangværende projekter.",
        "why_now": "Ny højdemodel og stormflodsscenarier er klar og kan bruges i fælles planlægning.",
    },
)

DEMO_PRINCIPLES = (
    "Vi taler ud fra vores egen organisation og siger til, når vi ikke har mandat.",
    "Uenighed er velkommen; vi gør den synlig i stedet for at glatte den ud.",
    "Vi holder tiden, så alle når at komme til orde.",
)


DEMO_NOTES = {
    "introduktion-praesentation": (
        "Karen har ikke mandat til at forpligte foreningen – tal om, hvem der skal med næste gang."
    ),
    "delsession-1-analyse": (
        "Hold øje med, om Jonas og Karen mener det samme, når de siger »kystbeskyttelse«. Spørg ind."
    ),
}

DEMO_CHECKLIST = {
    "tid-aftal-tidspunkt": (True, "Aftalt på mail 12. marts"),
    "tid-forberedelse": (True, ""),
    "tid-efterbehandling": (True, "Sofie har 28. april fri til opsamling"),
    "sted-inspirerende-lokale": (True, "Hotel Nyborg Strand, lokale Storebælt"),
    "sted-indretning": (True, "Vægplads til tre store cirkler"),
    "sted-faciliteter": (False, "Projektor med HDMI – tjek adapter"),
    "materialer-print": (False, "Skabeloner i A3, 5 sæt"),
    "forplejning-aftal": (True, "Frokost med lokale råvarer"),
}

# The partners' circles as they wrote them: (text, value forms, board category). Mette has
# two ambitions, so the demo shows several change circles for one partner.
_Element = tuple[str, str, str | None]

DEMO_CIRCLES: dict[str, dict[str, list[tuple[str, dict[str, list[_Element]]]]]] = {
    "Mette Kjær": {
        "change": [
            (
                "Et klimarobust kystlandskab",
                {
                    "what": [
                        ("Færre oversvømmelser af boliger ved fjorden", "social society", "common"),
                        ("Kystsikring, der også giver natur og rekreation", "environment sensory", "common"),
                    ],
                    "why": [("Kystplanen skal revideres i 2027", "efficiency", "differences")],
                    "who": [("Borgerne i de lavtliggende byer", "social", "common")],
                    "how": [("Én fælles plan for hele bugten i stedet for fire", "efficiency", "common")],
                },
            ),
            (
                "Borgerne med fra start",
                {
                    "what": [("Borgerne er medskabere af løsningerne", "social communication", "differences")],
                    "how": [("Borgermøder i hver by før planen tegnes", "communication", None)],
                },
            ),
        ],
        "contribution": [
            (
                "",
                {
                    "resources": [("Projektleder 20 timer om ugen i 2027", "efficiency", "strengths")],
                    "limitations": [("Anlægsbudgetter kræver byrådets godkendelse", "economy", "obstacles")],
                    "learning": [("Bedre dialog med lodsejerne", "social", None)],
                    "ownership": [("Den fælles kystplan", "society", "strengths")],
                },
            )
        ],
        "scaling": [
            (
                "",
                {
                    "networks": [("KL's netværk for klimatilpasning", "society", "society")],
                    "documentation": [("Færre skadesanmeldelser efter stormfloder", "economy", "society")],
                    "resistance": [("Sommerhusejere, der frygter for udsigten", "sensory", "partners")],
                },
            )
        ],
    },
    "Jonas Friis": {
        "change": [
            (
                "",
                {
                    "what": [
                        ("Renseanlægget ved Sønderstrand sikret mod havvand", "efficiency environment", "common"),
                        ("Høje diger langs hele fjorden", "efficiency", "opposed"),
                    ],
                    "why": [("Et oversvømmet renseanlæg forurener hele bugten", "environment", "common")],
                    "who": [("Alle forsyningens kunder", "economy social", "common")],
                    "how": [("Fælles finansiering af digeprojekter", "economy", "differences")],
                },
            )
        ],
        "contribution": [
            (
                "",
                {
                    "resources": [("Data om regnvand og grundvand", "efficiency", "strengths")],
                    "limitations": [("Investeringer over 2 mio. kr. går til bestyrelsen", "economy", "obstacles")],
                    "learning": [("Naturbaserede løsninger", "environment creativity", "gaps")],
                },
            )
        ],
        "scaling": [
            (
                "",
                {
                    "networks": [("DANVA og de andre forsyninger langs Vestkysten", "efficiency", "industry")],
                    "communication": [("Rent vand som fælles fortælling", "communication environment", "society")],
                },
            )
        ],
    },
    "Karen Holm": {
        "change": [
            (
                "",
                {
                    "what": [
                        ("Lodsejerne har indflydelse på, hvor der bygges", "social", "common"),
                        ("Ingen diger på landbrugsjorden", "economy", "opposed"),
                    ],
                    "why": [("Medlemmerne mister jord ved hver stormflod", "economy social", "common")],
                    "who": [("Familierne, der har boet her i generationer", "social sensory", "differences")],
                    "how": [("Jordfordeling, så ingen står alene med tabet", "society economy", "differences")],
                },
            )
        ],
        "contribution": [
            (
                "",
                {
                    "resources": [("Kontakt til 140 lodsejere", "social", "strengths")],
                    "limitations": [("Kan ikke binde den enkelte lodsejer", "social", "obstacles")],
                    "ownership": [("Beslutninger om jordfordeling", "society", None)],
                },
            )
        ],
        "scaling": [
            (
                "",
                {
                    "networks": [("Landboforeningerne i regionen", "economy", "industry")],
                    "resistance": [("Mistillid til kommunen efter stormen i 2022", "social", "partners")],
                },
            )
        ],
    },
    "Ahmad Rahimi": {
        "change": [
            (
                "",
                {
                    "what": [("Beslutninger på et fælles fagligt grundlag", "efficiency creativity", "common")],
                    "why": [("Havet stiger hurtigere end planerne antager", "environment", "common")],
                    "who": [("Kommende generationer langs kysten", "society environment", "common")],
                    "how": [("Åbne modeller, som alle parter kan regne i", "creativity communication", "common")],
                },
            )
        ],
        "contribution": [
            (
                "",
                {
                    "resources": [("Ny højdemodel og stormflodsscenarier", "creativity efficiency", "strengths")],
                    "learning": [("Hvordan forskning bruges i lokale beslutninger", "creativity", "gaps")],
                },
            )
        ],
        "scaling": [
            (
                "",
                {
                    "documentation": [("Målinger før og efter hvert tiltag", "efficiency environment", "society")],
                    "communication": [("Kort, som alle kan forstå", "communication", "industry")],
                },
            )
        ],
    },
}

#: The group's ambition for change as far as it got, with the elements it was built from.
DEMO_AMBITION = {
    "what": "Et klimarobust kystlandskab ved Vesterhavsbugten, der beskytter boliger og "
    "renseanlæg og samtidig giver plads til natur.",
    "for_whom": "Borgerne i de lavtliggende byer og kommende generationer langs kysten.",
    "how": "Én fælles plan for hele bugten, bygget på åbne modeller.",
}
DEMO_AMBITION_SOURCES = {
    "what": ("Færre oversvømmelser af boliger ved fjorden", "Renseanlægget ved Sønderstrand sikret mod havvand"),
    "for_whom": ("Borgerne i de lavtliggende byer", "Kommende generationer langs kysten"),
    "how": ("Én fælles plan for hele bugten i stedet for fire", "Åbne modeller, som alle parter kan regne i"),
}


#: The element a partner wrote on their own phone in the room (issue 19), so the demo
#: shows the mark such an element carries.
DEMO_FROM_A_PHONE = "Et oversvømmet renseanlæg forurener hele bugten"


def _written_from_a_phone(text: str) -> bool:
    """Whether the demo's element with this text came from a partner's phone."""
    return text == DEMO_FROM_A_PHONE


def _fill_circles(store: Store, session_id: int) -> None:
    """The partners' circles, sorted on the boards, and the start of the shared ambition."""
    partners = {partner.name: partner.id for partner in store.partners(session_id)}
    by_text = {}
    for name, kinds in DEMO_CIRCLES.items():
        for kind, circles in kinds.items():
            for index, (title, fields) in enumerate(circles):
                if index == 0:
                    circle = store.ensure_circle(session_id, partners[name], kind)
                    if title:
                        store.rename_circle(circle.id, title)
                else:
                    circle = store.add_circle(session_id, partners[name], kind, title)
                for field, elements in fields.items():
                    for text, values, category in elements:
                        element = store.add_element(
                            circle.id,
                            field,
                            text,
                            value_forms=values.split(),
                            written_on_device=_written_from_a_phone(text),
                        )
                        if category:
                            store.set_element_category(element.id, category)
                        by_text[text] = element.id
    for field, text in DEMO_AMBITION.items():
        store.set_form_text(session_id, "ambition", field, text)
        for source in DEMO_AMBITION_SOURCES[field]:
            store.add_form_source(session_id, "ambition", field, by_text[source], source)
    _arrange_boards(store, session_id, by_text)


#: The agreement sketches of Delsession 2 and 3, as the group wrote them.
DEMO_INTERPLAY = {
    "leadership": "Kommunen er tovholder det første år; forsyningen leder det tekniske spor.",
    "crisis": "Ved stormflod taler vi sammen samme dag og melder fælles ud til borgerne.",
    "mobilisation": "Forskernes modeller skal være klar, før lodsejerne inddrages i efteråret.",
    "learning": "Et halvårligt kystværksted, hvor vi ser på målingerne sammen.",
}
DEMO_SCALING = {
    "where_to": "Ind i kommunens kystplan og forsyningens investeringsplan – og ud til de andre kystkommuner.",
    "how_far": "Sammen hele vejen til en fælles plan; anlæg og drift bærer hver partner selv.",
    "where_when": "Færre oversvømmelser ved fjorden inden 2030; en model for hele Vestkysten inden 2035.",
}
DEMO_DECISIONS = {
    "rule": "Vi beslutter i enighed. Kan vi ikke blive enige, beslutter den partner, der ejer opgaven, "
    "efter at have hørt de andre.",
    "tolerance": "Vi kan leve med uenighed om løsninger, ikke om målet. En beslutning må højst vente til næste møde.",
}

#: (area, what, owner by partner name, person, with whom, how much, days after the session, status)
DEMO_ACTIONS = (
    (
        "relations",
        "Få mandat fra direktionen til en fælles forprojektansøgning",
        "Mette Kjær",
        "Mette Kjær",
        "",
        "2 timer",
        18,
        "started",
    ),
    # Due after the follow-up: not every carried action is late, as at a real meeting.
    ("relations", "Invitér Kystdirektoratet til næste partnermøde", "Jonas Friis", "", "Mette Kjær", "", 70, "open"),
    (
        "relations",
        "Tag forslaget med til lodsejerforeningens generalforsamling",
        "Karen Holm",
        "Karen Holm",
        "",
        "",
        45,
        "open",
    ),
    (
        "timelines",
        "Læg en fælles tidsplan, der passer med revisionen af kystplanen i 2027",
        "Mette Kjær",
        "",
        "Alle partnere",
        "1 dag",
        35,
        "open",
    ),
    ("timelines", "Afklar forsyningens budgetfrist for 2027", "Jonas Friis", "", "", "", 14, "done"),
    (
        "concept",
        "Skriv en side om idéen, som alle kan bruge i deres bagland",
        "Ahmad Rahimi",
        "",
        "Mette Kjær",
        "4 timer",
        21,
        "open",
    ),
    ("concept", "Kig på hvad de har gjort i Esbjerg", None, "", "", "", None, "open"),
    (
        "obstacles",
        "Undersøg, om fredningen ved Sønderstrand tillader et dige",
        "Mette Kjær",
        "",
        "Kystdirektoratet",
        "",
        60,
        "open",
    ),
)


def _agree_next_steps(store: Store, session_id: int, date: dt.date) -> None:
    """The agreement sketches, the next steps and how the partners decide (one of them still vague)."""
    for form_id, texts in (("interplay", DEMO_INTERPLAY), ("scaling", DEMO_SCALING), ("decisions", DEMO_DECISIONS)):
        for field, text in texts.items():
            store.set_form_text(session_id, form_id, field, text)
    partners = {partner.name: partner.id for partner in store.partners(session_id)}
    for area, what, owner, person, with_whom, how_much, days, status in DEMO_ACTIONS:
        store.add_action(
            session_id,
            area,
            what,
            owner_partner_id=partners[owner] if owner else None,
            owner_person=person,
            with_whom=with_whom,
            how_much=how_much,
            due=date + dt.timedelta(days=days) if days is not None else None,
            status=status,
        )


#: Notes that say the same thing, stacked on the first board under a name the group chose.
DEMO_STACK = (
    "Dem, der bor ved kysten",
    ("Borgerne i de lavtliggende byer", "Alle forsyningens kunder", "Kommende generationer langs kysten"),
)
#: The group wrote this on the board; it turned out to say what Mette's note says, so the
#: two were merged, keeping both authors.
DEMO_DUPLICATE = ("Én plan for hele bugten", "Én fælles plan for hele bugten i stedet for fire")
#: Written on the board by the group and not sorted yet.
DEMO_GROUP_NOTE = "Et fælles kystråd med faste møder"


def _arrange_boards(store: Store, session_id: int, by_text: dict[str, int]) -> None:
    """Every board tidied zone by zone, with a stack, a merged duplicate and a group note on the first."""
    program = store.get_session(session_id).program()
    for _item, step in program.stops():
        kind, _, variant = step.workspace.partition(":")
        if kind != "board":
            continue
        categories = tuple(category.id for category in step.categories)

        def write(patch: Patch, state: BoardState) -> None:
            store.apply_board_patch(session_id, patch)
            state.apply(patch)

        state = store.board_state(session_id, variant)
        if variant == "change":
            duplicate = store.add_board_note(session_id, variant, DEMO_DUPLICATE[0], category="common")
            store.add_board_note(session_id, variant, DEMO_GROUP_NOTE)
            state = store.board_state(session_id, variant)
        write(operations.place_new(state, operations.board_layout(state, categories)), state)
        if variant == "change":
            name, texts = DEMO_STACK
            write(
                operations.stack(
                    state, [by_text[text] for text in texts], store.new_cluster_id(session_id, variant), name
                ),
                state,
            )
            write(operations.merge(state, by_text[DEMO_DUPLICATE[1]], [duplicate.id]), state)
        layout = operations.board_layout(state, categories)
        for zone in (*categories, TRAY):
            write(operations.tidy_zone(state, zone, layout), state)


#: The introduction took longer than planned, as four partners presenting themselves often does.
DEMO_PLAN_MINUTES = {"introduktion-praesentation": 10}

#: (step id, minutes late at its start, minutes it took): the morning as it went.
DEMO_MORNING = (
    ("indledning-kontekst", 3, 3),
    ("indledning-processer", 0, 2),
    ("indledning-tidsramme", 0, 2),
    ("indledning-output", 0, 1),
    ("indledning-facilitatorrolle", 0, 2),
    ("introduktion-praesentation", 0, 12),
    ("introduktion-hvorfor-nu", 0, 5),
    ("introduktion-principper", 0, 3),
)


def _record_morning(store: Store, session_id: int, date: dt.date) -> None:
    """Store the timings of Indledning and Introduktion as if the day had been run."""
    from facilitator.timing import ManualClock, Timekeeper

    local_start = dt.datetime.combine(date, dt.time(9, 0)).astimezone()
    clock = ManualClock(local_start.astimezone(dt.UTC))
    keeper = Timekeeper(clock, lambda _step: 0.0, record=lambda event: store.add_timer_event(session_id, event))
    for step_id, late, minutes in DEMO_MORNING:
        clock.advance(late * 60)
        keeper.start(step_id)
        clock.advance(minutes * 60)
        keeper.finish()


def create_demo_session(store: Store, *, record_day: bool = True) -> int:
    """Create the demo session in `store` and return its id.

    With `record_day`, the morning is already run (timings, notes, a changed plan), so the
    live agenda has something to show; tests of the timers start from a clean day instead.
    """
    program = load_program(default_program_path())
    session_id = store.create_session(
        program,
        title=DEMO_TITLE,
        date=dt.date(2026, 4, 27),
        venue="Hotel Nyborg Strand",
        facilitator="Sofie Lund",
        start_time="09:00",
    )
    for partner in DEMO_PARTNERS:
        store.add_partner(session_id, **partner)
    store.set_principles(session_id, list(DEMO_PRINCIPLES))
    _fill_circles(store, session_id)
    _agree_next_steps(store, session_id, dt.date(2026, 4, 27))
    for item_id, (done, note) in DEMO_CHECKLIST.items():
        store.set_checklist_item(session_id, item_id, done=done, note=note)
    if record_day:
        for step_id, minutes in DEMO_PLAN_MINUTES.items():
            store.set_step_minutes(session_id, step_id, minutes)
        for step_id, note in DEMO_NOTES.items():
            store.set_step_note(session_id, step_id, note)
        _record_morning(store, session_id, dt.date(2026, 4, 27))
        store.update_session(session_id, current_step_id="delsession-1-skabelon")
    return session_id


# The follow-up meeting two months later ---------------------------------------------------

DEMO_FOLLOWUP_DATE = dt.date(2026, 6, 24)
DEMO_FOLLOWUP_VENUE = "Vesterhavs Rådhus, mødelokale 2"
#: Where the demo's follow-up stands: the status of the agreements, on the status board.
DEMO_FOLLOWUP_STEP = "status-aftaler"
#: What the partners said about each carried action, by its words: status, light, comment, who.
#: A mix of green, yellow and red, with late ones among them, as a real meeting has.
DEMO_STATUSES = {
    "Få mandat fra direktionen til en fælles forprojektansøgning": (
        "done",
        "green",
        "Direktionen sagde ja den 2. juni; ansøgningen skrives i august.",
        "Mette Kjær",
    ),
    "Invitér Kystdirektoratet til næste partnermøde": (
        "started",
        "yellow",
        "Invitationen er sendt; de svarer først efter sommerferien.",
        "Jonas Friis",
    ),
    "Tag forslaget med til lodsejerforeningens generalforsamling": (
        "open",
        "red",
        "Generalforsamlingen er udskudt til september.",
        "Karen Holm",
    ),
    "Læg en fælles tidsplan, der passer med revisionen af kystplanen i 2027": (
        "started",
        "yellow",
        "Udkastet er klar; forsyningens datoer mangler.",
        "Mette Kjær",
    ),
    "Skriv en side om idéen, som alle kan bruge i deres bagland": (
        "done",
        "green",
        "Sendt rundt den 20. maj og brugt i tre baglande.",
        "Ahmad Rahimi",
    ),
    "Kig på hvad de har gjort i Esbjerg": (
        "dropped",
        None,
        "Opgivet: Esbjerg-erfaringerne står i Kystdirektoratets rapport.",
        "Sofie Lund",
    ),
    "Undersøg, om fredningen ved Sønderstrand tillader et dige": (
        "started",
        "green",
        "Møde med fredningsnævnet er aftalt til den 25. juni.",
        "Mette Kjær",
    ),
}
#: New next steps agreed at the follow-up: (area, what, owner, due).
DEMO_FOLLOWUP_ACTIONS = (
    ("relations", "Aftal dato for et fælles borgermøde i Søby", "Karen Holm", dt.date(2026, 8, 20)),
    ("concept", "Book en studietur til diget i Ribe for alle partnere", "Ahmad Rahimi", dt.date(2026, 9, 15)),
)


def create_demo_followup(store: Store, session_id: int) -> int:
    """The demo partnership's second meeting, two months after the demo day; returns its id.

    It runs the short opfølgningsmøde program and stands at its status step: every carried
    action with a light and what its owner said, a few of them late and most on time.
    """
    program = load_program(followup_program_path())
    followup = store.create_followup(
        session_id,
        program_name=program.source_name,
        program_text=program.source_text,
        date=DEMO_FOLLOWUP_DATE,
        title=store.followup_title(session_id),
    )
    store.update_session(followup.id, venue=DEMO_FOLLOWUP_VENUE, current_step_id=DEMO_FOLLOWUP_STEP)
    said = dt.datetime(2026, 6, 24, 8, 15, tzinfo=dt.UTC)
    for minute, action in enumerate(store.actions(followup.id)):
        status, light, comment, by = DEMO_STATUSES.get(action.what, ("open", None, "", ""))
        store.set_action_status(
            action.id,
            status=status,
            light=light or "",
            comment=comment,
            by=by,
            now=said + dt.timedelta(minutes=3 * minute),
        )
    partners = {partner.name: partner.id for partner in store.partners(followup.id)}
    for area, what, owner, due in DEMO_FOLLOWUP_ACTIONS:
        store.add_action(followup.id, area, what, owner_partner_id=partners[owner], due=due)
    return followup.id
