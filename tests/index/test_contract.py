"""One contract suite for every index backend: the same corpus, the same queries, the same
answers; and the in-memory evaluator agrees with each backend on every query."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myrtille.config.loading import load_settings
from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.factory import open_index
from myrtille.index.matching import matches
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text, parse
from myrtille.index.resolver import CodeResolver
from tests.index.corpus import CORPUS, doc
from tests.run_environment import run_variable

ES_URL = run_variable("MYRTILLE_TEST_ELASTICSEARCH_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "elasticsearch",
        marks=pytest.mark.skipif(
            not ES_URL, reason="set MYRTILLE_TEST_ELASTICSEARCH_URL to run against a cluster"
        ),
    ),
]


def make_backend(kind: str, tmp_path: Path) -> IndexBackend:
    index = (
        {"backend": "sqlite", "url": f"sqlite:///{tmp_path / 'index.db'}"}
        if kind == "sqlite"
        else {
            "backend": "elasticsearch",
            "url": ES_URL,
            "name": f"myrtille-test-{uuid.uuid4().hex[:8]}",
            # The contract reads its writes at once.
            "refresh": "wait_for",
        }
    )
    settings_ = load_settings(None, env={}, overrides={"data_dir": str(tmp_path), "index": index})
    return open_index(settings_)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    index = make_backend(request.param, tmp_path)
    index.index(CORPUS)
    yield index
    index.clear()
    index.close()


def ids(backend: IndexBackend, query: str | Node, **options: object) -> set[str]:
    node = parse(query, CodeResolver()) if isinstance(query, str) else query
    result = backend.search(SearchRequest(query=node, per_page=100, **options))  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


def expected(query: str | Node) -> set[str]:
    node = parse(query, CodeResolver()) if isinstance(query, str) else query
    return {d.id for d in CORPUS if matches(node, d)}


CASES = {
    "aerovolt": {"a1", "a2", "a3"},
    "aérovolt toulouse": {"a2", "a3"},
    "AEROVOLT -toulouse": {"a1"},
    "usine": {"a1", "c1", "c2"},  # "usines" found through the lemma
    "acquire": {"a3", "d2"},  # "acquired" through the lemma
    '"levée de fonds"': {"a1"},
    '"fonds levée"': set(),
    "title:rachète": {"b1", "d1"},
    'title:"série a"': {"a2"},
    "vernay OR marchal": {"b1", "b2"},
    "(vernay OR marchal) redressement": {"b2"},
    "NOT aerovolt sector:aeronautics": set(),
    "company:919985002": {"a1", "a2", "a3"},
    'company:"Aérovolt SAS"': {"a1", "a2", "a3"},
    "company:bpifrance": {"a1"},
    "org:vernay": {"b1"},
    'person:"claire martin"': {"a1"},
    "place:quimper": {"c1"},
    "sector:aeronautique": {"a1", "a2", "a3"},
    "event:acquisition region:occitanie": {"a3", "d1", "d2"},
    "event:rachat": {"a3", "b1", "d1", "d2"},
    "region:bretagne": {"b1", "c1"},
    "dept:29": {"b1", "c1"},
    "dept:haute-garonne": {"a1", "a2", "a3"},
    "lang:en": {"a3", "d2"},
    "source:bodacc": {"e1"},
    "after:2026-10-15": {"b2", "c1", "d1", "d2"},
    "before:2026-10-02": {"a1", "e1"},
    "-after:2026-10-15 event:hiring": {"c2"},  # undated: outside both bounds
    "after:2026-10-01 before:2026-10-03": {"a1", "a2"},
    "12:30 c++": {"c2"},
    "*étoile* ^chapeau": {"c2"},
    "NEAR": {"c2"},
    "quoi near": {"c2"},
}


@pytest.mark.parametrize("query", list(CASES))
def test_queries(backend: IndexBackend, query: str) -> None:
    assert expected(query) == CASES[query], "the in-memory evaluator disagrees with the case"
    assert ids(backend, query) == CASES[query]


# Inflected forms (issue 14.1): a query word meets the document's word whichever of the
# singular or plural, or of the verb's forms, each side has. Texts written for this test.
INFLECTED = [
    doc(
        "m1",
        "Les usines de batteries tournent à plein",
        "Deux levées de fonds ont été bouclées cette semaine par des fabricants lorrains.",
        day=3,
    ),
    doc(
        "m2",
        "Une usine ferme dans le Jura",
        "Le site de découpe sera racheté par un concurrent suisse.",
        day=4,
    ),
    doc(
        "m3",
        "Le groupe rachète un sous-traitant",
        "Il a recruté vingt techniciens après une levée de fonds menée en juin.",
        day=5,
    ),
    doc(
        "m4",
        "Two factories hire engineers",
        "The supplier acquired a rival and opened new plants near Lyon.",
        language="en",
        day=6,
    ),
    doc(
        "m5",
        "A factory is closing",
        "The company is hiring again and plans to acquire the plant it leased.",
        language="en",
        day=7,
    ),
]
INFLECTED_CASES = {
    # French: singular and plural, past participle and present, in phrases too.
    "usine": {"m1", "m2"},
    "usines": {"m1", "m2"},
    "title:usines": {"m1", "m2"},
    '"levée de fonds"': {"m1", "m3"},
    '"levées de fonds"': {"m1", "m3"},
    "racheter": {"m2", "m3"},
    "recrutés": {"m3"},
    "bouclée": {"m1"},
    "usines -racheté": {"m1"},
    # English: plural, -ed, -ing, third person.
    "factory": {"m4", "m5"},
    "factories": {"m4", "m5"},
    "acquires": {"m4", "m5"},
    "hires": {"m4", "m5"},
    "plant": {"m4", "m5"},
    '"new plant"': {"m4"},
    '"acquiring the plants"': {"m5"},
    "closed": {"m5"},
    # A stem is looked for only among documents of its language: "fabricated" is
    # "fabric" in English, as the French "fabricants" is in French.
    "fabricant": {"m1"},
    "fabricated": set(),
}


@pytest.mark.parametrize("query", list(INFLECTED_CASES))
def test_inflected_forms_meet_whichever_side_has_them(backend: IndexBackend, query: str) -> None:
    backend.index(INFLECTED)
    node = parse(query, CodeResolver())
    found = {d.id for d in INFLECTED if matches(node, d)}
    assert found == INFLECTED_CASES[query], "the in-memory evaluator disagrees with the case"
    every = {d.id for d in [*CORPUS, *INFLECTED] if matches(node, d)}
    assert ids(backend, node) == every


AEROVOLT, MARCHAL, VAUCLAIR = "919985002", "955501357", "904150562"
# A large portfolio: the corpus's Marchal among 100,000 SIRENs no document mentions.
LARGE = frozenset({MARCHAL, *(f"{n:09d}" for n in range(100_000_000, 100_100_000))})
PORTFOLIO_CASES: list[tuple[Node, set[str]]] = [
    (Members("clients", frozenset({AEROVOLT})), {"a1", "a2", "a3"}),
    (Members("clients", frozenset({AEROVOLT, MARCHAL, VAUCLAIR})), {"a1", "a2", "a3", "b2", "e1"}),
    (Members("empty", frozenset()), set()),
    (Not(Members("clients", frozenset({AEROVOLT}))), {d.id for d in CORPUS} - {"a1", "a2", "a3"}),
    (And((Members("clients", frozenset({AEROVOLT})), Text(("toulouse",)))), {"a2", "a3"}),
    (
        Or((Members("a", frozenset({MARCHAL})), Members("b", frozenset({AEROVOLT})))),
        {"a1", "a2", "a3", "b2"},
    ),
    (Members("large", LARGE), {"b2"}),
]


@pytest.mark.parametrize(("query", "found"), PORTFOLIO_CASES, ids=lambda v: str(v)[:60])
def test_portfolio_membership(backend: IndexBackend, query: Node, found: set[str]) -> None:
    assert expected(query) == found, "the in-memory evaluator disagrees with the case"
    assert ids(backend, query) == found


def test_indexing_is_idempotent_and_get_returns_the_document(backend: IndexBackend) -> None:
    assert backend.count() == len(CORPUS)
    backend.index(CORPUS[:3])
    assert backend.count() == len(CORPUS)
    stored = backend.get("a1")
    assert stored is not None
    assert stored.title == CORPUS[0].title and stored.companies == CORPUS[0].companies
    assert stored.published_at == CORPUS[0].published_at
    assert backend.get("nope") is None


def test_get_many_returns_the_stored_documents_by_id(backend: IndexBackend) -> None:
    found = backend.get_many(["b1", "a1", "nope", "a1"])
    assert set(found) == {"a1", "b1"}
    assert found["a1"] == backend.get("a1") and found["b1"] == backend.get("b1")
    assert backend.get_many([]) == {}
    # More ids than one round trip asks for.
    every = backend.get_many([d.id for d in CORPUS] + [f"missing-{n}" for n in range(600)])
    assert set(every) == {d.id for d in CORPUS}


def test_replacing_a_document_changes_what_matches(backend: IndexBackend) -> None:
    backend.index([replace(CORPUS[0], title="Titre changé", sectors=["energy"])])
    assert "a1" not in ids(backend, "sector:aeronautics")
    assert "a1" in ids(backend, "sector:energy")
    assert backend.count() == len(CORPUS)


def test_delete_and_clear(backend: IndexBackend) -> None:
    assert backend.delete(["a1", "missing"]) == 1
    assert backend.get("a1") is None and backend.count() == len(CORPUS) - 1
    backend.clear()
    assert backend.count() == 0


def test_facets_and_histogram(backend: IndexBackend) -> None:
    node = parse("aerovolt", CodeResolver())
    result = backend.search(
        SearchRequest(
            query=node,
            facets=("company", "sector", "lang", "source", "event", "region"),
            histogram="day",
        )
    )
    companies = {f.value: (f.count, f.label) for f in result.facets["company"]}
    assert companies["919985002"] == (3, "Aérovolt SAS")
    assert companies["bpifrance"][0] == 1
    assert {f.value: f.count for f in result.facets["lang"]} == {"fr": 2, "en": 1}
    assert {f.value: f.count for f in result.facets["event"]} == {
        "fundraising": 2,
        "investment": 1,
        "acquisition": 1,
    }
    assert result.histogram == [("2026-10-01", 1), ("2026-10-02", 1), ("2026-10-03", 1)]
    monthly = backend.search(
        SearchRequest(query=parse("event:acquisition", CodeResolver()), histogram="month")
    )
    assert monthly.histogram == [("2026-10", 2), ("2026-11", 2)]


@pytest.mark.parametrize("query", ["", "aerovolt", "sector:energy OR event:acquisition"])
def test_territory_facets_count_every_match_beyond_the_default_limit(
    backend: IndexBackend, query: str
) -> None:
    """The map's counts: a department and a region facet over all matches, every value
    listed when asked (more than 20), equal to the in-memory evaluator's count."""
    many = [
        doc(f"t{n}", f"Usine {n}", "Une usine ouvre.", departments=[f"{n:02d}"], regions=["76"])
        for n in range(40, 66)
    ]
    backend.index(many)
    node = parse(query, CodeResolver()) if query else And(())
    result = backend.search(
        SearchRequest(query=node, per_page=1, facets=("dept", "region"), facet_limit=200)
    )
    for facet, attribute in (("dept", "departments"), ("region", "regions")):
        counted: dict[str, int] = {}
        for document in [*CORPUS, *many]:
            if matches(node, document):
                for value in {v.lower() for v in getattr(document, attribute)}:
                    counted[value] = counted.get(value, 0) + 1
        assert {f.value: f.count for f in result.facets[facet]} == counted
    if not query:
        assert len(result.facets["dept"]) > 20


