"""From the state database to the index: documents with their enrichment, and rebuilds."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import select

from myrtille.index.base import IndexBackend, IndexedDocument
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment

REBUILD_BATCH = 500


def indexed_document(doc: Document, enrichment: Enrichment | None) -> IndexedDocument:
    indexed = IndexedDocument(
        id=doc.id,
        url=doc.url,
        title=doc.title,
        text=doc.text,
        source=doc.source_id,
        kind=doc.kind,
        language=doc.language,
        published_at=doc.published_at,
        collected_at=doc.collected_at,
        cluster=doc.cluster_id,
        summary=doc.summary,
    )
    if enrichment is not None:
        indexed.language = enrichment.language or doc.language
        indexed.title_lemmas = enrichment.title_lemmas or ""
        indexed.text_lemmas = enrichment.text_lemmas or ""
        indexed.entities = list(enrichment.entities or [])
        indexed.companies = [
            {"name": c.get("name"), "siren": c.get("siren")} for c in enrichment.companies or []
        ]
        indexed.sectors = [s["code"] for s in enrichment.sectors or []]
        indexed.events = [
            {
                k: e.get(k)
                for k in ("type", "sentence", "company", "siren", "amount", "currency", "jobs")
            }
            for e in enrichment.events or []
        ]
        indexed.regions = list(enrichment.regions or [])
        indexed.departments = list(enrichment.departments or [])
    return indexed


def load_documents(
    database: Database, ids: Sequence[str] | None = None, batch: int = REBUILD_BATCH
) -> Iterator[list[IndexedDocument]]:
    """Enriched documents (or the given ones) in batches, oldest first."""
    query = (
        select(Document, Enrichment)
        .join(Enrichment, Enrichment.document_id == Document.id)
        .order_by(Document.collected_at, Document.id)
    )
    if ids is not None:
        query = query.where(Document.id.in_(list(ids)))
    with database.session() as session:
        chunk: list[IndexedDocument] = []
        for doc, enrichment in session.execute(query.execution_options(yield_per=batch)):
            chunk.append(indexed_document(doc, enrichment))
            if len(chunk) >= batch:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def rebuild(
    database: Database, index: IndexBackend, progress: Callable[[int], None] | None = None
) -> int:
    """Empty the index and fill it again from the state database."""
    index.clear()
    total = 0
    for chunk in load_documents(database):
        total += index.index(chunk)
        if progress:
            progress(total)
    index.rebuilt()
    return total
