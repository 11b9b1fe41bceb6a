# ruff: noqa: F811  (backend: the parametrised fixture from tests/index/contract.py)
"""The contract suite for every index backend, beyond matching: writes and reads by id,
replacing and deleting, facets and histograms, stable sorting and pagination, scans,
relevance, snippets and stories, with the same corpus and the same answers on each backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.matching import matches
from myrtille.index.query import And, parse
from myrtille.index.resolver import CodeResolver
from tests.index.contract import (  # noqa: F401 (backend is the parametrised fixture)
    backend,
    expected,
    ids,
)
from tests.index.corpus import CORPUS, doc


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
