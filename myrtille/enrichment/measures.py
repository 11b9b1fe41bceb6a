"""Event words that measure a trend across firms, not one firm's news.

"Hiring picks up in Occitanie", "les embauches repartent", "more than 1,200 firms went
into administration": the event noun is the subject of a verb of trend, or the event is
that of counted firms. (Insolvency nouns in the plural are caught in ``newsworthy``.)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from myrtille.enrichment.cues import cued
from myrtille.enrichment.pattern_words import gated

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
_COUNTED_FIRMS = cued(
    _COUNTED_FIRMS, "entreprises soci pme commerces start firms companies businesses employers"
)
_PART_BREAK = frozenset({",", ";", ":", "(", ")", "—", "–"})


def _breaks(token: Token) -> bool:
    return token.text in _PART_BREAK or (token.is_space and "\n" in token.text)


# Firms in the plural as the subject of the trigger's clause ("specialist SMEs are
# hiring", "de nombreuses PME recrutent"), but not a pair ("les deux entreprises").
_PLURAL = (
    r"(?:de\s+nombreuses|plusieurs|beaucoup\s+d['’]\s?|les|des|many|several|most|some|other|"
    r"more|smaller|small)"
)
_FIRMS_SUBJECT = re.compile(
    rf"(?:^|[:;,\n])\s*(?:{_PLURAL}\s+(?:[\w-]+\s+)?pme|(?:{_PLURAL}\s+)?"
    r"(?!(?:deux|two|both|trois|three)\b)(?:[\w-]+\s+)?(?:entreprises|soci[ée]t[ée]s|firms|"
    r"companies|businesses|smes|start-ups|startups|industriels|manufacturers|employers|"
    r"employeurs))"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FIRMS_SUBJECT = gated(_FIRMS_SUBJECT)  # session 19: before each trigger of its kinds
_FIRMS_KINDS = frozenset({"hiring", "insolvency", "closure", "investment", "fundraising"})


def statistic(text: str, sentence: Span, trigger: Span, kind: str = "") -> bool:
    """Whether the trigger names a measure across firms: the subject of a verb of trend,
    with no verb before it in its part of the sentence, or an event of counted firms or
    of firms in the plural."""
    if _COUNTED_FIRMS.search(text, sentence.start_char, trigger.start_char):
        return True
    if kind in _FIRMS_KINDS and _FIRMS_SUBJECT.search_part(
        text, sentence.start_char, trigger.start_char
    ):
        return True
    doc = sentence.doc
    # the verb of trend after the trigger looked for first (session 17): most triggers
    # have none, and the tokens before them and the trigger's form need not be read
    if not _trend_after(doc, sentence, trigger):
        return False
    start = trigger.start
    while start > sentence.start and not _breaks(doc[start - 1]):
        start -= 1
        if doc[start].pos_ in ("VERB", "AUX"):
            return False
    # "Cellvia hires": the trigger is the clause's verb
    return "Fin" not in trigger[0].morph.get("VerbForm")


def _trend_after(doc: Doc, sentence: Span, trigger: Span) -> bool:
    """Whether the first verb after the trigger in its part of the sentence is one of
    trend ("hiring picks up")."""
    for token in doc[trigger.end : min(sentence.end, trigger.end + _TREND_WINDOW)]:
        if _breaks(token):
            return False
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.lemma_ in _TREND):
            return token.lemma_ in _TREND
    return False
