"""The room from the facilitator's window: open and close it, approve devices, follow and undo what they write."""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from facilitator.conversation.next_steps import AREA_IDS
from facilitator.room import Room
from facilitator.room.process import RoomProcess, RoomProcessUnavailable
from facilitator.store.deferred import DeferredStore
from tests.room_client import Client, stream
from tests.ui.room_window import (
    CIRCLE_STEP,
    NEXT_STEPS_STEP,
    REVIEW_STEP,
    answered,
    listening,
    open_room_from_menu,
    wait_until_open,
)


def _partners(window) -> list:
    return window.store.partners(window.session_page.session_id)


def _joined(qtbot, window, url: str, partner_index: int = 0, label: str = "Mettes telefon") -> Client:
    client = Client(url)
    partner_id = _partners(window)[partner_index].id
    assert answered(qtbot, lambda: client.join(partner_id, label)).status == 200
    return client


def _approved(qtbot, window, url: str, partner_index: int = 0) -> Client:
    client = _joined(qtbot, window, url, partner_index)
    panel = window.room_control.panel
    qtbot.waitUntil(lambda: any(row.approve_button.isVisibleTo(panel) for row in panel.device_rows))
    row = next(row for row in panel.device_rows if row.approve_button.isVisibleTo(panel))
    qtbot.mouseClick(row.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(device.approved for device in window.room_control.room.devices()))
    return client


def test_the_room_is_off_until_the_facilitator_opens_it_and_closes_from_the_menu(qtbot, app_runner, session_id):
    window = app_runner.start()
    # Never started by itself: nothing of the room exists after start-up.
    assert window._room is None
    assert window.open_room_action.isEnabled()
    assert not window.close_room_action.isEnabled()

    url = open_room_from_menu(window)
    panel = window.room_control.panel
    assert window.room_control.dock.isVisible()
    assert panel.status.text() == "Rummet er åbent"
    assert url.startswith("http://127.0.0.1:")
    assert url.startswith(panel.address.text() + "/")
    assert panel.address.toolTip() == url
    # The status bar may be on the projector: the address, never its secret token.
    assert window.statusBar().currentMessage() == f"Rummet er åbent: {panel.address.text()}"
    assert window.room_control.room.token not in window.statusBar().currentMessage()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == url
    assert window.room_control.room.join_code in panel.code.text()
    assert listening(url)
    assert not window.open_room_action.isEnabled()

    window.close_room_action.trigger()
    assert window.room_control.server is None
    assert not listening(url)
    assert not window.room_control.dock.isVisible()
    assert window.open_room_action.isEnabled()


def test_the_room_binds_to_the_laptops_own_address_unless_another_is_chosen(qtbot, app_runner, session_id, monkeypatch):
    import facilitator.room

    monkeypatch.setattr(facilitator.room, "default_bind_address", lambda: "127.0.0.1")
    window = app_runner.start()
    open_room_from_menu(window, host=None)
    control = window.room_control
    assert control.host == "127.0.0.1"
    choices = [control.panel.interfaces.itemData(index) for index in range(control.panel.interfaces.count())]
    assert choices[0] == "127.0.0.1"
    # Every interface at once only as an explicit choice, last in the list.
    assert choices[-1] == "0.0.0.0"
    assert control.panel.interfaces.currentData() == "127.0.0.1"
    first = control.server.url
    control.panel.bind_requested.emit("127.0.0.1")
    assert control.server.url == first, "choosing the same network changes nothing"
    window.close_room_action.trigger()


def test_closing_the_session_stops_the_room(qtbot, app_runner, session_id):
    window = app_runner.start()
    url = open_room_from_menu(window)
    window.close_action.trigger()
    assert window.room_control.server is None
    assert not listening(url)
    assert not window.open_room_action.isEnabled()


def test_quitting_the_app_stops_the_room(qtbot, app_runner, session_id):
    window = app_runner.start()
    url = open_room_from_menu(window)
    control = window.room_control
    window.close()
    assert control.server is None
    assert not listening(url)


