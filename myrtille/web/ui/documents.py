"""The document page: the text with entities highlighted by type, linked companies,
events with their sentences, and the other reports of the same story."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from myrtille.index.base import IndexBackend, IndexedDocument
from myrtille.web.api import facet_labels, state
from myrtille.web.ui.common import (
    Texts,
    day,
    language,
    link,
    message,
    other,
    render,
    safe_url,
    term,
)

router = APIRouter(include_in_schema=False)

TEXTS: Texts = {
    "fr": {
        "not_found": "Document introuvable",
        "not_found_text": "Aucun document « {id} » dans l'index.",
        "original": "Article original",
        "companies": "Entreprises citées",
        "sectors": "Secteurs",
        "events": "Événements",
        "regions": "Régions",
        "same_story": "Même histoire",
        "entities": "Entités :",
        "siren": "SIREN",
        "no_siren": "SIREN inconnu",
    },
    "en": {
        "not_found": "Document not found",
        "not_found_text": "No document '{id}' in the index.",
        "original": "Original article",
        "companies": "Companies mentioned",
        "sectors": "Sectors",
        "events": "Events",
        "regions": "Regions",
        "same_story": "Same story",
        "entities": "Entities:",
        "siren": "SIREN",
        "no_siren": "SIREN unknown",
    },
}


def highlighted(text: str, entities: list[dict[str, Any]], field: str) -> Markup:
    """The text with its entities in ``<mark class="ent-LABEL">``; every segment escaped."""
    spans = []
    for entity in entities:
        if entity.get("field", "text") != field:
            continue
        start, end = entity.get("start"), entity.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if 0 <= start < end <= len(text):
            label = re.sub(r"[^A-Za-z0-9_]", "", str(entity.get("label", ""))) or "MISC"
            spans.append((start, end, label))
    spans.sort()
    pieces: list[str] = []
    cursor = 0
    for start, end, label in spans:
        if start < cursor:  # overlapping: keep the first
            continue
        pieces.append(str(escape(text[cursor:start])))
        pieces.append(f'<mark class="ent-{label}" title="{label}">{escape(text[start:end])}</mark>')
        cursor = end
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces))


def document_context(found: IndexedDocument, lang: str, story: list[Any]) -> dict[str, Any]:
    labels = facet_labels()
    return {
        "title": found.title or found.id,
        "title_html": highlighted(found.title, found.entities, "title"),
        "text_html": highlighted(found.text, found.entities, "text"),
        "source": found.source,
        "source_href": link("/search", lang, q=term("source", found.source)),
        "date": day(found.date),
        "url": safe_url(found.url),
        "labels": sorted({str(e.get("label")) for e in found.entities if e.get("label")}),
        "companies": [
            {
                "name": c.get("name") or c.get("siren") or "",
                "siren": c.get("siren"),
                "href": link(
                    "/search",
                    lang,
                    q=term("company", str(c.get("siren") or c.get("name") or "")),
                ),
            }
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
                "sentence": str(e.get("sentence") or ""),
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
        "story": [
            {
                "title": h.title or h.id,
                "href": link(f"/documents/{quote(h.id, safe='')}", lang),
                "source": h.source,
                "date": day(h.published_at),
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
            TEXTS[chosen]["not_found"],
            TEXTS[chosen]["not_found_text"].format(id=document_id),
            switch=switch,
        )
    story = index.same_story(document_id) if found.cluster else []
    return render(
        request,
        "document.html",
        chosen,
        TEXTS,
        switch=switch,
        doc=document_context(found, chosen, story),
        title=found.title or found.id,
    )
