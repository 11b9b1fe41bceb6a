"""Events in a sentence that opens on "Depuis," or "Since then" (session 15, precision B).

A sentence that starts from a past fact told before it ("En 2020, l'entreprise avait été
reprise … Depuis, la nouvelle direction a investi 15 millions d'euros", "Since then, it
has invested €15m in a press", "Depuis sa reprise, le groupe a racheté deux
concurrents", "Ever since the takeover, the firm has signed three contracts", "Depuis
une dizaine d'années, la PME a ouvert trois usines") sums up what was done over the
years: background, not today's news. A sentence that says what comes next ("Depuis, le
groupe va investir", "Since then it plans to") is left to the other rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# The kinds this helper reads (hires and closures have their own background rules).
_KINDS = frozenset(
    {"investment", "export", "contract", "partnership", "acquisition", "fundraising"}
)
# The opening: a bare "Depuis," / "Since then", or since a past event or a span of years.
_SINCE_OPENING = re.compile(
    r"\s*(?:depuis\s*,|depuis\s+lors\b|depuis\s+cette\s+(?:date|[ée]poque|p[ée]riode)\b|"
    r"depuis\s+(?:sa|son|leur|la|le|l['’])\s*(?:cr[ée]ation|fondation|reprise|rachat|arriv[ée]e|"
    r"naissance|lancement|d[ée]marrage|installation|implantation)\b|"
    r"depuis\s+(?:plusieurs|quelques|des|une\s+(?:dizaine|quinzaine|vingtaine|trentaine)\s+d['’]\s?"
    r")\s*(?:ann[ée]es|ans|d[ée]cennies)\b|"
    r"since\s+then\b|ever\s+since\b|since\s+that\s+(?:time|date)\b|"
    r"since\s+(?:its|the|their)\s+(?:founding|creation|takeover|acquisition|launch|"
    r"buyout|rescue|start)\b|"
    r"over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|\w+\s+)?(?:years|decades)\b)",
    re.IGNORECASE,
)
# What is still to come after such an opening.
_AHEAD = re.compile(
    r"\b(?:va|vont|compte|pr[ée]voit|pr[ée]voient|envisage|will|plans?|intends?|is\s+to|"
    r"are\s+to|going\s+to|aims?)\b",
    re.IGNORECASE,
)


# The end of the sentence before: the opening is looked for just after it.
_SENTENCE_END = re.compile(r"[.!?…»\n]\s*")


def since_then(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether ``sentence`` opens on "Depuis,"/"Since then" (or since a past event or a
    span of years) and says nothing to come before the ``kind`` trigger."""
    if kind not in _KINDS:
        return False
    start = sentence_start(text, sentence)
    if not _SINCE_OPENING.match(text, start, trigger.start_char):
        return False
    return _AHEAD.search(text, start, trigger.start_char) is None


def sentence_start(text: str, sentence: Span) -> int:
    """Where ``sentence`` starts in ``text``: it may be the trigger's part only
    ("Industries a racheté …"), whose sentence starts after the last end of sentence
    before it."""
    low = max(0, sentence.start_char - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, sentence.start_char)]
    return ends[-1] if ends else (0 if low == 0 else sentence.start_char)
