"""Retention on Elasticsearch at the request level: what the backend sends to delete old
documents and to compact, against a local server answering like a cluster."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs

import pytest

from myrtille.exceptions import TransientError
from tests.index.es_helpers import ES_503, FakeCluster, backend, es_route

CUTOFF = datetime(2025, 3, 1, 6, 30, tzinfo=UTC)


def test_delete_older_than_is_one_delete_by_query_on_the_filed_date(
    cluster: Callable[..., FakeCluster],
) -> None:
    fake = cluster({"/myrtille/_delete_by_query": es_route(200, {"deleted": 7, "failures": []})})
    assert backend(fake).delete_older_than(CUTOFF, keep=["kept-1", "kept-2"]) == 7
    [body] = fake.json_bodies("/myrtille/_delete_by_query")
    assert body == {
        "query": {
            "bool": {
                "filter": [{"range": {"date": {"lt": "2025-03-01T06:30:00Z"}}}],
                "must_not": [{"ids": {"values": ["kept-1", "kept-2"]}}],
            }
        }
    }
    [request] = [r for r in fake.requests if r.path == "/myrtille/_delete_by_query"]
    params = parse_qs(request.query)
    # Documents changed meanwhile are skipped, not an error; the answer waits for the end
    # and the deletions are searchable once it returns.
    assert params["conflicts"] == ["proceed"]
    assert params["refresh"] == ["true"]
    assert params["wait_for_completion"] == ["true"]


def test_delete_older_than_without_kept_ids_is_a_plain_range(
    cluster: Callable[..., FakeCluster],
) -> None:
    fake = cluster({"/myrtille/_delete_by_query": es_route(200, {"deleted": 0})})
    assert backend(fake).delete_older_than(CUTOFF) == 0
    [body] = fake.json_bodies("/myrtille/_delete_by_query")
    assert body == {"query": {"range": {"date": {"lt": "2025-03-01T06:30:00Z"}}}}


def test_a_busy_cluster_is_a_transient_error(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster({"/myrtille/_delete_by_query": es_route(503, ES_503)})
    with pytest.raises(TransientError, match="deleting old documents"):
        backend(fake, max_retries=0).delete_older_than(CUTOFF)


def test_forcemerge_only_when_asked(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster({"/myrtille/_forcemerge": es_route(200, {"_shards": {"failed": 0}})})
    index = backend(fake)
    index.optimise()
    assert fake.requests == [] and fake.bodies == []
    index.optimise(forcemerge=True)
    [request] = fake.requests
    assert request.path == "/myrtille/_forcemerge"
    assert parse_qs(request.query) == {"only_expunge_deletes": ["true"]}
