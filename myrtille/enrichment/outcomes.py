"""Event words whose clause says the event has not come about (issue 14, session 6).

Each rule is a way the press writes, in either language:

- a bid or an offer withdrawn or rejected: "the only takeover bid was withdrawn last
  week", "l'offre de reprise a été retirée", "the board rejected a takeover approach",
  "a rejeté l'offre de rachat";
- a project still under study, said after its noun: "un second site à l'étude", "a new
  plant under consideration", "une usine en projet";
- a product still to be developed, the purpose of a round or a deal ("raised €15m to
  develop its software", "a signé un partenariat pour développer des résines"): the round
  or the deal is the news, no product yet;
- a market abroad as the purpose of money raised or of a deal, an infinitive after a
  finite verb ("raised €18m to expand into Germany", "pour s'implanter au Canada";
  session 7);
- a difficulty to do it, with a word between ("peine toutefois à recruter", "a encore du
  mal à embaucher", "citing difficulty recruiting", "finds it hard to hire").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.unfinished import unfinished

# The clause after the trigger says the bid fell through.
_WITHDRAWN_AFTER = re.compile(
    r"[^.;:!?]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|a\s+été|ont\s+été|"
    r"avait\s+été|avaient\s+été|est|sont)\s+(?:\w+\s+)?(?:withdrawn|rejected|turned\s+down|"
    r"dropped|abandoned|retir[ée]e?s?|rejet[ée]e?s?|repouss[ée]e?s?|d[ée]clin[ée]e?s?|"
    r"abandonn[ée]e?s?|[ée]cart[ée]e?s?)\b",
    re.IGNORECASE,
)
# Said before the trigger in its clause: "rejected a takeover approach", "a rejeté l'offre".
_REJECTED_BEFORE = re.compile(
    r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+down|withdr[ae]w|withdrawn|"
    r"rejet(?:te|tent|ait|aient|é|ée)|a\s+retir[ée]|ont\s+retir[ée]|repouss(?:e|ent|é|ée))\b"
    r"[^,;:.]{0,40}\Z",
    re.IGNORECASE,
)
_BID_KINDS = frozenset({"acquisition", "fundraising", "partnership", "contract"})
# A project still on paper, said just after its noun.
_UNDER_STUDY = re.compile(
    r"[^,;:.!?]{0,40}?(?:\bà\s+l['’]\s?[ée]tude\b|\ben\s+projet\b|\ben\s+gestation\b|"
    r"\bunder\s+(?:study|consideration|review)\b|\bbeing\s+(?:studied|considered)\b|"
    r"\bon\s+the\s+drawing\s+board\b)",
    re.IGNORECASE,
)
# A difficulty before the trigger, a word or two between: "peine toutefois à recruter".
_DIFFICULTY = re.compile(
    r"\b(?:pein(?:e|ent|ait|aient|era|eront)|(?:a|ont|avait|avaient)\s+(?:\w+\s+)?du\s+mal)"
    r"\s+(?:\w+\s+){0,2}?[àa]\s+\S+\Z|"
    r"\bdifficult(?:y|ies)\s+(?:in\s+|with\s+)?\S+\Z|"
    r"\b(?:hard|difficult|tough)\s+to\s+\S+\Z",
    re.IGNORECASE,
)
_DIFFICULTY = gated(_DIFFICULTY)  # session 19: only where one of its words is

# The trigger's first word is a development to come: an infinitive of purpose.
_TO_DEVELOP = re.compile(
    # not "vient de développer" (has just developed): "pour", "afin de", "to" only
    r"\b(?:to|pour|afin\s+de)\s+(?:(?:jointly|together|conjointement)\s+)?"
    r"(?:co-?)?(?:develop|d[ée]velopper)\Z",
    re.IGNORECASE,
)


# session 7: a market abroad that money raised or a deal is for, said as an infinitive of
# purpose ("raised €18m to expand into Germany", "pour s'implanter au Canada"): to come,
# not done. (A plant to build with the money is reported as the round's investment.)
_FOR = re.compile(
    r"\b(?:(?:to|pour|in\s+order\s+to|so\s+as\s+to)\s+|afin\s+d(?:e\s+|['’]\s?))(?:\w+ly\s+)?"
    r"(?:(?:s['’]|se)\s?)?\S+\Z",
    re.IGNORECASE,
)
_PURPOSE_KINDS = frozenset({"export"})


def for_purpose(kind: str, before: str, sentence: Span, first: Token) -> bool:
    """Whether the ``kind`` trigger, whose first word ``first`` is an infinitive, is a
    purpose ``before`` (its clause up to that word) states after a finite verb (a title's
    "Maker to expand into Germany" is its news)."""
    if kind not in _PURPOSE_KINDS or not (
        first.tag_ == "VB" or "Inf" in first.morph.get("VerbForm")
    ):
        return False
    if not any(_finite(t) for t in sentence.doc[sentence.start : first.i]):
        return False
    found = _FOR.search(before)
    # "is set to build", "agreed to open": the verb's own complement, the announcement
    return found is not None and not _GOVERNED.search(before, 0, found.start())


def _finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        "Fin" in token.morph.get("VerbForm") or token.tag_ in ("VBD", "VBZ", "VBP")
    )


# A word whose complement "to" opens: not a purpose ("is set to", "has agreed to").
_GOVERNED = re.compile(
    r"\b(?:set|due|expected|going|able|about|likely|poised|ready|has|have|had|aims?|plans?|"
    r"planning|decided|agreed|wants?|needs?|intends?|hopes?|continues?|begins?|began|starts?|"
    r"started|moved|chose|chosen|opted|got|is|are|was|were|will|would|helps?|help(?:ed|ing)|"
    r"allow\w*|enabl\w*)\s*\Z",
    re.IGNORECASE,
)


def not_come_about(kind: str, text: str, before: str, trigger_end: int) -> bool:
    """Whether the ``kind`` trigger ending at ``trigger_end`` in ``text``, ``before`` its
    clause up to the trigger's first word, reports a bid that fell through, a project
    under study or a difficulty (see the module's docstring)."""
    if kind in _BID_KINDS and (
        _WITHDRAWN_AFTER.match(text, trigger_end) or _REJECTED_BEFORE.search(before)
    ):
        return True
    if _UNDER_STUDY.match(text, trigger_end) or unfinished(kind, text, before, trigger_end):
        return True  # unfinished.py: "une levée de fonds est en cours", "candidate au rachat"
    if kind == "innovation" and _TO_DEVELOP.search(before):
        return True  # "to develop its bookkeeping software": what the money or deal is for
    return kind == "hiring" and _DIFFICULTY.search(before) is not None
