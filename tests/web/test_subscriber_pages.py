"""The public pages behind the links in emails, on a real server: confirming, the
RFC 8058 one-click unsubscribe (GET only asks, POST does it), preferences."""

from __future__ import annotations

import base64
import json
import re
from html import unescape
from urllib.parse import urljoin

import httpx
from sqlalchemy import select

from myrtille.alerts.mail import preferences_url, unsubscribe_token, unsubscribe_url
from myrtille.alerts.subscriptions import Created, create_subscription
from myrtille.alerts.tokens import secret_key, sign
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.web.ui.common import SECURITY_HEADERS
from tests.web.conftest import Live

# The same headers as every page of the UI (one base template, one rendering path).
CSP = SECURITY_HEADERS["Content-Security-Policy"]
ONE_CLICK = {"Content-Type": "application/x-www-form-urlencoded"}


def secret(live: Live) -> bytes:
    return secret_key(live.settings.secret_key, live.settings.data_dir)


def subscribe(live: Live, email: str, *, confirmed: bool = True, **options: str) -> Created:
    return create_subscription(
        live.database,
        secret(live),
        email=email,
        query=options.pop("query", "aérovolt"),
        confirmed_by_operator=confirmed,
        **options,  # type: ignore[arg-type]
    )


def active(live: Live, subscription_id: int) -> bool:
    with live.database.session() as session:
        row = session.get(Subscription, subscription_id)
        assert row is not None
        return row.active


def assert_safe_page(response: httpx.Response) -> None:
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    # The token is in the URL: never sent on as a Referer, never kept in a cache.
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert "set-cookie" not in response.headers


def link_path(url: str) -> str:
    # Links are made for the configured public_url; the test server has its own port.
    return url.split("://", 1)[1].split("/", 1)[1]


def test_get_unsubscribe_only_asks(live: Live) -> None:
    created = subscribe(live, "ask@example.org", name="Aéronautique")
    url = unsubscribe_url(live.settings, secret(live), created.subscription_id)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        response = client.get("/" + link_path(url))
    assert response.status_code == 200
    assert_safe_page(response)
    assert '<form method="post"' in response.text
    assert 'name="List-Unsubscribe" value="One-Click"' in response.text
    assert "Aéronautique" in response.text
    # A mail scanner following the link must not unsubscribe anyone.
    assert active(live, created.subscription_id)


def test_one_click_post_unsubscribes_without_cookies(live: Live) -> None:
    created = subscribe(live, "oneclick@example.org")
    other = subscribe(live, "oneclick@example.org", query="hélicea")
    token = unsubscribe_token(secret(live), created.subscription_id)
    with live.database.session() as session:
        before = session.get(Subscription, created.subscription_id)
        assert before is not None
        updated_before = before.updated_at
    # What a mail client sends for RFC 8058: a bare POST, no cookie, no session.
    with httpx.Client(base_url=live.url, timeout=10) as client:
        response = client.post(
            "/unsubscribe",
            params={"token": token},
            content=b"List-Unsubscribe=One-Click",
            headers=ONE_CLICK,
        )
        assert response.status_code == 200
        assert_safe_page(response)
        assert not active(live, created.subscription_id)
        assert active(live, other.subscription_id)  # only the one the link names
        with live.database.session() as session:
            after = session.get(Subscription, created.subscription_id)
            assert after is not None and after.updated_at > updated_before
            updated_after = after.updated_at
        # Idempotent: again, and with an empty body, still fine and nothing moves.
        again = client.post("/unsubscribe", params={"token": token})
        assert again.status_code == 200
        with live.database.session() as session:
            row = session.get(Subscription, created.subscription_id)
            assert row is not None and row.updated_at == updated_after and not row.active
        # The page for an already unsubscribed watch offers no button.
        page = client.get("/unsubscribe", params={"token": token})
        assert page.status_code == 200 and "<form" not in page.text


