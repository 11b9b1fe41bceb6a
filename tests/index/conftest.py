"""Fixtures shared by the tests/index modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.index.es_helpers import FakeCluster


@pytest.fixture
def cluster() -> Iterator[Callable[[dict[str, Any]], FakeCluster]]:
    """Starts local servers answering like an Elasticsearch cluster; all stop after the test."""
    started: list[FakeCluster] = []

    def start(routes: dict[str, Any]) -> FakeCluster:
        fake = FakeCluster(routes)
        fake.server.start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.server.stop()
