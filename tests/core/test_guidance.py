"""The method guidance, planning checklist and invitation text."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.guidance import GuidanceError, load_guidance, parse_guidance
from facilitator.invitation import InvitationDetails, invitation_text, long_date
from facilitator.timing import DayPlan, plan_schedule

VALUE_FORMS = ("Social", "Økonomi", "Effektivitet", "Kreativitet", "Samfund", "Kommunikation", "Miljø", "Sanselighed")


def test_the_bundled_guidance_covers_the_method():
    guidance = load_guidance()
    assert [section.id for section in guidance.sections] == [
        "vaertskab",
        "procesfacilitering",
        "hvem-er-til-stede",
        "hvad-er-godt",
        "hvor-meget-forandring",
        "enighed-og-uenighed",
    ]
    titles = [topic.title.da for topic in guidance.section("hvad-er-godt").topics]
    for value_form in VALUE_FORMS:
        assert value_form in titles
    time_topics = " ".join(topic.title.da for topic in guidance.section("hvor-meget-forandring").topics)
    for word in ("Tidshorisont", "Tidsbetingelser", "Tidskoordinering"):
        assert word in time_topics
    role_topics = " ".join(topic.title.da for topic in guidance.section("hvem-er-til-stede").topics)
    for word in ("Rolledefinition", "Rollefastlåsning", "Rollekonflikt", "Rolleindblanding"):
        assert word in role_topics


def test_every_guidance_text_has_english():
    guidance = load_guidance()
    texts = [section.title for section in guidance.sections] + [section.summary for section in guidance.sections]
    texts += [part for section in guidance.sections for topic in section.topics for part in (topic.title, topic.body)]
    texts += [group.title for group in guidance.planning] + [i.text for g in guidance.planning for i in g.items]
    texts += [ask.title for ask in guidance.invitation] + [ask.body for ask in guidance.invitation]
    assert all(text.en for text in texts)


def test_planning_checklist_has_the_four_groups():
    guidance = load_guidance()
    assert [group.title.da for group in guidance.planning] == ["TID", "STED", "MATERIALER", "FORPLEJNING"]
    assert len(guidance.checklist_ids()) == len(set(guidance.checklist_ids())) >= 12


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("format = 'facilitator-guidance'\nversion = 1\n[[", "ugyldig TOML"),
        ("format = 'other'\nversion = 1\n", "forventede format"),
        ("format = 'facilitator-guidance'\nversion = 1\n", "'sections' mangler"),
        (
            "format = 'facilitator-guidance'\nversion = 1\n[[sections]]\nid='a'\ntitle.da='A'\nsummary.da='s'\n"
            "[[sections.topics]]\nid='a'\ntitle.da='t'\nbody.da='b'\n",
            "id 'a' findes mere end én gang",
        ),
        (
            "format = 'facilitator-guidance'\nversion = 1\n[[sections]]\nid='a'\ntitle.da=''\nsummary.da='s'\n",
            "'title.da' mangler",
        ),
    ],
)
def test_a_broken_guidance_file_is_reported_precisely(source, fragment):
    with pytest.raises(GuidanceError) as raised:
        parse_guidance(source, "method.toml")
    assert "method.toml" in raised.value.message("da")
    assert fragment in raised.value.message("da")


def test_long_dates_in_both_languages():
    assert long_date(dt.date(2026, 4, 27), "da") == "mandag den 27. april 2026"
    assert long_date(dt.date(2026, 4, 27), "en") == "Monday 27 April 2026"


def test_invitation_has_time_place_programme_and_the_three_asks(program):
    plan = DayPlan(skipped=frozenset())
    schedule = plan_schedule(program, plan, "09:00")
    details = InvitationDetails("Kystpartnerskab", dt.date(2026, 4, 27), "Hotel Nyborg Strand", "Sofie Lund", ["Mette"])
    text = invitation_text(details, schedule, load_guidance().invitation, "da")
    assert "Tid: mandag den 27. april 2026, kl. 09:00–16:00" in text
    assert "Sted: Hotel Nyborg Strand" in text
    assert "09:00–09:10  Indledning" in text
    assert "Frokost" in text
    for ask in ("Ressourcer", "Beslutningsmandat", "Dokumentation"):
        assert f"\n{ask}\n" in text
    english = invitation_text(details, schedule, load_guidance().invitation, "en")
    assert "Time: Monday 27 April 2026, at 09:00–16:00" in english


def test_invitation_follows_the_adapted_day(program):
    schedule = plan_schedule(program, DayPlan(break_after={"frokost": "delsession-2"}), "08:30")
    details = InvitationDetails("X", None, "", "")
    text = invitation_text(details, schedule, (), "da")
    lines = text.splitlines()
    lunch = next(index for index, line in enumerate(lines) if "Frokost" in line)
    assert "Delsession 2" in lines[lunch - 1]
    assert "dato aftales, kl. 08:30" in text
