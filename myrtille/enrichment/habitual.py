"""Events said to recur: a habit of the firm, not news (issue 14, session 7).

A frequency in the trigger's clause ("l'atelier accueille chaque année deux apprentis",
"seasonal pickers are hired every August", "recrute tous les étés 40 saisonniers",
"each year the group buys two or three small firms") tells what the firm usually does:
the habitual aspect describes it, as its trade or its size do, and reports no event that
happened. An article about a seasonal hiring drive says so with a number and a date of its
own ("recrute 40 saisonniers pour cet été"), which no frequency marks.

A span of the firm's history does the same (session 8): "au fil des ans, la société a
embauché des dizaines de techniciens", "over the years the company acquired several
rivals", "depuis sa création", "since it was founded", "nous avons toujours recruté
localement", "we have always hired locally": the firm's past told as a whole, the
background paragraph of a profile, no event of the news.

Session 10 (news11): a growth told over years ("qui a doublé ses effectifs en trois ans",
"has hired 300 people over the past five years", "a recruté 200 personnes en dix ans")
is such a history too, said with a past verb; and a continuous habit ("nous recrutons en
permanence", "is hiring constantly", "all year round") is a policy, as "every year" is.

Session 12 (traps14): "every single month" and "régulièrement", "regularly" are such
habits too; a workforce doubled "since then" or "depuis 2019" is a history, like one grown
"en cinq ans" (said with "avons" or "avez" as well: "Vous avez doublé vos effectifs en cinq
ans").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.background import time_scope
from myrtille.enrichment.calendar_words import ENGLISH_MONTHS, FRENCH_MONTHS
from myrtille.enrichment.cues import cued
from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.rule_gates import WordGate, cue_words

# A frequency: "chaque année", "tous les ans", "every August", "each spring", "year after
# year", "d'année en année", "annually", "chaque été".
_UNITS_FR = (
    r"ann[ée]es?|ans|mois|semaines?|saisons?|[ée]t[ée]s?|hivers?|printemps|automnes?|"
    r"rentr[ée]es?|vendanges|r[ée]coltes?|" + "|".join(FRENCH_MONTHS)
)
_UNITS_EN = (
    r"years?|months?|weeks?|seasons?|summers?|winters?|springs?|autumns?|falls?|"
    r"harvests?|" + "|".join(ENGLISH_MONTHS)
)
_FREQUENCY = re.compile(
    rf"\b(?:chaque|tous\s+les|toutes\s+les)\s+(?:{_UNITS_FR})\b|"
    r"\bd['’]\s?ann[ée]e\s+en\s+ann[ée]e\b|\bann[ée]e\s+apr[èe]s\s+ann[ée]e\b|"
    rf"\b(?:every|each)\s+(?:single\s+)?(?:{_UNITS_EN})\b|\b(?:annually|yearly)\b|"
    r"\byear\s+(?:after|in,?\s+year\s+out)\b|\byear\s+after\s+year\b",
    re.IGNORECASE,
)
_FREQUENCY = cued(_FREQUENCY, "chaque tous toutes ann every each year")

# A span of the firm's history, or "always" with a compound past.
_DURATIVE = re.compile(
    r"\bau\s+fil\s+des\s+(?:ans|ann[ée]es|d[ée]cennies)\b|"
    r"\bdepuis\s+(?:sa|leur)\s+(?:cr[ée]ation|fondation|naissance)\b|"
    r"\btout\s+au\s+long\s+de\s+(?:son|leur)\s+histoire\b|"
    r"\b(?:avons|avez|a|ont|avait|avaient)\s+toujours\s+\w+[ée]e?s?\b|"
    r"\bover\s+the\s+(?:years|decades)\b|"
    r"\bsince\s+(?:its|their)\s+(?:creation|founding|foundation|inception|launch)\b|"
    r"\bsince\s+(?:it|they)\s+(?:was|were)\s+(?:founded|created|set\s+up)\b|"
    r"\bthroughout\s+(?:its|their)\s+history\b|"
    r"\b(?:have|has|had|'ve)\s+always\s+\w+(?:ed|t|n)\b",
    re.IGNORECASE,
)
_DURATIVE = cued(_DURATIVE, "fil depuis long toujours over since throughout always")

# session 10: a continuous habit ("recrute en permanence", "hiring constantly").
_CONTINUOUS = re.compile(
    r"\b(?:en\s+permanence|en\s+continu|constamment|continuellement|sans\s+cesse|"
    r"constantly|continuously|continually|on\s+an\s+ongoing\s+basis|all\s+the\s+time|"
    # session 12: "qui recrute régulièrement des data scientists", "regularly hires"
    r"r[ée]guli[èe]rement|regularly)\b",
    re.IGNORECASE,
)
_CONTINUOUS = cued(_CONTINUOUS, "permanence continu constam constant cesse ongoing time gul")
# session 10: a span of several years, after a past verb ("a doublé ses effectifs en trois
# ans", "over the past five years", "in the last decade"); one or two years may be the news
# ("have added 3,000 jobs in two years").
_SEVERAL = (
    r"(?:trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|[3-9]|[1-9]\d|three|"
    r"four|five|six|seven|eight|nine|ten|fifteen|twenty)"
)
_SPAN = re.compile(
    rf"\b(?:en|in|over)\s+{_SEVERAL}\s+(?:ans|ann[ée]es|years|decades|d[ée]cennies)\b",
    re.IGNORECASE,
)
# The same span said as the last years: a history whatever the event ("a investi 50 millions
# sur les cinq dernières années", "has acquired four rivals over the past decade").
_LAST_SPAN = re.compile(
    rf"\b(?:sur\s+les|au\s+cours\s+des|ces)\s+{_SEVERAL}\s+derni[èe]res\s+ann[ée]es\b|"
    rf"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:{_SEVERAL}\s+)?(?:years|decades?)\b|"
    r"\b(?:au\s+cours\s+de|sur)\s+la\s+derni[èe]re\s+d[ée]cennie\b",
    re.IGNORECASE,
)
_LAST_SPAN = gated(_LAST_SPAN)  # session 18: only where one of its words is
# session 17: the words of which each match of the four patterns of ``recurring`` holds
# one ("derni", "past", "last": each branch of _LAST_SPAN)
_RECURS = WordGate(*cue_words(_FREQUENCY, _DURATIVE, _CONTINUOUS), "derni", "past", "last")
_HAVE = frozenset({"a", "ont", "avait", "avaient", "avons", "avez", "has", "have", "had", "'ve"})
# session 12: a workforce multiplied since a past point ("has doubled its headcount since
# then", "a triplé ses effectifs depuis 2019"): its history, as over several years.
_MULTIPLIED = frozenset({"double", "triple", "quadruple", "doubler", "tripler", "quadrupler"})
_SINCE = re.compile(
    r"\b(?:since\s+(?:then|\d{4}|its|it\s+was|the\s+takeover)|"
    r"depuis\s+(?:lors|\d{4}|sa|son|leur|cette\s+date|ce\s+moment|le\s+rachat|la\s+reprise))\b",
    re.IGNORECASE,
)


def _told_in_past(trigger: Span) -> bool:
    """Whether the trigger's verb is a past: "hired", "a doublé", "has hired" (not a
    verb of saying before it: "said it would double its team within two years")."""
    verb = trigger[0]
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    perfect = previous is not None and previous.lower_ in _HAVE
    return perfect and ("Part" in verb.morph.get("VerbForm") or verb.tag_ == "VBN")


# A short phrase that opens the sentence before a comma: "Every summer, …", "Chaque année, …".
_OPENING = re.compile(r"[^,;:\n]{1,30},")


def recurring(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's part of ``sentence`` (in the document's ``text``), or the
    phrase that opens the sentence, says the event recurs."""
    # every pattern below is searched within the sentence (its opening ends before the
    # trigger): none of their words there, none of them matches
    last = max(sentence.end_char, trigger.start_char)
    if not _RECURS.may_match(sentence.doc, text, sentence.start_char, last):
        return False
    begin, end = time_scope(sentence, trigger)
    if _FREQUENCY.search(text, begin, end) or _DURATIVE.search(text, begin, end):
        return True
    if _CONTINUOUS.search(text, begin, end):
        return True  # "nous recrutons en permanence"
    if _LAST_SPAN.search(text, begin, end) and _told_in_past(trigger):
        return True  # "has acquired four rivals over the past decade"
    opening = _OPENING.match(text, sentence.start_char)
    return (
        opening is not None
        and opening.end() <= trigger.start_char
        and (
            _FREQUENCY.search(opening.group()) is not None
            or _DURATIVE.search(opening.group()) is not None
        )
    )


