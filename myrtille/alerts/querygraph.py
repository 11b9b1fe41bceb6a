"""Every subscription's query as one graph of distinct sub-expressions, evaluated once a
document.

Queries are hash-consed: ``sector:energy`` is one node however many queries hold it, and
``sector:energy region:76`` one node for its thousand subscribers whatever the order they
wrote it in (AND and OR are commutative and idempotent, so their children are kept as a
sorted set). A document then costs its distinct work:

- *keyed* leaves — ``field:value``, ``portfolio:NAME`` and single words — are true when
  the document has one of their keys (a word, a stem in a language, a field value); they
  are found by looking the document's keys up once, shared by every query that uses them;
- the other leaves (phrases, ``title:`` words, dates) go to the in-memory evaluator that
  defines the semantics, once a document each;
- each inner node is decided once a document (memoised), its cheap children first.

The semantics are those of ``myrtille.index.matching``; ``tests/alerts/test_matcher.py``
holds the graph to it on random queries and documents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from myrtille.index.matching import DocumentView, matches
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text
from myrtille.index.stems import STEM_LANGUAGES, stem

Key = tuple[str, str]
_NONE: frozenset[int] = frozenset()

# Node kinds; cheaper kinds sort first among an AND's or an OR's children. An AND or OR
# of keyed leaves alone (``sector:energy region:76``, ``a b``) is *flat*: one set
# operation on the document's true leaves decides it.
KEYED, FLAT_AND, FLAT_OR, CHECKED, NOT, AND, OR = range(7)


def leaf_keys(node: Node) -> frozenset[Key] | None:
    """The keys of which a document has at least one exactly when the leaf is true, or
    None when the leaf needs the evaluator (phrases, title words, dates)."""
    if isinstance(node, Field):
        return frozenset({(node.name, node.value)})
    if isinstance(node, Members):
        return frozenset(("company", siren) for siren in node.sirens)
    if isinstance(node, Text) and node.field == "any" and len(node.words) == 1:
        # Matcher keys name a word of the title or text as "word", a stem as its language.
        word = node.words[0]
        return frozenset(
            {("word", word), *((language, stem(word, language)) for language in STEM_LANGUAGES)}
        )
    return None


class QueryGraph:
    """Distinct sub-expressions, numbered; ``add`` returns the number of a query's root."""

    def __init__(self) -> None:
        self.kinds: list[int] = []
        self.children: list[tuple[int, ...]] = []
        # The children of each flat node as a set (empty for the others).
        self.child_sets: list[frozenset[int]] = []
        # The query node of each CHECKED leaf (None for the others).
        self.leaves: list[Node | None] = []
        self.keyed_by_key: dict[Key, list[int]] = defaultdict(list)
        self._numbers: dict[object, int] = {}
        self._leaf_numbers: dict[Node, int] = {}

    def __len__(self) -> int:
        return len(self.kinds)

    def add(self, node: Node) -> int:
        if isinstance(node, And | Or):
            kind = AND if isinstance(node, And) else OR
            items = sorted({self.add(item) for item in node.items}, key=self._order)
            if len(items) == 1:
                return items[0]  # a one-item AND or OR is its item
            if items and all(self.kinds[item] == KEYED for item in items):
                kind = FLAT_AND if kind == AND else FLAT_OR
            return self._inner((kind, tuple(items)))
        if isinstance(node, Not):
            return self._inner((NOT, (self.add(node.item),)))
        if not isinstance(node, Text | Field | Members | DateBound):
            raise TypeError(f"not a query node: {node!r}")
        number = self._leaf_numbers.get(node)
        if number is None:
            keys = leaf_keys(node)
            number = self._new(KEYED if keys is not None else CHECKED, (), node)
            for key in keys or ():
                self.keyed_by_key[key].append(number)
            self._leaf_numbers[node] = number
        return number

    def _order(self, number: int) -> tuple[int, int]:
        return self.kinds[number], number

    def _inner(self, shape: tuple[int, tuple[int, ...]]) -> int:
        number = self._numbers.get(shape)
        if number is None:
            number = self._new(shape[0], shape[1], None)
            self._numbers[shape] = number
        return number

    def _new(self, kind: int, children: tuple[int, ...], leaf: Node | None) -> int:
        self.kinds.append(kind)
        self.children.append(children)
        self.child_sets.append(frozenset(children) if kind in (FLAT_AND, FLAT_OR) else _NONE)
        self.leaves.append(leaf if kind == CHECKED else None)
        return len(self.kinds) - 1

    def true_roots(self, seen: DocumentView, keys: set[Key], roots: Iterable[int]) -> list[int]:
        """The roots among ``roots`` the document matches (``keys``: its keys)."""
        true_keyed: set[int] = set()
        by_key = self.keyed_by_key
        for key in keys:
            found = by_key.get(key)
            if found:
                true_keyed.update(found)
        kinds, children, leaves, child_sets = (
            self.kinds,
            self.children,
            self.leaves,
            self.child_sets,
        )
        memo: dict[int, bool] = {}

        def value(number: int) -> bool:
            kind = kinds[number]
            if kind == KEYED:
                return number in true_keyed
            if kind == FLAT_AND:
                return true_keyed.issuperset(child_sets[number])
            if kind == FLAT_OR:
                return not true_keyed.isdisjoint(child_sets[number])
            known = memo.get(number)
            if known is not None:
                return known
            if kind == AND:
                result = all(value(child) for child in children[number])
            elif kind == OR:
                result = any(value(child) for child in children[number])
            elif kind == NOT:
                result = not value(children[number][0])
            else:
                result = matches(leaves[number], seen)  # type: ignore[arg-type]
            memo[number] = result
            return result

        true: list[int] = []
        for root in roots:
            # Most roots are flat or single leaves: decided here without a call.
            kind = kinds[root]
            if kind == FLAT_AND:
                if true_keyed.issuperset(child_sets[root]):
                    true.append(root)
            elif kind == KEYED:
                if root in true_keyed:
                    true.append(root)
            elif value(root):
                true.append(root)
        return true
