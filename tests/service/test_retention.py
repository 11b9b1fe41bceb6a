"""Housekeeping's retention on SQLite and PostgreSQL, with the SQLite index: old documents
leave both stores, unless a waiting delivery or the intake queue still needs them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.index.records import load_documents
from myrtille.index.sqlite import SQLiteIndex
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service.retention import housekeep
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment, SeenUrl, StoryCluster, utcnow
from myrtille.store.subscriptions import (
    OutboxItem,
    Subscriber,
    Subscription,
    SubscriptionDestination,
)

NOW = utcnow()
DAY = timedelta(days=1)


def settings_with(tmp_path: Path, documents: str | None) -> Settings:
    return load_settings(
        None,
        env={},
        overrides={"data_dir": str(tmp_path), "retention": {"documents": documents}},
    )


class Corpus:
    """Documents with chosen dates and fates, enriched and indexed as processing does."""

    def __init__(self, database: Database, index: SQLiteIndex) -> None:
        self.database = database
        self.index = index
        self.intake = Intake(database)
        self.ids: dict[str, str] = {}
        with database.session() as session:
            subscriber = Subscriber(email="pme@exemple.fr", confirmed_at=NOW)
            session.add(subscriber)
            session.flush()
            subscription = Subscription(
                subscriber_id=subscriber.id,
                name="veille",
                query="x",
                destinations=[SubscriptionDestination(channel="email")],
            )
            session.add(subscription)
            session.flush()
            self.subscription = subscription.id

    def add(
        self,
        name: str,
        *,
        published: datetime | None,
        collected: datetime,
        status: str = "done",
        cluster: str | None = None,
    ) -> str:
        result = self.intake.add(
            CollectedDocument(
                url=f"https://news.example/{name}",
                source_id="eco",
                title=f"Avis {name}",
                text=f"Texte de l'avis {name}.",
                kind="notice",  # one story per notice: the test chooses the stories
                published_at=published,
            )
        )
        doc_id = result.document_id
        with self.database.session() as session:
            values: dict[str, object] = {"collected_at": collected, "status": status}
            if cluster is not None:
                values["cluster_id"] = self.ids[cluster]
            session.execute(update(Document).where(Document.id == doc_id).values(**values))
            session.execute(
                update(SeenUrl).where(SeenUrl.document_id == doc_id).values(first_seen_at=collected)
            )
            if status == "done":
                session.add(Enrichment(document_id=doc_id, processed_at=collected))
        if status == "done":
            for chunk in load_documents(self.database, [doc_id]):
                self.index.index(chunk)
        self.ids[name] = doc_id
        return doc_id

    def deliver(self, name: str, status: str, sent_at: datetime | None = None) -> None:
        with self.database.session() as session:
            session.add(
                OutboxItem(
                    subscription_id=self.subscription,
                    cluster_id=f"{name}-{status}",
                    document_id=self.ids[name],
                    channel="email",
                    status=status,
                    sent_at=sent_at,
                    also_reported_by=[],
                )
            )

    def in_state(self) -> set[str]:
        with self.database.session() as session:
            found = set(session.scalars(select(Document.id)))
        return {name for name, doc_id in self.ids.items() if doc_id in found}

    def enriched(self) -> set[str]:
        with self.database.session() as session:
            found = set(session.scalars(select(Enrichment.document_id)))
        return {name for name, doc_id in self.ids.items() if doc_id in found}

    def in_index(self) -> set[str]:
        return {name for name, doc_id in self.ids.items() if self.index.get(doc_id) is not None}


def test_old_documents_leave_both_stores_unless_still_needed(
    database: Database, tmp_path: Path
) -> None:
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    corpus.add("ancient", published=NOW - 800 * DAY, collected=NOW - 800 * DAY)
    corpus.add("old", published=NOW - 400 * DAY, collected=NOW - 5 * DAY)
    corpus.add("old-by-collection", published=None, collected=NOW - 400 * DAY)
    corpus.add("awaited", published=NOW - 400 * DAY, collected=NOW - 400 * DAY)
    corpus.add("sending", published=NOW - 400 * DAY, collected=NOW - 400 * DAY)
    corpus.add("delivered", published=NOW - 400 * DAY, collected=NOW - 400 * DAY)
    corpus.add("queued", published=NOW - 400 * DAY, collected=NOW, status="pending")
    corpus.add("recent", published=NOW - 10 * DAY, collected=NOW - 10 * DAY)
    corpus.add("undated", published=None, collected=NOW - DAY)
    # A story told long ago and again lately keeps its recent part.
    corpus.add("story-then", published=NOW - 500 * DAY, collected=NOW - 500 * DAY)
    corpus.add("story-now", published=NOW - 2 * DAY, collected=NOW - 2 * DAY, cluster="story-then")
    with database.session() as session:
        session.execute(
            update(StoryCluster).where(StoryCluster.id == corpus.ids["story-then"]).values(size=2)
        )
    corpus.deliver("awaited", "pending")
    corpus.deliver("sending", "sending")
    corpus.deliver("delivered", "sent", sent_at=NOW - 40 * DAY)
    corpus.deliver("recent", "sent", sent_at=NOW - 5 * DAY)

    report = housekeep(settings_with(tmp_path, "365d"), database, index, now=NOW)

    gone = {"ancient", "old", "old-by-collection", "delivered", "story-then"}
    assert corpus.in_state() == set(corpus.ids) - gone
    assert corpus.enriched() == set(corpus.ids) - gone - {"queued"}
    assert corpus.in_index() == set(corpus.ids) - gone - {"queued"}
    assert report.documents_deleted == len(gone) == report.indexed_deleted
    with database.session() as session:
        clusters = dict(session.execute(select(StoryCluster.id, StoryCluster.size)).all())
        sent = list(
            session.scalars(select(OutboxItem.document_id).where(OutboxItem.status == "sent"))
        )
        seen = {url for url in session.scalars(select(SeenUrl.url))}
    # The shared story stays, one document smaller; lone old stories go.
    assert clusters[corpus.ids["story-then"]] == 1
    assert corpus.ids["ancient"] not in clusters and corpus.ids["old"] not in clusters
    # Deliveries sent more than 30 days ago are pruned, recent ones kept.
    assert sent == [corpus.ids["recent"]]
    assert report.deliveries_pruned == 1
    # Seen URLs outlive their documents (no collecting them again), up to twice the
    # retention: only the 800-day-old one is forgotten.
    assert "https://news.example/ancient" not in seen
    assert {"https://news.example/old", "https://news.example/story-then"} <= seen
    assert report.seen_urls_pruned == 1
    assert Intake(database).is_seen("https://news.example/old")

    # Once the delivery went out, its document may go too.
    with database.session() as session:
        session.execute(update(OutboxItem).values(status="sent", sent_at=NOW))
    again = housekeep(settings_with(tmp_path, "365d"), database, index, now=NOW)
    assert again.documents_deleted == 2
    assert corpus.in_state() == {"queued", "recent", "undated", "story-now"}
    assert corpus.in_index() == {"recent", "undated", "story-now"}
    index.close()


def test_without_retention_nothing_is_deleted(database: Database, tmp_path: Path) -> None:
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    corpus.add("ancient", published=NOW - 3000 * DAY, collected=NOW - 3000 * DAY)
    for documents in (None, "0"):
        report = housekeep(settings_with(tmp_path, documents), database, index, now=NOW)
        assert report.documents_deleted == report.indexed_deleted == 0
        assert report.index_optimised
    assert corpus.in_state() == corpus.in_index() == {"ancient"}
    index.close()
