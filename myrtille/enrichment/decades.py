"""A decade as a date (issue 14, session 13, genre probes).

Profiles of family firms, founders' tributes and obituaries tell a firm's history by
decades: "Dans les années 2000, l'entreprise a ouvert une filiale en Belgique", "in the
1990s it began exporting to Germany", "au début des années 1980, il rachète un
concurrent". A decade dates its clause as a year does, so background.py reads it as one:
its last year, so that the decade under way ("in the 2020s") or ahead is not earlier than
the article.

Not after a word that makes the decade a point of comparison or a start ("the first
order since the 1990s", "depuis les années 1970", "comme dans les années 1960", "a level
unseen since the '80s"): the clause then tells of now.
"""

from __future__ import annotations

import re

_DECADE = re.compile(
    r"(?:"
    r"\b(?:les|des|aux)\s+(?:ann[ée]es|d[ée]but\s+des\s+ann[ée]es|fin\s+des\s+ann[ée]es)\s+"
    r"(?P<fr>(?:19|20)\d0|[3-9]0)\b"
    r"|\bthe\s+(?:early\s+|mid-?\s*|late\s+)?(?P<en>(?:19|20)\d0|['’][3-9]0|[3-9]0)['’]?s\b"
    r")",
    re.IGNORECASE,
)
# Words that make the decade a start or a comparison, not the time of the clause.
_NOT_A_DATE = frozenset(
    {"depuis", "since", "comme", "like", "than", "que", "qu'", "until", "jusqu'", "from"}
)

# The word just before the decade's phrase ("depuis ", "jusqu'").
_LAST_WORD = re.compile(r"(\w+['’]?)\s*\Z")


def decade_years(clause: str) -> list[int]:
    """The last year of each decade that dates ``clause`` ("années 1990" -> 1999)."""
    years: list[int] = []
    for found in _DECADE.finditer(clause):
        before = _LAST_WORD.search(clause, 0, found.start())
        if before is not None and before.group(1).lower().replace("’", "'") in _NOT_A_DATE:
            continue  # "since the 1990s", "jusqu'aux années 1990"
        digits = (found.group("fr") or found.group("en")).lstrip("'’")
        decade = int(digits) if len(digits) == 4 else 1900 + int(digits)
        years.append(decade + 9)
    return years


def dated_by_decade(phrase: str) -> bool:
    """Whether ``phrase`` (an opening phrase) is dated by a decade."""
    return bool(decade_years(phrase))
