"""Every page of the UI at a phone's width (375 px): nothing scrolls sideways, whatever the
content (a title of one 120-letter word, long URLs, long addresses and queries in tables),
and no request of any page fails (the favicon included) under the pages' own CSP."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from sqlalchemy import select

from myrtille.alerts.mail import preferences_url, unsubscribe_url
from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.enrichment.portfolios import import_portfolio
from myrtille.index.factory import open_index
from myrtille.store.schema import Agent
from tests.browser.conftest import fill_sign_in, screenshot
from tests.web.conftest import AGENT_NAME, Live, doc, start_live
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
    with start_live(data_dir, sources=sources, crawl=CRAWL) as running:
        settings = running.settings
        run_crawl(settings, running.database, settings.sources)
        long_one = doc(
            80,
            f"Aérovolt rachète {LONG_WORD}",
            f"Aérovolt rachète {LONG_WORD} à Toulouse ; voir https://news.example/{LONG_PATH}"
            f"?utm_source={LONG_WORD} pour les détails.",
            age=2,
            source="source-" + "tres-longue-" * 6,
            companies=[{"name": LONG_WORD, "siren": None}],
            events=["acquisition"],
            regions=["76"],
        )
        long_one.url = f"https://news.example{LONG_PATH}?ref={LONG_WORD}"
        index = open_index(settings)
        index.index([long_one])
        index.close()
        yield running


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


@pytest.fixture
def phone(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page at 375 px, and every failed request or console error it met."""
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
    yield opened, problems
    context.close()


def fits(page: Page, name: str) -> str | None:
    """None when the page fits the viewport; else what sticks out."""
    page.wait_for_load_state("load")
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
    site: Live, links: dict[str, str], phone: tuple[Page, list[str]]
) -> None:
    page, problems = phone
    url = site.url
    faults: list[str | None] = []

    def visit(name: str, path: str) -> None:
        page.goto(url + path)
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
    visit("subscribe", "/subscribe")
    # The pages of the links in emails, as a firm opens them.
    visit("preferences", links["preferences"])
    assert page.locator("li.watch").count() == 1
    visit("confirm", links["confirm"])
    visit("unsubscribe", links["unsubscribe"])
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    faults.append(fits(page, "unsubscribed"))
    visit("invalid-link", "/unsubscribe?token=" + "x" * 200)

    assert not [fault for fault in faults if fault], "\n".join(f for f in faults if f)
    # The invalid link, the missing document and the bad query answer 400/404 by design;
    # nothing else fails (the favicon included).
    expected = ("/unsubscribe?token=xxx", "/documents/d79", "/search?q=%28airbus")
    assert not [p for p in problems if not any(e in p for e in expected)], problems
