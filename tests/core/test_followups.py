"""Follow-up meetings: what a follow-up carries and leaves, statuses with history, overdue actions.

Time comes from a `ManualClock`, never from the computer: "overdue" must not depend on the
day the tests run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.__main__ import main
from facilitator.conversation.action_status import (
    LIGHTS,
    check_light,
    is_open,
    is_overdue,
    light_label,
    overdue_first,
)
from facilitator.conversation.next_steps import STATUSES, Action
from facilitator.demo import DEMO_TITLE
from facilitator.paths import default_program_path
from facilitator.program import Program, load_program
from facilitator.store import Store, StoreError
from facilitator.text import UserError
from facilitator.timing.clock import ManualClock
from tests.command_line import assert_refused_in_one_line

#: The day of the follow-up in these tests: two months after the demo day.
CLOCK = ManualClock(dt.datetime(2026, 6, 24, 8, 0, tzinfo=dt.UTC))


def _followup(store: Store, session_id: int, *, title: str = "Opfølgning", date: dt.date | None = None):
    source = store.get_session(session_id)
    return store.create_followup(
        session_id,
        program_name=source.program_name,
        program_text=source.program_text,
        date=date or CLOCK.wall().date(),
        title=title,
    )


# The words ------------------------------------------------------------------------------


def test_the_statuses_and_lights_are_the_issues_and_the_kkr_words():
    assert {key: text.da for key, text in STATUSES.items()} == {
        "open": "Ikke startet",
        "started": "I gang",
        "done": "Færdig",
        "dropped": "Opgivet",
    }
    assert {key: text.da for key, text in LIGHTS.items()} == {
        "green": "Grøn: on track",
        "yellow": "Gul: i proces",
        "red": "Rød: ikke i gang",
    }
    assert light_label("red", "en") == "Red: not started"
    assert light_label(None, "da") == "Ingen status givet"
    assert check_light("") is None
    with pytest.raises(ValueError, match="blue"):
        check_light("blue")


# Overdue, against a fake clock ------------------------------------------------------------


def _action(due: dt.date | None, status: str = "open", action_id: int = 1) -> Action:
    return Action(id=action_id, session_id=1, area="relations", position=action_id, what="Ring", due=due, status=status)


def test_an_action_is_overdue_the_day_after_its_due_date_until_it_is_done_or_dropped():
    clock = ManualClock(dt.datetime(2026, 5, 15, 9, 0, tzinfo=dt.UTC))
    action = _action(dt.date(2026, 5, 15))
    assert not is_overdue(action, clock.wall().date())  # due today is not late yet
    clock.advance(24 * 60 * 60)
    today = clock.wall().date()
    assert is_overdue(action, today)
    assert is_overdue(_action(dt.date(2026, 5, 15), "started"), today)
    assert not is_overdue(_action(dt.date(2026, 5, 15), "done"), today)
    assert not is_overdue(_action(dt.date(2026, 5, 15), "dropped"), today)
    assert not is_overdue(_action(None), today)


def test_overdue_actions_come_first_earliest_first():
    today = CLOCK.wall().date()
    actions = [
        _action(dt.date(2026, 9, 1), action_id=1),
        _action(dt.date(2026, 6, 1), action_id=2),
        _action(dt.date(2026, 5, 1), action_id=3),
        _action(dt.date(2026, 5, 1), "done", action_id=4),
    ]
    assert [action.id for action in overdue_first(actions, today)] == [3, 2, 1, 4]


# Status, light, comment and history ---------------------------------------------------------


def test_setting_a_status_keeps_who_said_what_when(store: Store, demo: int):
    action = store.actions(demo)[0]
    said = CLOCK.wall()
    changed = store.set_action_status(
        action.id, status="started", light="yellow", comment="Ansøgningen er sendt", by="Mette Kjær", now=said
    )
    assert (changed.status, changed.light, changed.status_comment) == ("started", "yellow", "Ansøgningen er sendt")
    assert changed.status_changed_at == said.replace(tzinfo=None)
    assert store.action(action.id) == changed
    [entry] = store.action_history(action.id)
    assert (entry.status, entry.light, entry.comment, entry.by, entry.session_id) == (
        "started",
        "yellow",
        "Ansøgningen er sendt",
        "Mette Kjær",
        demo,
    )
    assert entry.at == said.replace(tzinfo=None)
    # None leaves a part as it is; the same values again add nothing to the history.
    store.set_action_status(action.id, light="yellow", now=said)
    assert len(store.action_history(action.id)) == 1
    cleared = store.set_action_status(action.id, light="", now=said + dt.timedelta(minutes=1))
    assert (cleared.light, cleared.status, cleared.status_comment) == (None, "started", "Ansøgningen er sendt")
    assert len(store.action_history(action.id)) == 2


def test_a_status_change_in_the_next_steps_table_is_history_too(store: Store, demo: int):
    action = store.actions(demo)[0]
    other = next(status for status in STATUSES if status != action.status)
    store.update_action(action.id, status=other)
    assert [entry.status for entry in store.action_history(action.id)] == [other]
    store.update_action(action.id, what="Ny formulering af handlingen")
    assert len(store.action_history(action.id)) == 1


def test_restore_undoes_a_status_change_and_its_history(store: Store, demo: int):
    action = store.actions(demo)[0]
    store.set_action_status(action.id, light="green", comment="Godt på vej", now=CLOCK.wall())
    before, length = store.action(action.id), len(store.action_history(action.id))
    store.set_action_status(action.id, status="dropped", light="red", comment="Opgivet", by="Jonas")
    restored = store.restore_action_status(before, length)
    assert restored == before
    assert len(store.action_history(action.id)) == length


def test_a_bad_status_or_light_is_refused_and_nothing_changes(store: Store, demo: int):
    action = store.actions(demo)[0]
    with pytest.raises(ValueError, match="blue"):
        store.set_action_status(action.id, light="blue")
    with pytest.raises(ValueError, match="finished"):
        store.set_action_status(action.id, status="finished")
    with pytest.raises(StoreError) as raised:
        store.set_action_status(action.id, comment="x" * 3000)
    assert "2000" in raised.value.message("en")
    assert store.action(action.id) == action
    assert store.action_history(action.id) == []


# Partnerships -------------------------------------------------------------------------------


def test_sessions_join_a_partnership_by_name(store: Store, program: Program):
    first = store.create_session(program, title="Første møde")
    second = store.create_session(program, title="Andet møde")
    alone = store.create_session(program, title="Uden partnerskab")
    partnership = store.set_partnership(first, "Kystpartnerskabet")
    assert partnership is not None
    joined = store.set_partnership(second, "  kystpartnerskabet ")
    assert joined is not None
    assert joined.id == partnership.id
    assert joined.session_ids == (first, second)
    assert store.partnership_of(alone) is None
    assert store.partnerships() == [joined]
    assert store.previous_session(second) == first
    assert store.previous_session(first) is None
    assert store.set_partnership(second, "") is None
    assert store.partnership_of(second) is None
    store.delete_session(first)
    assert store.partnerships() == []


def test_a_partnership_without_a_name_is_refused(store: Store, program: Program):
    session_id = store.create_session(program, title="Møde")
    partnership = store.set_partnership(session_id, "Kyst")
    with pytest.raises(StoreError) as raised:
        store.rename_partnership(partnership.id, "   ")
    assert "navn" in raised.value.message("da")
    assert store.partnership(partnership.id).name == "Kyst"


# Carrying over ------------------------------------------------------------------------------


def test_a_follow_up_carries_what_was_agreed(store: Store, demo: int):
    before = store.actions(demo)
    done = before[0]
    store.update_action(done.id, status="done")
    dropped = before[1]
    store.set_action_status(dropped.id, status="dropped", comment="Ikke længere relevant", by="Mette")
    carried_one = before[2]
    store.set_action_status(carried_one.id, light="yellow", comment="Mangler svar", by="Jonas", now=CLOCK.wall())
    history = store.action_history(carried_one.id)

    followup = _followup(store, demo, title="Kystpartnerskab – 2. møde")

    assert (followup.title, followup.date) == ("Kystpartnerskab – 2. møde", CLOCK.wall().date())
    source = store.get_session(demo)
    assert (followup.venue, followup.facilitator, followup.program_text) == (
        source.venue,
        source.facilitator,
        source.program_text,
    )
    fields = ("position", "name", "organisation", "role", "mandate", "why_now", "colour")
    partners = store.partners(followup.id)
    assert [tuple(getattr(p, f) for f in fields) for p in partners] == [
        tuple(getattr(p, f) for f in fields) for p in store.partners(demo)
    ]
    assert {p.id for p in partners}.isdisjoint({p.id for p in store.partners(demo)})
    assert store.principles(followup.id) == store.principles(demo)
    for form_id in ("ambition", "interplay", "scaling", "decisions"):
        assert store.form_texts(followup.id, form_id) == store.form_texts(demo, form_id)
    assert store.form_texts(followup.id, "decisions")  # the decision rule is among them

    open_before = [a for a in store.actions(demo) if a.status not in ("done", "dropped")]
    carried = store.actions(followup.id)
    assert [a.uid for a in carried] == [a.uid for a in open_before]
    assert done.uid not in {a.uid for a in carried}
    assert dropped.uid not in {a.uid for a in carried}
    names = {p.id: p.name for p in store.partners(demo)}
    new_names = {p.id: p.name for p in partners}
    session_uid = store.session_uid(demo)
    for old, new in zip(open_before, carried, strict=True):
        assert (new.what, new.area, new.due, new.status, new.light, new.status_comment, new.owner_person) == (
            old.what,
            old.area,
            old.due,
            old.status,
            old.light,
            old.status_comment,
            old.owner_person,
        )
        assert new_names.get(new.owner_partner_id) == names.get(old.owner_partner_id)
        assert new.session_id == followup.id
        assert new.origin_session_uid == session_uid
    same = next(a for a in carried if a.uid == carried_one.uid)
    assert store.action_history(same.id) == history
    # The source session keeps every action, closed ones included.
    assert [a.uid for a in store.actions(demo)] == [a.uid for a in before]


def test_a_follow_up_is_a_new_day(store: Store, demo: int):
    assert store.circles(demo)
    assert store.elements(demo)
    assert store.timer_events(demo)
    followup = _followup(store, demo)
    assert store.circles(followup.id) == []
    assert store.elements(followup.id) == []
    assert store.timer_events(followup.id) == []
    assert store.step_notes(followup.id) == {}
    assert store.checklist(followup.id) == {}
    assert store.form_sources(followup.id) == []
    plan = store.day_plan(followup.id)
    assert (plan.minutes, plan.skipped) == ({}, frozenset())
    for kind in ("change", "contribution", "scaling"):
        assert store.board_state(followup.id, kind).notes == {}
    assert followup.current_step_id == next(iter(followup.program().step_ids()))


def test_follow_ups_line_up_in_one_partnership(store: Store, demo: int):
    assert store.partnership_of(demo) is None
    assert store.followup_title(demo).endswith(" – 2. møde")
    second = _followup(store, demo, title=store.followup_title(demo))
    partnership = store.partnership_of(demo)
    assert partnership is not None
    assert partnership.name == store.get_session(demo).title
    assert partnership.session_ids == (demo, second.id)
    assert second.title == f"{partnership.name} – 2. møde"
    third = _followup(store, second.id, title=store.followup_title(second.id))
    assert third.title == f"{partnership.name} – 3. møde"
    assert store.partnership_of(third.id).session_ids == (demo, second.id, third.id)
    assert store.previous_session(third.id) == second.id
    # The same action, three sessions: one uid, one calendar origin.
    uids = [{a.uid for a in store.actions(session)} for session in (demo, second.id, third.id)]
    assert uids[2] <= uids[1] <= uids[0]
    assert {a.origin_session_uid for a in store.actions(third.id)} == {store.session_uid(demo)}


def test_a_broken_program_for_the_follow_up_is_refused_and_nothing_is_stored(store: Store, demo: int):
    sessions = store.list_sessions()
    with pytest.raises(UserError) as raised:
        store.create_followup(demo, program_name="brudt.toml", program_text="[[ikke toml", date=None, title="X")
    assert "brudt.toml" in raised.value.message("da")
    assert store.list_sessions() == sessions
    assert store.partnership_of(demo) is None


# The command line ---------------------------------------------------------------------------


def test_followup_on_the_command_line_prints_id_and_title(paths, demo: int, store: Store, capsys):
    store.close()
    code = main(["--data-dir", str(paths.data_dir), "followup", str(demo), "--date", "2026-06-24"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    new_id, title = out.rstrip("\n").split("\t")
    reopened = Store(paths.database)
    try:
        created = reopened.get_session(int(new_id))
        assert created.title == title == f"{DEMO_TITLE} – 2. møde"
        assert created.date == dt.date(2026, 6, 24)
        assert reopened.partnership_of(demo).session_ids == (demo, int(new_id))
    finally:
        reopened.close()


def test_followup_with_its_own_program_and_title(paths, demo: int, store: Store, capsys, tmp_path):
    store.close()
    program = tmp_path / "opfølgning.toml"
    program.write_text(default_program_path().read_text(encoding="utf-8"), encoding="utf-8")
    code = main(
        ["--data-dir", str(paths.data_dir), "followup", str(demo), "--program", str(program), "--title", "Juni"]
    )
    out, _err = capsys.readouterr()
    assert code == 0
    new_id, title = out.strip().split("\t")
    assert title == "Juni"
    reopened = Store(paths.database)
    try:
        assert reopened.get_session(int(new_id)).program_name == "opfølgning.toml"
    finally:
        reopened.close()


@pytest.mark.parametrize("damage", ["gone", "broken"])
def test_a_follow_up_of_a_session_whose_program_file_is_gone_or_broken_still_opens(paths, tmp_path, capsys, damage):
    program_file = tmp_path / "eget-program.toml"
    program_file.write_text(default_program_path().read_text(encoding="utf-8"), encoding="utf-8")
    store = Store(paths.database)
    try:
        session_id = store.create_session(load_program(program_file), title="Eget program")
    finally:
        store.close()
    if damage == "gone":
        program_file.unlink()
    else:
        program_file.write_text('[program]\nid = "halv', encoding="utf-8")
    code = main(["--data-dir", str(paths.data_dir), "followup", str(session_id)])
    out, _err = capsys.readouterr()
    assert code == 0
    new_id = int(out.split("\t")[0])
    store = Store(paths.database)
    try:
        created = store.get_session(new_id)
        assert created.program_name == "eget-program.toml"
        assert created.program().step_ids()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("extra", "parts"),
    [
        (["--date", "2026-13-01"], ["--date", "ÅÅÅÅ-MM-DD"]),
        (["--program", "findes-ikke.toml"], ["findes-ikke.toml"]),
    ],
    ids=["date", "program"],
)
def test_followup_refuses_bad_input_in_one_line_and_stores_nothing(paths, demo, store, capsys, extra, parts):
    store.close()
    code = main(["--data-dir", str(paths.data_dir), "followup", str(demo), *extra])
    out, err = capsys.readouterr()
    assert_refused_in_one_line(code, out, err, *parts)
    reopened = Store(paths.database)
    try:
        assert [summary.id for summary in reopened.list_sessions()] == [demo]
    finally:
        reopened.close()


# The demo -----------------------------------------------------------------------------------


def test_the_demo_has_a_follow_up_two_months_later_with_green_yellow_and_red(store: Store, demo: int):
    from facilitator.demo import DEMO_FOLLOWUP_DATE, create_demo_followup

    followup = create_demo_followup(store, demo)
    session = store.get_session(followup)
    assert session.date == DEMO_FOLLOWUP_DATE == store.get_session(demo).date + dt.timedelta(days=58)
    assert store.partnership_of(followup).session_ids == (demo, followup)
    actions = store.actions(followup)
    assert {a.light for a in actions} >= {"green", "yellow", "red"}
    assert {a.status for a in actions} >= {"open", "started", "done", "dropped"}
    assert all(a.status_comment for a in actions if a.light)
    late = [a for a in actions if is_overdue(a, DEMO_FOLLOWUP_DATE)]
    assert late, "a real follow-up has late actions to talk about"
    carried_open = [a for a in actions if a.origin_session_uid and is_open(a)]
    on_time = [a for a in carried_open if not is_overdue(a, DEMO_FOLLOWUP_DATE)]
    assert on_time, "and carried ones still on time"
    assert {a.light for a in late} == {"yellow", "red"}
    assert {a.light for a in on_time} == {"yellow", "green"}
    assert any(a.origin_session_uid == "" for a in actions), "and new ones agreed at the meeting"
    for action in actions:
        if action.light:
            assert store.action_history(action.id)[-1].light == action.light


def test_the_demo_follow_up_runs_the_opfoelgningsmoede_program_and_stands_at_its_status_step(store: Store, demo: int):
    from facilitator.demo import create_demo_followup

    session = store.get_session(create_demo_followup(store, demo))
    program = session.program()
    assert program.id == "opfoelgningsmoede"
    _part, step = program.find_step(session.current_step_id)
    assert step.workspace == "status"
    assert session.program_text != store.get_session(demo).program_text


def test_an_action_uid_is_unique_per_session_not_per_database(store: Store, demo: int):
    import sqlite3

    followup = _followup(store, demo)
    carried = store.actions(followup.id)[0]
    assert carried.uid in {a.uid for a in store.actions(demo)}
    with sqlite3.connect(store.path) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute(
            "INSERT INTO actions (session_id, uid, area, position, what, owner_person, with_whom, how_much, "
            "status, deleted, created_at, updated_at) SELECT session_id, uid, area, 99, what, '', '', '', "
            "status, 0, created_at, updated_at FROM actions WHERE id = ?",
            (carried.id,),
        )


def test_the_history_outlives_the_meeting_it_was_said_at(store: Store, demo: int):
    action = store.actions(demo)[1]
    store.set_action_status(action.id, light="red", comment="Ingen tid endnu", by="Karen", now=CLOCK.wall())
    followup = _followup(store, demo)
    carried = next(a for a in store.actions(followup.id) if a.uid == action.uid)
    store.delete_session(demo)
    [entry] = store.action_history(carried.id)
    assert (entry.light, entry.comment, entry.by, entry.session_id) == ("red", "Ingen tid endnu", "Karen", None)
    assert store.partnership_of(followup.id).session_ids == (followup.id,)
