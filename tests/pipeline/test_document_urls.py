"""Document URLs are http(s) only: refused at the intake, never emitted by an output."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from myrtille.alerts.channels.webhook import WebhookChannel, payload
from myrtille.alerts.delivery import Alert, AlertDocument
from myrtille.alerts.stream import document_fields
from myrtille.index.base import IndexedDocument
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.export import export_records
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.normalise import url_refusal, web_url
from myrtille.store.database import Database
from myrtille.store.schema import Document, SeenUrl
from tests.alerts.test_webhook import PostServer, alert, verifying
from tests.alerts.test_webhook import settings as webhook_settings

TEXT = "Aérovolt ouvre une usine à Toulouse et recrute cinquante techniciens. " * 5
HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://files.example/notice.txt",
    "//no-scheme.example/x",
    "https://host.example/a\nb",
]


def collected(url: str, n: int) -> CollectedDocument:
    return CollectedDocument(
        url=url,
        source_id="s1",
        title=f"Titre {n}",
        text=f"{n} {TEXT}",
        published_at=datetime(2026, 10, 3, 6, 15, tzinfo=UTC),
    )


def test_the_intake_refuses_documents_whose_url_is_not_http(database: Database) -> None:
    docs = [collected("https://news.example/ok", 0)]
    docs += [collected(url, n) for n, url in enumerate(HOSTILE, start=1)]
    results = Intake(database).add_many(docs)
    assert [r.outcome for r in results] == ["new"] + ["refused"] * len(HOSTILE)
    assert all(r.reason for r in results[1:])
    assert "'javascript:' is not http(s)" in str(results[1].reason)
    with database.session() as session:
        urls = session.scalars(select(Document.url)).all()
        seen = session.scalars(select(SeenUrl.url)).all()
    assert urls == ["https://news.example/ok"]
    assert not any(u in seen for u in HOSTILE)


@pytest.mark.parametrize("url", HOSTILE)
def test_outputs_drop_a_stored_non_http_url(url: str) -> None:
    assert url_refusal(url) is not None and web_url(url) is None
    document = AlertDocument(
        id="d1", title="t", url=url, source="s1", published_at=None, summary=""
    )
    alert = Alert(
        outbox_id=1,
        channel="webhook",
        subscription_id=1,
        subscription_name="n",
        query="q",
        subscriber_id=1,
        subscriber_email="a@example.org",
        language="fr",
        document=document,
    )
    assert payload(alert)["data"]["document"]["url"] is None
    indexed = IndexedDocument(id="d1", url=url, title="t", text="x", source="s1")
    assert document_fields(indexed)["url"] is None


def test_an_export_drops_a_url_stored_before_the_rule(database: Database) -> None:
    Intake(database).add(collected("https://news.example/later-poisoned", 1))
    with database.session() as session:
        # As a row stored by an older version would hold it.
        session.execute(update(Document).values(url="javascript:alert(1)"))
    records = list(export_records(database))
    assert [r["url"] for r in records] == [None]


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html,x"])
def test_a_webhook_receiver_reads_no_stored_non_http_url(tmp_path: Path, url: str) -> None:
    """What a receiver reads on the wire; the "also reported by" entry as an outbox row
    written before the rule holds it."""
    with PostServer({"/hook": verifying()}) as server:
        sent = alert(server.url("/hook"))
        sent.document.url = url
        sent.also_reported_by = [{"id": "d2", "source": "hebdo", "url": url, "title": "t"}]
        WebhookChannel(webhook_settings(tmp_path, ["127.0.0.1"])).send(sent)
        [delivery] = server.deliveries
    assert delivery.json["data"]["document"]["url"] is None
    assert delivery.json["data"]["also_reported_by"][0]["url"] is None
    assert url.split(":")[0].encode() + b":" not in delivery.body


def test_the_live_stream_hands_out_no_stored_non_http_url(tmp_path: Path) -> None:
    """Read as ``myrtille watch --json`` receives it from a real server's stream."""
    import json
    import os
    import subprocess
    import sys

    from myrtille.alerts.subscriptions import create_subscription
    from myrtille.config.loading import load_settings
    from myrtille.index.factory import open_index
    from myrtille.store.subscriptions import OutboxItem
    from myrtille.web.app import create_app
    from myrtille.web.auth import create_agent
    from tests.web.conftest import serve_app

    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path / "data")})
    index = open_index(settings)
    poisoned = IndexedDocument(
        id="d1", url="javascript:alert(1)", title="Aérovolt", text="Aérovolt", source="s1"
    )
    index.index([poisoned])
    index.close()
    app = create_app(settings)
    email = "veille@agence.example"
    _agent, key = create_agent(app.state.database, "agence", email)
    created = create_subscription(
        app.state.database,
        b"document-urls-secret-0123456789ab",
        email=email,
        query="aerovolt",
        channels=["stream"],
        kind="agent",
        confirmed_by_operator=True,
    )
    also = [{"id": "d2", "source": "s2", "url": "data:text/html,x", "title": "t"}]
    with app.state.database.session() as session:
        session.add(
            OutboxItem(
                subscription_id=created.subscription_id,
                cluster_id="story-d1",
                document_id="d1",
                channel="stream",
                also_reported_by=also,
            )
        )
    with serve_app(app) as url:
        done = subprocess.run(
            [sys.executable, "-m", "myrtille", "watch", "--url", url, "--once", "--json"],
            env={**os.environ, "MYRTILLE_API_KEY": key},
            capture_output=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr.decode()
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert event["document"]["id"] == "d1" and event["document"]["url"] is None
    assert event["also_reported_by"][0]["url"] is None
    assert b"javascript:" not in done.stdout and b"data:" not in done.stdout
