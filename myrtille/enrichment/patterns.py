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

import itertools
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy
from spacy.attrs import LEMMA, LIKE_NUM, NORM, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from myrtille.enrichment.doctext import columns_of, keep_columns
from myrtille.enrichment.pattern_steps import Program, compile_steps, matches, program

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


def fold_doc(doc: Doc, folded: dict[int, int] | None = None, *, keep: bool = False) -> Doc:
    """Fold each token's lemma (into LEMMA) and text (into NORM), once per document.

    Run after the statistical components, which read NORM as a feature; blank pipelines
    have no lemmas, so the folded text stands in for them. ``folded``: string hash ->
    its folded form's hash, kept by the caller across the documents of one vocabulary
    (whose string store holds every folded form it lists). ``keep``: the folded columns
    are kept for ``doctext.columns_of`` (the pipeline's component: nothing changes them
    after it), which need not read them back from the document.
    """
    strings = doc.vocab.strings
    cache = {} if folded is None else folded
    if len(cache) > MAX_FOLDED:
        cache.clear()
    # Arrays of hashes rather than Token objects; each hash mapped at C speed (map), and
    # only the hashes new to the cache folded (a text repeats most of its words and
    # lemmas, and the pipeline's cache holds most of any text's).
    rows = doc.to_array([ORTH, LEMMA, LIKE_NUM])
    if not len(rows):
        return doc
    hashes = rows[:, :2].ravel().tolist()  # text, lemma, text, lemma, ...
    try:
        found = list(map(cache.__getitem__, hashes))
    except KeyError:
        for value in set(hashes).difference(cache):
            cache[value] = strings.add(fold(strings[value]))
        found = list(map(cache.__getitem__, hashes))
    values = numpy.array(found, dtype=numpy.uint64).reshape(-1, 2)  # NORM, LEMMA a row
    if 0 in hashes[1::2]:
        # No lemma (a blank pipeline's): the folded text stands in for it.
        blank = rows[:, 1] == 0
        values[blank, 1] = values[blank, 0]
    doc.from_array([NORM, LEMMA], values)
    # A folded text of nothing (a token of combining marks alone) leaves NORM unset, and
    # the document then reads the word's own norm: such columns are read back.
    norms = found[0::2]
    if keep and 0 not in norms:
        keep_columns(doc, (values[:, 1].tolist(), norms, rows[:, 2].tolist()))
    return doc


MAX_FOLDED = 500_000


class PatternError(ValueError):
    """A lexicon pattern that cannot be compiled; the message quotes it."""


def _attr_spec(attr: str, values: list[str]) -> dict[str, Any]:
    # A single value is compared in C; a set needs a Python predicate per token.
    return {attr: values[0]} if len(values) == 1 else {attr: {"IN": values}}


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
            spec = _attr_spec("NORM", [fold(a) for a in word[1:].split("|") if a])
        else:
            alternatives = [fold(a) for a in word.split("|") if a]
            if not alternatives:
                raise PatternError(f"'{expression}': empty alternative in '{item}'")
            spec = _attr_spec("LEMMA", alternatives)
        if optional:
            spec["OP"] = "?"
        specs.append(spec)
    if "OP" in specs[-1] and specs[-1]["OP"].startswith("{"):
        raise PatternError(f"'{expression}': a pattern cannot end with a wildcard")
    return specs


MAX_EXPANSIONS = 32


