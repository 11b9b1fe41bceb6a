"""Set phrases in which a sector's word means something else.

"La production a atteint sa vitesse de croisière" (full pace), "cruising speed", "cruise
control" say nothing of cruises: a word of the tourism lexicon ("croisière", "cruise")
inside such a phrase is no evidence. The phrases are those of the language, not of one
text; the test is on folded lemmas around the term.
"""

from __future__ import annotations

from spacy.tokens import Doc

from myrtille.enrichment.sector_cues import CueWords, cues_of
from myrtille.enrichment.sector_names import in_name

# term (folded lemma) -> words that make it a set phrase, before it ("vitesse de
# croisière", "rythme de croisière") or after it ("cruising speed", "cruise control").
BEFORE = {"croisiere": frozenset({"vitesse", "rythme", "regime", "altitude", "allure"})}
AFTER = {"cruise": frozenset({"speed", "altitude", "control", "mode"})}
LINKS = frozenset({"de", "d'"})
# Words whose sense the text's other words choose. "Brasserie" is a restaurant in an
# English text (the tourism lexicon's), but "Brasserie de l'Ill invests in a bottling
# line", "Breton craft brewer Brasseries de l'Aven" name French breweries: in a text that
# speaks of beer, the word is the brewer's, and its beer words file it (session 15: two
# texts by two authors filed under tourism). Term (folded lemma or form) -> those words.
BEER = frozenset(
    {
        *("beer", "beers", "brewer", "brewers", "brewery", "breweries", "brewing", "brew"),
        *("lager", "lagers", "ale", "ales", "hops", "biere", "bieres", "brasseur", "houblon"),
    }
)
SENSES = {"brasserie": ("tourism", BEER), "brasseries": ("tourism", BEER)}
# The terms these rules hold for (`sector_cues`).
IDIOM_CUES = CueWords(lemmas={*BEFORE, *AFTER}, lowers=SENSES, lowered=SENSES)


def set_phrase(doc: Doc, start: int, end: int, label: str = "") -> bool:
    """Whether the one-word term at ``start`` is inside a set phrase of another sense, or
    a name (`sector_names`: "Jean-Claude", "Saint-Flour")."""
    if end - start != 1 or in_name(doc, start, end):
        return end - start == 1
    if not cues_of(doc).near(IDIOM_CUES, start, end):
        return False
    lemma = doc[start].lemma_
    before = BEFORE.get(lemma)
    if before and start >= 2 and doc[start - 1].lower_ in LINKS and doc[start - 2].lemma_ in before:
        return True
    after = AFTER.get(lemma)
    return bool(after and end < len(doc) and doc[end].lemma_ in after) or _other_sense(
        doc, start, label
    )


def _other_sense(doc: Doc, start: int, label: str) -> bool:
    """Whether the text's other words give the term at ``start``, matched for the
    sector of ``label`` ("sector:tourism"), another sense (see SENSES): "brasserie" in a
    text about beer."""
    token = doc[start]
    sense = SENSES.get(token.lower_) or SENSES.get(token.lemma_.lower())
    if not sense or not label.endswith(":" + sense[0]):
        return False
    return any(t.lower_ in sense[1] or t.lemma_.lower() in sense[1] for t in doc)
