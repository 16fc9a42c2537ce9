"""`facilitator room SESSION` as a user runs it: a process of its own, its address first, a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.__main__ import main
from facilitator.paths import AppPaths
from facilitator.store import Store
from tests.command_line import assert_refused_in_one_line
from tests.room_client import CIRCLE_STEP, Client, make_session


@pytest.fixture
def data_dir(paths, store: Store, program) -> tuple[Path, int, list[int]]:
    """A data directory holding one session (at no step yet); the test's store is closed for the process."""
    session_id, partners, _actions = make_session(store, program)
    store.update_session(session_id, current_step_id=None)
    store.close()
    return paths.data_dir, session_id, partners


def _start(data: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--data-dir", str(data), "room", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_room_prints_its_address_first_serves_and_stops_cleanly(data_dir, stop_with):
    data, session_id, partners = data_dir
    process = _start(data, str(session_id), "--bind", "127.0.0.1", "--step", CIRCLE_STEP)
    try:
        first = process.stdout.readline().strip()
        assert first.startswith("http://127.0.0.1:"), first
        assert "/r/" in first
        client = Client(first)
        assert client.join(partners[0]).status == 200
        # No facilitator to approve: the device may write at once.
        answer = client.request("POST", "api/elements", {"circle": None, "field": "what", "text": "Forberedt hjemme"})
        assert answer.status == 201
        port = int(first.split(":")[2].split("/")[0])
        process.send_signal(stop_with)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert out == ""
    assert "godkendes" in err
    assert "every device that picks a partner is approved" in err
    assert "Traceback" not in err
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    store = Store(AppPaths.resolve(data).database)
    try:
        [element] = store.elements(session_id)
        assert (element.text, element.written_on_device) == ("Forberedt hjemme", True)
    finally:
        store.close()


def test_a_name_instead_of_an_address_is_refused(data_dir, capsys):
    data, session_id, _partners = data_dir
    code = main(["--data-dir", str(data), "room", str(session_id), "--bind", "mylaptop.local"])
    out, err = capsys.readouterr()
    assert_refused_in_one_line(code, out, err, "mylaptop.local", "IP")


def test_an_unknown_step_is_refused(data_dir, capsys):
    data, session_id, _partners = data_dir
    code = main(["--data-dir", str(data), "room", str(session_id), "--bind", "127.0.0.1", "--step", "ingen"])
    out, err = capsys.readouterr()
    assert_refused_in_one_line(code, out, err, "ingen")


def test_a_port_in_use_is_refused_in_one_line(data_dir, capsys):
    data, session_id, _partners = data_dir
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--data-dir", str(data), "room", str(session_id), "--bind", "127.0.0.1", "--port", str(port)])
    out, err = capsys.readouterr()
    assert_refused_in_one_line(code, out, err, f"127.0.0.1:{port}")
