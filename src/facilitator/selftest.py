"""`facilitator --self-test`: prove that this install works, without touching the user's data.

Runs the app's main paths once in a fresh temporary data folder: the bundled resources are
found, the store opens (and migrates), the method's program loads, the demo session is
made, the next-steps sheet renders as PDF in both languages, the partners' room serves its
page on the loopback address, Qt starts with its own Danish strings and the main window
opens on that session. One line per check, "ok   ..." or
"FAIL ...", and exit status 0 only if every check passed. The temporary folder is removed
afterwards; nothing leaves the computer (the room listens on 127.0.0.1 only, for itself).

Meant for a freshly built bundle (packaging/build-linux.sh runs it) and for support: a
facilitator whose app misbehaves can run it and read the lines out. Qt is only imported
for the last checks, through facilitator.ui, so the core stays free of it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeVar

from facilitator import __version__
from facilitator.paths import AppPaths, default_program_path, resource_path
from facilitator.text import UserError

T = TypeVar("T")

#: The first bytes of each kind of file the checks open.
_TRUETYPE_MAGIC = b"\x00\x01\x00\x00"
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: The window icon the app loads.
WINDOW_ICON = ("icons", "facilitator-256.png")
#: UI translations that must ship (Danish is the source language; its file holds the plurals).
TRANSLATIONS = ("facilitator_da.qm", "facilitator_en.qm")
#: The checks that need a session, in order; when one fails the rest are reported as not run.
_SESSION_CHECKS = ("store", "demo session", "PDF", "room", "Qt", "Qt translations", "main window")


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


class _Failed:
    """What `_Report.check` returns when the check failed."""


FAILED = _Failed()


class _Report:
    """Runs checks, prints one line for each and remembers whether any failed."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.checks = 0
        self.failures = 0

    def check(self, label: str, action: Callable[[], T], detail: Callable[[T], str] = str) -> T | _Failed:
        """Run `action`; print "ok   label: detail" or "FAIL label: reason". Returns its result or FAILED."""
        self.checks += 1
        try:
            result = action()
            text = detail(result)
        except Exception as error:  # a self-test reports every failure and goes on
            if isinstance(error, CheckFailed):
                reason = str(error)
            elif isinstance(error, UserError):
                reason = error.message("en")
            else:
                reason = f"{type(error).__name__}: {error}"
            self.failures += 1
            self.line(f"FAIL {label}: {reason}")
            return FAILED
        self.line(f"ok   {label}" + (f": {text}" if text else ""))
        return result

    def not_run(self, labels: tuple[str, ...], needs: str) -> None:
        for label in labels:
            self.checks += 1
            self.failures += 1
            self.line(f"FAIL {label}: not run, because the {needs} check failed")

    def summary(self) -> int:
        if self.failures:
            self.line(f"self-test FAILED: {self.failures} of {self.checks} checks failed (facilitator {__version__})")
            return 1
        self.line(f"self-test passed: {self.checks} checks (facilitator {__version__})")
        return 0

    def line(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def _expect_file(parts: tuple[str, ...], magic: bytes, kind: str) -> Path:
    path = resource_path(*parts)
    try:
        start = path.read_bytes()[: len(magic)]
    except OSError as error:
        raise CheckFailed(f"{kind} {'/'.join(parts)} not found at {path} ({error.strerror or error})") from None
    if start != magic:
        raise CheckFailed(f"{path} is not a {kind}")
    return path


def _check_version() -> str:
    if __version__ == "0.0.0":
        raise CheckFailed("the version is unknown (this install lacks the package metadata)")
    return __version__


def _check_fonts() -> str:
    from facilitator.export import fonts

    names = sorted(fonts._FILES.values())  # the files every PDF embeds
    for name in names:
        _expect_file(("fonts", name), _TRUETYPE_MAGIC, "TrueType font")
    return ", ".join(names)


def _check_translations() -> str:
    for name in TRANSLATIONS:
        _expect_file(("translations", name), _QM_MAGIC, "Qt translation")
    return ", ".join(TRANSLATIONS)


def _check_icon() -> str:
    _expect_file(WINDOW_ICON, _PNG_MAGIC, "PNG image")
    return "/".join(WINDOW_ICON)


def _check_program() -> str:
    from facilitator.program import build_schedule, format_clock, load_program

    program = load_program(default_program_path())
    schedule = build_schedule(program, "09:00")
    titles = [program.title, *(item.title for item in program.items)]
    titles += [step.title for part in program.parts for step in part.steps]
    untranslated = [title.da for title in titles if not title.en]
    if untranslated:
        raise CheckFailed(f"no English title for {', '.join(untranslated[:3])}")
    day = f"{format_clock(schedule.start)}-{format_clock(schedule.end)}"
    steps = sum(len(part.steps) for part in program.parts)
    return f"{program.title.get('da')} / {program.title.get('en')}: {len(program.parts)} parts, {steps} steps, {day}"


def _make_demo(store: Any) -> int:
    from facilitator.demo import create_demo_session

    session_id = create_demo_session(store)
    store.set_last_session_id(session_id)
    return session_id


def _build_pdfs(store: Any, session_id: int, folder: Path) -> str:
    from facilitator.export import build_pdf, save, take_snapshot

    snapshot = take_snapshot(store, session_id)
    sizes = []
    for language in ("da", "en"):
        data = build_pdf(snapshot, "next-steps", language)
        if not data.startswith(b"%PDF-"):
            raise CheckFailed(f"the {language} next-steps sheet does not start with %PDF-")
        path = save(folder / f"next-steps-{language}.pdf", data)
        if path.read_bytes() != data:
            raise CheckFailed(f"{path.name} was not written whole")
        sizes.append(f"{language} {len(data) // 1024} KiB")
    return "next-steps sheet, " + ", ".join(sizes)


def _check_room(store: Any, session_id: int) -> str:
    """The room's server starts, and its page, script and state come back over loopback.

    A bundle that forgot the page's files or one of uvicorn's parts fails here, not in
    front of the partners.
    """
    import urllib.request

    from facilitator.room.gate import DirectGate
    from facilitator.room.room import Room
    from facilitator.room.server import RoomServer

    server = RoomServer(Room(DirectGate(store), session_id), "127.0.0.1", 0)
    server.start()
    # No proxy from the environment: this request is for this computer alone.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    sizes = []
    try:
        for name, expected in (("", b"<!doctype html"), ("room.js", b""), ("api/state", b"{")):
            with opener.open(server.url + name, timeout=10) as response:
                body = response.read()
            if response.status != 200 or not body or not body.lower().startswith(expected):
                raise CheckFailed(f"the room's {name or 'page'} came back as {response.status}, {len(body)} bytes")
            sizes.append(len(body))
    finally:
        server.stop()
    return f"page, script and state served on 127.0.0.1 ({sum(sizes) // 1024} KiB)"


def _use_offscreen_if_no_screen() -> None:
    """On Linux and the BSDs without a display Qt would abort: draw offscreen instead."""
    if sys.platform in ("win32", "darwin"):
        return
    if not any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _start_qt() -> Any:
    _use_offscreen_if_no_screen()
    from facilitator.ui.app import application

    return application()


def _check_qt_translations(app: Any) -> str:
    """Qt's own strings (standard buttons) come from qtbase_da.qm in Qt's translations folder."""
    from facilitator.ui.appearance import install_translators

    install_translators(app, "da")
    cancel = app.translate("QPlatformTheme", "Cancel")
    if cancel == "Cancel":
        raise CheckFailed("qtbase_da.qm was not loaded from Qt's translations folder")
    return f"qtbase_da.qm, Cancel = {cancel}"


def _open_window(app: Any, store: Any, paths: AppPaths, session_id: int) -> str:
    from facilitator.demo import DEMO_TITLE
    from facilitator.ui.app import build_main_window

    window = build_main_window(store, paths, "da")
    try:
        window.show()
        app.processEvents()
        page = window.session_page
        if page is None or page.session_id != session_id:
            raise CheckFailed("the main window did not reopen the demo session")
        title = window.windowTitle()
        if DEMO_TITLE not in title:
            raise CheckFailed(f"the window title is {title!r}")
    finally:
        closed = window.close()
        app.processEvents()
    if not closed:
        raise CheckFailed("the main window refused to close")
    return f"{title!r} on the {app.platformName()} platform"


def _check_session(report: _Report, folder: Path) -> None:
    """The checks that need a store: each runs only if the one before it passed."""
    from facilitator.store import Store

    paths = AppPaths(folder / "data")

    def open_store() -> Store:
        paths.ensure()
        return Store(paths.database)

    store = report.check("store", open_store, lambda _: "new database in a temporary folder")
    if isinstance(store, _Failed):
        report.not_run(_SESSION_CHECKS[1:], "store")
        return
    try:
        session_id = report.check("demo session", lambda: _make_demo(store), lambda _: "created and set to reopen")
        if isinstance(session_id, _Failed):
            report.not_run(_SESSION_CHECKS[2:], "demo session")
            return
        report.check("PDF", lambda: _build_pdfs(store, session_id, folder))
        report.check("room", lambda: _check_room(store, session_id))
        app = report.check("Qt", _start_qt, lambda app: f"{app.platformName()} platform")
        if isinstance(app, _Failed):
            report.not_run(_SESSION_CHECKS[4:], "Qt")
            return
        report.check("Qt translations", lambda: _check_qt_translations(app))
        report.check("main window", lambda: _open_window(app, store, paths, session_id))
    finally:
        store.close()


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print one line each to `out` (stdout if None); 0 if all passed, else 1."""
    report = _Report(out if out is not None else sys.stdout)
    report.check("version", _check_version)
    report.check("fonts", _check_fonts)
    report.check("app translations", _check_translations)
    report.check("window icon", _check_icon)
    report.check("program", _check_program)
    folder = Path(tempfile.mkdtemp(prefix="facilitator-self-test-"))
    try:
        _check_session(report, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report.summary()
