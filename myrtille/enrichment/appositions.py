"""A state said of a firm in apposition: "la Brasserie X, en redressement judiciaire
depuis mars", "X, placée en liquidation", "X, in administration since May", "X, which
went into receivership". The insolvency is that firm's, whatever the clause's subject
(a buyer, a customer) does.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention

# Between a firm's name and an insolvency trigger in apposition to it: a comma or an
# opening bracket, and at most a relative pronoun with its verb, an adverb or a participle
# of placing ("placée", "mise", "déjà", "elle-même", "which was placed", "itself").
_APPOSED = re.compile(
    r"\s*(?:SAS|SARL|SA|SNC|Ltd|plc)?\s*[,(—–]\s*"
    r"(?:(?:qui|which|that)\s+(?:est|était|a\s+été|avait\s+été|is|was|has\s+been|had\s+been|"
    r"went|entered|filed)?\s*)?"
    r"(?:(?:elle-même|lui-même|déjà|alors|désormais|itself|already|then|now)\s+)?"
    r"(?:(?:plac[ée]e?s?|mise?s?|plong[ée]e?s?|plac(?:ed)?|put)\s+)?(?:(?:en|in|into|under)\s+)?$",
    re.IGNORECASE,
)


def qualified_firm(text: str, trigger: Span, inside: list[CompanyMention]) -> CompanyMention | None:
    """The firm named just before an insolvency trigger set in apposition to it."""
    before = [m for m in inside if m.end > m.start and m.end <= trigger.start_char]
    if not before:
        return None
    firm = max(before, key=lambda m: m.end)
    if _APPOSED.match(text[firm.end : trigger.start_char]) is None:
        return None
    return firm


__all__ = ["qualified_firm"]