def test_sorting_and_pagination_stay_stable_while_documents_arrive(backend: IndexBackend) -> None:
    node = parse("region:occitanie", CodeResolver())
    first = backend.search(SearchRequest(query=node, sort="date", per_page=2, page=1))
    assert [h.id for h in first.hits] == ["d1", "d2"] or [h.id for h in first.hits] == ["d2", "d1"]
    assert first.total == 5
    # A new matching document arrives between the two pages.
    backend.index([doc("z9", "Nouvelle en Occitanie", "Texte.", month=12, day=1, regions=["76"])])
    second = backend.search(
        SearchRequest(query=node, sort="date", per_page=2, page=2, as_of=first.as_of)
    )
    assert second.total == 5
    assert [h.id for h in second.hits] == ["a3", "a2"]
    fresh = backend.search(SearchRequest(query=node, sort="date", per_page=2))
    assert fresh.total == 6 and fresh.hits[0].id == "z9"


SCAN_QUERIES = ["", "aerovolt", "event:rachat", "-after:2026-10-15 event:hiring", "fonds levée"]


@pytest.mark.parametrize("query", SCAN_QUERIES)
@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_scan_reads_every_match_in_date_order(
    backend: IndexBackend, query: str, batch_size: int
) -> None:
    node = parse(query, CodeResolver()) if query else And(())
    scanned = [d.id for d in backend.scan(node, batch_size=batch_size)]
    assert len(scanned) == len(set(scanned)), "a document came twice"
    assert set(scanned) == expected(node)
    # The order of sort="date", read through every page: exports list what pages list.
    paged = backend.search(SearchRequest(query=node, sort="date", per_page=100))
    assert scanned == [h.id for h in paged.hits] and len(scanned) == paged.total


