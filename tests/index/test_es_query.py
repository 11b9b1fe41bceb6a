"""The query DSL the Elasticsearch backend sends, and that it means what ``matching.py`` means
(checked with an evaluator of the DSL subset on document sources): no cluster needed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from myrtille.index.es_mapping import (
    document_source,
)
from myrtille.index.es_query import to_dsl
from myrtille.index.query import (
    And,
    DateBound,
    Field,
    Members,
    Not,
    Or,
    Text,
    parse,
)
from tests.index.es_helpers import (
    ANY,
    make_document,
    phrase_on,
)

# -- the query DSL ----------------------------------------------------------------------


def test_text_word_and_phrase() -> None:
    # The query's word is stemmed as the documents' words are, in each language.
    assert to_dsl(Text(("usines",))) == {
        "bool": {
            "should": [
                {"match_phrase": {"title_words": {"query": "usines", "slop": 0}}},
                {"match_phrase": {"title_stems_fr": {"query": "usin", "slop": 0}}},
                {"match_phrase": {"title_stems_en": {"query": "usin", "slop": 0}}},
                {"match_phrase": {"text_words": {"query": "usines", "slop": 0}}},
                {"match_phrase": {"text_stems_fr": {"query": "usin", "slop": 0}}},
                {"match_phrase": {"text_stems_en": {"query": "usin", "slop": 0}}},
            ],
            "minimum_should_match": 1,
        }
    }
    levees = to_dsl(Text(("levees", "de", "fonds")))
    assert levees == phrase_on(ANY, "levees de fonds")
    queried = {next(iter(c["match_phrase"])): c for c in levees["bool"]["should"]}
    assert queried["text_stems_fr"]["match_phrase"]["text_stems_fr"]["query"] == "leve de fond"
    assert queried["text_stems_en"]["match_phrase"]["text_stems_en"]["query"] == "leve de fond"


def test_title_text() -> None:
    assert to_dsl(Text(("usine", "neuve"), "title")) == {
        "bool": {
            "should": [
                {"match_phrase": {"title_words": {"query": "usine neuve", "slop": 0}}},
                {"match_phrase": {"title_stems_fr": {"query": "usin neuv", "slop": 0}}},
                {"match_phrase": {"title_stems_en": {"query": "usin neuv", "slop": 0}}},
            ],
            "minimum_should_match": 1,
        }
    }


def test_field() -> None:
    assert to_dsl(Field("company", "383474814")) == {"term": {"f_company": "383474814"}}
    assert to_dsl(Field("person", "claire martin")) == {"term": {"f_person": "claire martin"}}
    assert to_dsl(Field("dept", "31")) == {"term": {"f_dept": "31"}}


def test_portfolio_is_a_terms_query_chunked_under_the_terms_limit() -> None:
    assert to_dsl(Members("p", frozenset({"919985002", "383474814"}))) == {
        "terms": {"f_company": ["383474814", "919985002"]}
    }
    assert to_dsl(Members("p", frozenset())) == {"match_none": {}}
    large = frozenset(f"{n:09d}" for n in range(100_000_000, 100_100_000))
    query = to_dsl(Members("p", large))
    chunks = [clause["terms"]["f_company"] for clause in query["bool"]["should"]]
    assert query["bool"]["minimum_should_match"] == 1
    # Elasticsearch's default index.max_terms_count is 65,536 terms per query.
    assert [len(c) for c in chunks] == [65_536, 100_000 - 65_536]
    assert sorted(v for c in chunks for v in c) == sorted(large)


def test_date_bounds() -> None:
    assert to_dsl(DateBound("after", date(2026, 1, 1))) == {
        "range": {"date": {"gte": "2026-01-01T00:00:00Z"}}
    }
    assert to_dsl(DateBound("before", date(2026, 2, 1))) == {
        "range": {"date": {"lt": "2026-02-01T00:00:00Z"}}
    }
    # NOT before: keeps undated documents, as matching.py does.
    assert to_dsl(Not(DateBound("before", date(2026, 2, 1)))) == {
        "bool": {"must_not": [{"range": {"date": {"lt": "2026-02-01T00:00:00Z"}}}]}
    }


def test_empty_and_or() -> None:
    assert to_dsl(And(())) == {"match_all": {}}
    assert to_dsl(Or(())) == {"match_none": {}}


def test_nested_boolean_nodes() -> None:
    node = And(
        (
            Or((Text(("airbus",)), Field("sector", "energy"))),
            Not(Or((Text(("rumeur",)), Not(Field("lang", "en"))))),
            And(()),
        )
    )
    assert to_dsl(node) == {
        "bool": {
            "filter": [
                {
                    "bool": {
                        "should": [phrase_on(ANY, "airbus"), {"term": {"f_sector": "energy"}}],
                        "minimum_should_match": 1,
                    }
                },
                {
                    "bool": {
                        "must_not": [
                            {
                                "bool": {
                                    "should": [
                                        phrase_on(ANY, "rumeur"),
                                        {"bool": {"must_not": [{"term": {"f_lang": "en"}}]}},
                                    ],
                                    "minimum_should_match": 1,
                                }
                            }
                        ]
                    }
                },
                {"match_all": {}},
            ]
        }
    }


def test_parsed_query() -> None:
    node = parse('"levée de fonds" -rumeur after:2026-01-01')
    assert to_dsl(node) == {
        "bool": {
            "filter": [
                phrase_on(ANY, "levee de fonds"),
                {"bool": {"must_not": [phrase_on(ANY, "rumeur")]}},
                {"range": {"date": {"gte": "2026-01-01T00:00:00Z"}}},
            ]
        }
    }


def test_unknown_node() -> None:
    with pytest.raises(TypeError):
        to_dsl("airbus")  # type: ignore[arg-type]


# -- the DSL means what matching.py means -----------------------------------------------


def evaluate(query: dict[str, Any], source: dict[str, Any]) -> bool:
    """The DSL subset ``to_dsl`` emits, evaluated as Elasticsearch does on one source
    (whitespace-analysed streams, keyword terms, date ranges, bool clauses)."""
    ((kind, spec),) = query.items()
    if kind == "match_all":
        return True
    if kind == "match_none":
        return False
    if kind == "term":
        ((name, value),) = spec.items()
        return value in source[name]
    if kind == "match_phrase":
        ((name, options),) = spec.items()
        stream, words = source[name].split(), options["query"].split()
        return any(stream[i : i + len(words)] == words for i in range(len(stream)))
    if kind == "range":
        ((name, bounds),) = spec.items()
        if source[name] is None:
            return False
        moment = datetime.fromisoformat(source[name])
        return all(
            moment >= datetime.fromisoformat(v)
            if op == "gte"
            else moment < datetime.fromisoformat(v)
            for op, v in bounds.items()
        )
    assert kind == "bool"
    musts = spec.get("filter", []) + spec.get("must", [])
    shoulds = spec.get("should", [])
    needed = spec.get("minimum_should_match", 0 if musts else 1) if shoulds else 0
    return (
        all(evaluate(q, source) for q in musts)
        and sum(evaluate(q, source) for q in shoulds) >= needed
        and not any(evaluate(q, source) for q in spec.get("must_not", []))
    )


QUERIES = [
    "airbus",
    "usine",
    "usines",
    '"levée de fonds"',
    '"fonds de levée"',
    "title:usine",
    'title:"airbus de"',
    "airbus -rumeur",
    "NOT airbus",
    "safran OR rumeur",
    "(safran OR rumeur) -toulouse",
    "company:383474814",
    'company:"Safran SA"',
    "org:bpifrance",
    'person:"claire martin"',
    "place:toulouse",
    "sector:aerospace",
    "event:hiring",
    "region:76",
    "dept:31",
    "lang:fr",
    "lang:en",
    "source:eco-regions",
    "after:2026-01-05",
    "after:2026-01-06",
    "before:2026-01-06",
    "-after:2026-01-06",
    "-before:2026-01-01 airbus",
    "*",
]


def test_dsl_agrees_with_the_in_memory_evaluator() -> None:
    from myrtille.index.matching import matches

    documents = [
        make_document(),
        make_document(id="undated", published_at=None, collected_at=None, companies=[]),
        make_document(id="en", language="en", title="Rumeur", text="A rumour", entities=[]),
        make_document(id="late", published_at=datetime(2026, 1, 6, 0, 0, tzinfo=UTC)),
    ]
    sources = [document_source(d, 1) for d in documents]
    for text in QUERIES:
        node = parse(text) if text != "*" else And(())
        dsl = to_dsl(node)
        for document, source in zip(documents, sources, strict=True):
            assert evaluate(dsl, source) == matches(node, document), (text, document.id)
