"""The Elasticsearch index: the same semantics as the SQLite backend, on a cluster.

Like SQLite, Elasticsearch never splits or folds the words that decide a match: the
words of ``words_of`` and the enrichment's lemmas are stored space-separated and indexed
with a whitespace-only analyzer, so ``match_phrase`` sees exactly the words the
in-memory evaluator sees. The French and English analyzers only feed relevance scoring.
Structured fields are keyword fields holding ``matching.field_values``.

The index is ``<name>-v<MAPPING_VERSION>`` behind the alias ``<name>``; ``create()``
migrates an older version by reindexing and moving the alias atomically.

Written with the 9.x client (``pip install 'myrtille[elasticsearch]'``).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import streaming_bulk

from myrtille.enrichment.names import company_key
from myrtille.exceptions import ConfigError, ItemError, MyrtilleError, TransientError
from myrtille.index.base import (
    FACET_FIELDS,
    FacetCount,
    Hit,
    IndexBackend,
    IndexedDocument,
    SearchRequest,
    SearchResult,
)
from myrtille.index.matching import field_values
from myrtille.index.query import And, DateBound, Field, Node, Not, Or, Text, words_of
from myrtille.index.snippets import query_words, snippet

if TYPE_CHECKING:
    from myrtille.config.settings import IndexSettings

MAPPING_VERSION = 1
FACET_LIMIT = 20
TEMPLATE_PRIORITY = 500
# Statuses worth another attempt; every other 4xx is a mistake that would fail again.
RETRY_STATUSES = (429, 502, 503, 504)
# Backoff between attempts after connection errors and timeouts (elastic-transport's
# equal-jitter exponential backoff); status retries are immediate in the client.
RETRY_BACKOFF_BASE = 0.5
RETRY_BACKOFF_CAP = 10.0
# Bulk items rejected with 429 (queue full) wait 1 s, 2 s, 4 s… before their retry.
BULK_INITIAL_BACKOFF = 1.0
# Reindexing and deleting everything outlast the per-request timeout.
LONG_REQUEST_TIMEOUT = 3600.0

STRUCTURED_FIELDS = (
    "company",
    "org",
    "person",
    "place",
    "sector",
    "event",
    "region",
    "dept",
    "lang",
    "source",
)
ANY_STREAMS = ("title_words", "text_words", "title_lemmas", "text_lemmas")
TITLE_STREAMS = ("title_words", "title_lemmas")
FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c"]
FRENCH_ARTICLES += ["jusqu", "quoiqu", "lorsqu", "puisqu"]


# -- the index template ---------------------------------------------------------------


def versioned_index(name: str, version: int = MAPPING_VERSION) -> str:
    return f"{name}-v{version}"


def template_name(name: str) -> str:
    return f"{name}-template"


def index_settings() -> dict[str, Any]:
    return {
        # One shard: terms aggregations (facets) and scores are exact, as in SQLite; a
        # news watch index stays far below the size where a shard needs splitting.
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "myrtille_fr_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ARTICLES,
                },
                "myrtille_fr_stop": {"type": "stop", "stopwords": "_french_"},
                "myrtille_fr_stemmer": {"type": "stemmer", "language": "light_french"},
                "myrtille_en_possessive": {"type": "stemmer", "language": "possessive_english"},
                "myrtille_en_stop": {"type": "stop", "stopwords": "_english_"},
                "myrtille_en_stemmer": {"type": "stemmer", "language": "english"},
            },
            "tokenizer": {
                # Words are letters and digits only; the default 255-character cap would
                # cut a long word in pieces, so allow long ones (still far below
                # Lucene's 32766-byte term limit).
                "myrtille_whitespace": {"type": "whitespace", "max_token_length": 4096},
            },
            "analyzer": {
                # asciifolding before the stop filter: queries arrive folded ("a", "ete"),
                # so the text must be folded before stop words are compared.
                "myrtille_fr": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "myrtille_fr_elision",
                        "lowercase",
                        "asciifolding",
                        "myrtille_fr_stop",
                        "myrtille_fr_stemmer",
                    ],
                },
                "myrtille_en": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "myrtille_en_possessive",
                        "lowercase",
                        "asciifolding",
                        "myrtille_en_stop",
                        "myrtille_en_stemmer",
                    ],
                },
                # The pre-split, pre-folded words are matched exactly, like SQLite's
                # ``ascii`` tokenizer over the same strings: no filter at all.
                "myrtille_words": {
                    "type": "custom",
                    "tokenizer": "myrtille_whitespace",
                    "filter": [],
                },
            },
        },
    }


def index_mappings() -> dict[str, Any]:
    scored = {
        "type": "text",
        "fields": {
            "fr": {"type": "text", "analyzer": "myrtille_fr"},
            "en": {"type": "text", "analyzer": "myrtille_en"},
        },
    }
    # Matching happens in filter context: no norms needed, positions are (for phrases).
    words = {"type": "text", "analyzer": "myrtille_words", "norms": False}
    properties: dict[str, Any] = {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "index": False, "doc_values": False},
        "title": scored,
        "text": scored,
        **{stream: words for stream in ANY_STREAMS},
        **{f"f_{name}": {"type": "keyword"} for name in STRUCTURED_FIELDS},
        # The company facet shows names: each value carries its label in a nested
        # object so a bucket can report the label SQLite reports (the greatest one).
        "facet_company": {
            "type": "nested",
            "properties": {"value": {"type": "keyword"}, "label": {"type": "keyword"}},
        },
        # The other facets are exactly the structured values; aliases avoid a copy.
        **{
            f"facet_{name}": {"type": "alias", "path": f"f_{name}"}
            for name in FACET_FIELDS
            if name != "company"
        },
        "date": {"type": "date"},
        "published_at": {"type": "date"},
        "seq": {"type": "long"},
        "cluster": {"type": "keyword"},
        "payload": {"type": "object", "enabled": False},
    }
    return {
        # A field the mapping does not know is a bug, not something to guess a type for.
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION},
        "properties": properties,
    }


def index_template(name: str) -> dict[str, Any]:
    """The composable index template body for the index behind alias ``name``."""
    return {
        # The exact versioned name, not ``name-v*``: two Myrtille indexes whose names
        # share a prefix can never have overlapping templates.
        "index_patterns": [versioned_index(name)],
        "priority": TEMPLATE_PRIORITY,
        "_meta": {"mapping_version": MAPPING_VERSION, "managed_by": "myrtille"},
        "template": {"settings": index_settings(), "mappings": index_mappings()},
    }


# -- documents ------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    # The same string SQLite stores: UTC, to the second (ties then break on seq alike).
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _es_date(moment: datetime | None) -> str | None:
    iso = _iso(moment)
    return f"{iso}Z" if iso else None


_seq_lock = threading.Lock()
_last_seq = 0


def next_seqs(count: int) -> list[int]:
    """Increasing ingest numbers, in microseconds since the epoch. Microseconds, not the
    nanoseconds of ``time_ns``: a ``max`` aggregation answers in a double, exact only up
    to 2**53, and microseconds stay below that until the year 2255."""
    global _last_seq
    with _seq_lock:
        first = max(time.time_ns() // 1000, _last_seq + 1)
        _last_seq = first + count - 1
    return list(range(first, first + count))


def _payload(document: IndexedDocument) -> dict[str, Any]:
    # Exactly SQLite's payload (ISO dates to the second), so ``get`` returns the same.
    return json.loads(json.dumps(asdict(document), default=_iso, ensure_ascii=False))


def _company_facets(document: IndexedDocument) -> list[dict[str, str | None]]:
    # As sqlite's ``_facet_rows``: one value per company (SIREN, else its name's key),
    # the first company giving a value names it.
    rows: list[dict[str, str | None]] = []
    seen: set[str] = set()
    for company in document.companies:
        value = company.get("siren") or company_key(str(company.get("name") or ""))
        if value and str(value) not in seen:
            seen.add(str(value))
            rows.append({"value": str(value), "label": company.get("name")})
    return rows


def document_source(document: IndexedDocument, seq: int) -> dict[str, Any]:
    values = field_values(document)
    return {
        "id": document.id,
        "url": document.url,
        "title": document.title,
        "text": document.text,
        "title_words": " ".join(words_of(document.title)),
        "text_words": " ".join(words_of(document.text)),
        # Split and joined as matching.py splits them (any whitespace).
        "title_lemmas": " ".join(document.title_lemmas.split()),
        "text_lemmas": " ".join(document.text_lemmas.split()),
        **{f"f_{name}": sorted(values[name]) for name in STRUCTURED_FIELDS},
        "facet_company": _company_facets(document),
        "date": _es_date(document.date),
        "published_at": _es_date(document.published_at),
        "seq": seq,
        "cluster": document.cluster,
        "payload": _payload(document),
    }


def bulk_actions(
    index_name: str, documents: Sequence[IndexedDocument], seqs: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """Bulk ``index`` actions (add or replace by id), numbered in ingest order."""
    numbers = list(seqs) if seqs is not None else next_seqs(len(documents))
    return [
        {
            "_op_type": "index",
            "_index": index_name,
            "_id": document.id,
            "_source": document_source(document, seq),
        }
        for document, seq in zip(documents, numbers, strict=True)
    ]


def _document(payload: dict[str, Any]) -> IndexedDocument:
    payload = dict(payload)
    for key in ("published_at", "collected_at"):
        if payload.get(key):
            payload[key] = datetime.fromisoformat(payload[key]).replace(tzinfo=UTC)
    return IndexedDocument(**payload)


# -- the AST in the query DSL ---------------------------------------------------------


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def to_dsl(node: Node) -> dict[str, Any]:
    """A query with the semantics of ``matching.matches`` (filter context, no scores)."""
    if isinstance(node, Text):
        streams = TITLE_STREAMS if node.field == "title" else ANY_STREAMS
        phrase = " ".join(node.words)
        return {
            "bool": {
                "should": [
                    {"match_phrase": {stream: {"query": phrase, "slop": 0}}} for stream in streams
                ],
                "minimum_should_match": 1,
            }
        }
    if isinstance(node, Field):
        return {"term": {f"f_{node.name}": node.value}}
    if isinstance(node, DateBound):
        # An undated document has no ``date``: a range never matches it, and must_not
        # (NOT after:…) keeps it, exactly as matching.py and SQLite's coalesce do.
        op = "gte" if node.name == "after" else "lt"
        return {"range": {"date": {op: _midnight(node.day)}}}
    if isinstance(node, And):
        if not node.items:
            return {"match_all": {}}
        return {"bool": {"filter": [to_dsl(item) for item in node.items]}}
    if isinstance(node, Or):
        if not node.items:
            return {"match_none": {}}
        return {
            "bool": {
                "should": [to_dsl(item) for item in node.items],
                "minimum_should_match": 1,
            }
        }
    if isinstance(node, Not):
        # A bool of must_not alone matches every other document.
        return {"bool": {"must_not": [to_dsl(node.item)]}}
    raise TypeError(f"not a query node: {node!r}")


def positive_texts(node: Node) -> list[Text]:
    """The texts the query looks for (not under NOT), as SQLite's ranking uses them."""
    if isinstance(node, Text):
        return [node]
    if isinstance(node, And | Or):
        return [text for item in node.items for text in positive_texts(item)]
    return []