def test_a_device_is_approved_in_the_panel_and_released_again(qtbot, app_runner, session_id):
    window = app_runner.start()
    url = open_room_from_menu(window)
    client = _joined(qtbot, window, url)
    panel = window.room_control.panel
    qtbot.waitUntil(lambda: len(panel.device_rows) == 1)
    row = panel.device_rows[0]
    assert "Mette Kjær" in row.name.text()
    assert "Venter på godkendelse" in row.detail.text()
    assert "1 venter på godkendelse" in panel.counts.text()

    qtbot.mouseClick(row.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Godkendt" in panel.device_rows[0].detail.text())
    assert window.room_control.room.devices()[0].approved
    assert client.device is not None

    qtbot.mouseClick(panel.device_rows[0].release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.device_rows)
    assert window.room_control.room.devices() == []
    window.close_room_action.trigger()


def test_approve_everyone_for_the_day_lets_each_device_write_at_once(qtbot, app_runner, session_id):
    window = app_runner.start()
    url = open_room_from_menu(window)
    panel = window.room_control.panel
    panel.approve_everyone.click()
    assert window.room_control.room.approve_everyone
    _joined(qtbot, window, url, partner_index=1, label="Jonas' bærbare")
    qtbot.waitUntil(lambda: len(panel.device_rows) == 1)
    assert "Godkendt" in panel.device_rows[0].detail.text()
    assert not panel.device_rows[0].approve_button.isVisibleTo(panel)
    window.close_room_action.trigger()


def test_a_partners_element_appears_marked_in_the_circle_within_a_second_and_can_be_undone(
    qtbot, app_runner, session_id
):
    window = app_runner.start()
    window.session_page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    client = _approved(qtbot, window, url)
    workspace = window.session_page.current_workspace()

    sent = answered(
        qtbot, lambda: client.request("POST", "api/elements", {"field": "what", "text": "Flere cykelstier"})
    )
    assert sent.status == 201, sent.body
    card = workspace.canvas.cards["what"]
    qtbot.waitUntil(lambda: any(line.element.text == "Flere cykelstier" for line in card.lines), timeout=1000)
    line = next(line for line in card.lines if line.element.text == "Flere cykelstier")
    # Marked in words as well as by the phone: a tooltip and the screen reader's description.
    assert line.device_mark is not None
    assert line.device_mark.toolTip() == "Skrevet af partneren på egen enhed"
    assert "Skrevet af partneren på egen enhed" in line.edit.accessibleDescription()
    assert "Mette Kjær" in window.undo_action.text()

    window.undo_action.trigger()
    session_id = window.session_page.session_id
    assert [e.text for e in window.store.elements(session_id, kind="change")] == []
    assert not any(line.element.text == "Flere cykelstier" for line in card.lines)
    window.redo_action.trigger()
    assert [e.text for e in window.store.elements(session_id, kind="change")] == ["Flere cykelstier"]
    window.close_room_action.trigger()


def test_a_partners_change_to_an_action_can_be_undone_in_the_window(qtbot, app_runner, session_id):
    window = app_runner.start()
    session = window.session_page.session_id
    partner = _partners(window)[0]
    action = window.store.add_action(session, AREA_IDS[0], "Fælles indkøb af ladestandere", owner_partner_id=partner.id)
    window.session_page.go_to_step(NEXT_STEPS_STEP)
    url = open_room_from_menu(window)
    client = _approved(qtbot, window, url)

    sent = answered(
        qtbot,
        lambda: client.request("PUT", f"api/actions/{action.id}", {"owner_person": "Mette", "due": "2026-06-01"}),
    )
    assert sent.status == 200, sent.body
    qtbot.waitUntil(lambda: "Fælles indkøb" in window.undo_action.text(), timeout=1000)
    assert window.store.action(action.id).owner_person == "Mette"

    window.undo_action.trigger()
    restored = window.store.action(action.id)
    assert restored.owner_person == ""
    assert restored.due is None
    window.redo_action.trigger()
    assert window.store.action(action.id).due == dt.date(2026, 6, 1)
    window.close_room_action.trigger()


def test_a_circle_written_on_a_device_stays_off_the_projector_until_revealed(qtbot, app_runner, session_id):
    window = app_runner.start()
    page = window.session_page
    page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    client = _approved(qtbot, window, url)
    sent = answered(qtbot, lambda: client.request("POST", "api/elements", {"field": "what", "text": "Hemmelig plan"}))
    assert sent.status == 201, sent.body
    # The window hears of it a moment after the phone's answer: its undo step comes first.
    qtbot.waitUntil(lambda: "Hemmelig plan" in window.undo_group.undoText())

    page.go_to_step(REVIEW_STEP)
    window.projector_action.trigger()
    review = page.current_workspace()
    assert "Hemmelig plan" not in window.projector.visible_text()
    assert review.reveal_row.isVisibleTo(review)
    assert "Skjult på projektoren" in review.hidden_label.text()
    # The facilitator's own view shows it, with the mark.
    assert "Hemmelig plan" in review.canvas.cards["what"]._labels[0].text()

    qtbot.mouseClick(review.reveal_all_button, Qt.MouseButton.LeftButton)
    assert "Hemmelig plan" in window.projector.visible_text()
    assert not review.reveal_row.isVisibleTo(review)

    window.undo_action.trigger()
    assert "Hemmelig plan" not in window.projector.visible_text()
    assert not any(
        circle.revealed for circle in window.store.circles(page.session_id, "change", _partners(window)[0].id)
    )
    window.close_room_action.trigger()


def test_the_window_tells_the_pages_when_the_step_or_the_timer_changes(qtbot, app_runner, session_id):
    window = app_runner.start()
    open_room_from_menu(window)
    room = window.room_control.room
    before = room.version
    window.next_action.trigger()
    assert room.version > before
    before = room.version
    window.menus.toggle_timer_action.trigger()
    assert room.version > before
    window.close_room_action.trigger()


def test_a_partners_writing_wakes_only_that_partners_pages_though_the_window_records_it(qtbot, app_runner, session_id):
    window = app_runner.start()
    window.session_page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    window.room_control.panel.approve_everyone.click()
    writer = _joined(qtbot, window, url, partner_index=0)
    other = _joined(qtbot, window, url, partner_index=1, label="Jonas' bærbare")
    qtbot.waitUntil(lambda: len(window.room_control.room.devices()) == 2)
    with stream(writer) as writers_page, stream(other) as others_page:
        sent = answered(
            qtbot, lambda: writer.request("POST", "api/elements", {"field": "what", "text": "Mere solvarme"})
        )
        assert sent.status == 201, sent.body
        # The window records the partner's element for undo; that must not wake the other partner.
        qtbot.waitUntil(lambda: "Mere solvarme" in window.undo_action.text(), timeout=2000)
        # The writer's page is handed the element itself (room.js appends it).
        assert writers_page.next()["text"] == "Mere solvarme"
        # Nor does drawing its line in the facilitator's circle.
        card = window.session_page.current_workspace().canvas.cards["what"]
        qtbot.waitUntil(lambda: any(line.element.text == "Mere solvarme" for line in card.lines), timeout=2000)
        # The facilitator's own undo is seen by everyone, as are the step and the timer. The
        # other page numbers it 1: the partner's add and its undo step did not wake it.
        window.undo_action.trigger()
        assert others_page.next() == 1
    window.close_room_action.trigger()


def test_the_room_is_served_by_a_process_of_its_own_on_the_windows_database(qtbot, app_runner, session_id):
    window = app_runner.start()
    open_room_from_menu(window)
    room = window.room_control.room
    assert isinstance(room, RoomProcess)
    real = window.store.open() if isinstance(window.store, DeferredStore) else window.store
    assert room.database == real.path
    child = room._process
    assert child.is_alive()
    assert child.pid != os.getpid()
    window.close_room_action.trigger()
    assert not child.is_alive()


def test_a_partners_write_is_committed_off_the_gui_thread_even_while_the_window_is_busy(qtbot, app_runner, session_id):
    window = app_runner.start()
    window.session_page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    client = _approved(qtbot, window, url)
    answer: dict[str, object] = {}
    phone = threading.Thread(
        target=lambda: answer.update(
            sent=client.request("POST", "api/elements", {"field": "what", "text": "Mens vinduet er optaget"})
        ),
        daemon=True,
    )
    phone.start()
    # The GUI thread does not process a single event until the phone has its answer (as when a
    # long paint or a modal loop holds it): the write must not need it.
    phone.join(10)
    assert not phone.is_alive()
    assert answer["sent"].status == 201, answer["sent"].body
    session_id = window.session_page.session_id
    assert [e.text for e in window.store.elements(session_id, kind="change")] == ["Mens vinduet er optaget"]
    # Once the GUI thread is free, the window shows it and can take it back.
    card = window.session_page.current_workspace().canvas.cards["what"]
    qtbot.waitUntil(lambda: any(line.element.text == "Mens vinduet er optaget" for line in card.lines), timeout=2000)
    window.undo_action.trigger()
    assert window.store.elements(session_id, kind="change") == []
    window.close_room_action.trigger()


def test_where_no_process_can_start_the_room_is_served_from_the_windows_own_threads(
    qtbot, app_runner, session_id, monkeypatch
):
    def refused(self) -> None:
        raise RoomProcessUnavailable("no processes on this machine")

    monkeypatch.setattr(RoomProcess, "launch", refused)
    window = app_runner.start()
    window.session_page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    assert isinstance(window.room_control.room, Room)
    client = _approved(qtbot, window, url)
    sent = answered(qtbot, lambda: client.request("POST", "api/elements", {"field": "what", "text": "Uden proces"}))
    assert sent.status == 201, sent.body
    qtbot.waitUntil(lambda: "Uden proces" in window.undo_action.text(), timeout=2000)
    window.undo_action.trigger()
    assert window.store.elements(window.session_page.session_id, kind="change") == []
    window.close_room_action.trigger()
    assert not listening(url)


def test_a_room_whose_process_dies_is_closed_and_the_facilitator_told(qtbot, app_runner, session_id):
    window = app_runner.start()
    url = open_room_from_menu(window)
    window.room_control.room._process.kill()
    qtbot.waitUntil(lambda: not window.room_control.is_open, timeout=5000)
    assert "Rummet lukkede uventet" in window.status_message.text()
    assert not window.room_control.dock.isVisible()
    assert window.open_room_action.isEnabled()
    assert not listening(url)
    # And it opens again.
    assert open_room_from_menu(window) != url
    window.close_room_action.trigger()


def test_an_element_written_on_a_device_is_marked_in_words_on_the_post_it_and_in_the_review(
    qtbot, app_runner, session_id
):
    window = app_runner.start()
    page = window.session_page
    partner = _partners(window)[0]
    circle = window.store.ensure_circle(page.session_id, partner.id, "change")
    window.store.add_element(circle.id, "what", "Fra telefonen", written_on_device=True)
    window.store.add_element(circle.id, "what", "Fra tastaturet")

    page.go_to_step("delsession-1-analyse")
    notes = {item.note.text: item for item in page.current_workspace().scene.items_by_id.values()}
    assert "Skrevet af partneren på egen enhed" in notes["Fra telefonen"].accessible_name()
    assert "Skrevet af partneren på egen enhed" in notes["Fra telefonen"].toolTip()
    assert "egen enhed" not in notes["Fra tastaturet"].accessible_name()

    page.go_to_step(REVIEW_STEP)
    card = page.current_workspace().canvas.cards["what"]
    marked = {label.text(): label.accessibleName() for label in card._labels}
    assert any("Fra telefonen" in text and "egen enhed" in name for text, name in marked.items())
    assert not any("Fra tastaturet" in text and "egen enhed" in name for text, name in marked.items())


def test_the_projector_shows_how_to_join_while_the_room_is_open_unless_the_panel_hides_it(
    qtbot, app_runner, session_id
):
    window = app_runner.start()
    url = open_room_from_menu(window)
    code = window.room_control.room.join_code
    window.projector_action.trigger()
    projector = window.projector
    assert projector.room_join is not None
    assert projector.room_join.qr.text == url
    assert code in projector.visible_text()

    window.room_control.panel.show_on_projector.click()
    assert code not in projector.visible_text()
    window.room_control.panel.show_on_projector.click()
    assert code in projector.visible_text()

    window.close_room_action.trigger()
    assert code not in projector.visible_text()
    assert projector.room_join is None


def test_a_partners_element_arrives_without_disturbing_the_line_the_facilitator_is_typing_in(
    qtbot, app_runner, session_id
):
    window = app_runner.start()
    window.session_page.go_to_step(CIRCLE_STEP)
    url = open_room_from_menu(window)
    client = _approved(qtbot, window, url)
    card = window.session_page.current_workspace().canvas.cards["what"]
    # The projector opened with the room; the facilitator is back at the laptop's window.
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClicks(card.entry, "Havnen")
    qtbot.keyClick(card.entry, Qt.Key.Key_Return)
    line = card.lines[0]
    line.edit.setFocus()
    line.edit.end(False)
    qtbot.keyClicks(line.edit, " i Esbjerg")

    for text in ("Flere cykelstier", "Grønne tage"):
        sent = answered(
            qtbot, lambda text=text: client.request("POST", "api/elements", {"field": "what", "text": text})
        )
        assert sent.status == 201, sent.body
    qtbot.waitUntil(lambda: [line.element.text for line in card.lines][1:] == ["Flere cykelstier", "Grønne tage"])
    # The facilitator's line was left as it was: still theirs to type in, and Ctrl+Z still
    # takes back what they typed there (a rebuilt line would have lost both).
    assert card.lines[0] is line
    assert line.edit.hasFocus()
    assert line.edit.text() == "Havnen i Esbjerg"
    assert line.edit.isUndoAvailable()
    qtbot.keyClicks(line.edit, " by")
    assert line.edit.text() == "Havnen i Esbjerg by"
    window.close_room_action.trigger()


def test_the_window_gets_the_interpreter_back_quickly_while_the_room_is_open(qtbot, app_runner, session_id):
    window = app_runner.start()
    before = sys.getswitchinterval()
    open_room_from_menu(window)
    # Sixty phones' requests run Python on the server's threads meanwhile.
    assert sys.getswitchinterval() < before
    window.close_room_action.trigger()
    assert sys.getswitchinterval() == before


def test_the_window_goes_on_while_the_room_starts_and_closing_then_stops_it(qtbot, app_runner, session_id):
    window = app_runner.start()
    window.room_control.host = "127.0.0.1"
    window.open_room_action.trigger()
    control = window.room_control
    # Starting a process takes a second; the window is not held meanwhile.
    assert control.is_opening
    assert not control.is_open
    assert not window.open_room_action.isEnabled()
    assert window.statusBar().currentMessage() == "Åbner rummet …"
    starting = control._opening._process
    window.close_room()
    assert not control.is_opening
    assert not starting.is_alive()
    assert window.open_room_action.isEnabled()
    # And it opens when asked again.
    url = open_room_from_menu(window)
    assert listening(url)
    window.close_room_action.trigger()


def test_a_room_that_cannot_listen_where_asked_says_so(qtbot, app_runner, session_id, monkeypatch):
    import facilitator.ui.room_control as room_control

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(room_control, "LISTEN_PORTS", (taken.getsockname()[1],))
        window = app_runner.start()
        shown: list[str] = []
        monkeypatch.setattr(room_control, "message_box", lambda _parent, _title: _Said(shown))
        window.room_control.host = "127.0.0.1"
        window.open_room_action.trigger()
        wait_until_open(window)
    assert not window.room_control.is_open
    (said,) = shown
    assert "Rummet kan ikke åbnes på 127.0.0.1" in said
    assert window.open_room_action.isEnabled()


class _Said:
    def __init__(self, shown: list[str]) -> None:
        self.shown = shown

    def show(self, message: str) -> None:
        self.shown.append(message)
