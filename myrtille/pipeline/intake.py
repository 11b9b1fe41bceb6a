"""The intake: the durable queue of collected documents that later stages claim from.

Writes are idempotent (the id comes from the canonical URL), exact duplicates are
dropped, near-duplicates join an existing story cluster. Claims, completion and reading
back are the queue's (``intake_queue.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from myrtille.config.settings import DedupSettings
from myrtille.pipeline.clustering import StoryIndex
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake_queue import IntakeQueue
from myrtille.pipeline.normalise import (
    canonical_url,
    content_hash,
    document_id,
    preferred_url,
    url_key,
    url_refusal,
)
from myrtille.store.database import Database
from myrtille.store.schema import Document, SeenUrl, StoryCluster, utcnow

# refused: not stored (a non-http(s) URL); the reason is on the result for source health.
Outcome = Literal["new", "known", "duplicate", "refused"]
# Rows looked up per IN (...) query: far below SQLite's and PostgreSQL's parameter limits.
LOOKUP_CHUNK = 500
# Tries of a batch that met another writer's rows (each retry sees them as stored).
WRITE_ATTEMPTS = 3


@dataclass(frozen=True)
class AddResult:
    outcome: Outcome
    document_id: str
    cluster_id: str | None = None
    reason: str | None = None


class Intake(IntakeQueue):
    """Adds collected documents (in batches, deduplicated, joined to stories) and, as an
    ``IntakeQueue``, hands them out to the stages downstream."""

    def __init__(self, database: Database, dedup: DedupSettings | None = None) -> None:
        super().__init__(database)
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

    def seen_among(self, urls: Sequence[str]) -> set[str]:
        """The URLs among ``urls`` already collected (or judged useless): ``is_seen`` for a
        whole feed in one query."""
        keys = {url: {url_key(url), url_key(canonical_url(url))} for url in urls}
        with self.database.session() as session:
            found = _existing(session, SeenUrl.url_key, set().union(*keys.values()))
        return {url for url, spellings in keys.items() if spellings & found}

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

    def _live_story(self, session: Session, cluster_id: str, joined: Counter[str]) -> str:
        """The story ``cluster_id`` is now part of: a join across languages (stories.py)
        may have merged it into an earlier one since this index was loaded. A story's id
        is its first document's id, so that document says where it went."""
        if cluster_id in joined:
            return cluster_id
        current = session.scalar(select(Document.cluster_id).where(Document.id == cluster_id))
        return current or cluster_id

    def add(self, doc: CollectedDocument) -> AddResult:
        """Store one document; safe to call twice with the same document."""
        return self.add_many([doc])[0]

    def add_many(self, docs: Sequence[CollectedDocument]) -> list[AddResult]:
        """Store documents in one transaction, with the outcomes ``add`` would give for each
        in turn (an exact copy of an earlier one in the same batch is a duplicate too).

        Documents and their seen-URL rows commit together: if the transaction fails, none
        of these URLs is marked seen, so the next crawl collects them again.
        """
        if not docs:
            return []
        # Every source kind hands its documents here: the storage-side URL rule lives here.
        refusals = [url_refusal(doc.url) for doc in docs]
        if any(refusals):
            accepted = [doc for doc, why in zip(docs, refusals, strict=True) if why is None]
            stored = iter(self.add_many(accepted))
            return [
                next(stored) if why is None else AddResult("refused", "", reason=why)
                for why in refusals
            ]
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.database.session() as session:
                    self._load_stories(session)
                    return self._add_batch(session, docs)
            except IntegrityError:
                # Another writer stored one of these meanwhile: the batch rolled back, and
                # looking again finds that document stored ("known" or "duplicate").
                self._forget_stories()
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
            except BaseException:
                self._forget_stories()
                raise
        raise AssertionError("unreachable")  # the loop returns or raises

    def _forget_stories(self) -> None:
        """The in-memory index may hold documents of a rolled-back batch: reload it."""
        self.stories = StoryIndex(self.stories.settings)
        self._stories_loaded = False

    def _add_batch(self, session: Session, docs: Sequence[CollectedDocument]) -> list[AddResult]:
        canonicals = [preferred_url(doc.url, doc.canonical_url) for doc in docs]
        ids = [document_id(canonical) for canonical in canonicals]
        stored = _existing(session, Document.id, set(ids))
        digests = [
            None if doc_id in stored else content_hash(doc.title, doc.text, canonical)
            for doc, canonical, doc_id in zip(docs, canonicals, ids, strict=True)
        ]
        twins = _twins(session, {d for d in digests if d is not None})
        spellings = [{doc.url, canonical_url(doc.url)} for doc in docs]
        seen_keys = _existing(session, SeenUrl.url_key, {url_key(u) for s in spellings for u in s})

        results: list[AddResult] = []
        documents: list[dict[str, Any]] = []
        seen_rows: list[dict[str, Any]] = []
        joined: Counter[str] = Counter()  # cluster id → documents of this batch joining it
        titles: dict[str, str] = {}  # cluster id → title of the first document in it
        for doc, canonical, doc_id, digest, urls in zip(
            docs, canonicals, ids, digests, spellings, strict=True
        ):
            if digest is None or doc_id in stored:  # stored before, or earlier in this batch
                result = AddResult("known", doc_id)
            elif digest in twins:
                result = AddResult("duplicate", twins[digest])
            else:
                # Notices are templated legal text: near-duplicate detection would merge
                # unrelated companies' notices, so each notice is a story of its own.
                signature = (
                    self.stories.signature(doc.title, doc.text) if doc.kind == "article" else None
                )
                found = self.stories.cluster_for(signature) if signature else None
                cluster_id = self._live_story(session, found, joined) if found else doc_id
                joined[cluster_id] += 1
                titles.setdefault(cluster_id, doc.title[:500])
                minhash = self.stories.encode(signature) if signature is not None else None
                documents.append(_document_row(doc, doc_id, canonical, digest, cluster_id, minhash))
                stored.add(doc_id)
                twins[digest] = doc_id
                if signature is not None:
                    self.stories.add(doc_id, cluster_id, signature)
                result = AddResult("new", doc_id, cluster_id)
            outcome = "duplicate" if result.outcome == "duplicate" else "collected"
            for url in urls:
                key = url_key(url)
                if key not in seen_keys:
                    seen_keys.add(key)
                    seen_rows.append(
                        {
                            "url_key": key,
                            "url": url,
                            "source_id": doc.source_id,
                            "document_id": result.document_id,
                            "outcome": outcome,
                        }
                    )
            results.append(result)

        existing_clusters = _existing(session, StoryCluster.id, set(joined))
        new_clusters = [
            {"id": cid, "title": titles[cid], "size": n}
            for cid, n in joined.items()
            if cid not in existing_clusters
        ]
        if new_clusters:  # before the documents that point to them
            session.execute(insert(StoryCluster), new_clusters)
        if documents:
            session.execute(insert(Document), documents)
        if seen_rows:
            session.execute(insert(SeenUrl), seen_rows)
        grown = [{"cid": cid, "n": n} for cid, n in joined.items() if cid in existing_clusters]
        if grown:
            session.connection().execute(
                update(StoryCluster.__table__)
                .where(StoryCluster.__table__.c.id == bindparam("cid"))
                .values(size=StoryCluster.__table__.c.size + bindparam("n"), updated_at=utcnow()),
                grown,
            )
        return results


def _existing(session: Session, column: Any, values: set[str]) -> set[str]:
    """Which of ``values`` the (unique) ``column`` already holds."""
    found: set[str] = set()
    ordered = sorted(values)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _twins(session: Session, digests: set[str]) -> dict[str, str]:
    """Content hash → id of the stored document with that hash."""
    twins: dict[str, str] = {}
    ordered = sorted(digests)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        rows = session.execute(
            select(Document.content_hash, Document.id).where(Document.content_hash.in_(chunk))
        )
        twins.update({digest: doc_id for digest, doc_id in rows})
    return twins


def _document_row(
    doc: CollectedDocument,
    doc_id: str,
    canonical: str,
    digest: str,
    cluster_id: str,
    minhash: bytes | None,
) -> dict[str, Any]:
    return {
        "id": doc_id,
        "url": canonical,
        "source_id": doc.source_id,
        "kind": doc.kind,
        "title": doc.title,
        "text": doc.text,
        "summary": doc.summary,
        "author": doc.author,
        "language": doc.language,
        "published_at": doc.published_at,
        "content_hash": digest,
        "cluster_id": cluster_id,
        "minhash": minhash,
        "fields": doc.fields,
        "extraction": doc.extraction,
    }
