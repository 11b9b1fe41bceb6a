"""The map on the demo's own data, in Chromium (issue 13.1, "Done when"): after
`myrtille demo --once` collected and enriched the demo site, the map of a query shades
exactly the departments of the documents it matches, and a click on one opens the search
narrowed to that department.

The expected departments are counted from the indexed documents with the in-memory
evaluator (the semantics' reference), not from the map's code. The demo's collection and
enrichment (about a minute) is the session's ``demo_run``, shared with tests/demo.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from myrtille.config.loading import load_settings
from myrtille.index.factory import open_index
from myrtille.index.matching import matches
from myrtille.index.query import parse_search
from myrtille.index.resolver import CodeResolver
from myrtille.web.app import create_app
from tests.browser.conftest import screenshot
from tests.web.conftest import serve_app

QUERY = "event:insolvency"


@pytest.fixture(scope="module")
def demo(demo_run: tuple[Path, int, str]) -> Iterator[tuple[str, Counter[str]]]:
    data_dir, _, _ = demo_run  # the session's `myrtille demo --once` (tests/conftest.py)
    settings = load_settings(data_dir / "demo.yaml", env={})
    index = open_index(settings)
    node = parse_search(QUERY, CodeResolver())
    counted: Counter[str] = Counter()
    for document in index.scan(parse_search("", CodeResolver())):
        if matches(node, document):
            counted.update(set(document.departments))
    index.close()
    app = create_app(settings)
    with serve_app(app) as url:
        yield url, counted


@pytest.mark.slow
def test_the_demo_map_shades_its_departments_and_a_click_narrows_the_search(
    demo: tuple[str, Counter[str]], page: Page
) -> None:
    url, counted = demo
    assert len(counted) >= 3, f"the demo's {QUERY} documents name too few departments"
    page.goto(f"{url}/map")
    page.fill("input[name=q]", QUERY)
    page.click("form.map-form button[type=submit]")
    page.wait_for_selector("#map-table")
    areas = page.locator("a.area")
    assert areas.count() == 101
    shaded = {
        area.get_attribute("data-code"): area.locator("path").get_attribute("class")
        for area in areas.all()
    }
    assert {code for code, shade in shaded.items() if shade != "shade-0"} == set(counted)
    for code, count in counted.items():
        cell = page.locator(f"#map-table tr[data-code='{code}'] td.count")
        assert cell.inner_text() == str(count), code
    screenshot(page, "demo-map")

    busiest, count = counted.most_common(1)[0]
    page.click(f'a.area[data-code="{busiest}"]')
    page.wait_for_url("**/search?**")
    assert page.input_value("input[name=q]") == f"{QUERY} dept:{busiest}"
    assert page.locator("#total").get_attribute("data-total") == str(count)
    assert page.locator("li.hit").count() >= 1
    screenshot(page, "demo-map-narrowed-search")
