"""Browser fixtures: Debian's Chromium driven by Playwright (no browser download).

Skipped when /usr/bin/chromium is absent, unless CI is set: then it must run. Every
screenshot is kept under ``test-artifacts/screenshots/`` at the top of the checkout (or
``$MYRTILLE_TEST_ARTIFACTS``), so a run leaves a picture of each page behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.run_environment import run_variable

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(
    run_variable("MYRTILLE_TEST_ARTIFACTS")
    or Path(__file__).resolve().parents[2] / "test-artifacts"
)

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Dialog, Page, sync_playwright  # noqa: E402

from tests.web.conftest import AGENT_NAME, AGENT_PASSWORD  # noqa: E402


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies); any alert/confirm dialog fails the test."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    yield opened
    context.close()
    assert not dialogs, f"a dialog fired: {dialogs}"


def fill_sign_in(page: Page) -> None:
    """Fill and send the sign-in form the page shows, as the test agent; wait for the
    header to name it."""
    page.fill("#name", AGENT_NAME)
    page.fill("#password", AGENT_PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_selector("#signed-in")


def screenshot(page: Page, name: str) -> Path:
    """A full-page picture kept as a test artefact."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000, f"empty screenshot {path}"
    return path
