"""An event ruled out by its firm in the perfect, or a trigger run across two clauses
(issue 14, session 15).

- A board or a firm that "a écarté l'idée de fermer le site", "a exclu toute fermeture",
  "a renoncé à fermer", "has ruled out closing the plant", "rejected the idea of cutting
  jobs", "dismissed any plan to hire" says the event will not happen (newsworthy.py knows
  "écarte toute introduction en Bourse" in the present; this is the same in the perfect,
  the passive and English).
- A leadership, hiring or closure trigger whose words run across a comma and a
  conjunction that opens a clause with its own subject ("No bidders have been named, and
  the chief executive declined to say") joins two clauses: no event (as a trigger across
  a quotation mark, other_readings.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start

# A verb of ruling out in a perfect or a participle, then what is ruled out (an idea, a
# plan, "toute", "any"), up to the trigger.
_RULED_OUT = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|aurait)\s+(?:\w+\s+)?|[ée]t[ée]\s+)(?:[ée]cart[ée]e?s?|"
    r"exclu(?:e|s|es)?|rejet[ée]e?s?|refus[ée]e?s?|renonc[ée]e?s?|abandonn[ée]e?s?)\s+"
    r"(?:[àa]\s+)?(?:l['’]\s?id[ée]e|la\s+piste|l['’]\s?hypoth[èe]se|le\s+projet|la\s+perspective|"
    r"le\s+sc[ée]nario|toute?s?|tout\s+projet|l['’]\s?option)?[\w\s'’-]{0,30}\Z|"
    r"\b(?:rul(?:ed|es|e|ing)\s+out\s+|(?:ruled\s+out|rejected|dismissed|refused|abandoned|"
    r"dropped|shelved|scrapped)\s+(?:the\s+idea\s+of|(?:any|all|its|the)\s+(?:plans?|idea|"
    r"prospect|option)\s+(?:of|to)|any|plans?\s+(?:to|for)))[\w\s'’-]{0,30}\Z",
    re.IGNORECASE,
)
_RULED_CUES = (
    "cart",
    "exclu",
    "rejet",
    "refus",
    "renonc",
    "abandon",
    "rul",
    "rejected",
    "dismissed",
    "refused",
    "dropped",
    "shelved",
    "scrapped",
)
# A comma, then a conjunction and the subject of a new clause, inside the trigger.
_NEW_CLAUSE = re.compile(
    r"[,;]\s+(?:and|but|while|et|mais|alors\s+que)\s+(?:the|its|his|her|their|it|they|he|she|"
    r"le|la|les|l['’]|son|sa|ses|leur|leurs|il|elle|ils|elles)\b",
    re.IGNORECASE,
)
_KINDS = frozenset({"hiring", "leadership", "closure"})


def ruled_out(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` is ruled out in its clause, or runs
    across two clauses (see the module's docstring); ``text``: the document's text."""
    if kind not in _KINDS:
        return False
    if _NEW_CLAUSE.search(trigger.text):
        return True  # "No bidders have been named, and the chief executive declined"
    before = text[clause_start(text, sentence, trigger) : trigger.start_char]
    lowered = before.lower()
    if not any(cue in lowered for cue in _RULED_CUES):
        return False
    return _RULED_OUT.search(before) is not None  # "a écarté l'idée de fermer le site"
