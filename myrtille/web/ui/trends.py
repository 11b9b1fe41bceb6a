"""The trends page: mentions of a query per day, week or month, with the spikes marked.

The series is ``index.trends.index_trend``, the same as ``/api/v1/trends``; the page only
draws it (CSS bars, each a link to the search for its period) and lists it in a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.query import And, DateBound, Node, Or
from myrtille.index.trends import TrendInterval, TrendPoint, index_trend, next_period
from myrtille.web.api import ApiError, facet_labels, parse_query, state, today_utc
from myrtille.web.ui.common import Texts, language, link, other, query_error, render, term

router = APIRouter(include_in_schema=False)

INTERVALS: tuple[TrendInterval, ...] = ("day", "week", "month")
DEFAULT_PERIODS: dict[TrendInterval, int] = {"day": 30, "week": 26, "month": 12}
MAX_PERIODS = 365
BASELINE = 7  # previous periods a period is compared with, as the API's default
QUICK_LINKS = 6

TEXTS: Texts = {
    "fr": {
        "title": "Tendances",
        "intro": "Mentions au fil du temps d'une entreprise, d'un secteur, d'un type "
        "d'événement ou de n'importe quelle requête ; les pics sont signalés.",
        "what": "Quoi",
        "placeholder": "company:Aérovolt, sector:energy, event:acquisition, mots…",
        "interval": "Période",
        "periods": "Nombre de périodes",
        "day": "jour",
        "week": "semaine",
        "month": "mois",
        "show": "Afficher",
        "sectors": "Secteurs :",
        "events": "Événements :",
        "choose": "Choisissez une requête ou un secteur, un événement ci-dessus.",
        "summary": "{total} mention(s) de {subject} sur {periods} période(s) ; {spikes} pic(s).",
        "chart": "Mentions par {interval}",
        "spike": "pic",
        "week_of": "semaine du {day}",
        "period": "Période",
        "count": "Mentions",
        "mean": "Moyenne des {n} périodes précédentes",
        "threshold": "Seuil de pic",
        "is_spike": "Pic ?",
        "yes": "oui",
        "no": "non",
        "open": "voir les documents",
        "rule": "Un pic : au moins 3 mentions, et plus que la moyenne + 2 écarts-types des "
        "{n} périodes précédentes.",
    },
    "en": {
        "title": "Trends",
        "intro": "Mentions over time of a company, a sector, an event type or any query, "
        "with spikes marked.",
        "what": "What",
        "placeholder": "company:Aérovolt, sector:energy, event:acquisition, words…",
        "interval": "Period",
        "periods": "Number of periods",
        "day": "day",
        "week": "week",
        "month": "month",
        "show": "Show",
        "sectors": "Sectors:",
        "events": "Events:",
        "choose": "Choose a query, or a sector or an event above.",
        "summary": "{total} mention(s) of {subject} over {periods} period(s); {spikes} spike(s).",
        "chart": "Mentions per {interval}",
        "spike": "spike",
        "week_of": "week of {day}",
        "period": "Period",
        "count": "Mentions",
        "mean": "Mean of the {n} previous periods",
        "threshold": "Spike threshold",
        "is_spike": "Spike?",
        "yes": "yes",
        "no": "no",
        "open": "see the documents",
        "rule": "A spike: at least 3 mentions, and more than the mean + 2 standard "
        "deviations of the {n} previous periods.",
    },
}


def chosen_interval(value: str | None) -> TrendInterval:
    for interval in INTERVALS:
        if value == interval:
            return interval
    return "day"


def chosen_periods(value: str | None, interval: TrendInterval) -> int:
    """A number of periods from the form; a missing or odd value gives the default."""
    try:
        number = int(value or "")
    except ValueError:
        return DEFAULT_PERIODS[interval]
    return max(1, min(number, MAX_PERIODS))


def period_query(q: str, node: Node, start: date, end: date) -> str:
    """The search for ``q`` within [start, end): the bounds added in the query language."""
    # "a OR b after:…" would bound only b: a top-level OR is grouped first.
    subject = f"({q})" if isinstance(node, Or) else q
    return f"{subject} after:{start.isoformat()} before:{end.isoformat()}"


def period_label(start: date, interval: TrendInterval, words: Mapping[str, str]) -> str:
    if interval == "month":
        return start.strftime("%Y-%m")
    if interval == "week":
        return words["week_of"].format(day=start.isoformat())
    return start.isoformat()


def quick_links(index: IndexBackend, lang: str, since: date, until: date) -> dict[str, list[Any]]:
    """The sectors and events most mentioned lately (the lexicon's first ones when the index
    has nothing recent), each a link to its trend, named by the lexicon's label."""
    labels = facet_labels(lang)
    window = And((DateBound("after", since), DateBound("before", until + timedelta(days=1))))
    found = index.search(SearchRequest(query=window, per_page=1, facets=("sector", "event")))
    links: dict[str, list[Any]] = {}
    for field in ("sector", "event"):
        codes = [f.value for f in found.facets.get(field, []) if f.count > 0][:QUICK_LINKS]
        if not codes:
            codes = list(labels[field])[:QUICK_LINKS]
        links[field] = [
            {
                "label": labels[field].get(code, code),
                "query": term(field, code),
                "href": link("/trends", lang, q=term(field, code)),
            }
            for code in codes
        ]
    return links


def bars(
    points: list[TrendPoint],
    q: str,
    node: Node,
    interval: TrendInterval,
    lang: str,
    words: Mapping[str, str],
) -> list[dict[str, Any]]:
    top = max((p.count for p in points), default=0) or 1
    drawn = []
    for point in points:
        after = next_period(point.period, interval)
        drawn.append(
            {
                "label": period_label(point.period, interval, words),
                "count": point.count,
                "spike": point.spike,
                "percent": round(100 * point.count / top),
                "mean": point.baseline_mean,
                "threshold": point.threshold,
                "href": link("/search", lang, q=period_query(q, node, point.period, after)),
            }
        )
    return drawn


@router.get("/trends", response_class=HTMLResponse)
def trends_page(
    request: Request,
    q: str = "",
    interval: str | None = None,
    periods: str | None = None,
    lang: str | None = None,
) -> HTMLResponse:
    chosen = language(lang)
    words = TEXTS[chosen]
    app = state(request)
    q = q.strip()
    every = chosen_interval(interval)
    count = chosen_periods(periods, every)
    end = today_utc()
    common: dict[str, Any] = {
        "title": words["title"],
        "q": q,
        "interval": every,
        "intervals": INTERVALS,
        "periods": count,
        "baseline": BASELINE,
        "quick": quick_links(app.index, chosen, end - timedelta(days=30), end),
        "switch": link("/trends", other(chosen), q=q, interval=every, periods=count),
        "error": None,
        "trend": None,
    }
    if not q:
        return render(request, "trends.html", chosen, TEXTS, **common)
    try:
        node = parse_query(q, app.resolver)
    except ApiError as exc:
        common["error"] = query_error(q, exc.message, exc.position)
        return render(request, "trends.html", chosen, TEXTS, 400, **common)
    points = index_trend(app.index, node, end=end, interval=every, periods=count, baseline=BASELINE)
    common["trend"] = {
        "total": sum(p.count for p in points),
        "spikes": sum(1 for p in points if p.spike),
        "bars": bars(points, q, node, every, chosen, words),
    }
    return render(request, "trends.html", chosen, TEXTS, **common)
