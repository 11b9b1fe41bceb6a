"""The Elasticsearch search bodies (sort, pagination, facets, histogram) and how their
answers are read: no cluster needed."""

from __future__ import annotations

from myrtille.index.base import SearchRequest
from myrtille.index.es_query import read_facets, read_histogram, search_body, to_dsl
from myrtille.index.query import (
    And,
    Field,
    Not,
    Text,
)
from tests.index.es_helpers import ANY, phrase_on

# -- search bodies ----------------------------------------------------------------------


def test_search_body_relevance() -> None:
    node = And((Text(("airbus",)), Not(Text(("rumeur",))), Text(("usine",), "title")))
    body = search_body(SearchRequest(node), as_of=42)
    assert body["query"]["bool"]["filter"] == [to_dsl(node), {"range": {"seq": {"lte": 42}}}]
    # Scoring on the analysed text, for the words looked for only (not "rumeur").
    assert body["query"]["bool"]["should"] == [
        phrase_on(ANY, "airbus"),
        {"match_phrase": {"title.fr": {"query": "airbus"}}},
        {"match_phrase": {"title.en": {"query": "airbus"}}},
        {"match_phrase": {"text.fr": {"query": "airbus"}}},
        {"match_phrase": {"text.en": {"query": "airbus"}}},
        phrase_on(["title_words", "title_stems_fr", "title_stems_en"], "usine"),
        {"match_phrase": {"title.fr": {"query": "usine"}}},
        {"match_phrase": {"title.en": {"query": "usine"}}},
    ]
    assert "minimum_should_match" not in body["query"]["bool"]
    assert body["sort"] == [
        {"_score": {"order": "desc"}},
        {"date": {"order": "desc", "missing": "_last"}},
        {"seq": {"order": "desc"}},
    ]
    assert body["track_total_hits"] is True
    assert body["from"] == 0 and body["size"] == 20
    assert body["_source"] == ["payload"]
    assert "aggs" not in body


def test_search_body_date_sort_and_pagination() -> None:
    request = SearchRequest(Text(("airbus",)), sort="date", page=3, per_page=10)
    body = search_body(request, as_of=7)
    assert body["sort"] == [
        {"date": {"order": "desc", "missing": "_last"}},
        {"seq": {"order": "desc"}},
    ]
    assert "should" not in body["query"]["bool"]
    assert (body["from"], body["size"]) == (20, 10)
    assert body["query"]["bool"]["filter"][1] == {"range": {"seq": {"lte": 7}}}
    # Page 0 or below is the first page, as in SQLite.
    assert search_body(SearchRequest(Text(("a",)), page=0), 1)["from"] == 0


def test_relevance_without_words_sorts_by_date() -> None:
    body = search_body(SearchRequest(Field("sector", "energy")), as_of=1)
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert "should" not in body["query"]["bool"]


def test_search_body_facets_and_histogram() -> None:
    request = SearchRequest(
        Text(("airbus",)), facets=("company", "sector", "lang", "nope"), histogram="week"
    )
    aggs = search_body(request, as_of=1)["aggs"]
    order = [{"_count": "desc"}, {"_key": "asc"}]
    assert aggs["facet_sector"] == {"terms": {"field": "facet_sector", "size": 20, "order": order}}
    assert aggs["facet_lang"]["terms"]["field"] == "facet_lang"
    assert "facet_nope" not in aggs
    company = aggs["facet_company"]
    assert company["nested"] == {"path": "facet_company"}
    assert company["aggs"]["values"]["terms"] == {
        "field": "facet_company.value",
        "size": 20,
        "order": order,
    }
    assert company["aggs"]["values"]["aggs"]["label"]["terms"]["order"] == {"_key": "desc"}
    # Weeks are grouped from days, like SQLite's %W weeks.
    assert aggs["histogram"]["date_histogram"] == {
        "field": "date",
        "calendar_interval": "day",
        "format": "yyyy-MM-dd",
        "time_zone": "UTC",
        "min_doc_count": 1,
    }
    monthly = search_body(SearchRequest(Text(("a",)), histogram="month"), 1)["aggs"]
    assert monthly["histogram"]["date_histogram"]["calendar_interval"] == "month"
    assert monthly["histogram"]["date_histogram"]["format"] == "yyyy-MM"


def test_read_facets_and_histogram() -> None:
    aggregations = {
        "facet_company": {
            "doc_count": 5,
            "values": {
                "buckets": [
                    {"key": "383474814", "doc_count": 3, "label": {"buckets": [{"key": "Airbus"}]}},
                    {"key": "safran", "doc_count": 1, "label": {"buckets": []}},
                ]
            },
        },
        "facet_sector": {"buckets": [{"key": "energy", "doc_count": 2}]},
    }
    facets = read_facets(["company", "sector", "nope"], aggregations)
    assert [(f.value, f.count, f.label) for f in facets["company"]] == [
        ("383474814", 3, "Airbus"),
        ("safran", 1, None),
    ]
    assert [(f.value, f.count) for f in facets["sector"]] == [("energy", 2)]
    assert facets["nope"] == []
    days = {
        "buckets": [
            {"key_as_string": "2025-12-29", "doc_count": 1},
            {"key_as_string": "2025-12-31", "doc_count": 2},
            {"key_as_string": "2026-01-01", "doc_count": 4},
            {"key_as_string": "2026-01-05", "doc_count": 8},
        ]
    }
    # As SQLite's strftime('%Y-W%W'): 1 January starts week 00 of the new year.
    assert read_histogram("week", days) == [
        ("2025-W52", 3),
        ("2026-W00", 4),
        ("2026-W01", 8),
    ]
    assert read_histogram("day", days)[0] == ("2025-12-29", 1)
