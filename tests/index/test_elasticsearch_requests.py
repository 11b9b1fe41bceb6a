"""The Elasticsearch backend at the request level: no cluster needed.

Elasticsearch cannot run where Myrtille is developed, so these tests check what the
backend sends (template, bulk bodies, query DSL) against the semantics of
``matching.py``, and its behaviour against a local HTTP server that answers like a
cluster (retries, refusals, bulk item failures). The shared contract suite runs the
backend against a real cluster when MYRTILLE_TEST_ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from myrtille.config.settings import IndexSettings
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.exceptions import ConfigError, ItemError, TransientError
from myrtille.index.base import IndexedDocument, SearchRequest
from myrtille.index.elasticsearch import ElasticsearchIndex
from myrtille.index.es_errors import BulkItemsFailed, ElasticsearchError
from myrtille.index.es_mapping import (
    MAPPING_VERSION,
    bulk_actions,
    document_source,
    index_template,
)
from myrtille.index.es_query import read_facets, read_histogram, search_body, to_dsl
from myrtille.index.matching import field_values
from myrtille.index.payload import from_payload
from myrtille.index.query import (
    And,
    DateBound,
    Field,
    Members,
    Not,
    Or,
    Text,
    parse,
    words_of,
)
from myrtille.index.stems import stem

# -- fixtures ---------------------------------------------------------------------------


def make_document(**overrides: Any) -> IndexedDocument:
    values: dict[str, Any] = {
        "id": "doc-1",
        "url": "https://example.org/a",
        "title": "L'usine Airbus de Blagnac recrute",
        "text": "Airbus annonce une levée de fonds. Safran suit l'opération à Toulouse.",
        "source": "Eco-Regions",
        "language": "FR",
        "published_at": datetime(2026, 1, 5, 9, 30, 12, 500, tzinfo=UTC),
        "collected_at": datetime(2026, 1, 6, 8, 0),
        "cluster": "story-7",
        "title_lemmas": "le usine airbus de blagnac recruter",
        "text_lemmas": "airbus annoncer un levee de fonds safran suivre le operation a toulouse",
        "entities": [
            {"label": "ORG", "text": "Bpifrance"},
            {"label": "PER", "text": "Claire Martin"},
            {"label": "LOC", "text": "Toulouse"},
        ],
        "companies": [
            {"siren": "383474814", "name": "Airbus SE"},
            {"name": "Safran SA"},
            {"siren": "383474814", "name": "Airbus"},
        ],
        "sectors": ["Aerospace"],
        "events": [{"type": "Hiring"}, {"type": None}],
        "regions": ["76"],
        "departments": ["31"],
    }
    values.update(overrides)
    return IndexedDocument(**values)


def es_route(status: int, body: Any) -> Route:
    """An answer as a cluster gives it: JSON, with the product header the client checks."""
    return Route(
        json.dumps(body).encode(),
        content_type="application/json",
        status=status,
        headers={"X-Elastic-Product": "Elasticsearch"},
        conditional=False,
    )


class FakeCluster:
    """RouteServer answers GET and HEAD; a cluster also takes POST, PUT and DELETE with
    bodies, which are read (keep-alive connections stay in sync) and recorded."""

    def __init__(self, routes: dict[str, Any]) -> None:
        self.server = RouteServer(routes)
        self.bodies: list[tuple[str, str, bytes]] = []
        cluster = self
        base: Any = self.server.httpd.RequestHandlerClass

        class Handler(base):  # type: ignore[misc, valid-type]
            def _with_body(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                cluster.bodies.append((self.command, urlsplit(self.path).path, body))
                cluster.server._answer(self)

            do_POST = do_PUT = do_DELETE = _with_body

        self.server.httpd.RequestHandlerClass = Handler

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    def json_bodies(self, path: str) -> list[Any]:
        return [json.loads(body) for _, p, body in self.bodies if p == path and body]


@pytest.fixture
def cluster() -> Iterator[Callable[[dict[str, Any]], FakeCluster]]:
    started: list[FakeCluster] = []

    def start(routes: dict[str, Any]) -> FakeCluster:
        fake = FakeCluster(routes)
        fake.server.start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.server.stop()


def backend(fake: FakeCluster, **settings: Any) -> ElasticsearchIndex:
    values: dict[str, Any] = {
        "backend": "elasticsearch",
        "url": fake.server.base_url,
        "name": "myrtille",
        "max_retries": 2,
        "timeout": "5s",
    }
    values.update(settings)
    return ElasticsearchIndex.from_settings(IndexSettings(**values))


def sequence(*routes: Route) -> Callable[[Request, RouteServer], Route]:
    """A handler answering with each route in turn (the last one repeats)."""
    answers = list(routes)

    def handle(request: Request, server: RouteServer) -> Route:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    return handle


ES_400 = {
    "error": {
        "root_cause": [{"type": "parsing_exception", "reason": "unknown query [matchh]"}],
        "type": "parsing_exception",
        "reason": "unknown query [matchh]",
    },
    "status": 400,
}
ES_503 = {
    "error": {"type": "unavailable_shards_exception", "reason": "primary shard is not active"},
    "status": 503,
}


# -- the template -----------------------------------------------------------------------


def test_template_analyzers() -> None:
    template = index_template("myrtille")
    assert template["index_patterns"] == [f"myrtille-v{MAPPING_VERSION}"]
    analysis = template["template"]["settings"]["analysis"]
    filters = analysis["filter"]
    fr = analysis["analyzer"]["myrtille_fr"]["filter"]
    en = analysis["analyzer"]["myrtille_en"]["filter"]
    assert [filters[name]["type"] for name in fr if name in filters] == [
        "elision",
        "stop",
        "stemmer",
    ]
    assert {"lowercase", "asciifolding"} <= set(fr) and {"lowercase", "asciifolding"} <= set(en)
    assert "l" in filters["myrtille_fr_elision"]["articles"]
    assert filters["myrtille_fr_elision"]["articles_case"] is True
    assert filters["myrtille_fr_stop"]["stopwords"] == "_french_"
    assert filters["myrtille_fr_stemmer"]["language"] == "light_french"
    assert filters["myrtille_en_stop"]["stopwords"] == "_english_"
    assert filters["myrtille_en_stemmer"]["language"] == "english"
    assert filters["myrtille_en_possessive"]["language"] == "possessive_english"
    # Folding happens before stop words: queries arrive folded.
    assert fr.index("asciifolding") < fr.index("myrtille_fr_stop")
    words = analysis["analyzer"]["myrtille_words"]
    assert words["filter"] == []
    assert analysis["tokenizer"][words["tokenizer"]]["type"] == "whitespace"


def test_template_mappings() -> None:
    mappings = index_template("myrtille")["template"]["mappings"]
    properties = mappings["properties"]
    assert mappings["_meta"] == {"mapping_version": MAPPING_VERSION}
    assert mappings["dynamic"] == "strict"
    for name in ("company", "org", "person", "place", "sector", "event", "region", "dept"):
        assert properties[f"f_{name}"] == {"type": "keyword"}
    assert properties["f_lang"] == properties["f_source"] == {"type": "keyword"}
    assert "title_lemmas" not in properties and "text_lemmas" not in properties
    for stream in STREAMS:
        assert properties[stream]["type"] == "text"
        assert properties[stream]["analyzer"] == "myrtille_words"
    for name in ("title", "text"):
        assert properties[name]["fields"]["fr"]["analyzer"] == "myrtille_fr"
        assert properties[name]["fields"]["en"]["analyzer"] == "myrtille_en"
    assert properties["id"]["type"] == properties["cluster"]["type"] == "keyword"
    assert properties["date"]["type"] == properties["published_at"]["type"] == "date"
    assert properties["seq"]["type"] == "long"
    assert properties["payload"] == {"type": "object", "enabled": False}
    assert properties["facet_company"]["type"] == "nested"
    assert properties["facet_company"]["properties"]["value"]["type"] == "keyword"
    for facet in ("sector", "event", "region", "source", "lang"):
        assert properties[f"facet_{facet}"] == {"type": "alias", "path": f"f_{facet}"}


# -- bulk bodies ----------------------------------------------------------------------


def test_bulk_actions_build_sources_as_sqlite_does() -> None:
    first = make_document()
    second = make_document(id="doc-2", companies=[], language=None, published_at=None)
    actions = bulk_actions("myrtille", [first, second], seqs=[10, 11])
    assert [a["_id"] for a in actions] == ["doc-1", "doc-2"]
    assert {a["_op_type"] for a in actions} == {"index"}
    assert {a["_index"] for a in actions} == {"myrtille"}
    source = actions[0]["_source"]
    assert source["title_words"] == " ".join(words_of(first.title))
    assert source["text_words"] == " ".join(words_of(first.text))
    # French stems of a French document's words; its English stem fields stay empty.
    assert source["title_stems_fr"] == "l usin airbus de blagnac recrut"
    assert source["text_stems_fr"].startswith("airbus annonc une leve de fond")
    assert source["title_stems_en"] == source["text_stems_en"] == ""
    english = document_source(make_document(language="en", title="Factories hired"), 1)
    assert english["title_stems_en"] == "factori hire" and english["title_stems_fr"] == ""
    # No stemmer for the language: the words alone.
    assert all(actions[1]["_source"][f] == "" for f in STREAMS if "_stems_" in f)
    for name, values in field_values(first).items():
        assert source[f"f_{name}"] == sorted(values)
    assert source["f_company"] == ["383474814", "airbus", "airbus se", "safran"]
    assert source["f_lang"] == ["fr"] and actions[1]["_source"]["f_lang"] == []
    assert source["f_event"] == ["hiring"]
    # One display value per company (SIREN, else the name's key), named by the first.
    assert source["facet_company"] == [
        {"value": "383474814", "label": "Airbus SE"},
        {"value": "safran", "label": "Safran SA"},
    ]
    assert source["date"] == source["published_at"] == "2026-01-05T09:30:12Z"
    # The second has no publication date: it is filed under its collection date.
    assert actions[1]["_source"]["published_at"] is None
    assert actions[1]["_source"]["date"] == "2026-01-06T08:00:00Z"
    assert [a["_source"]["seq"] for a in actions] == [10, 11]
    assert source["payload"]["published_at"] == "2026-01-05T09:30:12"
    assert from_payload(source["payload"]) == make_document(
        published_at=datetime(2026, 1, 5, 9, 30, 12, tzinfo=UTC),
        collected_at=datetime(2026, 1, 6, 8, 0, tzinfo=UTC),
    )
    json.dumps(actions)  # the whole body is JSON


def test_seq_numbers_increase_and_stay_exact_in_a_double() -> None:
    first = bulk_actions("m", [make_document(), make_document(id="b")])
    second = bulk_actions("m", [make_document(id="c")])
    seqs = [a["_source"]["seq"] for a in first + second]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    # The max aggregation answers a double: the numbers must survive the round trip.
    assert all(int(float(s)) == s for s in seqs)


# -- the query DSL ----------------------------------------------------------------------

STREAMS = [
    "title_words",
    "title_stems_fr",
    "title_stems_en",
    "text_words",
    "text_stems_fr",
    "text_stems_en",
]
ANY = STREAMS


def phrase_on(fields: list[str], phrase: str) -> dict[str, Any]:
    """The words as written in the word fields, stemmed in each stem field's language."""
    return {
        "bool": {
            "should": [
                {"match_phrase": {f: {"query": stemmed(f, phrase), "slop": 0}}} for f in fields
            ],
            "minimum_should_match": 1,
        }
    }


def stemmed(field: str, phrase: str) -> str:
    if "_stems_" not in field:
        return phrase
    return " ".join(stem(word, field.rsplit("_", 1)[1]) for word in phrase.split())


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


# -- the client against a local server ------------------------------------------------


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


@pytest.mark.parametrize("refresh", ["wait_for", "true"])
def test_bulk_writes_ask_for_the_configured_refresh(
    cluster: Callable[..., FakeCluster], refresh: str
) -> None:
    # Tests that read their writes, not production, ask bulk writes to wait for a refresh.
    fake = cluster({"/_bulk": es_route(200, bulk_answer(("a", 201, None)))})
    assert backend(fake, refresh=refresh).index([make_document(id="a")]) == 1
    assert parse_qs(fake.requests[0].query)["refresh"] == [refresh]


# -- every match, and deep pages: point in time + search_after --------------------------


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