def grown_over_years(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether a workforce's growth is told over several years with a past verb ("qui a
    doublé ses effectifs en trois ans", "hired 300 people in five years"): its history.
    (Asked for hiring only: "has committed €20m over three years" may be the news.)"""
    begin, end = time_scope(sentence, trigger)
    if _SPAN.search(text, begin, end) is not None and _told_in_past(trigger):
        return True
    multiplied = trigger[0].lemma_.lower() in _MULTIPLIED
    return multiplied and _told_in_past(trigger) and _SINCE.search(text, begin, end) is not None


# session 10, second round: proceedings said to go on, just before their words ("poursuit sa
# période d'observation", "reste en redressement judiciaire", "remains in receivership", "is
# still in administration"): a state the firm is in, opened before the news.
_GOES_ON = re.compile(
    r"\b(?:poursui(?:t|vent|vait)|reste(?:nt)?|demeure(?:nt)?|est\s+toujours|sont\s+toujours|"
    r"continue(?:s|nt)?|remains?|stays?|is\s+still|are\s+still|was\s+still)\s+"
    r"(?:\w+\s+){0,2}?\Z",
    re.IGNORECASE,
)


def still_in_proceedings(kind: str, text: str, trigger: Span) -> bool:
    """Whether an insolvency's words follow a verb saying the proceedings go on ("La
    fonderie poursuit sa période d'observation", "remains in receivership")."""
    if kind != "insolvency":
        return False
    return _GOES_ON.search(text, max(0, trigger.start_char - 40), trigger.start_char) is not None


# session 11, second part: a firm that has exported for long, said with a span or a year
# of start ("exportent leur savoir-faire depuis trente ans", "has exported to Japan since
# 1998", "has long exported", "exporte déjà vers quinze pays"): what it is, no new market.
# Not "its first order abroad since 2019" nor "pour la première fois depuis": a first or a
# record told against that span is the news.
_LONG_SPAN = re.compile(
    r"\bdepuis\s+(?:(?:plus\s+de|pr[èe]s\s+de|bient[ôo]t|d[ée]j[àa])\s+)?"
    r"(?:\d{4}\b|(?:les\s+ann[ée]es\s+)?\d{2,4}\b|(?:[\w-]+\s+)?(?:ans|ann[ée]es|d[ée]cennies)\b|"
    r"longtemps|toujours|des\s+(?:ann[ée]es|d[ée]cennies|g[ée]n[ée]rations))|"
    r"\bsince\s+(?:the\s+)?\d{4}s?\b|"
    r"\bfor\s+(?:(?:more\s+than|over|nearly|almost|some|about)\s+)?(?:[\w-]+\s+)?"
    r"(?:years|decades|generations)\b|"
    r"\b(?:has|have|had)\s+(?:long|always)\s+(?:been\s+)?export\w*|"
    r"\bexport(?:e|ent)\s+(?:d[ée]j[àa]|toujours)\b|\balready\s+exports?\b",
    re.IGNORECASE,
)
_LONG_SPAN = gated(_LONG_SPAN)  # session 19: only where one of its words is
_FIRST_OR_RECORD = re.compile(
    r"\b(?:premi(?:er|[èe]re)s?|first|plus\s+(?:gros|grande?|importante?)s?|biggest|largest|"
    r"record|jamais|ever)\b",
    re.IGNORECASE,
)


def long_exporter(kind: str, text: str, sentence: Span, trigger: Span) -> bool:
    """Whether an export is said of long standing in the trigger's part of ``sentence``,
    or in the phrase that opens it ("Depuis vingt ans, …"), with no first or record."""
    if kind != "export":
        return False
    begin, end = time_scope(sentence, trigger)
    opening = _OPENING.match(text, sentence.start_char)
    if opening is not None and opening.end() <= trigger.start_char:
        begin = min(begin, sentence.start_char)
    if _LONG_SPAN.search(text, begin, end) is None:
        return False
    return _FIRST_OR_RECORD.search(text, sentence.start_char, sentence.end_char) is None
