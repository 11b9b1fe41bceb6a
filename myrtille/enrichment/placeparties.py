"""Places of other parties: a firm the news names only by its kind and its home ("construit
par un chantier vendéen", "mené par un fonds d'infrastructures parisien", "le rachat d'un
concurrent du Cantal", "led by a Paris-based fund", "bought a Savoie raclette producer") is
a builder, a backer, a customer or a target left unnamed, whose home is not where the news
is. Such a place counts only when the text names its department elsewhere (its region only
when the text names another place of that region)."""

from __future__ import annotations

import re

from myrtille.enrichment.geography import Place
from myrtille.enrichment.placenames import PlaceName

_CLAUSE_END = re.compile(r"[.,;:!?()«»\"“”\n]")
# The last clause end before a point, in one match (the engine backtracks from the point).
_LAST_CLAUSE_END = re.compile(rf"(?s:.*){_CLAUSE_END.pattern}")
# A word governing the phrase: a verb or a preposition, not a copula ("X est une PME
# vendéenne", "X is a Lyon-based biotech" describe the firm the sentence is about).
_COPULAS = frozenset(
    {"est", "était", "sera", "devient", "reste", "demeure", "comme", "is", "was", "becomes"}
    | {"remains", "as", "like", "be", "been", "being", "être"}
)
_WORD = r"[^\W\d_]+"
# "par un chantier naval ", "d'un fonds d'infrastructures ", "avec une grande maison de
# couture ": an indefinite article after a lowercase word, then lowercase words.
_FRENCH = re.compile(
    rf"(?:^|\s)(?P<lead>{_WORD})\s+(?:un|une|d['’]\s*un|d['’]\s*une)\s+"
    rf"(?P<phrase>(?:{_WORD}(?:\s+|['’]\s*)){{1,5}})$"
)
# What every match of _FRENCH holds ("un", "une", "d'un", "d'une"): a text before the name
# without it is not searched.
_FRENCH_HELD = "un"
# Words a firm's phrase holds none of: an article or a preposition other than "de" (the phrase
# would run on: "un partenariat avec l'hébergeur lillois"), a count ("une trentaine de
# fruitières"), a site ("un entrepôt de", "la friche de").
_NOT_A_FIRM = frozenset(
    {"l", "le", "la", "les", "à", "a", "au", "aux", "en", "dans", "sur", "avec", "pour", "par"}
    | {"chez", "vers", "entre", "près", "et", "ou", "dizaine", "douzaine", "quinzaine"}
    | {"vingtaine", "trentaine", "centaine", "millier", "milliers", "kilomètres", "km"}
)
# "led by a ", "bought a ", "from a ": then the place and a lowercase noun.
_ENGLISH = re.compile(r"(?:^|\s)(?P<lead>[a-z]+)\s+(?:a|an)\s+$")
_ENGLISH_AFTER = re.compile(r"(?:[-‐](?:based|headquartered|area))?\s+[a-z]")


def other_party(text: str, name: PlaceName) -> bool:
    """Whether ``name`` is the home of a firm named only by its kind, in an indefinite
    phrase governed by a verb or a preposition."""
    window = max(name.start - 120, 0)
    clause_end = _LAST_CLAUSE_END.match(text, window, name.start)
    before = text[clause_end.end() if clause_end else window : name.start]
    english = _ENGLISH.search(before)
    if english:
        return english["lead"] not in _COPULAS and bool(_ENGLISH_AFTER.match(text, name.end))
    french = _FRENCH.search(before) if _FRENCH_HELD in before else None
    if not french or french["lead"].lower() in _COPULAS or not french["lead"].islower():
        return False
    words = re.findall(_WORD, french["phrase"])
    if any(not w.islower() or w in _NOT_A_FIRM for w in words):
        return False  # a name in the phrase, or a phrase that is no firm's
    # A lowercase inhabitants' name closing the phrase ("un chantier vendéen"; "un
    # entrepôt de Douai" is often the firm's own site).
    return name.text[0].islower() and words[-1] not in ("de", "du", "des", "d")


def other_parties(names: list[PlaceName], text: str, title_end: int) -> list[PlaceName]:
    """``names`` without the homes of other parties whose department the text names
    nowhere else; one whose region it names elsewhere gives that region only."""
    aside = [n.start >= title_end and other_party(text, n) for n in names]
    if not any(aside):
        return names
    kept = []
    for name, other in zip(names, aside, strict=True):
        if not other:
            kept.append(name)
            continue
        rest = [n.place for n, a in zip(names, aside, strict=True) if not a]
        place = name.place
        if any(p.department == place.department for p in rest if p.department):
            kept.append(name)
        elif any(p.region == place.region for p in rest):
            region = Place(place.name, "region", place.region, None, place.region)
            kept.append(PlaceName(name.text, name.start, name.end, region))
    return kept
