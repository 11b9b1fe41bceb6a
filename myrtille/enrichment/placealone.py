"""Whether a gazetteer name found on a text's words stands alone as a place: the longest name
starting at a word (not across punctuation), written as a name, not inside a hyphenated
compound, not a venue, a direction, a river or something named after the place.

Why a module of its own: ``placenames.py`` scans every word of every document and runs these
checks on each name it finds there; they read the text's folded words as one list made once
per document (slices of it, not a list built per check), and keeping them here keeps the
scan's module short.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from myrtille.enrichment.geography import Place
from myrtille.enrichment.placecompounds import district_of_town
from myrtille.enrichment.placecontext import named_for_something, river_or_compass
from myrtille.enrichment.placelists import Ambiguity
from myrtille.enrichment.placespelling import Spellings
from myrtille.enrichment.placewords import HALVES, Word, capitalised, longer_name

_JOINERS = re.compile(r"^[ \t\u00a0\-‐'’]*$")
_ARTICLES = frozenset({"le", "la", "les", "l", "au", "aux", "du", "des"})
# A name after these words is a venue, a market or a direction, not a subject.
_VENUE_BEFORE = frozenset({"salon", "foire", "bourse", "euronext", "vers", "towards", "toward"})
_VENUE_BEFORE |= frozenset({"festival", "marathon"})
_VENUE_AFTER = frozenset({"show", "exchange", "expo", "listed", "festival", "marathon", "globe"})
_COMPASS = frozenset(
    {"nord", "sud", "est", "ouest", "north", "south", "east", "west", "northeast"}
    | {"northwest", "southeast", "southwest", "nord-est", "sud-est", "sud-ouest", "nord-ouest"}
)
_HYPHENS = frozenset({"-", "‐"})


@dataclass(frozen=True)
class Entry:
    """What the matcher knows of a name: its place and how it must be written."""

    place: Place
    ambiguity: Ambiguity | None
    article: bool  # the official name starts with an article ("Le Havre")
    acronym: bool  # written in capitals ("PACA", "IDF")
    adjective: bool  # a lowercase adjective ("toulousain")


def lowercase_openers(entries: Mapping[tuple[str, ...], Entry]) -> frozenset[str]:
    """The first words of the names ``stands_alone`` may take for a place when their first
    letter is lowercase: an inhabitants' adjective ("toulousain", "la région parisienne")
    or a region's half ("southern Corsica", ``capitalised``). Any other name a lowercase
    word opens is not written as one, whatever follows: the scan need not look it up."""
    return frozenset(words[0] for words, entry in entries.items() if entry.adjective) | HALVES


def longest(
    text: str,
    words: list[Word],
    folded: list[str],
    i: int,
    lengths: Mapping[str, tuple[int, ...]],
    entries: Mapping[tuple[str, ...], Entry],
) -> tuple[int, Entry] | None:
    """The longest name starting at ``words[i]`` (``folded``: the words' folded forms;
    ``lengths``: the name lengths starting with each word, longest first) and where it
    ends, if any."""
    for length in lengths.get(folded[i], ()):
        end = i + length
        if end > len(words):
            continue
        entry = entries.get(tuple(folded[i:end]))
        if entry is None:
            continue
        if length > 1:
            pairs = itertools.pairwise(words[i:end])
            if any(not _JOINERS.match(text[a[2] : b[1]]) for a, b in pairs):
                continue  # a name does not run across punctuation or lines
        return end, entry
    return None


def stands_alone(
    text: str,
    words: list[Word],
    folded: list[str],
    first: int,
    end: int,
    entry: Entry,
    spellings: Spellings,
    place_named: Callable[[tuple[str, ...]], Place | None],
) -> bool:
    """Whether the name at ``words[first:end]`` is written as one, on its own.
    ``place_named``: the place of a name's folded words, for a town's districts."""
    surface = text[words[first][1] : words[end - 1][2]]
    if entry.acronym:
        if not surface.isupper():
            return False
    elif not entry.adjective and not capitalised(text, words[first:end]):
        return False
    # "Maçon de métier": the trade, not Mâcon (a name written unaccented is never misspelt).
    if not surface.isascii() and spellings.misspelt(tuple(folded[first:end]), surface):
        return False
    before = text[words[first - 1][2] : words[first][1]] if first else ""
    after = text[words[end - 1][2] : words[end][1]] if end < len(words) else ""
    # Part of a hyphenated compound: "Montoir-de-Bretagne", "Paris-Saclay", "Nord-Est".
    if before.endswith(("-", "‐")) and before.strip(" -‐") == "":
        return False
    # ...unless a town's district: "Tours-Nord", "Lyon-Part-Dieu" are the town.
    longer = after in _HYPHENS and longer_name(text, words[end - 1][2])
    if longer and not district_of_town(
        text, words, end, entry.place, place_named, plain=entry.ambiguity is None
    ):
        return False
    previous = folded[max(first - 2, 0) : first]
    # "Havre" alone is not Le Havre; "Pont-de-Claix", a hyphenated name, is Le Pont-de-Claix.
    if entry.article and not (previous and previous[-1] in _ARTICLES):
        pairs = itertools.pairwise(words[first:end])
        joiners = {text[a[2] : b[1]] for a, b in pairs}
        if not (joiners <= _HYPHENS and end - first > 2):
            return False
    if not _VENUE_BEFORE.isdisjoint(previous):
        return False
    if len(previous) == 2 and previous[0] in _COMPASS and previous[1] in ("of", "de", "d"):
        return False
    following = folded[end : end + 3]
    if not _VENUE_AFTER.isdisjoint(following[:2]):
        return False
    before_words = folded[max(first - 4, 0) : first]
    if river_or_compass(entry.place, folded[first:end], before_words, following):
        return False
    plain = entry.place.kind == "commune" and not entry.article and not entry.adjective
    return not named_for_something(
        text,
        words,
        first,
        end,
        plain_commune=plain,
        product=entry.ambiguity == "product",
        demonym=entry.adjective,
        capital=entry.place.code == "75",
    )
