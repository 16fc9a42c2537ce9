"""Delsession 4: the areas, the SMART check, quick entry and storing actions."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.conversation import DECISIONS
from facilitator.conversation.next_steps import (
    AREA_IDS,
    AREAS,
    Action,
    Place,
    move_target,
    parse_date,
    parse_quick_entry,
    place,
    smart_findings,
    vague_word,
)
from facilitator.store import Store, StoreError

# The store's rules hold on both engines (tests/engines.py).
pytestmark = pytest.mark.both_engines


TODAY = dt.date(2026, 4, 27)


@pytest.fixture
def session(store: Store, program) -> tuple[int, int, int]:
    session_id = store.create_session(program, title="Kystpartnerskab", date=TODAY)
    first = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    second = store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning")
    return session_id, first.id, second.id


def test_the_four_areas_are_the_guides():
    assert [area.title.da for area in AREAS] == [
        "Relationer & Ressourcer",
        "Tidsrammer & Leverancer",
        "Konceptudvikling",
        "Forhindringer",
    ]
    assert AREAS[3].question.da == "Hvad forhindrer os i at rykke videre her og nu?"
    assert [prompt.da for prompt in AREAS[3].prompts] == [
        "Nødvendig viden for at gå videre?",
        "Nødvendige interne beslutninger?",
        "Andre, der skal rykke på sig?",
    ]
    assert all(area.title.en and area.question.en and all(p.en for p in area.prompts) for area in AREAS)
    assert DECISIONS.field("tolerance").question.da == "Hvor meget uenighed og ubeslutsomhed kan vi tolerere?"


def _action(**fields) -> Action:
    base = {
        "id": 1,
        "session_id": 1,
        "area": "relations",
        "position": 0,
        "what": "Ring til Kystdirektoratet om højvandsdiget",
    }
    return Action(**{**base, **fields})


def test_a_concrete_action_passes_the_smart_check():
    assert smart_findings(_action(owner_partner_id=3, due=dt.date(2026, 5, 15)), session_date=TODAY) == ()


def test_the_smart_check_asks_for_owner_date_and_concrete_words():
    codes = [finding.code for finding in smart_findings(_action(what="Måske se på budgettet"))]
    assert codes == ["owner", "due", "vague"]
    vague = smart_findings(_action(what="Måske se på budgettet", owner_person="Anne", due=TODAY))[0]
    assert "Måske" in vague.message.da
    assert "Måske" in vague.message.en
    assert [f.code for f in smart_findings(_action(what="Budget", owner_person="Anne", due=TODAY))] == ["short"]
    past = smart_findings(_action(owner_person="Anne", due=dt.date(2026, 4, 1)), session_date=TODAY)
    assert [f.code for f in past] == ["past"]


def test_vague_words_match_whole_words_only():
    assert vague_word("Vi skal evt. holde møde") == "evt"
    assert vague_word("Send løbende status") == "løbende"
    assert vague_word("Look into the grid capacity") == "Look into"
    # "snart" inside "snarter" or "mm" inside "kommune" is no vague word.
    assert vague_word("Kommunens programmer") is None
    assert vague_word("Send budget for 2027 til direktionen") is None


def test_dates_are_read_the_way_danes_write_them():
    assert parse_date("15.12", TODAY) == dt.date(2026, 12, 15)
    assert parse_date("15/1", dt.date(2026, 12, 1)) == dt.date(2027, 1, 15)
    assert parse_date("3.6.27", TODAY) == dt.date(2027, 6, 3)
    assert parse_date("2026-09-01", TODAY) == dt.date(2026, 9, 1)
    assert parse_date("31.2", TODAY) is None
    assert parse_date("fredag", TODAY) is None


def test_quick_entry_finds_owner_and_date():
    partners = {1: ("Mette Kjær", "Vesterhavs Kommune"), 2: ("Jonas Friis", "Vesterhavs Forsyning")}
    entry = parse_quick_entry("Ring til Kystdirektoratet @MK !15.5", partners, TODAY)
    assert (entry.what, entry.owner_partner_id, entry.due) == ("Ring til Kystdirektoratet", 1, dt.date(2026, 5, 15))
    by_name = parse_quick_entry("Send budget @jonas", partners, TODAY)
    assert (by_name.owner_partner_id, by_name.what) == (2, "Send budget")
    # "Vesterhavs" names both: nothing is guessed, and the words stay as typed.
    ambiguous = parse_quick_entry("Møde @Vesterhavs !99.99", partners, TODAY)
    assert (ambiguous.owner_partner_id, ambiguous.due) == (None, None)
    assert ambiguous.what == "Møde @Vesterhavs !99.99"
    assert ambiguous.unmatched == ("@Vesterhavs", "!99.99")


def test_actions_are_stored_in_area_order(store: Store, session):
    session_id, mette, jonas = session
    late = store.add_action(session_id, "obstacles", "Afklar fredningen med Kystdirektoratet")
    first = store.add_action(
        session_id,
        "relations",
        "Mandat fra direktionen til en forprojektansøgning",
        owner_partner_id=mette,
        owner_person="Mette Kjær",
        how_much="2 timer",
        due=dt.date(2026, 5, 15),
    )
    second = store.add_action(session_id, "relations", "Invitér lodsejerforeningen", owner_partner_id=jonas)
    assert [action.id for action in store.actions(session_id)] == [first.id, second.id, late.id]
    assert store.action(first.id).how_much == "2 timer"
    assert store.action(first.id).status == "open"


def test_updating_moving_removing_and_restoring(store: Store, session):
    session_id, _mette, _jonas = session
    one = store.add_action(session_id, "concept", "Skriv en side om idéen til borgmesteren")
    two = store.add_action(session_id, "concept", "Find tre lignende projekter i Holland")
    updated = store.update_action(one.id, status="done", due=dt.date(2026, 6, 1), with_whom="Kommunikation")
    assert (updated.status, updated.due, updated.with_whom) == ("done", dt.date(2026, 6, 1), "Kommunikation")
    store.move_action(two.id, "concept", 0)
    assert [a.id for a in store.actions(session_id)] == [two.id, one.id]
    moved = store.move_action(one.id, "timelines", 0)
    assert moved.area == "timelines"
    assert [a.area for a in store.actions(session_id)] == ["timelines", "concept"]
    store.remove_action(one.id)
    assert [a.id for a in store.actions(session_id)] == [two.id]
    assert store.restore_action(one.id) == moved


def test_bad_action_input_is_refused_clearly(store: Store, session, program):
    session_id, _mette, _jonas = session
    other_session = store.create_session(program, title="Andet")
    stranger = store.add_partner(other_session, "Fremmed")
    with pytest.raises(StoreError) as refused:
        store.add_action(session_id, "relations", "Ring", owner_partner_id=stranger.id)
    assert "ikke med i sessionen" in refused.value.message("da")
    with pytest.raises(StoreError):
        store.add_action(session_id, "relations", "x" * 2_001)
    with pytest.raises(ValueError, match="area"):
        store.add_action(session_id, "nowhere", "Ring")
    with pytest.raises(ValueError, match="status"):
        store.update_action(store.add_action(session_id, "relations", "Ring").id, status="maybe")
    control = store.add_action(session_id, "relations", "Ring\x00 til\nBo")
    assert control.what == "Ring til Bo"


def test_a_removed_partner_leaves_its_actions_without_owner(store: Store, session):
    session_id, mette, _jonas = session
    action = store.add_action(session_id, "relations", "Ring til Bo", owner_partner_id=mette, owner_person="Mette")
    store.remove_partner(mette)
    kept = store.action(action.id)
    assert (kept.owner_partner_id, kept.owner_person) == (None, "Mette")


def test_the_decision_rule_is_a_form_text(store: Store, session):
    session_id, _mette, _jonas = session
    store.set_form_text(session_id, "decisions", "rule", "Enighed; ellers beslutter den, der ejer opgaven.")
    assert store.form_texts(session_id, "decisions") == {"rule": "Enighed; ellers beslutter den, der ejer opgaven."}
    assert AREA_IDS == ("relations", "timelines", "concept", "obstacles")


def test_the_demo_has_next_steps_with_one_left_vague(store: Store):
    from facilitator.demo import create_demo_session

    session_id = create_demo_session(store)
    actions = store.actions(session_id)
    assert {action.area for action in actions} == set(AREA_IDS)
    assert store.form_texts(session_id, "decisions")["rule"].startswith("Vi beslutter i enighed")
    date = store.get_session(session_id).date
    flagged = [action.what for action in actions if smart_findings(action, session_date=date)]
    # One action shows what the SMART check asks about; the rest are concrete.
    assert flagged == ["Kig på hvad de har gjort i Esbjerg"]


# Moving an action -----------------------------------------------------------------------------


def _board(*areas: str) -> list[Action]:
    """One action per given area, numbered from 1 in that order, positions counted per area."""
    actions = []
    for number, area_id in enumerate(areas, start=1):
        position = sum(1 for action in actions if action.area == area_id)
        actions.append(_action(id=number, area=area_id, position=position, what=f"Handling {number}"))
    return actions


def test_an_action_moves_within_its_area():
    actions = _board("relations", "relations", "relations")
    assert move_target(actions, 2, -1) == Place("relations", 0)
    assert move_target(actions, 2, 1) == Place("relations", 2)
    assert place(actions, 2) == Place("relations", 1)


def test_the_order_within_an_area_is_by_position_not_by_list_order():
    actions = [
        _action(id=1, area="concept", position=1, what="Nummer to"),
        _action(id=2, area="concept", position=0, what="Nummer et"),
    ]
    assert place(actions, 2) == Place("concept", 0)
    assert move_target(actions, 1, -1) == Place("concept", 0)
    assert move_target(actions, 2, 1) == Place("concept", 1)


@pytest.mark.parametrize("upper", range(len(AREA_IDS) - 1))
def test_an_action_crosses_every_area_boundary_both_ways(upper):
    above, below = AREA_IDS[upper], AREA_IDS[upper + 1]
    actions = _board(above, above, below, below)
    # Down from the bottom of an area: to the top of the next one.
    assert move_target(actions, 2, 1) == Place(below, 0)
    # Up from the top of an area: to the end of the one before, after what is there.
    assert move_target(actions, 3, -1) == Place(above, 2)


def test_an_empty_area_between_is_a_stop_of_its_own():
    actions = _board("relations", "obstacles")
    assert move_target(actions, 1, 1) == Place("timelines", 0)
    assert move_target(actions, 2, -1) == Place("concept", 0)


def test_the_very_first_and_last_actions_go_nowhere_further():
    actions = _board("relations", "concept", "obstacles")
    assert move_target(actions, 1, -1) is None
    assert move_target(actions, 3, 1) is None
    # An empty first or last area still takes the action.
    assert move_target(_board("timelines"), 1, -1) == Place("relations", 0)
    assert move_target(_board("concept"), 1, 1) == Place("obstacles", 0)


def test_a_single_action_walks_through_every_area():
    assert move_target(_board("relations"), 1, -1) is None
    assert move_target(_board("obstacles"), 1, 1) is None
    assert move_target(_board("timelines"), 1, 1) == Place("concept", 0)


def test_a_move_is_one_step_up_or_down_of_a_known_action():
    actions = _board("relations")
    with pytest.raises(ValueError, match="one step"):
        move_target(actions, 1, 2)
    with pytest.raises(KeyError):
        move_target(actions, 99, 1)


def test_moving_down_in_the_store_visits_every_place_once(store: Store, session):
    session_id, _mette, _jonas = session
    walker = store.add_action(session_id, "relations", "Vandreren")
    store.add_action(session_id, "relations", "Bliver i relationer")
    store.add_action(session_id, "concept", "Bliver i koncept")
    seen = []
    while (target := move_target(store.actions(session_id), walker.id, 1)) is not None:
        store.move_action(walker.id, *target)
        seen.append(place(store.actions(session_id), walker.id))
    assert seen == [
        Place("relations", 1),
        Place("timelines", 0),
        Place("concept", 0),
        Place("concept", 1),
        Place("obstacles", 0),
    ]
    while (target := move_target(store.actions(session_id), walker.id, -1)) is not None:
        store.move_action(walker.id, *target)
    assert [(action.area, action.what) for action in store.actions(session_id)] == [
        ("relations", "Vandreren"),
        ("relations", "Bliver i relationer"),
        ("concept", "Bliver i koncept"),
    ]
