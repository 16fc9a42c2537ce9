"""Session files: a whole session as one JSON file, to move it to a co-facilitator's laptop or archive it.

Plain Python (no Qt, no ReportLab at import). The format is described field by field in
docs/session-file.md; what goes in it is decided by `facilitator.store.session_document`
and `facilitator.store.transfer`, what an import accepts by
`facilitator.store.session_check`; this module turns documents into bytes and back:

    document = store.export_session(session_id)
    write_session_file(path, document)
    ...
    document = read_session_file(path)            # SessionFileError (a UserError) if broken
    session_id = store.import_session(document)   # SessionExists if it is already here
"""

from __future__ import annotations

import json
from pathlib import Path

from facilitator.store.session_check import check_session_document
from facilitator.store.session_document import FORMAT_NAME, FORMAT_VERSION, SessionDocument, SessionFileError
from facilitator.store.session_values import read_integer
from facilitator.store.transfer import IMPORTED_SUFFIX, ON_EXISTING, SessionExists
from facilitator.text import Text, safe_file_name

SUFFIX = ".json"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # json.loads would quietly keep the last of two equal keys; a file that says two
    # things about one field is broken, not ambiguous.
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def dump_session(document: SessionDocument) -> bytes:
    """The document as session file bytes: checked, canonical, UTF-8, indented, with a final newline.

    The same session always gives the same bytes. SessionFileError if the document could
    not be imported again.
    """
    canonical = check_session_document(document, exporting=True)
    return (json.dumps(canonical, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def _fail(source: str, problem: Text, expected: Text, location: str = "") -> SessionFileError:
    name = f" {source}" if source else ""
    where_da = f"{location}: " if location else ""
    where_en = f"{location}: " if location else ""
    return SessionFileError(
        Text(
            f"Sessionsfilen{name} kan ikke indlæses: {where_da}{problem.da}. Forventet: {expected.da}.",
            f"The session file{name} cannot be imported: {where_en}{problem.get('en')}. Expected: {expected.get('en')}.",
        ),
        location=location,
    )


_EXPECTED_FILE = Text(
    "en sessionsfil, som Facilitator gemmer den (JSON)", "a session file as Facilitator saves it (JSON)"
)


def _cut_off(source: str, text: str) -> SessionFileError:
    end = len(text.rstrip())
    line = text.count("\n", 0, end) + 1
    column = end - (text.rfind("\n", 0, end) + 1) + 1
    return _fail(
        source,
        Text(
            f"filen slutter midt i JSON-teksten (linje {line}, kolonne {column}); den er nok blevet afkortet",
            f"the file ends in the middle of the JSON (line {line}, column {column}); it was probably cut off",
        ),
        Text("en hel sessionsfil", "a complete session file"),
    )


def load_session(data: bytes, source: str = "") -> SessionDocument:
    """Parse and check session file bytes; SessionFileError saying where and what if they are broken.

    `source` names the file in messages.
    """
    try:
        # utf-8-sig: a file opened and saved in Notepad starts with a byte order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            # Cut off in the middle of a character: the file was cut off, not mis-encoded.
            raise _cut_off(source, data[: error.start].decode("utf-8-sig", "replace")) from None
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise _fail(
            source,
            Text(
                f"byte {error.start} (linje {line}, kolonne {column}) er ikke UTF-8",
                f"byte {error.start} (line {line}, column {column}) is not UTF-8",
            ),
            Text("en tekstfil i UTF-8", "a text file in UTF-8"),
        ) from None
    if not text.strip():
        raise _fail(source, Text("filen er tom", "the file is empty"), _EXPECTED_FILE)
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=read_integer)
    except json.JSONDecodeError as error:
        # A string that never ends ran into the end of the file, wherever it started.
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise _cut_off(source, text) from None
        where = Text(f"linje {error.lineno}, kolonne {error.colno}", f"line {error.lineno}, column {error.colno}")
        raise _fail(
            source,
            Text(f"{where.da}: ikke gyldig JSON ({error.msg})", f"{where.en}: not valid JSON ({error.msg})"),
            _EXPECTED_FILE,
        ) from None
    except _DuplicateKey as error:
        raise _fail(
            source,
            Text(
                f"nøglen {json.dumps(error.key)} står to gange i samme objekt",
                f"the key {json.dumps(error.key)} appears twice in one object",
            ),
            Text("hver nøgle én gang pr. objekt", "each key once per object"),
        ) from None
    except RecursionError:
        raise _fail(
            source, Text("JSON-teksten er for dybt indlejret", "the JSON is nested too deeply"), _EXPECTED_FILE
        ) from None
    return check_session_document(document, source=source)


def read_session_file(path: Path | str) -> SessionDocument:
    """Read and check a session file; SessionFileError (a UserError) with a message for the user."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            reason = Text("filen findes ikke", "the file does not exist")
        elif isinstance(error, IsADirectoryError):
            reason = Text("det er en mappe", "it is a folder")
        elif isinstance(error, PermissionError):
            reason = Text("der er ikke adgang til den", "access is denied")
        else:
            reason = Text(error.strerror or type(error).__name__)
        raise SessionFileError(
            Text(
                f"Sessionsfilen {path} kan ikke læses: {reason.da}.",
                f"The session file {path} cannot be read: {reason.get('en')}.",
            )
        ) from None
    return load_session(data, str(path))


def write_session_file(path: Path | str, document: SessionDocument) -> Path:
    """Write the document as a session file, whole or not at all; returns the path written.

    ExportError if the file cannot be written (missing folder, no permission, full disk).
    """
    from facilitator.export.files import write_file

    target = Path(path).expanduser()
    write_file(target, dump_session(document))
    return target


def default_file_name(title: str) -> str:
    """A file name for the session's file, made from its title."""
    return safe_file_name(title) + SUFFIX


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "IMPORTED_SUFFIX",
    "ON_EXISTING",
    "SUFFIX",
    "SessionDocument",
    "SessionExists",
    "SessionFileError",
    "default_file_name",
    "dump_session",
    "load_session",
    "read_session_file",
    "write_session_file",
]
