"""A time told from a year said before it (issue 14, session 14, precision).

Portraits, obituaries and company histories tell a story year by year, often in the
historical present: "En 2014, l'entreprise lève 800 000 euros ; en 2018, … Trois ans plus
tard, Océalg rachète son voisin", "In 2015 she opened a second shop. Two years later, she
bought the bakery next door", "l'année suivante, il reprend un concurrent". The phrase
dates its sentence from the last year the text gave before it: the event is background
when that year plus the offset is before the article's year. Counted from a year near the
article's ("Fondée en 2019, … Sept ans plus tard, elle lève 20 millions d'euros", in 2026)
or from a year ahead ("mise en service en 2027 ; deux ans plus tard, …"), it is today's
news or a plan, and is kept. Without the article's date nothing is read.

An opening clause of time ("By the time he stepped back in 1999, the firm was exporting",
"Lorsqu'il a pris sa retraite en 2005, …") dates the main clause after it as a short
opening phrase does ("En 2014, …"): background.py widens the trigger's time scope over it.
"""

from __future__ import annotations

import re
from datetime import datetime

_NUMBERS = {
    "un": 1,
    "une": 1,
    "a": 1,
    "one": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
}
_NUMBER = "|".join(sorted(_NUMBERS, key=len, reverse=True))
# "trois ans plus tard", "two years later", "l'année suivante", "the following year"; not
# "later than planned", nor "the next year" (most often the year ahead of today).
_LATER = re.compile(
    rf"\b(?:(?P<n>\d{{1,2}}|{_NUMBER})\s+(?:ans?|ann[ée]es?|years?)\s+"
    r"(?:plus\s+tard|later)(?!\s+(?:than|que|qu['’]))|"
    r"l['’]\s?ann[ée]e\s+(?:suivante|d['’]\s?apr[èe]s)|the\s+following\s+year|"
    r"a\s+year\s+later|un\s+an\s+plus\s+tard)\b",
    re.IGNORECASE,
)
# A year told as a time ("en 2018", "in 2015", "dès 2012"), in the text before.
_ANCHOR = re.compile(
    r"\b(?:en|in|dès|début|fin|courant|during|early|late)\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)",
    re.IGNORECASE,
)
# How far back the anchor is looked for: the paragraph before, about.
_REACH = 700
# Cheap gate: a word each way of _LATER holds.
_GATE = ("tard", "later", "suivante", "following", "d'après", "d’après")

# An opening clause of time, up to its comma ("By the time he stepped back in 1999,").
OPENING_WHEN = re.compile(
    r"(?:by\s+the\s+time|when|lorsqu['’]?e?|quand|au\s+moment\s+o[ùu]|"
    r"à\s+l['’]\s?[ée]poque\s+o[ùu]|at\s+the\s+time)\b[^,;:\n]{1,120},",
    re.IGNORECASE,
)


def later_than_told(
    text: str, sentence_start: int, scope_end: int, published: datetime | None
) -> bool:
    """Whether the sentence starting at ``sentence_start`` in ``text`` is dated, up to
    ``scope_end`` (the end of the trigger's time scope), by a time counted from a year told
    before it that falls before the article's year."""
    if published is None:
        return False
    head = text[sentence_start:scope_end]
    lowered = head.lower()
    if not any(word in lowered for word in _GATE):
        return False
    found = _LATER.search(head)
    if found is None:
        return False
    anchors = _ANCHOR.findall(text, max(0, sentence_start - _REACH), sentence_start)
    if not anchors:
        return False
    offset = found.group("n")
    years = 1 if offset is None else int(_NUMBERS.get(offset.lower(), offset))
    return int(anchors[-1]) + years < published.year
