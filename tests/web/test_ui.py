"""The server-rendered pages, over HTTP: status, security headers, escaping, facets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import unquote_plus

import httpx
import pytest

from myrtille.index.factory import open_index
from myrtille.store.companies import Company
from tests.web.conftest import AEROVOLT, Live, doc, start_live

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"


def hostile_document() -> object:
    hostile = doc(
        90,
        f"Piège {SCRIPT} {IMG}",
        f"Texte hostile {SVG} puis {SCRIPT} et {IMG} chez Malveillance.",
        age=1,
        source="hostile-source",
        companies=[{"name": f"Malveillance {SCRIPT}", "siren": None}],
        events=["acquisition"],
    )
    hostile.url = "javascript:alert(1)"
    at = hostile.text.index("Malveillance")
    hostile.entities = [
        {"text": "Malveillance", "label": "ORG", "start": at, "end": at + 12, "field": "text"},
        # An entity spanning markup must come out escaped too.
        {"text": SVG, "label": 'ORG"><script>', "start": 14, "end": 14 + len(SVG)},
    ]
    hostile.events[0]["sentence"] = f"Une phrase {IMG}"
    return hostile


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("ui") / "data") as running:
        index = open_index(running.settings)
        index.index([hostile_document()])  # type: ignore[list-item]
        index.close()
        yield running


@pytest.fixture
def client(site: Live) -> Iterator[httpx.Client]:
    with site.client() as http:
        yield http


def assert_secure(response: httpx.Response) -> None:
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def total(html: str) -> int:
    match = re.search(r'data-total="(\d+)"', html)
    assert match, "no result count on the page"
    return int(match.group(1))


def test_home_redirects_to_search(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/search"
    assert_secure(response)


@pytest.mark.parametrize(
    "path",
    ["/search", "/search?q=a%C3%A9rovolt", "/search?q=sector:energy&lang=en", "/documents/d01"],
)
def test_pages_answer_with_security_headers(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert_secure(response)


def test_search_shows_results_snippets_facets_and_histogram(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": "aérovolt"}).text
    assert total(html) == 3
    # d01 and d02 tell one story: one hit, the other report named under it.
    assert html.count('<li class="hit">') == 2
    assert '<a class="also-link" href="/documents/d01">Aérovolt rachète Hélicea</a>' in html
    assert "<mark>Aérovolt</mark>" in html  # the snippet's highlight is kept as markup
    assert 'class="hist"' in html and 'class="bar"' in html
    assert "Occitanie" in html  # region facet, by name
    assert f"company%3A{AEROVOLT}" in html
    assert html.count('class="example"') == 4


def test_languages(client: httpx.Client) -> None:
    assert 'lang="fr"' in client.get("/search").text
    english = client.get("/search", params={"q": "aérovolt", "lang": "en"}).text
    assert 'lang="en"' in english and "3 results" in english
    assert "/documents/d01?lang=en" in english
    assert 'lang="fr"' in client.get("/search", params={"lang": "xx"}).text


def test_a_facet_link_narrows_the_results(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": "acquisition OR rachat OR acquires"}).text
    before = total(html)
    link = re.search(r'<a class="facet-link" href="([^"]*source%3Ala-depeche[^"]*)"', html)
    assert link, "no la-depeche source facet"
    narrowed = client.get(unescape(link.group(1)))
    assert narrowed.status_code == 200
    after = total(narrowed.text)
    assert 0 < after < before
    assert "source:la-depeche" in unescape(narrowed.text)


def test_facet_and_filter_links_narrow_a_whole_or_query(client: httpx.Client) -> None:
    q = "acquisition OR rachat OR acquires"
    html = client.get("/search", params={"q": q}).text
    link = re.search(
        r'<a class="facet-link" href="([^"]*source%3Ala-depeche[^"]*)">[^<]*</a> '
        r'<span class="count">\((\d+)\)',
        html,
    )
    assert link, "no la-depeche source facet"
    expected = int(link.group(2))
    narrowed = client.get(unescape(link.group(1))).text
    # Every alternative is narrowed, not only the last one: the facet's count is the total.
    assert f'value="({q}) source:la-depeche"' in unescape(narrowed)
    assert total(narrowed) == expected
    by_parameter = client.get("/search", params={"q": q, "source": "la-depeche"}).text
    assert total(by_parameter) == expected


def test_filter_parameters_and_sort_and_pagination(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": "solaris", "sector": "energy", "sort": "date"}).text
    assert total(html) == 5
    assert 'value="solaris sector:energy"' in html
    single = client.get("/search", params={"q": "solaris", "page": 2}).text
    assert "Page 2" not in single  # five results: one page only
    assert client.get("/search", params={"q": "x", "page": 0}).status_code == 422


def test_a_bad_query_is_a_400_with_the_message_and_position(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "<b>x</b> foo:bar"})
    assert response.status_code == 400
    assert_secure(response)
    html = response.text
    # The parser's explanation in the page's language: French by default, English on asking.
    assert "champ inconnu « foo »" in html and "unknown field" not in html
    english = client.get("/search", params={"q": "<b>x</b> foo:bar", "lang": "en"}).text
    assert "unknown field &#39;foo&#39;" in english
    assert "position 10" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    unclosed = client.get("/search", params={"q": '"unclosed'})
    assert unclosed.status_code == 400 and "guillemet non fermé" in unclosed.text


def test_document_page(client: httpx.Client) -> None:
    html = client.get("/documents/d01").text
    assert '<mark class="ent-ORG" title="Entreprise">Aérovolt</mark> rachète Hélicea' in html
    assert '<mark class="ent-LOC" title="Lieu">Toulouse</mark>' in html
    assert f"SIREN {AEROVOLT}" in html
    assert "Aéronautique et spatial" in html and "Occitanie" in html
    assert "« Aérovolt rachète Hélicea »" in html  # the event's sentence
    assert 'href="/documents/d02"' in html  # same story
    assert 'href="https://news.example/1"' in html


def companies(html: str) -> list[str]:
    return re.findall(r'<li class="company">.*?</li>', html, re.S)


def test_linked_companies_show_their_registry_activity_and_sector(site: Live) -> None:
    with site.database.session() as session:
        session.merge(
            Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt SAS", naf="30.30Z", city="Blagnac")
        )
    with site.client() as http:
        french = http.get("/documents/d01").text
        english = http.get("/documents/d01?lang=en").text
    [company] = [c for c in companies(french) if AEROVOLT in c]
    assert f"SIREN {AEROVOLT} · NAF 30.30Z · Blagnac" in company
    assert '<a href="/search?q=sector%3Aaeronautics">Aéronautique et spatial</a>' in company
    [company] = [c for c in companies(english) if AEROVOLT in c]
    assert ">Aeronautics and space</a>" in company


def test_unknown_document_is_a_404_page(client: httpx.Client) -> None:
    response = client.get("/documents/%3Cscript%3E")
    assert response.status_code == 404
    assert_secure(response)
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text


def assert_inert(html: str) -> None:
    for hostile in (SCRIPT, IMG, SVG, "<script>", "<img", "<svg", "onerror=alert", "onload=al"):
        # Escaped forms contain "onerror=alert(1)" only after "&lt;img src=x ", never as markup.
        if hostile.startswith("on"):
            assert not re.search(rf"<[^>]*\s{hostile}", html), hostile
        else:
            assert hostile not in html, hostile
    assert "javascript:" not in html.lower()


def test_a_hostile_document_is_rendered_inert(client: httpx.Client) -> None:
    page = client.get("/documents/d90")
    assert page.status_code == 200
    assert_secure(page)
    html = page.text
    assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;svg onload=alert(1)&gt;" in html
    assert '<mark class="ent-ORG" title="Entreprise">Malveillance</mark>' in html
    assert 'class="original"' not in html  # the javascript: URL is not a link

    results = client.get("/search", params={"q": "piège"})
    assert total(results.text) == 1
    assert_inert(results.text)
    assert "&lt;script&gt;" in results.text
    assert_inert(client.get("/search", params={"q": "malveillance hostile"}).text)


def test_a_histogram_bar_is_a_date_facet(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "event:acquisition"}).text
    # The label is the reader's date ("14/03/2025"); the data attributes are the bucket's.
    bars = re.findall(
        r'<a class="bar" href="([^"]+)" data-period="([\d-]+)" data-count="(\d+)"', page
    )
    assert bars, "no histogram bar links"
    busiest = max(bars, key=lambda bar: int(bar[2]))
    href, bucket, count = unescape(busiest[0]), busiest[1], int(busiest[2])
    assert f"after:{bucket}" in unquote_plus(href)
    narrowed = client.get(href)
    assert narrowed.status_code == 200
    assert total(narrowed.text) == count
    assert 0 < count <= total(page)
