"""Whether a place name ends a route ("entre Bastia et Marseille", "from Lyon to Turin",
"its routes to Corsica"): the towns a line links are where it goes, not where the news is.
Read by ``places`` when it weighs a name given in passing."""

from __future__ import annotations

import re

from myrtille.enrichment.rule_gates import holds_word

_ARTICLE = r"(?i:l[ae]s?\s+|l['’]|the\s+)?"
_OPENS = r"(?:entre|between|reli\w*|link|links|linked|linking|connect\w*)"
_ROUTE_FIRST = re.compile(rf"\b{_OPENS}\s+{_ARTICLE}$")
_ROUTE_FIRST_AFTER = re.compile(rf"\s+(?:et|and|à|to|with)\s+(?:à\s+)?{_ARTICLE}[A-ZÀ-Ý]")
_ROUTE_SECOND = re.compile(
    rf"\b{_OPENS}\s+[^.,;:!?()]{{1,40}}?\s+(?:et|and|à|to|with)\s+{_ARTICLE}$"
)
# What a match of each pattern holds, as written (those words are case-sensitive there): a
# text before the name holding none of them is not searched. _ROUTE_SECOND opens on one of
# _OPENS; _TO ends on "to", "à" or "vers" after the name that "from", "depuis", "de" or "d'"
# opens ("d" is in the last three).
_OPENS_HELD = ("entre", "between", "reli", "link", "connect")
_TO_HELD = ("to", "à", "vers")
_FROM = re.compile(rf"\b(?:from|depuis|de|d['’])\s*{_ARTICLE}$")
_FROM_AFTER = re.compile(rf"\s+(?:to|à|vers|jusqu['’]à)\s+{_ARTICLE}[A-ZÀ-Ý]")
_TO = re.compile(
    rf"\b(?:from|depuis|de|d['’])\s*{_ARTICLE}[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?"
    rf"\s+(?:to|à|vers)\s+{_ARTICLE}$"
)

# "its routes to Corsica", "les liaisons vers l'Algérie": where a line goes.
_BOUND = re.compile(
    r"\b(?:routes?|lines?|flights?|ferr(?:y|ies)|crossings?|sailings?|connections?"
    r"|liaisons?|lignes?|vols?|traversées?|dessertes?|rotations?)"
    rf"\s+(?:to|towards|vers|pour|à\s+destination\s+d(?:e\s+|['’]))\s*{_ARTICLE}$",
    re.IGNORECASE,
)

# A line's word, case ignored, in every match of _BOUND.
_BOUND_HELD = ("route", "line", "flight", "ferr", "crossing", "sailing", "connection")
_BOUND_HELD += ("liaison", "ligne", "vol", "travers", "desserte", "rotation")


def route_end(text: str, start: int, end: int) -> bool:
    """Whether the place name at [start, end) ends a route: "entre Bastia et Marseille",
    "between Roscoff and Cork", "from Lyon to Turin", "de Nantes à Bordeaux", "its routes
    to Corsica", "ses liaisons à destination de la Corse"."""
    before = text[max(start - 60, 0) : start]
    after = text[end : end + 30]
    # What follows first: one anchored match, where the search before tries every position.
    if _ROUTE_FIRST_AFTER.match(after) and _ROUTE_FIRST.search(before):
        return True
    if _FROM_AFTER.match(after) and _FROM.search(before):
        return True
    # The words looked for at C speed (``map``), not through a generator: this runs for
    # every name outside the title.
    if any(map(before.__contains__, _OPENS_HELD)) and _ROUTE_SECOND.search(before):
        return True
    if any(map(before.__contains__, _TO_HELD)) and _TO.search(before):
        return True
    return holds_word(before, _BOUND_HELD) and bool(_BOUND.search(before))
