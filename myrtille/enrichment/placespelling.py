"""A name's accents as written: folded matching reads "Maçon" (the trade, capitalised at a
sentence's head or in a headline) as Mâcon, since both fold to "macon". Writers drop
accents ("Macon", "Evry", "Ales") but do not put wrong ones: a lowercase accented letter
the name's own spelling does not have at that place makes the word another word, not
the place. Only names whose spellings are known, with accents, are judged (the gazetteer
lists a few names unaccented: "Sevrier" for Sévrier); an accent on a capital is never held
against a name (capitals lose or gain accents with the typesetting)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from myrtille.enrichment.geography import Gazetteer, place_key
from myrtille.enrichment.placewords import WORD


def spelling(name: str) -> tuple[str, ...]:
    """The words of ``name`` as written, lowercased, accents kept."""
    return tuple(word.lower() for word in WORD.findall(name))


class Spellings:
    """The written forms of every name, by its folded key (a tuple of folded words)."""

    def __init__(self) -> None:
        self.forms: dict[tuple[str, ...], set[tuple[str, ...]]] = {}

    @classmethod
    def of(cls, gazetteer: Gazetteer, names: Iterable[str]) -> Spellings:
        """The spellings of every place of ``gazetteer`` and of the extra ``names``."""
        spellings = cls()
        places = (place.name for place in gazetteer.codes.values())
        for name in itertools.chain(places, names):
            spellings.add(tuple(place_key(name).split()), name)
        return spellings

    def add(self, key: tuple[str, ...], name: str) -> None:
        self.forms.setdefault(key, set()).add(spelling(name))

    def misspelt(self, key: tuple[str, ...], written: str) -> bool:
        """Whether ``written`` (the text's words for the name keyed ``key``) carries a
        lowercase accented letter that none of the name's spellings has there."""
        if written.isascii():
            return False  # most names, and every name written without accents
        forms = self.forms.get(key)
        if not forms:
            return False
        words = tuple(WORD.findall(written))
        return not any(_fits(words, form) for form in forms)


def _fits(words: tuple[str, ...], form: tuple[str, ...]) -> bool:
    if all(map(str.isascii, form)):
        return True  # some names are listed unaccented ("Sevrier" for Sévrier): no judge
    if len(words) != len(form):
        return True  # "St-Étienne", "Côte d'Or": not comparable letter by letter
    for word, known in zip(words, form, strict=True):
        if len(word) != len(known):
            continue  # "œ" folded to "oe", "St" spelt out: not compared
        for letter, known_letter in zip(word, known, strict=True):
            if letter.islower() and not letter.isascii() and letter != known_letter:
                return False
    return True
