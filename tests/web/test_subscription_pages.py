# ruff: noqa: F811  (mailbox, site and agent: fixtures from tests/web/subscription_site.py)
"""The agents' subscriptions pages on a real server: agents manage firms' subscriptions
(preview, double opt-in email through a real SMTP server, edit, pause, delete); the firm's
own preferences page is in test_subscription_preferences.py."""

from __future__ import annotations

import re
from contextlib import closing
from html import unescape
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.index.factory import open_index
from myrtille.store.subscriptions import OutboxItem, Subscriber
from myrtille.web.auth import create_agent, set_password
from tests.alerts.test_email import Recorder
from tests.web.conftest import Live, csrf_of, signed_in
from tests.web.subscription_site import (  # noqa: F401 (mailbox, site and agent are fixtures)
    BASE,
    SCRIPT,
    agent,
    count,
    create,
    form_for,
    link_path,
    mailbox,
    mails_to,
    matched,
    row_of,
    secret,
    site,
    stored,
)

# -- agents' pages ----------------------------------------------------------------------


def test_pages_need_a_session_and_forms_a_csrf_field(site: Live, agent: httpx.Client) -> None:
    before = count(site)
    with site.client() as anonymous:
        for response in (
            anonymous.get(BASE),
            anonymous.get(f"{BASE}/new"),
            anonymous.post(f"{BASE}/new", data={"email": "a@example.org", "query": "x"}),
        ):
            assert response.status_code == 303
            assert response.headers["location"].startswith("/signin?next=%2Fagent%2Fsubscriptions")
    fields = form_for(agent, email="nocsrf@example.org")
    for csrf in ("", "0" * 64):
        refused = agent.post(f"{BASE}/new", data=fields | {"csrf": csrf})
        assert refused.status_code == 403
    other_site = agent.post(f"{BASE}/new", data=fields, headers={"Origin": "https://evil.example"})
    assert other_site.status_code == 403
    assert count(site) == before


def test_preview_shows_the_last_30_days_and_saves_nothing(site: Live, agent: httpx.Client) -> None:
    before = count(site)
    fields = form_for(agent, email="preview@example.org", name="Rachats", action="preview")
    response = agent.post(f"{BASE}/new", data=fields)
    assert response.status_code == 200
    html = response.text
    # d01, d02 and d08 are acquisitions of the last 30 days, the newest first.
    assert 'id="preview-total" data-total="3"' in html
    links = re.findall(r'<a class="title" href="([^"]+)">([^<]+)</a>', html)
    assert [href for href, _ in links] == ["/documents/d02", "/documents/d01", "/documents/d08"]
    assert unescape(links[1][1]) == "Aérovolt rachète Hélicea"
    # The form is still filled in, and nothing was saved.
    assert 'value="preview@example.org"' in html and 'value="Rachats"' in html
    assert 'value="event:acquisition"' in html
    assert count(site) == before
    assert not mails_to_any(site, "preview@example.org")
    english = agent.post(f"{BASE}/new", data=fields | {"lang": "en"})
    assert '<html lang="en">' in english.text and "Preview: what the query found" in english.text
    assert 'name="lang" value="en"' in english.text  # the next post stays in English


def mails_to_any(live: Live, address: str) -> bool:
    with live.database.session() as session:
        return session.scalar(select(Subscriber.id).where(Subscriber.email == address)) is not None


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"email": "pas une adresse"}, "Adresse e-mail non valide"),
        ({"email": "firm@example.org", "query": "event:"}, "Requête non valide (position 1)"),
        ({"email": "firm@example.org", "frequency": "hourly"}, "Valeur non valide"),
        ({"email": "firm@example.org", "webhook_url": "ftp://x"}, "URL de webhook"),
    ],
)
def test_a_bad_form_comes_back_with_a_message(
    site: Live, agent: httpx.Client, fields: dict[str, str], says: str
) -> None:
    before = count(site)
    response = agent.post(f"{BASE}/new", data=form_for(agent, **fields))
    assert response.status_code == 400
    assert says in unescape(response.text)
    assert f'value="{fields["email"]}"' in response.text  # still filled in
    assert count(site) == before


