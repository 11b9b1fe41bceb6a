"""Jobs kept in a takeover, not jobs created (issue 14, session 15).

Read off the false hiring events of news16's court digests, and written for the ways the
press and the court notices tell a sale plan or a takeover in either language: "with 38
of the 52 jobs retained", "the buyer will keep 40 staff", "saving 120 jobs",
"preserving most of the 80 jobs", "avec le maintien de 38 emplois sur 52", "38 emplois
sont sauvegardés", "le repreneur conserve 40 salariés", "préservant 120 postes". The jobs
were there before: they change hands (the gold counts the buyer's acquisition, not
hiring), as the staff a takeover brings (no_new_jobs.py).

Not a buyer that takes staff on ("Fonderie Marchal reprend trente salariés"), which the
annotators count as hiring: only words of keeping.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# Jobs or staff, then a word of keeping ("jobs retained", "emplois sauvegardés"), or the
# keeping first ("retain 38 jobs", "le maintien de 38 emplois", "conserve 40 salariés").
_JOBS = (
    r"(?:jobs?|posts?|positions?|staff|employees?|workers?|emplois?|postes?|salari[ée]s?|"
    r"employ[ée]s?|personnes?)"
)
_KEPT = re.compile(
    rf"\b{_JOBS}\s+(?:\w+\s+){{0,3}}?(?:retained|kept(?:\s+on)?|saved|preserved|safeguarded|"
    r"maintained|protected|secured|maintenus|maintenues|sauvegard[ée]s|sauv[ée]s|conserv[ée]s|"
    r"pr[ée]serv[ée]s|repris\s+par\s+le\s+repreneur)\b|"
    r"\b(?:retain(?:s|ed|ing)?|keep(?:s|ing)?|kept|sav(?:e|es|ed|ing)|preserv(?:e|es|ed|ing)|"
    r"safeguard(?:s|ed|ing)?|maint(?:ien|enir|iendra|ient|iennent|enant)|sauvegard\w*|"
    r"conserv(?:e|ent|era|eront|er|ant)|pr[ée]serv\w*)\s+(?:de\s+|d['’]\s?|of\s+)?"
    rf"(?:\w+\s+){{0,4}}?(?:\d[\d\s,.]*|\w+)\s+(?:\w+\s+){{0,2}}?{_JOBS}\b",
    re.IGNORECASE,
)
_CUES = (
    "retain",
    "kept",
    "keep",
    "sav",
    "preserv",
    "safeguard",
    "maint",
    "protected",
    "secured",
    "sauv",
    "conserv",
    "serv",
)
# A verb of taking on or creating said in the trigger: those are jobs, whatever is kept.
_TAKING_ON = re.compile(
    r"\b(?:recrut\w*|embauch\w*|cr[ée]\w*|hir(?:e|es|ed|ing)|recruit\w*|creat\w*|"
    r"take[sn]?\s+on|taking\s+on|took\s+on|new)\b",
    re.IGNORECASE,
)


def kept_jobs(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the hiring ``trigger`` in ``sentence`` counts jobs kept in a takeover (see
    the module's docstring); ``text``: the document's text."""
    if kind != "hiring":
        return False
    said = text[sentence.start_char : sentence.end_char]
    lowered = said.lower()
    if not any(cue in lowered for cue in _CUES):
        return False
    if _TAKING_ON.search(trigger.text):
        return False  # "retains 40 staff and will hire 20": the hires are news
    for kept in _KEPT.finditer(said):
        start, end = sentence.start_char + kept.start(), sentence.start_char + kept.end()
        if start < trigger.end_char and trigger.start_char < end:
            return True  # the trigger's words are the jobs kept
    return False
