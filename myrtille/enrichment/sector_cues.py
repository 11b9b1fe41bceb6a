"""Where the sector rules' cue words stand in a document, found once per document.

The rules that read a mention's surroundings (a product's users, a firm's clients or
buyers, a trade noun or a verb of making before it, a legal form beside it, a set
phrase) each hold only at one of a few words of their own, looked for in a window of up
to a dozen tokens. Reading every window word by word (a Token made and read per word)
was most of the sector scoring's time, though those words stand in few documents and
rarely near a mention. So each rule declares its words (`CueWords`, built from its own
word lists: what it tests and more, never less), their positions are found once per
document on its arrays of hashes, and a rule none of whose words stands in its window is
answered False without reading it: that is what its reading would answer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from itertools import compress, count

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.doctext import columns_of

_KEY = "myrtille:sector-cues"
# Every rule's words, by attribute (their hashes): a document's tokens are checked against
# them at once, then each rule's against the few found.
_LEMMAS: set[int] = set()  # lemmas, and lowered lemmas as a lemma may already be lower case
_LOWERS: set[int] = set()
# Seen lemmas per matcher (`LemmaCases`) are cleared past this size, like
# `patterns.MAX_FOLDED`.
MAX_LEMMAS = 200_000


def _ids(words: Iterable[str]) -> frozenset[int]:
    kept = frozenset(words)
    if "" in kept:
        raise ValueError("a cue word is empty")
    return frozenset(get_string_id(w) for w in kept)


class CueWords:
    """The words a rule holds at: by their lemma (``token.lemma_``), lowered lemma
    (``token.lemma_.lower()``) or lower form (``token.lower_``)."""

    def __init__(
        self,
        *,
        lemmas: Iterable[str] = (),
        lowered: Iterable[str] = (),
        lowers: Iterable[str] = (),
    ) -> None:
        self.lemmas = _ids(lemmas)
        self.lowered = _ids(lowered)
        self.lowers = _ids(lowers)
        # A lemma already in lower case is its lowered form.
        self.lemma_ids = self.lemmas | self.lowered
        _LEMMAS.update(self.lemmas, self.lowered)
        _LOWERS.update(self.lowers)


class LemmaCases:
    """The lemmas (by hash) that are not lower case, with their lowered forms' hashes,
    for the rules that read ``lemma_.lower()``: a pure function of the hash, kept by a
    matcher across documents so that each lemma is looked up in the string store once
    (most are lower case: the pipeline folds them)."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.cased: dict[int, int] = {}

    def of(self, doc: Doc, lemmas: Collection[int]) -> dict[int, int]:
        """The document's lemmas (its column, or a set) that are not lower case -> their
        lowered forms' hashes."""
        if len(self.seen) > MAX_LEMMAS:
            self.seen.clear()
            self.cased.clear()
        # Most documents bring no lemma not seen before: one pass at C speed says so,
        # without making a set of the document's lemmas (session 20).
        if not self.seen.issuperset(lemmas):
            strings = doc.vocab.strings
            for lemma in set(lemmas).difference(self.seen):
                text = strings[lemma]
                if text.lower() != text:
                    self.cased[lemma] = get_string_id(text.lower())
            self.seen.update(lemmas)
        cased = self.cased
        return {h: cased[h] for h in cased.keys() & lemmas} if cased else {}


def _where(column: list[int], values: set[int]) -> dict[int, list[int]]:
    """The positions of each of ``values`` in ``column`` (one sweep for all the rules)."""
    where: dict[int, list[int]] = {}
    if values:
        # The few positions picked out at C speed (a token in a hundred holds one).
        for i in compress(count(), map(values.__contains__, column)):
            where.setdefault(column[i], []).append(i)
    return where


class Cues:
    """Where each rule's words stand in one document."""

    def __init__(self, doc: Doc, cases: LemmaCases) -> None:
        self._lemmas = columns_of(doc)[0]
        # Lower forms only: the part of speech `sectors._verb` reads of a few one-word
        # terms is cheaper read on their tokens than as a column (session 20).
        self._lowers = doc.to_array(LOWER).tolist()
        # Lemmas not in lower case (none in folded text) -> their lowered forms' hashes.
        self._cased = cases.of(doc, self._lemmas)
        self._hits()

    def _hits(self) -> None:
        """Where the rules' words stand (again when a rule declared words since). The
        columns are swept with every rule's words as they are: narrowing the words to
        the document's first cost a pass of its own (session 20)."""
        self._declared = len(_LEMMAS), len(_LOWERS)
        cased = self._cased
        self._at_lemma = _where(self._lemmas, _LEMMAS | cased.keys() if cased else _LEMMAS)
        self._at_lower = _where(self._lowers, _LOWERS)
        self._found: dict[CueWords, list[int]] = {}

    def positions(self, words: CueWords) -> list[int]:
        """The tokens (in order) that hold one of ``words``."""
        found = self._found.get(words)
        if found is not None:
            return found
        if self._declared != (len(_LEMMAS), len(_LOWERS)):
            self._hits()
        lists = [self._at_lemma[h] for h in words.lemma_ids.intersection(self._at_lemma)]
        if self._cased and words.lowered:
            lists += [self._at_lemma[h] for h, low in self._cased.items() if low in words.lowered]
        lists += [self._at_lower[h] for h in words.lowers.intersection(self._at_lower)]
        found = lists[0] if len(lists) == 1 else sorted({i for at in lists for i in at})
        self._found[words] = found
        return found

    def within(self, words: CueWords, start: int, end: int) -> list[int]:
        """The tokens of ``start:end`` (in order) that hold one of ``words`` (a negative
        ``start`` stands for the document's first token)."""
        found = self._found.get(words)
        if found is None:
            found = self.positions(words)
        if not found:
            return []
        return found[bisect_left(found, max(start, 0)) : bisect_left(found, end)]

    def near(self, words: CueWords, start: int, end: int) -> bool:
        """Whether one of ``words`` stands at a token of ``start:end`` (a negative
        ``start`` stands for the document's first token)."""
        found = self._found.get(words)
        if found is None:
            found = self.positions(words)
        if not found:
            return False
        at = bisect_left(found, max(start, 0))
        return at < len(found) and found[at] < end


def cues_of(doc: Doc, cases: LemmaCases | None = None) -> Cues:
    """The document's `Cues`, built on the first call only (the rules ask per mention;
    the pipeline's last component has set the tokens' attributes for good). ``cases``:
    the caller's `LemmaCases`, kept across documents."""
    cues = doc.user_data.get(_KEY)
    if cues is None:
        cues = doc.user_data[_KEY] = Cues(doc, LemmaCases() if cases is None else cases)
    return cues
