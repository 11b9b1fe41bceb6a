"""Every hostile feed of tests/corpora/feeds/ (manifest.json) through the real crawl, one
feed source per file in one crawl child, and through ``parse_feed`` in a child process
that measures each file: no crash, a named error where one is expected, stored text valid
UTF-8 within the caps, and no request to the canary (external entities, DTDs, XInclude,
stylesheets, links)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.corpora.build import manifest
from tests.security.checks import crawl_held, reader_held
from tests.security.corpus import CRAWL_PEAK_MB, CRAWL_SECONDS, CorpusCrawl, reader_runs

KIND = "feeds"
ENTRIES = manifest(KIND)


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    return reader_runs(KIND)


def test_the_corpus_is_large_enough() -> None:
    assert len(ENTRIES) >= 100


def test_the_corpus_crawl_is_bounded_and_reaches_no_canary(corpus_crawl: CorpusCrawl) -> None:
    assert corpus_crawl.canary_connections == 0
    assert corpus_crawl.result["seconds"] < CRAWL_SECONDS, corpus_crawl.result["seconds"]
    assert corpus_crawl.result["peak_mb"] < CRAWL_PEAK_MB, corpus_crawl.result["peak_mb"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_feed_is_read_or_refused_by_name(corpus_crawl: CorpusCrawl, entry: dict) -> None:
    crawl_held(corpus_crawl, KIND, entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_feed_parses_within_bounds(runs: dict[str, dict[str, Any]], entry: dict) -> None:
    reader_held(KIND, runs[str(entry["file"])])
