"""A round still being raised or only aimed at, a takeover a firm only bids for (issue 14,
session 11, precision, third part).

The sets' authors give a round "in talks to raise" no event (a fundraising is news once
closed); the press writes the same unfinished state in other ways, in either language:

- a round under way: "une levée de fonds est en cours", "est en train de lever",
  "has a €10m round under way", "is in the process of raising", "is currently raising",
  "a entamé des discussions avec des investisseurs pour lever";
- a round as a target: "l'objectif est de lever 20 millions d'euros d'ici 2027", "vise à
  lever", "targets €20m in new funding", "aims to raise" (a hiring target is gold news: the
  sets report "prévoit d'embaucher 250 personnes d'ici 2029", so only rounds);
- a firm that only bids for another: "est candidate au rachat de X", "en lice pour la
  reprise de", "is in the running to buy".

A round "en cours d'année" (in the course of the year) is dated, not unfinished.

Session 13: an event named as what something else comes before or prepares ("The
appointment comes ahead of a funding round", "in preparation for a sale of the division",
"en vue d'une levée de fonds", "en prévision d'une acquisition", "dans la perspective
d'une introduction en Bourse") has not happened yet, whatever its kind: the preposition
makes it a future point in time. Only a determiner or a few planning adjectives may come
between ("ahead of its planned listing"), so that "Ahead of summer, Verlande hires 40"
keeps its hires.
"""

from __future__ import annotations

import re

# Said after the round's noun: "une levée de fonds est en cours", "under way".
_UNDER_WAY_AFTER = re.compile(
    r"(?:(?:\s+[\w'’€$£-]+){0,6}?\s+(?:est|sont|is|are)(?:\s+(?:toujours|actuellement|"
    r"still|now))?)?\s+(?:en\s+cours\b(?!\s+d['’]\s?(?:ann[ée]e|exercice))|"
    r"en\s+pr[ée]paration\b|under\s*way\b|ongoing\b|in\s+progress\b)",
    re.IGNORECASE,
)
# Said before the trigger, a few words between: "en train de lever", "currently raising".
_UNDER_WAY_BEFORE = re.compile(
    r"\b(?:en\s+train\s+d['’e]|in\s+the\s+process\s+of|currently|(?:cherche|cherchent|"
    r"tente|tentent)\s+[àad]e?|"
    r"(?:entam[ée]|engag[ée]|ouvert|m[èe]ne|m[èe]nent)\w*\s+(?:des\s+)?(?:discussions|"
    r"n[ée]gociations|pourparlers)\b[^.;:]{0,60}?\b(?:pour|afin\s+de))"
    r"\s+(?:[\w'’-]+\s+){0,2}?\Z",
    re.IGNORECASE,
)
# A round as a target: "l'objectif est de lever", "targets €20m in new funding".
_TARGET_BEFORE = re.compile(
    r"\b(?:objectif\s+(?:\w+\s+){0,3}?(?:est\s+)?d['’e]|vis(?:e|ent)\s+à|ambitionn\w+\s+de|"
    r"targets?|targeting|aims?\s+to|aiming\s+to|seeks?\s+to|seeking\s+to)"
    r"[^.;:,]{0,30}\Z",
    re.IGNORECASE,
)
# A bidder only: "candidate au rachat de", "in the running to buy".
_BIDDER_BEFORE = re.compile(
    r"\b(?:candidat(?:e|s|es)?|en\s+lice|in\s+the\s+running|pr[ée]tendants?)\s+"
    r"(?:au|aux|à\s+la|à\s+l['’]|pour(?:\s+la|\s+le|\s+l['’])?|for(?:\s+the)?|to)\s*\Z",
    re.IGNORECASE,
)


# session 13: the event as the object of a preposition of anticipation, a determiner or a
# planning adjective between ("ahead of a funding round", "en vue d'une levée de fonds").
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+(?:preparation|readiness)\s+for|in\s+anticipation\s+of|"
    r"in\s+the\s+run-?up\s+to|pending|en\s+vue\s+d|en\s+pr[ée]vision\s+d|"
    r"dans\s+la\s+perspective\s+d|en\s+amont\s+d|dans\s+l['’]\s?attente\s+d|"
    r"[àa]\s+l['’]\s?approche\s+d|pr[ée]alablement\s+[àa])"
    r"(?:e\s+|u\s+|es\s+|['’]\s?|\s+)"
    r"(?:(?:a|an|the|its|their|his|her|this|that|any|la|le|les|l['’]|une?|sa|son|ses|leurs?|"
    r"cette|ce|cet|possible|potential|planned|proposed|expected|future|new|first|second|"
    r"next|eventual|[ée]ventuel(?:le)?|possible|prochaine?|future?|nouvel(?:le)?|nouveau|"
    r"premi[èe]re?|seconde?|deuxi[èe]me|[\w-]+['’]s|\d[\d.,]*)\s*){0,3}\Z",
    re.IGNORECASE,
)


def unfinished(kind: str, text: str, before: str, trigger_end: int) -> bool:
    """Whether the ``kind`` trigger ending at ``trigger_end`` in ``text`` (``before``: its
    clause up to the trigger's first word) is a round not yet raised or a takeover only
    bid for, or any event named as what comes later (see the module's docstring)."""
    cut = _but_last_word(before)  # once (session 17)
    if _AHEAD_OF.search(cut):
        return True  # "ahead of a funding round", "en vue d'une levée de fonds"
    if kind == "fundraising":
        return bool(
            _UNDER_WAY_AFTER.match(text, trigger_end)
            or _UNDER_WAY_BEFORE.search(cut)
            or _TARGET_BEFORE.search(cut)
        )
    return kind == "acquisition" and _BIDDER_BEFORE.search(cut) is not None


_LAST_WORD = re.compile(r"\S+\Z")


def _but_last_word(before: str) -> str:
    """``before`` without the trigger's first word, which ends it."""
    return _LAST_WORD.sub("", before)
