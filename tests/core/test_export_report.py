"""The full session report: every section with real content, notes only on request, both languages, big sessions."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import KeepTogether, Paragraph

from facilitator.board import operations
from facilitator.conversation import CIRCLE_KINDS, CIRCLES, VALUE_FORM_IDS
from facilitator.export.board_drawing import GROUP_COLOUR, MIN_TEXT, Author, board_drawing
from facilitator.export.circles_and_boards import boards_section
from facilitator.export.document import make_styles
from facilitator.export.fonts import REGULAR
from facilitator.export.report import author_labels, build_report
from facilitator.export.sheet import build_sheet
from facilitator.export.snapshot import take_snapshot
from facilitator.program import Program
from facilitator.store import Store
from tests.core.pdf_words import how_drawn
from tests.databases import DatabaseTemplate

DECISION_RULE = "Vi træffer beslutninger ved konsensus; ellers afgør styregruppen det på næste møde."
ACTION_WHAT = "Mette tager forslaget om én fælles kystplan med til byrådets udvalg"
STEP_NOTE = "Husk at spørge Ahmad om højdemodellens usikkerhed før frokost."


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def between(text: str, start: str, end: str) -> str:
    """The text from the first `start` up to the first `end` after it (both must be there)."""
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


def _add_what_the_report_must_show(store: Store, session_id: int) -> None:
    """An action, a decision rule and a step note of our own, so the tests know each word to look for."""
    mette = store.partners(session_id)[0]
    store.add_action(
        session_id,
        "relations",
        ACTION_WHAT,
        owner_partner_id=mette.id,
        owner_person="Mette Kjær",
        with_whom="Teknik- og miljøudvalget",
        how_much="2 timer",
        due=dt.date(2026, 5, 15),
        status="started",
    )
    store.set_form_text(session_id, "decisions", "rule", DECISION_RULE)
    store.set_step_note(session_id, "delsession-2-analyse", STEP_NOTE)


@pytest.fixture
def demo(store: Store, demo: int) -> int:
    """The demo session with the words of our own, for tests that change it before the report."""
    _add_what_the_report_must_show(store, demo)
    return demo


class DemoReports:
    """The reports of that session, each built once: most tests only read them."""

    def __init__(self, store: Store, session_id: int) -> None:
        self.snapshot = take_snapshot(store, session_id)
        self._data: dict[tuple[str, bool], bytes] = {}
        self._text: dict[tuple[str, bool], str] = {}

    def data(self, language: str = "da", *, notes: bool = False) -> bytes:
        if (language, notes) not in self._data:
            self._data[language, notes] = build_report(self.snapshot, language, notes=notes)
        return self._data[language, notes]

    def text(self, language: str = "da", *, notes: bool = False) -> str:
        if (language, notes) not in self._text:
            self._text[language, notes] = pdf_text(self.data(language, notes=notes))
        return self._text[language, notes]


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory, demo_database: DatabaseTemplate) -> DemoReports:
    with demo_database.open_copy(tmp_path_factory.mktemp("report")) as store:
        _add_what_the_report_must_show(store, demo_database.session_id)
        return DemoReports(store, demo_database.session_id)


def report_text(store: Store, session_id: int, language: str = "da", *, notes: bool = False) -> str:
    return pdf_text(build_report(take_snapshot(store, session_id), language, notes=notes))


def test_report_is_a_numbered_pdf(demo_reports):
    data = demo_reports.data()

    assert data.startswith(b"%PDF")
    pages = page_count(data)
    text = demo_reports.text()
    assert pages > 3
    assert "Side 1 af" in text
    assert f"Side {pages} af {pages}" in text
    assert "SESSIONSRAPPORT" in text
    assert "Kystpartnerskab Vesterhavsbugten" in text


def test_sections_come_in_a_clear_order(demo_reports):
    text = demo_reports.text()

    headings = [
        "Partnerne",
        "Vejledende principper",
        "Den fælles forandringsambition",
        "Aftaleskitse: samspillet",
        "Aftaleskitse: hvor langt kan vi være sammen?",
        "Hvordan kommer vi videre?",
        "Sådan træffer vi beslutninger",
        "Partnernes cirkler",
        "Sorteringstavlerne",
        "Værdiformer",
        "Tiden: planlagt og brugt",
    ]
    places = [text.index(heading) for heading in headings]
    assert places == sorted(places)


def test_agreements_include_what_the_sheet_has_and_the_ambitions_reflections(demo_reports):
    report = demo_reports.text()
    sheet = pdf_text(build_sheet(demo_reports.snapshot))

    agreements = between(report, "Partnerne", "Partnernes cirkler")
    assert "Lodsejerforeningen Kystlandet" in agreements
    assert "Uenighed er velkommen" in agreements  # a guiding principle
    assert "Et klimarobust kystlandskab ved Vesterhavsbugten" in agreements
    assert ACTION_WHAT[:40] in agreements.replace("\n", " ")
    assert DECISION_RULE[:40] in agreements
    # The ambition's reflection fields are in the report but not on the sheet.
    assert "Organisationerne" in agreements
    assert "Organisationerne" not in sheet
    # Signatures belong to the sheet only.
    assert "Tiltrådt af partnerne" in sheet
    assert "Tiltrådt af partnerne" not in report


def test_circles_show_each_partners_elements_with_their_board_category(demo_reports):
    circles = between(demo_reports.text(), "Partnernes cirkler", "Sorteringstavlerne")
    flat = " ".join(circles.split())

    assert "Delsession 1 · Forandringscirklen" in circles
    assert "Delsession 2 · Bidragscirklen" in circles
    assert "Delsession 3 · Skaleringscirklen" in circles
    for name in ("Mette Kjær", "Jonas Friis", "Karen Holm", "Ahmad Rahimi"):
        assert name in circles
    # Mette has two change circles, each under its title.
    assert "»Et klimarobust kystlandskab«" in flat
    assert "»Borgerne med fra start«" in flat
    assert "Høje diger langs hele fjorden (Modsatrettede)" in flat
    assert "Data om regnvand og grundvand (Styrker)" in flat
    # An element never sorted has no category after it.
    assert "Borgermøder i hver by før planen tegnes" in flat
    assert "Borgermøder i hver by før planen tegnes (" not in flat
    # The element Jonas wrote on his phone carries a small mark, in words.
    assert "Et oversvømmet renseanlæg forurener hele bugten (skrevet på enhed) (Fælles)" in flat
    assert flat.count("(skrevet på enhed)") == 1


def test_a_long_compound_in_the_circles_table_is_hyphenated_never_cut(store, program):
    session_id = store.create_session(program, title="Kystpartnerskab")
    partner = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    circle = store.ensure_circle(session_id, partner.id, "change")
    store.add_element(circle.id, "what", "En fælles kystbeskyttelsesplan")
    data = build_report(take_snapshot(store, session_id))
    # Hyphenated in the circle's narrow column; whole in the board's list, which is full width.
    assert how_drawn(data, "kystbeskyttelsesplan") == {"hyphenated", "whole"}


def test_board_notes_are_listed_under_their_zone_once(demo_reports):
    boards = between(demo_reports.text(), "Sorteringstavlerne", "Værdiformer")
    first = between(boards, "Delsession 1 · Fælles analyse af ambitionerne", "Delsession 2 ·")

    # The drawing labels its zones too; the listing's headings come last.
    opposed = first[first.rindex("Modsatrettede (2)") : first.rindex("Ikke sorteret (2)")]
    assert "Høje diger langs hele fjorden – JF" in opposed
    assert "Ingen diger på landbrugsjorden – KH" in opposed
    unsorted = first[first.rindex("Ikke sorteret (2)") :]
    assert "Et fælles kystråd med faste møder – Gruppen" in unsorted
    common = first[first.rindex("Fælles (13)") : first.rindex("Forskelle (5)")]
    # The stack is named with its notes; the merged duplicate shows once, with both authors.
    assert "»Dem, der bor ved kysten« (stak, 3)" in common
    assert "Én fælles plan for hele bugten i stedet for fire – MK, også: Gruppen" in common
    assert "Én plan for hele bugten" not in common
    assert "Delsession 3 · Fælles vurdering af skaleringsindsatsen" in boards


def board_drawings(snapshot) -> list[tuple[Drawing, list[int]]]:
    """Each board's drawing in the report, with the numbers its list under the drawing gives."""
    story = boards_section(snapshot, make_styles(), "da", author_labels(snapshot.partners, "da"))
    result: list[tuple[Drawing, list[int]]] = []
    for block in story:
        for flowable in block._content if isinstance(block, KeepTogether) else [block]:
            if isinstance(flowable, Drawing):
                result.append((flowable, []))
            elif isinstance(flowable, Paragraph) and (flowable.bulletText or "").isdigit():
                result[-1][1].append(int(flowable.bulletText))
    return result


