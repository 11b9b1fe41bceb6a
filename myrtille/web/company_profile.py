"""What Myrtille knows of one company: the registry's facts, the documents that mention it
(newest first, each with its events and whether it is press or a BODACC/BOAMP notice), and
the companies most often mentioned with it. The company page and the API read this.

The documents are the index's answer to ``company:SIREN``, the same query a search or a
subscription would use, so the page, the search and the alerts agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from myrtille.config.sources import OpenDataSource, Source
from myrtille.enrichment.lexicons import naf_sectors
from myrtille.enrichment.registry import companies_by_siren, valid_siren
from myrtille.index.base import IndexBackend, IndexedDocument, SearchRequest
from myrtille.index.query import Field
from myrtille.store.companies import Company
from myrtille.store.database import Database

# The timeline shows the newest documents; the rest are one link away (a search by date).
TIMELINE_LIMIT = 50
CO_MENTIONS = 10

DocumentKind = Literal["press", "bodacc", "boamp", "notice"]


class InvalidSiren(ValueError):
    """A SIREN that cannot be one: ``reason`` is "length" (not 9 digits) or "checksum"
    (the Luhn check fails); the message says what was wrong and what to do."""

    def __init__(self, reason: Literal["length", "checksum"], given: str) -> None:
        self.reason = reason
        self.given = given
        if reason == "checksum":
            text = (
                f"'{given}' is not a SIREN: its check digit is wrong (a digit mistyped or two "
                "swapped?); check it, or search companies by name with /api/v1/companies?q=…"
            )
        else:
            text = (
                f"'{given}' is not a SIREN: a SIREN is 9 digits (e.g. 919985002); "
                "search companies by name with /api/v1/companies?q=…"
            )
        super().__init__(text)


@dataclass(frozen=True)
class RegistryFacts:
    siren: str
    name: str
    acronym: str | None
    naf: str | None
    # Sector codes the NAF code implies (the lexicon's NAF prefixes, as the enrichment).
    sectors: tuple[str, ...]
    category: str | None
    ceased: bool
    city: str | None
    department: str | None
    region: str | None


@dataclass(frozen=True)
class TimelineItem:
    id: str
    title: str
    url: str
    date: datetime | None
    source: str
    kind: DocumentKind
    events: tuple[str, ...]


@dataclass(frozen=True)
class CoMention:
    # A SIREN when the company is linked to the registry, else its name's comparable key.
    value: str
    name: str
    count: int
    siren: str | None


@dataclass(frozen=True)
class CompanyProfile:
    siren: str
    facts: RegistryFacts | None
    total: int
    timeline: list[TimelineItem]
    co_mentions: list[CoMention]
    # How documents name it, for a SIREN they mention that the registry does not hold.
    mentioned_as: str | None = None

    @property
    def name(self) -> str:
        if self.facts:
            return self.facts.name
        return self.mentioned_as or self.siren


def checked_siren(text: str) -> str:
    """The SIREN in ``text`` (spaces allowed, as it is often printed: 919 985 002), or
    ``InvalidSiren`` saying why it cannot be one."""
    digits = re.sub(r"\s", "", text)
    given = text[:40]
    if not re.fullmatch(r"\d{9}", digits):
        raise InvalidSiren("length", given)
    if not valid_siren(digits):
        raise InvalidSiren("checksum", given)
    return digits


def registry_facts(database: Database, siren: str) -> RegistryFacts | None:
    with database.session() as session:
        row = session.scalar(select(Company).where(Company.siren == siren))
        if row is None:
            return None
        return RegistryFacts(
            siren=siren,
            name=row.name,
            acronym=row.acronym,
            naf=row.naf,
            sectors=naf_sectors(row.naf),
            category=row.category,
            ceased=bool(row.ceased),
            city=row.city,
            department=row.department,
            region=row.region,
        )


def document_kind(document: IndexedDocument, sources: Sequence[Source]) -> DocumentKind:
    """BODACC or BOAMP for the notices of those open-data presets, "notice" for other
    open-data records, "press" for the rest (feeds, sites, sitemaps)."""
    for source in sources:
        if source.id == document.source and isinstance(source, OpenDataSource):
            if source.preset in ("bodacc", "boamp"):
                return source.preset
            return "notice"
    # A source since removed from the configuration: the document says what it was.
    return "notice" if document.kind == "notice" else "press"


def company_profile(
    database: Database,
    index: IndexBackend,
    sources: Sequence[Source],
    siren: str,
    limit: int = TIMELINE_LIMIT,
) -> CompanyProfile | None:
    """The profile of a checked SIREN; None when neither the registry nor any document
    knows it."""
    facts = registry_facts(database, siren)
    found = index.search(
        SearchRequest(
            query=Field("company", siren),
            sort="date",
            per_page=limit,
            facets=("company",),
            # One more than shown: the company itself is among its own co-mentions.
            facet_limit=CO_MENTIONS + 1,
        )
    )
    if facts is None and found.total == 0:
        return None
    timeline = []
    # Hits carry neither events nor kind: the documents themselves, in one call, not 50.
    documents = index.get_many([hit.id for hit in found.hits])
    for hit in found.hits:
        document = documents.get(hit.id)
        events = tuple(
            dict.fromkeys(
                str(e["type"]) for e in (document.events if document else ()) if e.get("type")
            )
        )
        timeline.append(
            TimelineItem(
                id=hit.id,
                title=hit.title or hit.id,
                url=hit.url,
                date=hit.published_at or (document.date if document else None),
                source=hit.source,
                kind=document_kind(document, sources) if document else "press",
                events=events,
            )
        )
    counted = found.facets.get("company", [])
    mentioned_as = next((f.label for f in counted if f.value == siren and f.label), None)
    others = [f for f in counted if f.value != siren][:CO_MENTIONS]
    registered = companies_by_siren(database, [f.value for f in others if valid_siren(f.value)])
    co_mentions = [
        CoMention(
            value=f.value,
            name=(registered[f.value].name if f.value in registered else f.label or f.value),
            count=f.count,
            siren=f.value if valid_siren(f.value) else None,
        )
        for f in others
    ]
    return CompanyProfile(siren, facts, found.total, timeline, co_mentions, mentioned_as)
