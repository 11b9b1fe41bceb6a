"""The public, read-only web pages: search and documents, in French or English.

Server-rendered with Jinja (autoescape on), no JavaScript. Crawled text is untrusted:
every piece of it is escaped; only the snippets — escaped by ``index/snippets.py`` with
``<mark>`` added — are inserted as markup. Links from crawled data are kept only when
they are http(s).
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from myrtille.index.base import FACET_FIELDS, IndexBackend, IndexedDocument, SearchRequest
from myrtille.index.query import Node
from myrtille.web.api import ApiError, facet_labels, parse_query, state

router = APIRouter(include_in_schema=False)

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

PER_PAGE = 20
LANGUAGES = ("fr", "en")
EXAMPLES = (
    "event:acquisition region:occitanie",
    "sector:energy",
    '"levée de fonds" OR event:fundraising',
    "company:919985002",
)

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "search": "Recherche",
        "search_button": "Chercher",
        "placeholder": "Mots, ou champs comme sector:energy",
        "examples": "Exemples :",
        "results": "{n} résultat(s)",
        "no_results": "Aucun document ne correspond.",
        "sort": "Tri :",
        "relevance": "pertinence",
        "date": "date",
        "previous": "← Précédente",
        "next": "Suivante →",
        "page": "Page {page} sur {pages}",
        "facets": "Affiner",
        "company": "Entreprises",
        "sector": "Secteurs",
        "event": "Événements",
        "region": "Régions",
        "source": "Sources",
        "lang": "Langues",
        "histogram": "Documents par période",
        "invalid": "Requête non valide",
        "at_position": "à la position {position}",
        "intro": "Tapez une requête ou essayez un exemple.",
        "not_found": "Document introuvable",
        "not_found_text": "Aucun document « {id} » dans l'index.",
        "original": "Article original",
        "companies": "Entreprises citées",
        "sectors": "Secteurs",
        "events": "Événements",
        "regions": "Régions",
        "same_story": "Même histoire",
        "entities": "Entités :",
        "back": "← Retour à la recherche",
        "siren": "SIREN",
        "no_siren": "SIREN inconnu",
        "switch": "English",
    },
    "en": {
        "search": "Search",
        "search_button": "Search",
        "placeholder": "Words, or fields such as sector:energy",
        "examples": "Examples:",
        "results": "{n} result(s)",
        "no_results": "No document matches.",
        "sort": "Sort:",
        "relevance": "relevance",
        "date": "date",
        "previous": "← Previous",
        "next": "Next →",
        "page": "Page {page} of {pages}",
        "facets": "Narrow down",
        "company": "Companies",
        "sector": "Sectors",
        "event": "Events",
        "region": "Regions",
        "source": "Sources",
        "lang": "Languages",
        "histogram": "Documents per period",
        "invalid": "Invalid query",
        "at_position": "at position {position}",
        "intro": "Type a query or try an example.",
        "not_found": "Document not found",
        "not_found_text": "No document '{id}' in the index.",
        "original": "Original article",
        "companies": "Companies mentioned",
        "sectors": "Sectors",
        "events": "Events",
        "regions": "Regions",
        "same_story": "Same story",
        "entities": "Entities:",
        "back": "← Back to search",
        "siren": "SIREN",
        "no_siren": "SIREN unknown",
        "switch": "Français",
    },
}

ENTITY_CLASSES = ("ORG", "PER", "LOC", "MISC", "GPE", "PERSON", "DATE", "MONEY")

# -- helpers --------------------------------------------------------------------------


def language(value: str | None) -> str:
    return value if value in LANGUAGES else "fr"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data:…)."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") and not re.search(r"[\s\x00-\x1f]", url) else None


def link(path: str, lang: str, **params: object) -> str:
    """A local URL with its parameters; the language only when not the default."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang != "fr":
        query["lang"] = lang
    return path + ("?" + urlencode(query) if query else "")


def day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def term(field: str, value: str) -> str:
    """``field:value`` as the query language reads it back (quoted when needed)."""
    if re.fullmatch(r"[^\s()\"]+", value) and ":" not in value:
        return f"{field}:{value}"
    return f'{field}:"{value.replace(chr(34), " ")}"'


