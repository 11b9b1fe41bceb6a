"""The subscription matcher: the pre-filter never loses a match, and spares work."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from myrtille.alerts.matcher import CompiledSubscription, Matcher, required_keys
from myrtille.index.base import IndexedDocument
from myrtille.index.matching import matches
from myrtille.index.query import And, Node, Not, Or, parse
from myrtille.index.resolver import CodeResolver
from myrtille.index.stems import stem
from tests.index.corpus import CORPUS
from tests.index.test_contract import queries


def brute_force(document: IndexedDocument, subscriptions: list[CompiledSubscription]) -> list[int]:
    """Every subscription evaluated by the evaluator that defines the semantics: what the
    pre-filter must find."""
    return sorted(s.id for s in subscriptions if matches(s.query, document))


def compiled(number: int, query: str) -> CompiledSubscription:
    node = parse(query, CodeResolver())
    return CompiledSubscription(number, node, required_keys(node))


def word(text: str) -> set[tuple[str, str]]:
    """A word's keys: itself, and its stem in each language (a document in that language
    holding another form of the word has that stem)."""
    return {("word", text), ("fr", stem(text, "fr")), ("en", stem(text, "en"))}


def test_required_keys() -> None:
    assert required_keys(parse("aerovolt")) == word("aerovolt")
    assert required_keys(parse("usines")) == {("word", "usines"), ("fr", "usin"), ("en", "usin")}
    assert required_keys(parse('"levee de fonds"')) == word("levee")
    both = parse("sector:energy region:76 vernay", CodeResolver())
    assert required_keys(both) == word("vernay")
    assert required_keys(parse("sector:energy region:76", CodeResolver())) == {("sector", "energy")}
    assert required_keys(parse("a OR b")) == word("a") | word("b")
    assert required_keys(parse("-rumeur")) is None
    assert required_keys(parse("a OR -b")) is None
    assert required_keys(parse("after:2026-01-01")) is None


def test_matching_documents_meet_only_their_candidates() -> None:
    subscriptions = [
        compiled(1, "aerovolt"),
        compiled(2, "event:acquisition region:occitanie"),
        compiled(3, "sector:construction"),
        compiled(4, "-aerovolt after:2026-11-01"),
        *[compiled(100 + n, f"motinexistant{n} autre{n}") for n in range(500)],
    ]
    matcher = Matcher(subscriptions)
    results = {d.id: matcher.match(d) for d in CORPUS}
    assert results["a1"] == [1]
    assert results["a3"] == [1, 2]
    assert results["b1"] == [3]
    assert results["d1"] == [2, 4]
    from myrtille.index.matching import view

    # The 500 subscriptions on absent words are never evaluated.
    assert len(matcher.candidates(view(CORPUS[0]))) <= 3


@settings(max_examples=150, deadline=None)
@given(st.lists(queries, min_size=1, max_size=12))
def test_prefilter_agrees_with_brute_force(nodes) -> None:  # type: ignore[no-untyped-def]
    subscriptions = [
        CompiledSubscription(i, node, required_keys(node)) for i, node in enumerate(nodes)
    ]
    matcher = Matcher(subscriptions)
    for document in CORPUS:
        assert matcher.match(document) == brute_force(document, subscriptions)


def reordered(node: Node) -> Node:
    """The same query with every AND's and OR's items in the reverse order."""
    if isinstance(node, And):
        return And(tuple(reordered(item) for item in reversed(node.items)))
    if isinstance(node, Or):
        return Or(tuple(reordered(item) for item in reversed(node.items)))
    if isinstance(node, Not):
        return Not(reordered(node.item))
    return node


def test_identical_queries_and_parts_are_one_node_each() -> None:
    texts = ["sector:energy region:76", "region:76 sector:energy", "sector:energy region:76"]
    subscriptions = [compiled(n, text) for n, text in enumerate(texts)]
    subscriptions.append(compiled(3, "sector:energy (region:76 OR region:75) -rumeur"))
    subscriptions.append(compiled(4, "-rumeur sector:energy"))
    matcher = Matcher(subscriptions)
    # Leaves sector:energy, region:76, region:75, rumeur; NOT rumeur; the OR; three ANDs.
    assert len(matcher.graph) == 9
    assert len(matcher.subscribers_of) == 3
    document = CORPUS[0]
    assert matcher.match(document) == brute_force(document, subscriptions)


@settings(max_examples=100, deadline=None)
@given(st.lists(queries, min_size=1, max_size=8))
def test_shared_parts_agree_with_brute_force(nodes) -> None:  # type: ignore[no-untyped-def]
    """Queries sharing sub-expressions, written in another order or combined, are decided
    once a document and still match exactly what the evaluator says."""
    variants = [
        *nodes,
        *(reordered(node) for node in nodes),
        *(And((a, b)) for a, b in pairwise(nodes)),
        *(Or((reordered(a), Not(b))) for a, b in pairwise(nodes)),
    ]
    subscriptions = [
        CompiledSubscription(i, node, required_keys(node)) for i, node in enumerate(variants)
    ]
    matcher = Matcher(subscriptions)
    for document in CORPUS:
        assert matcher.match(document) == brute_force(document, subscriptions)
