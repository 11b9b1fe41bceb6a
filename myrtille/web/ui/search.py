"""The search page: query box with examples, facets to click, snippets, a histogram."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from myrtille.enrichment.registry import valid_siren
from myrtille.index.base import FACET_FIELDS, Hit, IndexBackend, SearchRequest
from myrtille.index.hints import index_is_empty
from myrtille.index.query import Node, QueryError, is_empty, parse_search
from myrtille.store.schema import MAX_ROW_ID
from myrtille.texts import N_, format_date, format_number, gettext
from myrtille.texts import labels as vocabulary
from myrtille.web.api import facet_labels, state
from myrtille.web.sessions import signed_in
from myrtille.web.territory import EVERY_AREA, from_facet, map_areas, narrowed_query
from myrtille.web.ui.common import (
    SECURITY_HEADERS,
    language,
    language_label,
    link,
    narrowed,
    other,
    query_error,
    render,
    source_names,
    term,
)
from myrtille.web.ui.public_form import choices_of_query
from myrtille.web.ui.search_export import export_links

router = APIRouter(include_in_schema=False)

PER_PAGE = 20
EXAMPLES = (
    "event:acquisition region:occitanie",
    "sector:energy",
    '"levée de fonds" OR event:fundraising',
    "company:919985002",
)

# Each facet's heading and each sort's name, translated when the page is drawn.
FACET_TITLES = {
    "company": N_("Companies"),
    "sector": N_("Sectors"),
    "event": N_("Events"),
    "region": N_("Regions"),
    "dept": N_("Departments"),
    "source": N_("Sources"),
    "lang": N_("Languages"),
}
SORT_NAMES = {"relevance": N_("relevance"), "date": N_("date")}


def histogram_bars(
    buckets: list[tuple[str, int]], href: Callable[[str, str], str] | None = None
) -> list[dict[str, Any]]:
    """Day buckets, merged into months when there are too many days to draw; each bar
    links to its period (``after:`` first day, ``before:`` the day after the last)."""
    monthly = len(buckets) > 45
    if monthly:
        months: dict[str, int] = {}
        for bucket, count in buckets:
            months[bucket[:7]] = months.get(bucket[:7], 0) + count
        buckets = list(months.items())
    top = max((count for _, count in buckets), default=0) or 1
    bars = []
    for bucket, count in buckets:
        bar: dict[str, Any] = {
            "bucket": bucket,
            "count": count,
            "percent": max(2, round(100 * count / top)),
        }
        if href is not None:
            start, end = period_bounds(bucket, monthly)
            bar["href"] = href(start, end)
        bars.append(bar)
    return bars


def results_map(
    q: str, node: Node, facet: list[Any], total: int, lang: str
) -> dict[str, Any] | None:
    """The small map of the results' departments, each a link to the narrowed search;
    none when no result names a department."""
    if not facet:
        return None
    counts = from_facet("department", facet, total)
    picture = map_areas(
        counts,
        {
            a.code: link(
                "/search", lang, q=narrowed_query(q, node, "department", a.code, None, None)
            )
            for a in counts.areas
        },
    )
    for area in picture["areas"]:
        area["shown_count"] = format_number(area["count"], lang)
    picture["href"] = link("/map", lang, q=q)
    return picture


def shown_bar(bar: dict[str, Any], lang: str) -> dict[str, str]:
    """A bar's period and count as the reader's language writes them ("mars 2025",
    "14/03/2025"; "1 234")."""
    bucket = str(bar["bucket"])
    monthly = len(bucket) == 7
    first = date.fromisoformat(f"{bucket}-01" if monthly else bucket)
    return {
        "period": format_date(first, lang, style="month" if monthly else ""),
        "shown_count": format_number(bar["count"], lang),
    }


def period_bounds(bucket: str, monthly: bool) -> tuple[str, str]:
    """The first day of a day or month bucket, and the first day after it."""
    if monthly:
        first = date.fromisoformat(f"{bucket}-01")
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    else:
        first = date.fromisoformat(bucket)
        following = first + timedelta(days=1)
    return first.isoformat(), following.isoformat()


def story_hits(hits: list[Hit]) -> list[tuple[Hit, list[Hit]]]:
    """The page's hits, one per story: the best-placed report leads and the other
    reports of its story on the page are listed under it ("also in English")."""
    stories: dict[str, tuple[Hit, list[Hit]]] = {}
    for hit in hits:
        story = hit.cluster or hit.id
        if story in stories:
            stories[story][1].append(hit)
        else:
            stories[story] = (hit, [])
    return list(stories.values())


@router.get("/")
def home(lang: str | None = None) -> Response:
    chosen = language(lang)
    return RedirectResponse(link("/search", chosen), status_code=302, headers=SECURITY_HEADERS)


def subscribe_link(request: Request, lang: str, query: str, node: Node) -> str | None:
    """ "Subscribe to this search": the agent's form with the query when signed in, else
    the firms' public form with the choices the query names (its keywords otherwise)."""
    if not query or is_empty(node):
        return None
    if signed_in(request):
        return link("/agent/subscriptions/new", lang, q=query)
    if not state(request).settings.web.public_subscribe.enabled:
        return None
    fields = choices_of_query(node)
    return "/subscribe?" + urlencode(
        {**fields, **({"lang": lang} if lang != "fr" else {})}, doseq=True
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    as_of: Annotated[int | None, Query(ge=0, le=MAX_ROW_ID)] = None,
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
    full = narrowed(q, *(term(f, v) for f, v in filters.items() if v and v.strip()))
    examples = [{"query": e, "href": link("/search", chosen, q=e)} for e in EXAMPLES]
    common: dict[str, Any] = {
        "title": gettext(chosen, "Search"),
        "q": full,
        "examples": examples,
        "switch": link("/search", other(chosen), q=full, sort=sort),
    }
    try:
        # Blank: every document, newest first (as in the API).
        node: Node = parse_search(full, app.resolver)
    except QueryError as exc:
        error = query_error(full, exc, chosen)
        return render(
            request, "search.html", chosen, status=400, result=None, error=error, **common
        )
    common["subscribe"] = subscribe_link(request, chosen, full, node)
    index: IndexBackend = app.index
    result = index.search(
        SearchRequest(
            query=node,
            sort=sort,
            page=page,
            per_page=PER_PAGE,
            facets=FACET_FIELDS,
            # Every department, for the small map; the lists show their first ten.
            facet_limit=EVERY_AREA,
            histogram="day",
            as_of=as_of if page > 1 else None,
        )
    )
    labels = facet_labels(chosen)
    names = source_names(request)
    labels["source"] = names
    # The index keeps folded codes ("2a"); the names are the gazetteer's ("2A").
    labels["dept"] = {c.lower(): n for c, n in vocabulary(chosen)["department"].items()}
    labels["lang"] = {
        f.value: language_label(f.value, chosen) for f in result.facets.get("lang", [])
    }
    facets = []
    for name in FACET_FIELDS:
        counts = result.facets.get(name, [])
        if not counts:
            continue
        facets.append(
            {
                "name": name,
                "title": gettext(chosen, FACET_TITLES[name]),
                "entries": [
                    {
                        "label": f.label or labels.get(name, {}).get(f.value) or f.value,
                        "value": f.value,
                        "count": format_number(f.count, chosen),
                        "href": link(
                            "/search", chosen, q=narrowed(full, term(name, f.value)), sort=sort
                        ),
                        # A linked company also has its own page.
                        "page": link(f"/companies/{f.value}", chosen)
                        if name == "company" and valid_siren(f.value)
                        else None,
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
            "source": names.get(hit.source, hit.source),
            "language": language_label(hit.language, chosen),
            "date": format_date(hit.published_at, chosen),
            # Escaped by index/snippets.py, with <mark> around the matches: the only markup.
            "snippet": Markup(hit.snippet),
            "also": [
                {
                    "href": link(f"/documents/{quote(o.id, safe='')}", chosen),
                    "title": o.title or o.id,
                    "source": names.get(o.source, o.source),
                    # "also in English" when the other report is in another language.
                    "language": gettext(
                        chosen, "Also in {language}:", language=language_label(o.language, chosen)
                    )
                    if o.language and o.language != hit.language
                    else None,
                }
                for o in others
            ],
        }
        for hit, others in story_hits(result.hits)
    ]
    return render(
        request,
        "search.html",
        chosen,
        error=None,
        result={
            "total": result.total,
            "page": result.page,
            "pages": pages,
            "hits": hits,
            "facets": facets,
            "histogram": [
                bar | shown_bar(bar, chosen)
                for bar in histogram_bars(
                    result.histogram,
                    lambda start, end: link(
                        "/search",
                        chosen,
                        q=narrowed(full, f"after:{start}", f"before:{end}"),
                        sort=sort,
                    ),
                )
            ],
            "empty_index": index_is_empty(index, result.total),
            "exports": export_links(full, chosen) if signed_in(request) else [],
            "map": results_map(full, node, result.facets.get("dept", []), result.total, chosen),
            "previous": page_link(result.page - 1) if result.page > 1 else None,
            "next": page_link(result.page + 1) if result.page < pages else None,
            "sorts": [
                {
                    "name": gettext(chosen, SORT_NAMES[s]),
                    "href": link("/search", chosen, q=full, sort=s),
                    "active": s == sort,
                }
                for s in SORT_NAMES
            ],
        },
        **common,
    )
