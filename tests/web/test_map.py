"""The map over HTTP: /api/v1/map (JSON and CSV) and the /map page, counted again here from
the documents themselves, each area a link to its narrowed search, bad input answered."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from html import unescape

import httpx
import pytest

from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from myrtille.index.matching import matches
from myrtille.index.query import QueryError, parse, parse_search
from myrtille.index.resolver import CodeResolver
from myrtille.texts import labels
from tests.web.conftest import NOW, Live, doc, documents, start_live

TODAY = NOW.date()


def territories() -> list[IndexedDocument]:
    """Documents in Corsica, Guadeloupe and two departments at once, beside conftest's."""
    return [
        doc(60, "Chantier naval à Ajaccio", "Un chantier naval.", age=5, departments=["2A"],
            regions=["94"], events=["investment"]),
        doc(61, "Usine à Pointe-à-Pitre", "Une usine ouvre.", age=8, departments=["971"],
            regions=["01"], events=["investment"]),
        doc(62, "Rachat entre Toulouse et Montpellier", "Un rachat.", age=1,
            departments=["31", "34"], regions=["76"], events=["acquisition"]),
    ]  # fmt: skip


def every_document() -> list[IndexedDocument]:
    return [*documents(), *territories()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("map") / "data") as running:
        index = open_index(running.settings)
        index.index(territories())
        index.close()
        yield running


@pytest.fixture
def api(site: Live) -> Iterator[httpx.Client]:
    with site.client(site.key) as http:
        yield http


@pytest.fixture
def browser(site: Live) -> Iterator[httpx.Client]:
    with site.client() as http:
        yield http


def expected(q: str, level: str, keep: object = None) -> dict[str, int]:
    """Documents per INSEE code, counted from the documents with the in-memory evaluator."""
    node = parse_search(q, CodeResolver())
    counted: Counter[str] = Counter()
    for document in every_document():
        if matches(node, document) and (keep is None or keep(document)):  # type: ignore[operator]
            counted.update(set(document.departments if level == "department" else document.regions))
    names = labels("fr")[level]
    return {code: counted.get(code, 0) for code in sorted(names)}


def api_counts(api: httpx.Client, **params: str) -> dict[str, int]:
    response = api.get("/api/v1/map", params=params)
    assert response.status_code == 200, response.text
    return {area["code"]: area["count"] for area in response.json()["areas"]}


PATH = re.compile(
    r'<a href="([^"]+)" class="area" data-code="([^"]+)" data-count="(\d+)">'
    r'<path class="shade-(\d)" d="[^"]+"><title>([^<]*)</title>'
)


def areas(html: str) -> dict[str, tuple[str, int, int, str]]:
    """code → (href, count, shade class, tooltip) of every area drawn on the page's map."""
    return {
        code: (unescape(href), int(count), int(shade), unescape(title))
        for href, code, count, shade, title in PATH.findall(html)
    }


@pytest.mark.parametrize("q", ["", "event:acquisition", "aérovolt OR solaris", "chantier"])
@pytest.mark.parametrize("level", ["department", "region"])
def test_api_counts_every_area_as_the_documents_say(api: httpx.Client, q: str, level: str) -> None:
    counts = api_counts(api, q=q, level=level)
    assert counts == expected(q, level)
    assert len(counts) == (101 if level == "department" else 18)
    # The same numbers as the search's own facet over the same query.
    facet = "dept" if level == "department" else "region"
    searched = api.get("/api/v1/search", params={"q": q, "facets": facet, "per_page": 1}).json()
    by_folded = {code.lower(): code for code in counts}
    assert {by_folded[f["value"]]: f["count"] for f in searched["facets"][facet]} == {
        code: n for code, n in counts.items() if n
    }


def test_a_period_keeps_the_documents_filed_in_it(api: httpx.Client) -> None:
    after, before = TODAY - timedelta(days=6), TODAY - timedelta(days=1)
    body = api.get(
        "/api/v1/map", params={"after": after.isoformat(), "before": before.isoformat()}
    ).json()
    assert (body["after"], body["before"], body["level"]) == (str(after), str(before), "department")

    def inside(document: IndexedDocument) -> bool:
        return after <= document.published_at.date() < before  # type: ignore[union-attr]

    assert {a["code"]: a["count"] for a in body["areas"]} == expected("", "department", inside)
    assert body["total"] == sum(1 for d in every_document() if inside(d))
    assert body["total"] > 0