def test_scan_sees_the_index_as_of_its_start(backend: IndexBackend) -> None:
    node = parse("region:occitanie", CodeResolver())
    first = backend.search(SearchRequest(query=node, sort="date", per_page=1))
    backend.index([doc("z9", "Nouvelle en Occitanie", "Texte.", month=12, day=1, regions=["76"])])
    assert "z9" not in {d.id for d in backend.scan(node, as_of=first.as_of, batch_size=2)}
    scan = backend.scan(node, batch_size=2)
    assert next(scan).id == "z9"
    # A scan left half-read releases what it holds (connection, point in time).
    scan.close()  # type: ignore[attr-defined]
    assert len(list(backend.scan(node))) == 6


def test_relevance_puts_title_matches_first(backend: IndexBackend) -> None:
    result = backend.search(SearchRequest(query=parse("rachète", CodeResolver()), sort="relevance"))
    assert {h.id for h in result.hits} == {"b1", "d1"}
    assert all(h.score is not None for h in result.hits)


def test_snippets_are_escaped_and_highlighted(backend: IndexBackend) -> None:
    backend.index([doc("x1", "Piège", "Un <script>alert(1)</script> dans une usine.")])
    [hit] = backend.search(SearchRequest(query=parse("script usine", CodeResolver()))).hits
    assert "<script>" not in hit.snippet
    assert "&lt;<mark>script</mark>&gt;" in hit.snippet
    assert "<mark>usine</mark>" in hit.snippet


