"""Officers a court appoints, not a new head of the firm (issue 14, session 15).

Read off the false leadership events of news9, news10, news12 and news16 (four authors),
each a report of a firm placed in receivership: "The court opened a six-month observation
period and appointed an administrator to run the business alongside management", "and
appointed an administrator to look for a buyer". An administrator, a receiver, a
liquidator or a mediator that a court names ("le tribunal a désigné un administrateur
judiciaire", "Me X a été nommé mandataire judiciaire", "a court-appointed receiver") is an
officer of the proceedings: the insolvency is the news, and the firm's managers stay (the
annotators label no leadership for them). A board member ("nommé administrateur de la
société") is not an officer of a court: the court or the proceedings must be said.

Cheap: a substring test on the lowered trigger and the words after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# An officer of insolvency proceedings, in the trigger or right after it.
_OFFICER = re.compile(
    r"\b(?:administrat(?:eur|rice|eurs|or|ors)|mandataires?|liquidat(?:eur|rice|eurs|or|ors)|"
    r"receivers?|conciliat(?:eur|rice|or)|m[ée]diat(?:eur|rice|or)\s+judiciaire|"
    r"commissaires?\s+(?:à|a)\s+l['’]\s?ex[ée]cution|juges?-commissaires?|"
    r"official\s+receivers?|insolvency\s+practitioners?|trustees?)\b",
    re.IGNORECASE,
)
_OFFICER_CUES = (
    "administrat",
    "mandataire",
    "liquidat",
    "receiver",
    "conciliat",
    "diat",
    "commissaire",
    "practitioner",
    "trustee",
)
# The court or its proceedings, said in the sentence.
_COURT = re.compile(
    r"\b(?:tribunal|tribunaux|court|courts|judge|juge|judiciaire|judicial|court-appointed|"
    r"redressement|sauvegarde|liquidation|receivership|administration|insolvency|"
    r"observation|proc[ée]dure\s+collective|bankruptcy|faillite|provisoire)\b",
    re.IGNORECASE,
)
# A head's post, named before the officer: the appointment is that post's.
_OTHER_POST = re.compile(
    r"\b(?:pr[ée]sident|directeur|directrice|chief|ceo|head|g[ée]rant)", re.IGNORECASE
)
# How far after the trigger the officer may be named ("a désigné Me Paul Roy,
# administrateur judiciaire").
_REACH = 60


def court_officer(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the leadership ``trigger`` in ``sentence`` names an officer a court
    appoints (see the module's docstring); ``text``: the document's text."""
    if kind != "leadership":
        return False
    end = min(sentence.end_char, trigger.end_char + _REACH)
    near = text[trigger.start_char : end]
    lowered = near.lower()
    if not any(cue in lowered for cue in _OFFICER_CUES):
        return False
    officer = _OFFICER.search(near)
    if officer is None:
        return False
    # the officer before any other post named ("nommé administrateur judiciaire" but not
    # "nommé directeur général, en remplacement de l'administrateur provisoire")
    if _OTHER_POST.search(near, 0, officer.start()):
        return False
    return _COURT.search(text, sentence.start_char, sentence.end_char) is not None
