"""The blank paper templates and the typeset invitation."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from facilitator.conversation import CIRCLES, DECISIONS
from facilitator.conversation.next_steps import AREAS, TEMPLATE_QUESTION, TEMPLATE_TITLE
from facilitator.demo import DEMO_TITLE
from facilitator.export import take_snapshot
from facilitator.export.blank_templates import build_templates
from facilitator.export.invitation_pdf import build_invitation
from facilitator.guidance import load_guidance
from facilitator.invitation import programme_lines
from facilitator.program import Program
from facilitator.store import Store
from tests.core.guide import GUIDE_QUESTIONS

DAY = dt.date(2026, 4, 27)
A4 = (595, 842)
A3 = (842, 1191)


def pages_text(data: bytes) -> list[str]:
    """Each page's text with line breaks as spaces, for phrases a paragraph may wrap."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def page_size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def largest_type(page) -> float:
    """The largest text on the page in points, as printed (font size times the page's scaling)."""
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(abs(font_size * tm[0] * cm[0]))

    page.extract_text(visitor_text=visit)
    return max(sizes)


# Blank templates ------------------------------------------------------------------------------


def test_one_page_per_template_with_every_question_and_hint_in_danish():
    pages = pages_text(build_templates())
    assert len(pages) == 4
    for text, circle in zip(pages[:3], CIRCLES.values(), strict=True):
        assert circle.name.da in text
        assert circle.centre.da in text
        for field in circle.fields:
            assert field.label.da.upper() in text
            assert field.question.da in text
            assert field.hint.da in text
        assert "Partner / navn" in text
    # æ, ø and å survive: labels, questions and the circle's own words.
    assert "BEGRÆNSNINGER" in pages[1]
    assert "LÆRING" in pages[1]
    assert "Hvad ønsker jeg, der skal fordeles ejerskab om?" in pages[1]
    # The paper templates ask the guide's own words.
    for text, questions in zip(pages[:3], GUIDE_QUESTIONS.values(), strict=True):
        for question in questions:
            assert question in text, question
    assert "Delsession 1 · Hvad bliver vi partnere om?".upper() in pages[0]


def test_the_next_steps_page_has_four_areas_columns_and_the_decision_rule():
    text = pages_text(build_templates())[3]
    assert TEMPLATE_TITLE.da in text
    assert TEMPLATE_QUESTION.da in text
    for area in AREAS:
        assert area.title.da.upper() in text
        assert area.question.da in text
        for prompt in area.prompts:
            assert prompt.da in text
    # One set of columns per area.
    for column in ("Hvad", "Hvem", "Hvor meget", "Hvornår"):
        assert text.count(column) >= len(AREAS), column
    assert "Hvordan træffer vi beslutninger?" in text
    assert "Hvor meget uenighed og ubeslutsomhed kan vi tolerere?" in text
    for field in DECISIONS.fields:
        assert field.hint is not None
        assert field.hint.da in text


def test_templates_in_english():
    pages = pages_text(build_templates("en"))
    for text, circle in zip(pages[:3], CIRCLES.values(), strict=True):
        assert circle.name.en in text
        assert all(field.question.en in text for field in circle.fields)
    assert "My ambition" in pages[0]
    assert "Through the partnership, I dream of changing…" in pages[0]
    assert "Partner / name" in pages[0]
    assert "How do we move forward?" in pages[3]
    assert "RELATIONSHIPS & RESOURCES" in pages[3]
    assert "How much disagreement and indecision can we tolerate?" in pages[3]
    assert "Page 4 of 4" in pages[3]
    everything = " ".join(pages)
    for danish in ("Forandringscirkel", "Min ambition", "Side 1 af", "Hvornår"):
        assert danish not in everything


def test_a4_and_a3_sheets_and_a3_prints_larger():
    small = PdfReader(io.BytesIO(build_templates(pagesize="A4"))).pages
    large = PdfReader(io.BytesIO(build_templates(pagesize="A3"))).pages
    assert {page_size(page) for page in small} <= {A4, A4[::-1]}
    assert {page_size(page) for page in large} <= {A3, A3[::-1]}
    for small_page, large_page in zip(small, large, strict=True):
        # The same page, grown: the largest type is the A4 type at about 141 %.
        assert largest_type(large_page) / largest_type(small_page) == pytest.approx(2**0.5, rel=0.01)
    assert pages_text(build_templates(pagesize="A3")) == pages_text(build_templates(pagesize="A4"))


