"""Every hostile records answer of tests/corpora/opendata/ through the real crawl (one
open-data source per file, BODACC preset) and through the record mapping in a child
process: wrong types, missing fields, deep nesting, markup, lone surrogates and record
URLs aimed at the canary or at other schemes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.corpora.build import manifest
from tests.security.checks import crawl_held, reader_held
from tests.security.corpus import CorpusCrawl, reader_runs, source_id

KIND = "opendata"
ENTRIES = manifest(KIND)


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    return reader_runs(KIND)


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_answer_is_read_or_refused_by_name(corpus_crawl: CorpusCrawl, entry: dict) -> None:
    crawl_held(corpus_crawl, KIND, entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=[str(e["file"]) for e in ENTRIES])
def test_each_answer_maps_within_bounds(runs: dict[str, dict[str, Any]], entry: dict) -> None:
    reader_held(KIND, runs[str(entry["file"])])


def test_a_lone_surrogate_or_nul_no_longer_loses_the_notice(corpus_crawl: CorpusCrawl) -> None:
    # Regression (issue 15): "\\ud800" made the intake refuse the record, "\\u0000" was
    # stored as is (and refused by PostgreSQL).
    [surrogates] = corpus_crawl.stored_by(source_id(KIND, "opendata/ods-lone-surrogates.json"))
    assert "\ufffd seul" in surrogates.title
    [escapes] = corpus_crawl.stored_by(source_id(KIND, "opendata/ods-escapes.json"))
    assert "NUL" in escapes.title and "\x00" not in escapes.title + escapes.text


def test_record_urls_to_the_canary_or_other_schemes_are_not_kept(
    corpus_crawl: CorpusCrawl,
) -> None:
    stored = corpus_crawl.stored_by(source_id(KIND, "opendata/ods-urls.json"))
    assert len(stored) == 5
    assert all(d.url.startswith(corpus_crawl.base_url + "/") for d in stored), [
        d.url for d in stored
    ]
