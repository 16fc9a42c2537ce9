"""Board operations as patches: applied and undone in memory and in the database alike."""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.board import NOTE_HEIGHT, TRAY, layout_for, operations
from facilitator.board.model import BoardState, Note, Patch
from facilitator.store import Store, StoreError

# The store's rules hold on both engines (tests/engines.py).
pytestmark = pytest.mark.both_engines


CATEGORIES = ("common", "differences", "opposed")
ZONES = (*CATEGORIES, TRAY)


def _fill(store: Store, program) -> int:
    session_id = store.create_session(program, title="Tavle")
    texts = ("Færre oversvømmelser", "Mere natur", "Rent vand", "Høje diger", "Borgerne med", "Fælles plan")
    for index, name in enumerate(("Mette", "Jonas", "Karen")):
        partner = store.add_partner(session_id, name).id
        circle = store.ensure_circle(session_id, partner, "change").id
        for text in texts[index * 2 : index * 2 + 2]:
            store.add_element(circle, "what", text)
    return session_id


@pytest.fixture(scope="module")
def template_db(tmp_path_factory, program) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("board") / "template.sqlite3"
    store = Store(path)
    session_id = _fill(store, program)
    store.close()
    return path, session_id


def _comparable(state: BoardState) -> tuple[dict, dict]:
    notes = {note.id: note for note in state.notes.values() if not note.deleted}
    return notes, dict(state.clusters)


def test_a_board_reopens_exactly_as_it_was_left(paths, program):
    store = Store(paths.database)
    session_id = _fill(store, program)
    state = store.board_state(session_id, "change")
    layout = layout_for(CATEGORIES, {})
    ids = sorted(state.notes)
    for patch in (
        operations.send_to_zone(state, ids[:3], "common", layout),
        operations.move(state, {ids[3]: (layout.sector_centre(2)[0] - 80, layout.sector_centre(2)[1] - 40)}, layout),
    ):
        state.apply(patch)
        store.apply_board_patch(session_id, patch)
    cluster = store.new_cluster_id(session_id, "change")
    patch = operations.stack(state, ids[:2], cluster, "Oversvømmelser")
    state.apply(patch)
    store.apply_board_patch(session_id, patch)
    store.close()

    reopened = Store(paths.database)
    assert _comparable(reopened.board_state(session_id, "change")) == _comparable(state)
    notes = reopened.board_state(session_id, "change").notes
    assert notes[ids[3]].category == "opposed"
    assert {notes[i].cluster_id for i in ids[:2]} == {cluster}
    assert [e.category for e in reopened.elements(session_id)][:3] == ["common", "common", "common"]
    reopened.close()


def test_a_note_written_on_the_board_belongs_to_the_group_or_a_partner(store, program):
    session_id = _fill(store, program)
    group = store.add_board_note(session_id, "change", "  Et fælles mål ", category="common", x=10, y=20)
    karen = store.partners(session_id)[2].id
    own = store.add_board_note(session_id, "change", "Jord til natur", partner_id=karen)
    notes = store.board_state(session_id, "change").notes
    assert (notes[group.id].text, notes[group.id].partner_id, notes[group.id].x) == ("Et fælles mål", None, 10)
    assert notes[own.id].partner_id == karen
    assert notes[own.id].field is None
    with pytest.raises(StoreError, match="tomt"):
        store.add_board_note(session_id, "change", " ")


def test_an_edit_on_the_board_is_the_circle_elements_edit(store, program):
    session_id = _fill(store, program)
    state = store.board_state(session_id, "change")
    note_id = min(state.notes)
    store.apply_board_patch(session_id, operations.edit_text(note_id, "  Færre   oversvømmelser ved fjorden "))
    assert store.element(note_id).text == "Færre oversvømmelser ved fjorden"
    with pytest.raises(StoreError, match="tomt"):
        store.apply_board_patch(session_id, operations.edit_text(note_id, ""))
    assert store.element(note_id).text == "Færre oversvømmelser ved fjorden", "a refused edit changes nothing"


def test_merged_duplicates_leave_the_board_but_stay_on_record(store, program):
    session_id = _fill(store, program)
    state = store.board_state(session_id, "change")
    keep, duplicate = sorted(state.notes)[:2]
    patch = operations.merge(state, keep, [duplicate])
    undo = state.apply(patch)
    store.apply_board_patch(session_id, patch)
    assert duplicate not in [note.id for note in store.board_state(session_id, "change").visible_notes()]
    assert store.board_state(session_id, "change").notes[duplicate].merged_into == keep
    state.apply(undo)
    store.apply_board_patch(session_id, undo)
    assert store.board_state(session_id, "change").notes[duplicate].visible


