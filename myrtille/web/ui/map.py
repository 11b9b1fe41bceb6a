"""The map page: France's departments or regions shaded by the documents a query matches
over a period, each area a link to the search narrowed to it, and the numbers as a table.

The counts are ``territory.territory_counts``, the same as ``/api/v1/map``; the SVG is
drawn by the template (``_france_map.html``), links and titles included: no JavaScript.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from myrtille.index.query import QueryError, parse_search
from myrtille.texts import format_number, gettext
from myrtille.web.api import state
from myrtille.web.territory import (
    ATTRIBUTION,
    ATTRIBUTION_URL,
    LEVELS,
    Level,
    TerritoryCounts,
    map_areas,
    narrowed_query,
    period_query,
    territory_counts,
)
from myrtille.web.ui.common import language, link, other, query_error, render

router = APIRouter(include_in_schema=False)


def chosen_level(value: str | None) -> Level:
    for level in LEVELS:
        if value == level:
            return level
    return "department"


def chosen_day(value: str | None, name: str, lang: str) -> tuple[date | None, str | None]:
    """A day from the form, or the message saying what is wrong with it."""
    text = (value or "").strip()
    if not text:
        return None, None
    try:
        return date.fromisoformat(text), None
    except ValueError:
        return None, gettext(
            lang,
            "The date “{value}” in “{field}” is not a date: write it as YYYY-MM-DD, "
            "for example 2026-01-31.",
            value=text,
            field=name,
        )


def drawn(
    counts: TerritoryCounts,
    q: str,
    node: Any,
    after: date | None,
    before: date | None,
    lang: str,
) -> dict[str, Any]:
    """The map and table of one count, every area a link to its narrowed search."""
    href = {
        a.code: link(
            "/search", lang, q=narrowed_query(q, node, counts.level, a.code, after, before)
        )
        for a in counts.areas
    }
    picture = map_areas(counts, href)
    for area in picture["areas"]:
        area["shown_count"] = format_number(area["count"], lang)
    picture["rows"] = sorted(picture["areas"], key=lambda a: (-a["count"], a["code"]))
    picture["total"] = counts.total
    picture["placed"] = sum(1 for a in counts.areas if a.count)
    return picture


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    q: str = "",
    level: str | None = None,
    after: str | None = None,
    before: str | None = None,
    lang: str | None = None,
) -> HTMLResponse:
    chosen = language(lang)
    app = state(request)
    q = q.strip()
    every = chosen_level(level)
    start, start_error = chosen_day(after, gettext(chosen, "From"), chosen)
    end, end_error = chosen_day(before, gettext(chosen, "Before"), chosen)
    common: dict[str, Any] = {
        "title": gettext(chosen, "Map"),
        "q": q,
        "level": every,
        "after": (after or "").strip(),
        "before": (before or "").strip(),
        "levels": {
            name: link("/map", chosen, q=q, level=name, after=after, before=before)
            for name in LEVELS
        },
        "switch": link("/map", other(chosen), q=q, level=every, after=after, before=before),
        "attribution": ATTRIBUTION,
        "attribution_url": ATTRIBUTION_URL,
        "error": None,
        "period_error": start_error or end_error,
        "picture": None,
    }
    if not common["period_error"] and start and end and start >= end:
        common["period_error"] = gettext(
            chosen,
            "“From” ({after}) must be earlier than “Before” ({before}): change one of the dates.",
            after=start.isoformat(),
            before=end.isoformat(),
        )
    try:
        node = parse_search(q, app.resolver)
    except QueryError as exc:
        common["error"] = query_error(q, exc, chosen)
        return render(request, "map.html", chosen, status=400, **common)
    if common["period_error"]:
        return render(request, "map.html", chosen, status=400, **common)
    counts = territory_counts(app.index, period_query(node, start, end), every)
    common["picture"] = drawn(counts, q, node, start, end, chosen)
    return render(request, "map.html", chosen, **common)