@pytest.mark.parametrize(
    ("lang", "says", "foreign"),
    [
        ("fr", "Adresse e-mail non valide : « x » n'en est pas une", "is not a valid email"),
        ("en", "Invalid email address: “x” is not one", "non valide"),
    ],
)
def test_form_errors_are_wholly_in_the_pages_language(
    site: Live, agent: httpx.Client, lang: str, says: str, foreign: str
) -> None:
    """The address check's own (English) message never reaches the page: "Adresse e-mail
    non valide : 'x' is not a valid email address" was the fault."""
    fields = form_for(agent, email="x", frequency="hourly") | {"lang": lang}
    response = agent.post(f"{BASE}/new", data=fields)
    assert response.status_code == 400
    errors = unescape(response.text.split('id="form-errors"', 1)[1].split("</div>", 1)[0])
    assert says in errors and foreign not in errors
    assert ("Fréquence" if lang == "fr" else "Frequency") in errors


def test_saving_emails_the_firm_a_confirmation_link_that_activates_it(
    site: Live, agent: httpx.Client, mailbox: tuple[Recorder, int]
) -> None:
    subscription_id = create(agent, "Firm@Example.ORG", name="Rachats en Occitanie")
    page = agent.get(f"{BASE}?done=sent&id={subscription_id}")
    assert "Firm@example.org" in unescape(page.text) and 'id="notice"' in page.text
    row = row_of(page.text, subscription_id)
    assert row and 'data-state="pending"' in row and "Rachats en Occitanie" in row
    assert "event:acquisition" in row and "résumé quotidien" in row and "email" in row
    assert stored(site, subscription_id).active is False
    [message] = mails_to(mailbox, "Firm@example.org")
    text = message.get_body(("plain",)).get_content()
    url = re.search(r"https?://\S+/subscriptions/confirm\?token=\S+", text)
    assert url, text
    with site.client() as firm:
        assert firm.get(link_path(url.group(0))).status_code == 200
    assert stored(site, subscription_id).active is True
    row = row_of(agent.get(BASE).text, subscription_id)
    assert row and 'data-state="active"' in row


def test_consent_obtained_elsewhere_activates_at_once_without_email(
    site: Live, agent: httpx.Client, mailbox: tuple[Recorder, int]
) -> None:
    subscription_id = create(agent, "consent@example.org", consent="on", language="en")
    assert stored(site, subscription_id).active is True
    with site.database.session() as session:
        subscriber = session.scalar(
            select(Subscriber).where(Subscriber.email == "consent@example.org")
        )
        assert subscriber is not None and subscriber.consent == "operator"
        assert subscriber.language == "en"
    assert mails_to(mailbox, "consent@example.org") == []


def test_edit_changes_query_frequency_and_name(site: Live, agent: httpx.Client) -> None:
    subscription_id = create(agent, "edit@example.org", consent="on")
    path = f"{BASE}/{subscription_id}/edit"
    page = agent.get(path)
    assert page.status_code == 200 and 'value="event:acquisition"' in page.text
    bad = agent.post(path, data=form_for(agent, path, query="sector:", name="Changé"))
    assert bad.status_code == 400 and stored(site, subscription_id).query == "event:acquisition"
    preview = agent.post(path, data=form_for(agent, path, query="solaris", action="preview"))
    assert 'data-total="5"' in preview.text
    assert stored(site, subscription_id).query == "event:acquisition"
    fields = form_for(agent, path, query="solaris", frequency="weekly", name="Énergie")
    before = stored(site, subscription_id).updated_at
    response = agent.post(path, data=fields)
    assert response.status_code == 303
    after = stored(site, subscription_id)
    assert (after.query, after.frequency, after.name) == ("solaris", "weekly", "Énergie")
    assert after.updated_at > before  # the matcher reloads


def test_pause_stops_matching_and_delivery_until_resumed(
    site: Live, agent: httpx.Client, mailbox: tuple[Recorder, int]
) -> None:
    subscription_id = create(
        agent, "pause@example.org", consent="on", frequency="immediate", query="aérovolt"
    )
    assert matched(site, subscription_id)
    with site.database.session() as session:
        session.add(
            OutboxItem(
                subscription_id=subscription_id,
                cluster_id="story-helicea",
                document_id="d01",
                channel="email",
            )
        )
    token = csrf_of(agent.get(BASE).text)
    assert agent.post(f"{BASE}/{subscription_id}/pause", data={"csrf": token}).status_code == 303
    row = row_of(agent.get(BASE).text, subscription_id)
    assert row and 'data-state="active paused"' in row and ">Reprendre<" in row
    assert not matched(site, subscription_id)
    index = open_index(site.settings)
    dispatcher = Dispatcher(
        site.settings, site.database, index, {"email": EmailChannel(site.settings, secret(site))}
    )
    try:
        assert dispatcher.run().sent == 0
        assert mails_to(mailbox, "pause@example.org") == []
        assert (
            agent.post(f"{BASE}/{subscription_id}/resume", data={"csrf": token}).status_code == 303
        )
        assert matched(site, subscription_id)
        assert dispatcher.run().sent == 1
    finally:
        index.close()
    [alert] = mails_to(mailbox, "pause@example.org")
    assert "Aérovolt" in alert["Subject"]


