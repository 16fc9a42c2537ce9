"""The closing's overview: each delsession's question over the group's own words, then the next steps."""

from __future__ import annotations

import datetime as dt

from facilitator.conversation.day_overview import (
    ACTIONS_NAMED,
    day_overview,
    headline,
    joint_forms_in,
    summarise_actions,
)
from facilitator.conversation.next_steps import Action
from facilitator.paths import default_program_path, programs_dir
from facilitator.program import load_program


def _action(number: int, what: str, **fields) -> Action:
    return Action(id=number, session_id=1, area="relations", position=number, what=what, **fields)


def test_each_delsession_stands_under_its_question_with_the_groups_own_words():
    program = load_program(default_program_path())
    forms = {
        "ambition": {"what": "Klimatilpasning af kysten", "why": "Fordi havet stiger", "timing": "Om et år"},
        "interplay": {},
        "scaling": {"where_to": "Kommunerne langs kysten"},
    }
    actions = [_action(1, "Ring til Kystdirektoratet", owner_person="Mette", due=dt.date(2027, 2, 1))]

    sections = day_overview(program, forms, actions)

    assert [section.question.da for section in sections] == [
        "Hvad bliver vi partnere om?",
        "Hvordan bliver vi gode sammen?",
        "Hvordan skaber vi omstilling?",
        "Hvordan kommer vi videre?",
    ]
    ambition = sections[0]
    assert ambition.title is not None
    assert ambition.title.da == "Vores forandringsambition"
    # The main answers in the form's order; a reflection (on timing) is no headline.
    assert [(line.label.da, line.text) for line in ambition.headlines] == [
        ("Hvad", "Klimatilpasning af kysten"),
        ("Hvorfor", "Fordi havet stiger"),
    ]
    assert sections[1].empty
    assert [line.text for line in sections[2].headlines] == ["Kommunerne langs kysten"]
    assert sections[3].title is None
    assert sections[3].actions is not None
    assert sections[3].actions.count == 1
    assert not sections[3].empty


def test_a_meeting_without_joint_texts_or_next_steps_has_nothing_to_sum_up():
    program = load_program(programs_dir() / "life-act-partnerskabsmoede.toml")
    assert day_overview(program, {}, [_action(1, "Gammel aftale")]) == ()


def test_a_long_answer_becomes_a_headline_cut_after_a_whole_word():
    text = "Vi vil  skabe\nen fælles plan for kysten, " * 20
    cut = headline(text, 60)
    assert cut.endswith(" …")
    assert len(cut) <= 62
    assert "\n" not in cut
    assert "  " not in cut
    assert text.replace("\n", " ").replace("  ", " ").startswith(cut[:-2])
    assert headline("Kort svar\n") == "Kort svar"


def test_the_next_steps_are_counted_by_owner_and_date_and_the_first_few_named():
    actions = [
        _action(1, "Ring til Kystdirektoratet", owner_partner_id=7),
        _action(2, "Book mødelokale", owner_person="Jonas", due=dt.date(2027, 3, 1)),
        _action(3, "Skriv referat", due=dt.date(2027, 1, 15)),
        *(_action(number, f"Handling {number}") for number in range(4, 9)),
    ]

    summary = summarise_actions(actions)

    assert (summary.count, summary.owned, summary.dated) == (8, 2, 2)
    assert summary.first_due == dt.date(2027, 1, 15)
    assert len(summary.named) == ACTIONS_NAMED
    assert summary.named[0] == "Ring til Kystdirektoratet"
    empty = summarise_actions([])
    assert (empty.count, empty.first_due, empty.named) == (0, None, ())


def test_the_joint_forms_read_are_those_the_programs_steps_show():
    assert joint_forms_in(load_program(default_program_path())) == ("ambition", "interplay", "scaling")
    assert joint_forms_in(load_program(programs_dir() / "life-act-partnerskabsmoede.toml")) == ()
