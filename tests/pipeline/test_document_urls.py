"""Document URLs are http(s) only: refused at the intake, never emitted by an output."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from myrtille.alerts.channels.webhook import payload
from myrtille.alerts.delivery import Alert, AlertDocument
from myrtille.alerts.stream import document_fields
from myrtille.index.base import IndexedDocument
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.export import export_records
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.normalise import url_refusal, web_url
from myrtille.store.database import Database
from myrtille.store.schema import Document, SeenUrl

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
