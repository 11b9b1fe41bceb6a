"""Token patterns followed from a known first token, over a document's columns.

spaCy's Matcher, given a stretch of a document, makes a Python ``Token`` for each of its
tokens (twice) and tries every pattern at each of them; a lexicon pattern's first item
is a word (``patterns.PatternSet`` finds where it occurs), so from there the rest of the
pattern is followed here on the hashes the document's arrays hold: the LEMMA, NORM and
LIKE_NUM columns (``doctext.columns_of``), no Token made.

The answer is the Matcher's: every (label, start, end) a pattern can span from its
first token, each once; an optional item or a wildcard branches and every branch that
reaches the end of the pattern is a match (``tests/enrichment/test_pattern_engine.py``
holds the two to each other on random patterns and texts).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from spacy.strings import StringStore

# Which column a step reads: LEMMA, NORM, LIKE_NUM (as columns_of gives them), or none.
LEMMA_COLUMN, NORM_COLUMN, NUMBER_COLUMN, ANY_TOKEN = 0, 1, 2, 3
_ATTRIBUTES = {"LEMMA": LEMMA_COLUMN, "NORM": NORM_COLUMN}
_RANGES = {"{0,3}": 3, "{0,6}": 6}
_TRUE = frozenset({1})

# A step: the column it reads, the values a token must hold there (any token for
# ANY_TOKEN), the fewest and the most tokens it takes.
Step = tuple[int, frozenset[int], int, int]


def compile_steps(
    pattern: Sequence[dict[str, Any]], strings: StringStore
) -> tuple[Step, ...] | None:
    """The steps of ``pattern`` after its first item, or None when an item is not one
    ``patterns.compile_pattern`` writes (the Matcher then runs it)."""
    steps: list[Step] = []
    for spec in pattern[1:]:
        op = spec.get("OP")
        rest = {k: v for k, v in spec.items() if k != "OP"}
        if op in _RANGES and not rest:
            steps.append((ANY_TOKEN, frozenset(), 0, _RANGES[op]))
            continue
        if op not in (None, "?") or len(rest) != 1:
            return None
        least = 0 if op == "?" else 1
        ((attr, value),) = rest.items()
        if attr == "LIKE_NUM" and value is True:
            steps.append((NUMBER_COLUMN, _TRUE, least, 1))
            continue
        if attr not in _ATTRIBUTES:
            return None
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            values = list(value["IN"])
        else:
            return None
        steps.append((_ATTRIBUTES[attr], frozenset(strings.add(v) for v in values), least, 1))
    return tuple(steps)


def ends(
    steps: tuple[Step, ...], columns: Sequence[Sequence[int]], after: int, length: int
) -> Collection[int]:
    """Where a match of ``steps`` begun before token ``after`` can end, in a document of
    ``length`` tokens whose columns are ``columns`` (LEMMA, NORM, LIKE_NUM)."""
    positions: Collection[int] = (after,)
    for column, values, least, most in steps:
        if column == ANY_TOKEN:  # a wildcard: from each place, up to ``most`` tokens on
            positions = (
                range(after, min(after + most, length) + 1)  # the first step: no set built
                if positions == (after,)
                else {end for at in positions for end in range(at, min(at + most, length) + 1)}
            )
            continue
        held = columns[column]
        if least:  # one token that holds one of ``values``: most steps
            positions = [at + 1 for at in positions if at < length and held[at] in values]
        else:  # an optional token: with it or without it
            positions = {
                *positions,
                *(at + 1 for at in positions if at < length and held[at] in values),
            }
        if not positions:
            return ()
    return positions


# A program: a pattern's label and steps after its first item, with its gate: the column
# and values of its first required word, and how many tokens after the first item that
# word may stand (fewest, most); column -1 when no word is required.
Program = tuple[str, tuple[Step, ...], int, frozenset[int], int, int]


def program(label: str, steps: tuple[Step, ...]) -> Program:
    """``steps`` with their gate, read off the steps themselves: a match holds the first
    required word after the leading wildcards and options, so where none of its values
    stands in reach, ``ends`` cannot find any (most programs fail there)."""
    fewest = most = 0
    for column, values, least, longest in steps:
        if least and column != ANY_TOKEN:
            return label, steps, column, values, fewest, most
        fewest, most = fewest + least, most + longest
    return label, steps, -1, frozenset(), 0, 0


def matches(
    programs: Sequence[Program], columns: Sequence[Sequence[int]], after: int, length: int
) -> set[tuple[str, int]]:
    """Each (label, end) of ``programs`` begun before token ``after``, once: what ``ends``
    gives for each, the programs whose required word is out of reach not followed."""
    found: set[tuple[str, int]] = set()
    for label, steps, column, values, fewest, most in programs:
        if column >= 0:
            if most == 0:  # the word right after the first item: one look
                if after >= length or columns[column][after] not in values:
                    continue
            elif values.isdisjoint(columns[column][after + fewest : after + most + 1]):
                continue
        found.update((label, end) for end in ends(steps, columns, after, length))
    return found
