"""Events on a condition, a possibility or somebody else's expectation (issue 14, session 7).

The sentence-wide hedges (``events.HEDGES``) read the French "si la commande…", "pourrait",
"could", "would"; the press also says:

- a future on a condition, in English or with a French conjunction: "If the order is
  confirmed, the company will hire 40 people", "will hire 40 if demand holds", "embauchera
  40 personnes à condition que la commande soit confirmée", "unless", "provided that",
  "à moins que", "pourvu que" -- the event waits on the condition (a past event beside it
  is news: "has hired 40 and will hire 20 more if demand holds" keeps its hiring);
- "may" as a modal ("may hire up to 40 people"; the month "May" is no modal);
- what analysts, observers or sources expect ("Analysts expect the group to raise fresh
  capital", "les analystes s'attendent à une cession"): their forecast, not the news.

"Subject to approval" and "sous réserve de l'accord de l'Autorité" are left alone: a deal
signed pending clearance is reported as done.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

_CONDITION = re.compile(
    r"(?<!\beven\s)\bif\b(?!\s+(?:any|not|so|only|ever)\b)|\bunless\b|"
    r"\bprovided\s+(?:that\s+)?(?=\w)|\bon\s+condition\s+that\b|\bas\s+long\s+as\b|"
    r"\bà\s+condition\s+(?:que|qu['’])|\bpourvu\s+qu|\bà\s+moins\s+qu|\bdans\s+l['’]\s?hypoth[èe]se\s+o[ùu]",
    re.IGNORECASE,
)
_AHEAD_WORDS = frozenset({"will", "would", "'ll", "shall", "va", "vont", "irait", "iraient"})
_EXPECTED = re.compile(
    r"\b(?:analysts?|observers?|experts?|sources?|commentators?|brokers?|the\s+market|"
    r"analystes|observateurs|experts|sources|commentateurs|march[ée]s?)\b[^.;:]{0,40}?"
    r"\b(?:expect\w*|anticipat\w*|predict\w*|forecast\w*|bet\w*\s+on|"
    r"s['’]\s?attend\w*|anticip\w*|pr[ée]di\w*|parient?\s+sur|tabl\w*\s+sur)\b[^.;:]*\Z",
    re.IGNORECASE,
)


def on_condition(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's event waits on a condition said in its sentence, is said
    with "may", or is somebody's forecast (see the module's docstring)."""
    before = text[sentence.start_char : trigger.start_char]
    if _EXPECTED.search(before):
        return True
    if _may(sentence, trigger):
        return True
    if not _CONDITION.search(text, sentence.start_char, sentence.end_char):
        return False
    return _ahead(sentence, trigger)


def _may(sentence: Span, trigger: Span) -> bool:
    """ "may" as the modal just before the trigger's verb."""
    doc = sentence.doc
    window = doc[max(sentence.start, trigger.start - 3) : trigger.start + 1]
    return any(t.lower_ in ("may", "might") and t.tag_ == "MD" for t in window)


def _ahead(sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's verb is a future or a conditional."""
    doc = sentence.doc
    verb: Token = trigger[0]
    window = doc[max(sentence.start, verb.i - 3) : verb.i]
    if any(t.lower_ in _AHEAD_WORDS for t in window):
        return True
    return any(
        "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood")
        for t in trigger
        if t.pos_ in ("VERB", "AUX")
    )