def assert_boards_print_readable(snapshot) -> None:
    drawings = board_drawings(snapshot)
    assert len(drawings) == 3
    for (drawing, listed), kind in zip(drawings, CIRCLE_KINDS, strict=True):
        strings = [shape for shape in drawing.contents if isinstance(shape, String)]
        assert min(string.fontSize for string in strings) >= MIN_TEXT, kind
        # Each post-it carries the number its words have in the list under the drawing.
        notes = len(snapshot.boards[kind].visible_notes())
        assert listed == list(range(1, notes + 1)), kind
        drawn = {int(string.text) for string in strings if string.text.isdigit()}
        assert drawn >= set(listed), kind


def test_board_drawings_print_nothing_too_small_to_read(demo_reports):
    assert_boards_print_readable(demo_reports.snapshot)


def test_a_board_drawn_large_shows_each_post_its_words_and_number(demo_reports):
    snapshot = demo_reports.snapshot
    state = snapshot.boards["change"]
    notes = state.visible_notes()
    numbers = {note.id: number for number, note in enumerate(notes, start=1)}
    authors = {None: Author("G", GROUP_COLOUR), **{p.id: Author("P", p.colour) for p in snapshot.partners}}
    zones = [(category.id, category.title.da) for category in snapshot.board_categories("change")]
    drawing = board_drawing(
        state, zones, authors, tray_title="Ikke sorteret", width=1200, max_height=1200, numbers=numbers
    )
    strings = [shape for shape in drawing.contents if isinstance(shape, String)]
    # Big enough for words: they print at 8 pt or more, the number sits on the strip.
    assert min(string.fontSize for string in strings if string.fontName == REGULAR) >= 8
    drawn = " ".join(string.text for string in strings)
    assert all(note.text.split()[0] in drawn for note in notes)
    assert {str(number) for number in numbers.values()} <= {string.text for string in strings}


