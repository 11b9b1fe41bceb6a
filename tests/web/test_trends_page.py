"""The trends page over HTTP: the series counted again here from the documents themselves,
spikes marked, each bar a search for its period, both languages, bad queries."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from html import unescape

import httpx
import pytest

from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from myrtille.index.query import QueryError, parse
from myrtille.index.resolver import CodeResolver
from myrtille.index.trends import next_period, period_starts
from myrtille.texts import format_date
from myrtille.web.api import facet_labels
from tests.web.conftest import NOW, Live, doc, documents, start_live

TODAY = NOW.date()
# Counts are read against the server's today: it must stay NOW's date (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("same_day")


def partnerships() -> list[IndexedDocument]:
    """One partnership a day for a week, then five on one day: a spike two days ago."""
    steady = [
        doc(
            40 + age,
            f"Partenariat numéro {age}",
            "Un partenariat industriel.",
            age=age,
            events=["partnership"],
            sectors=["chemicals"],
        )
        for age in range(3, 10)
    ]
    burst = [
        doc(
            50 + n,
            f"Alliance {n}",
            "Une alliance et un partenariat.",
            age=2,
            events=["partnership"],
            sectors=["chemicals"],
        )
        for n in range(5)
    ]
    return steady + burst


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("trends") / "data") as running:
        index = open_index(running.settings)
        index.index(partnerships())
        index.close()
        yield running


@pytest.fixture
def client(site: Live) -> Iterator[httpx.Client]:
    with site.client() as http:
        yield http


def every_document() -> list[IndexedDocument]:
    return documents() + partnerships()


def expected_days(keep: object, periods: int) -> list[tuple[str, int]]:
    """Documents per day over the last ``periods`` days, counted here, not by the app."""
    per_day = Counter(d.published_at.date() for d in every_document() if keep(d))  # type: ignore[operator, union-attr]
    days = [TODAY - timedelta(days=n) for n in range(periods - 1, -1, -1)]
    return [(format_date(day, "fr"), per_day[day]) for day in days]


def expected_weeks(keep: object, periods: int) -> list[tuple[date, int]]:
    monday = TODAY - timedelta(days=TODAY.weekday())
    mondays = [monday - timedelta(weeks=n) for n in range(periods - 1, -1, -1)]
    per_week = Counter(
        d.published_at.date() - timedelta(days=d.published_at.weekday())  # type: ignore[union-attr]
        for d in every_document()
        if keep(d)  # type: ignore[operator]
    )
    return [(m, per_week[m]) for m in mondays]


ROW = re.compile(r"<tr( class=\"spike\")?>\s*<td>([^<]*)</td>\s*<td class=\"count\">(\d+)</td>")


def table(html: str) -> list[tuple[str, int, bool]]:
    """(period label, count, spike) of each row of the numbers' table."""
    body = html[html.index('id="trend-table"') :]
    return [(unescape(label), int(count), bool(spike)) for spike, label, count in ROW.findall(body)]


def bar_links(html: str) -> list[tuple[str, int, bool]]:
    """(href, count, spike) of each bar of the chart."""
    chart = html[html.index('id="trend-chart"') : html.index('id="trend-table"')]
    found = re.findall(r'<a class="bar( spike)?" href="([^"]+)"[^>]* data-count="(\d+)"', chart)
    return [(unescape(href), int(count), bool(spike)) for spike, href, count in found]


def query_of(href: str) -> str:
    return httpx.URL(href).params["q"]


def result_total(http: httpx.Client, href: str) -> int:
    page = http.get(href)
    assert page.status_code == 200, page.text
    found = re.search(r'data-total="(\d+)"', page.text)
    assert found, "no result count on the search page"
    return int(found.group(1))


def test_daily_series_matches_the_documents(client: httpx.Client) -> None:
    response = client.get("/trends", params={"q": "sector:energy", "periods": "20"})
    assert response.status_code == 200
    rows = table(response.text)
    expected = expected_days(lambda d: "energy" in d.sectors, 20)
    assert [(label, count) for label, count, _ in rows] == expected
    assert sum(count for _, count in expected) == 5  # four today, one 15 days ago
    # Four today after a quiet week: today is the spike, and only today.
    assert [label for label, _, spike in rows if spike] == [format_date(TODAY, "fr")]
    assert 'data-total="5" data-spikes="1"' in response.text


def test_weekly_series_matches_the_documents(client: httpx.Client) -> None:
    response = client.get("/trends", params={"q": "event:acquisition", "interval": "week"})
    assert response.status_code == 200
    rows = table(response.text)
    expected = expected_weeks(lambda d: any(e["type"] == "acquisition" for e in d.events), 26)
    assert len(rows) == 26
    assert [count for _, count, _ in rows] == [count for _, count in expected]
    assert rows[-1][0] == f"semaine du {format_date(expected[-1][0], 'fr')}"
    assert sum(count for _, count, _ in rows) == 3


