"""The document page: the text with entities highlighted by type, linked companies,
events with their sentences, and the other reports of the same story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from sqlalchemy import or_, select

from myrtille.enrichment.lexicons import naf_sectors
from myrtille.enrichment.registry import valid_siren
from myrtille.index.base import IndexBackend, IndexedDocument
from myrtille.store.companies import Company
from myrtille.store.database import Database
from myrtille.texts import N_, format_date, gettext, label
from myrtille.web.api import facet_labels, state
from myrtille.web.ui.common import (
    language,
    language_label,
    link,
    message,
    other,
    render,
    safe_url,
    source_names,
    term,
)

router = APIRouter(include_in_schema=False)

# The four entity kinds of the enrichment, named in the reader's words.
ENTITY_NAMES = {"ORG": N_("Company"), "PER": N_("Person"), "LOC": N_("Place"), "MISC": N_("Other")}
ENTITY_KINDS = tuple(ENTITY_NAMES)


def entity_kind(label: object) -> str:
    """One of the four kinds; a label the enrichment no longer gives counts as MISC."""
    text = str(label or "")
    return text if text in ENTITY_KINDS else "MISC"


def highlighted(text: str, entities: list[dict[str, Any]], field: str, lang: str = "fr") -> Markup:
    """The text with its entities in ``<mark class="ent-KIND" title="kind in words">``;
    every segment escaped."""
    spans = []
    for entity in entities:
        if entity.get("field", "text") != field:
            continue
        start, end = entity.get("start"), entity.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if 0 <= start < end <= len(text):
            spans.append((start, end, entity_kind(entity.get("label"))))
    spans.sort()
    pieces: list[str] = []
    cursor = 0
    for start, end, kind in spans:
        if start < cursor:  # overlapping: keep the first
            continue
        pieces.append(str(escape(text[cursor:start])))
        name = escape(gettext(lang, ENTITY_NAMES[kind]))
        pieces.append(f'<mark class="ent-{kind}" title="{name}">{escape(text[start:end])}</mark>')
        cursor = end
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces))


@dataclass(frozen=True)
class RegistryEntry:
    """What the company registry says of a linked company: its activity and its sector."""

    naf: str | None
    city: str | None
    sectors: tuple[str, ...]


def registry_entries(
    database: Database, companies: list[dict[str, Any]]
) -> dict[str, RegistryEntry]:
    """Registry facts of the linked companies, by SIREN or registry id."""
    keys = {str(c.get(k)) for c in companies for k in ("siren", "id") if c.get(k)}
    if not keys:
        return {}
    found: dict[str, RegistryEntry] = {}
    with database.session() as session:
        rows = session.scalars(
            select(Company).where(or_(Company.siren.in_(keys), Company.id.in_(keys)))
        )
        for company in rows:
            entry = RegistryEntry(company.naf, company.city, naf_sectors(company.naf))
            for key in (company.siren, company.id):
                if key:
                    found[key] = entry
    return found


def company_context(
    company: dict[str, Any], registry: dict[str, RegistryEntry], lang: str
) -> dict[str, Any]:
    labels = facet_labels(lang)["sector"]
    key = str(company.get("siren") or company.get("id") or "")
    entry = registry.get(key)
    return {
        "name": company.get("name") or company.get("siren") or "",
        "siren": company.get("siren"),
        # A company with a SIREN has its own page (registry facts, timeline); else a search.
        "href": link(f"/companies/{company['siren']}", lang)
        if valid_siren(str(company.get("siren") or ""))
        else link("/search", lang, q=term("company", str(company.get("name") or ""))),
        "naf": entry.naf if entry else None,
        "city": entry.city if entry else None,
        "sectors": [
            {"label": labels.get(code, code), "href": link("/search", lang, q=term("sector", code))}
            for code in (entry.sectors if entry else ())
        ],
    }


def own_sentence(sentence: object, title: str) -> str:
    """An event's sentence alone: documents enriched before events kept to their own
    paragraph may carry the title run into it."""
    text = str(sentence or "")
    if title and text.startswith(title) and text[len(title) : len(title) + 1].isspace():
        return text[len(title) :].strip() or text
    return text


def document_context(
    found: IndexedDocument,
    lang: str,
    story: list[Any],
    registry: dict[str, RegistryEntry] | None = None,
    sources: dict[str, str] | None = None,
) -> dict[str, Any]:
    labels = facet_labels(lang)
    names = sources or {}
    kinds = {entity_kind(e.get("label")) for e in found.entities if e.get("label")}
    return {
        "title": found.title or found.id,
        "title_html": highlighted(found.title, found.entities, "title", lang),
        "text_html": highlighted(found.text, found.entities, "text", lang),
        "source": names.get(found.source, found.source),
        "source_href": link("/search", lang, q=term("source", found.source)),
        "date": format_date(found.date, lang),
        "url": safe_url(found.url),
        "labels": [
            {"kind": kind, "name": gettext(lang, ENTITY_NAMES[kind])}
            for kind in ENTITY_KINDS
            if kind in kinds
        ],
        "companies": [
            company_context(c, registry or {}, lang)
            for c in found.companies
            if c.get("name") or c.get("siren")
        ],
        "sectors": [
            {
                "label": labels["sector"].get(s, s),
                "href": link("/search", lang, q=term("sector", s)),
            }
            for s in found.sectors
        ],
        "events": [
            {
                "type": str(e.get("type") or ""),
                "label": labels["event"].get(str(e.get("type")), str(e.get("type") or "")),
                "sentence": own_sentence(e.get("sentence"), found.title),
                "href": link("/search", lang, q=term("event", str(e.get("type") or ""))),
            }
            for e in found.events
            if e.get("type")
        ],
        "regions": [
            {
                "label": labels["region"].get(r, r),
                "href": link("/search", lang, q=term("region", r)),
            }
            for r in found.regions
        ],
        # Names to read, codes only in the links.
        "departments": [
            {
                "label": label(lang, "department", code),
                "href": link("/search", lang, q=term("dept", code)),
            }
            for code in found.departments
        ],
        "story": [
            {
                "title": h.title or h.id,
                "href": link(f"/documents/{quote(h.id, safe='')}", lang),
                "source": names.get(h.source, h.source),
                "date": format_date(h.published_at, lang),
                # Another report in another language ("in English") is said so.
                "language": language_label(h.language, lang)
                if h.language and h.language != found.language
                else None,
            }
            for h in story
        ],
    }


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, lang: str | None = None) -> HTMLResponse:
    chosen = language(lang)
    index: IndexBackend = state(request).index
    found = index.get(document_id)
    switch = link(f"/documents/{quote(document_id, safe='')}", other(chosen))
    if found is None:
        return message(
            request,
            chosen,
            404,
            gettext(chosen, "Document not found"),
            gettext(chosen, "No document “{id}” in the index.", id=document_id),
            switch=switch,
        )
    story = index.same_story(document_id) if found.cluster else []
    return render(
        request,
        "document.html",
        chosen,
        switch=switch,
        doc=document_context(
            found,
            chosen,
            story,
            registry_entries(state(request).database, found.companies),
            source_names(request),
        ),
        title=found.title or found.id,
    )
