"""The room panel's device list: rows kept while devices come, go and are approved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.ui.room_panel import RoomPanel


def _shown(panel: RoomPanel) -> list[tuple[str, str]]:
    return [(row.device_id, row.detail.text()) for row in panel.device_rows]


def test_a_device_joining_leaves_the_rows_of_the_others_as_they_are(qtbot):
    panel = RoomPanel()
    qtbot.addWidget(panel)
    panel.set_devices([("a", "Mettes telefon", "Nyborg Kommune", False)])
    first = panel.device_rows[0]
    panel.set_devices([("a", "Mettes telefon", "Nyborg Kommune", False), ("b", "iPad", "Fjordvand", False)])
    # Sixty phones join within a minute: each join makes one row, not sixty.
    assert panel.device_rows[0] is first
    assert [row.device_id for row in panel.device_rows] == ["a", "b"]
    assert [panel.rows.indexOf(row) for row in panel.device_rows] == [0, 1]
    assert panel.counts.text() == "2 enheder tilsluttet · 2 venter på godkendelse"


def test_an_approved_device_shows_it_and_a_released_one_goes_in_place(qtbot):
    panel = RoomPanel()
    qtbot.addWidget(panel)
    devices = [
        ("a", "Mettes telefon", "Nyborg Kommune", False),
        ("b", "iPad", "Fjordvand", False),
        ("c", "", "", False),
    ]
    panel.set_devices(devices)
    untouched = panel.device_rows[2]
    panel.set_devices([devices[0], ("b", "iPad", "Fjordvand", True), devices[2]])
    assert _shown(panel)[1] == ("b", "iPad · Godkendt – skriver")
    assert not panel.device_rows[1].approve_button.isVisibleTo(panel)
    assert panel.device_rows[2] is untouched
    assert [panel.rows.indexOf(row) for row in panel.device_rows] == [0, 1, 2]

    clicked: list[str] = []
    panel.release_requested.connect(clicked.append)
    qtbot.mouseClick(panel.device_rows[1].release_button, Qt.MouseButton.LeftButton)
    assert clicked == ["b"]
    panel.set_devices([devices[0], devices[2]])
    assert [row.device_id for row in panel.device_rows] == ["a", "c"]
    assert [panel.rows.indexOf(row) for row in panel.device_rows] == [0, 1]
    # The stretch under the rows stays last.
    assert panel.rows.count() == 3
    panel.set_devices([])
    assert panel.device_rows == []
    assert panel.empty.isVisibleTo(panel)
