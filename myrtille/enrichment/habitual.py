"""Events said to recur: a habit of the firm, not news (issue 14, session 7).

A frequency in the trigger's clause ("l'atelier accueille chaque année deux apprentis",
"seasonal pickers are hired every August", "recrute tous les étés 40 saisonniers",
"each year the group buys two or three small firms") tells what the firm usually does:
the habitual aspect describes it, as its trade or its size do, and reports no event that
happened. An article about a seasonal hiring drive says so with a number and a date of its
own ("recrute 40 saisonniers pour cet été"), which no frequency marks.

A span of the firm's history does the same (session 8): "au fil des ans, la société a
embauché des dizaines de techniciens", "over the years the company acquired several
rivals", "depuis sa création", "since it was founded", "nous avons toujours recruté
localement", "we have always hired locally": the firm's past told as a whole, the
background paragraph of a profile, no event of the news.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.background import time_scope
from myrtille.enrichment.calendar_words import ENGLISH_MONTHS, FRENCH_MONTHS

# A frequency: "chaque année", "tous les ans", "every August", "each spring", "year after
# year", "d'année en année", "annually", "chaque été".
_UNITS_FR = (
    r"ann[ée]es?|ans|mois|semaines?|saisons?|[ée]t[ée]s?|hivers?|printemps|automnes?|"
    r"rentr[ée]es?|vendanges|r[ée]coltes?|" + "|".join(FRENCH_MONTHS)
)
_UNITS_EN = (
    r"years?|months?|weeks?|seasons?|summers?|winters?|springs?|autumns?|falls?|"
    r"harvests?|" + "|".join(ENGLISH_MONTHS)
)
_FREQUENCY = re.compile(
    rf"\b(?:chaque|tous\s+les|toutes\s+les)\s+(?:{_UNITS_FR})\b|"
    r"\bd['’]\s?ann[ée]e\s+en\s+ann[ée]e\b|\bann[ée]e\s+apr[èe]s\s+ann[ée]e\b|"
    rf"\b(?:every|each)\s+(?:{_UNITS_EN})\b|\b(?:annually|yearly)\b|"
    r"\byear\s+(?:after|in,?\s+year\s+out)\b|\byear\s+after\s+year\b",
    re.IGNORECASE,
)

# A span of the firm's history, or "always" with a compound past.
_DURATIVE = re.compile(
    r"\bau\s+fil\s+des\s+(?:ans|ann[ée]es|d[ée]cennies)\b|"
    r"\bdepuis\s+(?:sa|leur)\s+(?:cr[ée]ation|fondation|naissance)\b|"
    r"\btout\s+au\s+long\s+de\s+(?:son|leur)\s+histoire\b|"
    r"\b(?:avons|avez|a|ont|avait|avaient)\s+toujours\s+\w+[ée]e?s?\b|"
    r"\bover\s+the\s+(?:years|decades)\b|"
    r"\bsince\s+(?:its|their)\s+(?:creation|founding|foundation|inception|launch)\b|"
    r"\bsince\s+(?:it|they)\s+(?:was|were)\s+(?:founded|created|set\s+up)\b|"
    r"\bthroughout\s+(?:its|their)\s+history\b|"
    r"\b(?:have|has|had|'ve)\s+always\s+\w+(?:ed|t|n)\b",
    re.IGNORECASE,
)

# A short phrase that opens the sentence before a comma: "Every summer, …", "Chaque année, …".
_OPENING = re.compile(r"[^,;:\n]{1,30},")


def recurring(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's part of ``sentence`` (in the document's ``text``), or the
    phrase that opens the sentence, says the event recurs."""
    begin, end = time_scope(sentence, trigger)
    if _FREQUENCY.search(text, begin, end) or _DURATIVE.search(text, begin, end):
        return True
    opening = _OPENING.match(text, sentence.start_char)
    return (
        opening is not None
        and opening.end() <= trigger.start_char
        and (
            _FREQUENCY.search(opening.group()) is not None
            or _DURATIVE.search(opening.group()) is not None
        )
    )
