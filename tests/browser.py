"""Shared browser fixtures: the system's Chromium, driven by Playwright, as a partner's phone.

`playwright install` cannot fetch browsers offline, so the tests use the Chromium the
system package manager installed (`.ci/run` installs it on Debian). Import the fixtures
through tests/conftest.py; Playwright itself is imported only when a browser test runs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

#: A common phone's screen in CSS pixels (iPhone 12-15), as the issue's screenshots use.
PHONE_VIEWPORT = {"width": 390, "height": 844}


def chromium_path() -> str:
    """The system's Chromium, or a failure that says how to get it (never a skip)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("The browser tests need Chromium: install the Debian package 'chromium' (see .ci/run).")
    return found


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for the whole run (a Playwright `Browser`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            # Containers and CI runners often lack the user namespaces Chromium's sandbox needs.
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def phone_page(chromium_browser) -> Iterator[object]:
    """A fresh phone (390x844, touch, its own storage) with one open tab: a Playwright `Page`."""
    from playwright.sync_api import expect

    # Two shared cores under a full test run can take seconds to answer; 5 s (the default)
    # made the checks flaky, not stricter.
    expect.set_options(timeout=20_000)
    context = chromium_browser.new_context(
        viewport=PHONE_VIEWPORT,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="da-DK",
        accept_downloads=True,
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def save_screenshot(page, folder: Path | None, name: str) -> None:
    """Keep a picture of the phone's screen (full page) when a folder for them is given."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
