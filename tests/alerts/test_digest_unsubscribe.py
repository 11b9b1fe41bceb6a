"""A digest's one-click unsubscribe link for a subscriber with many subscriptions (issue
11): the message on the wire keeps every line within RFC 5322's 998 characters, and the
RFC 8058 POST a mail client sends to its List-Unsubscribe URL, on a real server, ends that
subscriber's subscriptions of the digest's frequency, and nobody else's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.mail import unsubscribe_token
from myrtille.alerts.subscriptions import create_subscription
from myrtille.alerts.tokens import secret_key
from myrtille.config.loading import load_settings
from myrtille.index.factory import open_index
from myrtille.store.subscriptions import OutboxItem, Subscription
from tests.alerts.test_email import Recorder, smtp_server
from tests.alerts.test_wire import header_block, raw_fields
from tests.web.conftest import Live, start_live

MANY = 150
PUBLIC = "https://veille.example/"
ONE_CLICK = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    with start_live(tmp_path / "data", email={"public_url": PUBLIC}) as running:
        yield running


def secret(live: Live) -> bytes:
    return secret_key(live.settings.secret_key, live.settings.data_dir)


def subscribe(live: Live, email: str, query: str, frequency: str = "daily") -> int:
    created = create_subscription(
        live.database,
        secret(live),
        email=email,
        query=query,
        frequency=frequency,
        confirmed_by_operator=True,
    )
    return created.subscription_id


def pending(live: Live, subscription_ids: list[int]) -> None:
    """One waiting email row per subscription: each gets a section in the digest."""
    with live.database.session() as session:
        session.add_all(
            OutboxItem(subscription_id=i, cluster_id="c01", document_id="d01", channel="email")
            for i in subscription_ids
        )


def send_digests(live: Live, transport: str) -> list[bytes]:
    """Today's daily digests through the email channel, as the raw bytes written: received
    by a real SMTP server, or the .eml files written without one."""
    email: dict[str, object] = {"public_url": PUBLIC}
    handler = Recorder()
    index = open_index(live.settings)
    try:
        if transport == "smtp":
            with smtp_server(handler) as port:
                email |= {"smtp_host": "127.0.0.1", "smtp_port": port}
                run_digests(live, email, index)
            return [e.original_content or e.content for e in handler.envelopes]
        run_digests(live, email, index)
    finally:
        index.close()
    return [path.read_bytes() for path in sorted((live.settings.data_dir / "mail").glob("*.eml"))]


def run_digests(live: Live, email: dict[str, object], index: object) -> None:
    # Same data directory as the server: same signing secret.
    settings = load_settings(
        None, env={}, overrides={"data_dir": str(live.settings.data_dir), "email": email}
    )
    channel = EmailChannel(settings)
    report = DigestBuilder(settings, live.database, index, channel.send_digest).run(  # type: ignore[arg-type]
        "daily", force=True
    )
    assert report.failed == 0, report.errors


def states(live: Live, ids: list[int]) -> list[tuple[bool, bool]]:
    """(active, ended) of each subscription."""
    with live.database.session() as session:
        rows = {
            r.id: r for r in session.scalars(select(Subscription).where(Subscription.id.in_(ids)))
        }
        return [(rows[i].active, rows[i].ended_at is not None) for i in ids]


@pytest.mark.parametrize("transport", ["smtp", "eml"])
def test_a_digest_of_many_subscriptions_fits_the_line_limit_and_one_click_ends_them(
    live: Live, transport: str
) -> None:
    # A database that has served many subscriptions: ids of six digits from here on.
    veteran = subscribe(live, "ancien@example.org", "aérovolt")
    with live.database.session() as session:
        row = session.get(Subscription, veteran)
        assert row is not None
        session.add(
            Subscription(
                id=100_000, subscriber_id=row.subscriber_id, name="ancienne", query="solaris"
            )
        )
    mine = [subscribe(live, "lea@example.org", f"aérovolt OR mot{n}") for n in range(MANY)]
    assert min(mine) > 100_000
    weekly = subscribe(live, "lea@example.org", "hélicea", "weekly")
    neighbour = subscribe(live, "tom@example.org", "aérovolt")
    pending(live, [*mine, neighbour])

    raws = send_digests(live, transport)
    [raw] = [r for r in raws if b"lea@example.org" in r.split(b"\r\n\r\n", 1)[0]]
    for line in raw.split(b"\r\n"):
        assert len(line) <= 998, (len(line), line[:120])
    [field] = raw_fields(raw)["list-unsubscribe"]
    assert re.fullmatch(r"<https://veille\.example/unsubscribe\?token=[\w.-]+>", field), field
    header = next(line for line in header_block(raw) if line.startswith(b"List-Unsubscribe:"))
    # The link names the subscriber and the frequency, not each subscription.
    assert len(header) < 300, header

    # A daily subscription made after the digest was sent is not in it: it stays.
    later = subscribe(live, "lea@example.org", "solaris")
    path = field.strip("<>").split("://", 1)[1].split("/", 1)[1]
    with httpx.Client(base_url=live.url, timeout=30) as client:
        asked = client.get("/" + path)
        assert asked.status_code == 200 and '<form method="post"' in asked.text
        done = client.post("/" + path, content=b"List-Unsubscribe=One-Click", headers=ONE_CLICK)
        assert done.status_code == 200, done.text
        again = client.post("/" + path, content=b"List-Unsubscribe=One-Click", headers=ONE_CLICK)
        assert again.status_code == 200
    assert states(live, mine) == [(False, True)] * MANY
    assert states(live, [weekly, neighbour, later]) == [(True, False)] * 3


def test_old_digest_links_listing_ids_still_work(live: Live) -> None:
    mine = [subscribe(live, "old@example.org", f"mot{n}") for n in range(3)]
    other = subscribe(live, "old@example.org", "solaris")
    token = unsubscribe_token(secret(live), mine)
    with httpx.Client(base_url=live.url, timeout=30) as client:
        done = client.post(
            "/unsubscribe",
            params={"token": token},
            content=b"List-Unsubscribe=One-Click",
            headers=ONE_CLICK,
        )
    assert done.status_code == 200
    assert states(live, mine) == [(False, True)] * 3
    assert states(live, [other]) == [(True, False)]
