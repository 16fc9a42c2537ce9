"""What the store keeps for the room: where an element was written, and private circles."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.store import Store


@pytest.fixture
def session(store: Store, program) -> tuple[int, int, int]:
    """A session with two partners; returns (session id, first partner id, second partner id)."""
    session_id = store.create_session(program, title="Kystpartnerskab", date=dt.date(2026, 4, 27))
    first = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune")
    second = store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning")
    return session_id, first.id, second.id


def test_an_element_remembers_it_was_written_on_a_device(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    typed = store.add_element(circle, "what", "Skrevet ved tastaturet")
    phoned = store.add_element(circle, "what", "Skrevet på telefonen", written_on_device=True)
    assert (typed.written_on_device, phoned.written_on_device) == (False, True)
    assert [e.written_on_device for e in store.elements(session_id)] == [False, True]


def test_a_circle_first_written_on_a_device_is_private_until_revealed(store: Store, session):
    session_id, mette, jonas = session
    mine = store.ensure_circle(session_id, mette, "change")
    assert mine.revealed
    store.add_element(mine.id, "what", "Privat tanke", written_on_device=True)
    theirs = store.ensure_circle(session_id, jonas, "change")
    store.add_element(theirs.id, "what", "Skrevet af facilitator")
    store.add_element(theirs.id, "what", "Siden fra telefonen", written_on_device=True)
    shown = {c.partner_id: c.revealed for c in store.circles(session_id)}
    # A circle the facilitator already wrote in stays as it was.
    assert shown == {mette: False, jonas: True}


def test_revealing_a_kind_returns_the_circles_changed_for_undo(store: Store, session):
    session_id, mette, jonas = session
    for partner in (mette, jonas):
        circle = store.ensure_circle(session_id, partner, "change")
        store.add_element(circle.id, "what", "Fra telefonen", written_on_device=True)
    other_kind = store.ensure_circle(session_id, mette, "contribution")
    store.add_element(other_kind.id, "resources", "Privat bidrag", written_on_device=True)

    changed = store.set_circles_revealed(session_id, "change", True)
    assert sorted(c.partner_id for c in changed) == sorted([mette, jonas])
    assert all(c.revealed for c in changed)
    assert store.set_circles_revealed(session_id, "change", True) == []
    assert not store.circles(session_id, kind="contribution")[0].revealed

    for circle in changed:
        store.set_circle_revealed(circle.id, False)
    assert [c.revealed for c in store.circles(session_id, kind="change")] == [False, False]
    only_jonas = store.set_circles_revealed(session_id, "change", True, partner_id=jonas)
    assert [c.partner_id for c in only_jonas] == [jonas]


def test_a_removed_device_element_comes_back_with_its_mark(store: Store, session):
    session_id, mette, _ = session
    circle = store.ensure_circle(session_id, mette, "change").id
    element = store.add_element(circle, "what", "Fra telefonen", written_on_device=True)
    store.remove_element(element.id)
    assert store.restore_element(element.id) == element
