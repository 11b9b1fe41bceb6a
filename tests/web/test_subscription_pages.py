"""The subscriptions pages on a real server: agents manage firms' subscriptions (preview,
double opt-in email through a real SMTP server, edit, pause, delete), and a firm changes
its own through the signed preferences link of its emails."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from contextlib import closing
from html import unescape
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.alerts.mail import preferences_url, unsubscribe_token
from myrtille.alerts.subscriptions import Created, create_subscription, load_matcher
from myrtille.alerts.tokens import secret_key, sign
from myrtille.index.factory import open_index
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription
from myrtille.web.auth import create_agent, set_password
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.web.conftest import Live, csrf_of, documents, signed_in, start_live

BASE = "/agent/subscriptions"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def mailbox() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        yield recorder, port


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, mailbox: tuple[Recorder, int]) -> Iterator[Live]:
    email = {"smtp_host": "127.0.0.1", "smtp_port": mailbox[1], "timeout": "5s"}
    with start_live(tmp_path_factory.mktemp("subscriptions") / "data", email=email) as running:
        yield running


@pytest.fixture(scope="module")
def agent(site: Live) -> Iterator[httpx.Client]:
    http = signed_in(site)
    yield http
    http.close()


def secret(live: Live) -> bytes:
    return secret_key(live.settings.secret_key, live.settings.data_dir)


def mails_to(mailbox: tuple[Recorder, int], address: str) -> list[Any]:
    return [received(e) for e in mailbox[0].envelopes if e.rcpt_tos == [address]]


def form_for(http: httpx.Client, path: str = f"{BASE}/new", **fields: str) -> dict[str, str]:
    return {
        "csrf": csrf_of(http.get(path).text),
        "email": "",
        "name": "",
        "query": "event:acquisition",
        "frequency": "daily",
        "language": "fr",
        "webhook_url": "",
        "action": "save",
        **fields,
    }


def count(live: Live) -> int:
    with live.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Subscription)) or 0)


def stored(live: Live, subscription_id: int) -> Subscription:
    with live.database.session() as session:
        row = session.get(Subscription, subscription_id)
        assert row is not None
        session.expunge(row)
        return row


def create(http: httpx.Client, email: str, **fields: str) -> int:
    """Save the new-subscription form; the id the list names."""
    response = http.post(f"{BASE}/new", data=form_for(http, email=email, **fields))
    assert response.status_code == 303, response.text
    found = re.search(r"id=(\d+)", response.headers["location"])
    assert found, response.headers["location"]
    return int(found.group(1))


def matched(live: Live, subscription_id: int) -> bool:
    """Whether the alerts' matcher, loaded afresh, matches d01 for this subscription."""
    return subscription_id in load_matcher(live.database).match(documents()[0])


def row_of(html: str, subscription_id: int) -> str | None:
    found = re.search(rf'<tr class="subscription" data-id="{subscription_id}".*?</tr>', html, re.S)
    return found.group(0) if found else None


def link_path(url: str) -> str:
    # Links are made for the configured public_url; the test server has its own port.
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


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


# -- the firm's preferences page --------------------------------------------------------


def subscribe(live: Live, email: str, **options: Any) -> Created:
    return create_subscription(
        live.database,
        secret(live),
        email=email,
        query=options.pop("query", "aérovolt"),
        confirmed_by_operator=True,
        **options,
    )


def preferences_path(live: Live, subscriber_id: int) -> str:
    """The link of the emails (alerts/mail.py), on the test server."""
    return link_path(preferences_url(live.settings, secret(live), subscriber_id))


def token_of(path: str) -> str:
    return path.split("token=", 1)[1]


def post(http: httpx.Client, token: str, **fields: str) -> httpx.Response:
    return http.post("/preferences", data={"token": token, **fields})


