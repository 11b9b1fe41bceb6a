"""Collected documents as JSON objects: the documented export format."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy import or_, select

from myrtille.pipeline.normalise import web_url
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z, the form the export promises."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def document_record(doc: Document, enrichment: Enrichment | None = None) -> dict[str, Any]:
    record = {
        "id": doc.id,
        "url": web_url(doc.url),
        "title": doc.title,
        "text": doc.text,
        "summary": doc.summary,
        "author": doc.author,
        "published_at": iso_utc(doc.published_at),
        "collected_at": iso_utc(doc.collected_at),
        "language": doc.language,
        "source": doc.source_id,
        "kind": doc.kind,
        "cluster": doc.cluster_id,
        "extraction": doc.extraction,
        "fields": doc.fields or {},
        "status": doc.status,
    }
    if enrichment is not None:
        record["language"] = enrichment.language or doc.language
        record.update(enrichment_record(enrichment))
    return record


def enrichment_record(enrichment: Enrichment) -> dict[str, Any]:
    """The enrichment fields of the export, as documented in docs/cli.md."""
    return {
        "entities": [
            {k: e[k] for k in ("text", "label", "start", "end", "field")}
            for e in enrichment.entities
        ],
        "companies": [{"name": c["name"], "siren": c["siren"]} for c in enrichment.companies],
        "sectors": [s["code"] for s in enrichment.sectors],
        "events": [
            {
                "type": e["type"],
                "sentence": e["sentence"],
                "company": e["company"],
                "siren": e.get("siren"),
                "amount": e.get("amount"),
                "currency": e.get("currency"),
                "jobs": e.get("jobs"),
            }
            for e in enrichment.events
        ],
        "regions": list(enrichment.regions),
        "departments": list(enrichment.departments),
    }


def export_records(
    database: Database, since: datetime | None = None, source_ids: Iterable[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Documents with their enrichment (when processed), in collection order."""
    query = (
        select(Document, Enrichment)
        .outerjoin(Enrichment, Enrichment.document_id == Document.id)
        .order_by(Document.collected_at, Document.id)
    )
    if since is not None:
        query = query.where(
            or_(
                Document.published_at >= since,
                Document.published_at.is_(None) & (Document.collected_at >= since),
            )
        )
    sources = list(source_ids or [])
    if sources:
        query = query.where(Document.source_id.in_(sources))
    with database.session() as session:
        for doc, enrichment in session.execute(query.execution_options(yield_per=500)):
            yield document_record(doc, enrichment)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# The export formats, by the name ``myrtille export --format`` takes.
WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {"jsonl": write_jsonl}