# Early: the phrase's words apart, and many "de"; the phrase itself deep in the text.
LONG_TEXT = (
    "Solaris annonce de bons résultats. La levée des restrictions de circulation profite "
    "aux fonds de commerce de la région. "
    + "Le marché de l'énergie de la région reste animé. " * 60
    + "Solaris finalise une levée de fonds de 12 millions d'euros auprès de Bpifrance. "
    + "Le marché de l'énergie de la région reste animé. " * 20
)


@pytest.mark.parametrize("query", ['"levée de fonds"', 'solaris "levée de fonds"'])
def test_snippets_show_the_phrase_whole_and_centred(backend: IndexBackend, query: str) -> None:
    backend.index([doc("x2", "Solaris", LONG_TEXT)])
    [hit] = [
        h
        for h in backend.search(SearchRequest(query=parse(query, CodeResolver()))).hits
        if h.id == "x2"
    ]
    # The phrase is marked whole, and none of its words alone (least of all "de").
    assert "<mark>levée de fonds</mark>" in hit.snippet, hit.snippet
    assert "<mark>de</mark>" not in hit.snippet
    assert "<mark>levée</mark>" not in hit.snippet and "<mark>fonds</mark>" not in hit.snippet
    # Centred on the phrase, 3 000 characters in, though a word of the query comes first.
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    plain_text = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    middle = plain_text.index("levée de fonds") + len("levée de fonds") // 2
    assert 0.3 < middle / len(plain_text) < 0.7, plain_text


