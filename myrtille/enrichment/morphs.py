"""A token's morphological features, worked out once per analysis (session 18).

``Token.morph.get(field)`` looks the analysis's features up and splits their strings at
each call (about 3 microseconds, ten times the cost of making the Token and its
``morph``); the event rules ask it for the words around each trigger. An analysis is
named by its hash (``MorphAnalysis.key``, the hash of its feature string, whatever the
vocabulary), so the values of a field are asked of ``get`` once per analysis and field
and looked up after that. The analyses are the few hundred a model's tagger gives.
"""

from __future__ import annotations

from spacy.tokens import Token

# (analysis hash, field) -> the field's values, as ``MorphAnalysis.get`` gives them.
_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}
# More analyses than any model's tagger gives: a text of made-up ones empties the table.
MAX_VALUES = 100_000


def feature(token: Token, field: str) -> tuple[str, ...]:
    """``token.morph.get(field)`` (as a tuple): the values of ``field`` in its analysis."""
    morph = token.morph
    key = (morph.key, field)
    values = _VALUES.get(key)
    if values is None:
        if len(_VALUES) >= MAX_VALUES:
            _VALUES.clear()
        values = _VALUES[key] = tuple(morph.get(field))
    return values
