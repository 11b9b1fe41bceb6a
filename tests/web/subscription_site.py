"""The subscription pages' test site, shared by test_subscription_pages.py (the agents'
pages) and test_subscription_preferences.py (the firm's preferences page): a real SMTP server
(aiosmtpd), a live server sending through it and a signed-in agent, all module-scoped (each
test module gets its own), and the helpers that fill, save and read subscriptions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from myrtille.alerts.subscriptions import load_matcher
from myrtille.alerts.tokens import secret_key
from myrtille.store.subscriptions import Subscription
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
