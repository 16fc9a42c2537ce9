"""Follow-up meetings: what a follow-up carries and leaves, statuses with history, overdue actions.

Time comes from a `ManualClock`, never from the computer: "overdue" must not depend on the
day the tests run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.conversation.action_status import (
    LIGHTS,
    check_light,
    is_overdue,
    light_label,
    overdue_first,
)
from facilitator.conversation.next_steps import STATUSES, Action
from facilitator.program import Program
from facilitator.store import Store, StoreError
from facilitator.timing.clock import ManualClock

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
