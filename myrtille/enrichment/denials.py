"""Event words denied, avoided or frozen before them in their clause.

The sentence-wide hedges (``events.HEDGES``: "ne … pas", "dément", "not", "could") miss
some ways the press says that an event does not happen:

- a French negation of "il y a" in another tense ("il n'y aura pas de recrutements",
  "il n'y avait aucun plan de départs");
- an English negation contracted onto its auxiliary ("didn't hire", "can't fill vacancies",
  "won't close the plant", "cannot recruit");
- an event avoided ("have avoided layoffs", "a évité la fermeture", "averted a closure");
- an event frozen ("freezing hiring", "le gel des embauches", "a hiring freeze").
"""

from __future__ import annotations

import re

_DENIED_BEFORE = re.compile(
    r"\bn['’]\s?y\s+(?:aura|avait|aurait|a\s+eu|aura\s+eu)\s+(?:pas|plus|aucun\w*|gu[èe]re|"
    r"point)\b|"
    r"\b\w+n['’]t\b|\bcannot\b|"
    r"\b(?:avoid(?:s|ed|ing)?|avert(?:s|ed|ing)?|[ée]vit(?:e|ent|é|ée|és|ées|er|ant|era|"
    r"eront)|[ée]chapp\w*\s+[àa])\b|"
    r"\b(?:freez(?:e|es|ing)|froze|frozen|g[eè]l(?:e|ent|é|ée|er|ant)?)\b\s+(?:[\w'’-]+\s+){0,2}?"
    r"\S*\Z",
    re.IGNORECASE,
)
# "a hiring freeze", "investment was frozen": the freeze said just after the event's words.
_FROZEN_AFTER = re.compile(r"\s+(?:freeze|was\s+frozen|is\s+frozen|gel[ée]e?s?)\b", re.IGNORECASE)
# A freeze inside the trigger's own words ("un gel des embauches").
_FROZEN_IN = re.compile(r"\b(?:gel|freeze)\b", re.IGNORECASE)


def denied(text: str, before: str, trigger: tuple[int, int]) -> bool:
    """Whether the event whose trigger spans ``trigger`` (character bounds) in ``text``
    is denied, avoided or frozen: ``before`` is the trigger's clause up to the end of its
    first word."""
    start, end = trigger
    return (
        _DENIED_BEFORE.search(before) is not None
        or _FROZEN_AFTER.match(text, end) is not None
        or _FROZEN_IN.search(text, start, end) is not None
    )