def test_csv_has_code_name_count_for_every_area(api: httpx.Client) -> None:
    response = api.get("/api/v1/map", params={"q": "event:investment", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["code", "name", "count"]
    assert {code: int(n) for code, _, n in rows[1:]} == expected("event:investment", "department")
    names = dict((code, name) for code, name, _ in rows[1:])
    assert names["2A"] == "Corse-du-Sud" and names["971"] == "Guadeloupe"
    regions = list(csv.DictReader(io.StringIO(api.get(
        "/api/v1/map", params={"level": "region", "format": "csv"}).text)))  # fmt: skip
    assert {r["code"]: int(r["count"]) for r in regions} == expected("", "region")


def test_a_query_matching_nothing_is_an_empty_map_not_an_error(
    api: httpx.Client, browser: httpx.Client
) -> None:
    body = api.get("/api/v1/map", params={"q": "zeppelin", "level": "region"}).json()
    assert body["total"] == 0 and len(body["areas"]) == 18
    assert all(area["count"] == 0 for area in body["areas"])
    empty_csv = api.get("/api/v1/map", params={"q": "zeppelin", "format": "csv"})
    assert empty_csv.status_code == 200
    assert len(list(csv.reader(io.StringIO(empty_csv.text)))) == 102
    page = browser.get("/map", params={"q": "zeppelin"})
    assert page.status_code == 200
    drawn = areas(page.text)
    assert len(drawn) == 101 and {shade for _, _, shade, _ in drawn.values()} == {0}
    assert "Aucun document ne correspond" in page.text


def test_a_malformed_query_is_the_usual_query_error(
    api: httpx.Client, browser: httpx.Client
) -> None:
    q = '<script>alert(1)</script> "open'
    with pytest.raises(QueryError) as parsed:
        parse(q, CodeResolver())
    response = api.get("/api/v1/map", params={"q": q})
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_query",
        "message": parsed.value.message,
        "position": parsed.value.position,
    }
    page = browser.get("/map", params={"q": q, "lang": "en"})
    assert page.status_code == 400
    assert '<html lang="en">' in page.text and "Invalid query" in page.text
    assert f"position {parsed.value.position + 1}" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert 'class="area"' not in page.text


def test_bad_periods_and_levels(api: httpx.Client, browser: httpx.Client) -> None:
    backwards = api.get("/api/v1/map", params={"after": "2026-03-01", "before": "2026-02-01"})
    assert backwards.status_code == 400 and backwards.json()["error"] == "invalid_parameter"
    assert "after (2026-03-01) must be earlier than before (2026-02-01)" in backwards.text
    for odd in ({"level": "commune"}, {"format": "xlsx"}, {"after": "yesterday"}):
        answer = api.get("/api/v1/map", params=odd)
        assert answer.status_code == 400, odd
        assert answer.json()["error"] == "invalid_parameter" and next(iter(odd)) in answer.text
    page = browser.get("/map", params={"after": "31/01/2026", "lang": "en"})
    assert page.status_code == 400
    assert "“31/01/2026” in “From” is not a date: write it as YYYY-MM-DD" in unescape(page.text)
    page = browser.get("/map", params={"after": "2026-03-01", "before": "2026-02-01"})
    assert page.status_code == 400 and 'id="period-error"' in page.text
    # An unknown level is the default one, as the trends page's odd parameters are.
    assert len(areas(browser.get("/map", params={"level": "commune"}).text)) == 101


def test_page_shades_links_and_lists_every_area(browser: httpx.Client) -> None:
    q = "aérovolt OR chantier"
    response = browser.get("/map", params={"q": q})
    assert response.status_code == 200
    html = response.text
    drawn = areas(html)
    want = expected(q, "department")
    assert {code: count for code, (_, count, _, _) in drawn.items()} == want
    assert drawn["31"][2] == 5 and drawn["2A"][2] > 0 and drawn["75"][2] == 0
    assert drawn["31"][3] == "Haute-Garonne : 2"  # French: a space before the colon
    for code, (href, count, _, _) in drawn.items():
        narrowed = httpx.URL(href).params["q"]
        assert narrowed == f"({q}) dept:{code}"  # the OR is grouped before narrowing
        if count:
            found = browser.get(href)
            assert int(re.search(r'data-total="(\d+)"', found.text).group(1)) == count
    # The table holds the same numbers, most documents first.
    rows = re.findall(r'<tr data-code="([^"]+)">.*?<td class="count">(\d+)</td>', html)
    assert {code: int(n) for code, n in rows} == want and rows[0][0] == "31"
    # The legend has the zero class and the classes the largest count spreads over.
    assert html.count('class="swatch shade-') >= 2
    assert "Victor Cazanave" in html and "CC BY 4.0" in html


def test_regions_and_period_in_links(browser: httpx.Client) -> None:
    after = (TODAY - timedelta(days=30)).isoformat()
    html = browser.get("/map", params={"level": "region", "after": after, "lang": "en"}).text
    drawn = areas(html)
    assert len(drawn) == 18
    assert httpx.URL(drawn["76"][0]).params["q"] == f"region:76 after:{after}"
    assert httpx.URL(drawn["76"][0]).params["lang"] == "en"
    assert drawn["76"][3] == "Occitanie: 3"  # d01, d02, d62; d03 is 40 days old
    assert drawn["01"][1] == 1  # Guadeloupe, drawn as an inset
    # The level switch keeps the query and the period.
    switch = re.search(r'<a href="([^"]+)">Departments</a>', html).group(1)
    assert httpx.URL(unescape(switch)).params["after"] == after


def test_hostile_query_strings_stay_text(browser: httpx.Client) -> None:
    q = '</title><script>x</script> <svg onload=alert(1)> &amp; \' "><b>" OR sector:energy'
    parse(q, CodeResolver())  # a valid query: the page draws the map with it in every link
    response = browser.get("/map", params={"q": q})
    assert response.status_code == 200
    html = response.text
    for raw in ("<svg onload", "<script>x", "</title><script>"):
        assert raw not in html
    drawn = areas(html)
    assert len(drawn) == 101
    assert httpx.URL(drawn["13"][0]).params["q"] == f"({q}) dept:13"
