"""Hiring words that describe staff or a post, not jobs created (issue 14, session 15).

Read off the false hiring events of news14 and news16 (three authors, both languages):

- people already counted, then how they were hired, in a participle after a comma ("Le
  chantier mobilisera une soixantaine de personnes, en priorité recrutées auprès
  d'entreprises locales", "Several of Sillage's engineers are British and Norwegian,
  recruited from the North Sea offshore industry", "ses 40 salariés, tous embauchés
  chez des concurrents", "staff, mostly hired from rival yards") describe a workforce (as
  other_readings.py's "280 employees, most of them recruited locally");
- a person's task of recruiting ("aura pour mission de mener les recrutements liés au
  développement", "chargée du recrutement", "tasked with leading the recruitment of
  engineers", "will be responsible for hiring") is a post, told in an appointment: the
  annotators count hiring only with a number of people (no_new_jobs.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.no_new_jobs import NUMBER

# A participle of hiring, the trigger's only word.
_PARTICIPLE = re.compile(
    r"^(?:recrut[ée]e?s?|embauch[ée]e?s?|recruited|hired|engag[ée]e?s?)$", re.IGNORECASE
)
# A comma, then at most three words (an adverb: "en priorité", "mostly", "tous", "for
# the most part"), up to the participle.
_AFTER_COMMA = re.compile(r",\s*(?:[\w'’-]+\s+){0,3}\Z")
# The employers or the trade the participle's people came from, right after it ("from
# the North Sea offshore industry", "auprès d'entreprises locales", "chez ses
# concurrents"); not a place they are hired in ("recrutés en priorité dans le bassin
# d'emploi" tells where new jobs go).
_SOURCE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:from|among|chez|parmi|aupr[èe]s)\b",
    re.IGNORECASE,
)
# A task or a post in charge of recruiting, right before the trigger.
_TASK = re.compile(
    r"\b(?:(?:pour|comme)\s+(?:mission|t[âa]che|r[ôo]le)|missions?|charg[ée]e?s?|"
    r"en\s+charge|responsables?|piloter|pilotera|superviser|supervisera|"
    r"in\s+charge|responsib\w*|tasked|task|role|oversee\w*|oversaw|supervis\w*|"
    r"head(?:s|ed|ing)?)\b[\w\s'’-]{0,40}\Z",
    re.IGNORECASE,
)
_TASK_CUES = (
    "mission",
    "tâche",
    "tache",
    "rôle",
    "role",
    "charg",
    "charge",
    "respons",
    "pilot",
    "supervis",
    "task",
    "overs",
    "head",
)


def describes_staff(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the hiring ``trigger`` in ``sentence`` describes staff or a post (see the
    module's docstring); ``text``: the document's text."""
    if kind != "hiring":
        return False
    before = text[sentence.start_char : trigger.start_char]
    if len(trigger) == 1 and _PARTICIPLE.match(trigger.text) and _AFTER_COMMA.search(before):
        # "une soixantaine de personnes, en priorité recrutées auprès d'entreprises"
        clause = text[sentence.start_char + before.rfind(",") : sentence.end_char]
        return (
            _SOURCE.match(text, trigger.end_char, sentence.end_char) is not None
            and NUMBER.search(clause) is None
        )
    near = before[-60:].lower()
    if not any(cue in near for cue in _TASK_CUES) or not _TASK.search(before[-60:]):
        return False
    # "chargée du recrutement de 30 opérateurs" tells jobs: a number keeps the event
    return NUMBER.search(text, trigger.start_char, sentence.end_char) is None
