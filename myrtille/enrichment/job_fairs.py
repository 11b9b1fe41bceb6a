"""A recruitment fair shared by many employers is no firm's hiring (session 16).

Read off the false hiring events of news17 (three of its four authors, both languages):
a fair, a forum or a "job dating" held by a trade body or a chamber, or where many firms
meet candidates ("The federation and the employers' group will host a hiring fair",
"At a recruitment fair in Toulouse, more than 60 companies competed for 2,000
candidates", "Notre forum de recrutement se tiendra le 26 novembre : une soixantaine
d'entreprises y proposeront 300 contrats", "le salon de l'emploi réunira 80
exposants") tells a labour market, not jobs a firm creates. The annotators count no
hiring there. A firm's own recruitment day ("Caléo Rail organise un job dating dans son
usine pour pourvoir 35 postes") stays hiring: the rule asks for the fair's word to be
the trigger and for the many employers or the host body in the same sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# The trigger's word naming the fair: "hiring fair", "forum de recrutement", "job dating".
_FAIR_AFTER = re.compile(
    r"\s*(?:fairs?|days?|events?|forums?|expos?|open\s+days?|sessions?)\b", re.IGNORECASE
)
_FAIR_BEFORE = re.compile(
    r"\b(?:forums?|salons?|journ[ée]es?|matin[ée]es?|job[-\s]?datings?|rencontres?|"
    r"jobs?|careers?)\s+(?:d[eu]\s+|de\s+l['’]\s?|des\s+|d['’]\s?)?\Z|\bjob[-\s]?\Z",
    re.IGNORECASE,
)
# The trigger that is the fair itself ("un job dating", "a hiring fair").
_FAIR_IN = re.compile(r"\bjob[-\s]?datings?\b|\b(?:fairs?|forums?|salons?)\b", re.IGNORECASE)
# Many employers, or a body that hosts for its members, in the trigger's sentence.
_MANY_EMPLOYERS = re.compile(
    r"\b(?:\d[\d\s,.]*|dozens\s+of|une?\s+\w+aines?\s+d['’e]\s?|plus\s+de\s+\d+\s+)\s*"
    r"(?:companies|firms|employers|exhibitors|recruiters|entreprises|employeurs|exposants|"
    r"recruteurs|soci[ée]t[ée]s)\b|"
    r"\b(?:employers['’]?|exhibitors|recruiters|employeurs|exposants|recruteurs|"
    r"entreprises\s+(?:adh[ée]rentes|membres|du\s+r[ée]seau|locales|du\s+territoire))\b|"
    r"\b(?:federation|f[ée]d[ée]ration|chambers?|chambres?|CCI|CMA|France\s+Travail|"
    r"P[ôo]le\s+emploi|job\s*centres?|organi[sz]ers|organisateurs|syndicat|union\s+"
    r"patronale|trade\s+body|trade\s+association|groupement)\b",
    re.IGNORECASE,
)
_CUES = ("fair", "forum", "salon", "dating", "journ", "matin", "day", "event", "expo", "session")
_CUES += ("rencontre", "job", "career")


def at_a_job_fair(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the hiring ``trigger`` is the word that names a recruitment fair held by a
    body or for many employers (see the module's docstring); ``text``: the document's."""
    if kind != "hiring":
        return False
    around = text[max(sentence.start_char, trigger.start_char - 30) : trigger.end_char + 20]
    if not any(cue in around.lower() for cue in _CUES):
        return False
    named = (
        _FAIR_AFTER.match(text, trigger.end_char)
        or _FAIR_BEFORE.search(
            text, max(sentence.start_char, trigger.start_char - 30), trigger.start_char
        )
        or _FAIR_IN.search(trigger.text)
    )
    if named is None:
        return False
    return _MANY_EMPLOYERS.search(text, sentence.start_char, sentence.end_char) is not None
