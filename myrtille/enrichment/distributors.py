"""A foreign distributor or importer as the subject: the export is the producer's
(session 13).

"Tokyo trading house X has signed an agreement to distribute the cheeses of Y", "L'importateur
canadien X a conclu un accord pour commercialiser les vins du Domaine Y": the deal's
subject is the buyer abroad, often outside the registry, and the news is the producer's
first sales there (a distribution deal abroad is an export, events.py). When the clause's
subject is no registry firm, the firm whose goods the trigger's verb distributes (named
after "of"/"from"/"de" within a few words) takes the event.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.patterns import fold

# A verb or noun of selling someone else's goods, then up to six words (the goods) and the
# producer after "of"/"from"/"de" ("to distribute the cheeses of", "pour importer les
# vins du", "la distribution exclusive des parfums de").
_DISTRIBUTING = re.compile(
    r"\b(?:distribu\w*|import\w*|commercialis\w*|resell\w*|revend\w*|market(?:s|ing)?)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:of|from|de|d['’]|du|des)\s*(?:(?:la|le|les|the)\s+|l['’]\s?)?$"
)
# How far after the trigger's start the producer may be named.
_REACH = 120
KINDS = frozenset({"partnership", "contract", "export"})


def producer_of(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], found: CompanyMention | None
) -> CompanyMention | None:
    """The registry firm whose goods the subject ``found`` (no registry firm) agrees to
    distribute or import, named after the trigger; None when there is none."""
    if found is not None and found.company_id is not None:
        return None  # a registry firm's own deal: "X signe pour distribuer les vins de Y"
    text = text_of(sentence.doc)
    for mention in mentions:
        if (
            mention.company_id is not None
            and trigger.start_char
            <= mention.start
            < min(sentence.end_char, trigger.start_char + _REACH)
            and _DISTRIBUTING.search(fold(text[trigger.start_char : mention.start]))
        ):
            return mention
    return None


__all__ = ["KINDS", "producer_of"]
