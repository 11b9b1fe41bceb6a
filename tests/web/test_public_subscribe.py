# ruff: noqa: F811  (mailbox and site: fixtures imported from tests/web/public_subscribe.py)
"""The public subscription page on a real server, with a real SMTP server (aiosmtpd): the
documented form posted as an embedding site would, the double opt-in and its forged links,
the company search, the search page's link to the form, the preview (the refusals, limits
and the operator's settings are in test_public_subscribe_refusals.py)."""

from __future__ import annotations

import re
from html import unescape

import httpx
from sqlalchemy import select

from myrtille.alerts.tokens import secret_key, sign
from myrtille.index.factory import open_index
from myrtille.index.query import Text, parse
from myrtille.store.subscriptions import Subscriber, Subscription
from tests.alerts.test_email import Recorder
from tests.web.conftest import AEROVOLT, Live, doc, signed_in
from tests.web.public_subscribe import (  # noqa: F401 (mailbox and site are fixtures)
    confirm_link,
    count,
    documented_form,
    mailbox,
    mails_to,
    site,
    text_of,
)


def test_an_embedding_site_posts_the_documented_form(site: Live, mailbox: Recorder) -> None:
    before = count(site)
    with httpx.Client(base_url=site.url, timeout=10) as agency:
        # A plain cross-site form post: no cookie, no CSRF token, an Origin of its own.
        response = agency.post(
            "/subscribe",
            data=documented_form("Contact@Aerovolt.example"),
            headers={
                "Origin": "https://agence.example",
                "Referer": "https://agence.example/veille",
            },
        )
    assert response.status_code == 200, response.text
    page = unescape(response.text)
    # In the subscriber's language (language=en) without ?lang=: the page says it in English.
    assert (
        'id="sent"' in response.text
        and "We sent a confirmation email to Contact@aerovolt.example" in page
    )
    description = re.search(r'id="description">([^<]+)<', page)
    assert description and description.group(1) == (
        "Aeronautics and space · Occitanie or Haute-Garonne · Aérovolt · Acquisition and merger "
        "or Fundraising · “moteur électrique” or “hélice” — every day"
    )
    assert "sector:" not in page and " OR " not in page
    assert count(site) == before + 1
    with site.database.session() as session:
        row = session.scalars(select(Subscription).order_by(Subscription.id.desc())).first()
        assert row is not None and row.active is False and row.agent_id is None
        subscriber = session.get(Subscriber, row.subscriber_id)
        assert subscriber is not None and subscriber.language == "en" and subscriber.kind == "sme"
        assert row.frequency == "daily" and row.name.startswith("Aeronautics and space ·")
        assert f"company:{AEROVOLT}" in row.query and parse(row.query)
    [message] = mails_to(mailbox, "Contact@aerovolt.example")
    assert message["Content-Language"] == "en"
    # The confirmation email says what the watch is, in plain words.
    assert "Aeronautics and space · Occitanie or Haute-Garonne" in text_of(message)
    assert "sector:" not in text_of(message)
    path = confirm_link(message)
    with site.client() as firm:
        confirmed = firm.get(path)
        assert confirmed.status_code == 200
        # The confirmation page names the watch in plain words, not its query.
        assert "Aeronautics and space · Occitanie or Haute-Garonne · Aérovolt" in confirmed.text
        assert "sector:" not in confirmed.text
        with site.database.session() as session:
            assert session.get(Subscription, row.id).active is True  # type: ignore[union-attr]
        # Used twice: still 200, nothing changes (and nothing else is activated).
        assert firm.get(path).status_code == 200
    assert count(site) == before + 1


def test_keywords_cannot_inject_query_syntax(site: Live) -> None:
    hostile = 'x" OR sector:energy OR (company:1 -"a'
    response = site.client().post(
        "/subscribe", data={"email": "inject@example.org", "keywords": hostile}
    )
    assert response.status_code == 200, response.text
    with site.database.session() as session:
        query = session.scalars(select(Subscription.query).order_by(Subscription.id.desc())).first()
    assert query is not None
    node = parse(query)
    # One phrase of words: no field, no OR, no negation made it through.
    assert isinstance(node, Text) and node.words == (
        "x",
        "or",
        "sector",
        "energy",
        "or",
        "company",
        "1",
        "a",
    )


def test_forged_or_expired_confirmation_links_change_nothing(site: Live, mailbox: Recorder) -> None:
    response = site.client().post("/subscribe", data=documented_form("pending@example.org"))
    assert response.status_code == 200
    with site.database.session() as session:
        row = session.scalars(select(Subscription).order_by(Subscription.id.desc())).first()
        assert row is not None
        ids = (row.subscriber_id, row.id)
    secret = secret_key(site.settings.secret_key, site.settings.data_dir)
    expired = sign(secret, "confirm", {"s": ids[0], "u": [ids[1]]}, -10)
    forged = sign(b"x" * 32, "confirm", {"s": ids[0], "u": [ids[1]]}, 3600)
    with site.client() as stranger:
        for token in (expired, forged, "", "abc.def"):
            assert (
                stranger.get("/subscriptions/confirm", params={"token": token}).status_code == 400
            )
    with site.database.session() as session:
        assert session.get(Subscription, ids[1]).active is False  # type: ignore[union-attr]
        assert session.get(Subscriber, ids[0]).confirmed_at is None  # type: ignore[union-attr]


