"""The intake: the durable queue of collected documents that later stages claim from.

Writes are idempotent (the id comes from the canonical URL), exact duplicates are
dropped, near-duplicates join an existing story cluster.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from myrtille.config.settings import DedupSettings
from myrtille.pipeline.clustering import StoryIndex
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.normalise import (
    canonical_url,
    content_hash,
    document_id,
    preferred_url,
    url_key,
)
from myrtille.store.database import Database
from myrtille.store.schema import Document, SeenUrl, StoryCluster, utcnow

Outcome = Literal["new", "known", "duplicate"]


@dataclass(frozen=True)
class AddResult:
    outcome: Outcome
    document_id: str
    cluster_id: str | None = None


class Intake:
    """Adds collected documents and hands them out to the stages downstream."""

    def __init__(self, database: Database, dedup: DedupSettings | None = None) -> None:
        self.database = database
        self.stories = StoryIndex(dedup or DedupSettings())
        self._stories_loaded = False

    # -- seen URLs ---------------------------------------------------------------------

    def is_seen(self, url: str) -> bool:
        """Whether this article URL was already collected (or judged useless)."""
        keys = {url_key(url), url_key(canonical_url(url))}
        with self.database.session() as session:
            return (
                session.scalar(
                    select(func.count()).select_from(SeenUrl).where(SeenUrl.url_key.in_(keys))
                )
                > 0
            )

    def mark_seen(
        self,
        url: str,
        source_id: str,
        outcome: str,
        document: str | None = None,
        session: Session | None = None,
    ) -> None:
        if session is None:
            with self.database.session() as own:
                self.mark_seen(url, source_id, outcome, document, own)
            return
        for spelling in {url, canonical_url(url)}:
            key = url_key(spelling)
            if session.get(SeenUrl, key) is None:
                session.add(
                    SeenUrl(
                        url_key=key,
                        url=spelling,
                        source_id=source_id,
                        document_id=document,
                        outcome=outcome,
                    )
                )
                session.flush()

    # -- adding ------------------------------------------------------------------------

    def _load_stories(self, session: Session) -> None:
        if self._stories_loaded:
            return
        since = utcnow() - self.stories.settings.window
        rows = session.execute(
            select(Document.id, Document.cluster_id, Document.minhash).where(
                Document.collected_at >= since, Document.minhash.is_not(None)
            )
        )
        self.stories.load(rows)
        self._stories_loaded = True

    def add(self, doc: CollectedDocument) -> AddResult:
        """Store one document; safe to call twice with the same document."""
        with self.database.session() as session:
            self._load_stories(session)
            canonical = preferred_url(doc.url, doc.canonical_url)
            doc_id = document_id(canonical)
            if session.get(Document, doc_id) is not None:
                self.mark_seen(doc.url, doc.source_id, "collected", doc_id, session)
                return AddResult("known", doc_id)
            digest = content_hash(doc.title, doc.text, canonical)
            twin = session.scalar(select(Document.id).where(Document.content_hash == digest))
            if twin is not None:
                self.mark_seen(doc.url, doc.source_id, "duplicate", twin, session)
                return AddResult("duplicate", twin)
            # Notices are templated legal text: near-duplicate detection would merge
            # unrelated companies' notices, so each notice is a story of its own.
            signature = (
                self.stories.signature(doc.title, doc.text) if doc.kind == "article" else None
            )
            cluster_id = (self.stories.cluster_for(signature) if signature else None) or doc_id
            cluster = session.get(StoryCluster, cluster_id)
            if cluster is None:
                session.add(StoryCluster(id=cluster_id, title=doc.title[:500], size=1))
                session.flush()  # the cluster row must exist before the document points to it
            else:
                cluster.size += 1
                cluster.updated_at = utcnow()
            session.add(
                Document(
                    id=doc_id,
                    url=canonical,
                    source_id=doc.source_id,
                    kind=doc.kind,
                    title=doc.title,
                    text=doc.text,
                    summary=doc.summary,
                    author=doc.author,
                    language=doc.language,
                    published_at=doc.published_at,
                    content_hash=digest,
                    cluster_id=cluster_id,
                    minhash=self.stories.encode(signature) if signature else None,
                    fields=doc.fields,
                    extraction=doc.extraction,
                )
            )
            session.flush()
            self.mark_seen(doc.url, doc.source_id, "collected", doc_id, session)
        if signature is not None:
            self.stories.add(doc_id, cluster_id, signature)
        return AddResult("new", doc_id, cluster_id)

    # -- the queue ---------------------------------------------------------------------

    def claim(self, limit: int, *, stage: str = "process") -> list[Document]:
        """Take up to ``limit`` pending documents for one worker; nobody else gets them."""
        token = f"{stage}:{uuid.uuid4().hex[:16]}"
        pending = (
            select(Document.id)
            .where(Document.status == "pending")
            .order_by(Document.collected_at, Document.id)
            .limit(limit)
        )
        if self.database.supports_skip_locked:
            pending = pending.with_for_update(skip_locked=True)
        with self.database.session() as session:
            # Rows are locked by the select on PostgreSQL; on SQLite the status condition
            # makes a second claimer's update miss rows another worker took first.
            ids = list(session.scalars(pending))
            if not ids:
                return []
            session.execute(
                update(Document)
                .where(Document.id.in_(ids), Document.status == "pending")
                .values(
                    status="claimed",
                    claimed_by=token,
                    claimed_at=utcnow(),
                    attempts=Document.attempts + 1,
                )
                .execution_options(synchronize_session=False)
            )
        with self.database.session() as session:
            return list(
                session.scalars(
                    select(Document)
                    .where(Document.claimed_by == token, Document.status == "claimed")
                    .order_by(Document.collected_at, Document.id)
                )
            )

    def complete(self, ids: Sequence[str], session: Session | None = None) -> None:
        self._set_status(ids, "done", None, session)

    def release(self, ids: Sequence[str]) -> None:
        """Give claimed documents back, e.g. on shutdown."""
        self._set_status(ids, "pending", None, None)

    def fail(self, doc_id: str, error: str) -> None:
        self._set_status([doc_id], "failed", error, None)

    def release_stale(self, older_than: timedelta) -> int:
        """Return claims left by a worker that died to the queue."""
        limit = datetime.now(UTC) - older_than
        with self.database.session() as session:
            result = session.execute(
                update(Document)
                .where(Document.status == "claimed", Document.claimed_at < limit)
                .values(status="pending", claimed_by=None, claimed_at=None)
            )
            return result.rowcount or 0

    def _set_status(
        self, ids: Sequence[str], status: str, error: str | None, session: Session | None
    ) -> None:
        if session is None:
            with self.database.session() as own:
                self._set_status(ids, status, error, own)
            return
        session.execute(
            update(Document)
            .where(Document.id.in_(list(ids)))
            .values(
                status=status,
                error=error,
                claimed_by=None if status == "pending" else Document.claimed_by,
            )
            .execution_options(synchronize_session=False)
        )

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.database.session() as session:
            rows = session.execute(select(Document.status, func.count()).group_by(Document.status))
            return {status: count for status, count in rows}

    def documents(
        self, since: datetime | None = None, source_ids: Sequence[str] | None = None
    ) -> Iterator[Document]:
        """Documents in collection order; ``since`` compares the publication date, or the
        collection date when a document has none."""
        query = select(Document).order_by(Document.collected_at, Document.id)
        if since is not None:
            query = query.where(
                or_(
                    Document.published_at >= since,
                    (Document.published_at.is_(None)) & (Document.collected_at >= since),
                )
            )
        if source_ids:
            query = query.where(Document.source_id.in_(list(source_ids)))
        with self.database.session() as session:
            for document in session.scalars(query.execution_options(yield_per=500)):
                # Detached, so the object stays readable if the caller stops early.
                session.expunge(document)
                yield document