def test_monthly_interval_counts_calendar_months(client: httpx.Client) -> None:
    response = client.get("/trends", params={"q": "aérovolt", "interval": "month", "periods": 3})
    assert response.status_code == 200
    rows = table(response.text)
    per_month = Counter(
        format_date(d.published_at, "fr", style="month")
        for d in every_document()
        if "aérovolt" in (d.title + " " + d.text).lower()
    )
    first = TODAY.replace(day=1)
    months = []
    for _ in range(3):
        months.insert(0, format_date(first, "fr", style="month"))
        first = (first - timedelta(days=1)).replace(day=1)
    assert [(label, count) for label, count, _ in rows] == [(m, per_month[m]) for m in months]


def test_a_spike_in_added_documents_is_marked_and_its_bar_opens_its_documents(
    client: httpx.Client,
) -> None:
    html = client.get("/trends", params={"q": "event:partnership", "periods": "14"}).text
    rows = table(html)
    assert [(label, count) for label, count, _ in rows] == expected_days(
        lambda d: any(e["type"] == "partnership" for e in d.events), 14
    )
    spike_day = (TODAY - timedelta(days=2)).isoformat()
    assert [label for label, _, spike in rows if spike] == [
        format_date(TODAY - timedelta(days=2), "fr")
    ]
    bars = bar_links(html)
    assert len(bars) == 14
    spikes = [b for b in bars if b[2]]
    assert len(spikes) == 1 and spikes[0][1] == 5
    assert html.count('<span class="marker">▲ pic</span>') == 1
    href, count, _ = spikes[0]
    next_day = (TODAY - timedelta(days=1)).isoformat()
    assert query_of(href) == f"event:partnership after:{spike_day} before:{next_day}"
    assert result_total(client, href) == count == 5
    # A day without documents is a bar too; its search finds nothing.
    empty = next(b for b in bars if b[1] == 0)
    assert result_total(client, empty[0]) == 0


def test_a_top_level_or_is_grouped_before_the_dates(client: httpx.Client) -> None:
    html = client.get(
        "/trends", params={"q": "event:partnership OR event:closure", "periods": "14"}
    ).text
    for href, count, _ in bar_links(html):
        assert query_of(href).startswith("(event:partnership OR event:closure) after:")
        if count:
            assert result_total(client, href) == count


def test_quick_links_name_the_sectors_and_events(client: httpx.Client) -> None:
    html = client.get("/trends").text
    labels = facet_labels()
    assert (
        f'href="/trends?q=sector%3Aenergy" title="sector:energy">{labels["sector"]["energy"]}<'
        in (html)
    )
    assert 'href="/trends?q=event%3Apartnership"' in html
    assert 'id="trend-chart"' not in html  # nothing asked yet: no chart


def test_english(client: httpx.Client) -> None:
    html = client.get(
        "/trends", params={"q": "event:partnership", "periods": "14", "lang": "en"}
    ).text
    assert '<html lang="en">' in html
    assert "Mentions per day" in html and "over 14 periods; 1 spike." in html
    assert '<span class="marker">▲ spike</span>' in html
    assert "&amp;lang=en" in html  # the bars' searches stay in English
    assert 'href="/trends?q=event%3Apartnership&amp;interval=day&amp;periods=14"' in html
    french = client.get("/trends", params={"q": "event:partnership", "periods": "14"}).text
    assert '<html lang="fr">' in french and "Mentions par jour" in french


def test_a_bad_query_is_a_400_with_the_parsers_message(client: httpx.Client) -> None:
    q = "<script>alert(1)</script> sector:"
    with pytest.raises(QueryError) as parsed:
        parse(q, CodeResolver())
    response = client.get("/trends", params={"q": q})
    assert response.status_code == 400
    html = response.text
    # The parser's explanation in the page's language (French by default), not the API's.
    assert parsed.value.text("fr") in unescape(html)
    assert parsed.value.message not in unescape(html)
    assert f"position {parsed.value.position + 1}" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'id="trend-chart"' not in html
    unknown = client.get("/trends", params={"q": "sector:nosuchsector", "lang": "en"})
    assert unknown.status_code == 400 and "Invalid query" in unknown.text


def test_odd_parameters_fall_back_to_the_defaults(client: httpx.Client) -> None:
    html = client.get(
        "/trends", params={"q": "sector:energy", "interval": "year", "periods": "lots"}
    ).text
    assert len(table(html)) == 30  # a day interval, 30 periods
    assert len(table(client.get("/trends", params={"q": "x", "periods": "9999"}).text)) == 365


