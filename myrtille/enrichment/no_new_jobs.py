"""Hiring words that count no new jobs (issue 14, session 9).

Read off the false hiring events of news8–10 (written to the held-out set's brief by six
authors), each a way the press writes in either language:

- a team to be grown with no number said for it ("L'argent frais servira à renforcer
  l'équipe technique", "prévoit de renforcer son équipe dans les prochains mois, sans
  avancer de chiffre", "d'étoffer ses équipes d'ingénieurs", "to strengthen its team") is
  an intention, not jobs: the annotators of every set count hiring only with a number of
  people (seven such sentences in the tuning set, none a hiring event);
- staff that a takeover brings ("has taken over Frigo-Comtois, adding 95 trucks and 130
  drivers to its fleet", "The acquisition adds 310 employees", "a racheté X, ce qui porte
  ses effectifs à 160 salariés") move from one employer to
  another: no job is created (as "will take on the 35 employees of the current operator",
  newsworthy.py); "the purchase adds 60 drivers" as well (session 11, news12);
- hires said with no figure on purpose ("sans objectif chiffré de recrutement à ce stade",
  "ne s'engage sur aucun chiffre", "without giving a figure", "it gave no hiring target")
  are an intention: of the seven such sentences in the tuning set (news10-12, five
  authors), none is a hiring event (session 11);
- a team to grow whose only number is its present size ("renforcer l'équipe de R&D,
  aujourd'hui forte de 22 personnes", "to grow its team, which numbers 40 today") counts
  no job either (session 15, news16).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start
from myrtille.enrichment.pattern_words import gated

# A team or a workforce grown, in the trigger's own words (no multiplying verb: "doubler
# ses effectifs" says how many).
_GROWN_TEAM = re.compile(
    r"\b(?:renfor\w*|[ée]toff\w*|agrandi\w*|grossi\w*|strengthen\w*|bolster\w*|reinforc\w*|"
    r"grow\w*|expand\w*|beef\w*|build\w*\s+up)\b.*\b(?:[ée]quipes?|effectifs?|teams?|"
    r"workforce|staff|headcount|rangs?)\b",
    re.IGNORECASE,
)
# A number of people, in digits or in words ("une vingtaine", "a dozen"); not a year.
_NUMBER = re.compile(
    r"\b(?!(?:19|20)\d\d\b)\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"quarante|cinquante|soixante|cent|mille|milliers?|(?:diz|douz|quinz|vingt|trent|"
    r"quarant|cinquant|soixant|cent)aines?|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|thousands?|"
    r"dozens?|score)\b",
    re.IGNORECASE,
)
NUMBER = _NUMBER  # for passing_news.py
# session 15: the team's present size, said before a number ("renforcer l'équipe de R&D,
# aujourd'hui forte de 22 personnes", "to grow its team, which numbers 40", "its staff of
# 35 today"): a description, not a number hired.
_HEADCOUNT = re.compile(
    r"\b(?:fort(?:e|s|es)?\s+de|qui\s+compte|compte\s+(?:aujourd['’]hui|actuellement|d[ée]j[àa])|"
    r"(?:aujourd['’]hui|actuellement|d[ée]j[àa])(?:\s+de)?|which\s+(?:numbers|counts|has)|"
    r"(?:currently|now|today|already)(?:\s+(?:numbers|counts|has|of|at))?|staff\s+of|"
    r"team\s+of|headcount\s+of)\s+(?:\w+\s+)?\Z",
    re.IGNORECASE,
)

# A verb of adding or bringing staff, or of taking a workforce to a number ("ce qui porte
# ses effectifs à 160"), the trigger's first word.
_ADDING = frozenset({"add", "bring", "apporter", "ajouter", "porter"})
# "porte" as the tagger may leave its lemma (the noun's).
_TAKES_TO = frozenset({"porte", "portent", "portera", "porteront"})
# A takeover said in the same sentence.
_TAKEOVER = re.compile(
    r"\b(?:acquisitions?|acquired|acquires|acquiring|takeovers?|tak(?:en|es|ing)\s+over|"
    r"took\s+over|bought|buys|buying|rachat|rachète|rachet\w*|racheté\w*|reprise|repris\w*|"
    r"reprend\w*|absorb\w*|merger|fusion|purchase[sd]?|purchasing)\b",
    re.IGNORECASE,
)
# session 11: hires said with no figure on purpose, after the trigger or before it in its
# clause ("renforcer l'équipe, sans objectif chiffré de recrutement", "recrutera, mais ne
# s'engage sur aucun chiffre", "without giving a figure", "it gave no hiring target").
_NO_FIGURE = re.compile(
    r"\bsans\s+(?:[\w'’]+\s+){0,2}?(?:objectif\s+chiffr\w*|chiffr\w*|avancer\s+de\s+"
    r"(?:chiffre|nombre)|pr[ée]ciser\s+(?:le\s+)?(?:nombre|combien))|"
    r"\baucun\s+(?:objectif\s+)?chiffr\w*|"
    r"\bwithout\s+(?:giving|putting|naming|setting|specifying|providing|offering)\s+"
    r"(?:a|any)\s+(?:[\w-]+\s+)?(?:figure|number|target)\b|"
    r"\b(?:gave|give|gives|giving|set|sets|named|offered|provided|with)\s+no\s+"
    r"(?:[\w-]+\s+)?(?:figures?|numbers?|targets?)\b",
    re.IGNORECASE,
)
_NO_FIGURE = gated(_NO_FIGURE)  # session 18: only where one of its words is


def no_new_jobs(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the hiring ``trigger`` in ``sentence`` counts no job created (see the
    module's docstring); ``text``: the document's text."""
    if kind != "hiring":
        return False
    start = clause_start(text, sentence, trigger)
    if _NO_FIGURE.search(text, start, sentence.end_char):
        return True  # "sans objectif chiffré de recrutement à ce stade"
    if _GROWN_TEAM.search(trigger.text):
        return all(
            _HEADCOUNT.search(text, max(start, number.start() - 40), number.start())
            for number in _NUMBER.finditer(text, start, sentence.end_char)
        )
    first = trigger[0]
    if first.lemma_.lower() in _ADDING or first.lower_ in _TAKES_TO:
        return _TAKEOVER.search(text, sentence.start_char, sentence.end_char) is not None
    return False
