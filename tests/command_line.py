"""The command line as a user meets it: a process of its own, and what a refusal must look like."""

from __future__ import annotations

import os
import subprocess
import sys


def run_facilitator(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m facilitator ARGS` in a new process; its output read as UTF-8 whatever the locale.

    Starting a process costs about a second of imports, so only the tests about the process
    itself (its exit code, nothing printed but our one line) run it; the rest call `main`.
    """
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def assert_refused_in_one_line(code: int, out: str, err: str, *parts: str) -> str:
    """The command was refused as a user's mistake should be; its one line, which holds every part.

    Exit code 2, nothing on standard output, and on standard error exactly one line,
    "facilitator: " and the message, with no traceback. Takes `main`'s return value with capsys's output, or a finished process's.
    """
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("facilitator: "), lines[0]
    for part in parts:
        assert part in lines[0], part
    return lines[0]