def test_company_search_by_name_or_siren_keeps_the_other_choices(site: Live) -> None:
    with site.client() as http:
        by_name = http.get(
            "/subscribe",
            params={"company_q": "aérov", "sectors": "aeronautics", "keywords": "hélice"},
        )
        by_siren = http.get("/subscribe", params={"company_q": "919 985 002", "lang": "en"})
        nothing = http.get("/subscribe", params={"company_q": "zzzz", "lang": "en"})
    assert by_name.status_code == 200
    assert f'name="companies" value="{AEROVOLT}"> Aérovolt' in by_name.text
    assert 'value="aeronautics" checked' in by_name.text and 'value="hélice"' in by_name.text
    assert f'value="{AEROVOLT}"> Aérovolt' in by_siren.text
    assert 'id="no-company"' in nothing.text and "No company of the registry matches" in unescape(
        nothing.text
    )


def test_the_form_searches_the_registry_by_post_without_putting_the_email_in_a_url(
    site: Live, mailbox: Recorder
) -> None:
    with site.client() as http:
        form = http.get("/subscribe")
        # The button posts the whole form (nothing typed so far goes into a URL).
        assert 'id="company-search" name="action" value="find_company"' in form.text
        assert "formmethod" not in form.text
        # Many searches in a row are not counted against the per-address limit.
        for _ in range(8):
            found = http.post(
                "/subscribe",
                data={
                    "email": "firm@example.org",
                    "company_q": "aérov",
                    "sectors": "aeronautics",
                    "action": "find_company",
                },
            )
            assert found.status_code == 200
        assert f'name="companies" value="{AEROVOLT}"> Aérovolt' in found.text
        assert 'value="aeronautics" checked' in found.text
        assert 'value="firm@example.org"' in found.text
        assert "firm@example.org" not in str(found.url)
        sent = http.post(
            "/subscribe", data=documented_form("firm@example.org", companies=[AEROVOLT])
        )
    assert sent.status_code == 200
    with site.database.session() as session:
        assert session.scalars(select(Subscriber)).all() != []


def test_subscribe_to_this_search_prefills_the_public_or_the_agents_form(site: Live) -> None:
    with site.client() as visitor:
        page = visitor.get(
            "/search",
            params={"q": f"sector:aeronautics (region:76 OR dept:31) company:{AEROVOLT} hélice"},
        )
        found = re.search(r'id="subscribe-search" href="([^"]+)"', page.text)
        assert found
        href = unescape(found.group(1))
        assert href == (
            f"/subscribe?sectors=aeronautics&regions=76&departments=31&companies={AEROVOLT}&keywords=helice"
        )
        form = visitor.get(href).text
        for value in ("aeronautics", "76", AEROVOLT):
            assert f'value="{value}" checked' in form
        assert 'value="31" selected' in form
        # A query the form cannot express: only its keywords are carried over.
        custom = visitor.get("/search", params={"q": "(airbus safran) OR -rumeur", "lang": "en"})
        link = re.search(r'id="subscribe-search" href="([^"]+)"', custom.text)
        assert link and unescape(link.group(1)) == "/subscribe?keywords=airbus%2C+safran&lang=en"
    agent = signed_in(site)
    try:
        page = agent.get("/search", params={"q": "event:acquisition"})
        found = re.search(r'id="subscribe-search" href="([^"]+)"', page.text)
        assert (
            found and unescape(found.group(1)) == "/agent/subscriptions/new?q=event%3Aacquisition"
        )
        form = agent.get(unescape(found.group(1))).text
        assert 'id="query" name="query" value="event:acquisition"' in form
    finally:
        agent.close()


def test_the_documented_interface_is_the_forms(site: Live) -> None:
    """docs/web-ui.md's table of fields names exactly what the page's own form posts, so
    an agency's copy of the documented form and ours cannot drift apart."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "web-ui.md").read_text("utf-8")
    section = docs.split("#### Embedding the form", 1)[1].split("####", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE))
    page = site.client().get("/subscribe", params={"company_q": "aérov"}).text
    form = page.split("<form", 1)[1].split("</form>", 1)[0]
    posted = set(re.findall(r'<(?:input|select|textarea|button)[^>]* name="(\w+)"', form))
    # The search box and the page's own language ride along with the form; the documented
    # action=find_company names company_q.
    assert documented == posted - {"company_q", "lang"}, (documented, posted)
    assert "company_q" in section


def test_the_preview_counts_30_days_and_shows_the_five_latest_titles(site: Live) -> None:
    """Eight tourism articles: seven of the last 30 days, one older. The preview counts
    the seven and lists the five newest, newest first; nothing is created."""
    ages = [1, 3, 5, 8, 13, 21, 29, 45]
    index = open_index(site.settings)
    index.index(
        [
            doc(60 + n, f"Saison touristique, J-{age}", "Tourisme.", age=age, sectors=["tourism"])
            for n, age in enumerate(ages)
        ]
    )
    index.close()
    before = count(site)
    response = site.client().post("/subscribe", data={"sectors": "tourism", "action": "preview"})
    assert response.status_code == 200
    assert 'id="preview-total" data-total="7"' in response.text
    results = response.text.split('id="preview-results"', 1)[1]
    titles = re.findall(r'class="title"[^>]*>([^<]+)<', results)
    assert titles == [f"Saison touristique, J-{age}" for age in ages[:5]]
    assert count(site) == before
