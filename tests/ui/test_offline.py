"""The app never touches the network: a whole day, from demo to documents, opens no network socket."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from facilitator.export import build_pdf, take_snapshot

_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_watching = False
_seen: list[str] = []


def _audit(event: str, args: tuple) -> None:
    # Audit hooks cannot be removed, so this one only records while a test is watching.
    if not _watching:
        return
    if event == "socket.__new__":
        family = args[1]
        if family in _NETWORK_FAMILIES:
            _seen.append(f"{event} family={family}")
    elif event in {"socket.connect", "socket.bind", "socket.sendto"}:
        address = args[1]
        if not isinstance(address, str | bytes):  # AF_UNIX addresses are paths
            _seen.append(f"{event} {address!r}")
    elif event in {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"}:
        _seen.append(f"{event} {args[0]!r}")


sys.addaudithook(_audit)


def _inet_socket_inodes() -> set[str]:
    """Inodes of this process's open IPv4/IPv6 sockets (Linux), including ones Qt opened in C++."""
    proc = Path("/proc/self")
    if not (proc / "net" / "tcp").exists():
        return set()
    inet: set[str] = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = proc / "net" / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inet.add(fields[9])
    mine = set()
    for fd in (proc / "fd").iterdir():
        try:
            target = fd.readlink()
        except OSError:
            continue
        name = str(target)
        if name.startswith("socket:["):
            mine.add(name[len("socket:[") : -1])
    return mine & inet


def test_a_whole_day_opens_no_network_socket(qtbot, app_runner, tmp_path, monkeypatch):
    global _watching
    before = _inet_socket_inodes()
    _seen.clear()
    _watching = True
    try:
        window = app_runner.start()
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
        page = window.session_page
        assert page is not None
        window.toggle_projector()
        steps = list(page.context.program.step_ids())
        page.go_to_step(steps[0])
        for _ in steps[1:]:
            window.next_action.trigger()
            QApplication.processEvents()
        assert page.current_step_id == steps[-1]
        window.close_projector()
        window.make_backup("manual")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "dag.json"), ""))
        window.export_file_action.trigger()
        snapshot = take_snapshot(app_runner.store, page.session_id)
        for sheet in ("next-steps", "report"):
            assert build_pdf(snapshot, sheet).startswith(b"%PDF")
        app_runner.stop()
    finally:
        _watching = False
    assert (tmp_path / "dag.json").is_file()
    assert _seen == []
    assert _inet_socket_inodes() - before == set()


def test_the_watch_would_notice_a_network_socket():
    """The guard itself works: a plain TCP socket is seen."""
    global _watching
    _seen.clear()
    _watching = True
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.bind(("127.0.0.1", 0))
        probe.listen()
        if sys.platform.startswith("linux"):
            assert _inet_socket_inodes(), "a listening TCP socket shows up in /proc too"
        probe.close()
    finally:
        _watching = False
    assert _seen == [f"socket.__new__ family={socket.AF_INET}", "socket.bind ('127.0.0.1', 0)"]
    _seen.clear()
