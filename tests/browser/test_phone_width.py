"""Every page of the UI at a phone's width (375 px): nothing scrolls sideways, whatever the
content (a title of one 120-letter word, long URLs, long addresses and queries in tables),
and no request of any page fails (the favicon included) under the pages' own CSP. Every
HTML page the app routes is visited (a new page that is not fails the test), and so are
the answers to the forms: the public form's errors, its sent and limited pages, the
portfolio import report, the preferences after a change."""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from playwright.sync_api import Browser, Page
from sqlalchemy import select

import myrtille.web
from myrtille.alerts.mail import preferences_url, unsubscribe_url
from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.enrichment.portfolios import import_portfolio
from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from myrtille.store.schema import Agent
from tests.browser.conftest import fill_sign_in, screenshot
from tests.web.conftest import AEROVOLT, AGENT_NAME, Live, doc, start_live
from tests.web.test_sources_page import CRAWL, serve_feed

PHONE = {"width": 375, "height": 740}
LONG_WORD = "Anticonstitutionnellement" * 5
LONG_PATH = "/" + "/".join(["rapport-annuel-des-chambres-consulaires-regionales"] * 4) + ".xml"
LONG_EMAIL = "direction.generale.des.achats.strategiques@" + "groupe-industriel." * 4 + "example.fr"
LONG_QUERY = (
    "sector:aeronautics (region:occitanie OR region:nouvelle-aquitaine) "
    '"levée de fonds" -rumeur event:acquisition company:' + LONG_WORD
)

# How wide the page and its body scroll, against the viewport; and the elements that
# reach past its right edge, to say what to fix.
MEASURE = r"""() => {
  const inner = window.innerWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > inner + 1 && box.width > 0) {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (classes ? '.' + classes.split(/\s+/).join('.') : '') +
        ` right=${Math.round(box.right)}`);
    }
  }
  return {
    inner: inner,
    page: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    wide: wide.slice(0, 8),
  };
}"""


@pytest.fixture(scope="module")
def feeds() -> Iterator[RouteServer]:
    with RouteServer() as running:
        serve_feed(running, "regions", 2)
        running.routes[LONG_PATH] = Route(b"<h1>Internal error</h1>", status=500)
        yield running


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, feeds: RouteServer) -> Iterator[Live]:
    sources = [
        {"id": "regions", "kind": "feed", "url": feeds.url("/regions.xml")},
        {
            "id": "rapports-regionaux-des-chambres-consulaires",
            "kind": "feed",
            "url": feeds.url(LONG_PATH),
        },
    ]
    data_dir = tmp_path_factory.mktemp("phone") / "data"
    # Two public form posts a minute: the third shows the "too many requests" page.
    web = {"public_subscribe": {"per_address_per_minute": 2}}
    with start_live(data_dir, sources=sources, crawl=CRAWL, web=web) as running:
        settings = running.settings
        run_crawl(settings, running.database, settings.sources)
        with running.database.session() as session:
            session.add(Company(id=AEROVOLT, siren=AEROVOLT, name=f"Aérovolt {LONG_WORD}"))
        long_one = doc(
            80,
            f"Aérovolt rachète {LONG_WORD}",
            f"Aérovolt rachète {LONG_WORD} à Toulouse ; voir https://news.example/{LONG_PATH}"
            f"?utm_source={LONG_WORD} pour les détails.",
            age=2,
            source="source-" + "tres-longue-" * 6,
            companies=[{"name": LONG_WORD, "siren": AEROVOLT}],
            events=["acquisition"],
            regions=["76"],
        )
        long_one.url = f"https://news.example{LONG_PATH}?ref={LONG_WORD}"
        index = open_index(settings)
        index.index([long_one])
        index.close()
        yield running


