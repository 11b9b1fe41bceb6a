"""Event words that measure a trend across firms, not one firm's news.

"Hiring picks up in Occitanie", "les embauches repartent", "more than 1,200 firms went
into administration": the event noun is the subject of a verb of trend, or the event is
that of counted firms. (Insolvency nouns in the plural are caught in ``newsworthy``.)
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# Verbs of trend: their subject is a measure ("hiring picks up", "les embauches repartent").
_TREND = frozenset(
    {
        "repartir",
        "reprendre",
        "progresser",
        "reculer",
        "augmenter",
        "baisser",
        "bondir",
        "chuter",
        "grimper",
        "ralentir",
        "accélérer",
        "diminuer",
        "rester",
        "stagner",
        "flamber",
        "exploser",
        "effondrer",
        "rise",
        "fall",
        "pick",
        "climb",
        "drop",
        "slow",
        "increase",
        "decrease",
        "remain",
        "jump",
        "soar",
        "surge",
        "decline",
        "rebound",
        "slump",
        "stay",
        "grow",
    }
)
_TREND_WINDOW = 8
# Counted firms ("plus de 2 300 entreprises", "hundreds of firms"): a measure too.
_COUNTED_FIRMS = re.compile(
    r"(?:\d[\d\s\u00a0\u202f.,]*|\bdes\s+(?:centaines|milliers|dizaines)|\bhundreds|\bthousands|"
    r"\bdozens)\s+(?:d['’]\s?|of\s+)?(?:[\w-]+\s+)?(?:entreprises|soci[ée]t[ée]s|pme|"
    r"commerces|start-ups|firms|companies|businesses|employers)\b",
    re.IGNORECASE,
)
_PART_BREAK = frozenset({",", ";", ":", "(", ")", "—", "–"})


def _breaks(token: Token) -> bool:
    return token.text in _PART_BREAK or (token.is_space and "\n" in token.text)


def statistic(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger names a measure across firms: the subject of a verb of trend,
    with no verb before it in its part of the sentence, or an event of counted firms."""
    if _COUNTED_FIRMS.search(text, sentence.start_char, trigger.start_char):
        return True
    doc = sentence.doc
    start = trigger.start
    while start > sentence.start and not _breaks(doc[start - 1]):
        start -= 1
        if doc[start].pos_ in ("VERB", "AUX"):
            return False
    if "Fin" in trigger[0].morph.get("VerbForm"):
        return False  # "Cellvia hires": the trigger is the clause's verb
    for token in doc[trigger.end : min(sentence.end, trigger.end + _TREND_WINDOW)]:
        if _breaks(token):
            return False
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.lemma_ in _TREND):
            return token.lemma_ in _TREND
    return False