def test_same_story(backend: IndexBackend) -> None:
    assert [h.id for h in backend.same_story("a1")] == ["a2"]
    assert backend.same_story("b1") == []


# -- property: the backend agrees with the in-memory evaluator on random queries ------

WORDS = [
    "aerovolt",
    "toulouse",
    "usine",
    "fonds",
    "levee",
    "rachete",
    "vernay",
    "acquire",
    "de",
    "la",
    "groupe",
    "quimper",
    "plant",
    "absent",
    # Inflected forms of the words of CORPUS and INFLECTED (stems must meet alike).
    "usines",
    "levees",
    "racheter",
    "recrutes",
    "factories",
    "acquires",
    "hiring",
    "plants",
    "fabricated",
]
FIELDS = [
    ("sector", "aeronautics"),
    ("sector", "energy"),
    ("event", "acquisition"),
    ("event", "insolvency"),
    ("region", "76"),
    ("region", "53"),
    ("dept", "29"),
    ("company", "919985002"),
    ("company", "bpifrance"),
    ("lang", "en"),
    ("source", "hebdo"),
    ("org", "vernay"),
    ("place", "quimper"),
]
leaves = st.one_of(
    st.builds(lambda w: Text((w,)), st.sampled_from(WORDS)),
    st.builds(lambda a, b: Text((a, b)), st.sampled_from(WORDS), st.sampled_from(WORDS)),
    st.builds(lambda w: Text((w,), "title"), st.sampled_from(WORDS)),
    st.builds(lambda f: Field(*f), st.sampled_from(FIELDS)),
    st.builds(
        lambda s: Members("p", frozenset(s)),
        st.sets(st.sampled_from(["919985002", "955501357", "972650600", "111111111"])),
    ),
    st.builds(
        lambda d, name: DateBound(name, d),
        st.dates(
            min_value=__import__("datetime").date(2026, 9, 28),
            max_value=__import__("datetime").date(2026, 11, 27),
        ),
        st.sampled_from(["after", "before"]),
    ),
)
queries = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.builds(lambda xs: And(tuple(xs)), st.lists(children, min_size=0, max_size=3)),
        st.builds(lambda xs: Or(tuple(xs)), st.lists(children, min_size=0, max_size=3)),
        st.builds(Not, children),
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def sqlite_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IndexBackend]:
    index = make_backend("sqlite", tmp_path_factory.mktemp("prop"))
    index.index([*CORPUS, *INFLECTED])
    yield index
    index.close()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queries)
def test_sqlite_agrees_with_the_in_memory_evaluator(
    sqlite_backend: IndexBackend, query: Node
) -> None:
    assert ids(sqlite_backend, query) == {d.id for d in [*CORPUS, *INFLECTED] if matches(query, d)}
