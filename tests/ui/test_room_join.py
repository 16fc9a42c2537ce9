"""How the room is joined, on the projector: a QR code a phone can read, the address, the code."""

from __future__ import annotations

from PySide6.QtGui import QColor

from facilitator.ui.room_join import QUIET_ZONE, plain_address, qr_image, qr_matrix

URL = "http://192.168.1.23:8765/r/q2W9fR4tY7uI0pL3kJ6hG1sD5aZ8xC2v/"


def test_the_painted_code_holds_segnos_modules_dark_on_white_inside_a_quiet_zone():
    matrix = qr_matrix(URL)
    count = len(matrix) + 2 * QUIET_ZONE
    module = 8
    image = qr_image(URL, count * module)

    def dark(column: int, row: int) -> bool:
        # The middle of a module: a reader samples there too.
        x, y = column * module + module // 2, row * module + module // 2
        return QColor(image.pixel(x, y)).lightness() < 128

    painted = [[dark(QUIET_ZONE + c, QUIET_ZONE + r) for c in range(len(matrix))] for r in range(len(matrix))]
    assert painted == matrix
    border = [
        (c, r) for c in range(count) for r in range(count) if min(c, r) < QUIET_ZONE or max(c, r) >= count - QUIET_ZONE
    ]
    assert not any(dark(c, r) for c, r in border), "the quiet zone must stay white"


def test_the_address_to_type_is_the_host_and_port_without_the_secret():
    assert plain_address(URL) == "http://192.168.1.23:8765"


def test_the_projector_shows_how_to_join_while_the_room_is_open(qtbot, app_runner, session_id):
    from facilitator.ui.projector import ProjectorWindow

    window = app_runner.start()
    projector = ProjectorWindow(window.session_page.day)
    qtbot.addWidget(projector)
    projector.resize(1920, 1080)
    projector.show()
    projector.show_room(URL, "K7Q4M")
    qtbot.waitUntil(lambda: projector.room_join.qr.width() > 0)
    text = projector.visible_text()
    assert "http://192.168.1.23:8765" in text
    assert "K7Q4M" in text
    assert "q2W9fR4t" not in text, "the secret token is in the code, not written out"
    # Large enough for the back row: the code takes most of the height.
    assert projector.room_join.qr.height() >= 1080 * 0.45
    assert projector.room_join.qr.text == URL
    projector.show_room(None)
    assert projector.room_join is None
    assert "K7Q4M" not in projector.visible_text()


def test_the_projector_loads_no_qr_encoder_until_a_code_is_drawn():
    import subprocess
    import sys

    # In a fresh interpreter: the projector opens at every board, the room or not.
    probe = "import sys, facilitator.ui.projector; print('segno' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
