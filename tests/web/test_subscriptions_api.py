"""The subscriptions endpoints through a real server: the agent's own subscriptions, the
double opt-in of someone else's, the preview of a query, and deactivation."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from myrtille.alerts.preview import preview
from myrtille.alerts.subscriptions import confirm
from myrtille.alerts.tokens import secret_key
from myrtille.enrichment.portfolios import import_portfolio
from myrtille.index.factory import open_index
from myrtille.index.query import QueryError, parse
from myrtille.index.resolver import CodeResolver
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.web.auth import create_agent
from tests.web.conftest import NOW, Live, free_port, start_live

BASE = "/api/v1/subscriptions"
AGENT_EMAIL = "agent@example.org"
TOKEN = re.compile(r"token=([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")


def post(live: Live, body: dict[str, Any], key: str | None = None) -> httpx.Response:
    with live.client(live.key if key is None else key) as client:
        return client.post(BASE, json=body)


def get(live: Live, path: str, key: str | None = None) -> httpx.Response:
    with live.client(live.key if key is None else key) as client:
        return client.get(path)


def delete(live: Live, subscription_id: int, key: str | None = None) -> httpx.Response:
    with live.client(live.key if key is None else key) as client:
        return client.delete(f"{BASE}/{subscription_id}")


def assert_error(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == error and body["message"]
    return body


def stored(live: Live, subscription_id: int) -> Subscription:
    with live.database.session() as session:
        found = session.get(Subscription, subscription_id)
        assert found is not None
        return found


def mails_to(live: Live, address: str) -> list[EmailMessage]:
    folder = Path(live.settings.data_dir) / "mail"
    messages = [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]
    return [m for m in messages if address in str(m["To"])]


def confirm_token_in(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    found = TOKEN.search(body.get_content())
    assert found, body.get_content()
    return found.group(1)


# -- authentication -------------------------------------------------------------------

REQUESTS = [
    ("GET", BASE),
    ("POST", BASE),
    ("GET", f"{BASE}/preview?q=solaris"),
    ("DELETE", f"{BASE}/1"),
]


@pytest.mark.parametrize(("method", "path"), REQUESTS)
@pytest.mark.parametrize("key", [None, "not-a-key", "myr_deadbeef_thisisnotthesecret"])
def test_a_missing_or_wrong_key_is_refused(
    live: Live, method: str, path: str, key: str | None
) -> None:
    with live.client(key) as client:
        response = client.request(
            method, path, json={"query": "solaris"} if method == "POST" else None
        )
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


# -- the agent's own subscriptions ------------------------------------------------------


def test_own_subscription_is_active_at_once_and_listed(live: Live) -> None:
    response = post(live, {"query": "sector:energy region:84", "frequency": "daily"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["active"] is True and body["confirmation"] == "confirmed"
    assert body["email"] == AGENT_EMAIL
    assert body["query"] == "sector:energy region:84" and body["name"] == body["query"]
    assert body["frequency"] == "daily" and body["channels"] == ["email"]
    assert body["webhook_secret"] is None and body["note"] is None
    with live.database.session() as session:
        subscriber = session.scalars(
            select(Subscriber).where(Subscriber.email == AGENT_EMAIL)
        ).one()
        assert subscriber.consent == "operator" and subscriber.confirmed_at is not None
        assert subscriber.kind == "agent"

    listed = get(live, BASE)
    assert listed.status_code == 200, listed.text
    mine = {s["id"]: s for s in listed.json()["subscriptions"]}
    assert set(mine[body["id"]]) == {
        "id",
        "name",
        "query",
        "frequency",
        "channels",
        "active",
        "urgent",
        "created_at",
    }
    assert mine[body["id"]]["active"] is True


def test_a_webhook_secret_is_returned_once(live: Live) -> None:
    response = post(
        live,
        {
            "query": "event:acquisition",
            "name": "Rachats",
            "webhook_url": "https://hooks.example/myrtille",
            "language": "en",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "Rachats" and body["channels"] == ["email", "webhook"]
    assert body["webhook_secret"].startswith("whsec_")
    listed = get(live, BASE).text
    assert body["webhook_secret"] not in listed and "webhook_secret" not in listed


# -- validation -------------------------------------------------------------------------


def test_a_bad_query_is_a_400_with_its_position(live: Live) -> None:
    query = 'aerovolt "levée de fonds'
    body = assert_error(post(live, {"query": query}), 400, "invalid_query")
    with pytest.raises(QueryError) as expected:
        parse(query, CodeResolver())
    assert body["position"] == expected.value.position == query.index('"')
    assert body["message"] == expected.value.message


def test_an_unknown_code_in_the_query_is_a_400(live: Live) -> None:
    body = assert_error(post(live, {"query": "sector:nowhere"}), 400, "invalid_query")
    assert body["position"] == len("sector:")


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "x@example.org\r\nBcc: y@z.org"])
def test_a_bad_email_is_a_400(live: Live, email: str) -> None:
    body = assert_error(post(live, {"query": "solaris", "email": email}), 400, "invalid_parameter")
    assert "valid email" in body["message"]


def test_a_bad_frequency_is_a_400(live: Live) -> None:
    body = assert_error(
        post(live, {"query": "solaris", "frequency": "hourly"}), 400, "invalid_parameter"
    )
    assert "immediate, daily, weekly" in body["message"]


def test_a_bad_channel_is_a_400(live: Live) -> None:
    body = assert_error(
        post(live, {"query": "solaris", "channels": ["pigeon"]}), 400, "invalid_parameter"
    )
    assert "pigeon" in body["message"]


def test_a_missing_query_is_a_400_naming_it(live: Live) -> None:
    response = post(live, {"frequency": "daily"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("body.query: Field required")


def test_an_agent_without_email_cannot_have_own_subscriptions(live: Live) -> None:
    _agent, key = create_agent(live.database, "no-email-agent")
    assert_error(get(live, BASE, key), 403, "no_email")
    assert_error(post(live, {"query": "solaris"}, key), 403, "no_email")


# -- someone else's subscription: double opt-in ----------------------------------------


def test_a_third_party_subscription_waits_and_leaks_no_token(live: Live) -> None:
    address = "dirigeante@pme.example"
    response = post(live, {"query": "event:closure", "email": address})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["active"] is False and body["confirmation"] == "pending"
    assert body["email"] == address
    assert "token" not in response.text
    assert stored(live, body["id"]).active is False

    # The confirmation email went out (written to a file: no SMTP in tests) …
    (message,) = mails_to(live, address)
    token = confirm_token_in(message)
    # … and its token is nowhere in the answer.
    assert token not in response.text and token.split(".")[0] not in response.text
    # Not the agent's: not listed, not deletable by the agent.
    assert body["id"] not in {s["id"] for s in get(live, BASE).json()["subscriptions"]}
    assert_error(delete(live, body["id"]), 404, "not_found")
    assert stored(live, body["id"]).active is False

    secret = secret_key(live.settings.secret_key, Path(live.settings.data_dir))
    confirm(live.database, secret, token)
    assert stored(live, body["id"]).active is True


def test_an_already_confirmed_third_party_still_confirms_new_subscriptions(live: Live) -> None:
    address = "deja@pme.example"
    first = post(live, {"query": "solaris", "email": address}).json()
    secret = secret_key(live.settings.secret_key, Path(live.settings.data_dir))
    confirm(live.database, secret, confirm_token_in(mails_to(live, address)[0]))
    assert stored(live, first["id"]).active is True

    response = post(live, {"query": "sector:digital", "email": address})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["active"] is False and body["confirmation"] == "pending"
    assert stored(live, body["id"]).active is False
    assert len(mails_to(live, address)) == 2


def test_the_agents_own_address_given_explicitly_is_active(live: Live) -> None:
    response = post(live, {"query": "solaris", "email": "agent@EXAMPLE.org"})
    assert response.status_code == 201, response.text
    assert response.json()["active"] is True


def test_an_undeliverable_confirmation_is_a_202_with_a_note(tmp_path: Path) -> None:
    # A real SMTP address where nothing listens: the confirmation cannot leave.
    smtp = {"smtp_host": "127.0.0.1", "smtp_port": free_port(), "timeout": "2s"}
    with start_live(tmp_path / "data", email=smtp) as running:
        response = post(running, {"query": "solaris", "email": "injoignable@pme.example"})
        assert response.status_code == 202, response.text
        body = response.json()
        assert body["active"] is False and body["confirmation"] == "pending"
        assert "127.0.0.1" in body["note"] and "token" not in response.text
        assert stored(running, body["id"]).active is False


# -- deactivation -----------------------------------------------------------------------


def test_delete_deactivates_an_own_subscription(live: Live) -> None:
    created = post(live, {"query": "aerovolt"}).json()
    before = stored(live, created["id"]).updated_at
    response = delete(live, created["id"])
    assert response.status_code == 200, response.text
    assert response.json()["id"] == created["id"] and response.json()["active"] is False
    after = stored(live, created["id"])
    assert after.active is False and after.updated_at > before
    listed = {s["id"]: s for s in get(live, BASE).json()["subscriptions"]}
    assert listed[created["id"]]["active"] is False


def test_delete_of_an_unknown_subscription_is_a_404(live: Live) -> None:
    assert_error(delete(live, 999_999), 404, "not_found")


def test_delete_of_another_agents_subscription_is_a_404(live: Live) -> None:
    _agent, other_key = create_agent(live.database, "other-agent", "autre@example.org")
    theirs = post(live, {"query": "solaris"}, other_key).json()
    assert theirs["active"] is True
    assert_error(delete(live, theirs["id"]), 404, "not_found")
    assert stored(live, theirs["id"]).active is True
    assert theirs["id"] not in {s["id"] for s in get(live, BASE).json()["subscriptions"]}


# -- urgent legal notices (portfolios) ---------------------------------------------------


def test_urgent_defaults_on_for_a_portfolio_query_and_off_otherwise(live: Live) -> None:
    import_portfolio(live.database, "api-clients", io.BytesIO(b"siren\n919985002\n"))
    portfolio = post(live, {"query": "portfolio:api-clients", "frequency": "daily"}).json()
    plain = post(live, {"query": "aerovolt", "frequency": "daily"}).json()
    chosen = post(live, {"query": "portfolio:api-clients", "urgent": False}).json()
    assert (portfolio["urgent"], plain["urgent"], chosen["urgent"]) == (True, False, False)
    assert [stored(live, s["id"]).urgent for s in (portfolio, plain, chosen)] == [
        True,
        False,
        False,
    ]


def test_patch_changes_urgent_and_frequency(live: Live) -> None:
    created = post(live, {"query": "aerovolt"}).json()
    before = stored(live, created["id"]).updated_at
    with live.client(live.key) as client:
        response = client.patch(
            f"{BASE}/{created['id']}", json={"urgent": True, "frequency": "weekly"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["urgent"] is True and response.json()["frequency"] == "weekly"
        after = stored(live, created["id"])
        assert (after.urgent, after.frequency, after.name) == (True, "weekly", "aerovolt")
        assert after.updated_at > before
        bad = client.patch(f"{BASE}/{created['id']}", json={"frequency": "hourly"})
        assert_error(bad, 400, "invalid_parameter")
        assert_error(client.patch(f"{BASE}/999999", json={"urgent": False}), 404, "not_found")


def test_patch_of_another_agents_subscription_is_a_404(live: Live) -> None:
    _agent, other_key = create_agent(live.database, "patch-other", "patch-autre@example.org")
    theirs = post(live, {"query": "solaris"}, other_key).json()
    with live.client(live.key) as client:
        assert_error(
            client.patch(f"{BASE}/{theirs['id']}", json={"urgent": True}), 404, "not_found"
        )
    assert stored(live, theirs["id"]).urgent is False


# -- preview ----------------------------------------------------------------------------


def test_preview_returns_the_last_30_days_newest_first(live: Live) -> None:
    response = get(live, f"{BASE}/preview?q=aerovolt")
    assert response.status_code == 200, response.text
    body = response.json()
    # d03 is 40 days old: outside the window.
    assert body["total"] == 2 and body["days"] == 30
    assert [hit["id"] for hit in body["hits"]] == ["d02", "d01"]
    assert set(body["hits"][0]) == {"id", "title", "url", "published_at", "source", "snippet"}


@pytest.mark.parametrize(
    ("days", "ids"),
    [(30, {"d04", "d05", "d06", "d07", "d10"}), (10, {"d04", "d05", "d06", "d07"})],
)
def test_preview_window(live: Live, days: int, ids: set[str]) -> None:
    body = get(live, f"{BASE}/preview?q=sector:energy&days={days}").json()
    assert body["total"] == len(ids) and {hit["id"] for hit in body["hits"]} == ids
    assert body["since"] == (datetime.now(UTC) - timedelta(days=days)).date().isoformat()


def test_preview_of_a_bad_query_is_a_400(live: Live) -> None:
    body = assert_error(get(live, f"{BASE}/preview?q=solaris%20OR"), 400, "invalid_query")
    assert isinstance(body["position"], int)


def test_preview_function_limits_and_raises(live: Live) -> None:
    index = open_index(live.settings)
    try:
        found = preview(index, "sector:energy", CodeResolver(), days=30, limit=2, now=NOW)
        assert found.total == 5 and len(found.hits) == 2
        older = preview(index, "aerovolt", CodeResolver(), days=60, now=NOW)
        assert [hit.id for hit in older.hits] == ["d02", "d01", "d03"]
        with pytest.raises(QueryError):
            preview(index, "(solaris", CodeResolver(), now=NOW)
    finally:
        index.close()


# -- schema -----------------------------------------------------------------------------


def test_the_openapi_schema_lists_the_subscription_paths(live: Live) -> None:
    schema = httpx.get(f"{live.url}/openapi.json").json()
    paths = schema["paths"]
    assert set(paths[BASE]) == {"get", "post"}
    assert set(paths[f"{BASE}/preview"]) == {"get"}
    assert set(paths[f"{BASE}/{{subscription_id}}"]) == {"delete", "patch"}
    created = paths[BASE]["post"]["responses"]
    assert {"201", "202", "400", "401"} <= set(created)
    assert created["201"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "SubscriptionCreatedOut"
    )
    assert "404" in paths[f"{BASE}/{{subscription_id}}"]["delete"]["responses"]
    frequency = schema["components"]["schemas"]["SubscriptionIn"]["properties"]["frequency"]
    assert frequency["enum"] == ["immediate", "daily", "weekly"]
