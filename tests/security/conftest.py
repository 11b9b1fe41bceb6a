"""The corpus crawl, shared by the corpus test modules of one session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.security.corpus import CorpusCrawl, crawl_corpus


@pytest.fixture(scope="session")
def corpus_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusCrawl]:
    yield from crawl_corpus(tmp_path_factory.mktemp("corpus") / "data")
