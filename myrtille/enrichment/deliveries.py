"""Goods delivered to a customer abroad: export news (session 8).

The press tells a first export as a delivery to a customer named by its country's
adjective ("a livré vendredi à la marine sénégalaise le premier des quatre patrouilleurs",
"delivered its first patrol boat to the Hellenic Navy", "ships seat frames to a Moroccan
carmaker"), with no word of export. The lexicon lists countries after "livrer à" but
cannot list every customer a people's adjective names; abroad.py knows the peoples. The
delivery counts when the foreign word follows "à"/"au"/"aux"/"to"/"vers" in the verb's
clause, so goods delivered by a foreign supplier ("livrés par un fournisseur allemand",
"delivered from a German plant") are no export.
"""

from __future__ import annotations

import itertools
import re

from spacy.parts_of_speech import VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.abroad import ABROAD
from myrtille.enrichment.doctext import lemmas_of, sentence_of, text_of

# Folded lemmas of verbs of delivering goods.
_DELIVERING = frozenset(get_string_id(w) for w in ("livrer", "expedier", "deliver", "ship"))
# How far after the verb the customer may be named (characters), and where the clause ends.
_REACH = 70
_CLAUSE_END = re.compile(r"[.;:!?\n]|\b(?:mais|but|while|tandis)\b")
# The customer's preposition, then words that are not a supplier's ("par", "by", "from").
_TO_CUSTOMER = re.compile(
    r"\b(?:à|au|aux|to|vers|towards)\s+(?:(?!(?:par|by|from|de\s+son|from\s+its)\b)[^,]){0,45}?$",
    re.IGNORECASE,
)


def deliveries(doc: Doc) -> list[tuple[str, int, int]]:
    """Export triggers (label, start, end): a verb of delivering whose clause names a
    customer abroad after its preposition; the trigger is the verb."""
    found = []
    text = text_of(doc)
    # the verbs' lemmas picked out of the column at C speed: a Token for those only
    for i in itertools.compress(itertools.count(), map(_DELIVERING.__contains__, lemmas_of(doc))):
        if doc[i].pos != VERB:
            continue
        start = doc[i].idx + len(doc[i].text)
        sentence = sentence_of(doc, i)
        reach = text[start : min(sentence.end_char, start + _REACH)]
        end = _CLAUSE_END.search(reach)
        reach = reach[: end.start()] if end else reach
        for foreign in ABROAD.finditer(reach):
            if _TO_CUSTOMER.search(reach, 0, foreign.start()):
                found.append(("event:export", i, i + 1))
                break
    return found