def test_a_tampered_or_misused_token_is_refused(live: Live) -> None:
    mine = subscribe(live, "mine@example.org")
    victim = subscribe(live, "victim@example.org")
    token = unsubscribe_token(secret(live), mine.subscription_id)
    body, mac = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["u"] = [victim.subscription_id]
    forged_body = (
        base64.urlsafe_b64encode(
            json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        )
        .rstrip(b"=")
        .decode()
    )
    forged = f"{forged_body}.{mac}"
    wrong_purpose = sign(secret(live), "preferences", {"u": [victim.subscription_id]}, 3600)
    expired = sign(secret(live), "unsubscribe", {"u": [victim.subscription_id]}, -10)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        for bad in (forged, wrong_purpose, expired, "garbage", ""):
            response = client.post(
                "/unsubscribe",
                params={"token": bad},
                content=b"List-Unsubscribe=One-Click",
                headers=ONE_CLICK,
            )
            assert response.status_code == 400, bad
            assert_safe_page(response)
            assert client.get("/unsubscribe", params={"token": bad}).status_code == 400
        response = client.get("/unsubscribe", params={"token": forged, "lang": "en"})
        french = client.get("/unsubscribe", params={"token": forged})
    assert "altered" in response.text
    # Whose link it is cannot be trusted: French, the default, unless the page asks.
    assert "modifié" in french.text
    assert active(live, victim.subscription_id)
    assert active(live, mine.subscription_id)


def test_confirm_link_activates_a_pending_subscriber(live: Live) -> None:
    created = subscribe(live, "pending@example.org", confirmed=False, language="en")
    second = subscribe(live, "pending@example.org", confirmed=False, query="hélicea")
    assert created.confirm_token and not active(live, created.subscription_id)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        response = client.get("/subscriptions/confirm", params={"token": created.confirm_token})
        assert response.status_code == 200
        assert_safe_page(response)
        assert "Subscription confirmed" in response.text
        assert active(live, created.subscription_id) and active(live, second.subscription_id)
        with live.database.session() as session:
            subscriber = session.scalar(
                select(Subscriber).where(Subscriber.email == "pending@example.org")
            )
            assert subscriber is not None
            assert subscriber.confirmed_at is not None and subscriber.consent == "link"
        # An unsubscribe token is no confirm token; an altered one is refused plainly.
        wrong = unsubscribe_token(secret(live), created.subscription_id)
        refused = client.get("/subscriptions/confirm", params={"token": wrong, "lang": "en"})
        assert refused.status_code == 400
        assert "meant for something else" in refused.text
        altered = client.get(
            "/subscriptions/confirm", params={"token": created.confirm_token[:-3] + "xyz"}
        )
        assert altered.status_code == 400


def test_preferences_lists_subscriptions_escaped(live: Live) -> None:
    first = subscribe(live, "prefs@example.org", name="Veille <script>alert(1)</script>")
    second = subscribe(
        live, "prefs@example.org", query="hélicea", frequency="daily", name="Hélicea & co"
    )
    url = preferences_url(live.settings, secret(live), first.subscriber_id)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        page_url = f"{live.url}/{link_path(url)}"
        response = client.get(page_url)
        assert response.status_code == 200
        assert_safe_page(response)
        html = response.text
        assert "<script>alert" not in html
        assert "Veille &lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Hélicea &amp; co" in html
        assert "aérovolt" in html and "résumé quotidien" in html and "alerte immédiate" in html
        assert "prefs@example.org" in html
        forms = re.findall(
            r'<form class="inline unsubscribe" method="post" action="([^"]+)">', html
        )
        assert len(forms) == 2
        # Each watch has its own button: using the second one stops only that watch.
        token = url.split("token=", 1)[1]
        response = client.post(
            urljoin(page_url, unescape(forms[1])),
            data={"token": token, "action": "unsubscribe", "subscription": second.subscription_id},
        )
        assert response.status_code == 200
        assert active(live, first.subscription_id) and not active(live, second.subscription_id)
        html = client.get(page_url).text
        assert html.count('<form class="inline unsubscribe" method="post"') == 1
        assert "désabonnée" in html
        # Preferences tokens open nothing else, and altered ones nothing at all.
        assert client.get("/unsubscribe", params={"token": token}).status_code == 400
        assert client.get("/preferences", params={"token": token + "x"}).status_code == 400
