"""Company pages in Chromium: found by name, a timeline and the companies mentioned with
it, one click from one company to the next, readable at phone width (fixtures: the HTTP
tests' site, tests/web/company_site.py)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.browser.conftest import screenshot
from tests.web.company_site import SOLARIS_SIREN, site  # noqa: F401 (the fixture)
from tests.web.conftest import AEROVOLT, Live


def test_a_company_page_shows_its_timeline_and_co_mentioned_companies(
    site: Live,  # noqa: F811
    page: Page,
) -> None:
    page.goto(f"{site.url}/companies")
    page.fill("input[name=q]", "aérovolt")
    page.click("form.query button[type=submit]")
    page.click("a.company-link")
    page.wait_for_selector("#timeline")
    assert page.url.endswith(f"/companies/{AEROVOLT}")
    assert page.locator("#company-name").inner_text() == "Aérovolt SAS (AEV)"
    items = page.locator("li.timeline-item")
    assert items.count() == 6
    assert items.first.locator(".badge.kind-bodacc").inner_text() == "BODACC"
    assert items.nth(3).locator(".badge.kind-boamp").inner_text() == "BOAMP"
    assert items.nth(3).locator(".badge.event").count() == 2
    assert page.locator("#mention-count").inner_text() == "6 documents le mentionnent."
    mentioned = page.locator("a.co-mention")
    assert mentioned.first.inner_text() == "Solaris Énergie"
    # The hostile registry name is text on the page, not an element.
    assert page.locator("#co-mentions img").count() == 0
    screenshot(page, "company")

    mentioned.first.click()
    page.wait_for_selector("#timeline")
    assert page.url.endswith(f"/companies/{SOLARIS_SIREN}")
    assert page.locator("#company-name").inner_text() == "Solaris Énergie"
    assert page.locator("li.timeline-item").count() == 2
    assert "Aérovolt SAS" in page.locator("a.co-mention").all_inner_texts()


def test_a_company_page_fits_a_phone(site: Live, browser: Browser) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        phone = context.new_page()
        phone.goto(f"{site.url}/companies/{AEROVOLT}?lang=en")
        phone.wait_for_selector("#timeline")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the page is {width} px wide at 375 px"
        assert phone.locator("#watch-company").is_visible()
        screenshot(phone, "company-375px")
    finally:
        context.close()
