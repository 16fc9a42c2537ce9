"""Exports: the next-steps sheet, CSV and calendar files, safe writing and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from facilitator.__main__ import main
from facilitator.conversation.next_steps import ACTION_LABELS
from facilitator.demo import DEMO_TITLE
from facilitator.export import ExportError, actions_csv, actions_ics, build_pdf, find_partner, save, take_snapshot
from facilitator.export.fonts import BOLD, EMOJI, REPLACEMENT, printable, runs
from facilitator.export.hyphenation import ColumnHyphenator
from facilitator.store import Store
from tests.core.pdf_words import how_drawn
from tests.databases import DatabaseTemplate

DAY = dt.date(2026, 4, 27)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Extracted text with line breaks as spaces, for phrases a table cell may wrap."""
    return " ".join(text.split())


def test_the_shared_sheet_holds_what_was_agreed(store: Store, demo: int):
    data = build_pdf(take_snapshot(store, demo))
    assert data.startswith(b"%PDF")
    text = flat(pdf_text(data))
    for expected in (
        DEMO_TITLE,
        "mandag den 27. april 2026",
        "Hotel Nyborg Strand",
        "Facilitator: Sofie Lund",
        "Vesterhavs Kommune",
        "Klimatilpasningschef",
        "Den fælles forandringsambition",
        "Et klimarobust kystlandskab",
        "Aftaleskitse: samspillet",
        "Kommunen er tovholder det første år",
        "Aftaleskitse: hvor langt kan vi være sammen?",
        "Relationer & Ressourcer",
        "Tidsrammer & Leverancer",
        "Konceptudvikling",
        "Forhindringer",
        "Få mandat fra direktionen",
        "15.05.2026",
        "Vi beslutter i enighed",
        "Tiltrådt af partnerne",
        "Side 1 af",
    ):
        assert expected in text, expected
    # The vague action has no owner or date, and the sheet says so rather than leaving a gap.
    assert "ikke aftalt" in text


