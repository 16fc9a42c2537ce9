"""The export's own process: PDFs are built there, so the window's thread keeps the interpreter."""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.export import ExportError, build_pdf, find_partner, take_snapshot
from facilitator.export import process as export_process
from facilitator.files import WriteError
from facilitator.store.session_document import SessionFileError
from facilitator.text import Text, UserError


@pytest.fixture(autouse=True)
def _own_process():
    yield
    export_process.shutdown()


def test_the_document_is_built_in_another_process_and_comes_back_whole(store, demo):
    snapshot = take_snapshot(store, demo)

    assert export_process.build_elsewhere(os.getpid) != os.getpid()
    built = export_process.build_elsewhere(build_pdf, snapshot, "next-steps", "da")

    assert built.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(built)).pages) >= 1


def test_the_process_is_kept_for_the_next_document():
    first = export_process.build_elsewhere(os.getpid)

    assert export_process.build_elsewhere(os.getpid) == first


def test_a_users_error_in_the_process_comes_back_with_its_words_in_both_languages(store, demo):
    snapshot = take_snapshot(store, demo)

    with pytest.raises(ExportError) as raised:
        export_process.build_elsewhere(find_partner, snapshot, "Ingen Sådan Partner")

    assert "Ingen Sådan Partner" in raised.value.message("da")
    assert "is not in the session" in raised.value.message("en")


def test_a_bug_in_the_process_comes_back_as_the_same_exception(store, demo):
    snapshot = take_snapshot(store, demo)

    with pytest.raises(ValueError, match="unknown sheet"):
        export_process.build_elsewhere(build_pdf, snapshot, "no-such-sheet")


def test_a_process_that_dies_is_told_and_the_next_export_gets_a_new_one():
    with pytest.raises(ExportError) as raised:
        export_process.build_elsewhere(os._exit, 3)

    assert "stoppede uventet" in raised.value.message("da")
    assert export_process.build_elsewhere(os.getpid) != os.getpid()


def test_where_no_process_can_start_the_document_is_built_here(monkeypatch):
    def no_processes(_method):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)

    assert export_process.build_elsewhere(os.getpid) == os.getpid()


@pytest.mark.parametrize(
    "error",
    [
        UserError(Text("Dansk", "English")),
        ExportError(Text("Kan ikke", "Cannot")),
        SessionFileError(Text("Forkert", "Wrong"), location="actions[2]"),
        WriteError(Path("rapport.pdf"), Text("Disken er fuld", "The disk is full")),
    ],
    ids=["user", "export", "session-file-with-location", "write-with-path"],
)
def test_every_users_error_survives_the_trip_between_processes(error):
    back = pickle.loads(pickle.dumps(error))

    assert type(back) is type(error)
    assert back.text == error.text
    assert back.message("en") == error.message("en")
    assert back.__dict__ == error.__dict__
