"""Session files as a real day met them: values that hang the board, cycles, backups, numbered copies.

The table of broken documents is in tests/core/test_session_file.py; these are the cases
found by using the app (issue 18), each with what it must do now.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.__main__ import main
from facilitator.demo import DEMO_TITLE
from facilitator.export.session_file import IMPORTED_SUFFIX, SessionFileError, dump_session, load_session
from facilitator.store import Store
from tests.command_line import assert_refused_in_one_line
from tests.databases import DatabaseTemplate


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_database: DatabaseTemplate) -> bytes:
    with demo_database.open_copy(tmp_path_factory.mktemp("demo")) as store:
        return dump_session(store.export_session(demo_database.session_id))


def _document(data: bytes) -> dict:
    return json.loads(data.decode("utf-8"))


def _encode(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _refused(document: dict, *parts: str) -> SessionFileError:
    with pytest.raises(SessionFileError) as raised:
        load_session(_encode(document), "kyst.json")
    message = raised.value.message()
    for part in parts:
        assert part in message
    english = raised.value.message("en")
    assert english.startswith("The session file kyst.json cannot be imported: ")
    return raised.value


# --- 2. a replacing import backs up first, from the menu and the command line alike ------


def test_import_replace_on_the_command_line_makes_a_backup_first(tmp_path: Path, capsys, demo_file):
    file = tmp_path / "kyst.json"
    file.write_bytes(demo_file)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(file)]) == 0
    store = Store(data / "facilitator.sqlite3")
    try:
        assert [backup.reason for backup in store.backups.list()] == []
    finally:
        store.close()
    assert main(["--data-dir", str(data), "import", str(file), "--replace"]) == 0
    capsys.readouterr()
    store = Store(data / "facilitator.sqlite3")
    try:
        assert "import" in [backup.reason for backup in store.backups.list()]
    finally:
        store.close()


def test_a_replace_that_cannot_back_up_replaces_nothing(store, demo_file, monkeypatch):
    from facilitator.store import StoreError
    from facilitator.text import Text

    session_id = store.import_session(load_session(demo_file))
    store.update_session(session_id, title="Min udgave")

    def no_backup(*_args, **_kwargs):
        raise StoreError(Text("Sikkerhedskopien kunne ikke laves.", "The backup could not be made."))

    monkeypatch.setattr(store.backups, "make", no_backup)
    with pytest.raises(StoreError, match="Sikkerhedskopien"):
        store.import_session(load_session(demo_file), on_existing="replace")
    assert store.get_session(session_id).title == "Min udgave"


# --- 8. copies kept beside each other are numbered --------------------------------------


def test_a_second_keep_both_import_numbers_the_copy(tmp_path: Path, capsys, demo_file):
    file = tmp_path / "kyst.json"
    file.write_bytes(demo_file)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(file)]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    assert main(["--data-dir", data, "import", str(file), "--keep-both"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[1:] == [
        f"Indlæst: »{DEMO_TITLE}{IMPORTED_SUFFIX}« (id 2)",
        f"Indlæst: »{DEMO_TITLE} (importeret 2)« (id 3)",
        f"Indlæst: »{DEMO_TITLE} (importeret 3)« (id 4)",
    ]


def test_refused_in_one_line_is_still_one_line_for_a_cycle(tmp_path: Path, capsys, demo_file):
    document = _document(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"], second["board"]["merged_into"] = second["id"], first["id"]
    file = tmp_path / "kyst.json"
    file.write_bytes(_encode(document))
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(file)])
    assert_refused_in_one_line(code, *capsys.readouterr(), "merged_into")


def _two_notes_on_one_board(document: dict) -> tuple[dict, dict]:
    on_board = [element for element in document["elements"] if element["board"] is not None]
    first = on_board[0]
    second = next(e for e in on_board[1:] if e["kind"] == first["kind"] and e["board"]["merged_into"] is None)
    return first, second


# --- 3. merged notes lead to a note on the board ----------------------------------------


def test_a_merge_cycle_is_refused_naming_the_ring(demo_file):
    document = _document(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"], second["board"]["merged_into"] = second["id"], first["id"]
    index = document["elements"].index(first)
    _refused(document, f"elements[{index}].board.merged_into: sammenlægningerne går i ring", "ender i en post-it")


def test_a_longer_ring_is_refused_too(demo_file):
    document = _document(demo_file)
    kind = document["elements"][0]["kind"]
    ring = [e for e in document["elements"] if e["kind"] == kind and e["board"] is not None][:3]
    for element, target in zip(ring, ring[1:] + ring[:1], strict=True):
        element["board"]["merged_into"] = target["id"]
    _refused(document, "går i ring")


def test_a_merge_chain_that_ends_off_the_board_is_refused(demo_file):
    document = _document(demo_file)
    first, second = _two_notes_on_one_board(document)
    first["board"]["merged_into"] = second["id"]
    second["board"] = None
    _refused(document, "som ikke er på tavlen")


def test_a_chain_of_merges_that_ends_on_the_board_is_kept(demo_file):
    document = _document(demo_file)
    kind = document["elements"][0]["kind"]
    chain = [e for e in document["elements"] if e["kind"] == kind and e["board"] is not None][:3]
    for element in chain:
        element["board"]["merged_into"] = None
    chain[0]["board"]["merged_into"] = chain[1]["id"]
    chain[1]["board"]["merged_into"] = chain[2]["id"]
    loaded = load_session(_encode(document))
    assert loaded["elements"][document["elements"].index(chain[0])]["board"]["merged_into"] is not None
