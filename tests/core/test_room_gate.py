"""The room's gate commits the work waiting at it together, and answers only after that commit."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import event

from facilitator.room import DirectGate, writes
from facilitator.room.gate import ROOM_CLOSING
from facilitator.store import Store, StoreError
from facilitator.text import UserError
from tests.full_disk import FULL_DISK
from tests.room_client import make_session


class _Caller(threading.Thread):
    """Stands in for one of the server's worker threads: one call through the gate, its answer kept."""

    def __init__(self, gate: DirectGate, work) -> None:
        super().__init__(daemon=True)
        self.gate = gate
        self.work = work
        self.value: object = None
        self.error: BaseException | None = None
        self.answered = threading.Event()

    def run(self) -> None:
        try:
            self.value = self.gate.call(self.work)
        except BaseException as error:
            self.error = error
        finally:
            self.answered.set()


def _until(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the gate never got there"
        time.sleep(0.001)


class _HeldCommit:
    """Holds every commit on the store's engine until released, and counts them."""

    def __init__(self, store: Store) -> None:
        self.release = threading.Event()
        self.reached = threading.Event()
        self.commits = 0
        event.listen(store._engine, "commit", self._commit)

    def _commit(self, _connection) -> None:
        self.commits += 1
        self.reached.set()
        assert self.release.wait(10), "the test never released the commit"


@pytest.fixture
def session(store: Store, program) -> tuple[int, list[int]]:
    session_id, partners, _actions = make_session(store, program)
    return session_id, partners


def _add(session_id: int, partner_id: int, text: str, field: str = "what"):
    return lambda store: writes.add_element(store, session_id, partner_id, None, field, text)


def _texts(store: Store, session_id: int) -> list[str]:
    return sorted(element.text for element in store.elements(session_id))


def _held_first_batch(store: Store, gate: DirectGate, session_id: int, partner_id: int):
    """A first call whose commit is held, so the calls made meanwhile queue up behind it."""
    held = _HeldCommit(store)
    first = _Caller(gate, _add(session_id, partner_id, "Først"))
    first.start()
    assert held.reached.wait(10)
    return held, first


def test_many_adds_at_once_are_stored_exactly_once_in_few_commits(store: Store, session):
    session_id, partners = session
    gate = DirectGate(store)
    held, first = _held_first_batch(store, gate, session_id, partners[0])
    callers = [_Caller(gate, _add(session_id, partners[n % len(partners)], f"Element {n:02}")) for n in range(40)]
    for caller in callers:
        caller.start()
    _until(lambda: gate.waiting == 40)
    held.release.set()
    for caller in [first, *callers]:
        caller.join(10)
        assert caller.error is None
    # The first alone, then the forty that waited behind it together.
    assert (gate.batches, gate.pieces, held.commits) == (2, 41, 2)
    assert _texts(store, session_id) == sorted(["Først", *(f"Element {n:02}" for n in range(40))])
    assert len({caller.value.id for caller in callers}) == 40


def test_a_refused_add_among_good_ones_is_refused_alone(store: Store, session):
    session_id, partners = session
    gate = DirectGate(store)
    held, first = _held_first_batch(store, gate, session_id, partners[0])
    good = [_Caller(gate, _add(session_id, partners[0], f"God {n}")) for n in range(3)]
    too_long = _Caller(gate, _add(session_id, partners[1], "x" * 5000))
    no_such_field = _Caller(gate, _add(session_id, partners[1], "Hvor?", field="nowhere"))
    for caller in [good[0], too_long, good[1], no_such_field, good[2]]:
        caller.start()
    _until(lambda: gate.waiting == 5)
    held.release.set()
    for caller in [first, *good, too_long, no_such_field]:
        caller.join(10)
    assert [caller.error for caller in good] == [None] * 3
    assert isinstance(too_long.error, StoreError)
    assert isinstance(no_such_field.error, writes.NotFound)
    assert _texts(store, session_id) == ["Først", "God 0", "God 1", "God 2"]
    assert gate.batches == 2


def test_no_answer_comes_before_the_commit_that_holds_it(store: Store, session):
    session_id, partners = session
    gate = DirectGate(store)
    held, first = _held_first_batch(store, gate, session_id, partners[0])
    waiting = [_Caller(gate, _add(session_id, partners[1], f"Venter {n}")) for n in range(5)]
    for caller in waiting:
        caller.start()
    _until(lambda: gate.waiting == 5)
    # The first batch's work is done, but its commit is held: no one has an answer yet.
    assert not first.answered.is_set()
    assert not any(caller.answered.is_set() for caller in waiting)
    held.release.set()
    first.join(10)
    for caller in waiting:
        caller.join(10)
        assert caller.error is None
    assert held.commits == 2


def test_a_failing_commit_answers_every_call_of_its_batch_with_the_error(store: Store, session, monkeypatch):
    session_id, partners = session
    gate = DirectGate(store)
    held, first = _held_first_batch(store, gate, session_id, partners[0])
    doomed = [_Caller(gate, _add(session_id, partners[1], f"Tabt {n}")) for n in range(4)]
    for caller in doomed:
        caller.start()
    _until(lambda: gate.waiting == 4)

    def disk_full(_connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    real_commit = store._engine.dialect.do_commit
    calls = {"n": 0}

    def first_works_then_full(connection) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            real_commit(connection)
        else:
            disk_full(connection)

    monkeypatch.setattr(store._engine.dialect, "do_commit", first_works_then_full)
    held.release.set()
    first.join(10)
    assert first.error is None
    for caller in doomed:
        caller.join(10)
        assert isinstance(caller.error, StoreError)
        assert caller.error.text == FULL_DISK
    monkeypatch.undo()
    assert _texts(store, session_id) == ["Først"]
    # The gate goes on with the next batch.
    assert gate.call(_add(session_id, partners[1], "Igen")).text == "Igen"


def test_closing_answers_those_waiting_and_refuses_new_calls(store: Store, session):
    session_id, partners = session
    gate = DirectGate(store)
    held, first = _held_first_batch(store, gate, session_id, partners[0])
    waiting = _Caller(gate, _add(session_id, partners[1], "For sent"))
    waiting.start()
    _until(lambda: gate.waiting == 1)
    closer = threading.Thread(target=gate.close, daemon=True)
    closer.start()
    _until(lambda: waiting.answered.is_set())
    assert isinstance(waiting.error, UserError)
    assert waiting.error.text == ROOM_CLOSING
    # Closing waits for the batch being committed, whose answer still comes.
    assert closer.is_alive()
    held.release.set()
    closer.join(10)
    first.join(10)
    assert first.error is None
    with pytest.raises(UserError) as refused:
        gate.call(lambda given: given.list_sessions())
    assert refused.value.text == ROOM_CLOSING
    assert _texts(store, session_id) == ["Først"]


def test_work_that_calls_the_gate_again_runs_inside_its_batch(store: Store, session):
    gate = DirectGate(store)
    assert gate.call(lambda given: gate.call(lambda again: again is given)) is True
