"""Set phrases in which a sector's word means something else.

"La production a atteint sa vitesse de croisière" (full pace), "cruising speed", "cruise
control" say nothing of cruises: a word of the tourism lexicon ("croisière", "cruise")
inside such a phrase is no evidence. The phrases are those of the language, not of one
text; the test is on folded lemmas around the term.
"""

from __future__ import annotations

from spacy.tokens import Doc

from myrtille.enrichment.sector_names import in_name

# term (folded lemma) -> words that make it a set phrase, before it ("vitesse de
# croisière", "rythme de croisière") or after it ("cruising speed", "cruise control").
BEFORE = {"croisiere": frozenset({"vitesse", "rythme", "regime", "altitude", "allure"})}
AFTER = {"cruise": frozenset({"speed", "altitude", "control", "mode"})}
LINKS = frozenset({"de", "d'"})


def set_phrase(doc: Doc, start: int, end: int) -> bool:
    """Whether the one-word term at ``start`` is inside a set phrase of another sense, or
    a name (`sector_names`: "Jean-Claude", "Saint-Flour")."""
    if end - start != 1 or in_name(doc, start, end):
        return end - start == 1
    lemma = doc[start].lemma_
    before = BEFORE.get(lemma)
    if before and start >= 2 and doc[start - 1].lower_ in LINKS and doc[start - 2].lemma_ in before:
        return True
    after = AFTER.get(lemma)
    return bool(after and end < len(doc) and doc[end].lemma_ in after)
