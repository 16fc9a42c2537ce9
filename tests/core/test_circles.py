"""Circles, elements, value forms and joint forms: the model and its storage."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.conversation import CIRCLES, JOINT_FORMS, VALUE_FORMS, circle_template, value_overview
from facilitator.store import Store, StoreError
from tests.core.guide import GUIDE_QUESTIONS

# The store's rules hold on both engines (tests/engines.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture
def session(store: Store, program) -> tuple[int, int, int]:
    """A session with two partners; returns (session id, first partner id, second partner id)."""
    session_id = store.create_session(program, title="Kystpartnerskab", date=dt.date(2026, 4, 27))
    first = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    second = store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning")
    return session_id, first.id, second.id


# The templates -------------------------------------------------------------------------


def test_each_circle_asks_the_guides_questions_word_for_word():
    # Every screen, the projector and every PDF read the question from here.
    asked = {kind: tuple(field.question.da for field in template.fields) for kind, template in CIRCLES.items()}
    assert asked == GUIDE_QUESTIONS


def test_the_old_wordings_live_on_as_help_beneath_the_question():
    contribution, scaling = circle_template("contribution"), circle_template("scaling")
    assert contribution.field("ownership").hint.da.startswith("Hvad ønsker jeg, der skal fordeles ejerskab om?")
    assert "handlingsrum" in contribution.field("limitations").hint.da
    assert scaling.field("communication").hint.da.startswith("Hvilke fortællinger ser jeg i forandringsambitionen")
    assert circle_template("change").field("what").hint.da == "Med partnerskabet drømmer jeg om at forandre…"


def test_every_template_question_of_the_guide_is_in_the_app():
    texts = {
        text.da
        for template in CIRCLES.values()
        for field in template.fields
        for text in (field.label, field.question, field.hint)
    }
    texts |= {template.centre.da for template in CIRCLES.values()}
    texts |= {
        text.da for form in JOINT_FORMS.values() for field in form.fields for text in (field.label, field.question)
    }
    texts |= {form.title.da for form in JOINT_FORMS.values()}
    everything = "\n".join(texts)
    for wording in (
        # Delsession 1: the change circle and "Vores forandringsambition".
        "Med partnerskabet drømmer jeg om at forandre…",
        "Hvad vil jeg forandre?",
        "Hvorfor vil jeg skabe forandringen?",
        "Hvem gavner forandringen?",
        "Hvordan skaber jeg forandringen?",
        "Min ambition",
        "Vores forandringsambition",
        "Hvad vil vi forandre?",
        "Hvorfor vil vi skabe forandringen?",
        "For hvem",
        "Hvordan skaber vi forandringen?",
        "Vil partnerskabet kræve, at vores organisationer forandrer sig?",
        "Er vores partnerskab godt timet?",
        # Delsession 2: the contribution circle and "Vores samspilsambition".
        "Mit bidrag",
        "Ressourcer",
        "Hvilke ressourcer vil jeg mobilisere – under hvilke betingelser?",
        "Begrænsninger",
        "Læring",
        "Hvad vil jeg blive bedre til, når vi arbejder sammen?",
        "Ejerskab",
        "Vores samspilsambition",
        "Ledelse",
        "Hvordan vil vi lede og hjælpe hinanden i partnerskabet?",
        "Hvilket syn har vi på hinanden som partnere – også i krisesituationer?",
        "Mobilisering",
        "Hvad skal times?",
        "Hvor lærer vi sammen?",
        # Delsession 3: the scaling circle and the agreement sketch.
        "Min impact",
        "Netværk",
        "Hvilke netværk har jeg brug for?",
        "Kommunikation",
        "Dokumentation",
        "Hvordan dokumenterer jeg vores resultater?",
        "Modstand",
        "Hvor langt kan vi være sammen?",
        "Hvor og hvornår vil vi se forandringer?",
    ):
        assert wording in everything, wording


def test_every_text_has_english_too():
    for template in CIRCLES.values():
        for text in (
            template.name,
            template.centre,
            *(t for f in template.fields for t in (f.label, f.question, f.hint)),
        ):
            assert text.en, text.da
    for form in JOINT_FORMS.values():
        for field in form.fields:
            assert field.label.en, field.label.da
            assert field.question.en, field.question.da
    assert all(form.name.en and form.weighs.en for form in VALUE_FORMS)


def test_only_change_circles_come_in_several():
    assert [kind for kind, template in CIRCLES.items() if template.several] == ["change"]
    assert circle_template("scaling").field_ids() == ("networks", "communication", "documentation", "resistance")


# Circles ----------------------------------------------------------------------------------


def test_a_partner_can_have_several_change_circles(store: Store, session):
    session_id, mette, jonas = session
    first = store.ensure_circle(session_id, mette, "change")
    assert store.ensure_circle(session_id, mette, "change") == first
    second = store.add_circle(session_id, mette, "change", "  Kystsikring \n ")
    assert second.title == "Kystsikring"
    store.ensure_circle(session_id, jonas, "change")
    assert [(c.partner_id, c.title) for c in store.circles(session_id, "change")] == [
        (mette, ""),
        (mette, "Kystsikring"),
        (jonas, ""),
    ]
    store.rename_circle(first.id, "Natur")
    assert [c.title for c in store.circles(session_id, "change", mette)] == ["Natur", "Kystsikring"]


def test_contribution_and_scaling_circles_are_one_per_partner(store: Store, session):
    session_id, mette, _ = session
    store.ensure_circle(session_id, mette, "contribution")
    with pytest.raises(StoreError, match="én bidragscirkel"):
        store.add_circle(session_id, mette, "contribution")


def test_removing_a_circle_hides_its_elements_until_restored(store: Store, session):
    session_id, mette, _ = session
    circle = store.add_circle(session_id, mette, "change", "Kystsikring")
    element = store.add_element(circle.id, "what", "Sikre kysten")
    store.remove_circle(circle.id)
    assert store.circles(session_id, "change") == []
    assert store.elements(session_id) == []
    store.restore_circle(circle.id)
    assert store.elements(session_id) == [element]


def test_a_removed_partner_takes_their_circles_along(store: Store, session):
    session_id, mette, jonas = session
    store.add_element(store.ensure_circle(session_id, mette, "change").id, "what", "Sikre kysten")
    kept = store.add_element(store.ensure_circle(session_id, jonas, "change").id, "what", "Rent vand")
    store.remove_partner(mette)
    assert store.elements(session_id) == [kept]


# Entry-line drafts ------------------------------------------------------------------------


def test_a_draft_is_kept_per_circle_and_field_until_enter_adds_it(paths, program, empty_database):
    empty_database.copy_to(paths.database)
    store = Store(paths.database)
    session_id = store.create_session(program, title="Kystpartnerskab")
    mette = store.add_partner(session_id, "Mette Kjær").id
    circle = store.ensure_circle(session_id, mette, "change").id
    other = store.ensure_circle(session_id, mette, "scaling").id
    store.set_element_draft(circle, "what", "Færre oversvøm")
    store.set_element_draft(other, "networks", "KL og ")
    store.close()

    reopened = Store(paths.database)
    assert reopened.element_drafts(session_id) == {(circle, "what"): "Færre oversvøm", (other, "networks"): "KL og "}
    assert reopened.elements(session_id) == [], "a draft is no element: not on the board, not exported"
    reopened.add_element(circle, "what", "Færre oversvømmelser", from_draft=True)
    reopened.set_element_draft(other, "networks", "  ")
    assert reopened.element_drafts(session_id) == {}
    reopened.close()


def test_drafts_go_with_their_partner_and_their_session(store: Store, session, program):
    session_id, mette, jonas = session
    store.set_element_draft(store.ensure_circle(session_id, mette, "change").id, "what", "Hemmeligt udkast")
    kept = store.ensure_circle(session_id, jonas, "change").id
    store.set_element_draft(kept, "why", "Rent vand")
    store.remove_partner(mette)
    assert store.element_drafts(session_id) == {(kept, "why"): "Rent vand"}
    second = store.create_session(program, title="Anden session")
    other = store.ensure_circle(second, store.add_partner(second, "Karen Lund").id, "change").id
    store.set_element_draft(other, "how", "Bliver")
    store.delete_session(session_id)
    assert store.element_drafts(session_id) == {}
    assert store.element_drafts(second) == {(other, "how"): "Bliver"}


def test_a_too_long_draft_is_refused_and_the_kept_one_stays(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    store.set_element_draft(circle, "what", "Kort")
    with pytest.raises(StoreError, match="element kan højst have 1000 tegn"):
        store.set_element_draft(circle, "what", "x" * 1001)
    assert store.element_drafts(session_id) == {(circle, "what"): "Kort"}


# Elements ---------------------------------------------------------------------------------


def test_elements_survive_a_reopen_in_template_order(paths, program):
    store = Store(paths.database)
    session_id = store.create_session(program, title="S")
    partner = store.add_partner(session_id, "Karen Holm").id
    circle = store.ensure_circle(session_id, partner, "change").id
    store.add_element(circle, "how", "Fælles digeplan")
    store.add_element(circle, "what", "Færre oversvømmelser")
    store.add_element(circle, "what", "Levende strandenge")
    store.add_element(circle, "why", "Medlemmerne mister jord")
    store.close()

    reopened = Store(paths.database)
    elements = reopened.elements(session_id, kind="change")
    assert [(e.field, e.text) for e in elements] == [
        ("what", "Færre oversvømmelser"),
        ("what", "Levende strandenge"),
        ("why", "Medlemmerne mister jord"),
        ("how", "Fælles digeplan"),
    ]
    assert {e.partner_id for e in elements} == {partner}
    assert {e.circle_id for e in elements} == {circle}
    reopened.close()


def test_an_edited_element_keeps_its_identity(store: Store, session):
    session_id, mette, _ = session
    element = store.add_element(store.ensure_circle(session_id, mette, "scaling").id, "networks", "KL")
    store.set_element_category(element.id, "society")
    edited = store.update_element(element.id, "  KL og   Danske Regioner ")
    assert (edited.id, edited.text, edited.category) == (element.id, "KL og Danske Regioner", "society")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_element_is_refused(store: Store, session, text):
    session_id, mette, _ = session
    with pytest.raises(StoreError, match="tomt"):
        store.add_element(store.ensure_circle(session_id, mette, "change").id, "what", text)


def test_a_too_long_element_is_refused_with_its_length(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    with pytest.raises(StoreError, match="1001 tegn"):
        store.add_element(circle, "what", "x" * 1001)


def test_unusual_text_is_kept(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    text = "Ærø–Åbenrå: ñandú 🌊 'quotes' \"and\" <tags> & NUL\x00 gone"
    assert store.add_element(circle, "what", text).text == text.replace("\x00", "")


def test_an_element_must_answer_a_question_of_its_circle(store: Store, session):
    session_id, mette, _ = session
    with pytest.raises(ValueError, match="no field"):
        store.add_element(store.ensure_circle(session_id, mette, "change").id, "resources", "Tid")


def test_a_removed_element_comes_back_exactly(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    element = store.add_element(circle, "what", "Sikre kysten", value_forms=["environment"])
    store.set_element_category(element.id, "common")
    element = store.element(element.id)
    store.remove_element(element.id)
    assert store.elements(session_id) == []
    with pytest.raises(StoreError):
        store.update_element(element.id, "Nej")
    assert store.restore_element(element.id) == element


# Value forms ------------------------------------------------------------------------------


def test_value_forms_are_set_replaced_and_cleared(store: Store, session):
    session_id, mette, _ = session
    element = store.add_element(store.ensure_circle(session_id, mette, "change").id, "what", "Sikre kysten")
    assert store.set_element_values(element.id, ["environment", "society"]).value_forms == {"environment", "society"}
    assert store.set_element_values(element.id, ["economy", "society"]).value_forms == {"economy", "society"}
    assert store.element(element.id).value_forms == {"economy", "society"}
    assert store.set_element_values(element.id, []).value_forms == frozenset()
    with pytest.raises(ValueError, match="unknown value forms"):
        store.set_element_values(element.id, ["happiness"])


def test_the_value_overview_counts_per_partner_and_finds_shared_and_lone_forms(store: Store, session):
    session_id, mette, jonas = session
    mine = store.ensure_circle(session_id, mette, "change").id
    theirs = store.ensure_circle(session_id, jonas, "contribution").id
    store.add_element(mine, "what", "Natur", value_forms=["environment"])
    store.add_element(mine, "why", "Borgerne", value_forms=["environment", "social"])
    store.add_element(mine, "how", "Ingen tags")
    store.add_element(theirs, "resources", "Data", value_forms=["environment", "efficiency"])

    overview = store.value_overview(session_id)
    assert overview.counts[mette] == {"environment": 2, "social": 1}
    assert overview.counts[jonas] == {"environment": 1, "efficiency": 1}
    assert (overview.tagged[mette], overview.elements[mette]) == (2, 3)
    assert overview.shared() == ["environment"]
    assert overview.lone() == {"social": mette, "efficiency": jonas}
    assert overview.maximum() == 2
    assert store.value_overview(session_id, kind="change").counts[jonas] == {}


def test_the_value_overview_ignores_group_elements_and_unknown_tags():
    overview = value_overview([1], [(None, ["social"]), (1, ["nonsense"]), (2, ["social"])])
    assert overview.counts == {1: {}}
    assert (overview.elements[1], overview.tagged[1]) == (1, 0)
    assert overview.maximum() == 1


# Joint forms ------------------------------------------------------------------------------


def test_joint_form_texts_round_trip_and_are_cleaned(paths, program):
    store = Store(paths.database)
    session_id = store.create_session(program, title="S")
    store.set_form_text(session_id, "ambition", "what", "  Et klimarobust kystlandskab\n\nsammen \x00")
    store.set_form_text(session_id, "interplay", "leadership", "Skiftende formandskab")
    store.close()
    reopened = Store(paths.database)
    assert reopened.form_texts(session_id, "ambition") == {"what": "Et klimarobust kystlandskab\n\nsammen"}
    assert reopened.form_texts(session_id, "interplay") == {"leadership": "Skiftende formandskab"}
    assert reopened.form_texts(session_id, "scaling") == {}
    reopened.close()


def test_a_ten_thousand_character_answer_is_kept_and_a_huge_one_refused(store: Store, session):
    session_id, _, _ = session
    long = "æ" * 10_000
    assert store.set_form_text(session_id, "ambition", "how", long) == long
    with pytest.raises(StoreError, match="for lang"):
        store.set_form_text(session_id, "ambition", "how", "x" * 20_001)


def test_unknown_forms_and_fields_are_programming_errors(store: Store, session):
    session_id, _, _ = session
    with pytest.raises(ValueError, match="no field"):
        store.set_form_text(session_id, "ambition", "nonsense", "x")
    with pytest.raises(ValueError, match="unknown joint form"):
        store.form_texts(session_id, "nonsense")


def test_a_source_link_outlives_edits_and_removal_of_its_element(store: Store, session):
    session_id, mette, _ = session
    element = store.add_element(store.ensure_circle(session_id, mette, "change").id, "what", "Sikre kysten")
    source = store.add_form_source(session_id, "ambition", "what", element.id, "Sikre kysten")
    assert (source.element_id, source.partner_id, source.text) == (element.id, mette, "Sikre kysten")
    store.update_element(element.id, "Sikre hele kysten")
    store.remove_element(element.id)
    assert store.form_sources(session_id, "ambition") == [source]
    assert store.form_sources(session_id, "interplay") == []
    store.remove_partner(mette)
    (orphan,) = store.form_sources(session_id)
    assert (orphan.element_id, orphan.partner_id, orphan.text) == (None, None, "Sikre kysten")


def test_all_elements_come_by_partner_then_delsession(store: Store, session):
    session_id, mette, _ = session
    first = store.ensure_circle(session_id, mette, "change").id
    contribution = store.ensure_circle(session_id, mette, "contribution").id
    second = store.add_circle(session_id, mette, "change", "Anden").id
    store.add_element(contribution, "resources", "Tid")
    store.add_element(second, "what", "Borgerne med")
    store.add_element(first, "what", "Sikre kysten")
    assert [e.text for e in store.elements(session_id)] == ["Sikre kysten", "Borgerne med", "Tid"]
