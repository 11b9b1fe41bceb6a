"""Hostile crawled content is inert in every page, in a real browser.

One hostile document (``<script>``, ``<img onerror>``, ``<svg onload>``, a ``javascript:``
URL, a company named with a script) is indexed; a source whose crawl error quotes a
script is crawled for real; a firm's subscription carries a script in its name and query.
Each page that can show any of it is opened: no dialog may fire (the ``page`` fixture fails
the test otherwise), no element the hostile text describes may exist, and the text must be
shown as text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from myrtille.alerts.mail import preferences_url
from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.index.factory import open_index
from tests.browser.conftest import fill_sign_in, screenshot
from tests.web.conftest import Live, start_live
from tests.web.test_ui import SCRIPT, hostile_document

HOSTILE_FEED = (
    '<html><head><link rel="alternate" type="application/rss+xml" '
    f'href="/feed?x={SCRIPT}"></head><body><svg onload=alert(2)></svg></body></html>'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with RouteServer() as remote:
        remote.routes["/hostile.xml"] = Route(HOSTILE_FEED.encode())
        sources = [{"id": "hostile-source", "kind": "feed", "url": remote.url("/hostile.xml")}]
        data_dir = tmp_path_factory.mktemp("hostile-everywhere") / "data"
        with start_live(data_dir, sources=sources) as running:
            index = open_index(running.settings)
            index.index([hostile_document()])  # type: ignore[list-item]
            index.close()
            run_crawl(running.settings, running.database, list(running.settings.sources))
            yield running


def assert_inert(page: Page) -> None:
    main = page.locator("main")
    assert main.locator("script, iframe, object, embed").count() == 0
    # The only SVG is the map the server draws from its own geometry; nothing crawled in it.
    assert main.locator("svg").count() == main.locator("figure.france-map > svg").count()
    assert main.locator("svg script, svg foreignObject, svg [onload], svg [onclick]").count() == 0
    assert main.locator("img[onerror], [onload], [onclick], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript'], a[href^='data:']").count() == 0
    page.wait_for_timeout(200)  # time for an injected handler to fire, had one survived


def sign_in(page: Page, site: Live) -> None:
    page.goto(f"{site.url}/signin")
    fill_sign_in(page)


def test_public_pages(site: Live, page: Page) -> None:
    page.goto(f"{site.url}/search?q=pi%C3%A8ge")
    page.wait_for_selector("#total")
    assert "<script>alert(1)</script>" in page.locator("li.hit").first.inner_text()
    assert_inert(page)
    page.goto(f"{site.url}/search?q=event%3Aacquisition")
    page.wait_for_selector("[data-facet=company]")
    assert "Malveillance <script>" in page.locator("[data-facet=company]").inner_text()
    assert_inert(page)
    page.goto(f"{site.url}/documents/d90")
    page.wait_for_selector("#doc-text")
    assert_inert(page)
    page.goto(f"{site.url}/trends?q=pi%C3%A8ge")
    page.wait_for_selector("main")
    assert_inert(page)
    page.goto(f"{site.url}/sources")
    row = page.locator("main").get_by_text("hostile-source").first
    row.wait_for()
    assert "<script>" in page.locator("main").inner_text()  # the error, quoted as text
    assert_inert(page)
    screenshot(page, "hostile-sources")


def test_agent_and_firm_pages(site: Live, page: Page) -> None:
    secret = secret_key(site.settings.secret_key, site.settings.data_dir)
    created = create_subscription(
        site.database,
        secret,
        email="cible@example.org",
        query=f'"{SCRIPT}" OR piège',
        name=f"Veille {SCRIPT}",
        confirmed_by_operator=True,
    )
    sign_in(page, site)
    page.goto(f"{site.url}/agent/subscriptions/new")
    page.fill("#email", "pme@example.org")
    page.fill("#name", f"Nom {SCRIPT}")
    page.fill("#query", "piège")
    page.click("#preview")
    page.wait_for_selector("#preview-results")
    assert "<script>alert(1)</script>" in page.locator("#preview-results").inner_text()
    assert_inert(page)
    page.click("#save")
    page.wait_for_selector("#notice")
    assert f"Nom {SCRIPT}" in page.locator("main").inner_text()
    assert_inert(page)
    screenshot(page, "hostile-subscriptions")
    preferences = preferences_url(site.settings, secret, created.subscriber_id)
    page.goto(site.url + "/" + preferences.split("://", 1)[1].split("/", 1)[1])
    page.wait_for_selector("main")
    assert f"Veille {SCRIPT}" in page.locator("main").inner_text()
    assert_inert(page)
