"""The partnership's action log: every action of its meetings once, filtered, as CSV and calendar.

"Today" is a `ManualClock`'s date, never the computer's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar
import pytest

from facilitator.export import action_log_csv, action_log_ics, actions_ics, take_snapshot
from facilitator.store import Store, StoreError
from facilitator.timing.clock import ManualClock

CLOCK = ManualClock(dt.datetime(2026, 6, 24, 8, 0, tzinfo=dt.UTC))


def _followup(store: Store, session_id: int, date: dt.date) -> int:
    source = store.get_session(session_id)
    return store.create_followup(
        session_id,
        program_name=source.program_name,
        program_text=source.program_text,
        date=date,
        title=store.followup_title(session_id),
    ).id


@pytest.fixture
def three_meetings(store: Store, demo: int) -> tuple[int, int, int]:
    """The demo day, a follow-up two months later and one in the autumn, with statuses set between."""
    actions = store.actions(demo)
    store.update_action(actions[0].id, status="done")
    second = _followup(store, demo, dt.date(2026, 6, 24))
    carried = store.actions(second)
    store.set_action_status(carried[0].id, status="started", light="yellow", comment="Afventer svar", by="Mette")
    store.set_action_status(carried[1].id, status="dropped", light="red", comment="Ikke længere aktuelt")
    store.add_action(second, "concept", "Nyt: kortlæg lodsejernes ønsker til diget", due=dt.date(2026, 8, 1))
    third = _followup(store, second, dt.date(2026, 10, 1))
    store.set_action_status(store.actions(third)[0].id, status="done", light="green", comment="Svar modtaget")
    return demo, second, third


def test_the_log_holds_every_action_once_as_the_latest_meeting_left_it(store: Store, three_meetings):
    first, second, third = three_meetings
    partnership = store.partnership_of(first)
    log = store.action_log(partnership.id)
    uids = [entry.action.uid for entry in log]
    assert len(uids) == len(set(uids))
    all_uids = {a.uid for session in three_meetings for a in store.actions(session)}
    assert set(uids) == all_uids
    by_uid = {entry.action.uid: entry for entry in log}
    carried_on = store.actions(third)[0]
    entry = by_uid[carried_on.uid]
    assert (entry.session_id, entry.first_session_id, entry.session_ids) == (third, first, (first, second, third))
    assert (entry.action.status, entry.action.light, entry.action.status_comment) == ("done", "green", "Svar modtaget")
    assert entry.session_title == store.get_session(third).title
    assert entry.session_date == dt.date(2026, 10, 1)
    # Done at the first meeting: not carried, still in the log, from the meeting that closed it.
    closed = store.actions(first)[0]
    assert by_uid[closed.uid].session_id == first
    assert by_uid[closed.uid].action.status == "done"
    # Dropped at the second: the log keeps it with its words.
    dropped = next(a for a in store.actions(second) if a.status == "dropped")
    assert by_uid[dropped.uid].session_id == second
    # First agreed first: the first meeting's actions before the one added at the second.
    new_uid = next(a.uid for a in store.actions(second) if a.what.startswith("Nyt:"))
    assert uids.index(new_uid) > max(uids.index(a.uid) for a in store.actions(first))


def test_the_log_filters_by_partner_status_and_overdue(store: Store, three_meetings):
    first, _second, third = three_meetings
    partnership = store.partnership_of(first)
    log = store.action_log(partnership.id)
    # A partner of the first meeting is the same partner (name and organisation) in the others.
    owner = next(p for p in store.partners(first) if any(e.owner.startswith(p.organisation) for e in log))
    owned = store.action_log(partnership.id, partner_id=owner.id)
    assert owned
    assert all(entry.owner.startswith(owner.organisation) for entry in owned)
    assert {e.action.uid for e in owned} == {e.action.uid for e in log if e.owner.startswith(owner.organisation)}
    same_partner_later = next(p for p in store.partners(third) if p.organisation == owner.organisation)
    assert store.action_log(partnership.id, partner_id=same_partner_later.id) == owned
    assert [e.action.status for e in store.action_log(partnership.id, status="dropped")] == ["dropped"]
    today = CLOCK.wall().date()
    overdue = store.action_log(partnership.id, overdue_on=today)
    assert overdue
    assert all(e.action.due < today and e.action.status not in ("done", "dropped") for e in overdue)
    CLOCK_LATER = ManualClock(dt.datetime(2027, 6, 1, 8, 0, tzinfo=dt.UTC))
    assert len(store.action_log(partnership.id, overdue_on=CLOCK_LATER.wall().date())) >= len(overdue)
    with pytest.raises(StoreError):
        store.action_log(partnership.id, partner_id=999_999)


def test_the_log_as_csv_for_excel(store: Store, three_meetings):
    first = three_meetings[0]
    log = store.action_log(store.partnership_of(first).id)
    data = action_log_csv(log, CLOCK.wall().date(), "da")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Område", "Hvad", "Ansvarlig"]
    assert "Overskredet" in rows[0]
    assert len(rows) == len(log) + 1
    overdue_column = rows[0].index("Overskredet")
    assert {row[overdue_column] for row in rows[1:]} <= {"ja", "nej"}
    assert any("Grøn: on track" in row for row in rows[1:])
    assert any("Rød: ikke i gang" in row for row in rows[1:])


def test_the_logs_calendar_uids_are_the_actions_uids_in_every_meeting(store: Store, three_meetings):
    first, second, _third = three_meetings
    log = store.action_log(store.partnership_of(first).id)
    calendar = icalendar.Calendar.from_ical(action_log_ics(log, "Kystpartnerskabet", now=CLOCK.wall()))
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == sum(1 for entry in log if entry.action.due is not None)
    # The first meeting's calendar and the second's name each carried action by the same UID.
    first_day = {
        str(e["UID"]) for e in icalendar.Calendar.from_ical(actions_ics(take_snapshot(store, first))).walk("VEVENT")
    }
    second_day = {
        str(e["UID"]) for e in icalendar.Calendar.from_ical(actions_ics(take_snapshot(store, second))).walk("VEVENT")
    }
    carried = {a.uid for a in store.actions(second) if a.due} & {a.uid for a in store.actions(first)}
    assert carried
    for uid in carried:
        [in_first] = [u for u in first_day if u.startswith(uid)]
        assert in_first in second_day
        assert in_first in events
    dropped = next(event for event in events.values() if str(event["STATUS"]) == "CANCELLED")
    assert "Ikke længere aktuelt" in str(dropped["DESCRIPTION"])


def test_the_log_on_the_command_line(paths, store: Store, demo: int, tmp_path, capsys):
    from facilitator.__main__ import main
    from facilitator.demo import create_demo_followup
    from tests.command_line import assert_refused_in_one_line

    followup = create_demo_followup(store, demo)
    alone = store.create_session(store.get_session(demo).program(), title="Uden partnerskab")
    store.close()
    base = ["--data-dir", str(paths.data_dir), "log"]
    assert main([*base, str(followup), "--status", "dropped"]) == 0
    [line] = capsys.readouterr().out.strip().splitlines()
    assert line.endswith("Kig på hvad de har gjort i Esbjerg")
    assert "Opgivet" in line.split("\t")
    assert main([*base, str(demo), "--partner", "Karen Holm"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines
    assert all("Lodsejerforeningen Kystlandet" in line for line in lines)
    target_csv, target_ics = tmp_path / "log.csv", tmp_path / "log.ics"
    assert main([*base, str(demo), "--csv", str(target_csv), "--ics", str(target_ics)]) == 0
    assert capsys.readouterr().out.count("Gemt: ") == 2
    assert target_csv.read_bytes().startswith("\ufeff".encode())
    assert icalendar.Calendar.from_ical(target_ics.read_bytes()).walk("VEVENT")
    code = main([*base, str(alone)])
    assert_refused_in_one_line(code, *capsys.readouterr(), "hører ikke til et partnerskab")
