"""Retention: what housekeeping deletes, and the index compaction that follows.

Documents are filed under their publication date, else their collection date (the date
the index files them under, so both stores agree on what is old). A document goes when
that date is older than ``retention.documents``, from the state database (with its
enrichment) and from the index, unless a delivery still waiting to go out (``pending``
or ``sending``) points to it, or it is still in the intake queue.

Seen-URL rows outlive their documents: a feed often keeps old items for months, and
forgetting that they were seen would collect them again. They are pruned only after
``SEEN_URL_FACTOR`` times the retention, and only once their document is gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment, SeenUrl, StoryCluster, utcnow
from myrtille.store.subscriptions import OutboxItem

SENT_RETENTION = timedelta(days=30)
SEEN_URL_FACTOR = 2
WAITING = ("pending", "sending")
# Documents still in the intake queue: the processing stage is about to need them.
QUEUED = ("pending", "claimed")
CHUNK = 500


@dataclass
class HousekeepingReport:
    deliveries_pruned: int = 0
    documents_deleted: int = 0
    indexed_deleted: int = 0
    seen_urls_pruned: int = 0
    clusters_deleted: int = 0
    index_optimised: bool = False


def filed_at() -> object:
    """The SQL expression of a document's filed date: published, else collected."""
    return func.coalesce(Document.published_at, Document.collected_at)


def awaited_documents(session: Session) -> set[str]:
    """Documents a delivery still waiting to go out refers to."""
    return set(
        session.scalars(select(OutboxItem.document_id).where(OutboxItem.status.in_(WAITING)))
    )


def prune_deliveries(database: Database, now: datetime) -> int:
    """Delete deliveries sent more than ``SENT_RETENTION`` ago."""
    with database.session() as session:
        result = session.execute(
            delete(OutboxItem).where(
                OutboxItem.status == "sent", OutboxItem.sent_at < now - SENT_RETENTION
            )
        )
        return int(result.rowcount or 0)


def _deletable(cutoff: datetime) -> object:
    awaited = select(OutboxItem.id).where(
        OutboxItem.document_id == Document.id, OutboxItem.status.in_(WAITING)
    )
    return (filed_at() < cutoff) & Document.status.not_in(QUEUED) & ~exists(awaited)  # type: ignore[operator]


def delete_old_documents(database: Database, cutoff: datetime) -> tuple[int, int]:
    """Delete documents filed before ``cutoff`` (see the module's rules) from the state
    database, a chunk per transaction; returns (documents, story clusters) deleted."""
    documents = clusters = 0
    while True:
        with database.session() as session:
            rows = session.execute(
                select(Document.id, Document.cluster_id).where(_deletable(cutoff)).limit(CHUNK)  # type: ignore[arg-type]
            ).all()
            if not rows:
                return documents, clusters
            ids = [doc_id for doc_id, _ in rows]
            session.execute(delete(Enrichment).where(Enrichment.document_id.in_(ids)))
            # The conditions again: a row that changed since the select stays.
            removed = session.execute(
                delete(Document)
                .where(Document.id.in_(ids), _deletable(cutoff))  # type: ignore[arg-type]
                .execution_options(synchronize_session=False)
            ).rowcount
            documents += int(removed or 0)
            clusters += _tidy_clusters(session, {cluster for _, cluster in rows})
            if len(rows) < CHUNK:
                return documents, clusters


def _tidy_clusters(session: Session, cluster_ids: set[str]) -> int:
    """Story sizes after deletion; a story left without documents goes too."""
    deleted = 0
    for cluster_id in sorted(cluster_ids):
        size = session.scalar(
            select(func.count()).select_from(Document).where(Document.cluster_id == cluster_id)
        )
        if size:
            session.execute(
                update(StoryCluster).where(StoryCluster.id == cluster_id).values(size=size)
            )
        else:
            deleted += int(
                session.execute(delete(StoryCluster).where(StoryCluster.id == cluster_id)).rowcount
                or 0
            )
    return deleted


def prune_seen_urls(database: Database, cutoff: datetime) -> int:
    """Forget URLs first seen before ``cutoff`` whose document is gone (or never was)."""
    with database.session() as session:
        alive = select(Document.id).where(Document.id == SeenUrl.document_id)
        result = session.execute(
            delete(SeenUrl)
            .where(SeenUrl.first_seen_at < cutoff, ~exists(alive))
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)


def delete_from_index(index: IndexBackend, database: Database, cutoff: datetime) -> int:
    """Old documents out of the index, except those a waiting delivery will show."""
    with database.session() as session:
        keep: Sequence[str] = sorted(awaited_documents(session))
    return index.delete_older_than(cutoff, keep=keep)


def housekeep(
    settings: Settings, database: Database, index: IndexBackend, now: datetime | None = None
) -> HousekeepingReport:
    """Prune sent deliveries, apply the document retention, then compact the index."""
    now = now or utcnow()
    report = HousekeepingReport(deliveries_pruned=prune_deliveries(database, now))
    keep_for = settings.retention.documents
    if keep_for is not None:
        cutoff = now - keep_for
        # The index first: if housekeeping stops in between, the next run finds the
        # state rows again; both deletions go by date, so neither leaves strays.
        report.indexed_deleted = delete_from_index(index, database, cutoff)
        report.documents_deleted, report.clusters_deleted = delete_old_documents(database, cutoff)
        report.seen_urls_pruned = prune_seen_urls(database, now - keep_for * SEEN_URL_FACTOR)
    index.optimise(forcemerge=settings.retention.forcemerge)
    report.index_optimised = True
    return report
