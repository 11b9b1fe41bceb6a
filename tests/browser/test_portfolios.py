"""Portfolios in a real browser (issue 13.3): an agent uploads a CSV with bad lines and
sees them reported by line number, opens the portfolio (a hostile label stays text), and
subscribes a firm to portfolio:NAME through the prefilled form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sqlalchemy import select

from myrtille.store.companies import Company
from myrtille.store.subscriptions import Subscription
from tests.browser.conftest import fill_sign_in, screenshot
from tests.web.conftest import AEROVOLT, Live, start_live

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
UNKNOWN = "552100554"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("browser-portfolios") / "data") as running:
        with running.database.session() as session:
            session.add(Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt"))
        yield running


def test_an_agent_uploads_a_portfolio_and_subscribes_a_firm_to_it(
    site: Live, page: Page, tmp_path: Path
) -> None:
    csv = tmp_path / "clients.csv"
    csv.write_text(
        "siren,label\n"
        f'{AEROVOLT},"{HOSTILE.replace(chr(34), chr(34) * 2)}"\n'  # line 2
        "919985003,Clé fausse\n"  # line 3: Luhn fails
        "91998500,Huit chiffres\n"  # line 4: 8 digits
        f"{UNKNOWN},Inconnue\n"  # line 5: not in the registry
        f"{AEROVOLT},Doublon\n",  # line 6: duplicate
        encoding="utf-8",
    )
    page.goto(f"{site.url}/signin")
    fill_sign_in(page)
    page.click("#nav-portfolios")
    page.wait_for_selector("#portfolio-form")
    page.fill("#portfolio-name", "clients")
    page.set_input_files("#portfolio-file", str(csv))
    page.click("#upload")
    page.wait_for_selector("#import-summary")
    bad = {
        row.get_attribute("data-line"): row.locator(".reason").inner_text()
        for row in page.locator("tr.bad-line").all()
    }
    assert set(bad) == {"3", "4"}
    assert "919985003" in bad["3"] and "clé de contrôle" in bad["3"]
    assert "91998500" in bad["4"] and "9 chiffres" in bad["4"]
    unknown = page.locator("tr.unknown-line")
    assert unknown.count() == 1 and unknown.get_attribute("data-line") == "5"
    assert UNKNOWN in unknown.inner_text()
    assert page.get_attribute("#duplicates", "data-count") == "1"
    assert page.get_attribute("#imported", "data-count") == "2"
    screenshot(page, "portfolio-report")

    page.click("#open-portfolio")
    page.wait_for_selector("#portfolio-companies")
    row = page.locator(f"tr.company[data-siren='{AEROVOLT}']")
    assert row.locator(".label").inner_text() == HOSTILE  # shown as text
    assert page.title() != "pwned" and page.locator("img[src=x]").count() == 0
    assert row.locator(".registry-name a").get_attribute("href") == f"/companies/{AEROVOLT}"
    assert row.locator("li.document").count() == 3
    screenshot(page, "portfolio")

    page.click("#subscribe-firm")
    page.wait_for_selector("#subscription-form")
    assert page.input_value("#query") == "portfolio:clients"
    assert page.is_checked("#urgent")
    page.fill("#email", "dirigeante@pme.example")
    page.select_option("#frequency", "daily")
    page.click("#save")
    page.wait_for_selector("#notice")
    listed = page.locator("tr.subscription")
    assert listed.count() == 1
    assert listed.locator(".query").inner_text() == "portfolio:clients"
    assert listed.locator(".email").inner_text() == "dirigeante@pme.example"
    screenshot(page, "portfolio-subscribed")
    with site.database.session() as session:
        stored = session.scalars(select(Subscription)).one()
        assert (stored.query, stored.frequency, stored.urgent) == (
            "portfolio:clients",
            "daily",
            True,
        )
