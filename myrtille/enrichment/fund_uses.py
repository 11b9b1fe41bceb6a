"""More capacity as what money raised is for (session 15, precision B).

A round or a loan is the news; the growth it is meant to pay for, told as its purpose
("has raised EUR 8 million …, money it will use to double capacity", "the new money will
go towards doubling production capacity", "lève 7 millions pour doubler sa production",
"les fonds serviront à augmenter ses capacités", "a bouclé un tour de table pour
accroître sa production") is no investment yet: no plant, line or sum is committed. A
building named as the money's use ("the money will pay for a demonstration plant",
"secured a loan to build a dairy") is left to the investment rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

# The trigger is a growth of capacity or output.
_CAPACITY = re.compile(
    r"\b(?:doubl\w*|tripl\w*|increas\w*|boost\w*|expand\w*|lift\w*|rais\w*|"
    r"augment\w*|accro[iî]\w*|d[ée]velopp\w*|renforc\w*|multipli\w*)\s+"
    r"(?:(?:sa|ses|son|leur|leurs|la|les|its|their|the|de|annual|annuelle?s?)\s+)*"
    r"(?:production|capacit\w*|output|volumes?)\b|"
    r"\b(?:capacit\w*|production|output)\s+(?:increase|expansion|growth|boost)\b",
    re.IGNORECASE,
)
_CAPACITY = gated(_CAPACITY)  # session 18: only where one of its words is
# Money raised or its use, before the trigger in its sentence.
_MONEY = re.compile(
    r"\b(?:l[eè]ve|l[eè]vent|lev[ée]e?|raises?|raised|secures?|secured|taps|tapped|"
    r"boucl\w*|obtient|obtenu|money|funds|fonds|proceeds|l['’]\s?argent|cash|financing|"
    r"financement|pr[êe]t|loan|tour\s+de\s+table|round)\b",
    re.IGNORECASE,
)
_KINDS = frozenset({"investment"})


def funded_growth(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the investment ``trigger`` is more capacity that money named before it in
    ``sentence`` is for: the round's purpose, no investment."""
    if kind not in _KINDS:
        return False
    found = _CAPACITY.search(text, trigger.start_char, sentence.end_char)
    if found is None or found.start() > trigger.end_char:
        return False  # the capacity words are not the trigger's
    return _MONEY.search(text, sentence.start_char, trigger.start_char) is not None
