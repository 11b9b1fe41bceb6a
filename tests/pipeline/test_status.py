"""`myrtille status` and `/metrics`: what the pipeline holds, readable by people and by
Prometheus (checked with the Prometheus client's own parser)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families

from myrtille.cli import main
from myrtille.crawlers.health import SourceRun, record_run
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.store.schema import Enrichment, utcnow
from myrtille.store.subscriptions import (
    OutboxItem,
    Subscriber,
    Subscription,
    SubscriptionDestination,
)
from tests.web.conftest import start_live


def fill(data_dir: Path) -> None:
    database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
    intake = Intake(database)
    ids = [
        intake.add(
            CollectedDocument(
                url=f"https://eco.example/{n}",
                source_id="eco",
                title=f"Titre {n}",
                text=f"Texte numéro {n} " * 30,
                language="fr",
            )
        ).document_id
        for n in range(3)
    ]
    intake.complete(ids[:2])
    failing = SourceRun(source_id='bodacc "v2"', kind="opendata")
    failing.fail("HTTP 503 server error")
    record_run(database, failing)
    with database.session() as session:
        for doc_id in ids[:2]:
            session.add(Enrichment(document_id=doc_id, language="fr", processed_at=utcnow()))
        subscriber = Subscriber(email="pme@exemple.fr", confirmed_at=utcnow())
        session.add(subscriber)
        session.flush()
        subscription = Subscription(
            subscriber_id=subscriber.id,
            name="x",
            query="x",
            destinations=[SubscriptionDestination(channel="email")],
            active=True,
        )
        session.add(subscription)
        session.flush()
        session.add(
            OutboxItem(
                subscription_id=subscription.id,
                cluster_id=ids[0],
                document_id=ids[0],
                channel="email",
                status="sent",
                also_reported_by=[],
                created_at=utcnow() - timedelta(seconds=90),
                sent_at=utcnow() - timedelta(seconds=30),
            )
        )
    database.dispose()


def test_metrics_parse_with_the_prometheus_parser(tmp_path: Path) -> None:
    with start_live(tmp_path / "data") as running:
        fill(running.settings.data_dir)
        response = httpx.get(f"{running.url}/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in families.values()
        for s in family.samples
    }
    assert samples[("myrtille_queue_depth", (("status", "pending"),))] == 1
    assert samples[("myrtille_queue_depth", (("status", "done"),))] == 2
    assert samples[("myrtille_documents_processed", ())] == 2
    assert samples[("myrtille_documents_indexed", ())] == 10  # the API tests' index
    assert samples[("myrtille_deliveries", (("channel", "email"), ("status", "sent")))] == 1
    assert samples[("myrtille_source_errors", (("source", 'bodacc "v2"'),))] == 1
    assert "myrtille_processing_lag_seconds" in families
    assert 59 <= samples[("myrtille_delivery_lag_seconds", ())] <= 61


def test_status_command(tmp_path: Path) -> None:
    fill(tmp_path)
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "status"])
    assert result.exit_code == 0, result.output
    assert "Intake: 3 documents — 1 pending" in result.output and "2 done" in result.output
    assert 'bodacc "v2": HTTP 503 server error (1 in a row)' in result.output
    assert "email" in result.output
