"""A contract a customer gives, said from its side with the supplier as the recipient after
the verb and its object: "Loirac confie la maintenance de ses navires au rennais Breval",
"X awards its fleet maintenance contract to Y". The parse often hangs "au rennais Breval"
on the object's noun ("navires") rather than on the verb, and then takes the customer, the
verb's subject, for the contract's firm; the contract is the supplier's (``attribution.py``
asks this module before the parse)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.contracts import customer_side
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.patterns import fold

# The recipient's preposition, then at most two words (an article, a demonym, a trade:
# "au rennais", "à la société", "to the Rennes-based").
_TO = re.compile(r"\b(?:a|au|aux|to)\s+(?:[\w'’-]+\s+){0,2}$")


def given_to(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], end: int
) -> CompanyMention | None:
    """The firm a customer's verb that opens the trigger gives the contract to, named after
    it up to ``end`` (the clause's end) behind "à"/"au"/"to": the supplier, whatever the
    voice ("l'entretien a été confié à Y")."""
    if not customer_side(trigger):
        return None
    text = text_of(sentence.doc)
    verb = trigger[0]
    # Active or passive alike ("a été confié à Y"): who is given the work is the supplier.
    after = verb.idx + len(verb)
    return next(
        (
            m
            for m in mentions
            if m.end > m.start
            and after <= m.start < end
            and _TO.search(fold(text[max(after, m.start - 30) : m.start]))
        ),
        None,
    )
