"""An Apprise URL the channel would refuse is refused when the subscription is created
through the API: a 400 that says why, and nothing stored."""

from __future__ import annotations

from sqlalchemy import func, select

from myrtille.store.subscriptions import Subscription
from tests.alerts.test_apprise_guard import Canary
from tests.web.conftest import Live
from tests.web.test_subscriptions_api import assert_error, post


def count(live: Live) -> int:
    with live.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Subscription)) or 0)


def test_an_internal_or_unlisted_apprise_url_is_a_400(live: Live) -> None:
    canary = Canary()
    try:
        before = count(live)
        for url in (
            f"ntfy://127.0.0.1:{canary.port}/alerts",
            f"mmost://localhost:{canary.port}/abcdefghijklmnopqrstuvwxyz",
            f"json://2130706433:{canary.port}/hook",
        ):
            body = assert_error(
                post(live, {"query": "solaris", "apprise_url": url}), 400, "invalid_parameter"
            )
            assert "refused destination" in body["message"]
            assert "webhooks.allow_private" in body["message"]
        body = assert_error(
            post(live, {"query": "solaris", "apprise_url": "mailto://u:p@mail.example"}),
            400,
            "invalid_parameter",
        )
        assert "mailto:// is not allowed; allowed schemas: apprise, apprises," in body["message"]
        assert count(live) == before
        assert canary.connections == 0
    finally:
        canary.close()
