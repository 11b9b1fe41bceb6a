"""The customer's own news, told in a supplier's story (session 15, precision B).

An article about a subcontractor turns to its customer, named by its role as the
sentence's subject: "Le donneur d'ordre, lui, venait d'annoncer un investissement de 60
millions", "Le client, de son côté, a annoncé une hausse de ses cadences", "Le principal
client de la filature avait réduit ses achats", "The customer, for its part, has opened
a new plant", "The main customer of the mill has been bought by a US group". What the
customer does is its news, not the supplier's, and no firm of the article's. A contract
told from the customer's side ("le client a commandé 40 rames à X") is the supplier's:
left to the contract rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.since_then import sentence_start

_KINDS = frozenset({"investment", "export", "partnership", "acquisition", "fundraising"})
# The customer by its role, opening the sentence.
_CUSTOMER_SUBJECT = re.compile(
    r"\W*(?:(?:mais|et|but|and|meanwhile)\s+)?"
    r"(?:le|la|les|l['’]|the|ce|cet|this)\s*"
    r"(?:(?:principal|premier|grand|gros|plus\s+gros|seul|main|largest|biggest|sole|key|"
    r"only|big)\s+)?"
    r"(?:donneurs?\s+d['’]\s?ordres?|clients?|clientes?|customers?)\b",
    re.IGNORECASE,
)
_CUE = re.compile(r"donneur|client|customer", re.IGNORECASE)
_CUE = gated(_CUE)  # session 19: only where one of its words is


def customer_news(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger's sentence opens on the customer named by its role
    ("Le donneur d'ordre, lui, …", "The customer has …"): the customer's news."""
    if kind not in _KINDS:
        return False
    start = sentence_start(text, sentence)
    if not _CUE.search(text, start, trigger.start_char):
        return False
    return _CUSTOMER_SUBJECT.match(text, start, trigger.start_char) is not None