def first_item_expanded(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One pattern per alternative of the first item.

    The Matcher tries every pattern at every token: a set predicate there is a Python call
    per token and pattern, while a plain value is compared in C. Later items are only
    tested once the first has matched, so they may keep their sets.
    """
    first = pattern[0]
    for attr in ("LEMMA", "NORM"):
        value = first.get(attr)
        if isinstance(value, dict) and "IN" in value:
            rest = {k: v for k, v in first.items() if k != attr}
            return [[{attr: choice, **rest}, *pattern[1:]] for choice in value["IN"]]
    return [pattern]


def _phrase_alternatives(expression: str) -> list[list[str]] | None:
    """The word sequences a wildcard-free lemma pattern stands for, or None when the
    pattern needs the general matcher (wildcards, optional items, NUM, surface forms)."""
    sequences: list[list[str]] = [[]]
    for item in expression.split():
        if item in ("*", "**", "NUM") or item.endswith("?") or item.startswith("="):
            return None
        alternatives = [fold(a) for a in item.split("|") if a]
        sequences = [[*s, a] for s in sequences for a in alternatives]
        if len(sequences) > MAX_EXPANSIONS:
            return None
    return sequences


class Lexical(Protocol):
    """What a lexicon entry (``lexicons.Lexical``) gives the patterns: its code and
    its pattern expressions per language."""

    @property
    def code(self) -> str: ...

    @property
    def patterns(self) -> dict[str, list[str]]: ...


class PatternSet:
    """Labelled pattern expressions, matched together.

    Plain word sequences (most lexicon terms) go to a PhraseMatcher on LEMMA, a hash
    lookup per token. The others (wildcards, options, numbers, surface forms) go to token
    Matchers grouped by their first item. spaCy's Matcher tries every pattern at every
    token it is given (and makes a Python Token for each), so a group's patterns are
    followed only from where its first item occurs, on the document's columns
    (``pattern_steps.py``); a group the steps cannot express is run on the stretches that
    begin there, each as long as its longest match and one token more. Either way: what
    the group's Matcher finds on the whole document.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.groups: dict[tuple[str, str], Matcher] = {}
        # Per group: the most tokens one of its matches can span, plus one (see __call__).
        self.reach: dict[tuple[str, str], int] = {}
        # First-item hashes (LEMMA, NORM) -> their group: a dictionary lookup per token.
        self._by_lemma: dict[int, tuple[str, str]] = {}
        self._by_norm: dict[int, tuple[str, str]] = {}
        # Per group: LEMMA and NORM hashes one of which any of its matches must hold after
        # its first item (see ``_needed``); None when a pattern of it needs none.
        self.needs: dict[tuple[str, str], tuple[frozenset[int], frozenset[int]] | None] = {}
        # Per group: its patterns' labels and steps after the first item (with the gate
        # of their first required word, pattern_steps.program), followed from
        # each place the first item occurs (pattern_steps.py); a group with a pattern the
        # steps cannot express (None) is left to its Matcher.
        self.steps: dict[tuple[str, str], list[Program] | None] = {}
        self._phrases = 0

    @classmethod
    def from_lexicon(
        cls, vocab: Vocab, kind: str, entries: Sequence[Lexical], language: str
    ) -> PatternSet:
        """Every entry's patterns for ``language``, labelled ``<kind>:<code>``. A language the
        lexicon does not cover (a blank pipeline) gets all its languages' patterns."""
        patterns = cls(vocab)
        for entry in entries:
            expressions = entry.patterns.get(language) or [
                e for exprs in entry.patterns.values() for e in exprs
            ]
            for expression in expressions:
                patterns.add(f"{kind}:{entry.code}", expression)
        return patterns

    def add(self, label: str, expression: str) -> None:
        sequences = _phrase_alternatives(expression)
        if sequences is None:
            for pattern in first_item_expanded(compile_pattern(expression)):
                key = _first_key(pattern[0])
                if key not in self.groups:
                    self.groups[key] = Matcher(self.vocab)
                    if key[0] == "LEMMA":
                        self._by_lemma[self.vocab.strings.add(key[1])] = key
                    elif key[0] == "NORM":
                        self._by_norm[self.vocab.strings.add(key[1])] = key
                self.groups[key].add(label, [pattern])
                steps = compile_steps(pattern, self.vocab.strings)
                followed = self.steps.setdefault(key, [])
                if steps is None or followed is None or key == ANY_KEY:
                    self.steps[key] = None
                else:
                    followed.append(program(label, steps))  # with its gate (pattern_steps)
                self.reach[key] = max(self.reach.get(key, 0), _longest_match(pattern) + 1)
                self._need(key, pattern)
            return
        docs = []
        for words in sequences:
            doc = Doc(self.vocab, words=words)
            for token in doc:
                token.lemma_ = token.text
            docs.append(doc)
        self.phrases.add(label, docs)
        self._phrases += 1

    def _need(self, key: tuple[str, str], pattern: list[dict[str, Any]]) -> None:
        needed = _needed(pattern)
        if needed is None or (key in self.needs and self.needs[key] is None):
            self.needs[key] = None
            return
        strings = self.vocab.strings
        lemmas, norms = self.needs.get(key) or (frozenset(), frozenset())
        lemmas |= {strings.add(v) for v in needed[0]}
        norms |= {strings.add(v) for v in needed[1]}
        self.needs[key] = (lemmas, norms)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = self.vocab.strings
        found: list[tuple[str, int, int]] = []
        if self._phrases:
            found += [(strings[k], s, e) for k, s, e in self.phrases(doc)]
        followed: dict[tuple[str, str], list[int]] = {}
        for key, stretches in self._stretches(doc, followed).items():
            matcher = self.groups[key]
            for begin, end in stretches:
                # On a Span, the Matcher counts positions from the span's start.
                found += [(strings[k], begin + s, begin + e) for k, s, e in matcher(doc[begin:end])]
        if followed:
            columns, length = columns_of(doc), len(doc)
            for key, positions in followed.items():
                programs = self.steps[key] or []
                for at in positions:
                    # Each (label, end) once per start, as the Matcher gives a group's.
                    found += [
                        (label, at, end)
                        for label, end in matches(programs, columns, at + 1, length)
                    ]
        return sorted(found)

    def _stretches(
        self, doc: Doc, followed: dict[tuple[str, str], list[int]]
    ) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """Per group that can match: the token ranges to run its Matcher on; a group
        whose patterns are followed as steps gets the places of its first item in
        ``followed`` instead (those of its windows that hold an item it needs).

        A group's matches start where its first item is (the item is never optional
        there). Past its reach, a match begun at such a token has ended or failed in the
        whole document too, so each range runs from an occurrence to its reach;
        overlapping ranges are merged.
        """
        if not self.groups:
            return {}
        starts: dict[tuple[str, str], list[int]] = {}
        by_lemma, by_norm = self._by_lemma, self._by_norm
        lemmas_at, norms_at, numbers_at = columns_of(doc)  # shared with the other rules
        # The tokens that open a group (a few in a hundred) are picked out at C speed; a
        # group's positions stay in token order (the callers sort the matches anyway).
        for column, keys in ((lemmas_at, by_lemma), (norms_at, by_norm)):
            for i in itertools.compress(itertools.count(), map(keys.__contains__, column)):
                starts.setdefault(keys[column[i]], []).append(i)
        if NUM_KEY in self.groups:
            numbers = list(itertools.compress(itertools.count(), numbers_at))
            if numbers:
                starts[NUM_KEY] = numbers
        length = len(doc)
        stretches: dict[tuple[str, str], list[tuple[int, int]]] = {}
        if ANY_KEY in self.groups and length:
            stretches[ANY_KEY] = [(0, length)]  # a first item that may be absent: everywhere
        for key, positions in starts.items():
            reach, needs = self.reach[key], self.needs.get(key)
            if needs is not None:
                # A window where no token holds an item every match needs cannot match:
                # nothing is run on it (a number, "in", "la" start many).
                lemmas, norms = needs
                positions = [
                    i
                    for i in positions
                    if not lemmas.isdisjoint(lemmas_at[i : i + reach])
                    or not norms.isdisjoint(norms_at[i : i + reach])
                ]
            if positions and self.steps.get(key) is not None:
                followed[key] = positions
            elif positions:
                merged: list[tuple[int, int]] = []
                for i in positions:
                    end = min(i + reach, length)
                    if merged and i <= merged[-1][1]:
                        merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                    else:
                        merged.append((i, end))
                stretches[key] = merged
        return stretches


NUM_KEY = ("NUM", "")
ANY_KEY = ("ANY", "")
_WILDCARD_TOKENS = {"{0,3}": 3, "{0,6}": 6}


def _longest_match(pattern: list[dict[str, Any]]) -> int:
    """The most tokens a match of ``pattern`` can span."""
    return sum(_WILDCARD_TOKENS.get(spec.get("OP", ""), 1) for spec in pattern)


def _needed(pattern: list[dict[str, Any]]) -> tuple[list[str], list[str]] | None:
    """The LEMMA values and NORM values of the first item after the first that every
    match of ``pattern`` holds (not optional, not a wildcard, not NUM); None if none."""
    for spec in pattern[1:]:
        if "OP" in spec:
            continue
        for attr in ("LEMMA", "NORM"):
            value = spec.get(attr)
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and "IN" in value:
                values = list(value["IN"])
            else:
                continue
            return (values, []) if attr == "LEMMA" else ([], values)
    return None


def _first_key(spec: dict[str, Any]) -> tuple[str, str]:
    for attr in ("LEMMA", "NORM"):
        if isinstance(spec.get(attr), str) and "OP" not in spec:
            return attr, spec[attr]
    if spec.get("LIKE_NUM") and "OP" not in spec:
        return NUM_KEY
    return ANY_KEY
