"""The Elasticsearch backend at the request level: reads, searches, index creation and
migration, scans and deep pages, against a local server answering like a cluster.

Elasticsearch cannot run where Myrtille is developed, so these tests (and test_es_template,
test_es_query, test_es_search_body, test_elasticsearch_client) check what the backend sends
(template, bulk bodies, query DSL) against the semantics of
``matching.py``, and its behaviour against a local HTTP server that answers like a
cluster (retries, refusals, bulk item failures). The shared contract suite runs the
backend against a real cluster when MYRTILLE_TEST_ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import pytest

from myrtille.demo.httpserver import Route
from myrtille.exceptions import ConfigError
from myrtille.index.base import SearchRequest
from myrtille.index.es_mapping import (
    MAPPING_VERSION,
    bulk_actions,
    document_source,
    index_template,
)
from myrtille.index.es_query import search_body, to_dsl
from myrtille.index.query import (
    Text,
    parse,
)
from tests.index.es_helpers import (
    FakeCluster,
    backend,
    es_route,
    make_document,
    sequence,
)


def test_get_reads_the_payload(cluster: Callable[..., FakeCluster]) -> None:
    document = make_document()
    payload = bulk_actions("m", [document])[0]["_source"]["payload"]
    fake = cluster(
        {
            "/myrtille/_doc/doc-1": es_route(
                200, {"_id": "doc-1", "found": True, "_source": {"payload": payload}}
            ),
            "/myrtille/_doc/missing": es_route(404, {"_id": "missing", "found": False}),
        }
    )
    index = backend(fake)
    got = index.get("doc-1")
    assert got is not None and got.title == document.title
    assert got.published_at == datetime(2026, 1, 5, 9, 30, 12, tzinfo=UTC)
    assert index.get("missing") is None


def test_get_many_is_one_mget(cluster: Callable[..., FakeCluster]) -> None:
    document = make_document()
    payload = bulk_actions("m", [document])[0]["_source"]["payload"]
    answer = {
        "docs": [
            {
                "_index": "myrtille-1",
                "_id": "doc-1",
                "found": True,
                "_source": {"payload": payload},
            },
            {"_index": "myrtille-1", "_id": "missing", "found": False},
        ]
    }
    fake = cluster({"/myrtille/_mget": es_route(200, answer)})
    found = backend(fake).get_many(["doc-1", "missing", "doc-1"])
    assert list(found) == ["doc-1"] and found["doc-1"].title == document.title
    assert [(method, path) for method, path, _ in fake.bodies] == [("POST", "/myrtille/_mget")]
    assert fake.json_bodies("/myrtille/_mget") == [{"ids": ["doc-1", "missing"]}]
    assert "_source_includes=payload" in fake.requests[-1].query


def search_answer(payloads: list[dict[str, Any]], total: int) -> dict[str, Any]:
    return {
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "hits": [{"_id": p["id"], "_score": 2.5, "_source": {"payload": p}} for p in payloads],
        },
        "aggregations": {
            "facet_source": {"buckets": [{"key": "eco-regions", "doc_count": total}]},
            "histogram": {"buckets": [{"key_as_string": "2026-01", "doc_count": total}]},
        },
    }


def test_search_reads_as_of_then_searches(cluster: Callable[..., FakeCluster]) -> None:
    document = make_document()
    payload = bulk_actions("m", [document])[0]["_source"]["payload"]
    answers = [
        es_route(200, {"hits": {"hits": []}, "aggregations": {"seq": {"value": 1.7e15}}}),
        es_route(200, search_answer([payload], 1)),
    ]
    fake = cluster({"/myrtille/_search": sequence(*answers)})
    request = SearchRequest(
        parse("airbus -rumeur"), facets=("source",), histogram="month", per_page=5
    )
    result = backend(fake).search(request)
    first, second = fake.json_bodies("/myrtille/_search")
    assert first["aggs"] == {"seq": {"max": {"field": "seq"}}} and first["size"] == 0
    assert second == search_body(request, as_of=1_700_000_000_000_000)
    assert result.as_of == 1_700_000_000_000_000
    assert result.total == 1 and [h.id for h in result.hits] == ["doc-1"]
    assert result.hits[0].score == 2.5
    assert "<mark>Airbus</mark>" in result.hits[0].snippet
    assert [(f.value, f.count) for f in result.facets["source"]] == [("eco-regions", 1)]
    assert result.histogram == [("2026-01", 1)]


def test_search_snippet_marks_the_phrase_whole_around_the_best_match(
    cluster: Callable[..., FakeCluster],
) -> None:
    text = (
        "Airbus annonce de bons chiffres ; la levée des fonds de garantie de la région. "
        + "Le marché de l'aéronautique de la région reste animé. " * 50
        + "Airbus prépare une levée de fonds de 2 milliards auprès de ses banques. "
        + "Le marché de l'aéronautique de la région reste animé. " * 20
    )
    payload = bulk_actions("m", [make_document(text=text)])[0]["_source"]["payload"]
    fake = cluster({"/myrtille/_search": es_route(200, search_answer([payload], 1))})
    request = SearchRequest(parse('airbus "levée de fonds"'), as_of=5)
    [found] = backend(fake).search(request).hits
    # Snippets are built here from the stored text, the same for both backends: the
    # cluster is asked for no highlighting of its own.
    (body,) = fake.json_bodies("/myrtille/_search")
    assert "highlight" not in body
    assert "<mark>levée de fonds</mark>" in found.snippet, found.snippet
    assert "<mark>de</mark>" not in found.snippet and "<mark>levée</mark>" not in found.snippet
    assert "<mark>Airbus</mark> prépare" in found.snippet
    assert found.snippet.startswith("…")


def test_search_with_as_of_skips_the_lookup(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster({"/myrtille/_search": es_route(200, search_answer([], 0))})
    result = backend(fake).search(SearchRequest(Text(("airbus",)), sort="date", as_of=99))
    assert result.as_of == 99 and result.total == 0
    assert len(fake.requests) == 1
    (body,) = fake.json_bodies("/myrtille/_search")
    assert body["query"]["bool"]["filter"][1] == {"range": {"seq": {"lte": 99}}}


# -- index creation and migration -----------------------------------------------------


def test_create_makes_the_versioned_index_behind_the_alias(
    cluster: Callable[..., FakeCluster],
) -> None:
    missing = {"error": "alias [myrtille] missing", "status": 404}
    fake = cluster(
        {
            "/_index_template/myrtille-template": es_route(200, {"acknowledged": True}),
            "/_alias/myrtille": es_route(404, missing),
            "/myrtille": es_route(404, {}),
            "/myrtille-v2": es_route(200, {"acknowledged": True, "index": "myrtille-v2"}),
        }
    )
    backend(fake).create()
    assert [(r.method, r.path) for r in fake.requests] == [
        ("PUT", "/_index_template/myrtille-template"),
        ("HEAD", "/_alias/myrtille"),
        ("HEAD", "/myrtille"),
        ("PUT", "/myrtille-v2"),
    ]
    (template,) = fake.json_bodies("/_index_template/myrtille-template")
    assert template == json.loads(json.dumps(index_template("myrtille")))
    (created,) = fake.json_bodies("/myrtille-v2")
    assert created["aliases"] == {"myrtille": {}}
    assert created["mappings"]["_meta"] == {"mapping_version": 2}


def test_create_migrates_an_older_mapping(cluster: Callable[..., FakeCluster]) -> None:
    """Mapping 1 held lemmas, mapping 2 stems computed in Python: every document is read
    back from its payload and written anew with its stems, its id and its ``seq``."""
    old = make_document(title="Les usines ferment", text="Trois usines ferment.")
    stored = {"payload": json.loads(json.dumps(document_source(old, 7)["payload"])), "seq": 7}
    shards = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
    first_page = {
        "_scroll_id": "scroll-1",
        "_shards": shards,
        "hits": {"total": {"value": 1}, "hits": [{"_id": old.id, "_source": stored}]},
    }
    bulk = {"errors": False, "items": [{"index": {"_id": old.id, "status": 201}}]}
    fake = cluster(
        {
            "/_index_template/myrtille-template": es_route(200, {"acknowledged": True}),
            "/_alias/myrtille": es_route(200, {"myrtille-v1": {"aliases": {"myrtille": {}}}}),
            "/myrtille-v2": es_route(200, {"acknowledged": True}),
            "/myrtille-v1/_search": es_route(200, first_page),
            "/_search/scroll": sequence(
                es_route(200, {"_scroll_id": "scroll-1", "_shards": shards, "hits": {"hits": []}}),
                es_route(200, {"succeeded": True, "num_freed": 1}),
            ),
            "/_bulk": es_route(200, bulk),
            "/myrtille-v2/_refresh": es_route(200, {}),
            "/_aliases": es_route(200, {"acknowledged": True}),
        }
    )
    backend(fake).create()
    calls = [(r.method, r.path) for r in fake.requests]
    assert calls[:4] == [
        ("PUT", "/_index_template/myrtille-template"),
        ("HEAD", "/_alias/myrtille"),
        ("GET", "/_alias/myrtille"),
        ("PUT", "/myrtille-v2"),
    ]
    assert ("POST", "/myrtille-v1/_search") in calls and ("PUT", "/_bulk") in calls
    # The alias moves last, once every document is in the new index.
    assert calls[-2:] == [("POST", "/myrtille-v2/_refresh"), ("POST", "/_aliases")]
    (created,) = fake.json_bodies("/myrtille-v2")
    assert "aliases" not in created  # the alias moves only once the copy is complete
    [bulk_body] = [body for _, path, body in fake.bodies if path == "/_bulk"]
    action, source = (json.loads(line) for line in bulk_body.decode().splitlines())
    assert action == {"index": {"_index": "myrtille-v2", "_id": old.id}}
    assert source["seq"] == 7 and "title_lemmas" not in source
    assert source["title_stems_fr"] == "le usin ferment"
    (aliases,) = fake.json_bodies("/_aliases")
    assert aliases == {
        "actions": [
            {"remove": {"index": "myrtille-v1", "alias": "myrtille"}},
            {"add": {"index": "myrtille-v2", "alias": "myrtille"}},
        ]
    }


def test_create_is_idempotent_and_refuses_newer_indexes(
    cluster: Callable[..., FakeCluster],
) -> None:
    current = {f"myrtille-v{MAPPING_VERSION}": {"aliases": {"myrtille": {}}}}
    fake = cluster(
        {
            "/_index_template/myrtille-template": es_route(200, {"acknowledged": True}),
            "/_alias/myrtille": es_route(200, current),
        }
    )
    backend(fake).create()
    assert fake.requests[-1].path == "/_alias/myrtille"  # nothing created, nothing moved
    fake.server.routes["/_alias/myrtille"] = es_route(200, {"myrtille-v9": {}})
    with pytest.raises(ConfigError, match="myrtille-v9"):
        backend(fake).create()


def test_scan_walks_a_point_in_time_with_search_after_and_closes_it(
    cluster: Callable[..., FakeCluster],
) -> None:
    payloads = [
        bulk_actions("m", [make_document(id=f"doc-{n}")])[0]["_source"]["payload"] for n in range(5)
    ]

    def batch(numbers: range, pit: str) -> Route:
        hits = [
            {"_id": f"doc-{n}", "_source": {"payload": payloads[n]}, "sort": [100 - n, n, n]}
            for n in numbers
        ]
        return es_route(200, {"pit_id": pit, "hits": {"hits": hits}})

    fake = cluster(
        {
            "/myrtille/_pit": es_route(200, {"id": "pit-0"}),
            "/_search": sequence(
                batch(range(0, 2), "pit-1"),
                batch(range(2, 4), "pit-2"),
                batch(range(4, 5), "pit-3"),
            ),
            "/_pit": es_route(200, {"succeeded": True, "num_freed": 1}),
        }
    )
    query = parse("airbus -rumeur")
    scanned = [d.id for d in backend(fake).scan(query, as_of=42, batch_size=2)]
    assert scanned == [f"doc-{n}" for n in range(5)]
    opened = [r for r in fake.requests if r.path == "/myrtille/_pit"]
    assert len(opened) == 1 and parse_qs(opened[0].query)["keep_alive"] == ["2m"]
    first, second, third = fake.json_bodies("/_search")
    assert first["query"] == {"bool": {"filter": [to_dsl(query), {"range": {"seq": {"lte": 42}}}]}}
    # Date order as sort="date", with the shard-doc tiebreaker; each batch after the last
    # hit's sort values, through the point in time the previous answer named.
    assert first["sort"][-1] == {"_shard_doc": "asc"} and first["size"] == 2
    assert "search_after" not in first and first["pit"]["id"] == "pit-0"
    assert second["search_after"] == [99, 1, 1] and second["pit"]["id"] == "pit-1"
    assert third["search_after"] == [97, 3, 3] and third["pit"]["id"] == "pit-2"
    assert "from" not in first and first["track_total_hits"] is False
    # No index in a point-in-time search's path; the point in time is closed at the end.
    assert fake.json_bodies("/_pit") == [{"id": "pit-3"}]
    assert [r.method for r in fake.requests if r.path == "/_pit"] == ["DELETE"]


def test_a_scan_stopped_early_still_closes_its_point_in_time(
    cluster: Callable[..., FakeCluster],
) -> None:
    payload = bulk_actions("m", [make_document()])[0]["_source"]["payload"]
    hits = [{"_id": "doc-1", "_source": {"payload": payload}, "sort": [1, 1, 1]}] * 2
    fake = cluster(
        {
            "/myrtille/_pit": es_route(200, {"id": "pit-0"}),
            "/_search": es_route(200, {"hits": {"hits": hits}}),
            "/_pit": es_route(200, {"succeeded": True}),
        }
    )
    scan = backend(fake).scan(Text(("airbus",)), as_of=1, batch_size=2)
    next(scan)
    scan.close()  # type: ignore[attr-defined]
    assert fake.json_bodies("/_pit") == [{"id": "pit-0"}]


def test_pages_past_the_result_window_walk_with_search_after(
    cluster: Callable[..., FakeCluster],
) -> None:
    payload = bulk_actions("m", [make_document()])[0]["_source"]["payload"]
    walked = [{"_id": f"w{n}", "sort": [2.5, n, 0, n]} for n in range(10_000)]
    page = search_answer([payload], 12_345)
    fake = cluster(
        {
            "/myrtille/_pit": es_route(200, {"id": "pit-0"}),
            "/_search": sequence(
                es_route(200, {"hits": {"hits": walked}}),
                es_route(200, {"hits": {"hits": walked[:300]}}),
                es_route(200, page),
            ),
            "/_pit": es_route(200, {"succeeded": True}),
        }
    )
    request = SearchRequest(parse("airbus"), page=104, per_page=100, facets=("source",), as_of=7)
    result = backend(fake).search(request)
    assert result.total == 12_345 and [h.id for h in result.hits] == ["doc-1"]
    assert [(f.value, f.count) for f in result.facets["source"]] == [("eco-regions", 12_345)]
    first, second, last = fake.json_bodies("/_search")
    # 10,300 hits to pass: 10,000 then 300, by their sort values only.
    assert first["size"] == 10_000 and first["_source"] is False and "search_after" not in first
    assert second["size"] == 300 and second["search_after"] == [2.5, 9_999, 0, 9_999]
    expected = search_body(request, as_of=7)
    assert "from" not in last and last["search_after"] == [2.5, 299, 0, 299]
    assert last["sort"] == [*expected["sort"], {"_shard_doc": "asc"}]
    assert last["query"] == expected["query"] == first["query"]
    assert last["aggs"] == expected["aggs"] and last["size"] == 100
    assert fake.json_bodies("/_pit") == [{"id": "pit-0"}]


def test_pages_within_the_window_keep_from_and_size(cluster: Callable[..., FakeCluster]) -> None:
    fake = cluster({"/myrtille/_search": es_route(200, search_answer([], 0))})
    backend(fake).search(SearchRequest(parse("airbus"), page=100, per_page=100, as_of=7))
    (body,) = fake.json_bodies("/myrtille/_search")
    assert body["from"] == 9_900 and body["size"] == 100 and "pit" not in body


def test_a_deep_page_past_the_last_match_is_empty_not_an_error(
    cluster: Callable[..., FakeCluster],
) -> None:
    """Page 120 of 100 on 10,200 matches: the walk runs out before the page's start, so
    the page is asked with size 0 (total and facets, no hits) and the point in time
    closed."""
    walked = [{"_id": f"w{n}", "sort": [2.5, n, 0, n]} for n in range(10_000)]
    fake = cluster(
        {
            "/myrtille/_pit": es_route(200, {"id": "pit-0"}),
            "/_search": sequence(
                es_route(200, {"hits": {"hits": walked}}),
                es_route(200, {"hits": {"hits": walked[:200]}}),
                es_route(200, search_answer([], 10_200)),
            ),
            "/_pit": es_route(200, {"succeeded": True}),
        }
    )
    request = SearchRequest(parse("airbus"), page=120, per_page=100, facets=("source",), as_of=7)
    result = backend(fake).search(request)
    assert result.total == 10_200 and result.hits == []
    first, second, last = fake.json_bodies("/_search")
    assert first["size"] == 10_000 and second["size"] == 1_900
    assert second["search_after"] == [2.5, 9_999, 0, 9_999]
    assert last["size"] == 0 and last["search_after"] == [2.5, 199, 0, 199]
    assert "from" not in last and last["aggs"] == search_body(request, as_of=7)["aggs"]
    assert fake.json_bodies("/_pit") == [{"id": "pit-0"}]
