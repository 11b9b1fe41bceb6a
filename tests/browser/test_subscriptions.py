"""Subscriptions in a real browser: an agent signs in, previews and saves a firm's
subscription; a firm opens the preferences link of its emails and unsubscribes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from sqlalchemy import select

from myrtille.alerts.mail import preferences_url
from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.store.subscriptions import Subscriber, Subscription
from tests.browser.conftest import fill_sign_in, screenshot
from tests.web.conftest import Live, start_live


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("browser-subscriptions") / "data") as running:
        yield running


def test_an_agent_previews_then_saves_a_firms_subscription(site: Live, page: Page) -> None:
    page.goto(f"{site.url}/signin")
    fill_sign_in(page)
    page.click("header nav a[href='/agent/subscriptions']")
    page.wait_for_selector("#new-subscription")
    page.click("#new-subscription")
    page.fill("#email", "contact@aerovolt.example")
    page.fill("#name", "Rachats du secteur")
    page.fill("#query", "event:acquisition")
    page.select_option("#frequency", "weekly")
    page.click("#preview")
    page.wait_for_selector("#preview-results")
    hits = page.locator("#preview-results li.hit a.title")
    assert hits.count() == 3
    assert "Aérovolt rachète Hélicea" in hits.all_inner_texts()
    assert hits.first.get_attribute("href") == "/documents/d02"
    # Nothing saved yet, and the form kept what was typed.
    with site.database.session() as session:
        assert session.scalar(select(Subscription.id)) is None
    assert page.input_value("#email") == "contact@aerovolt.example"
    assert page.input_value("#frequency") == "weekly"
    screenshot(page, "subscription-preview")
    page.click("#save")
    page.wait_for_selector("#notice")
    row = page.locator("tr.subscription")
    assert row.count() == 1
    assert row.locator(".email").inner_text() == "contact@aerovolt.example"
    assert row.locator(".query").inner_text() == "event:acquisition"
    assert row.get_attribute("data-state") == "pending"
    screenshot(page, "subscriptions")
    # Without SMTP settings the confirmation email is written as a file.
    mails = list((site.settings.data_dir / "mail").glob("*.eml"))
    assert len(mails) == 1 and "contact@aerovolt.example" in mails[0].read_text()


def test_a_firm_unsubscribes_from_its_preferences_page(site: Live, page: Page) -> None:
    secret = secret_key(site.settings.secret_key, site.settings.data_dir)
    ids = [
        create_subscription(
            site.database,
            secret,
            email="pme@solaris.example",
            query=query,
            name=name,
            frequency=frequency,
            confirmed_by_operator=True,
        )
        for query, name, frequency in (
            ("sector:energy", "Énergie en PACA", "daily"),
            ("solaris", "Concurrent Solaris", "immediate"),
        )
    ]
    # The link of the emails, on the test server.
    url = preferences_url(site.settings, secret, ids[0].subscriber_id)
    page.goto(site.url + "/" + url.split("://", 1)[1].split("/", 1)[1])
    watches = page.locator("li.watch")
    assert watches.count() == 2
    assert watches.first.locator(".name").inner_text() == "Énergie en PACA"
    screenshot(page, "sme-preferences")
    page.click("#unsubscribe-all")
    page.wait_for_selector("#notice")
    assert "désabonnement effectué" in page.locator("#notice").inner_text().lower()
    assert page.locator("li.watch[data-state=ended]").count() == 2
    assert page.locator("#unsubscribe-all").count() == 0
    screenshot(page, "sme-unsubscribed")
    with site.database.session() as session:
        rows = session.scalars(
            select(Subscription)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .where(Subscriber.email == "pme@solaris.example")
        ).all()
        assert [row.active for row in rows] == [False, False]
