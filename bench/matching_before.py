"""The matcher as it was before the shared query graph (issue 16.5): each candidate query
decided alone by the in-memory evaluator. Kept as the peer ``bench/matching.py`` measures
the graph against, in the same run, and as a second check of the graph's matches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from myrtille.alerts.matcher import CompiledSubscription, document_keys
from myrtille.alerts.querygraph import Key
from myrtille.index.base import IndexedDocument
from myrtille.index.matching import DocumentView, matches, view
from myrtille.index.query import Node


class MatcherBefore:
    """Candidate queries by required key; identical queries (same AST) evaluated once."""

    def __init__(self, subscriptions: Iterable[CompiledSubscription] = ()) -> None:
        self.by_key: dict[Key, list[Node]] = defaultdict(list)
        self.always: list[Node] = []
        self.subscribers_of: dict[Node, list[CompiledSubscription]] = {}
        for subscription in subscriptions:
            self.add(subscription)

    def add(self, subscription: CompiledSubscription) -> None:
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

    def _candidate_queries(self, seen: DocumentView) -> set[Node]:
        found: set[Node] = set(self.always)
        for key in document_keys(seen):
            found.update(self.by_key.get(key, ()))
        return found

    def match(self, document: IndexedDocument) -> list[int]:
        seen = view(document)
        return sorted(
            s.id
            for query in self._candidate_queries(seen)
            if matches(query, seen)
            for s in self.subscribers_of[query]
        )
