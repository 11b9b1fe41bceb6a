"""Event words told as part of a firm's profile, next to its headcount (session 15,
precision B).

A firm is described by how many people it employs and what it does, in one coordinated
clause: "Lumens Data, which employs about 130 people and sells forecasting tools to
retailers", "Genumed … has 45 employees and sells to clinics in Switzerland", "Nuvéo,
which employs 70 people and is investing €50m in its new site", "qui emploie 80 salariés
et exporte vers l'Allemagne", "la PME compte 45 salariés et vend ses machines aux
laiteries". The clause says what the firm is, not what happened: no event of trade,
takeover, investment, contract or partnership. A recent act joined to the headcount
("employs 130 people and has just won", "emploie 80 salariés et vient de signer", "and
will open") is news and stays; so do hires ("employs 50 and is hiring 20").

Where the firm stands, said as a bare participle after its name or its trade
("Chimirex, producteur de spécialités chimiques implanté sur la plateforme de
Saint-Fons", "la PME, installée à Morteau depuis 1950"), is its address too: no site
opened. With an auxiliary or a reflexive ("s'est implantée à Tanger", "sera installée sur
une friche", "vient de s'installer") it is the move, and stays.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

_KINDS = frozenset({"export", "acquisition", "investment", "contract", "partnership"})
# Cheap cue: a word of headcount somewhere in the sentence.
_CUE = re.compile(r"people|employ|staff|workers|salari|personnes|collaborat|agents", re.IGNORECASE)
_CUE = gated(_CUE)  # session 18: only where one of its words is
# A present headcount ("employs about 130 people", "compte 45 salariés"), then its
# coordination: the trigger's part follows it.
_HEADCOUNT = re.compile(
    r"\b(?:employs|employ|has|have|counts|emploie|emploient|compte|comptent|r[ée]unit|"
    r"rassemble|fait\s+travailler)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|close\s+to|just\s+over|"
    r"under|fewer\s+than|environ|pr[èe]s\s+de|quelque|plus\s+de|moins\s+de|un\s+peu\s+plus\s+de|"
    r"aujourd['’]\s?hui)\s+)?"
    r"\d[\d\s.,]*\s*(?:people|employees|staff|workers|persons|salari[ée]e?s|personnes|"
    r"collaborateur(?:rice)?s|employ[ée]e?s|agents)\b"
    r"(?:\s+[^\s,;:.]+){0,6}?\s+(?:and|et)\s+[^,;:.]*\Z",
    re.IGNORECASE,
)
# What joined to the headcount makes it news: a recent or coming act.
_NEWS_AFTER = re.compile(
    r"\b(?:and|et)\s+(?:(?:it|il|elle)\s+)?(?:has|have|had|a|ont|avait|avaient|vient|"
    r"viennent|just|recently|r[ée]cemment|will|shall|va|vont|is\s+to|plans?|pr[ée]voit|"
    r"annonce|announced|announces)\b",
    re.IGNORECASE,
)


# The trigger opens on a participle of place.
_SETTLED = re.compile(
    r"(?:implant|install|[ée]tabli)[ée]e?s?\s+(?:sur|[àa]|au|aux|dans|en|pr[èe]s|depuis)\b",
    re.IGNORECASE,
)
# What makes it a move: an auxiliary, a reflexive, "vient de", just before.
_MOVED = re.compile(
    r"(?:\b(?:est|sont|sera|seront|serait|a|ont|avait|[ée]t[ée]|être|etre|vient\s+de|"
    r"viennent\s+de|va|vont|s['’]|se)\s*(?:\w+\s+)?)\Z",
    re.IGNORECASE,
)


def told_as_profile(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger is coordinated with the firm's present headcount in
    its clause ("which employs 130 people and sells …"): the firm's profile, no event."""
    if kind not in _KINDS:
        return False
    if kind == "investment" and _SETTLED.match(trigger.text):
        return not _MOVED.search(text, max(0, trigger.start_char - 40), trigger.start_char)
    start = sentence.start_char
    if not _CUE.search(text, start, trigger.start_char):
        return False
    found = _HEADCOUNT.search(text[start : trigger.start_char])
    return found is not None and not _NEWS_AFTER.search(found.group())