def test_a_partners_sheet_puts_its_own_actions_first(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    karen = find_partner(snapshot, "Karen Holm")
    text = flat(pdf_text(build_pdf(snapshot, partner=karen)))
    assert "Aftaleark for Lodsejerforeningen Kystlandet" in text
    own = text.index("Det gør Lodsejerforeningen Kystlandet")
    everything = text.index("Alle aftaler")
    generalforsamling = text.index("Tag forslaget med til lodsejerforeningens")
    assert own < generalforsamling < everything
    # Mette's action comes only in the full list, after Karen's own.
    assert text.index("Få mandat fra direktionen") > everything
    # Only Karen signs her sheet.
    signatures = text[text.index("Tiltrådt af partnerne") :]
    assert "Lodsejerforeningen Kystlandet" in signatures
    assert "Vesterhavs Forsyning" not in signatures


def test_the_sheet_in_english(store: Store, demo: int):
    text = flat(pdf_text(build_pdf(take_snapshot(store, demo), language="en")))
    for expected in ("Next-steps sheet", "Monday 27 April 2026", "Relationships & Resources", "By when", "Page 1 of"):
        assert expected in text, expected
    assert "Side 1 af" not in text


def test_partners_are_found_by_name_organisation_or_initials(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    assert find_partner(snapshot, "mk").name == "Mette Kjær"
    assert find_partner(snapshot, "vesterhavs forsyning").name == "Jonas Friis"
    with pytest.raises(ExportError) as missing:
        find_partner(snapshot, "Zorro")
    assert "Zorro" in missing.value.message("da")
    assert "Vesterhavs Kommune" in missing.value.message("da")


def _crowded_session(store: Store, program) -> int:
    session_id = store.create_session(program, title="Stor session ÆØÅ 🌊", date=DAY, venue="Sønderborg")
    partners = [
        store.add_partner(session_id, f"Partner {index} Ærø-Østergård 👩‍🔬", organisation=f"Organisation {index} Å/S")
        for index in range(8)
    ]
    for index in range(100):
        store.add_action(
            session_id,
            ("relations", "timelines", "concept", "obstacles")[index % 4],
            f"Handling {index}: " + "skriv et notat om grundvand og kystsikring " * (1 + index % 5),
            owner_partner_id=partners[index % 8].id,
            with_whom="Kystdirektoratet, Miljøstyrelsen og lodsejerne ved fjorden",
            due=DAY + dt.timedelta(days=index),
        )
    store.set_form_text(session_id, "ambition", "what", ("Et langt afsnit om kysten og fjorden. " * 270)[:10_000])
    return session_id


def test_a_crowded_session_gives_a_valid_sheet(store: Store, program):
    session_id = _crowded_session(store, program)
    data = build_pdf(take_snapshot(store, session_id))
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages > 5
    text = flat(pdf_text(data))
    assert f"Side {pages} af {pages}" in text
    assert "Handling 99" in text
    # Every action table's header comes back on the pages it continues on.
    assert text.count("Hvornår") >= 5
    assert "Ærø-Østergård" in text


def test_emoji_print_as_symbols_and_only_scripts_the_fonts_lack_become_marks():
    assert printable("Æble på Ærø") == "Æble på Ærø"
    # No shaping: a sequence prints as its parts; joiners, tones and selectors are left out.
    assert printable("Hej 👨‍👩‍👧 🇩🇰 👍🏽 ❤️!") == "Hej 👨👩👧 🇩🇰 👍 ❤!"
    assert printable("漢字 ok") == f"{REPLACEMENT}{REPLACEMENT} ok"
    assert runs("Kyst 🌊 ok", BOLD) == [(BOLD, "Kyst "), (EMOJI, "🌊"), (BOLD, " ok")]


def test_emoji_in_titles_partners_and_actions_print_in_the_sheet(store: Store, program):
    session_id = store.create_session(program, title="Kystpartnerskab 🌊", date=DAY)
    partner = store.add_partner(session_id, "Mette Kjær 👩‍🔬", organisation="Vesterhavs Kommune 🏛️")
    store.add_action(session_id, "relations", "Plant 100 træer 🌳 ved diget", owner_partner_id=partner.id)
    data = build_pdf(take_snapshot(store, session_id))
    text = pdf_text(data)
    for symbol in ("🌊", "👩", "🔬", "🏛", "🌳"):
        assert symbol in text, symbol
    assert REPLACEMENT not in text
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(data)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("NotoEmoji" in font for font in fonts), fonts


def test_a_word_wider_than_its_column_is_hyphenated_never_cut(store: Store, program):
    session_id = store.create_session(program, title="Kystpartnerskab", date=DAY)
    partner = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    store.add_action(
        session_id,
        "relations",
        "Tag kystbeskyttelsesplanen med til udvalget",
        owner_partner_id=partner.id,
        how_much="1 udvalgsmøde",
        due=DAY,
    )
    store.add_action(
        session_id, "timelines", "Send tallene", with_whom="kyst@vesterhavs.dk", how_much="12345678901234", due=DAY
    )
    data = build_pdf(take_snapshot(store, session_id))
    # "Hvor meget" is too narrow for the word: it breaks at a Danish hyphenation point, with a hyphen.
    assert how_drawn(data, "udvalgsmøde") == {"hyphenated"}
    # What is not a word (an address, a number) breaks with a hyphen too.
    assert how_drawn(data, "kyst@vesterhavs.dk") == {"hyphenated"}
    assert how_drawn(data, "12345678901234") == {"hyphenated"}
    # Words that fit their column wrap at spaces and stay whole.
    assert how_drawn(data, "kystbeskyttelsesplanen") == {"whole"}
    assert how_drawn(data, "udvalget") == {"whole"}


def test_only_words_wider_than_the_column_get_break_points():
    narrow = ColumnHyphenator(width=40, size=8.7)
    assert narrow("møde") == []
    pairs = narrow("udvalgsmøde")
    assert ("udvalgs", "møde") in pairs
    assert all(head + tail == "udvalgsmøde" for head, tail in pairs)
    # A syllable wider than the column can still break, between letters, as a last resort.
    assert ("udvalgsm", "øde") in ColumnHyphenator(width=5, size=8.7)("udvalgsmøde")


def test_actions_round_trip_through_csv(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    data = actions_csv(snapshot)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == [
        "Område",
        "Hvad",
        "Ansvarlig partner",
        "Ansvarlig person",
        "Med hvem",
        "Hvor meget",
        "Hvornår",
        "Overskredet",
        "Status",
    ]
    assert len(rows) == len(snapshot.actions) + 1
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Hvad"] == "Få mandat fra direktionen til en fælles forprojektansøgning"
    assert first["Ansvarlig partner"] == "Vesterhavs Kommune"
    assert first["Hvornår"] == "2026-05-15"
    assert first["Status"] == "I gang"
    # On the demo day (27 April 2026) nothing is late yet.
    assert [row[7] for row in rows[1:]] == [""] * len(snapshot.actions)


def test_the_csv_marks_the_actions_overdue_on_the_meetings_day(store: Store, demo: int):
    store.update_session(demo, date=dt.date(2026, 6, 1))
    snapshot = take_snapshot(store, demo)
    rows = list(csv.reader(io.StringIO(actions_csv(snapshot, "en").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][7] == "Overdue"
    marked = {row[1]: row[7] for row in rows[1:]}
    late = {
        action.what
        for action in snapshot.actions
        if action.due and action.due < dt.date(2026, 6, 1) and action.status not in ("done", "dropped")
    }
    assert late
    assert {what for what, mark in marked.items() if mark == "yes"} == late
    assert set(marked.values()) == {"yes", ""}


def test_csv_keeps_odd_text_intact_and_harmless(store: Store, program):
    session_id = store.create_session(program, title="Odd")
    store.add_action(session_id, "concept", '=SUM(A1); "quoted", æøå ÆØÅ')
    rows = list(
        csv.reader(io.StringIO(actions_csv(take_snapshot(store, session_id)).decode("utf-8-sig")), delimiter=";")
    )
    # The leading apostrophe stops Excel from running the cell as a formula.
    assert rows[1][1] == '\'=SUM(A1); "quoted", æøå ÆØÅ'


def test_the_calendar_has_one_all_day_event_per_due_date(store: Store, demo: int):
    snapshot = take_snapshot(store, demo)
    data = actions_ics(snapshot, now=dt.datetime(2026, 4, 27, 15, 0, tzinfo=dt.UTC))
    assert all(len(line.encode()) <= 75 for line in data.decode().split("\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    dated = [action for action in snapshot.actions if action.due]
    assert len(events) == len(dated) == len(snapshot.actions) - 1
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2026, 5, 15)
    assert (
        str(first["SUMMARY"])
        == "Få mandat fra direktionen til en fælles forprojektansøgning (Vesterhavs Kommune (Mette Kjær))"
    )
    assert "Relationer & Ressourcer" in str(first["DESCRIPTION"])
    assert len({str(event["UID"]) for event in events}) == len(events)


@pytest.mark.parametrize("language", ["da", "en"])
def test_an_actions_parts_have_one_name_in_sheet_spreadsheet_and_calendar(store: Store, demo: int, language: str):
    snapshot = take_snapshot(store, demo)
    sheet = flat(pdf_text(build_pdf(snapshot, language=language)))
    header = " | ".join(
        next(csv.reader(io.StringIO(actions_csv(snapshot, language).decode("utf-8-sig")), delimiter=";"))
    )
    events = icalendar.Calendar.from_ical(actions_ics(snapshot, language)).walk("VEVENT")
    descriptions = " ".join(str(event["DESCRIPTION"]) for event in events)
    for part in ("what", "owner", "with_whom", "how_much", "due", "status"):
        assert ACTION_LABELS[part].get(language) in sheet, part
    for part in ("area", "what", "owner", "with_whom", "how_much", "due", "status"):
        assert ACTION_LABELS[part].get(language) in header, part
    for part in ("area", "owner", "with_whom", "how_much"):
        assert f"{ACTION_LABELS[part].get(language)}: " in descriptions, part


def test_a_failed_write_leaves_the_old_file_alone(tmp_path: Path):
    target = tmp_path / "aftaleark.pdf"
    target.write_bytes(b"old")
    save(target, b"new")
    assert target.read_bytes() == b"new"
    with pytest.raises(ExportError) as refused:
        save(tmp_path / "missing" / "x.pdf", b"data")
    assert "mappen findes ikke" in refused.value.message("da")
    assert not list(tmp_path.glob(".*.part"))


def test_an_unwritable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Tests may run as root, who can write anywhere, so the refusal is staged.
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("facilitator.files.tempfile.mkstemp", refuse)
    with pytest.raises(ExportError) as refused:
        save(tmp_path / "x.pdf", b"data")
    assert "der er ikke skriveadgang til mappen" in refused.value.message("da")
    assert "the folder is not writable" in refused.value.message("en")


# The command line ----------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path, demo_database: DatabaseTemplate) -> Path:
    """A data directory holding the demo session."""
    directory = tmp_path / "cli-data"
    demo_database.copy_to(directory / "facilitator.sqlite3")
    return directory


def test_export_writes_sheet_csv_and_calendar(data_dir: Path, tmp_path: Path, capsys):
    pdf, table, calendar = tmp_path / "ark.pdf", tmp_path / "handlinger.csv", tmp_path / "frister.ics"
    args = [
        "--data-dir",
        str(data_dir),
        "export",
        DEMO_TITLE,
        "--pdf",
        str(pdf),
        "--csv",
        str(table),
        "--ics",
        str(calendar),
    ]
    assert main(args) == 0
    assert "Få mandat fra direktionen" in flat(pdf_text(pdf.read_bytes()))
    assert table.read_bytes().startswith("\ufeff".encode())
    assert icalendar.Calendar.from_ical(calendar.read_bytes())
    assert str(pdf) in capsys.readouterr().out


def test_export_for_one_partner_by_id(data_dir: Path, tmp_path: Path):
    pdf = tmp_path / "karen.pdf"
    assert main(["--data-dir", str(data_dir), "export", "1", "--pdf", str(pdf), "--partner", "KH"]) == 0
    assert "Aftaleark for Lodsejerforeningen Kystlandet" in flat(pdf_text(pdf.read_bytes()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "Ukendt session", "--pdf", "{tmp}/x.pdf"], "Sessionen »Ukendt session« findes ikke"),
        (["export", "1", "--pdf", "{tmp}/no/such/folder/x.pdf"], "kan ikke gemmes"),
        (["export", "1", "--pdf", "{tmp}/x.pdf", "--partner", "Zorro"], "Partneren »Zorro« er ikke med"),
        (["export", "1", "--pdf", "{tmp}/x.pdf", "--sheet", "report", "--partner", "MK"], "kun aftalearket"),
        (["export", "1"], "Angiv mindst én"),
    ],
)
def test_export_fails_clearly_with_exit_code_2(data_dir: Path, tmp_path: Path, capsys, args, message):
    filled = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    assert main(["--data-dir", str(data_dir), *filled]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_sheet_is_an_argument_error(data_dir: Path, tmp_path: Path):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(data_dir), "export", "1", "--pdf", str(tmp_path / "x.pdf"), "--sheet", "poster"])
    assert exited.value.code == 2


@pytest.fixture
def umask():
    """Set the process's umask for one test, and put the old one back."""
    import os

    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


def test_exported_files_get_the_users_umask_like_any_other_program(tmp_path: Path, demo_database, umask):
    demo_database.copy_to(tmp_path / "data" / "facilitator.sqlite3")
    umask(0o022)
    pdf, table, calendar, session = (tmp_path / name for name in ("ark.pdf", "h.csv", "f.ics", "s.json"))
    data = ["--data-dir", str(tmp_path / "data"), "export", DEMO_TITLE]
    assert main([*data, "--pdf", str(pdf), "--csv", str(table), "--ics", str(calendar), "--file", str(session)]) == 0
    assert {path.stat().st_mode & 0o777 for path in (pdf, table, calendar, session)} == {0o644}
    umask(0o027)
    (tmp_path / "new.csv").unlink(missing_ok=True)
    assert main([*data, "--csv", str(tmp_path / "new.csv")]) == 0
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o640


def test_a_replaced_export_keeps_its_own_permissions(tmp_path: Path, umask):
    from facilitator.files import write_file

    umask(0o022)
    target = tmp_path / "ark.pdf"
    write_file(target, b"first")
    target.chmod(0o640)
    write_file(target, b"second")
    assert target.read_bytes() == b"second"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["ark.pdf"]  # no temporary file left
