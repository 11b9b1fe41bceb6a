"""Hiring words that tell a trouble to find staff, not jobs created (issue 14, session 15).

Read off the false hiring events of news15 and news16 (four authors, both languages) and
the same kind of sentence in the older sets, whose hiring came from another sentence:

- recruitment named as a difficulty ("la principale difficulté reste le recrutement",
  "Recrutement : le point noir", "le recrutement des saisonniers reste un casse-tête",
  "Recruitment is the main concern", "hiring has become the main constraint on growth")
  is a trade's hardship, with no number of people hired: the annotators count hiring
  only with a number of people (no_new_jobs.py); but where the document gives jobs to
  come ("is expected to employ 300 people by 2029", "le site emploiera 120 salariés",
  "doit créer 60 emplois"), recruitment as a difficulty is about filling those jobs, and
  the hiring stays;
- hires told with a shortage and no number ("Nous avons recruté plus tôt, mais il
  manquait encore des cuisiniers", "could not find enough drivers to hire", "faute de
  candidats") are a trouble to staff, not jobs reported;
- a shut-down forced by a want of staff ("contraint de fermer deux restaurants faute de
  personnel", "had to close its kitchen for part of the summer because of staff
  shortages") is hardship for a season, not a closure.

Cheap: a substring test on the lowered sentence skips nearly every sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start
from myrtille.enrichment.no_new_jobs import NUMBER

# Recruitment as a noun, the trigger's only word.
_HIRING_NOUNS = frozenset(
    {
        "recrutement",
        "recrutements",
        "embauche",
        "embauches",
        "recruitment",
        "recruiting",
        "hiring",
    }
)
# A difficulty named (the hardship word), for recruitment as a noun.
_HARD = re.compile(
    r"\b(?:difficult[ée]s?|difficile|compliqu[ée]s?|point\s+noir|casse-t[êe]te|probl[èe]mes?|"
    r"freins?|obstacles?|soucis?|pr[ée]occupations?|talon\s+d['’]\s?achille|gageure|"
    r"goulots?\s+d['’]\s?[ée]tranglement|headaches?|concerns?|challenges?|constraints?|"
    r"problems?|bottlenecks?|hurdles?|worr(?:y|ies)|struggles?|sore\s+points?|"
    r"stumbling\s+blocks?|pain\s+points?|difficult|hard(?:er)?)\b",
    re.IGNORECASE,
)
_HARD_CUES = (
    "diffic",
    "compliqu",
    "noir",
    "casse",
    "probl",
    "frein",
    "obstacle",
    "souci",
    "occupation",
    "achille",
    "gageure",
    "goulot",
    "headache",
    "concern",
    "challenge",
    "constraint",
    "bottleneck",
    "hurdle",
    "worr",
    "struggle",
    "sore",
    "stumbling",
    "pain",
    "hard",
)
# Staff missing: a shortage, a want, posts left open.
_SHORT = re.compile(
    r"\b(?:manqu(?:e|ent|ait|aient|é|er|era|eront)|p[ée]nuries?|shortages?|short-staffed|"
    r"short\s+of|lack(?:s|ed|ing)?|faute\s+de\s+(?:candidats|candidatures|personnel|bras|"
    r"main[-\s]d['’]\s?(?:œ|oe)uvre)|(?:postes|offres)\s+(?:rest[ée]e?s\s+)?"
    r"(?:vacants|non\s+pourvu\w*)|unfilled|"
    r"(?:could\s*n['’]t|could\s+not|failed\s+to|unable\s+to)\s+(?:find|fill))\b",
    re.IGNORECASE,
)
_SHORT_CUES = (
    "manqu",
    "nurie",
    "short",
    "lack",
    "faute",
    "vacant",
    "pourvu",
    "unfilled",
    "find",
    "fill",
)
# A want of staff said as the reason ("faute de personnel", "because of staff shortages").
_WANT_OF_STAFF = re.compile(
    r"\b(?:faute\s+de|manque\s+de|p[ée]nurie\s+de)\s+(?:personnel|saisonniers|serveurs|"
    r"cuisiniers|bras|main[-\s]d['’]\s?(?:œ|oe)uvre|salari[ée]s|candidats|chauffeurs)\b|"
    r"\b(?:staff(?:ing)?|labou?r|workers?|driver)\s+shortages?\b|"
    r"\bshortages?\s+of\s+(?:staff|workers|cooks|drivers|labou?r)\b|"
    r"\b(?:lack|want)\s+of\s+(?:staff|workers|cooks|drivers|labou?r)\b|\bshort-staffed\b",
    re.IGNORECASE,
)
_WANT_CUES = ("faute", "manque", "nurie", "shortage", "lack", "want", "short-staffed")
# Jobs to come somewhere in the document: a future or planned verb of employing or
# creating, then a number of people or jobs.
_JOBS_TO_COME = re.compile(
    r"\b(?:(?:will|to|would|should|shall)\s+(?:\w+\s+){0,2}?(?:employ|create|hire|recruit|"
    r"add|take\s+on)|emploiera|emploieront|cr[ée]era|cr[ée]eront|recrutera|recruteront|"
    r"embauchera|embaucheront|(?:doit|doivent|devrait|devraient|va|vont|pr[ée]voit\s+de|"
    r"pr[ée]voient\s+de)\s+(?:\w+\s+)?(?:employer|cr[ée]er|recruter|embaucher))\s+"
    r"(?:about|around|some|up\s+to|nearly|more\s+than|over|environ|pr[èe]s\s+de|plus\s+de|"
    r"jusqu['’]\s?[àa]|une?)?\s*(?:\d[\d\s,.]*|\w+aines?\s+d['’e]\s?|hundreds\s+of\s+)\s*"
    r"(?:new\s+|nouveaux\s+)?(?:people|jobs|staff|workers|employees|emplois|personnes|"
    r"salari[ée]s|postes|collaborateurs|operators|op[ée]rateurs)\b",
    re.IGNORECASE,
)
# Where the trigger's clause ends.
_CLAUSE_END = re.compile(r"[;:]|\s[—–]\s|,\s*(?:mais|but)\b", re.IGNORECASE)


def staffing_trouble(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` tells a trouble to find staff (see the
    module's docstring); ``text``: the document's text."""
    if kind not in ("hiring", "closure"):
        return False
    said = text[sentence.start_char : sentence.end_char]
    lowered = said.lower()
    if kind == "closure":
        return any(cue in lowered for cue in _WANT_CUES) and _WANT_OF_STAFF.search(said) is not None
    hard = any(cue in lowered for cue in _HARD_CUES)
    if not hard and not any(cue in lowered for cue in _SHORT_CUES):
        return False
    start = clause_start(text, sentence, trigger)
    end = _CLAUSE_END.search(text, trigger.end_char, sentence.end_char)
    if NUMBER.search(text, start, end.start() if end else sentence.end_char):
        return False  # "recruiting 300 operators is a challenge": jobs said
    if hard and trigger.text.lower() in _HIRING_NOUNS and _HARD.search(said):
        # "Le recrutement reste la principale difficulté", unless jobs are to come
        return _JOBS_TO_COME.search(text) is None
    return _SHORT.search(said) is not None  # "mais il manquait encore des cuisiniers"
