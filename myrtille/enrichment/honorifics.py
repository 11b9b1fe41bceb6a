"""A name after a courtesy title is a person's, never a firm's: "replacing Mr Laurent
Marchal", "M. Paul Vernay, gérant", "Mme Claire Dubois est nommée présidente". The
registry links a surname that is also a firm's short name ("Marchal" for "Fonderie
Marchal"); such a mention is no event's company, least of all in a legal notice's change
of officers, where the persons replaced and appointed are all titled."""

from __future__ import annotations

import re

from myrtille.enrichment.companies import CompanyMention

# A courtesy title, then at most two given names (capitalised) before the mention.
_TITLED = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|M|Mme|Mlle|Monsieur|Madame|Mademoiselle|"
    r"Maître|Maitre)\.?\s+(?:[A-ZÉÈ][\w'’-]*\.?\s+){0,2}$"
)
_LOOKBEHIND = 40


def titled_person(text: str, mention: CompanyMention) -> bool:
    """Whether ``mention`` follows a courtesy title: a person's name."""
    if mention.end <= mention.start:
        return False
    return _TITLED.search(text[max(0, mention.start - _LOOKBEHIND) : mention.start]) is not None


def untitled(text: str, mentions: list[CompanyMention]) -> list[CompanyMention]:
    """``mentions`` without the persons' names a courtesy title announces."""
    return [m for m in mentions if not titled_person(text, m)]
