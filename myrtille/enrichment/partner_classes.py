"""Partnerships in the plural with a whole class of partners: a line of business, not a
deal (issue 14, session 12, precision).

Read off traps14 (a profile by an outside author: "a recentré son activité sur le gant de
luxe et les collaborations avec les maisons de couture"): partnerships in the plural whose
partners are a kind of firm with the definite article and no name ("les collaborations avec
les maisons de couture", "ses partenariats avec les grands distributeurs", "its
collaborations with the fashion houses") say what the firm does, as its trade does; a deal
signed names its partner or counts them ("des partenariats avec trois distributeurs",
"partnerships with Airbus and Safran"), which this leaves alone, and so does a verb of
signing before them ("has signed partnerships with the main carmakers").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# The plural noun, then "avec les"/"with the" and lower-case words to the clause's end or
# to a preposition: a class of partners, no name and no number.
_PLURAL_WITH_CLASS = re.compile(
    r"(?:collaborations|partenariats|partnerships|alliances|coop[ée]rations)\s+"
    r"(?:avec\s+les|with\s+the)\s+(?:[a-zà-ÿ-]+\s*){1,4}(?=[,.;:)]|\s+(?:de|du|des|"
    r"pour|afin|in|for|to|et|and|qui|which)\b|\Z)"
)

# A verb of making a deal just before the noun.
_SIGNED = re.compile(
    r"\b(?:sign\w*|conclu\w*|nou[ée]\w*|nou(?:e|ent)|scell\w*|seal\w*|strike|struck|"
    r"forg\w*|enter\w*\s+into|annonc\w*|announc\w*)\b",
    re.IGNORECASE,
)


def class_of_partners(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether a partnership trigger is a plural noun with a class of partners after it."""
    if kind != "partnership":
        return False
    begin = max(sentence.start_char, trigger.start_char - 30)
    if _SIGNED.search(text, begin, trigger.start_char):
        return False  # "has signed partnerships with the main carmakers": deals made
    return _PLURAL_WITH_CLASS.match(text, trigger.start_char, sentence.end_char) is not None
