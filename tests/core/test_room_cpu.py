"""What one add and one page's state read cost the store under the room's load, and that the
lean paths they take store and show the same as before.

Sixty devices with their pages make some 300 adds and 300 state reads a second, all through one
interpreter; the room's server spent most of its CPU building SQLAlchemy statements and ORM
objects, and in a savepoint around every store call inside a batch (docs/room.md, "Load").
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from facilitator.conversation import VALUE_FORM_IDS
from facilitator.room import writes
from facilitator.room.view import page_state
from facilitator.store import Store, StoreError
from facilitator.store.models import CircleRow, SessionRow
from tests.room_client import make_session

pytestmark = pytest.mark.both_engines

NOW = dt.datetime(2026, 4, 27, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def session(store: Store, program) -> tuple[int, list[int]]:
    session_id, partners, _actions = make_session(store, program)
    return session_id, partners


class _Statements:
    """The SQL statements sent on the store's engine while it listens."""

    def __init__(self, store: Store) -> None:
        self.sent: list[str] = []
        event.listen(store._engine, "before_cursor_execute", self._statement)

    def _statement(self, _connection, _cursor, statement: str, *_args: object) -> None:
        self.sent.append(statement.strip().split()[0].upper())

    def savepoints(self) -> int:
        return self.sent.count("SAVEPOINT")


def test_a_page_state_read_inside_a_batch_takes_one_savepoint_for_all_its_reads(store: Store, session):
    session_id, partners = session
    store.commit_together([lambda given: writes.add_element(given, session_id, partners[0], None, "what", "Ét")])
    statements = _Statements(store)
    [outcome] = store.commit_together([lambda given: page_state(given, session_id, partners[0], True, NOW)])
    assert outcome.error is None
    # The piece's own savepoint alone: the session, partners, plan, timers, circles and
    # elements are read on the batch's transaction without one each.
    assert statements.savepoints() == 1
    assert [element["text"] for element in outcome.value["own"][0]["fields"]["what"]] == ["Ét"]


def test_a_partners_add_inside_a_batch_takes_a_few_statements(store: Store, session):
    session_id, partners = session
    store.ensure_circle(session_id, partners[0], "change")
    statements = _Statements(store)
    [outcome] = store.commit_together(
        [lambda given: writes.add_element(given, session_id, partners[0], None, "what", "Hurtigt")]
    )
    assert outcome.error is None
    # The piece's savepoint and the add's own, the step, the circle, the element's place,
    # whether the circle is empty, its insert and the session's last-changed time.
    assert statements.savepoints() == 2
    assert len(statements.sent) <= 14, statements.sent


def test_an_element_added_on_a_device_is_stored_as_the_window_reads_it(store: Store, session):
    session_id, partners = session
    added = store.commit_together(
        [lambda given: writes.add_element(given, session_id, partners[1], None, "what", "Fra telefonen")]
    )[0].value
    circle = store.ensure_circle(session_id, partners[1], "change")
    # A circle first written on a device is private until the facilitator reveals it.
    assert circle.revealed is False
    assert store.element(added.id) == added
    assert store.elements(session_id, partner_id=partners[1]) == [added]
    assert added.written_on_device is True
    assert added.position == 0
    second = store.add_element(circle.id, "what", "Fra laptoppen", value_forms=[VALUE_FORM_IDS[0]])
    assert second.position == 1
    assert store.element(second.id) == second
    assert second.value_forms == frozenset({VALUE_FORM_IDS[0]})


def test_a_circle_and_session_already_loaded_in_a_batch_show_what_the_add_wrote(store: Store, session):
    session_id, partners = session
    circle_id = store.ensure_circle(session_id, partners[0], "change").id
    seen: dict[str, object] = {}

    def load_rows(given: Store) -> None:
        # A store call of the window's kind, loading the mapped rows into the batch's session.
        orm = given._batch_session()
        seen["circle"] = orm.get(CircleRow, circle_id)
        seen["session"] = orm.get(SessionRow, session_id)
        seen["before"] = seen["session"].updated_at

    def look(given: Store) -> None:
        orm = given._batch_session()
        seen["revealed"] = orm.get(CircleRow, circle_id).revealed
        seen["after"] = orm.get(SessionRow, session_id).updated_at

    outcomes = store.commit_together(
        [load_rows, lambda given: given.add_element(circle_id, "what", "Privat", written_on_device=True), look]
    )
    assert [outcome.error for outcome in outcomes] == [None, None, None]
    assert seen["revealed"] is False
    assert seen["after"] >= seen["before"]
    assert store.circles(session_id, partner_id=partners[0])[0].revealed is False


def test_an_add_to_a_removed_circle_is_refused_and_nothing_is_stored(store: Store, session):
    session_id, partners = session
    circle_id = store.ensure_circle(session_id, partners[0], "change").id
    store.remove_circle(circle_id)
    with pytest.raises(StoreError):
        store.add_element(circle_id, "what", "Forsvundet")
    assert store.elements(session_id) == []


def test_a_pages_own_circle_words_are_the_elements_the_window_shows_in_their_order(store: Store, session):
    session_id, partners = session
    mette, jonas = partners[0], partners[1]
    first = store.add_circle(session_id, mette, "change")
    second = store.add_circle(session_id, mette, "change", "Havnen")
    store.add_element(first.id, "why", "Kystplanen", written_on_device=True)
    store.add_element(first.id, "what", "Færre oversvømmelser", value_forms={"environment"})
    gone = store.add_element(first.id, "what", "Fjernet igen")
    store.add_element(second.id, "what", "Mere havneliv")
    jonas_circle = store.add_circle(session_id, jonas, "change")
    store.add_element(jonas_circle.id, "what", "Jonas' eget")
    store.remove_element(gone.id)
    hidden = store.add_circle(session_id, mette, "change", "Skrottet")
    store.add_element(hidden.id, "what", "I en fjernet cirkel")
    store.remove_circle(hidden.id)

    words = store.element_words(session_id, "change", mette)
    shown = store.elements(session_id, kind="change", partner_id=mette)

    def by_place(rows) -> list:
        return sorted(
            [(e.circle_id, e.field, e.id, e.text, e.written_on_device) for e in rows],
            key=lambda row: (row[0], row[1]),
        )

    # The same elements, and within each circle's field the same order the window shows.
    assert by_place(words) == by_place(shown)
    assert [w.text for w in words if w.field == "what" and w.circle_id == first.id] == ["Færre oversvømmelser"]
    assert "Fjernet igen" not in [w.text for w in words]
    assert "I en fjernet cirkel" not in [w.text for w in words]
    assert [w.written_on_device for w in words if w.text == "Kystplanen"] == [True]