def _scoring(texts: Sequence[Text]) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = []
    for text in texts:
        # The exact streams too: as in SQLite, every document matching a looked-for
        # text gets a score, even when the stemmers do not relate its words.
        clauses.append(to_dsl(text))
        fields = ("title",) if text.field == "title" else ("title", "text")
        phrase = " ".join(text.words)
        for name in fields:
            for language in ("fr", "en"):
                clauses.append({"match_phrase": {f"{name}.{language}": {"query": phrase}}})
    return clauses


DATE_SORT: list[dict[str, Any]] = [
    {"date": {"order": "desc", "missing": "_last"}},
    {"seq": {"order": "desc"}},
]


def search_body(request: SearchRequest, as_of: int) -> dict[str, Any]:
    """The ``_search`` body of a request, as the index stood at ``as_of``."""
    query: dict[str, Any] = {
        "bool": {"filter": [to_dsl(request.query), {"range": {"seq": {"lte": as_of}}}]}
    }
    texts = positive_texts(request.query)
    relevance = request.sort == "relevance" and bool(texts)
    if relevance:
        # Optional clauses (a filter is present): they only score; a document matching
        # none of them scores 0 and comes after the scored ones, by date.
        query["bool"]["should"] = _scoring(texts)
        sort: list[Any] = [{"_score": {"order": "desc"}}, *DATE_SORT]
    else:
        sort = list(DATE_SORT)
    body: dict[str, Any] = {
        "query": query,
        "sort": sort,
        "from": (max(request.page, 1) - 1) * request.per_page,
        "size": request.per_page,
        "track_total_hits": True,
        "_source": ["payload"],
    }
    aggs: dict[str, Any] = {}
    for facet in request.facets:
        if facet == "company":
            aggs["facet_company"] = {
                "nested": {"path": "facet_company"},
                "aggs": {
                    "values": {
                        "terms": {
                            "field": "facet_company.value",
                            "size": FACET_LIMIT,
                            "order": [{"_count": "desc"}, {"_key": "asc"}],
                        },
                        # SQLite reports max(label): the greatest label, byte order.
                        "aggs": {
                            "label": {
                                "terms": {
                                    "field": "facet_company.label",
                                    "size": 1,
                                    "order": {"_key": "desc"},
                                }
                            }
                        },
                    }
                },
            }
        elif facet in FACET_FIELDS:
            aggs[f"facet_{facet}"] = {
                "terms": {
                    "field": f"facet_{facet}",
                    "size": FACET_LIMIT,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
    if request.histogram:
        # Weeks are counted per day and grouped in Python: SQLite's '%Y-W%W' weeks
        # restart at each 1 January, which Elasticsearch's Monday weeks do not.
        month = request.histogram == "month"
        aggs["histogram"] = {
            "date_histogram": {
                "field": "date",
                "calendar_interval": "month" if month else "day",
                "format": "yyyy-MM" if month else "yyyy-MM-dd",
                "time_zone": "UTC",
                "min_doc_count": 1,
            }
        }
    if aggs:
        body["aggs"] = aggs
    return body


def read_facets(facets: Sequence[str], aggregations: dict[str, Any]) -> dict[str, list[FacetCount]]:
    result: dict[str, list[FacetCount]] = {}
    for facet in facets:
        if facet == "company":
            buckets = aggregations["facet_company"]["values"]["buckets"]
            result[facet] = [
                FacetCount(
                    str(bucket["key"]),
                    int(bucket["doc_count"]),
                    (
                        str(bucket["label"]["buckets"][0]["key"])
                        if bucket["label"]["buckets"]
                        else None
                    ),
                )
                for bucket in buckets
            ]
        elif facet in FACET_FIELDS:
            buckets = aggregations[f"facet_{facet}"]["buckets"]
            result[facet] = [FacetCount(str(b["key"]), int(b["doc_count"])) for b in buckets]
        else:
            result[facet] = []  # as SQLite: an unknown facet has no values
    return result


def read_histogram(interval: str, aggregation: dict[str, Any]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for bucket in aggregation["buckets"]:
        key = str(bucket["key_as_string"])
        if interval == "week":
            key = date.fromisoformat(key).strftime("%Y-W%W")
        counts[key] = counts.get(key, 0) + int(bucket["doc_count"])
    return sorted(counts.items())


# -- errors ---------------------------------------------------------------------------


class ElasticsearchError(MyrtilleError):
    """The cluster refused a request that retrying will not fix (a 4xx answer)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


class IndexUnavailable(TransientError):
    """The cluster could not be reached or stayed busy after the client's retries."""


@dataclass(frozen=True)
class ItemFailure:
    id: str
    status: int | str
    reason: str


class BulkItemsFailed(ItemError):
    """Some documents of a batch were refused; the others were written. Each failure
    names the document id and the cluster's reason."""

    def __init__(self, failures: Sequence[ItemFailure], written: int) -> None:
        self.failures = list(failures)
        self.written = written
        shown = "; ".join(f"{f.id}: {f.reason}" for f in self.failures[:20])
        more = f" (and {len(self.failures) - 20} more)" if len(self.failures) > 20 else ""
        super().__init__(
            f"{len(self.failures)} document(s) not indexed, {written} written: {shown}{more}"
        )


def _reason(error: ApiError) -> str:
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        detail = body["error"]
        reason = f"{detail.get('type')}: {detail.get('reason')}"
        caused = detail.get("caused_by")
        if isinstance(caused, dict) and caused.get("reason"):
            reason += f" (caused by {caused.get('type')}: {caused.get('reason')})"
        return reason
    return str(error.message)


def _item_reason(info: dict[str, Any]) -> str:
    error = info.get("error")
    if isinstance(error, dict):
        reason = f"{error.get('type')}: {error.get('reason')}"
        caused = error.get("caused_by")
        if isinstance(caused, dict) and caused.get("reason"):
            reason += f" (caused by {caused.get('type')}: {caused.get('reason')})"
        return reason
    return str(error or info.get("result") or "unknown error")


# -- the backend ----------------------------------------------------------------------


class ElasticsearchIndex(IndexBackend):
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, alias: str = "myrtille", max_retries: int = 3):
        self.client = client
        self.alias = alias
        self.max_retries = max_retries

    @classmethod
    def from_settings(cls, settings: IndexSettings) -> ElasticsearchIndex:
        if not settings.url:
            raise ConfigError("the elasticsearch backend needs a url", key="index.url")
        options: dict[str, Any] = {
            "request_timeout": settings.timeout.total_seconds(),
            "max_retries": settings.max_retries,
            "retry_on_timeout": True,
            "retry_on_status": RETRY_STATUSES,
            "retry_backoff_base": RETRY_BACKOFF_BASE,
            "retry_backoff_cap": RETRY_BACKOFF_CAP,
        }
        if settings.api_key:
            # "id:key" or the base64 "encoded" form (which never contains a colon).
            key_id, colon, key = settings.api_key.partition(":")
            options["api_key"] = (key_id, key) if colon else settings.api_key
        elif settings.username:
            options["basic_auth"] = (settings.username, settings.password or "")
        if settings.url.startswith("https://"):
            options["verify_certs"] = settings.verify_certs
            if settings.ca_certs:
                options["ca_certs"] = str(settings.ca_certs)
        elif settings.ca_certs:
            raise ConfigError(
                "ca_certs is set but the url is not https://",
                key="index.ca_certs",
                hint="write the cluster url as https://host:9200",
            )
        try:
            client = Elasticsearch(settings.url, **options)
        except ValueError as exc:
            raise ConfigError(str(exc), key="index.url") from exc
        return cls(client, settings.name, settings.max_retries)

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Client errors as Myrtille's: transient (retry later), configuration, or a
        refused request that says what Elasticsearch objected to."""
        try:
            yield
        except ApiError as exc:
            status = exc.meta.status
            message = f"Elasticsearch refused {action} on '{self.alias}': {status} {_reason(exc)}"
            if status in RETRY_STATUSES or status >= 500:
                raise IndexUnavailable(message) from exc
            if status in (401, 403):
                raise ConfigError(
                    message,
                    key="index.api_key",
                    hint="check index.api_key (or username/password) and its privileges",
                ) from exc
            raise ElasticsearchError(message, status) from exc
        except TransportError as exc:
            raise IndexUnavailable(
                f"Elasticsearch unreachable while {action} on '{self.alias}': {exc}"
            ) from exc

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
            if _error_type(exc) != "resource_already_exists_exception":
                raise
            if alias:
                self.client.indices.put_alias(index=index, name=self.alias)

    def _migrate(self, old: str, new: str) -> None:
        self._create_index(new, alias=False)
        # Reindex keeps ids and ``seq``; documents written to the alias meanwhile go to
        # the old index, so migrate with the pipeline stopped.
        response = self.client.options(request_timeout=LONG_REQUEST_TIMEOUT).reindex(
            source={"index": old},
            dest={"index": new, "op_type": "index"},
            refresh=True,
            wait_for_completion=True,
        )
        failures = response.body.get("failures") or []
        if failures:
            raise ElasticsearchError(
                f"migrating '{old}' to '{new}' failed for {len(failures)} document(s): "
                f"{failures[:5]}"
            )
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
        return streaming_bulk(
            self.client,
            actions,
            raise_on_error=False,
            raise_on_exception=False,
            max_retries=self.max_retries,
            initial_backoff=BULK_INITIAL_BACKOFF,
            # Tests and callers read their writes: wait until they are searchable.
            refresh="wait_for",
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
                reason = (
                    _reason(exception) if isinstance(exception, ApiError) else _item_reason(info)
                )
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
        return _document(response["_source"]["payload"])

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
            _hit(_document(h["_source"]["payload"]), set(), None) for h in response["hits"]["hits"]
        ]

    def max_seq(self) -> int:
        """The ingest number of the latest document (0 when empty): the default as_of."""
        with self._errors("reading the index position"):
            response = self.client.search(
                index=self.alias, size=0, aggs={"seq": {"max": {"field": "seq"}}}
            )
        value = response["aggregations"]["seq"]["value"]
        return int(value) if value is not None else 0

    def search(self, request: SearchRequest) -> SearchResult:
        as_of = request.as_of if request.as_of is not None else self.max_seq()
        body = search_body(request, as_of)
        scored = isinstance(body["sort"][0], dict) and "_score" in body["sort"][0]
        with self._errors("searching"):
            response = self.client.search(index=self.alias, body=body)
        words = query_words(request.query)
        hits = []
        for raw in response["hits"]["hits"]:
            # A document matching no scoring clause has 0: SQLite has no score for it.
            score = raw.get("_score") if scored else None
            hits.append(_hit(_document(raw["_source"]["payload"]), words, score or None))
        result = SearchResult(
            total=int(response["hits"]["total"]["value"]),
            hits=hits,
            page=request.page,
            per_page=request.per_page,
            as_of=as_of,
        )
        aggregations = response.body.get("aggregations") or {}
        result.facets = read_facets(request.facets, aggregations)
        if request.histogram:
            result.histogram = read_histogram(request.histogram, aggregations["histogram"])
        return result


def _error_type(error: ApiError) -> str | None:
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("type"))
    return None


def _hit(document: IndexedDocument, words: set[str], score: float | None) -> Hit:
    return Hit(
        id=document.id,
        title=document.title,
        url=document.url,
        published_at=document.published_at,
        source=document.source,
        language=document.language,
        cluster=document.cluster,
        snippet=snippet(document.text or document.summary or "", words),
        score=float(score) if score is not None else None,
    )