# Random action sequences with undo and redo ----------------------------------------------------

_action = st.one_of(
    st.tuples(st.just("move"), st.integers(0, 5), st.floats(-200, 2400), st.floats(-200, 1600)),
    st.tuples(
        st.just("send"), st.lists(st.integers(0, 5), min_size=1, max_size=4, unique=True), st.sampled_from(ZONES)
    ),
    st.tuples(st.just("tidy"), st.sampled_from(ZONES)),
    st.tuples(
        st.just("stack"),
        st.lists(st.integers(0, 5), min_size=2, max_size=3, unique=True),
        st.text("abcæø ", min_size=1, max_size=8).filter(str.strip),
    ),
    st.tuples(st.just("merge"), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("unstack"), st.integers(0, 5)),
    st.tuples(st.just("place")),
    st.tuples(st.just("delete"), st.integers(0, 5)),
    st.tuples(st.just("edit"), st.integers(0, 5), st.text("abc æøå", min_size=1, max_size=12).filter(str.strip)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_action, max_size=25))
def test_random_board_operations_and_undos_keep_memory_and_database_in_agreement(template_db, steps):
    template, session_id = template_db
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board.sqlite3"
        shutil.copy(template, path)
        store = Store(path)
        state = store.board_state(session_id, "change")
        ids = sorted(state.notes)
        undo: list[Patch] = []
        redo: list[Patch] = []

        def do(patch: Patch) -> None:
            if not patch:
                return
            store.apply_board_patch(session_id, patch)  # the database first: a refused edit changes nothing
            undo.append(state.apply(patch))
            redo.clear()

        for step in steps:
            layout = operations.board_layout(state, CATEGORIES)
            kind = step[0]
            if kind == "undo" and undo:
                patch = undo.pop()
                store.apply_board_patch(session_id, patch)
                redo.append(state.apply(patch))
            elif kind == "redo" and redo:
                patch = redo.pop()
                store.apply_board_patch(session_id, patch)
                undo.append(state.apply(patch))
            elif kind == "move":
                do(operations.move(state, {ids[step[1]]: (step[2], step[3])}, layout))
            elif kind == "send":
                do(operations.send_to_zone(state, [ids[i] for i in step[1]], step[2], layout))
            elif kind == "tidy":
                do(operations.tidy_zone(state, step[1], layout))
            elif kind == "stack":
                do(
                    operations.stack(
                        state, [ids[i] for i in step[1]], store.new_cluster_id(session_id, "change"), step[2]
                    )
                )
            elif kind == "unstack" and state.notes[ids[step[1]]].cluster_id is not None:
                do(operations.unstack(state, state.notes[ids[step[1]]].cluster_id, layout))
            elif kind == "place":
                do(operations.place_new(state, layout))
            elif kind == "merge" and step[1] != step[2]:
                do(operations.merge(state, ids[step[1]], [ids[step[2]]]))
            elif kind == "delete":
                do(operations.delete([ids[step[1]]]))
            elif kind == "edit":
                do(operations.edit_text(ids[step[1]], step[2].strip()))
        reloaded = store.board_state(session_id, "change")
        store.close()
    memory_notes, memory_clusters = _comparable(state)
    stored_notes, stored_clusters = _comparable(reloaded)
    assert stored_notes == memory_notes
    assert stored_clusters == memory_clusters


def _state(counts: dict[str | None, int]) -> BoardState:
    state = BoardState("change")
    next_id = 1
    for category, count in counts.items():
        for _ in range(count):
            state.notes[next_id] = Note(next_id, f"Note {next_id}", 1, "what", category)
            next_id += 1
    return state


def test_new_notes_get_free_places_in_their_zone_without_losing_their_category():
    state = _state({None: 5, "common": 3})
    layout = operations.board_layout(state, CATEGORIES)
    patch = operations.place_new(state, layout)
    assert set(patch.notes) == set(state.notes)
    state.apply(patch)
    points = [operations.position(note, layout) for note in state.notes.values()]
    zones = [layout.zone_of_note(*point) for point in points]
    assert zones == [TRAY] * 5 + ["common"] * 3
    assert len(set(points)) == 8
    assert not operations.place_new(state, layout), "placed notes stay where they are"


