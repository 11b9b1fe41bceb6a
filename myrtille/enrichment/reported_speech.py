"""Reported speech: a pluperfect after a past verb of saying.

"confirmed that it had received a firm order", "a précisé qu'elle avait signé": the tense
of reported speech, not an earlier time, so not background (session 7). The day or the
channel of the saying may stand between the verb and its clause ("said on Thursday it had
agreed to buy", "a annoncé jeudi qu'elle avait conclu un accord", "a précisé dans un
communiqué qu'elle avait signé"): still the news being reported (session 11).
"""

from __future__ import annotations

import re

# A past verb of saying just before a pluperfect: the tense of reported speech ("confirmed
# that it had received a firm order", "a précisé qu'elle avait signé"), not an earlier time.
# session 11: with the day or the channel of the saying between ("said on Thursday it had
# agreed to buy", "a annoncé jeudi qu'elle avait conclu", "a précisé dans un communiqué").
_DAYS_EN = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SAID_WHEN_EN = (
    rf"(?:\s+(?:on\s+(?:{_DAYS_EN})|{_DAYS_EN}|yesterday|today|this\s+week|"
    r"in\s+a\s+(?:press\s+)?(?:statement|release)|in\s+a\s+filing))*"
)
_DAYS_FR = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_SAID_WHEN_FR = (
    rf"(?:\s+(?:(?:ce\s+)?(?:{_DAYS_FR})(?:\s+(?:matin|soir))?|hier|aujourd['’]\s?hui|"
    r"cette\s+semaine|dans\s+un\s+communiqu[ée]|par\s+voie\s+de\s+communiqu[ée]),?)*"
)
_REPORTED_PAST = re.compile(
    r"\b(?:said|confirmed|announced|told\s+\w+|added|explained|stated|indicated|disclosed|"
    rf"revealed|reported){_SAID_WHEN_EN},?\s+(?:that\s+)?(?:it|they|he|she|we|"
    r"the\s+(?:company|group|firm)|[A-Z][\w-]*)\s*\Z|"
    r"\b(?:a|ont)\s+(?:\w+\s+)?(?:annonc|confirm|indiqu|pr[ée]cis|expliqu|d[ée]clar|affirm|"
    rf"r[ée]v[ée]l|soulign|savoir)\w*{_SAID_WHEN_FR}\s+qu['’]\s?"
    r"(?:elle|il|ils|elles|on|[A-Z][\w-]*)\s*\Z"
)


def backshifted(text: str, begin: int, at: int) -> bool:
    """Whether the pluperfect at ``at`` follows a past verb of saying (since ``begin``)."""
    return _REPORTED_PAST.search(text, max(begin, at - 120), at) is not None
