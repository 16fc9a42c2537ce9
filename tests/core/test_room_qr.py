"""The room's QR code: the right size, square, with its quiet zone and finder patterns."""

from __future__ import annotations

from facilitator.room.qr import QUIET_ZONE, qr_matrix


def test_the_join_address_becomes_a_square_code_with_a_quiet_zone():
    url = "http://192.168.1.23:8765/r/" + "A" * 43 + "/"
    matrix = qr_matrix(url)
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    # Version n has 17 + 4n modules; the address needs a version between 4 and 10.
    inner = size - 2 * QUIET_ZONE
    assert (inner - 17) % 4 == 0
    assert 4 <= (inner - 17) // 4 <= 10
    assert not any(matrix[0])
    assert not any(row[0] for row in matrix)
    # The top-left finder pattern: a dark 7x7 ring with a dark 3x3 centre.
    corner = [row[QUIET_ZONE : QUIET_ZONE + 7] for row in matrix[QUIET_ZONE : QUIET_ZONE + 7]]
    assert all(corner[0])
    assert all(corner[6])
    assert corner[1][1:6] == [False] * 5
    assert all(corner[3][2:5])


def test_a_longer_address_gives_a_larger_code():
    assert len(qr_matrix("http://10.0.0.1:1/r/x/")) < len(qr_matrix("http://10.0.0.1:1/r/" + "x" * 200 + "/"))