def test_months_run_across_the_new_year() -> None:
    assert period_starts(date(2026, 2, 15), "month", 4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert next_period(date(2025, 12, 1), "month") == date(2026, 1, 1)


def test_numbers_dates_and_plurals_follow_the_language(client: httpx.Client) -> None:
    """The day after the first partnership, the baseline is 1 in 7 days: its mean shows as
    "0,14" in French and "0.14" in English, never str()'s "0.143"; periods are dates as
    each language writes them; one spike is "1 pic", not "1 pic(s)"."""
    day = TODAY - timedelta(days=8)
    pages = {
        lang: client.get(
            "/trends", params={"q": "event:partnership", "periods": "14", "lang": lang}
        ).text
        for lang in ("fr", "en")
    }
    for lang, mean, summary in (
        ("fr", "0,14", "sur 14 périodes ; 1 pic."),
        ("en", "0.14", "over 14 periods; 1 spike."),
    ):
        html = pages[lang]
        row = re.search(
            rf"<td>{re.escape(format_date(day, lang))}</td>\s*<td class=\"count\">1</td>\s*"
            r"<td class=\"mean\">([^<]*)</td>",
            html,
        )
        assert row, f"no row for {day} in {lang}"
        assert row.group(1) == mean
        assert summary in html and "(s)" not in html
        assert "0.143" not in html and "0,143" not in html
    assert format_date(day, "fr") == day.strftime("%d/%m/%Y")
    assert format_date(day, "en") == f"{day.day} {day.strftime('%b')} {day.year}"


# -- several queries on one chart (issue 13.6) --------------------------------------------

COMPARE_BAR = re.compile(
    r'<a class="bar s(\d)( spike)?" href="([^"]+)"[^>]* data-series="(\d)" data-count="(\d+)"'
)


def test_two_queries_share_one_chart_with_a_legend_and_a_column_each(
    client: httpx.Client,
) -> None:
    queries = ["event:partnership", "sector:energy"]
    response = client.get("/trends", params=[("q", q) for q in queries] + [("periods", "10")])
    assert response.status_code == 200, response.text
    html = response.text
    legend = html[html.index('id="trend-legend"') : html.index('id="trend-chart"')]
    assert legend.count("<li") == 2 and "event:partnership" in legend and "sector:energy" in legend
    chart = html[html.index('id="trend-chart"') : html.index('id="trend-table"')]
    bars = COMPARE_BAR.findall(chart)
    assert len(bars) == 20
    for number, keep in enumerate(
        (
            lambda d: any(e["type"] == "partnership" for e in d.events),
            lambda d: "energy" in d.sectors,
        ),
        start=1,
    ):
        drawn = [(int(c), bool(s)) for n, s, _, _, c in bars if n == str(number)]
        assert [c for c, _ in drawn] == [c for _, c in expected_days(keep, 10)]
        # Each series' own spikes: partnerships two days ago, energy today.
        spiked = [day for day, (_, spike) in enumerate(drawn) if spike]
        assert spiked == ([7] if number == 1 else [9])
    # One scale: the tallest bar of all is 100%, the others in proportion.
    heights = re.findall(r'style="height:(\d+)%"', chart)
    assert max(map(int, heights)) == 100
    table_html = html[html.index('id="trend-table"') :]
    assert table_html.count('<th data-series="') == 2
    assert table_html.count('<td class="count" data-series="2">') == 10
    assert html.count('<span class="marker">▲1</span>') == 1
    assert html.count('<span class="marker">▲2</span>') == 1
    # The form keeps the second query in a "compare with" box.
    assert 'name="q" value="sector:energy"' in html


def test_the_trends_csv_link_gives_the_same_series(client: httpx.Client) -> None:
    params = [("q", "event:partnership"), ("q", "sector:energy"), ("periods", "10")]
    html = client.get("/trends", params=params).text
    href = unescape(re.search(r'id="trend-csv" href="([^"]+)"', html).group(1))  # type: ignore[union-attr]
    exported = client.get(href)
    assert exported.status_code == 200
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"
    lines = exported.text.splitlines()
    assert lines[0] == "subject,period,count,spike,baseline_mean,threshold" and len(lines) == 21


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "au plus 5 peuvent être comparées"), ("en", "at most 5 can be")]
)
def test_a_sixth_query_is_refused_in_the_pages_language(
    client: httpx.Client, lang: str, words: str
) -> None:
    params = [("q", f"mot{n}") for n in range(6)] + [("lang", lang)]
    response = client.get("/trends", params=params)
    assert response.status_code == 400
    assert words in response.text and 'id="trend-chart"' not in response.text
