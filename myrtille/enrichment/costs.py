"""A site, a building or a vessel priced after its description: investment news (session 8).

The press describes the new asset first and prices it at the end of the sentence: "Le
bâtiment de 12 000 m2, équipé de chambres froides à atmosphère contrôlée et de
calibreuses optiques, coûtera 22 millions d'euros", "Le navire de 32 mètres, qui peut
embarquer 180 passagers, a coûté 4,2 millions d'euros", "The warehouse, which will handle
grain shipped by barge, will cost EUR 32 million". The lexicon's "usine ** coûter * NUM"
reaches six words; the description may run to twenty. So the cost counts when the
sentence's subject, its first noun, is such an asset and its verb "coûter"/"cost" is
followed by an amount: a crisis, a strike or a plan that costs money is no asset.
"""

from __future__ import annotations

import itertools

from spacy.parts_of_speech import ADJ, DET, NOUN, NUM, PROPN, PUNCT, SPACE, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.doctext import columns_of, sentence_of


def _ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


_COSTING = _ids("couter", "cost")
# Folded lemmas of the assets a firm invests in (French and English).
_ASSET_WORDS = (
    "usine site batiment navire bateau catamaran ferry chalutier ligne hangar entrepot "
    "atelier station centrale unite extension hotel siege magasin chai serre plateforme "
    "laboratoire four presse robot machine equipement plant factory building vessel ship "
    "boat warehouse workshop facility unit line store terminal laboratory lab furnace "
    "press campus depot resort"
)
_ASSETS = _ids(*_ASSET_WORDS.split())
# Words that may open a sentence before its subject.
_OPENERS = frozenset({DET, ADJ, PUNCT, SPACE, NUM})
# How far after the verb its amount may come ("coûtera au total 22 millions", "will
# cost around EUR 32 million").
_AMOUNT_REACH = 4


def costs(doc: Doc) -> list[tuple[str, int, int]]:
    """Investment triggers (label, start, end): from the asset that opens the sentence to
    the amount its verb of costing states."""
    lemmas, _, numbers = columns_of(doc)
    found = []
    # the verbs' lemmas picked out of the column at C speed: a Token for those only
    for i in itertools.compress(itertools.count(), map(_COSTING.__contains__, lemmas)):
        if doc[i].pos != VERB:
            continue
        amount = next(
            (j for j in range(i + 1, min(len(doc), i + 1 + _AMOUNT_REACH)) if numbers[j]),
            None,
        )
        if amount is None:
            continue
        # From the sentence's start or its paragraph's: a title has no full stop, and the
        # recogniser may run it into the text's first sentence.
        begin = sentence_of(doc, i).start
        begin = max([begin, *(t.i + 1 for t in doc[begin:i] if "\n" in t.text)])
        # English puts the firm's name before the asset ("The Garance warehouse").
        subject = next(
            (t for t in doc[begin:i] if t.pos not in _OPENERS and t.pos != PROPN),
            None,
        )
        if subject is not None and subject.pos == NOUN and lemmas[subject.i] in _ASSETS:
            found.append(("event:investment", subject.i, amount + 1))
    return found
