"""Webhook URLs are judged when the subscription is made, as Apprise URLs are (issue 10):
http(s) only, and a host resolving to a non-public address is refused unless
``webhooks.allow_private`` allows it; a name that does not resolve yet is accepted and
judged at every send. Through the API on a real server, and ``myrtille subscribe``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from myrtille.cli import main
from myrtille.store.subscriptions import Subscription
from tests.web.conftest import Live, signed_in, start_live
from tests.web.subscription_site import form_for

REFUSED = [
    "http://127.0.0.1:9/hook",
    "http://localhost:9/hook",
    "http://[::1]:9/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.1.2.3/hook",
]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("webhooks") / "data") as running:
        yield running


def count(live: Live) -> int:
    with live.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Subscription)) or 0)


def post(live: Live, webhook_url: str) -> tuple[int, dict[str, object]]:
    with live.client(live.key) as client:
        response = client.post(
            "/api/v1/subscriptions",
            json={"email": "pme@exemple.fr", "query": "solaris", "webhook_url": webhook_url},
        )
    return response.status_code, response.json()


@pytest.mark.parametrize("url", REFUSED)
def test_the_api_refuses_a_webhook_to_a_non_public_address(live: Live, url: str) -> None:
    before = count(live)
    status, body = post(live, url)
    assert status == 400, body
    message = str(body["message"])
    assert body["error"] != "internal_error" and "refused destination" in message, body
    assert "webhooks.allow_private" in message
    assert count(live) == before  # nothing stored


def test_the_api_refuses_other_schemes(live: Live) -> None:
    status, body = post(live, "ftp://hooks.example/x")
    assert status == 400 and "https://" in str(body["message"]), body


def test_a_name_that_does_not_resolve_yet_is_judged_at_send(live: Live) -> None:
    status, body = post(live, "https://hooks.invalid/myrtille")
    assert status == 201, body
    assert str(body["webhook_secret"]).startswith("whsec_")


def test_allow_private_lets_the_operator_open_a_local_receiver(tmp_path: Path) -> None:
    with start_live(tmp_path / "data", webhooks={"allow_private": ["127.0.0.1"]}) as live:
        status, body = post(live, "http://127.0.0.1:9/hook")
        assert status == 201, body
        status, body = post(live, "http://10.1.2.3/hook")  # only what is listed
        assert status == 400, body


def cli(tmp_path: Path, webhook: str, allow: str = "[]") -> tuple[int, str]:
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"data_dir: {tmp_path / 'data'}\nwebhooks: {{allow_private: {allow}}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "--config",
            str(config),
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            "solaris",
            "--webhook",
            webhook,
        ],
    )
    return result.exit_code, result.output


def test_myrtille_subscribe_refuses_a_webhook_to_a_non_public_address(tmp_path: Path) -> None:
    code, output = cli(tmp_path, "http://127.0.0.1:9/hook")
    assert code == 2, output
    assert "Cannot subscribe: " in output and "refused destination" in output, output
    assert "webhooks.allow_private" in output
    code, output = cli(tmp_path, "http://127.0.0.1:9/hook", allow="['127.0.0.1']")
    assert code == 0, output
    code, output = cli(tmp_path, "https://hooks.invalid/myrtille")
    assert code == 0, output


def test_the_agents_form_refuses_a_webhook_to_a_non_public_address(live: Live) -> None:
    before = count(live)
    with closing(signed_in(live)) as agent:
        form = form_for(agent, email="firm@example.org", webhook_url="http://127.0.0.1:9/hook")
        response = agent.post("/agent/subscriptions/new", data=form)
    assert response.status_code == 400, response.status_code
    # The page is French (the default): the refusal in the catalogue's words.
    assert "destination refusée" in unescape(response.text)
    assert count(live) == before
