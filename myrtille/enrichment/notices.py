"""Events of legal notices (BODACC): the notice family says what happened, and the
wording of "modification" notices, which is regulated, says which change it was."""

from __future__ import annotations

import re

# Families whose event is known from the family alone.
FAMILY_EVENTS = {
    "collective": ["insolvency"],
    "creation": ["investment"],
    "vente": ["acquisition"],
    "radiation": ["closure"],
}
# Regulated wording of notices -> further events.
WORDING_EVENTS = [
    (
        re.compile(r"capital (?:social )?(?:est )?port[ée]|augmentation (?:du|de) capital", re.I),
        "fundraising",
    ),
    (
        re.compile(
            r"\b(?:administration|nomination|g[ée]rant|pr[ée]sident|directeur|"
            r"directrice|dirigeant)\b",
            re.I,
        ),
        "leadership",
    ),
    (re.compile(r"\bdissolution\b", re.I), "closure"),
    # A liquidation closed for want of assets: the firm is gone (session 8).
    (re.compile(r"insuffisance d['’]actif", re.I), "closure"),
    # A secondary establishment created or opened (session 8).
    (
        re.compile(
            r"(?:cr[ée]ation|ouverture) d['’]un [ée]tablissement secondaire|"
            r"[ée]tablissement secondaire (?:cr[ée]{2}|ouvert)",
            re.I,
        ),
        "investment",
    ),
]


def notice_event_types(family: str, text: str) -> list[str]:
    """Event types of a notice from its family and its wording, in a stable order."""
    types = list(FAMILY_EVENTS.get(family, []))
    for pattern, kind in WORDING_EVENTS:
        if kind not in types and pattern.search(text):
            if kind == "leadership" and family != "modification":
                continue  # a judgment names administrators; that is no change of leader
            types.append(kind)
    return types