def render(template: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _templates.get_template(template).render(
        lang=lang,
        t=TEXTS[lang],
        home=link("/search", lang),
        switch=context.pop("switch", link("/search", "en" if lang == "fr" else "fr")),
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def histogram_bars(buckets: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Day buckets, merged into months when there are too many days to draw."""
    if len(buckets) > 45:
        months: dict[str, int] = {}
        for bucket, count in buckets:
            months[bucket[:7]] = months.get(bucket[:7], 0) + count
        buckets = list(months.items())
    top = max((count for _, count in buckets), default=0) or 1
    return [{"bucket": b, "count": n, "percent": max(2, round(100 * n / top))} for b, n in buckets]


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


# -- pages ----------------------------------------------------------------------------


@router.get("/")
def home(lang: str | None = None) -> Response:
    chosen = language(lang)
    return RedirectResponse(link("/search", chosen), status_code=302, headers=SECURITY_HEADERS)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    as_of: Annotated[int | None, Query(ge=0)] = None,
    lang: str | None = None,
    company: str | None = None,
    sector: str | None = None,
    event: str | None = None,
    region: str | None = None,
    source: str | None = None,
    language_filter: Annotated[str | None, Query(alias="lang_filter")] = None,
) -> HTMLResponse:
    chosen = language(lang)
    app = state(request)
    filters = {
        "company": company,
        "sector": sector,
        "event": event,
        "region": region,
        "source": source,
        "lang": language_filter,
    }
    # Filters given as parameters are the same as field:value terms in the query.
    full = " ".join(
        [q.strip(), *(term(f, v) for f, v in filters.items() if v and v.strip())]
    ).strip()
    examples = [{"query": e, "href": link("/search", chosen, q=e)} for e in EXAMPLES]
    common: dict[str, Any] = {
        "title": TEXTS[chosen]["search"],
        "q": full,
        "examples": examples,
        "switch": link("/search", "en" if chosen == "fr" else "fr", q=full, sort=sort),
    }
    if not full:
        return render("search.html", chosen, result=None, error=None, **common)
    try:
        node: Node = parse_query(full, app.resolver)
    except ApiError as exc:
        position = exc.position or 0
        error = {
            "message": exc.message,
            "position": position + 1,
            "before": full[:position],
            "at": full[position : position + 1] or " ",
            "after": full[position + 1 :],
        }
        return render("search.html", chosen, 400, result=None, error=error, **common)
    index: IndexBackend = app.index
    result = index.search(
        SearchRequest(
            query=node,
            sort=sort,
            page=page,
            per_page=PER_PAGE,
            facets=FACET_FIELDS,
            histogram="day",
            as_of=as_of if page > 1 else None,
        )
    )
    labels = facet_labels()
    facets = []
    for name in FACET_FIELDS:
        counts = result.facets.get(name, [])
        if not counts:
            continue
        facets.append(
            {
                "name": name,
                "entries": [
                    {
                        "label": f.label or labels.get(name, {}).get(f.value) or f.value,
                        "value": f.value,
                        "count": f.count,
                        "href": link(
                            "/search", chosen, q=f"{full} {term(name, f.value)}", sort=sort
                        ),
                    }
                    for f in counts[:10]
                ],
            }
        )
    pages = max(1, math.ceil(result.total / PER_PAGE))

    def page_link(number: int) -> str:
        return link("/search", chosen, q=full, sort=sort, page=number, as_of=result.as_of)

    hits = [
        {
            "title": hit.title or hit.id,
            "href": link(f"/documents/{quote(hit.id, safe='')}", chosen),
            "source": hit.source,
            "date": day(hit.published_at),
            # Escaped by index/snippets.py, with <mark> around the matches: the only markup.
            "snippet": Markup(hit.snippet),
        }
        for hit in result.hits
    ]
    return render(
        "search.html",
        chosen,
        error=None,
        result={
            "total": result.total,
            "page": result.page,
            "pages": pages,
            "hits": hits,
            "facets": facets,
            "histogram": histogram_bars(result.histogram),
            "previous": page_link(result.page - 1) if result.page > 1 else None,
            "next": page_link(result.page + 1) if result.page < pages else None,
            "sorts": [
                {"name": s, "href": link("/search", chosen, q=full, sort=s), "active": s == sort}
                for s in ("relevance", "date")
            ],
        },
        **common,
    )


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
    switch = link(f"/documents/{document_id}", "en" if chosen == "fr" else "fr")
    if found is None:
        return render(
            "message.html",
            chosen,
            404,
            title=TEXTS[chosen]["not_found"],
            message=TEXTS[chosen]["not_found_text"].format(id=document_id),
            switch=switch,
        )
    story = index.same_story(document_id) if found.cluster else []
    return render(
        "document.html",
        chosen,
        switch=switch,
        doc=document_context(found, chosen, story),
        title=found.title or found.id,
    )
