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

import shutil
import signal

import pytest

from facilitator.ui.workspaces.circles import CircleWorkspace
from tests.crash.harness import LAG_LIMIT, Template, check_integrity, gui_round, make_template, run_child

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


def test_words_typed_in_a_circle_without_enter_are_back_in_the_line_after_a_kill(template, app_runner, tmp_path):
    step_id, field_id, text = "delsession-1-individuelt", "why", "Medlemmerne mister jord ved"
    app_runner.paths.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template.path, app_runner.paths.database)
    run = run_child(
        "tests.crash.draft_child",
        [str(app_runner.paths.data_dir), step_id, field_id, text],
        folder=tmp_path,
        kill_after=1,
        # Typed text is kept within LAG_LIMIT of the last key, Enter or not.
        jitter=LAG_LIMIT,
        timeout=90,
    )
    [report] = [message for message in run.messages if "ok" in message]
    assert report["shown"] == text
    check_integrity(app_runner.paths.database, "entry-line draft")

    _window, _page, workspace = app_runner.open_step(step_id, kind=CircleWorkspace)
    assert workspace.current_circle().id == report["circle"]
    assert workspace.canvas.cards[field_id].entry.text() == text
