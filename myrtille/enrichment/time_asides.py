"""A time said apart, between commas, after an event's noun (issue 14, session 13).

"La liquidation de Ty Bro, à Carhaix, l'an dernier, avait marqué les esprits", "The
closure of the Lens plant, in 2023, cost 140 jobs": the time phrase stands alone between
commas, after the event's noun and maybe a short apposition (a place, a description), and
dates the noun's event as much as "la liquidation de l'an dernier" would. background.py
reads a trigger's time in its comma-delimited part only; this widens that part over such
an aside. A part that says more than a time ("contre 25 l'an dernier", "a year after its
rival closed") is no aside and stops the search.
"""

from __future__ import annotations

import re

# A time phrase and nothing else, the whole part between two commas.
_TIME_ONLY = re.compile(
    r"\s*(?:l['’]\s?(?:an|ann[ée]e)\s+(?:derni[eè]re?|pass[ée]e?)|"
    r"(?:last|the\s+previous)\s+(?:year|month|spring|summer|autumn|fall|winter)|"
    r"(?:en|in|back\s+in|au\s+printemps|à\s+l['’]\s?automne|en\s+(?:été|hiver))\s*"
    r"(?:[a-zéû]+\s+)?(?:19|20)\d\d|"
    r"il\s+y\s+a\s+[\w-]+\s+(?:ans?|mois|semaines)|"
    r"[\w-]+\s+(?:years?|months?|weeks?)\s+ago|a\s+year\s+(?:ago|earlier))\s*\Z",
    re.IGNORECASE,
)
# What ends a part: a comma (not in a number) or stronger punctuation.
_PART_END = re.compile(r"[;:()\[\]—–.!?\n]|,(?!\d)")
# An apposition between the noun and the time: a few words ("à Carhaix-Plouguer").
_SHORT = 4


def dated_aside(text: str, end: int) -> int:
    """Where a trigger's time scope ends in ``text`` (its sentence) when its part, ending
    at ``end``, is followed by a time phrase alone between commas (see the module's
    docstring): after that phrase; else ``end``."""
    at = end
    for _ in range(2):
        if at >= len(text) or text[at] != ",":
            return end
        stop = _PART_END.search(text, at + 1)
        if stop is None or text[stop.start()] != ",":
            return end  # an aside is closed by a comma: the clause goes on after it
        part = text[at + 1 : stop.start()]
        if _TIME_ONLY.match(part):
            return stop.start()
        if len(part.split()) > _SHORT:
            return end
        at = stop.start()
    return end


def aside_before(text: str, begin: int) -> int:
    """Where a trigger's time scope begins in ``text`` (its sentence) when its part, from
    ``begin``, comes right after a time phrase alone between commas ("La liquidation de X,
    l'an dernier, avait marqué les esprits avec 140 emplois perdus"): the aside dates the
    main clause that goes on after it; else ``begin``."""
    if begin < 2 or text[begin - 1] != ",":
        return begin
    opening = max((m.end() for m in _PART_END.finditer(text, 0, begin - 1)), default=-1)
    if opening < 1 or text[opening - 1] != ",":
        return begin
    return opening if _TIME_ONLY.match(text[opening : begin - 1]) else begin
