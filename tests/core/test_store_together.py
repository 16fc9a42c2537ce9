"""Many store calls in one transaction with one commit (`Store.commit_together`), the room's group commit."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event

from facilitator.store import Store, StoreError
from tests.full_disk import FULL_DISK
from tests.room_client import make_session

pytestmark = pytest.mark.both_engines


@pytest.fixture
def circle(store: Store, program) -> tuple[int, int]:
    """(session id, a circle id) of a session at a circle step."""
    session_id, partners, _actions = make_session(store, program)
    return session_id, store.ensure_circle(session_id, partners[0], "change").id


def _add(circle_id: int, text: str):
    return lambda given: given.add_element(circle_id, "what", text, written_on_device=True)


def _texts(store: Store, session_id: int) -> list[str]:
    return [element.text for element in store.elements(session_id)]


def test_pieces_of_work_are_stored_in_one_commit(store: Store, circle):
    session_id, circle_id = circle
    commits: list[object] = []
    event.listen(store._engine, "commit", commits.append)
    outcomes = store.commit_together([_add(circle_id, f"Element {n}") for n in range(10)])
    assert [outcome.error for outcome in outcomes] == [None] * 10
    assert [outcome.value.text for outcome in outcomes] == [f"Element {n}" for n in range(10)]
    assert len(commits) == 1
    assert _texts(store, session_id) == [f"Element {n}" for n in range(10)]


def test_a_refused_piece_is_rolled_back_alone(store: Store, circle):
    session_id, circle_id = circle

    def half_then_refused(given: Store):
        # Its first element is written, then the store refuses the second: neither may stay.
        given.add_element(circle_id, "what", "Halvvejs")
        return given.add_element(circle_id, "what", "x" * 5000)

    outcomes = store.commit_together([_add(circle_id, "Før"), half_then_refused, _add(circle_id, "Efter")])
    assert outcomes[0].error is None
    assert outcomes[2].error is None
    assert isinstance(outcomes[1].error, StoreError)
    assert outcomes[1].value is None
    assert _texts(store, session_id) == ["Før", "Efter"]


def test_a_store_call_refused_inside_a_piece_takes_back_only_its_own_rows(store: Store, circle):
    session_id, circle_id = circle

    def careful(given: Store):
        given.add_element(circle_id, "what", "Beholdes")
        with pytest.raises(StoreError):
            given.add_element(circle_id, "what", "")
        return "done"

    [outcome] = store.commit_together([careful])
    assert outcome.value == "done"
    assert _texts(store, session_id) == ["Beholdes"]


@pytest.mark.sqlite_only("the full disk is SQLite's error, in SQLite's words")
def test_a_failing_commit_stores_nothing_of_the_batch_and_says_why(store: Store, circle, monkeypatch):
    session_id, circle_id = circle
    store.add_element(circle_id, "what", "Fra før")
    dialect = store._engine.dialect

    def disk_full(_connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dialect, "do_commit", disk_full)
    with pytest.raises(StoreError) as raised:
        store.commit_together([_add(circle_id, "Tabt 1"), _add(circle_id, "Tabt 2")])
    assert raised.value.text == FULL_DISK
    monkeypatch.undo()
    assert _texts(store, session_id) == ["Fra før"]
    # The store goes on: the next batch commits.
    store.commit_together([_add(circle_id, "Bagefter")])
    assert _texts(store, session_id) == ["Fra før", "Bagefter"]


def test_calls_outside_a_batch_are_their_own_transactions_again(store: Store, circle):
    session_id, circle_id = circle
    store.commit_together([_add(circle_id, "I flok")])
    commits: list[object] = []
    event.listen(store._engine, "commit", commits.append)
    store.add_element(circle_id, "what", "Alene")
    assert len(commits) == 1
    assert _texts(store, session_id) == ["I flok", "Alene"]


def test_no_piece_is_visible_elsewhere_before_the_one_commit(store: Store, circle):
    session_id, circle_id = circle
    seen: list[int] = []

    def look_from_another_connection(given: Store):
        # Another connection sees only what is committed: nothing of this batch yet, not even
        # the pieces already done (a savepoint released on its own would have committed them).
        with given._engine.connect() as other:
            seen.append(other.exec_driver_sql("SELECT count(*) FROM elements").scalar())

    store.commit_together([_add(circle_id, "Første"), _add(circle_id, "Anden"), look_from_another_connection])
    assert seen == [0]
    assert _texts(store, session_id) == ["Første", "Anden"]
