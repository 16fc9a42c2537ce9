"""The demo session: a fictitious coastal climate partnership that shows every feature.

Each feature adds its own data here, so a newcomer sees the whole product at once and
the tests have a realistic session to work on.
"""

from __future__ import annotations

import datetime as dt

from facilitator.paths import default_program_path
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


def create_demo_session(store: Store) -> int:
    """Create the demo session in `store` and return its id."""
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
    return session_id