def test_a_crowded_board_still_prints_readable_numbers(store, program):
    # Forty post-its a board, most in one zone: the drawing's scale is small.
    session_id = big_session(store, program, partners=6, elements=120, action_count=0)
    assert_boards_print_readable(take_snapshot(store, session_id))


def test_deleted_notes_are_never_shown(store, demo):
    state = store.board_state(demo, "change")
    gone = next(note for note in state.notes.values() if note.text == "Høje diger langs hele fjorden")
    store.apply_board_patch(demo, operations.delete([gone.id]))

    text = report_text(store, demo)

    assert "Høje diger langs hele" not in text
    assert "Modsatrettede (1)" in text


def test_value_forms_table_and_summary(demo_reports):
    values = between(demo_reports.text(), "Værdiformer", "Tiden: planlagt og brugt")

    assert re.search(r"Værdiform\s+MK\s+JF\s+KH\s+AR\s+Partnere", values)
    assert "Økonomi" in values
    assert "Fælles: " in values
    assert "Kun én partner: " in values
    assert "14/14" in values  # Mette's elements, all tagged


def test_time_chart_compares_plan_and_use_and_marks_skipped_steps(store, demo):
    store.set_step_skipped(demo, "delsession-2-pause", True)

    time = " ".join(report_text(store, demo).split("Tiden: planlagt og brugt", 1)[1].split())

    assert "Rolle og beslutningsmandat" in time
    assert "10 / 12" in time  # the introduction ran two minutes over its plan
    assert "sprunget over" in time
    assert "Planlagt i alt" in time
    assert "Brugt i alt" in time
    assert "8 trin er kørt: planlagt 27 min, brugt 30 min (3 min mere end planlagt)." in time
    assert "1 trin er sprunget over." in time


