"""Trends and sources pages in a real browser (fixtures in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from myrtille.demo.httpserver import RouteServer
from tests.browser.conftest import fill_sign_in, screenshot
from tests.waiting import wait_until
from tests.web.conftest import Live, start_live
from tests.web.test_sources_page import CRAWL, load_state, serve_feed


@pytest.fixture(scope="module")
def feeds() -> Iterator[RouteServer]:
    with RouteServer() as running:
        serve_feed(running, "regions", 2)
        yield running


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, feeds: RouteServer) -> Iterator[Live]:
    sources = [{"id": "regions", "kind": "feed", "url": feeds.url("/regions.xml")}]
    data_dir = tmp_path_factory.mktemp("browser-sources") / "data"
    with start_live(data_dir, sources=sources, crawl=CRAWL) as running:
        yield running


def test_trends_mark_the_spike(site: Live, page: Page) -> None:
    page.goto(f"{site.url}/trends")
    # The first box; the others are "compare with" boxes, also named q.
    page.fill(".what input[name=q]", "sector:energy")
    page.select_option("select[name=interval]", "day")
    page.fill("input[name=periods]", "21")
    page.click("form.trend-form button[type=submit]")
    page.wait_for_selector("#trend-chart")
    assert page.locator("#trend-chart a.bar").count() == 21
    spike = page.locator("#trend-chart a.bar.spike")
    assert spike.count() == 1
    assert spike.locator(".marker").is_visible()
    assert spike.locator(".marker").inner_text() == "▲ pic"
    assert page.locator("#trend-table tr.spike td.count").inner_text() == "4"
    screenshot(page, "trends")
    # The spike's bar opens the search for its day: the four documents of the spike.
    spike.click()
    page.wait_for_selector("#total")
    assert page.locator("#total").get_attribute("data-total") == "4"
    assert "sector:energy after:" in page.input_value("input[name=q]")


def test_trends_compare_two_queries_on_one_chart(site: Live, page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site.url}/trends?lang=en")
    page.fill(".what input[name=q]", "sector:energy")
    page.locator(".compare input[name=q]").first.fill("event:acquisition")
    page.fill("input[name=periods]", "21")
    page.click("form.trend-form button[type=submit]")
    page.wait_for_selector("#trend-legend")
    legend = page.locator("#trend-legend li")
    assert legend.count() == 2
    assert "sector:energy" in legend.nth(0).inner_text()
    assert "event:acquisition" in legend.nth(1).inner_text()
    # One bar per series and period, told apart by colour and pattern, not colour alone.
    first, second = page.locator("#trend-chart a.bar.s1"), page.locator("#trend-chart a.bar.s2")
    assert first.count() == 21 and second.count() == 21
    swatches = [
        page.locator(f"#trend-legend .swatch.s{n}").evaluate(
            "e => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor"
        )
        for n in (1, 2)
    ]
    assert swatches[0] != swatches[1] and "gradient" in swatches[1]
    # The energy spike is marked on its own series.
    assert page.locator("#trend-chart a.bar.s1.spike .marker").inner_text() == "▲1"
    assert page.locator("#trend-chart a.bar.s2.spike").count() == 0
    assert page.locator("#trend-table thead th[data-series]").count() == 2
    # Fits a phone: no sideways scroll.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "trends-compare")


def test_an_agent_polls_a_source_now(site: Live, feeds: RouteServer, page: Page) -> None:
    page.goto(f"{site.url}/sources")
    row = page.locator("tr[data-source=regions]")
    assert row.locator("td.last-success").inner_text() == "jamais"
    assert page.locator("button.poll-now").count() == 0  # public: no button

    page.click("#sign-in")
    fill_sign_in(page)
    assert page.url.endswith("/sources")

    row.locator("button.poll-now").click()
    page.wait_for_selector("#notice")
    assert "Relevé de « regions » lancé" in page.locator("#notice").inner_text()

    def polled() -> bool:
        """Whether the page, reloaded, shows the poll over and successful."""
        page.reload()
        succeeded = row.locator("td.last-success .ok").count() > 0
        return succeeded and not row.locator(".polling").count()

    assert wait_until(polled, 90, 0.3), "the poll never ended"
    assert "Relevé de « regions » terminé" in page.locator("#notice").inner_text()
    state = load_state(site.database, "regions")
    assert state is not None and state.last_success_at is not None
    assert row.locator("td.last-success").inner_text() == state.last_success_at.strftime(
        "%d/%m/%Y %H:%M UTC"
    )
    assert row.locator("td.total").inner_text() == "2"
    assert feeds.hits["/regions/0.html"] == feeds.hits["/regions/1.html"] == 1
    screenshot(page, "sources")
