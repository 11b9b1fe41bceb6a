"""Whether a place named once in passing is still mentioned as a place of the story: a
customer's town, a route's end, a partner's lab, a town in a context paragraph ("bridal
houses in Paris, Milan and New York", "a testing laboratory in Lyon", "left Bordeaux's
port bound for Le Havre") count, since a reader is told where something is. A place in a
sentence about the past, a rival, or an institution that only locates a head office, a
listing, a fair or a ministry ("listed in Paris", "at a trade fair in Paris", "racheté en
2019 un atelier dans le Jura", "its Rennes rival") stays out."""

from __future__ import annotations

import re

from myrtille.enrichment.placenames import PlaceName

# Read by ``places`` (the rules of places in passing): off, the rules drop every single
# mention while another region is the subject.
KEEP_MENTIONS = False

_ASIDE = re.compile(
    r"\b(?:1[89]\d\d|20[0-2]\d|an dernier|il y a|ago|last year|formerly|previously"
    r"|avait|had|concurren\w*|rivals?|competitors?"
    r"|conferences?|conférences?|fairs?|salons?|shows?|expos?|forums?|summit|sommet"
    r"|listed|cotée?s?|bourse|stock exchange|euronext"
    r"|head\s*office|headquarter\w*|siège|sièges"
    r"|ministry|ministère|ministre|minister|government|gouvernement|élysée|matignon"
    r"|tribunal|court|cour|greffe|registry)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def mentioned(text: str, name: PlaceName) -> bool:
    """Whether the sentence holding ``name`` says nothing that makes it an aside."""
    start = max(text.rfind(". ", 0, name.start), text.rfind("\n", 0, name.start)) + 1
    end = _SENTENCE_END.search(text, name.end)
    return not _ASIDE.search(text, start, end.start() if end else len(text))
