"""A firm subscribes itself at /subscribe in a real browser, in French and in English:
a sector, a region and a company found by name, the preview, the confirmation email
received by a real SMTP server (aiosmtpd), its link opened, then its first alert."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.alerts.outbox import record_matches
from myrtille.alerts.subscriptions import load_matcher
from myrtille.alerts.tokens import secret_key
from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.browser.conftest import screenshot
from tests.web.conftest import AEROVOLT, Live, doc, start_live

WALKS = {
    "fr": {
        "address": "dirigeante@aerovolt.example",
        "sector": "Aéronautique et spatial",
        "region": "Occitanie",
        "sent": "Consultez votre messagerie",
        "description": "Aéronautique et spatial · Occitanie · Aérovolt — immédiatement",
        "confirmed": "Abonnement confirmé",
        "new_title": "Aérovolt ouvre une usine à Figeac",
    },
    "en": {
        "address": "ceo@aerovolt.example",
        "sector": "Aeronautics and space",
        "region": "Occitanie",
        "sent": "Check your mailbox",
        "description": "Aeronautics and space · Occitanie · Aérovolt — immediately",
        "confirmed": "Subscription confirmed",
        "new_title": "Aérovolt opens a plant in Figeac",
    },
}


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Recorder]:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        recorder.port = port  # type: ignore[attr-defined]
        yield recorder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, mailbox: Recorder) -> Iterator[Live]:
    email = {"smtp_host": "127.0.0.1", "smtp_port": mailbox.port, "timeout": "5s"}  # type: ignore[attr-defined]
    with start_live(tmp_path_factory.mktemp("browser-public") / "data", email=email) as live:
        with live.database.session() as session:
            session.add(Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt"))
            session.add(Company(id="w-aerolia", siren=None, name="Aérolia"))
        yield live


def mails_to(mailbox: Recorder, address: str) -> list[Any]:
    return [received(e) for e in mailbox.envelopes if address in e.rcpt_tos]


def first_alert(site: Live, number: int, title: str) -> None:
    """A new matching document, processed as the processing stage does (matcher, outbox in
    one transaction), then the dispatcher's run."""
    index = open_index(site.settings)
    try:
        new = doc(
            number,
            title,
            f"{title}.",
            age=0,
            companies=[{"name": "Aérovolt", "siren": AEROVOLT}],
            sectors=["aeronautics"],
            regions=["76"],
        )
        index.index([new])
        matcher = load_matcher(site.database)
        with site.database.session() as session:
            assert record_matches(session, matcher, [new]).queued >= 1
        secret = secret_key(site.settings.secret_key, site.settings.data_dir)
        channels = {"email": EmailChannel(site.settings, secret)}
        assert Dispatcher(site.settings, site.database, index, channels).run().sent >= 1
    finally:
        index.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_firm_subscribes_itself_then_gets_its_first_alert(
    site: Live, mailbox: Recorder, browser: Browser, lang: str
) -> None:
    walk = WALKS[lang]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page: Page = context.new_page()
    try:
        page.goto(f"{site.url}/subscribe" + ("?lang=en" if lang == "en" else ""))
        assert page.locator("html").get_attribute("lang") == lang
        page.get_by_label(walk["sector"], exact=True).check()
        page.get_by_label(walk["region"], exact=True).check()
        # The company by name: the registry is searched server-side, choices kept.
        page.fill("#company_q", "aérov")
        page.click("#company-search")
        page.wait_for_selector("#company-choices")
        assert page.get_by_label(walk["sector"], exact=True).is_checked()
        page.locator(f"#company-choices input[value='{AEROVOLT}']").check()
        page.locator("#frequency input[value='immediate']").check()
        page.locator(f"#language input[value='{lang}']").check()
        page.fill("#email", walk["address"])
        page.click("#preview")
        page.wait_for_selector("#preview-results")
        # d01 and d02 (and, on the second walk, the first walk's new document).
        assert int(page.locator("#preview-total").get_attribute("data-total") or 0) >= 2
        titles = page.locator("#preview-results li.hit a.title").all_inner_texts()
        assert "Aérovolt rachète Hélicea" in titles and len(titles) <= 5
        # Nothing overflows a phone's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(page, f"public-subscribe-preview-{lang}")
        assert mails_to(mailbox, walk["address"]) == []
        page.click("#subscribe")
        page.wait_for_selector("#sent")
        assert walk["sent"] in page.inner_text("h1")
        assert page.inner_text("#description") == walk["description"]
        screenshot(page, f"public-subscribe-sent-{lang}")
        [confirmation] = mails_to(mailbox, walk["address"])
        text = confirmation.get_body(("plain",)).get_content()
        assert "sector:" not in text
        link = re.search(r"https?://\S+/subscriptions/confirm\?token=\S+", text)
        assert link, text
        page.goto(site.url + "/" + link.group(0).split("://", 1)[1].split("/", 1)[1])
        assert walk["confirmed"] in page.inner_text("h1")
        screenshot(page, f"public-subscribe-confirmed-{lang}")
    finally:
        context.close()
    first_alert(site, 50 if lang == "fr" else 51, walk["new_title"])
    alerts = [
        m for m in mails_to(mailbox, walk["address"]) if walk["new_title"] in str(m["Subject"])
    ]
    assert len(alerts) == 1
    body = alerts[0].get_body(("plain",)).get_content()
    assert walk["description"].rsplit(" — ", 1)[0] in body and "sector:" not in body