@pytest.mark.parametrize("pagesize", ["A5", "a4", "Letter", ""])
def test_an_unknown_page_size_is_refused(pagesize: str):
    with pytest.raises(ValueError, match="page size"):
        build_templates(pagesize=pagesize)


def test_page_numbers_and_the_session_in_the_footer(store: Store, demo: int):
    pages = pages_text(build_templates(session=take_snapshot(store, demo)))
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af 4" in text
        assert DEMO_TITLE in text
        assert "mandag den 27. april 2026" in text
    # Blank means blank: nothing the partners wrote in the app is printed on them.
    assert "Vesterhavs Kommune" not in " ".join(pages)


def test_an_odd_session_title_does_not_break_the_templates(store: Store, program: Program):
    title = "Æblegården & Søhøjlandet 🌊🍎 " + "meget lang titel " * 12
    session_id = store.create_session(program, title=title, date=DAY)
    data = build_templates("da", pagesize="A3", session=take_snapshot(store, session_id))
    pages = pages_text(data)
    assert len(pages) == 4
    assert "Æblegården & Søhøjlandet" in pages[0]
    # The title is cut with an ellipsis rather than running into the page number.
    assert "…" in pages[0]
    assert "Side 1 af 4" in pages[0]


# The invitation -------------------------------------------------------------------------------


def test_the_invitation_has_time_place_partners_programme_and_asks(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    data = build_invitation(snapshot)
    assert data.startswith(b"%PDF")
    text = " ".join(pages_text(data))
    for expected in (
        "INDBYDELSE",
        DEMO_TITLE,
        "Kære partnere,",
        "mandag den 27. april 2026, kl. 09:00",
        "Hotel Nyborg Strand",
        "Sofie Lund",
        "Forberedelse",
        "Vi beder jer forberede tre ting:",
        "Venlig hilsen",
        "Side 1 af",
    ):
        assert expected in text, expected
    for partner in snapshot.partners:
        assert partner.name in text
        assert partner.organisation in text
    for ask in load_guidance().invitation:
        assert ask.title.da in text
    assert "netværk og kontakter" in text


def test_the_programme_has_the_clock_times_of_the_planned_day(store: Store, program: Program):
    session_id = store.create_session(program, title="Planlagt dag", date=DAY, start_time="10:30")
    store.set_step_minutes(session_id, "delsession-1-individuelt", 45)
    store.set_step_skipped(session_id, "frokost", True)
    snapshot = take_snapshot(store, session_id)
    text = " ".join(pages_text(build_invitation(snapshot)))
    lines = programme_lines(snapshot.schedule, "da")
    assert lines[0].startswith("10:30–")
    positions = []
    for line in lines:
        clock, name = line.split("  ", 1)
        assert clock in text
        assert name in text
        positions.append(text.index(clock))
    assert positions == sorted(positions)
    assert "Frokost" not in text


def test_the_invitation_in_english(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    text = " ".join(pages_text(build_invitation(snapshot, "en")))
    for expected in (
        "INVITATION",
        "Dear partners,",
        "Monday 27 April 2026, at 09:00",
        "Programme",
        "Session 1: What will we partner on?",
        "Please prepare three things:",
        "Decision-making mandate",
        "Kind regards,",
        "Page 1 of",
    ):
        assert expected in text, expected
    for danish in ("Kære partnere", "Delsession 1", "Forberedelse", "Side 1 af"):
        assert danish not in text
    for clock in (line.split("  ")[0] for line in programme_lines(snapshot.schedule, "en")):
        assert clock in text


def test_an_invitation_with_little_known_and_odd_names(store: Store, program: Program):
    session_id = store.create_session(program, title="Møde <b>på</b> Ærø 🌱")
    store.add_partner(session_id, "Zoë Ørsted-Åberg 👩‍🔬", organisation="Ærø Kommune & Co.")
    text = " ".join(pages_text(build_invitation(take_snapshot(store, session_id))))
    # User text is printed as typed, never read as markup.
    assert "Møde <b>på</b> Ærø" in text
    assert "Zoë Ørsted-Åberg" in text
    assert "Ærø Kommune & Co." in text
    assert "dato aftales" in text
    # Nothing to sign with: no facilitator named, no signature line for one.
    assert "Facilitator" not in text
