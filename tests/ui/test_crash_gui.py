"""Killed with SIGKILL while a user works, the app keeps what it showed as done.

Each run starts the real main window offscreen in `tests/crash/gui_child.py` and drives it
with QTest on the real clock: elements typed into a circle with Enter, actions added in the
quick entry, statuses ticked, actions deleted, post-its moved with the arrow keys, and
text typed at a typist's pace into joint forms and step notes. After the kill, every
discrete action reported done must be in the database, and typed text at most
`LAG_LIMIT` (one second) behind the keyboard. `bench/crash_soak.py` runs many more rounds;
its figures are in docs/benchmarks.md ("Crash soak").
"""

from __future__ import annotations

import signal

import pytest

from tests.crash.harness import Template, gui_round, make_template

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@pytest.fixture(scope="module")
def template(tmp_path_factory, demo_database) -> Template:
    return make_template(tmp_path_factory.mktemp("crash-template"), demo_database)


# Seeds whose runs together cover every kind of action, with typed text due on disk, in a
# few seconds each; the soak script covers the rest of the seed space.
@pytest.mark.parametrize("seed", [4, 8, 13])
def test_a_killed_app_keeps_every_action_it_showed_and_typing_is_at_most_a_second_behind(seed, template, tmp_path):
    result = gui_round(seed, tmp_path / "round", template, max_reports=25)
    assert result.edits >= 1
