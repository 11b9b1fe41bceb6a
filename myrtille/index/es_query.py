"""Elasticsearch: the query DSL of every AST node, search bodies, and reading
aggregations back into facets and histograms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from myrtille.index.base import FACET_FIELDS, FacetCount, SearchRequest
from myrtille.index.es_mapping import STREAM_FIELDS
from myrtille.index.matching import SEARCHED, reduced
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text

# Elasticsearch's default index.max_terms_count: a larger set is OR-ed in chunks.
MAX_TERMS_PER_QUERY = 65_536


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def to_dsl(node: Node) -> dict[str, Any]:
    """A query with the semantics of ``matching.matches`` (filter context, no scores)."""
    if isinstance(node, Text):
        # The words as written in the word fields, their stems in each language's fields.
        return {
            "bool": {
                "should": [
                    {
                        "match_phrase": {
                            STREAM_FIELDS[name]: {
                                "query": " ".join(reduced(node.words, language)),
                                "slop": 0,
                            }
                        }
                    }
                    for name, language in SEARCHED[node.field]
                ],
                "minimum_should_match": 1,
            }
        }
    if isinstance(node, Field):
        return {"term": {f"f_{node.name}": node.value}}
    if isinstance(node, Members):
        values = sorted(node.sirens)
        if not values:
            return {"match_none": {}}
        chunks = [
            {"terms": {"f_company": values[i : i + MAX_TERMS_PER_QUERY]}}
            for i in range(0, len(values), MAX_TERMS_PER_QUERY)
        ]
        if len(chunks) == 1:
            return chunks[0]
        return {"bool": {"should": chunks, "minimum_should_match": 1}}
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
                            "size": request.facet_limit,
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
                    "size": request.facet_limit,
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
