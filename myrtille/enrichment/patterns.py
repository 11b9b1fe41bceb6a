"""A small pattern language for lexicons, compiled to spaCy Matcher patterns.

Lexicons (sectors, event triggers) are data, written by people who know the field, not
Matcher dictionaries. A pattern is a space-separated list of items, each matching one
token on its *folded lemma* (lowercase, accents removed, typographic apostrophes made
plain), so ``usine`` finds "usines" and ``acquire`` finds "acquired".

Matching runs on documents that went through :func:`fold_doc` (the pipeline's
``myrtille_fold_norm`` component does it), which stores the folded lemma in LEMMA and the
folded text in NORM, so the compiled patterns use spaCy's native attributes:

- ``lever|boucler``  one token whose folded lemma is one of the alternatives
- ``=millions``      one token whose folded *text* is this (when lemmas are unreliable)
- ``NUM``            a number-like token ("12", "1,2", "douze")
- ``*``              up to three tokens of anything
- ``**``             up to six tokens of anything
- ``x?``             the item is optional (any item but ``*``)

Examples: ``lever * fonds``, ``placer en redressement judiciaire``,
``supprimer NUM emploi|poste``, ``raise NUM =m|=million|=bn``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, accents removed, apostrophes made plain: the form lexicons match on."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _folded_lemma(token: Token) -> str:
    # Blank pipelines (languages without a model) have no lemmas: fall back on the text.
    return fold(token.lemma_ or token.text)


def _folded_text(token: Token) -> str:
    return fold(token.text)


def register_extensions() -> None:
    """Declare the token attributes the compiled patterns read (idempotent)."""
    if not Token.has_extension("fold_lemma"):
        Token.set_extension("fold_lemma", getter=_folded_lemma)
    if not Token.has_extension("fold_text"):
        Token.set_extension("fold_text", getter=_folded_text)


def fold_doc(doc: Doc) -> Doc:
    """Fold each token's lemma (into LEMMA) and text (into NORM), once per document.

    Run after the statistical components, which read NORM as a feature; blank pipelines
    have no lemmas, so the folded text stands in for them.
    """
    for token in doc:
        folded = fold(token.text)
        token.norm_ = folded
        token.lemma_ = fold(token.lemma_) if token.lemma_ else folded
    return doc


class PatternError(ValueError):
    """A lexicon pattern that cannot be compiled; the message quotes it."""


def compile_pattern(expression: str) -> list[dict[str, Any]]:
    """Matcher token specs for one pattern expression."""
    items = expression.split()
    if not items:
        raise PatternError("empty pattern")
    specs: list[dict[str, Any]] = []
    for item in items:
        if item in ("*", "**"):
            if not specs:
                raise PatternError(f"'{expression}': a pattern cannot start with {item}")
            specs.append({"OP": "{0,3}" if item == "*" else "{0,6}"})
            continue
        optional = item.endswith("?") and len(item) > 1
        word = item[:-1] if optional else item
        if word == "NUM":
            spec: dict[str, Any] = {"LIKE_NUM": True}
        elif word.startswith("="):
            spec = {"NORM": {"IN": [fold(a) for a in word[1:].split("|") if a]}}
        else:
            alternatives = [fold(a) for a in word.split("|") if a]
            if not alternatives:
                raise PatternError(f"'{expression}': empty alternative in '{item}'")
            spec = {"LEMMA": {"IN": alternatives}}
        if optional:
            spec["OP"] = "?"
        specs.append(spec)
    if "OP" in specs[-1] and specs[-1]["OP"].startswith("{"):
        raise PatternError(f"'{expression}': a pattern cannot end with a wildcard")
    return specs
