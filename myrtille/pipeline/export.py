"""Collected documents as JSON objects: the documented export format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any

from myrtille.store.schema import Document


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z, the form the export promises."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
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
    }


def write_jsonl(documents: Iterable[Document], out: IO[str]) -> int:
    count = 0
    for doc in documents:
        out.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")
        count += 1
    return count
