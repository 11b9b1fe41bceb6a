"""A firm taken over by name: a verb of taking over whose object is a proper name
("Orvalis reprend Lacombe", "acquiert Lacombe Fermetures", "has taken over Lacombe",
"picked up Lacombe"), or the passive of its past sale to a firm named ("a été cédée à
Lacombe", "was sold to Lacombe").

The lexicon cannot say these: "reprendre", "acquérir", "take over" and "pick up"
take machines, land, staff, work and roles as often as firms ("reprend le travail",
"acquiert un terrain", "takes over as chief executive"), and a firm's name is no word a
pattern can list. The tagger's part of speech can: a proper name right after the verb
is what is taken over. A country, a town or a day the English model names is no firm
("took over Paris", "took over Monday"; the French model reads many firms' surnames as
places, so its LOC is not trusted), nor is a name that owns what follows ("took over
Lacombe's plant").
"""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LEMMA, NORM, POS
from spacy.parts_of_speech import PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc


def _ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


# Folded lemmas and texts (LEMMA and NORM after patterns.fold_doc): verbs whose
# proper-name object is the firm bought.
_VERBS = _ids("acquerir", "reprendre")
# English verbs with their particle ("takes over Lacombe", "picked up Lacombe").
_PHRASAL = {get_string_id("take"): _ids("over"), get_string_id("pick"): _ids("up")}
# A firm sold, in the passive of a past sale ("a été cédée à Lacombe", "was sold to
# Lacombe"); the present ("is sold to Carrefour") sells goods.
_PAST_PASSIVE = _ids("ete", "been", "was", "were")
_SOLD = _ids("vendu", "vendue", "vendus", "vendues", "cede", "cedee", "cedes", "cedees", "sold")
_TO = _ids("a", "to")
# Names the English model reads as no firm's: "took over Monday" (a new head), "Paris".
_NOT_FIRMS = _ids("GPE", "DATE", "TIME", "NORP", "EVENT")
_POSSESSIVE = _ids("'s", "’s")


def takeovers(doc: Doc) -> list[tuple[str, int, int]]:
    """Acquisition triggers (label, start, end) of firms taken over by name in ``doc``;
    the trigger is the verb (with its particle), not the name."""
    found = []
    # From arrays rather than one Python Token per token of the document.
    rows = doc.to_array([POS, LEMMA, NORM, ENT_TYPE]).tolist()
    for i, (pos, lemma, norm, _) in enumerate(rows):
        nxt = rows[i + 1][2] if i + 1 < len(rows) else None
        start = i
        if pos == VERB and lemma in _VERBS:
            end: int | None = i + 1
        elif pos == VERB and lemma in _PHRASAL:
            end = i + 2 if nxt in _PHRASAL[lemma] else None
        elif norm in _PAST_PASSIVE and nxt in _SOLD:
            # the trigger is the participle and its "to"
            start, end = i + 1, i + 3 if _norm(rows, i + 2) in _TO else None
        else:
            end = None
        if end is not None and _name_end(rows, end) is not None:
            found.append(("event:acquisition", start, end))
    return found


def _norm(rows: list[list[int]], at: int) -> int | None:
    return rows[at][2] if at < len(rows) else None


def _name_end(rows: list[list[int]], at: int) -> int | None:
    """Where the firm's proper name that starts at ``at`` ends (the next token's index), or
    None when no name starts there, or a place's, or one that owns what follows."""
    if at >= len(rows) or rows[at][0] != PROPN or rows[at][3] in _NOT_FIRMS:
        return None
    end = at
    while end < len(rows) and rows[end][0] == PROPN:
        end += 1
    return None if _norm(rows, end) in _POSSESSIVE else end


# Tried and dropped (validation, aggregates): the nouns "l'achat de X", "the purchase of
# X" (one event more than the annotators' in 240 documents, even with goods ruled out),
# and "la cession / la vente de X à Y", "the sale of X to Y" (read as the seller's event).
