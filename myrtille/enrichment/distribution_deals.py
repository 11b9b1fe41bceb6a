"""A distribution deal whose territory the next sentence names (issue 14, session 13).

The press tells a distribution deal in two steps: the deal and the distributor first ("a
signé un contrat de distribution exclusif avec la société X"), then where the distributor
will sell ("Le distributeur commercialisera son logiciel en Wallonie et à Bruxelles",
"Under the agreement, X will place the biscuits in 300 stores across Japan"). A
distribution deal abroad is the firm's export, not a customer's contract (the gold
convention of the sets: 30 of the 33 tuning documents with such a deal abroad label the
export alone), so when the deal's own sentence names no foreign place, the sentence after
it, in the same paragraph, gives the territory."""

from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Doc

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.doctext import text_of

# The deal by its name: "contrat de distribution (exclusif)", "accord de distribution",
# "distribution agreement|deal|contract" (not "un contrat avec un distributeur", which may
# be a customer's order).
DISTRIBUTION_DEAL = re.compile(
    r"\b(?:contrats?|accords?)\s+(?:exclusifs?\s+)?de\s+distribution\b|"
    r"\bdistribution\s+(?:agreements?|deals?|contracts?)\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class Told(Protocol):
    sentence: str
    end: int


def territory_next(doc: Doc, event: Told) -> bool:
    """Whether ``event``'s sentence (ending at character ``end`` of ``doc``) tells a
    distribution deal without a foreign place, and the next sentence of its paragraph
    names one."""
    if DISTRIBUTION_DEAL.search(event.sentence) is None or names_abroad(event.sentence):
        return False
    end = event.end
    following = next((t for t in doc if t.idx >= end and not t.is_space), None)
    if following is None:
        return False
    gap = text_of(doc)[end : following.idx]
    if _PARAGRAPH_BREAK.search(gap):
        return False  # the next paragraph tells something else
    return names_abroad(following.sent.text)