def test_the_firm_changes_frequency_and_language(site: Live) -> None:
    first = subscribe(site, "prefs@example.org", name="Aéronautique")
    second = subscribe(site, "prefs@example.org", query="solaris", frequency="daily")
    path = preferences_path(site, first.subscriber_id)
    with site.client() as firm:
        page = firm.get(path)
        assert page.status_code == 200 and "set-cookie" not in page.headers
        assert page.headers["referrer-policy"] == "no-referrer"
        assert page.text.count('name="action" value="frequency"') == 2
        token = token_of(path)
        changed = post(
            firm,
            token,
            action="frequency",
            subscription=str(first.subscription_id),
            frequency="weekly",
        )
        assert changed.status_code == 200 and 'id="notice"' in changed.text
        assert "résumé hebdomadaire" in unescape(changed.text)
        assert stored(site, first.subscription_id).frequency == "weekly"
        assert stored(site, second.subscription_id).frequency == "daily"
        english = post(firm, token, action="language", language="en")
        assert english.status_code == 200 and '<html lang="en">' in english.text
        assert "My subscriptions" in english.text and "weekly digest" in english.text
    with site.database.session() as session:
        subscriber = session.get(Subscriber, first.subscriber_id)
        assert subscriber is not None and subscriber.language == "en"


def test_the_firm_unsubscribes_from_one_then_from_all(site: Live, agent: httpx.Client) -> None:
    managed = create(agent, "leaving@example.org", consent="on", name="Suivie par l'agence")
    other = subscribe(site, "leaving@example.org", query="solaris")
    third = subscribe(site, "leaving@example.org", query="hélicea")
    path = preferences_path(site, other.subscriber_id)
    with site.client() as firm:
        one = post(firm, token_of(path), action="unsubscribe", subscription=str(managed))
        assert one.status_code == 200 and "Suivie par l&#39;agence" in one.text
        assert not stored(site, managed).active
        assert stored(site, other.subscription_id).active
        # The agent's list no longer shows what the firm left.
        assert row_of(agent.get(BASE).text, managed) is None
        everything = post(firm, token_of(path), action="unsubscribe_all")
        assert everything.status_code == 200 and 'id="notice"' in everything.text
        assert 'id="unsubscribe-all"' not in everything.text
    for subscription_id in (managed, other.subscription_id, third.subscription_id):
        row = stored(site, subscription_id)
        assert row.active is False and row.ended_at is not None
    matcher = load_matcher(site.database)
    assert all(
        matcher.get(i) is None for i in (managed, other.subscription_id, third.subscription_id)
    )


def forged(token: str, **changes: Any) -> str:
    body, mac = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload.update(changes)
    data = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode() + "." + mac


def test_tampered_expired_or_misused_tokens_change_nothing(site: Live) -> None:
    mine = subscribe(site, "careful@example.org")
    victim = subscribe(site, "target@example.org", name="Victime")
    token = token_of(preferences_path(site, mine.subscriber_id))
    bad_tokens = [
        forged(token, s=victim.subscriber_id),
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        sign(secret(site), "preferences", {"s": victim.subscriber_id}, -10),  # expired
        unsubscribe_token(secret(site), victim.subscription_id),  # another purpose
        "",
    ]
    with site.client() as attacker:
        for bad in bad_tokens:
            assert attacker.get("/preferences", params={"token": bad}).status_code == 400
            for fields in (
                {"action": "unsubscribe_all"},
                {"action": "language", "language": "en"},
                {"action": "unsubscribe", "subscription": str(victim.subscription_id)},
            ):
                response = post(attacker, bad, **fields)
                assert response.status_code == 400
                assert 'class="error"' in response.text and "Victime" not in response.text
        # A good token of one subscriber cannot reach another's subscription.
        for action in ("unsubscribe", "frequency"):
            response = post(
                attacker,
                token,
                action=action,
                subscription=str(victim.subscription_id),
                frequency="weekly",
            )
            assert response.status_code == 400
        refused = post(
            attacker,
            token,
            action="frequency",
            subscription=str(mine.subscription_id),
            frequency="x",
        )
        assert refused.status_code == 400
        cross_site = attacker.post(
            "/preferences",
            data={"token": token, "action": "unsubscribe_all"},
            headers={"Origin": "https://evil.example"},
        )
        assert cross_site.status_code == 403
    assert stored(site, victim.subscription_id).active is True
    assert stored(site, victim.subscription_id).frequency == "immediate"
    assert stored(site, mine.subscription_id).active is True
    assert stored(site, mine.subscription_id).frequency == "immediate"
    with site.database.session() as session:
        target = session.get(Subscriber, victim.subscriber_id)
        assert target is not None and target.language == "fr"


def test_hostile_names_are_escaped_on_the_preferences_page(site: Live) -> None:
    created = subscribe(site, "escaped@example.org", name=SCRIPT, query=f'"{SCRIPT}"')
    with site.client() as firm:
        html = firm.get(preferences_path(site, created.subscriber_id)).text
    assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
