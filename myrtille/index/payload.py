"""An indexed document as both backends keep it: a JSON payload whose times are UTC ISO
strings to the second, read back into the same ``IndexedDocument`` by either backend."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from myrtille.index.base import IndexedDocument

TIME_FIELDS = ("published_at", "collected_at")


def stored_time(moment: datetime | None) -> str | None:
    """UTC to the second, naive times taken as UTC: the same string in every backend, so
    that date ties break on the ingest order alike."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def payload_json(document: IndexedDocument) -> str:
    return json.dumps(asdict(document), default=stored_time, ensure_ascii=False)


def payload(document: IndexedDocument) -> dict[str, Any]:
    return json.loads(payload_json(document))


def from_payload(stored: dict[str, Any]) -> IndexedDocument:
    values = dict(stored)
    for key in TIME_FIELDS:
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key]).replace(tzinfo=UTC)
    return IndexedDocument(**values)
