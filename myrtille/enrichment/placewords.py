"""Words around a place name: how a text's words are cut and folded for matching, whether a
name is written as one (capitalised, beside another capitalised word, at a sentence's head)
and whether it goes on as a longer name ("Saint-Gilles-les-Bains" is not Saint-Gilles)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Container

from myrtille.enrichment.geography import Place, place_key
from myrtille.enrichment.patterns import fold

WORD = re.compile(r"[^\W_]+")
LINKS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "sur", "sous", "en", "et"})
LINKS |= frozenset({"lès", "lez", "aux", "au", "a", "à", "of", "the"})
# Capitalised at a sentence's head, these make no name with the next word ("An Alsatian
# brewer", "Une PME bretonne", "This Breton group").
_DETERMINERS = frozenset(
    {"an", "un", "une", "ce", "cet", "cette", "this", "that", "its", "our", "their", "notre"}
    | {"son", "sa", "ses", "leur", "leurs", "one", "another", "every", "each", "some"}
)
# English names of a region's half, written lowercase before the region's name ("in
# southern Corsica"): the only names whose first word may be lowercase.
HALVES = frozenset({"southern", "northern", "south", "upper"})
SENTENCE_END = re.compile(r"(^|[.!?:;«»\"“”\n]\s*)$")
# A hyphen then a word and another hyphen: "Saint-Gilles-les-Bains", a name the gazetteer
# does not hold (a capital after the hyphen, "Paris-Saclay", is one too).
_LONGER = re.compile(r"[-‐][^\W\d_]+[-‐]")


# A word of a text: its folded form, its start and its end. A plain tuple, read by index:
# one is made per word of every document, at C speed (``cut_folded``).
Word = tuple[str, int, int]


def longer_name(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` (before a hyphen) goes on as a longer name."""
    return text[end + 1 : end + 2].isupper() or bool(_LONGER.match(text, end))


def hyphenated_name(span: str, names: Container[tuple[str, ...]]) -> bool:
    """Whether ``span`` (a person's name to the NER) is all one hyphenated place name among
    ``names`` (folded word tuples): "Saint-Denis", "Saint-Étienne" are towns, whatever the
    model read."""
    return "-" in span and " " not in span and tuple(place_key(span).split()) in names


def capitalised(text: str, words: list[Word]) -> bool:
    """The first word, and every word that is not a link word, starts with a capital."""
    for position, word in enumerate(words):
        folded, start, _ = word
        initial = text[start]
        if position and (folded in LINKS or folded == "region"):  # "Paris region"
            continue
        if position and folded == "island":  # "on Réunion island" ("Reunion Island")
            continue
        if not position and folded in HALVES and len(words) > 1:
            continue
        if not (initial.isupper() or initial.isdigit()):
            return False
    return True


def full_name(text: str, spans: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The span holding ``start`` when it is two or more capitalised words with no link
    word: a person's name ("Thomas Millau", "Brittany Smith"), not a firm's ("Tissages de
    Lyon")."""
    for a, b in spans:
        if a <= start < b:
            words = WORD.findall(text[a:b])
            person = len(words) > 1 and all(
                w[0].isupper() and w.lower() not in LINKS for w in words
            )
            return (a, b) if person else None
    return None


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``overlaps`` against the same ``spans`` for every name of a text: the spans sorted,
    one binary search on their starts and the furthest end among those before it, rather
    than a loop over every span at every name."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    # reach[k]: the furthest end among the first k spans (-1: none, below any start).
    reach = list(itertools.accumulate((b for _, b in ordered), max, initial=-1))

    def test(start: int, end: int) -> bool:
        return reach[bisect_left(starts, end)] > start

    return test


def sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END.search(text[max(start - 3, 0) : start])) or start == 0


def has_article(place: Place) -> bool:
    """Whether a commune's official name starts with an article ("Le Havre", "L'Isle-Adam")."""
    return place.kind == "commune" and fold(place.name).startswith(("le ", "la ", "les ", "l'"))


def is_title_case(title: str) -> bool:
    """An English headline in Title Case capitalises common words too."""
    words = [w for w in WORD.findall(title) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def beside_a_name(text: str, words: list[Word], first: int, end: int) -> bool:
    """Whether a capitalised word stands right beside the name, on its line ("Pierre Laval",
    "Orange Business"). A line break parts them: a title ending on a town ("… à
    Ghisonaccia") is not one name with the text's first word ("GHISONACCIA — …", "Le
    groupe …")."""
    if end < len(words):
        joiner = text[words[end - 1][2] : words[end][1]]
        if joiner.strip() == "" and "\n" not in joiner and text[words[end][1]].isupper():
            return True
    if first and not sentence_initial(text, words[first][1]):
        previous, start, end_before = words[first - 1]
        joiner = text[end_before : words[first][1]]
        before = text[start]
        if joiner.strip() == "" and before.isupper() and previous not in LINKS | _DETERMINERS:
            return True
    return False


# The text cut as WORD cuts it, the words kept: separator, word, separator, ..., separator.
_SPLIT = re.compile(f"({WORD.pattern})")


def cut_words(text: str) -> list[Word]:
    """The words of ``text`` as ``WORD.finditer`` cuts them, folded."""
    return cut_folded(text)[0]


def cut_folded(text: str) -> tuple[list[Word], list[str]]:
    """The words of ``text`` as ``WORD.finditer`` cuts them, folded, and their folded forms
    alone. Made from one split and running sums of the pieces' lengths rather than a match
    object per word, each word's folded form looked up in a dictionary at C speed: this
    runs on every word of every document, and most words start no name."""
    pieces = _SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, pieces), initial=0))
    found = pieces[1::2]
    if len(_FOLDED_WORDS) > MAX_FOLDED_WORDS:
        _FOLDED_WORDS.clear()
    folded = list(map(_FOLDED_WORDS.get, found))
    if None in folded:  # words new to this process
        for word in set(found).difference(_FOLDED_WORDS):
            _FOLDED_WORDS[word] = _folded_word(word)
        folded = list(map(_FOLDED_WORDS.__getitem__, found))
    return list(zip(folded, offsets[1:-1:2], offsets[2::2], strict=True)), folded


# A word as written -> its folded form (`_folded_word`), cleared past this size.
_FOLDED_WORDS: dict[str, str] = {}
MAX_FOLDED_WORDS = 100_000


def _fold_word(word: str) -> str:
    lowered = word.lower()
    return lowered if lowered.isascii() else fold(word)


def _folded_word(word: str) -> str:
    """A word as the names are keyed: folded, "St"/"Ste" spelt out."""
    folded = _fold_word(word)
    return {"st": "saint", "ste": "sainte"}.get(folded, folded)
