"""Helpers shared by the enrichment tests: one document through an enricher, and what of its
result a test looks at."""

from __future__ import annotations

from datetime import datetime

from myrtille.enrichment.enricher import DocumentInput, Enricher
from tests.enrichment.test_enricher import enrich


def events_of(
    enricher: Enricher,
    text: str,
    language: str,
    title: str = "",
    published: datetime | None = None,
) -> list[dict[str, object]]:
    [result] = enricher.enrich([DocumentInput("d1", title, text, language, published=published)])
    assert result.error is None, result.error
    return result.events


def types(events: list[dict[str, object]]) -> set[object]:
    return {e["type"] for e in events}


def sector_codes(enricher: Enricher, language: str, title: str, text: str) -> set[str]:
    return {s["code"] for s in enrich(enricher, title, text, language).sectors}
