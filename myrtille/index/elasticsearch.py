"""The Elasticsearch index: the same semantics as the SQLite backend, on a cluster.

Like SQLite, Elasticsearch never splits, folds or stems the words that decide a match:
the words of ``words_of`` and their stems (``stems.py``) are stored space-separated and
indexed with a whitespace-only analyzer, so ``match_phrase`` sees exactly the words the
in-memory evaluator sees. The French and English analyzers only feed relevance scoring.
Structured fields are keyword fields holding ``matching.field_values``.

The index is ``<name>-v<MAPPING_VERSION>`` behind the alias ``<name>``; ``create()``
migrates an older version by writing every document anew from its stored payload (the
words' stems are computed in Python) and moving the alias atomically.

Written with the 9.x client (``pip install 'myrtille[elasticsearch]'``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import chain
from typing import TYPE_CHECKING, Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import scan, streaming_bulk

from myrtille.exceptions import ConfigError
from myrtille.index.base import (
    GET_MANY_BATCH,
    SCAN_BATCH,
    Hit,
    IndexBackend,
    IndexedDocument,
    SearchRequest,
    SearchResult,
)
from myrtille.index.es_client import cluster_client, translated_errors
from myrtille.index.es_errors import (
    BulkItemsFailed,
    ElasticsearchError,
    IndexUnavailable,
    ItemFailure,
    error_reason,
    error_type,
    item_reason,
)
from myrtille.index.es_mapping import (
    BULK_INITIAL_BACKOFF,
    LONG_REQUEST_TIMEOUT,
    MAPPING_VERSION,
    RETRY_STATUSES,
    bulk_actions,
    es_date,
    index_template,
    template_name,
    versioned_index,
)
from myrtille.index.es_query import DATE_SORT, read_facets, read_histogram, search_body
from myrtille.index.es_scan import MAX_RESULT_WINDOW, deep_search, scan_matches
from myrtille.index.payload import from_payload
from myrtille.index.query import Node
from myrtille.index.snippets import hit, query_terms

if TYPE_CHECKING:
    from myrtille.config.settings import IndexSettings


class ElasticsearchIndex(IndexBackend):
    name = "elasticsearch"

    def __init__(
        self,
        client: Elasticsearch,
        alias: str = "myrtille",
        max_retries: int = 3,
        refresh: bool | str = False,
    ):
        self.client = client
        self.alias = alias
        self.max_retries = max_retries
        # What bulk writes ask of the refresh (``index.refresh``): nothing by default,
        # the cluster's own refresh interval makes them searchable.
        self.refresh = refresh

    @classmethod
    def from_settings(cls, settings: IndexSettings) -> ElasticsearchIndex:
        return cls(cluster_client(settings), settings.name, settings.max_retries, settings.refresh)

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        with translated_errors(action, self.alias):
            yield

    # -- structures --------------------------------------------------------------------

    def create(self) -> None:
        """Put the template; create ``<name>-v<version>`` behind the alias, or migrate
        the index an older version made (reindex, then move the alias atomically).
        The old index is kept: delete it once the new one is checked."""
        target = versioned_index(self.alias)
        with self._errors("creating the index"):
            self.client.indices.put_index_template(
                name=template_name(self.alias), **index_template(self.alias)
            )
            current = self._alias_targets()
            if not current:
                if self.client.indices.exists(index=self.alias):
                    raise ConfigError(
                        f"'{self.alias}' is an index, not an alias",
                        key="index.name",
                        hint="choose another index.name, or reindex it and delete it",
                    )
                self._create_index(target, alias=True)
                return
            if len(current) > 1:
                raise ConfigError(
                    f"the alias '{self.alias}' points to several indexes: {sorted(current)}",
                    key="index.name",
                    hint="leave exactly one index behind the alias",
                )
            (old,) = current
            if old == target:
                return
            match = re.fullmatch(re.escape(self.alias) + r"-v(\d+)", old)
            if match is None or int(match.group(1)) > MAPPING_VERSION:
                raise ConfigError(
                    f"the alias '{self.alias}' points to '{old}', which this version of "
                    f"Myrtille (mapping version {MAPPING_VERSION}) did not make",
                    key="index.name",
                    hint="upgrade Myrtille, or use another index.name",
                )
            self._migrate(old, target)

    def _alias_targets(self) -> list[str]:
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return list(self.client.indices.get_alias(name=self.alias).body)

    def _create_index(self, index: str, *, alias: bool) -> None:
        template = index_template(self.alias)["template"]
        try:
            # Settings and mappings again in the request: a foreign template of higher
            # priority matching the name must not change them.
            self.client.indices.create(
                index=index,
                settings=template["settings"],
                mappings=template["mappings"],
                aliases={self.alias: {}} if alias else None,
            )
        except ApiError as exc:
            # Another process created it first (or a migration was interrupted).
            if error_type(exc) != "resource_already_exists_exception":
                raise
            if alias:
                self.client.indices.put_alias(index=index, name=self.alias)

    def _migrate(self, old: str, new: str) -> None:
        self._create_index(new, alias=False)
        # Every document is written anew from its payload, keeping its id and ``seq``:
        # the streams (stems) are computed in Python, which a server-side reindex cannot.
        # Documents written to the alias meanwhile go to the old index, so migrate with
        # the pipeline stopped.
        stored = scan(
            self.client.options(request_timeout=LONG_REQUEST_TIMEOUT),
            index=old,
            query={"query": {"match_all": {}}, "_source": ["payload", "seq"], "size": SCAN_BATCH},
        )
        failures: list[ItemFailure] = []
        documents: list[IndexedDocument] = []
        seqs: list[int] = []
        for item in chain(stored, [None]):
            if item is not None:
                documents.append(from_payload(item["_source"]["payload"]))
                seqs.append(int(item["_source"]["seq"]))
            if documents and (item is None or len(documents) >= SCAN_BATCH):
                _, failed = self._run_bulk(bulk_actions(new, documents, seqs), "migrating")
                failures += failed
                documents, seqs = [], []
        if failures:
            raise ElasticsearchError(
                f"migrating '{old}' to '{new}' failed for {len(failures)} document(s): "
                f"{[(f.id, f.reason) for f in failures[:5]]}"
            )
        with self._errors("migrating"):
            self.client.indices.refresh(index=new)
        self.client.indices.update_aliases(
            actions=[
                {"remove": {"index": old, "alias": self.alias}},
                {"add": {"index": new, "alias": self.alias}},
            ]
        )

    def close(self) -> None:
        self.client.close()

    # -- writing -----------------------------------------------------------------------

    def _bulk(self, actions: Iterable[dict[str, Any]]) -> Iterator[tuple[bool, dict[str, Any]]]:
        options: dict[str, Any] = {"refresh": self.refresh} if self.refresh else {}
        return streaming_bulk(
            self.client,
            actions,
            raise_on_error=False,
            raise_on_exception=False,
            max_retries=self.max_retries,
            initial_backoff=BULK_INITIAL_BACKOFF,
            **options,
        )

    def index(self, documents: Sequence[IndexedDocument]) -> int:
        """Write documents by id. Unlike SQLite's all-or-nothing transaction, items are
        independent: the good ones are written, then BulkItemsFailed (an ItemError)
        names every refused id with its reason. A whole request failing for a
        transient cause (cluster busy or down) raises IndexUnavailable instead."""
        if not documents:
            return 0
        written, failures = self._run_bulk(bulk_actions(self.alias, documents), "indexing")
        if failures:
            raise BulkItemsFailed(failures, written)
        return written

    def _run_bulk(
        self, actions: list[dict[str, Any]], action: str, ignore: Collection[str] = ()
    ) -> tuple[int, list[ItemFailure]]:
        written = 0
        failures: list[ItemFailure] = []
        transient: list[ItemFailure] = []
        with self._errors(action):
            for ok, item in self._bulk(actions):
                ((_, info),) = item.items()
                if ok:
                    written += int(info.get("result") not in ignore)
                    continue
                if info.get("result") in ignore:
                    continue
                status = info.get("status", "N/A")
                exception = info.get("exception")
                if isinstance(exception, ApiError):
                    reason = error_reason(exception)
                else:
                    reason = item_reason(info)
                failure = ItemFailure(str(info.get("_id")), status, reason)
                # A refused request (not item) with a retryable status, or items still
                # rejected for a full queue after the helper's retries: try later.
                if status in RETRY_STATUSES or (isinstance(status, int) and status >= 500):
                    transient.append(failure)
                else:
                    failures.append(failure)
        if transient:
            ids = ", ".join(f.id for f in transient[:20])
            raise IndexUnavailable(
                f"Elasticsearch stayed busy while {action} on '{self.alias}' "
                f"({transient[0].status} {transient[0].reason}); not written: {ids}"
            )
        return written, failures

    def delete(self, ids: Sequence[str]) -> int:
        if not ids:
            return 0
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids]
        # A missing id is not an error (SQLite counts what it removed): skip not_found.
        removed, failures = self._run_bulk(actions, "deleting", ignore=("not_found",))
        if failures:
            raise BulkItemsFailed(failures, removed)
        return removed

    def clear(self) -> None:
        with self._errors("clearing the index"):
            self.client.options(request_timeout=LONG_REQUEST_TIMEOUT).delete_by_query(
                index=self.alias,
                query={"match_all": {}},
                conflicts="proceed",
                refresh=True,
                wait_for_completion=True,
            )

    def delete_older_than(self, cutoff: datetime, keep: Collection[str] = ()) -> int:
        query: dict[str, Any] = {"range": {"date": {"lt": es_date(cutoff)}}}
        if keep:
            query = {"bool": {"filter": [query], "must_not": [{"ids": {"values": list(keep)}}]}}
        with self._errors("deleting old documents"):
            response = self.client.options(request_timeout=LONG_REQUEST_TIMEOUT).delete_by_query(
                index=self.alias,
                query=query,
                conflicts="proceed",
                refresh=True,
                wait_for_completion=True,
            )
        return int(response.body.get("deleted") or 0)

    def optimise(self, *, forcemerge: bool = False) -> None:
        """Elasticsearch merges segments by itself; a forcemerge that expunges deleted
        documents is heavy I/O, so it runs only when ``retention.forcemerge`` asks."""
        if not forcemerge:
            return
        with self._errors("force-merging"):
            self.client.options(request_timeout=LONG_REQUEST_TIMEOUT).indices.forcemerge(
                index=self.alias, only_expunge_deletes=True
            )

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        with self._errors("counting documents"):
            return int(self.client.count(index=self.alias)["count"])

    def get(self, document_id: str) -> IndexedDocument | None:
        with self._errors("reading a document"):
            try:
                response = self.client.get(
                    index=self.alias, id=document_id, source_includes=["payload"]
                )
            except NotFoundError as exc:
                # A missing document (found: false), not a missing index.
                if isinstance(exc.body, dict) and exc.body.get("found") is False:
                    return None
                raise
        return from_payload(response["_source"]["payload"])

    def get_many(self, ids: Sequence[str]) -> dict[str, IndexedDocument]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, IndexedDocument] = {}
        for start in range(0, len(wanted), GET_MANY_BATCH):
            with self._errors("reading documents"):
                response = self.client.mget(
                    index=self.alias,
                    ids=wanted[start : start + GET_MANY_BATCH],
                    source_includes=["payload"],
                )
            for item in response["docs"]:
                if item.get("found"):
                    found[item["_id"]] = from_payload(item["_source"]["payload"])
        return found

    def same_story(self, document_id: str, limit: int = 20) -> list[Hit]:
        document = self.get(document_id)
        if document is None or document.cluster is None:
            return []
        with self._errors("finding the same story"):
            response = self.client.search(
                index=self.alias,
                query={
                    "bool": {
                        "filter": [{"term": {"cluster": document.cluster}}],
                        "must_not": [{"ids": {"values": [document_id]}}],
                    }
                },
                sort=DATE_SORT,
                size=limit,
                source_includes=["payload"],
            )
        return [
            hit(from_payload(h["_source"]["payload"]), (), None) for h in response["hits"]["hits"]
        ]

    def max_seq(self) -> int:
        """The ingest number of the latest document (0 when empty): the default as_of."""
        with self._errors("reading the index position"):
            response = self.client.search(
                index=self.alias, size=0, aggs={"seq": {"max": {"field": "seq"}}}
            )
        value = response["aggregations"]["seq"]["value"]
        return int(value) if value is not None else 0

    def scan(
        self, query: Node, *, as_of: int | None = None, batch_size: int = SCAN_BATCH
    ) -> Iterator[IndexedDocument]:
        as_of = as_of if as_of is not None else self.max_seq()
        return scan_matches(self.client, self.alias, query, as_of, batch_size)

    def search(self, request: SearchRequest) -> SearchResult:
        as_of = request.as_of if request.as_of is not None else self.max_seq()
        body = search_body(request, as_of)
        scored = isinstance(body["sort"][0], dict) and "_score" in body["sort"][0]
        with self._errors("searching"):
            if body["from"] + body["size"] > MAX_RESULT_WINDOW:
                response = deep_search(self.client, self.alias, body)
            else:
                response = self.client.search(index=self.alias, body=body).body
        terms = query_terms(request.query)
        hits = []
        for raw in response["hits"]["hits"]:
            # A document matching no scoring clause has 0: SQLite has no score for it.
            score = raw.get("_score") if scored else None
            hits.append(hit(from_payload(raw["_source"]["payload"]), terms, score or None))
        result = SearchResult(
            total=int(response["hits"]["total"]["value"]),
            hits=hits,
            page=request.page,
            per_page=request.per_page,
            as_of=as_of,
        )
        aggregations = response.get("aggregations") or {}
        result.facets = read_facets(request.facets, aggregations)
        if request.histogram:
            result.histogram = read_histogram(request.histogram, aggregations["histogram"])
        return result
