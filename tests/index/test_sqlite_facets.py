"""The SQLite index counts facets from the matched documents' packed term ids: held here to
their definition, written over the documents themselves — a value's count is the number
of matched documents that have it; values go by count, then by value (ties at the limit
included in that order); a company's label is the greatest its matched documents give it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from myrtille.index.base import FACET_FIELDS, FacetCount, IndexedDocument, SearchRequest
from myrtille.index.matching import company_facets, field_values, matches
from myrtille.index.query import And, Node, parse
from myrtille.index.resolver import CodeResolver
from myrtille.index.sqlite import SQLiteIndex
from tests.index.corpus import CORPUS, doc

# Same companies named differently, and many values tied on one document each.
NAMED = [
    doc("n1", "Hangar Toulouse", "Un hangar.", companies=[("Aérovolt", "919985002")]),
    doc("n2", "Atelier Blagnac", "Un atelier.", companies=[("Aérovolt SAS", "919985002")]),
    doc("n3", "Hangar Blagnac", "Un hangar.", companies=[("AEROVOLT", "919985002")]),
    doc("n4", "Usine sans nom", "Une usine.", companies=[("", "123456789")]),
    *(
        doc(f"t{n}", "Usine", "Une usine.", departments=[f"{n:02d}"], source=f"s{n % 4}")
        for n in range(10, 22)
    ),
]
DOCUMENTS = [*CORPUS, *NAMED]


def defined(node: Node, facet: str, limit: int) -> list[FacetCount]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for document in DOCUMENTS:
        if not matches(node, document):
            continue
        for value, label in values(document, facet):
            counts[value] = counts.get(value, 0) + 1
            if label is not None and (value not in labels or label > labels[value]):
                labels[value] = label
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [FacetCount(value, n, labels.get(value)) for value, n in ranked]


def values(document: IndexedDocument, facet: str) -> list[tuple[str, str | None]]:
    if facet == "company":
        return company_facets(document)
    return [(value, None) for value in field_values(document)[facet]]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteIndex]:
    backend = SQLiteIndex(tmp_path_factory.mktemp("facets") / "index.db")
    backend.create()
    backend.index(DOCUMENTS)
    yield backend
    backend.close()


@pytest.mark.parametrize("query", ["", "usine", "aerovolt OR usine", "-usine", "absentword"])
@pytest.mark.parametrize("limit", [1, 2, 3, 20])
def test_facets_are_counted_as_defined(index: SQLiteIndex, query: str, limit: int) -> None:
    node = parse(query, CodeResolver()) if query else And(())
    result = index.search(SearchRequest(node, facets=FACET_FIELDS, facet_limit=limit))
    assert result.facets == {facet: defined(node, facet, limit) for facet in FACET_FIELDS}


def test_labels_follow_the_matched_documents(index: SQLiteIndex) -> None:
    def label(query: str) -> str | None:
        node = parse(query, CodeResolver())
        found = index.search(SearchRequest(node, facets=("company",))).facets["company"]
        return next(f.label for f in found if f.value == "919985002")

    # Binary order, as SQLite's max() has it: "Aérovolt SAS" > "Aérovolt" > "AEROVOLT".
    assert label("hangar") == "Aérovolt"
    assert label("hangar -toulouse") == "AEROVOLT"
    assert label("hangar OR atelier") == "Aérovolt SAS"


def test_terms_no_document_has_go_when_the_index_is_optimised(tmp_path: Path) -> None:
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    index.index(DOCUMENTS)
    index.delete(["n4"])  # the only document naming 123456789
    index.optimise()
    values = {row[0] for row in index.db.execute("SELECT value FROM terms")}
    assert "123456789" not in values and "919985002" in values
    index.index([NAMED[3]])  # back, under a new id, counted again
    node = parse("usine", CodeResolver())
    result = index.search(SearchRequest(node, facets=("company",), facet_limit=50))
    assert result.facets["company"] == defined(node, "company", 50)
    index.close()
