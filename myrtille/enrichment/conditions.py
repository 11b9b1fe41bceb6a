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
signed pending clearance is reported as done. A plan or a future that waits on its money or
on a study is not (session 10): "plans to build a €20m plant, subject to financing", "va
construire une usine, sous réserve du bouclage de son financement", "conditional on a final
investment decision", "si les études de faisabilité sont concluantes" (the "if" above).
Session 14 (news15): the event's noun then a wait on something else in its clause ("les
60 embauches envisagées restent suspendues à cette décision", "the hires remain on hold
pending the ruling", "l'extension dépend de l'issue du procès", "hinges on a tax credit").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.cues import cued
from myrtille.enrichment.rule_gates import WordGate, cue_words

_CONDITION = re.compile(
    r"(?<!\beven\s)\bif\b(?!\s+(?:any|not|so|only|ever)\b)|\bunless\b|"
    r"\bprovided\s+(?:that\s+)?(?=\w)|\bon\s+condition\s+that\b|\bas\s+long\s+as\b|"
    r"\bà\s+condition\s+(?:que|qu['’])|\bpourvu\s+qu|\bà\s+moins\s+qu|\bdans\s+l['’]\s?hypoth[èe]se\s+o[ùu]",
    re.IGNORECASE,
)
_CONDITION = cued(_CONDITION, "if unless provided condition long pourvu moins hypoth")
_AHEAD_WORDS = frozenset({"will", "would", "'ll", "shall", "va", "vont", "irait", "iraient"})
_EXPECTED = re.compile(
    r"\b(?:analysts?|observers?|experts?|sources?|commentators?|brokers?|the\s+market|"
    r"analystes|observateurs|experts|sources|commentateurs|march[ée]s?)\b[^.;:]{0,40}?"
    r"\b(?:expect\w*|anticipat\w*|predict\w*|forecast\w*|bet\w*\s+on|"
    r"s['’]\s?attend\w*|anticip\w*|pr[ée]di\w*|parient?\s+sur|tabl\w*\s+sur)\b[^.;:]*\Z",
    re.IGNORECASE,
)
_EXPECTED = cued(_EXPECTED, "analyst observ expert source commentat broker market march")
_EXPECTING = WordGate(*cue_words(_EXPECTED))
_MODAL = WordGate("may", "might")  # the words _may looks for

# session 10: a condition on the money or a study ("subject to financing", "sous réserve
# de boucler son financement", "conditional on a final investment decision").
_UNDECIDED = re.compile(
    r"\b(?:subject\s+to|conditional\s+(?:on|upon)|dependent\s+on|depending\s+on|pending|"
    r"sous\s+r[ée]serve\s+(?:de|du|des|d['’])|conditionn[ée]e?s?\s+(?:[àa]|au|aux)|"
    r"suspendue?s?\s+(?:[àa]|au|aux)|d[ée]pendra\s+(?:de|du|des|d['’]))"
    r"[^.;:]{0,40}?\b(?:financ\w*|funding|tour\s+de\s+table|bouclage|"
    r"feasibility|faisabilit[ée]|final\s+investment\s+decision|d[ée]cision\s+finale|"
    r"studies|study|[ée]tudes?|investors?|investisseurs?|subsid\w*|subventions?|grants?|"
    r"aides?\s+publiques?)",
    re.IGNORECASE,
)
_UNDECIDED = cued(_UNDECIDED, "subject condition pend serve")
# session 14: the event's noun, then a wait on something else in its clause ("Les 60
# embauches envisagées restent suspendues à cette décision", "the 40 hires remain on hold
# pending the ruling", "the plant hinges on the tender", "dépend de l'issue du procès").
_WAITS_AFTER = re.compile(
    r"[^.;:,]{0,50}?\b(?:suspendue?s?\s+(?:[àa]|au|aux)|conditionn[ée]e?s?\s+(?:[àa]|au|aux)|"
    r"subordonn[ée]e?s?\s+(?:[àa]|au|aux)|d[ée]pend(?:ent|ront|ra|ait|aient)?\s+"
    r"(?:\w+ment\s+|d[ée]sormais\s+|encore\s+|toujours\s+)?(?:de|du|des|d['’])|en\s+suspens|"
    r"on\s+hold|hinges?\s+on|hinging\s+on|"
    r"depends?\s+on|depending\s+on|contingent\s+(?:on|upon))",
    re.IGNORECASE,
)
_WAITS_AFTER = cued(_WAITS_AFTER, "suspen condition subordon pend hold hing contingent")
# A verb of planning before the trigger: "plans to build", "prévoit de construire".
_PLANNED = re.compile(
    r"\b(?:plans?|planning|planned|intends?|aims?|pr[ée]voi(?:t|ent)|projett?\w*|"
    r"entend(?:ent)?|vise(?:nt)?)\b",
    re.IGNORECASE,
)


def on_condition(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's event waits on a condition said in its sentence, is said
    with "may", or is somebody's forecast (see the module's docstring)."""
    before = text[sentence.start_char : trigger.start_char]
    doc = sentence.doc
    # _EXPECTED's own words looked for in the document's text before the part is cut out
    # and lowered (session 17)
    if _EXPECTING.may_match(doc, text, sentence.start_char, trigger.start_char) and (
        _EXPECTED.search(before)
    ):
        return True
    if _WAITS_AFTER.match(text, trigger.end_char, sentence.end_char) and any(
        t.pos_ == "NOUN" for t in trigger
    ):
        return True  # "les embauches envisagées restent suspendues à" (session 14)
    # "may" or "might" as a word of its window (session 17: Tokens made only then)
    if _MODAL.may_match(doc, text, sentence.start_char, trigger.end_char) and _may(
        sentence, trigger
    ):
        return True
    undecided = _UNDECIDED.search(text, sentence.start_char, sentence.end_char)
    if undecided and (
        # the condition itself: "a final investment decision"
        undecided.start() <= trigger.start_char < undecided.end()
        or _PLANNED.search(before)
        or _ahead(sentence, trigger)
        or _future_before(sentence, trigger)
    ):
        return True  # "plans to build a plant, subject to financing"
    if not _CONDITION.search(text, sentence.start_char, sentence.end_char):
        return False
    return _ahead(sentence, trigger)


def _may(sentence: Span, trigger: Span) -> bool:
    """ "may" as the modal just before the trigger's verb."""
    doc = sentence.doc
    window = doc[max(sentence.start, trigger.start - 3) : trigger.start + 1]
    return any(t.lower_ in ("may", "might") and t.tag_ == "MD" for t in window)


def _future_before(sentence: Span, trigger: Span) -> bool:
    """A future anywhere before the trigger in its sentence: "will build a €20m plant"
    (the trigger may be the plant alone)."""
    return any(
        t.lower_ in _AHEAD_WORDS or (t.pos_ in ("VERB", "AUX") and "Fut" in t.morph.get("Tense"))
        for t in sentence.doc[sentence.start : trigger.start]
    )


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
