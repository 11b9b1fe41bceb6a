"""Event words inside a clause that serves another event or describes a firm (issue 14,
session 9).

Read off the false events of news8–10 (written to the held-out set's brief by six
authors), each a way the press writes in either language:

- the site or line that a hiring is for ("va recruter 40 préparateurs pour son nouvel
  entrepôt de Nîmes", "recrute 60 intérimaires pour accompagner la montée en cadence de sa
  ligne de production", "to hire 150 for its second cell line", "will recruit 150
  operators to staff the second production line") is where the new staff
  will work, not an investment the article reports (four such sentences in the tuning
  set, none an investment event);
- a stake that an investor takes in the round a firm raises ("has raised EUR 35 million
  from investors including Hydrogène de Lorraine, which takes a 15% stake", "with the
  region's investment vehicle taking a minority stake") is the fundraising seen from the
  investor's side, no takeover;
- an innovation verb in the present, in a relative clause after a firm's name ("Osteolab,
  qui met au point des substituts osseux", "Nautilia, start-up qui développe des
  logiciels", "a firm which develops sonar software") says what the firm does, not what
  it has just launched (some thirty such clauses in the tuning set, one an innovation
  event for another sentence).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start

# A hiring verb, then "pour"/"for" (or "to staff", "to run") and at most eight words
# before the trigger.
_HIRED_FOR = re.compile(
    r"\b(?:recrut\w*|embauch\w*|hir(?:e|es|ed|ing)|recruit\w*|tak(?:e|es|ing)\s+on)\b"
    r"[^.;:]*?\b(?:pour|for|afin\s+d['’e]|to\s+(?:staff|run|operate|man|work\s+(?:on|at|in)))"
    r"\s+(?:[\w'’-]+\s+){0,8}?\Z",
    re.IGNORECASE,
)
# A stake, in the trigger's words.
_STAKE = re.compile(r"\b(?:stakes?|participations?|shareholding)\b", re.IGNORECASE)
# A round raised, in the same sentence.
_ROUND = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|round|funding|lev[ée]e|l[eè]v(?:e|ent)|lev[ée]s?|"
    r"tour\s+de\s+table|financement)\b",
    re.IGNORECASE,
)
# A relative pronoun just before the trigger's first word.
_RELATIVE = re.compile(r"\b(?:qui|which|that)\s*\Z", re.IGNORECASE)


def in_a_side_clause(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` stands in a clause that serves
    another event or describes a firm (see the module's docstring); ``text``: the
    document's text."""
    if kind == "investment":
        start = clause_start(text, sentence, trigger)
        return _HIRED_FOR.search(text, start, trigger.start_char) is not None
    if kind == "acquisition" and _STAKE.search(trigger.text):
        return _ROUND.search(text, sentence.start_char, sentence.end_char) is not None
    if kind == "innovation" and _RELATIVE.search(text, sentence.start_char, trigger.start_char):
        first = trigger[0]
        return first.tag_ in ("VBZ", "VBP") or (
            first.pos_ in ("VERB", "AUX") and "Pres" in first.morph.get("Tense")
        )
    return False
