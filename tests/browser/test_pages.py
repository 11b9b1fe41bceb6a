"""Search and document pages in a real browser (fixtures in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from myrtille.index.factory import open_index
from tests.browser.conftest import screenshot
from tests.web.conftest import Live, start_live
from tests.web.test_ui import hostile_document


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("browser") / "data") as running:
        index = open_index(running.settings)
        index.index([hostile_document()])  # type: ignore[list-item]
        index.close()
        yield running


def total(page: Page) -> int:
    return int(page.locator("#total").get_attribute("data-total") or "-1")


def test_search_then_click_a_facet(site: Live, page: Page, tmp_path: Path) -> None:
    page.goto(f"{site.url}/search")
    page.fill("input[name=q]", "event:acquisition")
    page.click("button[type=submit]")
    page.wait_for_selector("#total")
    before = total(page)
    assert before >= 3
    # One hit per story on the page; a story's other reports are listed under its hit.
    hits = page.locator("li.hit").count()
    assert 0 < hits <= before
    assert hits + page.locator("li.hit a.also-link").count() == before
    screenshot(page, "search")
    page.click("[data-facet=source] a.facet-link:has-text('la-depeche')")
    page.wait_for_url("**source%3Ala-depeche**")
    after = total(page)
    assert 0 < after < before
    assert "source:la-depeche" in page.input_value("input[name=q]")
    screenshot(page, "search-facet")


def test_document_with_entities(site: Live, page: Page, tmp_path: Path) -> None:
    page.goto(f"{site.url}/search?q=a%C3%A9rovolt&lang=en")
    # The article is a hit of its own or listed under its story's hit.
    page.click(
        "li.hit a.title:has-text('Aérovolt rachète Hélicea'), "
        "li.hit a.also-link:has-text('Aérovolt rachète Hélicea')"
    )
    page.wait_for_selector("#doc-text")
    assert page.locator("#doc-title mark.ent-ORG").count() >= 1
    assert page.locator("#doc-text mark.ent-LOC").first.inner_text() == "Toulouse"
    assert page.locator("html").get_attribute("lang") == "en"
    screenshot(page, "document")


def test_hostile_document_is_inert(site: Live, page: Page, tmp_path: Path) -> None:
    fired: list[Any] = []
    page.on("dialog", lambda dialog: fired.append(dialog.message))
    page.goto(f"{site.url}/documents/d90")
    page.wait_for_selector("#doc-text")
    assert "<script>alert(1)</script>" in page.locator("#doc-title").inner_text()
    assert page.locator("#doc-text svg, #doc-text img, #doc-text script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"{site.url}/search?q=pi%C3%A8ge")
    page.wait_for_selector("#total")
    assert total(page) == 1
    page.wait_for_timeout(300)
    assert not fired, f"an alert fired: {fired}"
    screenshot(page, "hostile")
