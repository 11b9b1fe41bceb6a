"""Elasticsearch beyond ``from + size``: every match of a query (exports), and deep pages.

A search stops at ``index.max_result_window`` (10,000 by default) with ``from + size``.
Both reads here go through a point in time (a frozen view of the index, so batches stay
consistent while documents arrive) and ``search_after`` on the sort values of the last
hit, with ``_shard_doc`` as the tiebreaker that makes every position unique. The point
in time is closed at the end, also when the reader stops early.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from myrtille.index.base import IndexedDocument
from myrtille.index.es_client import translated_errors
from myrtille.index.es_query import DATE_SORT, to_dsl
from myrtille.index.payload import from_payload
from myrtille.index.query import Node

log = logging.getLogger(__name__)

# Elasticsearch's default index.max_result_window: from + size may not go past it.
MAX_RESULT_WINDOW = 10_000
# How long the point in time outlives each request; every batch renews it.
KEEP_ALIVE = "2m"
TIEBREAKER: dict[str, Any] = {"_shard_doc": "asc"}


def scan_body(
    query: Node, as_of: int, pit_id: str, size: int, after: list[Any] | None
) -> dict[str, Any]:
    """One batch of a scan: date order (as ``sort="date"``), after the previous batch."""
    body: dict[str, Any] = {
        "query": {"bool": {"filter": [to_dsl(query), {"range": {"seq": {"lte": as_of}}}]}},
        "sort": [*DATE_SORT, TIEBREAKER],
        "size": size,
        "track_total_hits": False,
        "_source": ["payload"],
        "pit": {"id": pit_id, "keep_alive": KEEP_ALIVE},
    }
    if after is not None:
        body["search_after"] = after
    return body


class PointInTime:
    """An open point in time on ``alias``; its id may change with each answer."""

    def __init__(self, client: Elasticsearch, alias: str) -> None:
        self.client = client
        self.alias = alias
        with translated_errors("opening a point in time", alias):
            self.id = str(client.open_point_in_time(index=alias, keep_alive=KEEP_ALIVE)["id"])

    def search(self, body: dict[str, Any], action: str) -> dict[str, Any]:
        body = {**body, "pit": {"id": self.id, "keep_alive": KEEP_ALIVE}}
        with translated_errors(action, self.alias):
            # With a point in time the index is the one it names: no index in the path.
            response = self.client.search(body=body).body
        self.id = str(response.get("pit_id") or self.id)
        return response

    def close(self) -> None:
        try:
            self.client.close_point_in_time(id=self.id)
        except (ApiError, TransportError) as exc:
            # Not fatal to what was read: the cluster frees it after KEEP_ALIVE anyway.
            log.warning("could not close a point in time on '%s': %s", self.alias, exc)


def scan_matches(
    client: Elasticsearch, alias: str, query: Node, as_of: int, batch_size: int
) -> Iterator[IndexedDocument]:
    pit = PointInTime(client, alias)
    try:
        after: list[Any] | None = None
        while True:
            body = scan_body(query, as_of, pit.id, batch_size, after)
            hits = pit.search(body, "exporting search results")["hits"]["hits"]
            for raw in hits:
                yield from_payload(raw["_source"]["payload"])
            if len(hits) < batch_size:
                return
            after = list(hits[-1]["sort"])
    finally:
        pit.close()


def deep_search(client: Elasticsearch, alias: str, body: dict[str, Any]) -> dict[str, Any]:
    """The answer to a ``search_body`` whose ``from + size`` passes MAX_RESULT_WINDOW:
    the hits before the page are walked past by their sort values alone (no source,
    up to MAX_RESULT_WINDOW per request), then the page is asked for after the last."""
    sort = [*body["sort"], TIEBREAKER]
    walk = {"query": body["query"], "sort": sort, "_source": False, "track_total_hits": False}
    pit = PointInTime(client, alias)
    try:
        skip = int(body["from"])
        after: list[Any] | None = None
        while skip > 0:
            size = min(skip, MAX_RESULT_WINDOW)
            step = {**walk, "size": size, **({"search_after": after} if after else {})}
            hits = pit.search(step, "searching")["hits"]["hits"]
            if hits:
                after = list(hits[-1]["sort"])
            if len(hits) < size:
                break  # the page lies past the last match: it is empty
            skip -= size
        page = {k: v for k, v in body.items() if k != "from"} | {"sort": sort}
        if after is not None:
            page["search_after"] = after
        if skip > 0:
            # Fewer matches than the page's start: no hits, but the total and counts.
            page["size"] = 0
        return pit.search(page, "searching")
    finally:
        pit.close()
