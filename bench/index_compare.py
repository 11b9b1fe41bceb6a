"""Old against new: random searches, each asked of the schema 2 index (``index_v2.py``)
and of the current one built from the same documents; every result must be the same —
total, page (ids, order, scores to the bit, snippets), facets (values, counts, labels,
order) and histogram.

Queries are query trees, as the parser makes them: words and phrases of the documents
(some absent), ``title:``, every structured field with values the documents have, dates,
AND, OR and NOT nested up to three deep; requests take a random sort, page, facets,
facet limit and histogram interval.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from myrtille.index.base import FACET_FIELDS, IndexedDocument, SearchRequest, SearchResult
from myrtille.index.matching import field_values
from myrtille.index.query import And, DateBound, Field, Node, Not, Or, Text
from myrtille.pipeline.normalise import words_of


class Vocabulary:
    """What random queries are made of, taken from the documents searched."""

    def __init__(
        self, documents: Sequence[IndexedDocument], first: datetime, last: datetime
    ) -> None:
        texts = [words_of(f"{d.title} {d.text}") for d in documents]
        self.texts = [words for words in texts if len(words) > 1]
        self.words = [*sorted({w for words in texts for w in words}), "absentword"]
        self.titles = sorted({w for d in documents for w in words_of(d.title)})
        values = {(f, v) for d in documents for f, vs in field_values(d).items() for v in vs}
        self.fields = [*sorted(values), ("sector", "absent"), ("company", "000000000")]
        self.first, self.days = first.date(), (last - first).days


def random_query(rng: random.Random, vocab: Vocabulary, depth: int = 0) -> Node:
    kind = rng.random()
    if depth < 3 and kind < 0.3:
        items = tuple(random_query(rng, vocab, depth + 1) for _ in range(rng.randint(0, 3)))
        return And(items) if rng.random() < 0.6 else Or(items)
    if depth < 3 and kind < 0.38:
        return Not(random_query(rng, vocab, depth + 1))
    leaf = rng.random()
    if leaf < 0.4:
        return Text((rng.choice(vocab.words),))
    if leaf < 0.55:
        words = rng.choice(vocab.texts)
        start = rng.randrange(len(words) - 1)
        return Text(tuple(words[start : start + rng.randint(2, 3)]))
    if leaf < 0.62:
        return Text((rng.choice(vocab.titles),), "title")
    if leaf < 0.9:
        return Field(*rng.choice(vocab.fields))
    day = vocab.first + timedelta(days=rng.randint(-10, vocab.days + 10))
    return DateBound(rng.choice(("after", "before")), day)


def random_request(rng: random.Random, vocab: Vocabulary) -> SearchRequest:
    return SearchRequest(
        random_query(rng, vocab),
        sort=rng.choice(("relevance", "relevance", "date")),
        page=rng.choice((1, 1, 1, 2, 5)),
        facets=tuple(f for f in FACET_FIELDS if rng.random() < 0.4),
        facet_limit=rng.choice((3, 10, 20)),
        histogram=rng.choice((None, "day", "week", "month")),
    )


def compare(
    old: Callable[[SearchRequest], SearchResult],
    new: Callable[[SearchRequest], SearchResult],
    vocab: Vocabulary,
    count: int,
    seed: int = 16,
) -> tuple[list[str], dict[str, float]]:
    """The differences found over ``count`` random searches (at most 10 described), and
    the time each index took for all of them."""
    rng = random.Random(seed)
    failures: list[str] = []
    spent = {"old": 0.0, "new": 0.0}
    different = 0
    for _ in range(count):
        request = random_request(rng, vocab)
        started = time.perf_counter()
        expected = old(request)
        spent["old"] += time.perf_counter() - started
        started = time.perf_counter()
        found = new(request)
        spent["new"] += time.perf_counter() - started
        if found != expected:
            different += 1
            if len(failures) < 10:
                failures.append(f"{request!r}: {_difference(expected, found)}")
    if different:
        failures.append(f"{different} of {count} random searches differ")
    return failures, spent


def _difference(expected: SearchResult, found: SearchResult) -> str:
    for part in ("total", "hits", "facets", "histogram", "as_of"):
        if getattr(expected, part) != getattr(found, part):
            return f"{part}: old {getattr(expected, part)!r}, new {getattr(found, part)!r}"
    return "results differ"
