"""The Elasticsearch client against a local server answering like a cluster: settings,
retries, refusals, bulk writes and their item failures, deletes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import pytest

from myrtille.config.settings import IndexSettings
from myrtille.demo.httpserver import RouteServer
from myrtille.exceptions import ConfigError, ItemError, TransientError
from myrtille.index.elasticsearch import ElasticsearchIndex
from myrtille.index.es_errors import BulkItemsFailed, ElasticsearchError
from myrtille.index.query import (
    words_of,
)
from tests.index.es_helpers import (
    ES_400,
    ES_503,
    FakeCluster,
    backend,
    es_route,
    make_document,
    sequence,
)


def test_settings_make_the_client() -> None:
    index = ElasticsearchIndex.from_settings(
        IndexSettings(
            url="https://search.internal:9200",
            name="watch",
            api_key="key-id:secret",
            max_retries=4,
            timeout="20s",
        )
    )
    client: Any = index.client  # the client keeps its per-request options privately
    assert index.alias == "watch" and index.max_retries == 4
    assert client._max_retries == 4
    assert client._retry_on_timeout is True
    assert tuple(client._retry_on_status) == (429, 502, 503, 504)
    assert client._request_timeout == 20
    assert client._retry_backoff_base > 0 and client._retry_backoff_cap > 0
    assert "authorization" in {k.lower() for k in index.client._headers}
    with pytest.raises(ConfigError):
        ElasticsearchIndex.from_settings(
            IndexSettings(url="http://search.internal:9200", ca_certs="/tmp/ca.pem")
        )


def test_transient_statuses_are_retried(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster(
        {
            "/myrtille/_count": sequence(
                es_route(503, ES_503), es_route(503, ES_503), es_route(200, {"count": 12})
            )
        }
    )
    assert backend(fake).count() == 12
    assert [r.path for r in fake.requests] == ["/myrtille/_count"] * 3


def test_transient_statuses_give_up_after_max_retries(
    cluster: Callable[..., FakeCluster],
) -> None:
    fake = cluster({"/myrtille/_count": es_route(503, ES_503)})
    with pytest.raises(TransientError, match="503 unavailable_shards_exception"):
        backend(fake, max_retries=1).count()
    assert len(fake.requests) == 2


def test_client_errors_are_not_retried(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster({"/myrtille/_count": es_route(400, ES_400)})
    with pytest.raises(ElasticsearchError) as caught:
        backend(fake).count()
    assert len(fake.requests) == 1
    assert caught.value.status == 400
    # Why 8.x servers are out of reach of the 9.x client (docs/elasticsearch.md).
    assert "compatible-with=9" in fake.requests[0].headers["accept"]
    assert "parsing_exception: unknown query [matchh]" in str(caught.value)
    assert not isinstance(caught.value, TransientError | ItemError)


def test_refused_credentials_are_a_configuration_error(
    cluster: Callable[..., FakeCluster],
) -> None:
    body = {"error": {"type": "security_exception", "reason": "unable to authenticate"}}
    fake = cluster({"/myrtille/_count": es_route(401, body)})
    with pytest.raises(ConfigError, match="security_exception"):
        backend(fake, api_key="bad").count()
    assert len(fake.requests) == 1
    assert fake.requests[0].headers["authorization"] == "ApiKey bad"


def test_unreachable_cluster_is_transient() -> None:
    with RouteServer() as server:
        url = server.base_url  # a port that was open and is now closed
    settings = IndexSettings(url=url, max_retries=0, timeout="2s")
    with pytest.raises(TransientError, match="unreachable"):
        ElasticsearchIndex.from_settings(settings).count()


def bulk_answer(*items: tuple[str, int, dict[str, Any] | None]) -> dict[str, Any]:
    answer: list[dict[str, Any]] = []
    for doc_id, status, error in items:
        item: dict[str, Any] = {"_index": "myrtille-v1", "_id": doc_id, "status": status}
        if error:
            item["error"] = error
        else:
            item["result"] = "created"
        answer.append({"index": item})
    return {"errors": any(e for _, _, e in items), "took": 3, "items": answer}


MAPPING_ERROR = {
    "type": "document_parsing_exception",
    "reason": "[1:2] failed to parse field [date] of type [date]",
}


def test_bulk_item_failure_names_the_id(cluster: Callable[..., FakeCluster]) -> None:
    answer = bulk_answer(("a", 201, None), ("b", 400, MAPPING_ERROR), ("c", 201, None))
    fake = cluster({"/_bulk": es_route(200, answer)})
    documents = [make_document(id=i) for i in "abc"]
    with pytest.raises(BulkItemsFailed) as caught:
        backend(fake).index(documents)
    assert isinstance(caught.value, ItemError)
    assert [(f.id, f.status) for f in caught.value.failures] == [("b", 400)]
    assert caught.value.written == 2
    assert "b: document_parsing_exception: [1:2] failed to parse field [date]" in str(caught.value)
    assert len(fake.requests) == 1  # an item refused for its content is not retried
    request = fake.requests[0]
    assert request.method in ("POST", "PUT")
    # Production asks nothing of the refresh (index.refresh: false).
    assert "refresh" not in parse_qs(request.query)
    lines = [json.loads(line) for line in fake.bodies[0][2].splitlines()]
    assert lines[0] == {"index": {"_index": "myrtille", "_id": "a"}}
    assert lines[1]["title_words"] == " ".join(words_of(documents[0].title))


def test_bulk_items_rejected_for_a_full_queue_are_retried(
    cluster: Callable[..., FakeCluster], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("myrtille.index.elasticsearch.BULK_INITIAL_BACKOFF", 0.01)
    rejected = {"type": "es_rejected_execution_exception", "reason": "queue full"}
    fake = cluster(
        {
            "/_bulk": sequence(
                es_route(200, bulk_answer(("a", 201, None), ("b", 429, rejected))),
                es_route(200, bulk_answer(("b", 201, None))),
            )
        }
    )
    assert backend(fake).index([make_document(id="a"), make_document(id="b")]) == 2
    retried = [json.loads(line) for line in fake.bodies[1][2].splitlines()]
    assert retried[0] == {"index": {"_index": "myrtille", "_id": "b"}}


def test_bulk_request_failing_for_good_is_transient(
    cluster: Callable[..., FakeCluster],
) -> None:
    fake = cluster({"/_bulk": es_route(503, ES_503)})
    with pytest.raises(TransientError, match="not written: a"):
        backend(fake, max_retries=1).index([make_document(id="a")])


def test_delete_counts_removed_documents(cluster: Callable[..., FakeCluster]) -> None:
    answer = {
        "errors": False,
        "items": [
            {"delete": {"_id": "a", "status": 200, "result": "deleted"}},
            {"delete": {"_id": "zz", "status": 404, "result": "not_found"}},
        ],
    }
    fake = cluster({"/_bulk": es_route(200, answer)})
    assert backend(fake).delete(["a", "zz"]) == 1
    lines = [json.loads(line) for line in fake.bodies[0][2].splitlines()]
    assert lines == [
        {"delete": {"_index": "myrtille", "_id": "a"}},
        {"delete": {"_index": "myrtille", "_id": "zz"}},
    ]


@pytest.mark.parametrize("refresh", ["wait_for", "true"])
def test_bulk_writes_ask_for_the_configured_refresh(
    cluster: Callable[..., FakeCluster], refresh: str
) -> None:
    # Tests that read their writes, not production, ask bulk writes to wait for a refresh.
    fake = cluster({"/_bulk": es_route(200, bulk_answer(("a", 201, None)))})
    assert backend(fake, refresh=refresh).index([make_document(id="a")]) == 1
    assert parse_qs(fake.requests[0].query)["refresh"] == [refresh]


# -- every match, and deep pages: point in time + search_after --------------------------
