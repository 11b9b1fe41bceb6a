"""Every hostile article page of tests/corpora/html/ fetched by the real crawl (a feed
whose entries lead to each page) and through Scrapy's decoding and ``extract_article``
in a child process that measures each page: no crash, stored text valid UTF-8 within the
caps, and nothing fetched from the canary (images, scripts, frames, stylesheets,
canonical, base and refresh URLs)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.corpora.build import manifest
from tests.security.checks import documents_held, reader_held
from tests.security.corpus import CorpusCrawl, crash_in, reader_runs

KIND = "html"
ENTRIES = manifest(KIND)


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    return reader_runs(KIND)


def test_the_page_crawl_finishes_without_a_crash(corpus_crawl: CorpusCrawl) -> None:
    outcome = corpus_crawl.result["outcomes"]["html-pages"]
    assert crash_in(outcome) is None, crash_in(outcome)
    assert outcome["error"] is None, outcome["error"]
    assert outcome["found"] == len(ENTRIES)
    assert corpus_crawl.canary_connections == 0


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_page_is_stored_valid_or_not_at_all(corpus_crawl: CorpusCrawl, entry: dict) -> None:
    url = f"{corpus_crawl.base_url}/{entry['file']}"
    documents_held([d for u, d in corpus_crawl.documents.items() if u == url], entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_page_is_extracted_within_bounds(runs: dict[str, dict[str, Any]], entry: dict) -> None:
    reader_held(KIND, runs[str(entry["file"])])