def test_facilitator_notes_only_when_asked_for(demo_reports):
    without = demo_reports.text()
    with_notes = demo_reports.text(notes=True)

    assert "Facilitatorens noter" not in without
    assert STEP_NOTE[:30] not in without
    assert "Karen har ikke mandat til at forpligte" not in without
    notes = with_notes.split("Facilitatorens noter", 1)[1]
    assert "Delsession 2 · Partnerskabets handlingskraft" in notes
    assert STEP_NOTE[:30] in notes
    assert "Karen har ikke mandat til at forpligte" in notes
    # The running header marks every page of the version with notes.
    assert "Sessionsrapport med facilitatorens noter" in with_notes


def test_english_report_has_english_labels(demo_reports):
    text = demo_reports.text("en", notes=True)

    for label in (
        "SESSION REPORT WITH THE FACILITATOR'S NOTES",
        "Page 1 of",
        "The partners",
        "Our shared ambition for change",
        "The partners' circles",
        "The sorting boards",
        "Value forms",
        "Time: planned and used",
        "The facilitator's notes",
        "Shared: ",
        "Planned in all",
        "also: Group",
    ):
        assert label in text, label
    for danish in ("Side 1 af", "Partnernes cirkler", "Sorteringstavlerne", "Planlagt i alt", "Gruppen"):
        assert danish not in text, danish


def test_an_empty_session_says_so_section_by_section(store, program):
    session_id = store.create_session(program, title="Tom session")

    text = report_text(store, session_id)

    assert "Ingen partnere registreret." in text
    assert "Ingen cirkler udfyldt." in text
    assert "Tavlen er tom." in text
    assert "Ingen elementer har fået en værdiform." in text
    assert "Ingen trin er kørt endnu." in text


def test_partners_with_the_same_initials_stay_apart(store, program):
    session_id = store.create_session(program, title="Navne")
    for name in ("Mette Kjær", "Morten Krogh", "Mads Kirk"):
        store.add_partner(session_id, name)

    labels = author_labels(store.partners(session_id), "da")

    assert sorted(label for key, label in labels.items() if key is not None) == ["MK", "MK2", "MK3"]
    assert labels[None] == "Gruppen"


def test_initials_are_printable_whatever_the_script(store, program):
    session_id = store.create_session(program, title="Navne")
    store.add_partner(session_id, "שרה כהן", organisation="Kystrådet")
    store.add_partner(session_id, "محمد علي")
    store.add_partner(session_id, "José Müller 🌍")

    labels = author_labels(store.partners(session_id), "da")

    assert sorted(label for key, label in labels.items() if key is not None) == ["JM", "KY", "P2"]


def test_many_partners_get_value_tables_of_at_most_ten(store, program):
    session_id = store.create_session(program, title="Mange partnere")
    for number in range(12):
        partner = store.add_partner(session_id, f"Partner {chr(65 + number)}{chr(65 + number)}")
        circle = store.ensure_circle(session_id, partner.id, "change")
        store.add_element(circle.id, "what", f"Mål nr. {number}", value_forms=["environment"])

    values = between(report_text(store, session_id), "Værdiformer", "Tiden: planlagt og brugt")

    headers = [match.start() for match in re.finditer(r"^\s*Værdiform\s*$", values, re.MULTILINE)]
    assert len(headers) == 2
    first_table, second_table = values[headers[0] : headers[1]], values[headers[1] :]
    assert "PJ" in first_table
    assert "PK" not in first_table
    assert "PK" in second_table
    assert "PL" in second_table
    assert "Fælles: Miljø (12)." in values


BIG_NAMES = (
    "Søren Ærø-Ångström",
    "José Müller 🌍",
    "שרה כהן",
    "محمد علي",
    "Zoë Đặng 👩‍👩‍👧",
    "Łukasz Żółć",
    "Ingrid Ødegård",
    "Björk Guðmundsdóttir",
)