@pytest.fixture(scope="module")
def closed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A site whose operator turned the public subscription page off."""
    web = {"public_subscribe": {"enabled": False}}
    with start_live(tmp_path_factory.mktemp("phone-closed") / "data", web=web) as running:
        yield running


def html_routes() -> list[APIRoute]:
    """Every route of the web package that answers a GET with an HTML page."""
    routes = []
    for found in pkgutil.walk_packages(myrtille.web.__path__, "myrtille.web."):
        router = getattr(importlib.import_module(found.name), "router", None)
        for route in getattr(router, "routes", []):
            if (
                isinstance(route, APIRoute)
                and "GET" in route.methods
                and route.response_class is HTMLResponse
            ):
                routes.append(route)
    return routes


@pytest.fixture(scope="module")
def links(site: Live) -> dict[str, str]:
    """The agent's subscription (long address and query) and a firm's email links."""
    secret = secret_key(site.settings.secret_key, site.settings.data_dir)
    with site.database.session() as session:
        agent_id = session.scalar(select(Agent.id).where(Agent.name == AGENT_NAME))
    owned = create_subscription(
        site.database,
        secret,
        email=LONG_EMAIL,
        query=LONG_QUERY,
        name="Veille " + LONG_WORD,
        confirmed_by_operator=True,
        agent_id=agent_id,
    )
    pending = create_subscription(
        site.database,
        secret,
        email="pme@" + "filiale-du-groupe." * 6 + "example.fr",
        query=LONG_QUERY,
    )
    assert pending.confirm_token
    # A portfolio whose label is one long word: its page must still fit.
    import_portfolio(
        site.database,
        "clients-du-groupe",
        io.BytesIO(f"siren,label\n919985002,{LONG_WORD}\n552100554,x\n".encode()),
        agent_id,
    )

    def local(url: str) -> str:
        return "/" + url.split("://", 1)[1].split("/", 1)[1]

    return {
        "edit": f"/agent/subscriptions/{owned.subscription_id}/edit",
        "delete": f"/agent/subscriptions/{owned.subscription_id}/delete",
        "preferences": local(preferences_url(site.settings, secret, owned.subscriber_id)),
        "unsubscribe": local(unsubscribe_url(site.settings, secret, owned.subscription_id)),
        "confirm": f"/subscriptions/confirm?token={pending.confirm_token}",
    }


# The headers every page shares (one base template, one rendering path).
SECURITY = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
)


@pytest.fixture
def phone(browser: Browser) -> Iterator[tuple[Page, list[str], dict[str, tuple[str, ...]]]]:
    """A page at 375 px, every failed request or console error it met, and the security
    headers of every page it opened."""
    # Not is_mobile: a mobile viewport widens itself to the content, hiding the overflow.
    context = browser.new_context(viewport=PHONE)
    opened = context.new_page()
    problems: list[str] = []
    opened.on(
        "console",
        lambda message: (
            problems.append(
                f"console {message.type}: {message.text} at {message.location.get('url')}"
            )
            if message.type == "error"
            else None
        ),
    )
    opened.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    opened.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    headers: dict[str, tuple[str, ...]] = {}
    opened.on(
        "response",
        lambda response: (
            headers.__setitem__(
                response.url, tuple(response.headers.get(name, "") for name in SECURITY)
            )
            if response.request.resource_type == "document"
            else None
        ),
    )
    yield opened, problems, headers
    context.close()


def fits(page: Page, name: str) -> str | None:
    """None when the page fits the viewport; else what sticks out."""
    page.wait_for_load_state("load")
    # Drawn by the one base template: the brand, the navigation, the language switch.
    assert page.locator("body > header a.brand").count() == 1, name
    assert page.locator("body > header a.switch").count() == 1, name
    screenshot(page, f"phone-{name}")
    measured: dict[str, Any] = page.evaluate(MEASURE)
    assert measured["inner"] == PHONE["width"], measured
    if measured["page"] <= measured["inner"] and measured["body"] <= measured["inner"]:
        return None
    return (
        f"{name} ({page.url}): scrollWidth {measured['page']} (body {measured['body']}) > "
        f"{measured['inner']}; past the edge: {measured['wide']}"
    )


def test_every_page_fits_a_phone(
    site: Live,
    closed_site: Live,
    links: dict[str, str],
    phone: tuple[Page, list[str], dict[str, tuple[str, ...]]],
) -> None:
    page, problems, headers = phone
    url = site.url
    faults: list[str | None] = []

    visited: list[str] = []

    def visit(name: str, path: str) -> None:
        page.goto(url + path)
        visited.append(urlsplit(page.url).path)
        faults.append(fits(page, name))

    visit("signin", "/signin")
    fill_sign_in(page)
    faults.append(fits(page, "search-empty"))
    visit("search", "/search?q=event%3Aacquisition")
    assert page.locator("li.hit").count() >= 3
    assert page.locator("[data-facet=source]").count() == 1
    visit("search-query-error", "/search?q=%28airbus%20OR")
    visit("document", "/documents/d80")
    assert LONG_WORD in page.locator("#doc-title").inner_text()
    visit("document-missing", "/documents/d79")
    visit("trends", "/trends")
    visit("sources", "/sources")
    visit("subscriptions", "/agent/subscriptions")
    assert page.locator("tr.subscription").count() == 1
    visit("subscription-new", "/agent/subscriptions/new")
    page.fill("#email", LONG_EMAIL)
    page.fill("#query", "event:acquisition")
    page.click("#preview")
    page.wait_for_selector("#preview-results")
    faults.append(fits(page, "subscription-preview"))
    visit("subscription-edit", links["edit"])
    visit("subscription-delete", links["delete"])
    visit("portfolios", "/agent/portfolios")
    assert page.locator("tr.portfolio").count() == 1
    visit("portfolio", "/agent/portfolios/clients-du-groupe")
    assert page.locator("tr.company").count() == 2
    visit("portfolio-delete", "/agent/portfolios/clients-du-groupe/delete")
    visit("portfolios-upload", "/agent/portfolios")
    page.fill("#portfolio-name", "fournisseurs")
    csv = f"siren;label\n{AEROVOLT};{LONG_WORD}\n919985003;{LONG_WORD}\n12;x\n".encode()
    page.set_input_files(
        "#portfolio-file", files=[{"name": "f.csv", "mimeType": "text/csv", "buffer": csv}]
    )
    page.click("#upload")
    page.wait_for_load_state("load")
    faults.append(fits(page, "portfolio-report"))
    visit("map", "/map?q=event%3Aacquisition")
    visit("map-regions", "/map?q=event%3Aacquisition&level=region")
    visit("companies", "/companies?q=a%C3%A9rov")
    assert page.locator(f"a[href*='{AEROVOLT}']").count() >= 1
    visit("company", f"/companies/{AEROVOLT}")
    visit("company-missing", "/companies/552100554")
    visit("not-found", "/nowhere/" + LONG_WORD)
    # The public form and every answer to it.
    visit("subscribe", "/subscribe?company_q=a%C3%A9rov")
    page.click("#subscribe")  # nothing chosen: the form again, its errors beside the fields
    page.wait_for_selector("#form-errors")
    faults.append(fits(page, "subscribe-errors"))
    page.fill("#company_q", "aérov")
    page.click("#company-search")
    page.wait_for_selector("#company-choices")
    page.locator(f"#company-choices input[value='{AEROVOLT}']").check()
    page.fill("#email", "contact." + LONG_EMAIL)
    page.click("#subscribe")
    page.wait_for_selector("#sent")
    faults.append(fits(page, "subscribe-sent"))
    visit("subscribe-again", "/subscribe")
    page.locator("input[name=sectors]").first.check()
    page.fill("#email", "pme@example.org")
    page.click("#subscribe")
    page.wait_for_selector("#limited")
    faults.append(fits(page, "subscribe-limited"))
    page.goto(closed_site.url + "/subscribe")
    assert page.locator("#closed").count() == 1
    faults.append(fits(page, "subscribe-closed"))
    # The pages of the links in emails, as a firm opens them.
    visit("preferences", links["preferences"])
    assert page.locator("li.watch").count() == 1
    page.locator("form.frequency select").first.select_option("weekly")
    page.locator("form.frequency button").first.click()
    page.wait_for_load_state("load")
    faults.append(fits(page, "preferences-changed"))
    visit("confirm", links["confirm"])
    visit("unsubscribe", links["unsubscribe"])
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    faults.append(fits(page, "unsubscribed"))
    visit("invalid-link", "/unsubscribe?token=" + "x" * 200)

    assert not [fault for fault in faults if fault], "\n".join(f for f in faults if f)
    # Every HTML page of the app was measured.
    unvisited = [r.path for r in html_routes() if not any(r.path_regex.match(v) for v in visited)]
    assert not unvisited, f"pages never measured at 375 px: {unvisited}"
    # Every page answered with the same security headers.
    assert len(headers) >= 25 and len(set(headers.values())) == 1, headers
    policy, nosniff, referrer, frames = next(iter(headers.values()))
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert (nosniff, referrer, frames) == ("nosniff", "no-referrer", "DENY")
    # The invalid link, the missing document, company and page, the bad query, the form's
    # errors, its limit and the closed page answer 400/404/429 by design; nothing else
    # fails (the favicon included).
    expected = (
        "/unsubscribe?token=xxx",
        "/documents/d79",
        "/search?q=%28airbus",
        "/companies/552100554",
        "/nowhere/",
        url + "/subscribe",
        closed_site.url + "/subscribe",
    )
    assert not [p for p in problems if not any(e in p for e in expected)], problems
