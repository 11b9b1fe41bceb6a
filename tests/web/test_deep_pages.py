"""Deep pages on the default backend (issue 13.5): pages past the 10,000th result of the
API and of the search page answer their documents, as on Elasticsearch
(tests/index/test_elasticsearch_requests.py walks those with search_after).

10,050 documents dated one minute apart are written to a real SQLite index behind a real
server; the n-th newest is known from its date alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from html import unescape

import pytest

from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from tests.web.conftest import NOW, Live, start_live

COUNT = 10_050


def numbered(n: int) -> IndexedDocument:
    """The n-th newest document (n from 0)."""
    return IndexedDocument(
        id=f"deep-{n:05d}",
        url=f"https://deep.example/{n}",
        title=f"Profondeur numéro {n}",
        text=f"La fonderie {n} relance sa coulée.",
        source="eco-regions",
        language="fr",
        published_at=NOW - timedelta(days=400, minutes=n),
        collected_at=NOW - timedelta(days=400, minutes=n),
    )


@pytest.fixture(scope="module")
def deep(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("deep") / "data") as running:
        index = open_index(running.settings)
        for start in range(0, COUNT, 2_000):
            index.index([numbered(n) for n in range(start, min(start + 2_000, COUNT))])
        index.close()
        yield running


def test_api_pages_past_ten_thousand_results(deep: Live) -> None:
    with deep.client(deep.key) as api:
        last = api.get("/api/v1/search", params={"q": "fonderie", "sort": "date", "page": 503})
        wide = api.get(
            "/api/v1/search",
            params={"q": "fonderie", "sort": "date", "page": 101, "per_page": 100},
        )
        beyond = api.get("/api/v1/search", params={"q": "fonderie", "sort": "date", "page": 600})
    assert last.status_code == 200, last.text
    assert last.json()["total"] == COUNT
    # Page 503 of 20 holds results 10,041 to 10,050.
    assert [hit["id"] for hit in last.json()["hits"]] == [
        f"deep-{n:05d}" for n in range(10_040, COUNT)
    ]
    assert wide.status_code == 200, wide.text
    assert [hit["id"] for hit in wide.json()["hits"]] == [
        f"deep-{n:05d}" for n in range(10_000, COUNT)
    ]
    # Past the last result: an empty page, not an error.
    assert beyond.status_code == 200 and beyond.json()["hits"] == []


def test_search_page_past_ten_thousand_results(deep: Live) -> None:
    with deep.client() as browser:
        page = browser.get("/search", params={"q": "fonderie", "sort": "date", "page": 502})
    assert page.status_code == 200, page.text
    titles = [unescape(t) for t in re.findall(r'<a class="title"[^>]*>([^<]*)</a>', page.text)]
    # Page 502 of 20 holds results 10,021 to 10,040.
    assert titles == [f"Profondeur numéro {n}" for n in range(10_020, 10_040)]
    assert 'rel="next"' in page.text and 'rel="prev"' in page.text