def big_session(
    store: Store, program: Program, *, partners: int = 8, elements: int = 300, action_count: int = 100
) -> int:
    """A long day: many partners (names in many scripts), hundreds of elements, a hundred actions."""
    session_id = store.create_session(
        program, title="Storsession på Ærø 🌊", date=dt.date(2026, 5, 4), venue="Rådhuset", facilitator="Åse Øster"
    )
    partner_ids = [
        store.add_partner(
            session_id,
            BIG_NAMES[index % len(BIG_NAMES)] + ("" if index < len(BIG_NAMES) else f" {index}"),
            organisation=f"Organisation nr. {index} for grøn omstilling og klimatilpasning",
            role="Direktør",
            # A mandate far longer than a page: the partners table must split the row.
            mandate="Kan forpligte organisationen inden for budgettet. " * (120 if index == 0 else 2),
        ).id
        for index in range(partners)
    ]
    for number in range(elements):
        kind = CIRCLE_KINDS[number % len(CIRCLE_KINDS)]
        partner_id = partner_ids[(number // len(CIRCLE_KINDS)) % partners]
        circle = store.ensure_circle(session_id, partner_id, kind)
        # Each partner's elements go round the fields, as a circle is filled in.
        field = CIRCLES[kind].field_ids()[(number // (len(CIRCLE_KINDS) * partners)) % 4]
        text = f"Element {number}: vi vil gerne skabe grønne og trygge lokalsamfund ved kysten for alle borgere"
        element = store.add_element(circle.id, field, text, value_forms=[VALUE_FORM_IDS[number % 8]])
        categories = program.board_categories(kind)
        if number % 7:
            store.set_element_category(element.id, categories[(number // len(CIRCLE_KINDS)) % len(categories)].id)
    areas = ("relations", "timelines", "concept", "obstacles")
    for number in range(action_count):
        store.add_action(
            session_id,
            areas[number % 4],
            f"Handling {number}: " + "undersøg mulighederne for fælles finansiering og del resultaterne " * 3,
            owner_partner_id=partner_ids[number % partners],
            with_whom="Alle partnere" if number % 10 else "Kommunerne i regionen. " * 80,
            how_much="3 dage",
            due=dt.date(2026, 6, 1) + dt.timedelta(days=number),
            status=("open", "started", "done")[number % 3],
        )
    store.set_form_text(session_id, "ambition", "what", "Vi vil forandre kysten. " * 420)  # about 10,000 characters
    store.set_form_text(session_id, "decisions", "rule", DECISION_RULE)
    return session_id


def test_a_big_session_builds_a_valid_report(store, program):
    session_id = big_session(store, program)
    snapshot = take_snapshot(store, session_id)
    assert len(snapshot.form("ambition")["what"]) >= 10_000

    data = build_report(snapshot, notes=True)

    pages = page_count(data)
    text = pdf_text(data)
    assert pages > 20
    assert f"Side {pages} af {pages}" in text
    assert "Søren Ærø-Ångström" in text
    assert "Handling 99:" in text
    assert "Element 299:" in text
    assert "Element 0:" in between(text, "Partnernes cirkler", "Sorteringstavlerne")
    assert "Sorteringstavlerne" in text
    assert "Tiden: planlagt og brugt" in text
    # The mandate longer than a page is there to its end.
    assert text.replace("\n", " ").count("Kan forpligte organisationen") >= 120


def test_circles_with_page_tall_fields_still_lay_out(store, program):
    # The shape that once failed the layout: six partners, each circle's elements in two
    # fields, so two cells of one row both grow to about a page.
    session_id = store.create_session(program, title="Mange elementer")
    partners = [
        store.add_partner(session_id, f"Partner {index}", organisation=f"Organisation {index}").id for index in range(6)
    ]
    kinds = list(CIRCLES)
    for index in range(300):
        kind = kinds[index % len(kinds)]
        circle = store.ensure_circle(session_id, partners[index % 6], kind)
        field = CIRCLES[kind].fields[index % len(CIRCLES[kind].fields)].id
        element = store.add_element(circle.id, field, f"Element {index}: færre oversvømmelser ved fjorden og åbne data")
        categories = program.board_categories(kind)
        if index % 5:
            store.set_element_category(element.id, categories[index % len(categories)].id)
    text = pdf_text(build_report(take_snapshot(store, session_id)))
    assert "Element 0:" in text
    assert "Element 299:" in text
