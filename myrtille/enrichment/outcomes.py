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
- a difficulty to do it, with a word between ("peine toutefois à recruter", "a encore du
  mal à embaucher", "citing difficulty recruiting", "finds it hard to hire").
"""

from __future__ import annotations

import re

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

# The trigger's first word is a development to come: an infinitive of purpose.
_TO_DEVELOP = re.compile(
    # not "vient de développer" (has just developed): "pour", "afin de", "to" only
    r"\b(?:to|pour|afin\s+de)\s+(?:(?:jointly|together|conjointement)\s+)?"
    r"(?:co-?)?(?:develop|d[ée]velopper)\Z",
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
    if _UNDER_STUDY.match(text, trigger_end):
        return True
    if kind == "innovation" and _TO_DEVELOP.search(before):
        return True  # "to develop its bookkeeping software": what the money or deal is for
    return kind == "hiring" and _DIFFICULTY.search(before) is not None