def test_a_paused_daily_subscription_gets_no_digest(site: Live, agent: httpx.Client) -> None:
    subscription_id = create(agent, "digest@example.org", consent="on", query="solaris")
    with site.database.session() as session:
        session.add(
            OutboxItem(
                subscription_id=subscription_id,
                cluster_id="c04",
                document_id="d04",
                channel="email",
            )
        )
    token = csrf_of(agent.get(BASE).text)
    agent.post(f"{BASE}/{subscription_id}/pause", data={"csrf": token})
    sent: list[Any] = []
    digests = DigestBuilder(site.settings, site.database, None, sent.append)
    digests.run("daily", force=True)
    assert [d for d in sent if d.subscriber_email == "digest@example.org"] == []
    agent.post(f"{BASE}/{subscription_id}/resume", data={"csrf": token})
    digests.run("daily", force=True)
    assert [d.subscriber_email for d in sent] == ["digest@example.org"]


def test_delete_asks_then_removes_and_no_old_link_revives_it(
    site: Live, agent: httpx.Client, mailbox: tuple[Recorder, int]
) -> None:
    subscription_id = create(agent, "delete@example.org")
    [message] = mails_to(mailbox, "delete@example.org")
    confirm_link = re.search(
        r"https?://\S+/subscriptions/confirm\?token=\S+",
        message.get_body(("plain",)).get_content(),
    )
    assert confirm_link
    ask = agent.get(f"{BASE}/{subscription_id}/delete")
    assert ask.status_code == 200 and "delete@example.org" in ask.text
    assert f'action="{BASE}/{subscription_id}/delete"' in ask.text
    assert row_of(agent.get(BASE).text, subscription_id)  # asking changed nothing
    done = agent.post(f"{BASE}/{subscription_id}/delete", data={"csrf": csrf_of(ask.text)})
    assert done.status_code == 303
    assert row_of(agent.get(BASE).text, subscription_id) is None
    row = stored(site, subscription_id)
    assert row.active is False and row.ended_at is not None
    with site.client() as firm:
        firm.get(link_path(confirm_link.group(0)))
    assert stored(site, subscription_id).active is False
    gone = agent.get(f"{BASE}/{subscription_id}/edit")
    assert gone.status_code == 404


def test_another_agent_neither_sees_nor_changes_them(site: Live, agent: httpx.Client) -> None:
    subscription_id = create(agent, "mine@example.org", consent="on", name="Réservée")
    create_agent(site.database, "other-agent", "autre@example.org")
    set_password(site.database, "other-agent", "another long password")
    with closing(signed_in(site, "other-agent", "another long password")) as other:
        listed = other.get(BASE)
        assert listed.status_code == 200 and "Réservée" not in listed.text
        assert row_of(listed.text, subscription_id) is None
        token = csrf_of(listed.text)
        assert other.get(f"{BASE}/{subscription_id}/edit").status_code == 404
        assert other.get(f"{BASE}/{subscription_id}/delete").status_code == 404
        path = f"{BASE}/{subscription_id}/edit"
        assert other.post(path, data=form_for(other, query="x")).status_code == 404
        for action in ("pause", "delete"):
            response = other.post(f"{BASE}/{subscription_id}/{action}", data={"csrf": token})
            assert response.status_code == 404
    row = stored(site, subscription_id)
    assert (row.active, row.paused, row.query) == (True, False, "event:acquisition")


def test_hostile_names_and_queries_are_escaped(site: Live, agent: httpx.Client) -> None:
    hostile = f'"{SCRIPT}"'
    subscription_id = create(agent, "hostile@example.org", name=SCRIPT, query=hostile)
    for page in (agent.get(BASE), agent.get(f"{BASE}/{subscription_id}/edit")):
        assert SCRIPT not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    ask = agent.get(f"{BASE}/{subscription_id}/delete")
    assert SCRIPT not in ask.text
