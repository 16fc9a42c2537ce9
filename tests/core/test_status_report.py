"""The status report: the ambition on top, each action with owner, due date, light in words, comment
and what changed since the last meeting, overdue first, thirty actions on at most two A4 pages."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from facilitator.__main__ import main
from facilitator.export import build_pdf, take_snapshot
from facilitator.store import Store

MEETING = dt.date(2026, 6, 24)
LIGHTS = ("green", "yellow", "red")
LONG_WHAT = "Udarbejd kystbeskyttelsesplanens del {n} med høringssvar fra lodsejerne og forsyningen"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _followup(store: Store, demo: int) -> int:
    source = store.get_session(demo)
    return store.create_followup(
        demo,
        program_name=source.program_name,
        program_text=source.program_text,
        date=MEETING,
        title=store.followup_title(demo),
    ).id


def _thirty_actions(store: Store, session_id: int) -> None:
    partners = store.partners(session_id)
    areas = ("relations", "timelines", "concept", "obstacles")
    number = len(store.actions(session_id))
    while number < 30:
        action = store.add_action(
            session_id,
            areas[number % 4],
            LONG_WHAT.format(n=number),
            owner_partner_id=partners[number % len(partners)].id,
            owner_person="Mette Kjær" if number % 5 == 0 else "",
            due=dt.date(2026, 5, 1) + dt.timedelta(days=9 * number),
        )
        store.set_action_status(
            action.id,
            light=LIGHTS[number % 3],
            comment="Arbejdet er i gang, men afventer data fra Kystcentret" if number % 2 else "",
            by="Sofie Lund",
        )
        number += 1


def test_the_status_report_reads_like_the_kkr_result_tables(store: Store, demo: int):
    followup = _followup(store, demo)
    first, second, third = store.actions(followup)[:3]
    store.set_action_status(first.id, status="started", light="green", comment="Ansøgningen er sendt", by="Mette")
    store.set_action_status(second.id, light="yellow", comment="Møde med byrådet aftalt")
    store.set_action_status(third.id, light="red", comment="Ingen har haft tid")
    data = build_pdf(take_snapshot(store, followup), "status", "da")
    text = "\n".join(_pages(data))
    flat = " ".join(text.split())
    assert flat.startswith("STATUSRAPPORT")
    ambition = " ".join(store.form_texts(followup, "ambition")["what"].split())
    # The ambition's own words come before the first area's table.
    assert ambition[:60] in flat
    assert flat.index(ambition[:60]) < flat.index("1. Relationer & Ressourcer")
    for words in ("Grøn: on track", "Gul: i proces", "Rød: ikke i gang"):
        assert words in flat
    assert "Ansøgningen er sendt" in flat
    assert "Siden sidst: Intet lys › Grøn" in flat
    assert "Uændret siden sidste møde" in flat
    assert "Sidste møde: Kystpartnerskab Vesterhavsbugten" in flat
    for column in ("Nr.", "Hvad", "Ansvarlig", "Frist", "Status", "Kommentar"):
        assert column in flat


def test_thirty_actions_fit_on_two_pages_with_every_light_in_words(store: Store, demo: int):
    followup = _followup(store, demo)
    _thirty_actions(store, followup)
    actions = store.actions(followup)
    assert len(actions) == 30
    data = build_pdf(take_snapshot(store, followup), "status", "da")
    pages = _pages(data)
    assert 1 <= len(pages) <= 2
    flat = " ".join(" ".join(pages).split())
    # Colour is never alone: each light is printed in its words, once per action that has it.
    assert flat.count("Gul: i proces") == sum(1 for action in actions if action.light == "yellow")
    assert flat.count("Rød: ikke i gang") == sum(1 for action in actions if action.light == "red")
    assert flat.count("Grøn: on track") == sum(1 for action in actions if action.light == "green")


def test_overdue_actions_come_first_in_their_area_and_say_so(store: Store, demo: int):
    followup = _followup(store, demo)
    late = store.add_action(followup, "concept", "Sen handling der skulle være gjort i maj", due=dt.date(2026, 5, 20))
    store.add_action(followup, "concept", "Tidlig handling der først skal gøres i efteråret", due=dt.date(2026, 10, 1))
    done = store.add_action(followup, "concept", "Færdig handling fra maj er ikke forsinket", due=dt.date(2026, 5, 2))
    store.update_action(done.id, status="done")
    text = " ".join(" ".join(_pages(build_pdf(take_snapshot(store, followup), "status", "da"))).split())
    concept = text[text.index("3. Konceptudvikling") : text.index("4. Forhindringer")]
    overdue = [a for a in store.actions(followup) if a.area == "concept" and a.due and a.due < MEETING]
    overdue = [a for a in overdue if a.status not in ("done", "dropped")]
    assert late in overdue
    # Each overdue action of the area comes before any that is not, and is marked in words.
    assert concept.count("Overskredet") == len(overdue)
    last_overdue = max(concept.index(a.what[:30]) for a in overdue)
    assert last_overdue < concept.index("Tidlig handling")
    assert last_overdue < concept.index("Færdig handling")
    summary = re.search(r"(\d+) overskredne", text)
    assert summary is not None
    assert int(summary.group(1)) == text.count("Overskredet")


def test_a_session_without_actions_says_so_on_the_page(store: Store, program):
    session_id = store.create_session(program, title="Tom session", date=MEETING)
    for language, words in (
        ("da", "Der er ingen aftalte handlinger i denne session endnu"),
        ("en", "No actions have been agreed in this session yet"),
    ):
        pages = _pages(build_pdf(take_snapshot(store, session_id), "status", language))
        assert len(pages) == 1
        assert words in " ".join(pages[0].split())


def test_the_status_report_from_the_command_line(paths, demo: int, store: Store, tmp_path, capsys):
    followup = _followup(store, demo)
    store.close()
    target = tmp_path / "status.pdf"
    code = main(["--data-dir", str(paths.data_dir), "export", str(followup), "--pdf", str(target), "--sheet", "status"])
    assert code == 0, capsys.readouterr().err
    assert "STATUSRAPPORT" in _pages(target.read_bytes())[0]


def test_the_first_meeting_has_no_changes_since_a_last_one(store: Store, demo: int):
    _followup(store, demo)  # the demo day is now the first meeting of a partnership
    flat = " ".join(" ".join(_pages(build_pdf(take_snapshot(store, demo), "status", "da"))).split())
    assert "Ny siden sidste møde" not in flat
    assert "Siden sidst" not in flat
    assert "Sidste møde" not in flat


def test_an_area_heading_never_stays_alone_at_the_foot_of_a_page(store: Store, demo: int):
    from facilitator.demo import create_demo_followup

    followup = create_demo_followup(store, demo)
    for language, heading in (("da", "4. Forhindringer"), ("en", "4. Obstacles")):
        pages = [
            " ".join(page.split()) for page in _pages(build_pdf(take_snapshot(store, followup), "status", language))
        ]
        [page] = [page for page in pages if heading in page]
        assert "4a" in page.split(heading, 1)[1]


def test_the_next_steps_sheet_and_the_report_of_a_follow_up_mark_late_actions_in_words(store: Store, demo: int):
    from facilitator.demo import create_demo_followup

    followup = create_demo_followup(store, demo)
    late = [a.what for a in store.actions(followup) if a.due and a.due < MEETING and a.status in ("open", "started")]
    assert late
    for sheet in ("next-steps", "report"):
        flat = " ".join(" ".join(_pages(build_pdf(take_snapshot(store, followup), sheet, "da"))).split())
        assert flat.count("Overskredet") == len(late), sheet
        english = " ".join(" ".join(_pages(build_pdf(take_snapshot(store, followup), sheet, "en"))).split())
        assert english.count("Overdue") == len(late), sheet
    # The day the actions were agreed, none of them is late yet.
    first = " ".join(" ".join(_pages(build_pdf(take_snapshot(store, demo), "next-steps", "da"))).split())
    assert "Overskredet" not in first
