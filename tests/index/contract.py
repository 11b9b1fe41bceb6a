"""The contract suite's backends, shared by test_contract.py and test_contract_results.py:
every backend (SQLite always; Elasticsearch when MYRTILLE_TEST_ELASTICSEARCH_URL is set)
holding the same corpus, through the parametrised ``backend`` fixture, and the ids a query
finds, in the backend and in the in-memory evaluator."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from myrtille.config.loading import load_settings
from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.factory import open_index
from myrtille.index.matching import matches
from myrtille.index.query import Node, parse
from myrtille.index.resolver import CodeResolver
from tests.index.corpus import CORPUS
from tests.run_environment import run_variable

ES_URL = run_variable("MYRTILLE_TEST_ELASTICSEARCH_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "elasticsearch",
        marks=pytest.mark.skipif(
            not ES_URL, reason="set MYRTILLE_TEST_ELASTICSEARCH_URL to run against a cluster"
        ),
    ),
]


def make_backend(kind: str, tmp_path: Path) -> IndexBackend:
    index = (
        {"backend": "sqlite", "url": f"sqlite:///{tmp_path / 'index.db'}"}
        if kind == "sqlite"
        else {
            "backend": "elasticsearch",
            "url": ES_URL,
            "name": f"myrtille-test-{uuid.uuid4().hex[:8]}",
            # The contract reads its writes at once.
            "refresh": "wait_for",
        }
    )
    settings_ = load_settings(None, env={}, overrides={"data_dir": str(tmp_path), "index": index})
    return open_index(settings_)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    index = make_backend(request.param, tmp_path)
    index.index(CORPUS)
    yield index
    index.clear()
    index.close()


def ids(backend: IndexBackend, query: str | Node, **options: object) -> set[str]:
    node = parse(query, CodeResolver()) if isinstance(query, str) else query
    result = backend.search(SearchRequest(query=node, per_page=100, **options))  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


def expected(query: str | Node) -> set[str]:
    node = parse(query, CodeResolver()) if isinstance(query, str) else query
    return {d.id for d in CORPUS if matches(node, d)}
