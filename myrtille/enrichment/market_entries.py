"""A firm entering a foreign market: export news (session 10).

The press tells a first step abroad with a verb of entering or arriving and the country
right after it, seldom with the word "export": "enters Japan", "breaks into the Japanese
market", "expands into Mexico", "its first foray into Asia", "débarque au Japon",
"s'installe au Canada", "fait son entrée sur le marché allemand", "ouvre le Japon", "son
premier débouché en Asie". The lexicon lists a few countries after a few verbs; abroad.py
knows the foreign countries, peoples and cities. The country must come right after the
verb or noun (a preposition, a determiner and the word "market" between at most), so a
sentence that names a country further on ("entered into a deal with a German group") is
no entry.
"""

from __future__ import annotations

import itertools
import re

from spacy.parts_of_speech import NOUN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.abroad import ABROAD
from myrtille.enrichment.distribution_deals import distribution_exports
from myrtille.enrichment.doctext import lemmas_of, sentence_of, text_of


def _listed(words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words.split())


# Folded lemmas of verbs of entering or arriving somewhere, of settling there, and of
# opening a market; the nouns of the same.
_VERBS = _listed(
    """
    enter expand debut arrive break move venture foray
    entrer debarquer arriver installer percer implanter impler ouvrir conquerir
    """
)
_NOUNS = _listed(
    """
    foray entry arrival debut expansion foothold inroad
    entree arrivee debouche percee implantation conquete deboucher
    """
)
_ENTERING = _VERBS | _NOUNS
# Verbs that take the country as their object ("enters Japan", "ouvre le Japon",
# "conquiert l'Allemagne"); the others need a preposition ("débarque au Japon").
_OBJECT_VERBS = _listed("enter conquerir ouvrir")
# Auxiliaries before a participle that is the clause's verb ("s'est installé au Canada");
# a participle alone qualifies a firm named before ("le groupe, installé en Allemagne").
_AUXILIARIES = _listed("avoir etre have be")
_REACH = 60
_CLAUSE_END = re.compile(r"[.;:!?\n,]|\b(?:mais|but|while|tandis|and|et)\b")
# What may come between the trigger and the country: a particle ("break into"), a
# preposition, a determiner, the word "market" or "marché" (and its "of"/"de").
_BEFORE = re.compile(
    r"^\s*(?:(?:into|in|to|on|onto|en|au|aux|à|sur|dans|vers|its|their|son|sa|ses|leur|"
    r"first|premier|premiers|première|premières)\s+)*"
    r"(?:(?:the|le|la|les|l['’])\s*)?"
    r"(?:(?:market|marché|marchés)\s+(?:of\s+|de\s+|d['’]\s*|du\s+|des\s+)?)?"
    r"(?:(?:south|north|east|west|central|south-east|southeast)\s+)?$",
    re.IGNORECASE,
)
# Beyond abroad.py's countries: the continents and regions of the world a first step abroad
# is told of ("son premier débouché en Asie", "its first foray into Latin America").
_REGIONS = re.compile(
    r"\b(?:Asi[ae]|Afri(?:que|ca)|Am[ée]rique|America|Moyen-Orient|Proche-Orient|"
    r"Middle East|Scandinavi[ae]|Océanie|Oceania|Maghreb|Amérique latine|Latin America)\b"
)
# A preposition the country follows (needed after the verbs that take no object).
_PREPOSITION = re.compile(r"\b(?:into|in|to|onto|en|au|aux|à|sur|dans)\b", re.IGNORECASE)


def market_entries(doc: Doc) -> list[tuple[str, int, int]]:
    """Export triggers (label, start, end): a verb or noun of entering whose next words
    name a foreign country, people or city; the trigger is the verb or noun."""
    found = []
    text = text_of(doc)
    lemmas = lemmas_of(doc)
    # The words of entering, picked out at C speed (most words: no Python Token made)
    for i in itertools.compress(itertools.count(), map(_ENTERING.__contains__, lemmas)):
        lemma = lemmas[i]
        token = doc[i]
        verb = lemma in _VERBS and token.pos == VERB
        # the model reads "débouché" as the verb's participle ("un premier débouché")
        noun = lemma in _NOUNS and token.pos in (NOUN, VERB)
        if not (verb or noun):
            continue
        if verb and not _finite(doc, i):
            continue
        start = token.idx + len(token.text)
        sentence = sentence_of(doc, i)
        reach = text[start : min(sentence.end_char, start + _REACH)]
        end = _CLAUSE_END.search(reach)
        reach = reach[: end.start()] if end else reach
        places = [m for m in (ABROAD.search(reach), _REGIONS.search(reach)) if m]
        if not places:
            continue
        foreign = min(places, key=lambda m: m.start())
        before = reach[: foreign.start()]
        if not _BEFORE.match(before):
            continue
        if not (lemma in _OBJECT_VERBS or _PREPOSITION.search(before)):
            continue
        found.append(("event:export", i, i + 1))
    # session 14: a distribution deal abroad is a market entered too (distribution_deals.py)
    return found + distribution_exports(doc)


def _finite(doc: Doc, i: int) -> bool:
    """Whether the verb at ``i`` is no past participle, or one after an auxiliary."""
    token = doc[i]
    if token.tag_ != "VBN" and "Part" not in token.morph.get("VerbForm"):
        return True
    lemmas = lemmas_of(doc)
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].pos_ in ("ADV", "PRON")):
        j -= 1
    return j >= 0 and lemmas[j] in _AUXILIARIES
