"""Checking the board of a session document: where each post-it lies, and what it is merged into.

Part of `facilitator.store.session_check`, apart so each stays short. A place is bounded
(`MAX_BOARD_PLACE`): the board grows to reach every note, so one note a million units away
would make the board and the report huge, slow or impossible to draw.
"""

from __future__ import annotations

from typing import Any

from facilitator.store.fields import clean_place
from facilitator.store.limits import MAX_BOARD_PLACE, MAX_Z
from facilitator.store.session_document import KEYS
from facilitator.store.session_values import CLUSTER_ROW, ELEMENT_ROW, ValueChecker, quote
from facilitator.text import Text

_PLACE_EXPECTED = Text(
    f"et tal fra -{MAX_BOARD_PLACE:.0f} til {MAX_BOARD_PLACE:.0f} (en plads på tavlen) eller null",
    f"a number from -{MAX_BOARD_PLACE:.0f} to {MAX_BOARD_PLACE:.0f} (a place on the board) or null",
)


def _place(check: ValueChecker, value: object, where: str, element: dict[str, Any]) -> float | None:
    """One coordinate of a note's place; beyond the board's bound it is refused, naming the note."""
    number = check.number(value, where, nullable=True)
    if check.exporting:
        return clean_place(number)  # a place an older version stored, as the store now keeps it
    if number is not None and abs(number) > MAX_BOARD_PLACE:
        axis = where.rsplit(".", 1)[-1]
        raise check.fail(
            where,
            Text(
                f"post-itten {quote(element['text'])} ligger uden for tavlen ({axis} = {number:g})",
                f"the note {quote(element['text'])} lies outside the board ({axis} = {number:g})",
            ),
            _PLACE_EXPECTED,
        )
    return number


def check_board(
    check: ValueChecker,
    value: object,
    where: str,
    element: dict[str, Any],
    element_ids: dict[int, int],
    cluster_ids: dict[int, int],
    cluster_kinds: dict[int, str],
    element_kinds: dict[int, str],
) -> dict[str, Any] | None:
    """The note's place on its board (null: not on the board), its cluster and what it is merged into."""
    if value is None:
        return None
    board_fields = ", ".join(KEYS["board"])
    if not isinstance(value, dict):
        raise check.wrong(
            where,
            value,
            Text(
                f"null eller post-ittens plads (et objekt med {board_fields})",
                f"null or the note's place (an object with {board_fields})",
            ),
        )
    row = check.record(value, where, KEYS["board"], Text("post-ittens plads", "the note's place"))
    cluster = check.reference(check.field(row, "cluster"), f"{where}.cluster", cluster_ids, CLUSTER_ROW)
    if cluster is not None and cluster_kinds[cluster] != element["kind"]:
        raise check.fail(
            f"{where}.cluster",
            Text(
                f"klyngen ligger på {cluster_kinds[cluster]}-tavlen",
                f"the cluster is on the {cluster_kinds[cluster]} board",
            ),
            Text(f"en klynge på samme tavle ({element['kind']})", f"a cluster on the same board ({element['kind']})"),
        )
    merged_into = check.reference(check.field(row, "merged_into"), f"{where}.merged_into", element_ids, ELEMENT_ROW)
    if merged_into is not None and (merged_into == element["id"] or element_kinds[merged_into] != element["kind"]):
        raise check.fail(
            f"{where}.merged_into",
            Text("peger på elementet selv eller på en anden tavle", "points at the element itself or at another board"),
            Text(
                f"et andet element på samme tavle ({element['kind']})",
                f"another element on the same board ({element['kind']})",
            ),
        )
    return {
        "x": _place(check, check.field(row, "x"), f"{where}.x", element),
        "y": _place(check, check.field(row, "y"), f"{where}.y", element),
        "z": check.integer(check.field(row, "z"), f"{where}.z", -MAX_Z, MAX_Z),
        "cluster": cluster,
        "merged_into": merged_into,
    }


def check_merges(check: ValueChecker, elements: list[dict[str, Any]]) -> None:
    """Every merged note leads, duplicate by duplicate, to a note on the board.

    A ring (A into B, B into A) or a chain that ends at an element with no place on the
    board would hide every note in it: the board shows only the notes merged into nothing.
    Saving lets such a chain through, so a database an older import filled is not locked in.
    """
    if check.exporting:
        return
    for element in elements:
        board = element["board"]
        if board is None or board["merged_into"] is None:
            continue
        chain = [element["id"]]
        target = board["merged_into"]
        while True:
            if target in chain:
                path = " → ".join(f"elements[{element_id - 1}]" for element_id in [*chain, target])
                raise check.fail(
                    f"elements[{element['id'] - 1}].board.merged_into",
                    Text(f"sammenlægningerne går i ring ({path})", f"the merges go round in a ring ({path})"),
                    _MERGE_EXPECTED,
                )
            target_board = elements[target - 1]["board"]
            if target_board is None:
                raise check.fail(
                    f"elements[{element['id'] - 1}].board.merged_into",
                    Text(
                        f"kæden ender i elements[{target - 1}], som ikke er på tavlen",
                        f"the chain ends at elements[{target - 1}], which is not on the board",
                    ),
                    _MERGE_EXPECTED,
                )
            if target_board["merged_into"] is None:
                break
            chain.append(target)
            target = target_board["merged_into"]


_MERGE_EXPECTED = Text(
    "en kæde af sammenlagte post-its, der ender i en post-it på tavlen",
    "a chain of merged notes that ends at a note on the board",
)


__all__ = ["check_board", "check_merges"]
