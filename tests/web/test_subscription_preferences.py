# ruff: noqa: F811  (mailbox, site and agent: fixtures from tests/web/subscription_site.py)
"""The firm's preferences page on a real server: a firm changes its own subscriptions
through the signed preferences link of its emails (frequency, language, unsubscribing from
one or all), and tampered, expired or misused tokens change nothing."""

from __future__ import annotations

import base64
import json
from html import unescape
from typing import Any

import httpx

from myrtille.alerts.mail import preferences_url, unsubscribe_token
from myrtille.alerts.subscriptions import Created, create_subscription, load_matcher
from myrtille.alerts.tokens import sign
from myrtille.store.subscriptions import Subscriber
from tests.web.conftest import Live
from tests.web.subscription_site import (  # noqa: F401 (mailbox, site and agent are fixtures)
    BASE,
    SCRIPT,
    agent,
    count,
    create,
    link_path,
    mailbox,
    row_of,
    secret,
    site,
    stored,
)

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
