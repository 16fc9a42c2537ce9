"""The owner sets a light from a phone at a follow-up's status step; the window shows it and can undo it.

A real Chromium on a phone-sized screen (tests/ui/phone_thread.py) and the facilitator's real
window: the page lists only the partner's own actions, with every light in colour and words;
the light set there is on the status board within a second, and Fortryd takes it back.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from facilitator.paths import followup_program_path
from facilitator.program import load_program
from facilitator.store import Store
from facilitator.ui.workspaces.status_board import COL_LIGHT, StatusBoardWorkspace
from tests.ui.phone_thread import PhoneBrowser
from tests.ui.room_window import open_room_from_menu

STATUS_STEP = "status-aftaler"
#: Set to a folder to keep the phone's screenshots (they go to the test's tmp folder otherwise).
SHOTS_ENV = "FACILITATOR_ROOM_SHOTS"


@pytest.fixture
def phone():
    browser = PhoneBrowser()
    yield browser
    browser.close()


@pytest.fixture
def followup_id(paths, empty_database) -> tuple[int, list[int]]:
    """A follow-up meeting on the opfølgningsmøde program with two partners' actions; (session, actions)."""
    empty_database.copy_to(paths.database)
    store = Store(paths.database)
    try:
        program = load_program(followup_program_path())
        session_id = store.create_session(program, title="Kystpartnerskab, andet møde", date=dt.date(2026, 6, 24))
        mette = store.add_partner(session_id, "Mette Kjær", organisation="Vesterhavs Kommune").id
        jonas = store.add_partner(session_id, "Jonas Friis", organisation="Vesterhavs Forsyning").id
        actions = [
            store.add_action(
                session_id, "relations", "Få mandat fra direktionen", owner_partner_id=mette, due=dt.date(2026, 5, 15)
            ).id,
            store.add_action(session_id, "timelines", "Afklar budgetfristen", owner_partner_id=jonas).id,
            store.add_action(
                session_id, "concept", "Skriv en side om idéen", owner_partner_id=mette, due=dt.date(2026, 8, 1)
            ).id,
        ]
        store.set_last_session_id(session_id)
    finally:
        store.close()
    return session_id, actions


def test_the_owner_sets_a_light_from_the_phone_and_the_window_shows_and_undoes_it(
    qtbot, app_runner, followup_id, phone, tmp_path
):
    _session_id, (mandate, budget, page_text) = followup_id
    shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    window = app_runner.start()
    store = window.store
    page = window.session_page
    page.go_to_step(STATUS_STEP)
    board = page.current_workspace()
    assert isinstance(board, StatusBoardWorkspace)
    mette = store.partners(page.session_id)[0]
    url = open_room_from_menu(window)
    window.room_control.set_approve_everyone(True)

    def join(browser_page) -> list[str]:
        browser_page.goto(url)
        browser_page.select_option("#join-partner", str(mette.id))
        browser_page.click("#join-form button[type=submit]")
        browser_page.wait_for_selector("#status", state="visible")
        return browser_page.locator("#status-body .what").all_inner_texts()

    # Only Mette's own actions, never Jonas's.
    assert phone.do(qtbot, join) == ["Få mandat fra direktionen", "Skriv en side om idéen"]

    def set_light(browser_page) -> str:
        from playwright.sync_api import expect

        form = browser_page.locator(f"form:has(#status-{mandate})")
        # The overdue action says so in words; the lights are offered in words beside their colour.
        expect(browser_page.locator(f"#now-{mandate}")).to_contain_text("Intet lys")
        expect(form.locator("label.light-choice.yellow")).to_have_text("● Gul: i proces")
        form.locator("label.light-choice.yellow").click()
        browser_page.select_option(f"#status-{mandate}", "started")
        browser_page.fill(f"#comment-{mandate}", "Direktionen behandler det i juni.")
        browser_page.screenshot(path=str(shots / "phone-8-status.png"), full_page=True)
        form.locator("button[type=submit]").click()
        browser_page.wait_for_selector("#message.ok")
        expect(browser_page.locator(f"#now-{mandate}")).to_contain_text("● Gul: i proces · I gang")
        browser_page.screenshot(path=str(shots / "phone-9-status-saved.png"), full_page=True)
        return browser_page.locator("#status-body").inner_text()

    text = phone.do(qtbot, set_light)
    assert "⚠ Overskredet" in text
    assert "Afklar budgetfristen" not in text

    # On the window's status board within a second, in words; one undo step names the partner.
    def shown() -> bool:
        row = next(i for i, action in enumerate(board.actions) if action.id == mandate)
        return "Gul: i proces" in board.table.item(row, COL_LIGHT).text()

    qtbot.waitUntil(shown, timeout=1000)
    stored = store.action(mandate)
    assert (stored.status, stored.light, stored.status_comment) == (
        "started",
        "yellow",
        "Direktionen behandler det i juni.",
    )
    assert [entry.by for entry in store.action_history(mandate)] == ["Vesterhavs Kommune"]
    qtbot.waitUntil(lambda: "Få mandat" in window.undo_action.text(), timeout=1000)
    window.undo_action.trigger()
    restored = store.action(mandate)
    assert (restored.status, restored.light, restored.status_comment) == ("open", None, "")
    assert store.action_history(mandate) == []
    row = next(i for i, action in enumerate(board.actions) if action.id == mandate)
    assert "Gul" not in board.table.item(row, COL_LIGHT).text()
    # Redo brings the partner's word back.
    window.redo_action.trigger()
    assert store.action(mandate).light == "yellow"
    assert store.action(budget).light is None
    assert store.action(page_text).light is None

    # The page follows the window: after an undo it shows no light again, in English when asked.
    window.undo_action.trigger()

    def undone(browser_page) -> None:
        from playwright.sync_api import expect

        expect(browser_page.locator(f"#now-{mandate}")).to_contain_text("Intet lys")
        browser_page.click("#lang-en")
        expect(browser_page.locator("#status-heading")).to_have_text("Status of your agreements")
        expect(browser_page.locator(f"#now-{mandate}")).to_contain_text("No light")
        expect(browser_page.locator(f"form:has(#status-{mandate}) label.light-choice.red")).to_have_text(
            "● Red: not started"
        )

    phone.do(qtbot, undone)
    window.close_room_action.trigger()
    assert window.room_control.server is None
