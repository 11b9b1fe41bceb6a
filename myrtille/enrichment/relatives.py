"""Another firm's event, told by its tie to the subject (issue 14, session 7).

ties.py reads a customer, supplier or rival named with a third-person possessive ("son
client", "its larger rival"). Two more ties are as common:

- the owner above the firm: "Sa maison mère, le groupe Halden, a levé 200 millions",
  "its parent group raised €200m", "son actionnaire principal a racheté…": the parent's
  or the shareholder's news, not the subsidiary's the article is about;
- the firm's own ties in its own words, in a quote: "« Nos clients recrutent à tour de
  bras », constate le PDG", "our suppliers are closing plants": the customers' news.

Said as the subject opening the sentence or a part of it (after a colon, a semicolon, a
quotation mark or a coordinating conjunction). A contract or a partnership is left alone
("notre client nous a commandé" is the speaker's order; "X et sa maison mère ont signé" is
X's deal too).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

_TIED = re.compile(
    r"(?:^|[:;\n«“\"]|\b(?:mais|et|or|and|but|yet|meanwhile)\b)\W*"
    r"(?:(?:son|sa|ses|leur|leurs|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:maison[-\s]m[èe]re|soci[ée]t[ée][-\s]m[èe]re|groupe[-\s]m[èe]re|actionnaires?|"
    r"parent(?:\s+(?:group|company|firm))?|shareholders?|sister\s+compan(?:y|ies))|"
    r"(?:nos|notre|our|mes|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:clients?|clientes?|fournisseurs?|concurrents?|concurrentes?|customers?|suppliers?|"
    r"competitors?|rivals?|partenaires?|partners?|sous-traitants?|subcontractors?))\b"
    r"[^.;:«»“”\"]*\Z",
    re.IGNORECASE,
)


def tied_firms(text: str, sentence: Span, trigger: Span, kind: str) -> bool:
    """Whether the ``kind`` event of ``trigger`` has for subject the firm's parent or
    shareholder, or a customer, supplier or rival the speaker calls "ours"."""
    if kind in ("contract", "partnership"):
        return False
    return _TIED.search(text[sentence.start_char : trigger.start_char]) is not None
