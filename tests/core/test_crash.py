"""Killed with SIGKILL mid-stream, the store keeps every edit it had reported as saved.

Each run starts `tests/crash/store_child.py` on a copy of the demo session; the child makes
seeded edits of every kind through the public Store API and reports each one when the call
returns. The run kills it after a seeded number of reports, then checks the file with
`PRAGMA integrity_check` and compares the reopened session with exactly the edits reported
(plus, at most, the one in flight). `bench/crash_soak.py` runs many more rounds; its
figures are in docs/benchmarks.md ("Crash soak").
"""

from __future__ import annotations

import signal

import pytest

from tests.crash.harness import Template, make_template, store_round

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@pytest.fixture(scope="module")
def template(tmp_path_factory, demo_database) -> Template:
    return make_template(tmp_path_factory.mktemp("crash-template"), demo_database)


@pytest.mark.parametrize("seed", range(8))
def test_a_killed_store_keeps_every_edit_it_reported_saved(seed, template, tmp_path):
    result = store_round(seed, tmp_path / "round", template, max_edits=100)
    assert result.edits >= 1
