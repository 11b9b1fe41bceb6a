"""The trends page: mentions of a query per day, week or month, with the spikes marked.

The series is ``index.trends.index_trend``, the same as ``/api/v1/trends``; the page only
draws it (CSS bars, each a link to the search for its period) and lists it in a table.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.query import And, DateBound, Node, Or, QueryError, parse
from myrtille.index.trends import TrendInterval, TrendPoint, index_trend, next_period
from myrtille.texts import N_, format_date, format_decimal, format_number, gettext, ngettext
from myrtille.web.api import facet_labels, state, today_utc
from myrtille.web.ui.common import language, link, other, query_error, render, term
from myrtille.web.ui.trends_compare import MAX_SERIES, chart_slots, compare_fields, trends_link

router = APIRouter(include_in_schema=False)

INTERVALS: tuple[TrendInterval, ...] = ("day", "week", "month")
DEFAULT_PERIODS: dict[TrendInterval, int] = {"day": 30, "week": 26, "month": 12}
MAX_PERIODS = 365
BASELINE = 7  # previous periods a period is compared with, as the API's default
QUICK_LINKS = 6

# The intervals' names: in the form's choices and in "Mentions per day".
INTERVAL_NAMES = {"day": N_("day"), "week": N_("week"), "month": N_("month")}


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


def period_label(start: date, interval: TrendInterval, lang: str) -> str:
    """A period as the reader's language writes it: "14/03/2025", "semaine du 10/03/2025",
    "mars 2025" / "14 Mar 2025", "week of 10 Mar 2025", "March 2025"."""
    if interval == "month":
        return format_date(start, lang, style="month")
    if interval == "week":
        return gettext(lang, "week of {day}", day=format_date(start, lang))
    return format_date(start, lang)


def summary(lang: str, total: int, subject: str, periods: int, spikes: int) -> str:
    """One sentence, each count with its own plural and the language's digit grouping:
    "12 mentions of sector:energy over 30 periods; 1 spike."."""
    mentions = ngettext(
        lang,
        "{count} mention of {subject}",
        "{count} mentions of {subject}",
        total,
        count=format_number(total, lang),
        subject=subject,
    )
    over = ngettext(
        lang, "{count} period", "{count} periods", periods, count=format_number(periods, lang)
    )
    spiked = ngettext(
        lang, "{count} spike", "{count} spikes", spikes, count=format_number(spikes, lang)
    )
    return gettext(
        lang, "{mentions} over {periods}; {spikes}.", mentions=mentions, periods=over, spikes=spiked
    )


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
    top: int | None = None,
) -> list[dict[str, Any]]:
    # Compared series share one scale (``top``): the tallest bar of them all.
    top = top or max((p.count for p in points), default=0) or 1
    drawn = []
    for point in points:
        after = next_period(point.period, interval)
        drawn.append(
            {
                "label": period_label(point.period, interval, lang),
                "count": point.count,
                "shown_count": format_number(point.count, lang),
                "spike": point.spike,
                "percent": round(100 * point.count / top),
                # Means and thresholds are fractions: two digits, the language's comma.
                "mean": format_decimal(point.baseline_mean, lang) or "–",
                "threshold": format_decimal(point.threshold, lang) or "–",
                "href": link("/search", lang, q=period_query(q, node, point.period, after)),
            }
        )
    return drawn


@router.get("/trends", response_class=HTMLResponse)
def trends_page(
    request: Request,
    q: Annotated[list[str] | None, Query()] = None,
    interval: str | None = None,
    periods: str | None = None,
    lang: str | None = None,
) -> HTMLResponse:
    chosen = language(lang)
    app = state(request)
    # Repeated q: the queries to compare, empty boxes of the form left out.
    queries = [value.strip() for value in q or () if value.strip()]
    every = chosen_interval(interval)
    count = chosen_periods(periods, every)
    end = today_utc()
    common: dict[str, Any] = {
        "title": gettext(chosen, "Trends"),
        "q": queries[0] if queries else "",
        "compare": compare_fields(queries),
        "interval": every,
        "intervals": {i: gettext(chosen, INTERVAL_NAMES[i]) for i in INTERVALS},
        "periods": count,
        "baseline": BASELINE,
        "quick": quick_links(app.index, chosen, end - timedelta(days=30), end),
        "switch": trends_link(other(chosen), queries, interval=every, periods=count),
        "csv": trends_csv_link(queries, every, count),
        "error": None,
        "too_many": None,
        "trend": None,
    }
    if not queries:
        return render(request, "trends.html", chosen, **common)
    if len(queries) > MAX_SERIES:
        common["too_many"] = gettext(
            chosen,
            "{count} queries given: at most {max} can be compared. Remove {extra}.",
            count=format_number(len(queries), chosen),
            max=format_number(MAX_SERIES, chosen),
            extra=format_number(len(queries) - MAX_SERIES, chosen),
        )
        return render(request, "trends.html", chosen, status=400, **common)
    nodes: list[Node] = []
    for query in queries:
        try:
            nodes.append(parse(query, app.resolver))
        except QueryError as exc:
            common["error"] = query_error(query, exc, chosen)
            return render(request, "trends.html", chosen, status=400, **common)
    every_points = [
        index_trend(app.index, node, end=end, interval=every, periods=count, baseline=BASELINE)
        for node in nodes
    ]
    top = max((p.count for points in every_points for p in points), default=0) or 1
    series = []
    for number, (query, node, points) in enumerate(
        zip(queries, nodes, every_points, strict=True), start=1
    ):
        total = sum(p.count for p in points)
        spikes = sum(1 for p in points if p.spike)
        series.append(
            {
                "number": number,
                "query": query,
                "total": total,
                "spikes": spikes,
                "summary": summary(chosen, total, query, len(points), spikes),
                "bars": bars(points, query, node, every, chosen, top),
            }
        )
    first = series[0]
    common["trend"] = {
        "total": first["total"],
        "spikes": first["spikes"],
        "summary": first["summary"],
        "bars": first["bars"],
        "series": series,
        "slots": chart_slots(series) if len(series) > 1 else [],
    }
    return render(request, "trends.html", chosen, **common)


def trends_csv_link(queries: list[str], interval: TrendInterval, periods: int) -> str | None:
    """The same series as CSV (``trends_compare.trends_export``)."""
    if not queries or len(queries) > MAX_SERIES:
        return None
    pairs = [("q", q) for q in queries]
    pairs += [("interval", interval), ("periods", str(periods)), ("baseline", str(BASELINE))]
    return "/trends/export?" + urlencode(pairs)
