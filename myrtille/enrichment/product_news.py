"""Innovation words that announce no new product (issue 14, session 12, precision).

Read off traps14 (sixty documents by two outside authors, written to test precision) and
two articles of news12-13 on distribution deals, each a way the press writes in either
language:

- what a distribution deal or a partnership is for, told after it: the partner's part in
  a relative clause ("a signé un accord de distribution avec l'importateur Tanaka Shoji,
  qui commercialisera ses rhums dans 400 bars", "a distribution deal with a Tokyo importer,
  which will market its lace") or its purpose ("has signed a partnership with a wine
  estate to launch tasting cruises", "s'allie à un vigneron pour lancer des croisières"):
  the deal is the news (partnership or export), the product is its term, no launch;
- a product said to be in use already ("présentait son capteur, déjà déployé dans 300
  exploitations", "showed its sensor, already used on 300 farms"): shown again, not new.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# A deal before the trigger in its sentence.
_DEAL = re.compile(
    r"\b(?:accords?|partenariats?|contrats?\s+de\s+distribution|importateurs?|"
    r"distributeurs?|s['’]\s?all(?:ie|ient|i[ée]e?s?)\s+(?:à|avec)|s['’]\s?associ\w*\s+(?:à|avec)|"
    r"agreements?|partnerships?|deal|importers?|distributors?|team(?:s|ed)?\s+up|"
    r"join(?:s|ed)?\s+forces)\b",
    re.IGNORECASE,
)
# The partner's relative clause or the deal's purpose, right before the trigger's verb.
_TERM_BEFORE = re.compile(
    r"(?:,\s*(?:qui|which|who|that)\s+(?:[\w'’-]+\s+){0,3}?|"
    r"\b(?:to|pour|afin\s+de|in\s+order\s+to|so\s+as\s+to)\s+(?:(?:jointly|together|"
    r"also|ensemble|conjointement)\s+)?)\Z",
    re.IGNORECASE,
)
# A product in use already, after the trigger in its sentence.
_IN_USE = re.compile(
    r"\b(?:d[ée]j[àa]\s+(?:d[ée]ploy|utilis|install|commercialis|vendu|adopt|[ée]quip|"
    r"pr[ée]sent\w*\s+(?:dans|chez|sur))\w*|"
    r"already\s+(?:deployed|used|installed|sold|marketed|adopted|in\s+(?:use|service)|"
    r"on\s+(?:the\s+)?market|fitted))",
    re.IGNORECASE,
)


def no_new_product(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether an innovation trigger is a deal's term or a product already in use (see
    the module's docstring)."""
    if kind != "innovation":
        return False
    deal = _DEAL.search(text, sentence.start_char, trigger.start_char)
    if deal is not None and _TERM_BEFORE.search(text, deal.end(), trigger.start_char):
        return True  # "avec l'importateur Tanaka Shoji, qui commercialisera ses rhums"
    return _IN_USE.search(text, trigger.end_char, sentence.end_char) is not None
