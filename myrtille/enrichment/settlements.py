"""A firm settling in a French town: a new site, investment news (session 11, recall).

The press tells a firm's arrival in a town with a verb of settling and the place right
after it: "s'implante à Roanne", "pose ses valises à Saint-Denis", "sets up shop in
Roanne". The same words before a foreign country or city are a step abroad (export news,
market_entries.py: "s'implante au Maroc" is export only, as the sets' authors write it),
and before a common noun they are no site ("s'implante à l'étranger", "sets up shop in
the cloud"). So the place must follow at once, capitalised, and name nothing abroad:
a region, a department or one of the gazetteer's main communes (geography.py).
"""

from __future__ import annotations

import itertools
import re

from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.abroad import ABROAD
from myrtille.enrichment.doctext import lemmas_of, sentence_of, text_of
from myrtille.enrichment.geography import Gazetteer

# Folded lemmas the model gives "(s')implante" ("impler", "implanter").
_SETTLE = frozenset(get_string_id(w) for w in ("impler", "implanter"))
_POSE = frozenset(get_string_id(w) for w in ("poser", "pose"))
_SET = get_string_id("set")
_OPENERS = _SETTLE | _POSE | {_SET}
_REFLEXIVE = frozenset({"se", "s'"})
# The auxiliary's lemma as the model gives it: folded ("etre", session 12), or not.
_ETRE = frozenset({"être", "etre"})
_REACH = 60
_CLAUSE_END = re.compile(r"[.;:!?\n,]|\b(?:mais|but|while|tandis|and|et)\b")
# The place at once after the words: a preposition, maybe an article, a capital letter.
_PLACE = re.compile(
    r"^\s*(?:à|a|in|at|dans)\s+(?:(?:la|le|les|l['’]|the)\s*)?[A-ZÉÈÎ]", re.IGNORECASE
)
_CAPITAL = re.compile(r"[A-ZÉÈÎ]")
_NAME = re.compile(r"[A-ZÉÈÎ][\w'’-]*(?:\s+(?:sur|en|de|du|les)?\s*[A-ZÉÈÎ][\w'’-]*)*")


def settlements(doc: Doc) -> list[tuple[str, int, int]]:
    """Investment triggers (label, start, end): "s'implante", "pose ses valises", "sets up
    shop" with a capitalised place right after that names nothing abroad."""
    found = []
    text = text_of(doc)
    lemmas = lemmas_of(doc)
    # Only a settling verb's lemma can open the words (every branch of _settling_end
    # needs one): the rest of the document's tokens are passed over at C speed.
    for i in itertools.compress(itertools.count(), map(_OPENERS.__contains__, lemmas)):
        end = _settling_end(doc, lemmas, i, lemmas[i])
        if end is None:
            continue
        start = doc[end - 1].idx + len(doc[end - 1].text)
        sentence = sentence_of(doc, i)
        reach = text[start : min(sentence.end_char, start + _REACH)]
        stop = _CLAUSE_END.search(reach)
        reach = reach[: stop.start()] if stop else reach
        place = _PLACE.match(reach)
        # the capital letter must be the text's own (the pattern ignores case for "À")
        if not place or not _CAPITAL.match(reach[place.end() - 1]):
            continue
        if ABROAD.search(reach) or not _french_place(reach[place.end() - 1 :]):
            continue
        found.append(("event:investment", i, end))
    return found


def _settling_end(doc: Doc, lemmas: list[int], i: int, lemma: int) -> int | None:
    """Where the words of settling that start at ``i`` end, or None."""
    if lemma in _SETTLE and i > 0 and doc[i - 1].lower_ in _REFLEXIVE:
        return i + 1
    # a compound past: "s'est implantée à Roanne"
    if (
        lemma in _SETTLE
        and i > 1
        and doc[i - 2].lower_ in _REFLEXIVE
        and doc[i - 1].lemma_ in _ETRE
    ):
        return i + 1
    following = [t.lower_ for t in doc[i + 1 : i + 3]]
    if lemma in _POSE and following in (["ses", "valises"], ["leurs", "valises"]):
        return i + 3
    if lemma == _SET and following == ["up", "shop"]:
        return i + 3
    return None


def _french_place(text: str) -> bool:
    """Whether ``text`` opens with a French region, department or commune of the gazetteer's
    main list (10,000+ inhabitants, prefectures): a small commune's name is often a city's
    abroad as well ("Montréal" in the Aude)."""
    name = _NAME.match(text)
    if not name:
        return False
    words = name.group(0).split()
    gazetteer = Gazetteer.default()
    return any(gazetteer.resolve(" ".join(words[:n])) for n in range(len(words), 0, -1))
