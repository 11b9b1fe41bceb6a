"""Helpers shared by the enrichment tests: one document through an enricher, and what of its
result a test looks at."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.test_enricher import enrich

# Invented registry firms several test modules share in their ``REGISTRY``.
VERLANDE = CompanyRecord(
    "900001013",
    "Verlande Industries",
    "900001013",
    ("Verlande",),
    None,
    "28.29B",
    "42",
    "84",
    False,
)
VAUBRUNE = CompanyRecord(
    "900001131",
    "Forges de Vaubrune",
    "900001131",
    ("Vaubrune",),
    None,
    "25.50A",
    "21",
    "27",
    False,
)
# A title about Verlande that reports nothing, so that a wording is tested alone.
VERLANDE_TITLE = {
    "fr": "Verlande Industries : les nouvelles de la semaine",
    "en": "Verlande Industries: the week",
}


def registry_firm(
    siren: str, name: str, aliases: tuple[str, ...], naf: str, dep: str, reg: str
) -> CompanyRecord:
    """A registry record for a test: its SIREN as its SIRET, no city, active."""
    return CompanyRecord(siren, name, siren, aliases, None, naf, dep, reg, False)


def events_of(
    enricher: Enricher,
    text: str,
    language: str,
    title: str = "",
    published: datetime | None = None,
    kind: str = "article",
) -> list[dict[str, object]]:
    return result_of(enricher, text, language, title, published, kind).events


def result_of(
    enricher: Enricher,
    text: str,
    language: str,
    title: str = "",
    published: datetime | None = None,
    kind: str = "article",
) -> EnrichmentResult:
    """One document through ``enricher``; its error fails the test."""
    document = DocumentInput("d1", title, text, language, published=published, kind=kind)
    [result] = enricher.enrich([document])
    assert result.error is None, result.error
    return result


def notice_result(
    enricher: Enricher, language: str, title: str, text: str, published: datetime | None = None
) -> EnrichmentResult:
    """One legal notice (its kind given) through ``enricher``."""
    return result_of(enricher, text, language, title, published, kind="notice")


def notice_companies(
    enricher: Enricher, language: str, title: str, text: str, published: datetime | None = None
) -> set[str]:
    """The folded names of the companies shown for one legal notice."""
    result = notice_result(enricher, language, title, text, published)
    return {str(c["name"]).casefold() for c in result.companies}


def types(events: list[dict[str, object]]) -> set[object]:
    return {e["type"] for e in events}


def sector_codes(enricher: Enricher, language: str, title: str, text: str) -> set[str]:
    return {s["code"] for s in enrich(enricher, title, text, language).sectors}


def batch_events(enricher: Enricher, cases: Sequence[tuple]) -> list[list[dict[str, object]]]:
    """The events of each case (language, title, text, ...), all enriched in one batch as the
    service runs them."""
    found = enricher.enrich(
        [
            DocumentInput(f"d{i}", title, text, lang)
            for i, (lang, title, text, *_) in enumerate(cases)
        ]
    )
    assert all(r.error is None for r in found)
    return [r.events for r in found]


def check_event_company(case: tuple, found: list[dict[str, object]]) -> None:
    """An attribution case ``(language, title, text, kind, want)`` against the events
    enriched from it: the event of ``kind`` is found, and given to ``want`` (a SIREN), or
    not to ``want[1]`` when ``want`` is ``("not", siren)``."""
    _, title, _, kind, want = case
    companies = [e["siren"] for e in found if e["type"] == kind]
    assert companies, (title, found)  # the event itself is found
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, found)
    else:
        assert want in companies, (title, found)


def places_of(enricher: Enricher, name: str, title: str, text: str) -> tuple[set[str], set[str]]:
    """(departments, regions) of one document whose name starts with its language."""
    result = result_of(enricher, text, name[:2], title)
    return set(result.departments), set(result.regions)