def test_a_growing_board_keeps_every_note_in_its_zone():
    state = _state({None: 6, "differences": 6})
    state.apply(operations.place_new(state, operations.board_layout(state, CATEGORIES)))
    small = operations.board_layout(state, CATEGORIES)
    before = {note.id: small.zone_of_note(*operations.position(note, small)) for note in state.notes.values()}
    crowd = _state({None: 6, "differences": 6, "common": 300})
    for note_id, note in state.notes.items():
        crowd.notes[note_id] = note
    large = operations.board_layout(crowd, CATEGORIES)
    assert large.radius > small.radius
    assert large.centre != small.centre
    assert {
        note_id: large.zone_of_note(*operations.position(note, large)) for note_id, note in state.notes.items()
    } == before


def test_a_note_dropped_outside_every_zone_goes_back():
    state = _state({None: 2})
    layout = operations.board_layout(state, CATEGORIES)
    state.apply(operations.place_new(state, layout))
    cx, cy = layout.centre
    patch = operations.move(state, {1: (cx + layout.radius + 400, cy), 2: layout.sector_centre(0)}, layout)
    assert set(patch.notes) == {2}
    assert patch.notes[2]["category"] == "common"


def test_a_board_never_shrinks_out_from_under_its_notes():
    state = _state({"common": 1})
    layout = operations.board_layout(state, CATEGORIES)
    far = layout.radius * 0.95
    state.apply(operations.move(state, {1: (layout.centre[0] - 85, layout.centre[1] - far)}, layout))
    assert state.notes[1].category == "common"
    grown = operations.board_layout(state, CATEGORIES)
    assert grown.radius >= math.hypot(0, far - NOTE_HEIGHT / 2)
    assert grown.zone_of_note(*operations.position(state.notes[1], grown)) == "common"
    # Dropping again at the new rim does not grow the circle each time.
    again = operations.move(state, {1: (grown.centre[0] - 85, grown.centre[1] - grown.radius + 30)}, grown)
    state.apply(again)
    assert operations.board_layout(state, CATEGORIES).radius == pytest.approx(grown.radius, abs=NOTE_HEIGHT)


def test_unstacking_spreads_the_notes_and_forgets_the_name():
    state = _state({"common": 3})
    layout = operations.board_layout(state, CATEGORIES)
    state.apply(operations.place_new(state, layout))
    state.apply(operations.stack(state, [1, 2, 3], 7, "Vand"))
    assert state.clusters[7].name == "Vand"
    first = (state.notes[1].x, state.notes[1].y)
    state.apply(operations.unstack(state, 7, layout))
    assert 7 not in state.clusters
    assert all(note.cluster_id is None and note.category == "common" for note in state.notes.values())
    assert (state.notes[1].x, state.notes[1].y) == first
    points = {operations.position(note, layout) for note in state.notes.values()}
    assert len(points) == 3


def test_a_stack_moves_as_one_but_a_note_pulled_out_leaves_it():
    state = _state({"common": 3})
    layout = operations.board_layout(state, CATEGORIES)
    state.apply(operations.place_new(state, layout))
    state.apply(operations.stack(state, [1, 2, 3], 7, "Vand"))
    target = layout.sector_centre(1)
    whole = operations.move(state, {n: (target[0] + 5 * n, target[1] + 6 * n) for n in (1, 2, 3)}, layout)
    assert all("cluster_id" not in change for change in whole.notes.values())
    part = operations.move(state, {1: target, 2: (target[0] + 5, target[1] + 6)}, layout)
    assert all(change["cluster_id"] is None for change in part.notes.values())


def test_unstacking_a_stack_split_across_zones_keeps_each_note_in_its_own_zone():
    state = _state({"common": 3})
    layout = operations.board_layout(state, CATEGORIES)
    state.apply(operations.place_new(state, layout))
    state.apply(operations.stack(state, [1, 2, 3], 7, "Vand"))
    state.apply(operations.send_to_zone(state, [3], "opposed", layout))
    state.apply(Patch({3: {"cluster_id": 7}}))  # as an older board may have left it
    state.apply(operations.unstack(state, 7, layout))
    zones = {n: layout.zone_of_note(*operations.position(state.notes[n], layout)) for n in (1, 2, 3)}
    assert zones == {1: "common", 2: "common", 3: "opposed"}


def test_patches_compose_with_the_later_value_winning():
    first = Patch({1: {"x": 1.0, "y": 1.0}, 2: {"x": 5.0}}, {7: "A"})
    second = Patch({1: {"x": 2.0, "category": "common"}}, {7: None})
    both = first.then(second)
    assert both.notes == {1: {"x": 2.0, "y": 1.0, "category": "common"}, 2: {"x": 5.0}}
    assert both.clusters == {7: None}
