# ruff: noqa: F811  (backend: the parametrised fixture from tests/index/contract.py)
"""One contract suite for every index backend: the same corpus, the same queries, the same
answers; and the in-memory evaluator agrees with each backend on every query (what each
backend keeps and answers beyond matching is in test_contract_results.py; the backends and
the fixture in tests/index/contract.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myrtille.index.base import IndexBackend
from myrtille.index.matching import matches
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text, parse
from myrtille.index.resolver import CodeResolver
from tests.index.contract import (  # noqa: F401 (backend is the parametrised fixture)
    backend,
    expected,
    ids,
    make_backend,
)
from tests.index.corpus import CORPUS, doc

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
