"""Matching new documents against every active subscription, in memory.

Each subscription's query is compiled once into the shared query graph and a set of
*keys*: words or field values of which a matching document must contain at least one (for
``a b`` one of the words, for ``sector:energy region:76`` the rarer-looking field, for
``a OR b`` both). Subscriptions are indexed by key, so a document only meets the
subscriptions sharing a key with it — the cost grows with the candidates, not with the
number of subscriptions — and the graph decides each distinct candidate query once
(``querygraph.py``). Queries without any required key (``-rumeur``, ``after:…`` alone)
are always candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from myrtille.alerts.querygraph import Key, QueryGraph
from myrtille.index.base import IndexedDocument
from myrtille.index.matching import SEARCHED, DocumentView, view
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text
from myrtille.index.stems import STEM_LANGUAGES, stem

# The language of each stem stream (word streams are absent): its keys are its stems.
STREAM_LANGUAGE = {name: language for name, language in SEARCHED["any"] if language}

# Fields whose values are rare in the stream of documents are the better keys.
FIELD_PREFERENCE = (
    "company",
    "org",
    "person",
    "place",
    "dept",
    "event",
    "sector",
    "region",
    "source",
    "lang",
)


@dataclass(frozen=True)
class CompiledSubscription:
    id: int
    query: Node
    keys: frozenset[Key] | None  # None: no required key, always a candidate
    channels: tuple[str, ...] = ()
    # SIRENs whose urgent legal notices skip the digest (alerts/urgency.py); empty: none.
    urgent_sirens: frozenset[str] = frozenset()


def required_keys(node: Node) -> frozenset[Key] | None:
    """Keys of which any matching document has at least one; None when there are none."""
    if isinstance(node, Text):
        # Every word of a phrase must be there, as written or as its stem in the
        # document's language; its longest word is the most selective.
        word = max(node.words, key=len)
        return frozenset(
            {("word", word), *((language, stem(word, language)) for language in STEM_LANGUAGES)}
        )
    if isinstance(node, Field):
        return frozenset({(node.name, node.value)})
    if isinstance(node, Members):
        # An empty portfolio matches nothing: a key no document has.
        return frozenset(("company", s) for s in node.sirens) or frozenset({("portfolio", "")})
    if isinstance(node, DateBound | Not):
        return None
    if isinstance(node, Or):
        keys: set[Key] = set()
        for item in node.items:
            item_keys = required_keys(item)
            if item_keys is None:
                return None
            keys |= item_keys
        return frozenset(keys) if node.items else None
    if isinstance(node, And):
        options = [k for k in (required_keys(item) for item in node.items) if k is not None]
        if not options:
            return None
        return min(options, key=_cost)
    raise TypeError(f"not a query node: {node!r}")


def _cost(keys: frozenset[Key]) -> tuple[int, int]:
    """Fewer keys, then words over broad fields (a region or language matches many). A
    word's stems come with it and do not count apart."""
    worst = max((FIELD_PREFERENCE.index(k[0]) if k[0] in FIELD_PREFERENCE else -1) for k in keys)
    return len([k for k in keys if k[0] not in STEM_LANGUAGES]), worst


def document_keys(seen: DocumentView) -> set[Key]:
    keys: set[Key] = set()
    for name, stream in seen.streams.items():
        kind = STREAM_LANGUAGE.get(name) or "word"
        keys.update((kind, word) for word in stream)
    for name, values in seen.values.items():
        keys.update((name, value) for value in values)
    return keys


class Matcher:
    """The active subscriptions: their queries as one graph of distinct sub-expressions
    (``querygraph.py``: identical queries and parts evaluated once a document), their
    roots indexed by required key, so a document only decides the roots it can match."""

    def __init__(self, subscriptions: Iterable[CompiledSubscription] = ()) -> None:
        self.graph = QueryGraph()
        self.by_key: dict[Key, list[int]] = defaultdict(list)
        self.always: list[int] = []
        self.subscribers_of: dict[int, list[CompiledSubscription]] = {}
        # The subscription ids of each root, for the fan-out.
        self.ids_of: dict[int, list[int]] = {}
        self.by_id: dict[int, CompiledSubscription] = {}
        self.size = 0
        for subscription in subscriptions:
            self.add(subscription)

    def add(self, subscription: CompiledSubscription) -> None:
        self.size += 1
        self.by_id[subscription.id] = subscription
        root = self.graph.add(subscription.query)
        sharing = self.subscribers_of.get(root)
        if sharing is not None:
            # The same query, perhaps written otherwise: the first one's keys serve both.
            sharing.append(subscription)
            self.ids_of[root].append(subscription.id)
            return
        self.subscribers_of[root] = [subscription]
        self.ids_of[root] = [subscription.id]
        if subscription.keys is None:
            self.always.append(root)
            return
        for key in subscription.keys:
            self.by_key[key].append(root)

    def candidates(self, seen: DocumentView) -> dict[int, CompiledSubscription]:
        return {
            s.id: s
            for root in self._candidate_roots(document_keys(seen))
            for s in self.subscribers_of[root]
        }

    def _candidate_roots(self, keys: set[Key]) -> set[int]:
        found: set[int] = set(self.always)
        by_key = self.by_key
        for key in keys:
            roots = by_key.get(key)
            if roots:
                found.update(roots)
        return found

    def match(self, document: IndexedDocument) -> list[int]:
        """Ids of the subscriptions whose query the document matches."""
        if not self.size:
            return []  # nothing to match: the document's words need not be stemmed
        seen = view(document)
        keys = document_keys(seen)
        ids_of = self.ids_of
        found: list[int] = []
        for root in self.graph.true_roots(seen, keys, self._candidate_roots(keys)):
            found.extend(ids_of[root])
        found.sort()
        return found

    def get(self, subscription_id: int) -> CompiledSubscription | None:
        return self.by_id.get(subscription_id)
