"""The map in a real browser: the departments a query's documents name are shaded, and a
click on one opens the search narrowed to it (an SVG link, no JavaScript)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from myrtille.index.factory import open_index
from tests.browser.conftest import screenshot
from tests.web.conftest import Live, start_live
from tests.web.test_map import territories


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("browser-map") / "data") as running:
        index = open_index(running.settings)
        index.index(territories())
        index.close()
        yield running


def fill(page: Page, code: str) -> str:
    """The colour the browser paints a department with."""
    return page.eval_on_selector(
        f'a.area[data-code="{code}"] path', "path => getComputedStyle(path).fill"
    )


def test_map_shades_the_matching_departments_and_a_click_narrows_the_search(
    site: Live, page: Page
) -> None:
    page.goto(f"{site.url}/map")
    page.fill("input[name=q]", "event:acquisition")
    page.click("form.map-form button[type=submit]")
    page.wait_for_selector("#map-table")
    assert page.locator("a.area").count() == 101
    # Haute-Garonne (3 acquisitions) and Hérault (1) are shaded; Paris and Guadeloupe not.
    for code in ("31", "34"):
        assert page.get_attribute(f'a.area[data-code="{code}"] path', "class") != "shade-0"
        assert fill(page, code) != fill(page, "75")
    assert page.get_attribute('a.area[data-code="75"] path', "class") == "shade-0"
    assert page.get_attribute('a.area[data-code="971"] path', "class") == "shade-0"
    assert fill(page, "31") != fill(page, "34")  # three documents look darker than one
    assert page.locator("#map-table tr[data-code='31'] td.count").inner_text() == "3"
    screenshot(page, "map")

    page.click('a.area[data-code="34"]')
    page.wait_for_url("**/search?**")
    assert page.input_value("input[name=q]") == "event:acquisition dept:34"
    assert page.locator("#total").get_attribute("data-total") == "1"
    assert page.locator("li.hit a.title").all_inner_texts() == [
        "Rachat entre Toulouse et Montpellier"
    ]
    # The search page's own department facet and small map say the same.
    assert page.locator("[data-facet=dept] a.facet-link").all_inner_texts() == [
        "Haute-Garonne",
        "Hérault",
    ]
    small = page.locator("#results-map")
    assert small.locator("a.area[data-code='34'] path").get_attribute("class") != "shade-0"
    screenshot(page, "map-narrowed-search")


def test_regions_and_overseas_at_phone_width(site: Live, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site.url}/map?level=region&lang=en")
        page.wait_for_selector("#map-table")
        assert page.locator("a.area").count() == 18
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the map page scrolls sideways at 375 px ({width} px)"
        box = page.locator("figure.france-map svg").bounding_box()
        assert box is not None and 300 <= box["width"] <= 375
        # Guadeloupe's inset is a link too.
        assert page.get_attribute('a.area[data-code="01"] path', "class") != "shade-0"
        screenshot(page, "map-regions-375")
        page.click('a.area[data-code="01"]')
        page.wait_for_url("**/search?**")
        assert page.input_value("input[name=q]") == "region:01"
        assert page.locator("li.hit a.title").all_inner_texts() == ["Usine à Pointe-à-Pitre"]
    finally:
        context.close()
