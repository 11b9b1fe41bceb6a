"""Matching new documents against every active subscription, in memory.

Each subscription's query is compiled once into its AST and a set of *keys*: words or
field values of which a matching document must contain at least one (for ``a b`` one of
the words, for ``sector:energy region:76`` the rarer-looking field, for ``a OR b`` both).
Subscriptions are indexed by key, so a document only meets the subscriptions sharing a
key with it — the cost grows with the candidates, not with the number of subscriptions —
and the in-memory evaluator decides each candidate. Queries without any required key
(``-rumeur``, ``after:…`` alone) are always candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from myrtille.index.base import IndexedDocument
from myrtille.index.matching import SEARCHED, DocumentView, matches, view
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text
from myrtille.index.stems import STEM_LANGUAGES, stem

# The language of each stem stream (word streams are absent): its keys are its stems.
STREAM_LANGUAGE = {name: language for name, language in SEARCHED["any"] if language}

Key = tuple[str, str]
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
    """The active subscriptions, indexed by key; identical queries are evaluated once
    (many subscribers watch the same sector and region)."""

    def __init__(self, subscriptions: Iterable[CompiledSubscription] = ()) -> None:
        self.by_key: dict[Key, list[Node]] = defaultdict(list)
        self.always: list[Node] = []
        self.subscribers_of: dict[Node, list[CompiledSubscription]] = {}
        self.by_id: dict[int, CompiledSubscription] = {}
        self.size = 0
        for subscription in subscriptions:
            self.add(subscription)

    def add(self, subscription: CompiledSubscription) -> None:
        self.size += 1
        self.by_id[subscription.id] = subscription
        sharing = self.subscribers_of.get(subscription.query)
        if sharing is not None:
            sharing.append(subscription)
            return
        self.subscribers_of[subscription.query] = [subscription]
        if subscription.keys is None:
            self.always.append(subscription.query)
            return
        for key in subscription.keys:
            self.by_key[key].append(subscription.query)

    def candidates(self, seen: DocumentView) -> dict[int, CompiledSubscription]:
        return {
            s.id: s for query in self._candidate_queries(seen) for s in self.subscribers_of[query]
        }

    def _candidate_queries(self, seen: DocumentView) -> set[Node]:
        found: set[Node] = set(self.always)
        for key in document_keys(seen):
            found.update(self.by_key.get(key, ()))
        return found

    def match(self, document: IndexedDocument) -> list[int]:
        """Ids of the subscriptions whose query the document matches."""
        if not self.size:
            return []  # nothing to match: the document's words need not be stemmed
        seen = view(document)
        return sorted(
            s.id
            for query in self._candidate_queries(seen)
            if matches(query, seen)
            for s in self.subscribers_of[query]
        )

    def get(self, subscription_id: int) -> CompiledSubscription | None:
        return self.by_id.get(subscription_id)

    def match_brute_force(
        self, document: IndexedDocument, subscriptions: Iterable[CompiledSubscription]
    ) -> list[int]:
        """Every subscription evaluated: the baseline the pre-filter is measured against."""
        seen = view(document)
        return sorted(s.id for s in subscriptions if matches(s.query, seen))
