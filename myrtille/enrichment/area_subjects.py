"""Jobs won or lost by a place or its economy (issue 14, session 8).

A context paragraph about the region's economy tells what a place has gained or lost:
"Le bassin d'emploi de Vierzon a créé près de 2 000 emplois en dix ans", "le département
a recruté massivement dans la logistique", "l'industrie, qui a créé 800 postes l'an
passé", "The Vierzon employment area has created almost 2,000 jobs", "The region's
manufacturers have been hiring steadily". Its subject is an area, a local economy or the
firms of an area, not a firm: no hiring and no closure of the document's company. The
trigger's clause is read from its start; a relative pronoun that opens it ("qui",
"which") stands for the noun before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start

_AREA = (
    r"(?:bassin\s+d['’]\s?emploi|r[ée]gion|d[ée]partement|territoire|agglom[ée]ration|"
    r"m[ée]tropole|ville|commune|vall[ée]e|zone\s+d['’]\s?emploi|[ée]conomie\s+(?:locale|"
    r"r[ée]gionale|du\s+\w+|de\s+la\s+\w+|de\s+l['’]\s?\w+)|industrie|tissu\s+industriel|"
    r"employment\s+area|region|department|area|town|city|county|valley|local\s+economy|"
    r"regional\s+economy|manufacturing|industry)"
)
# A place's name before the area noun: "the Vierzon employment area".
_NAMES = r"(?-i:(?:[A-ZÀ-Ý][\w'’-]*\s+){0,2})"
_DETERMINER = r"(?:le|la|l['’]|les|ce|cette|the|this|its|their)\s*"
# The area opens the clause, up to a few words of complement, then the verb.
_AREA_SUBJECT = re.compile(
    rf"^\s*(?:et\s+|and\s+|mais\s+|but\s+)?{_DETERMINER}{_NAMES}{_AREA}\b"
    r"(?:\s+(?:de|du|des|d['’]|of|in)\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
    r"(?:['’]s\s+(?:manufacturers|firms|companies|employers|factories|industries))?\s+\S",
    re.IGNORECASE,
)
# A relative pronoun opening the clause: its noun is before the comma.
_RELATIVE = re.compile(r"^\s*(?:qui|which|that)\b", re.IGNORECASE)
_BEFORE_COMMA = re.compile(rf"{_DETERMINER}{_AREA}\s*,?\s*\Z", re.IGNORECASE)
# The firms of an area: "the region's manufacturers", "les industriels de la région".
_AREA_FIRMS = re.compile(
    r"^\s*(?:the\s+)?(?:region|area|town|city|county|valley|department)['’]s\s+"
    r"(?:manufacturers|firms|companies|employers|factories|industries|businesses)\b|"
    r"^\s*les\s+(?:industriels|entreprises|employeurs|usines|PME)\s+(?:de\s+la\s+r[ée]gion|"
    r"du\s+d[ée]partement|du\s+territoire|de\s+l['’]\s?agglom[ée]ration|du\s+bassin)\b",
    re.IGNORECASE,
)
_KINDS = frozenset({"hiring", "closure"})


def told_of_an_area(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger's clause has an area, a local economy or an area's
    firms as its subject (see the module's docstring); ``text``: the document's text."""
    if kind not in _KINDS:
        return False
    start = clause_start(text, sentence, trigger)
    clause = text[start : trigger.end_char]  # "bassin d'emploi" may hold the trigger's word
    if _AREA_SUBJECT.match(clause) or _AREA_FIRMS.match(clause):
        return True
    return _RELATIVE.match(clause) is not None and (
        _BEFORE_COMMA.search(text, sentence.start_char, start) is not None
    )
