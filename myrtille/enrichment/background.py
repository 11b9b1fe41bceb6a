"""Background facts: an event sentence that tells what happened before the news.

Articles recall a company's earlier fundraising, takeover or plant opening to set the
scene ("Cellinov, qui a levé 20 millions d'euros en octobre, …", "The company, which raised
€12m last year, …"). Such a sentence is background, not news, when its trigger's clause
holds a past-time marker:

- a marker of earlier time: "l'an dernier", "l'année passée", "il y a deux ans",
  "quelques mois après", "last year", "earlier this month", "a year earlier", "since 2021";
- "déjà", "précédemment", "already", "previously" or a pluperfect ("avait levé",
  "had raised") just before the trigger;
- a month or a year earlier than the article's month (``published``); when the article's
  date is unknown, a month or year in a clause whose verb is in the past ("a levé 9 M€ en
  novembre", "was founded in 2014"), not a passive ahead ("will be created in 2028");
- "depuis"/"since" before the event's noun ("vide depuis la liquidation de X");
- a preposition of time or cause before the event's words ("following its takeover",
  "grâce à son partenariat"), or a year as the noun's modifier ("le rachat de 2019"):
  antecedents.py (session 7).

Numbers said in words ("ten years ago", "il y a quinze ans") and a comma inside a number
("hired 1,200 people last year") are read as such (session 7).

A pluperfect after a past verb of saying ("confirmed that it had received an order") is the
tense of reported speech, not an earlier time (session 7).

The next step of a story told before ("avait levé 120 millions d'euros en 2022, puis racheté
un bâtiment", "raised €5m in 2021, then bought a rival") is dated by the part before it
(session 9).

A span of recent time ("ces dernières années", "ces trois derniers mois", "in recent years",
"over the past two years") tells a trend or a precedent: so it does in 35 documents of the
tuning set, by every author (session 9).

The title is never background: an article is about what its title says.

Session 12: a date ending the sentence after an apposition ("Cegid itself bought Atlas, the
Rennes start-up, in 2024.") dates the main clause; "raised €30m from Keensight Capital in
2022" is a past date, not a start ahead ("from 2027"). Session 13: time_asides.py; the
verb tenses read here are in verb_tenses.py.
"""

from __future__ import annotations

import re
from datetime import datetime

from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Span

from myrtille.enrichment.antecedents import antecedent, modifier_years
from myrtille.enrichment.calendar_words import MONTHS
from myrtille.enrichment.decades import dated_by_decade, decade_years
from myrtille.enrichment.doctext import (
    columns_of,
    per_document,
    sentence_of,
    span_text,
    text_of,
)
from myrtille.enrichment.later_years import OPENING_WHEN, later_than_told
from myrtille.enrichment.morphs import feature
from myrtille.enrichment.reported_speech import backshifted
from myrtille.enrichment.time_asides import aside_before, dated_aside
from myrtille.enrichment.verb_tenses import ahead_helper, finite, past_tense

# Where a clause ends: strong punctuation, or a comma before a relative pronoun or a
# coordinating conjunction ("Cellinov, qui emploie 55 personnes, a levé …").
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|,\s+(?=(?:qui|dont|où|et|mais|tandis|alors|puis|which|who|whose|where|"
    r"and|but|while|whereas|then)\b)",
    re.IGNORECASE,
)
# Numbers said in words ("ten years ago", "il y a quinze ans"; session 7).
_NUMBERS_FR = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"quarante|cinquante|cent"
)
_NUMBERS_EN = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|a\s+hundred"
)
_EARLIER = re.compile(
    r"\bl['’]\s?(?:an|année)\s+(?:dernier|derni[èe]re|pass[ée]e?)\b|"
    # session 11: "depuis l'été dernier", "since last summer": a span up to now, which
    # dates what it holds as recent news (a season of the last twelve months)
    r"(?<!depuis\s)\b(?:l['’]\s?(?:été|hiver|automne)|le\s+printemps|l['’]\s?exercice)\s+"
    r"(?:dernier|pass[ée])\b|"
    rf"\bil\s+y\s+a\s+(?:\d+|un|une|{_NUMBERS_FR}|quelques|plusieurs)\s+"
    r"(?:ans?|années?|mois|semaines)\b|"
    rf"\b(?:\d+|un|une|{_NUMBERS_FR}|quelques|plusieurs)\s+(?:ans?|années?|mois|semaines)\s+"
    r"(?:plus\s+t[ôo]t|auparavant|après|avant)\b|"
    r"\b(?:au\s+cours\s+de\s+l['’]\s?|dans\s+le\s+)pass[ée]\b|\bnaguère\b|\bjadis\b|"
    r"\bdepuis\s+(?:19|20)\d\d\b|"
    r"\blast\s+year\b|(?<!since\s)\blast\s+(?:summer|winter|autumn|spring|fall)\b|"
    r"\bearlier\s+(?:this|that)\s+(?:year|month)\b|"
    rf"\b(?:a|one|{_NUMBERS_EN}|\d+)\s+(?:years?|months?|weeks?)\s+(?:earlier|ago|before|after)\b|"
    r"\b(?:some|several|a\s+few)\s+(?:years|months|weeks)\s+(?:earlier|ago|after)\b|"
    r"\bsince\s+(?:19|20)\d\d\b|\bin\s+the\s+past\b|\bback\s+in\b|\bformerly\b|"
    # session 9: a span of recent time ("ces dernières années", "ces trois derniers mois",
    # "au cours des dernières années", "in recent years", "over the past two years")
    rf"\b(?:ces|des)\s+(?:(?:\d+|{_NUMBERS_FR}|quelques)\s+)?derni(?:ers|[èe]res)\s+"
    r"(?:ann[ée]es|mois|semaines|d[ée]cennies)\b|"
    rf"\b(?:in|over|during|throughout)\s+(?:the\s+)?(?:recent|past|last)\s+"
    rf"(?:(?:\d+|{_NUMBERS_EN}|few|several|couple\s+of)\s+)?(?:years|months|decades?)\b|"
    r"\bin\s+recent\s+(?:years|months)\b",
    re.IGNORECASE,
)
# session 11: "a embauché 300 personnes depuis trente ans": a total over years; but "sa
# plus grosse commande depuis dix ans" is a record, today's news.
_OVER_YEARS = re.compile(
    rf"\bdepuis\s+(?:plus\s+de\s+|près\s+de\s+|une\s+)?(?:\d+\s+|(?:{_NUMBERS_FR})\s+)?"
    r"(?:ans|années|décennies)\b",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"\b(?:plus\s+(?:gros|grosse|grand|grande|important|importante|forte?)|premi[èe]re?|"
    r"record|jamais|meilleure?)\b",
    re.IGNORECASE,
)
# Words that make the trigger just after them a thing of the past.
_BEFORE_TRIGGER = frozenset(
    {
        "deja",
        "precedemment",
        "auparavant",
        "already",
        "previously",
        "earlier",
        "had",
        "avait",
        "avaient",
        "eut",
        "eurent",
        "etait",
        "etaient",
    }
)
# "has since invested", "a depuis recruté": since the past fact said before, when the verb
# follows at once ("has run it ever since, is stepping down" is news).
_SINCE = frozenset({"since", "depuis"})
_BEFORE_TRIGGER_IDS = frozenset(get_string_id(word) for word in _BEFORE_TRIGGER)
_SINCE_IDS = frozenset(get_string_id(word) for word in _SINCE)
# What may stand between "since" and an event noun: "depuis la", "since its 2019".
_DETERMINERS = frozenset({"DET", "PRON", "NUM", "ADJ"})
_BEFORE_WINDOW = 3
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# A month said as a time ("en octobre", "in November", "le 12 mars", "since September"):
# a bare "may" or "mars" is not one.
_MONTH = re.compile(
    rf"\b(?:en|in|dès|début|fin|mi-|courant|during|late|early|"
    rf"on\s+\d{{1,2}}|le\s+\d{{1,2}}(?:er)?|\d{{1,2}}(?:er)?)\s+(?P<month>{_MONTH_NAMES})"
    rf"(?:\s+(?P<year>(?:19|20)\d\d))?\b|"
    rf"\b(?P<month2>{_MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A date that the words just before it put ahead, a deadline or a start ("due to be
# completed in 2028", "from 2029", "prévue en mars", "d'ici 2030"): no time of the past.
_AHEAD = re.compile(
    r"\b(?:due|expected|scheduled|planned|slated|set|"
    r"pr[ée]vue?s?|attendue?s?|programm[ée]e?s?|d['’]\s?ici|jusqu['’]\s?(?:en|à|au)|"
    r"à\s+partir|à\s+l['’]\s?horizon|à\s+compter)\b[^,;:.]{0,25}\Z|"
    # session 12: not "from Keensight Capital in 2022" (its own "in": a past date)
    r"\b(?:by|until|till|from|starting)\b(?![^,;:.]{0,25}\b(?:in|en)\s+\Z)[^,;:.]{0,25}\Z",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:en|in|dès|début|fin|courant|during|early|late|from)\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def clause_of(sentence: Span, trigger: Span) -> tuple[int, int]:
    """Character bounds (in the document) of the trigger's clause within ``sentence``."""
    text = span_text(sentence)
    at = trigger.start_char - sentence.start_char
    begin, end = 0, len(text)
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= at:
            begin = found.end()
        elif found.start() >= at + len(trigger.text):
            end = found.start()
            break
    return sentence.start_char + begin, sentence.start_char + end


@per_document  # asked for each trigger's time scope by is_background and recurring
def _before_other_participle(trigger: Span, end: int) -> int:
    """Where the trigger's time scope ends: before a bare participle that qualifies a
    noun of another predicate ("recrute 40 opérateurs pour la ligne inaugurée l'an
    dernier", "is hiring for the line opened last year"), which its date belongs to."""
    doc = trigger.doc
    predicate = any(finite(t) or t.pos == VERB for t in trigger)
    for token in doc[trigger.end : _sentence_end(trigger)]:
        if token.idx >= end:
            break
        predicate = predicate or finite(token)
        if (
            predicate
            and token.i > trigger.end
            and token.tag_ in ("VBN", "VERB")
            and "Part" in feature(token, "VerbForm")
            and "Past" in feature(token, "Tense")
            and doc[token.i - 1].pos in _NOMINAL
        ):
            return token.idx
    return end


_NOMINAL = frozenset({NOUN, ADJ, PROPN})


def _sentence_end(trigger: Span) -> int:
    """``trigger.sent.end``: the sentences' bounds read once per document (sentence_of),
    not walked for each trigger; as spaCy reads them with hooks or no boundaries."""
    doc = trigger.doc
    if doc.user_token_hooks or doc.user_span_hooks or doc.user_hooks:
        return trigger.sent.end
    if not doc.has_annotation("SENT_START"):
        return trigger.sent.end  # raises, as it does
    return sentence_of(doc, trigger.start).end


# A short phrase before the first comma ("En 2019, …", "Last year, …") may date it all.
_OPENING = re.compile(r"[^,;:\n]{1,30},")
# A title has no full stop: the sentence recogniser may run it into the text.
# (a comma between digits is a number's: "hired 1,200 people last year"; session 7)
_SCOPE_BREAK = re.compile(r"\n\s*\n|[;:()\[\]—–]|,(?!\d)")


# A part that happens at the time of the one before it.
_AT_THAT_TIME = re.compile(
    r"\s*(?:lors\s+d|au\s+moment\s+d|à\s+l['’]\s?occasion\s+d|during\b|at\s+the\s+time\s+of\b|"
    r"when\b|as\s+part\s+of\b)",
    re.IGNORECASE,
)


# session 9: the next step of a story told before ("avait levé 120 millions d'euros en
# 2022, puis racheté un bâtiment l'année suivante", "raised €5m in 2021, then bought a
# rival"): the part before dates it too.
_NEXT_STEP = re.compile(r"\s*(?:et\s+)?(?:puis|ensuite|then|and\s+then)\b", re.IGNORECASE)


def time_scope(sentence: Span, trigger: Span) -> tuple[int, int]:
    """Character bounds of what dates the trigger or says how often it happens (its
    comma-delimited part, with an opening time phrase), up to another participle's."""
    begin, end = _time_scope(sentence, trigger)
    return begin, _before_other_participle(trigger, end)


def _dates_it(phrase: str) -> bool:
    return any(p.search(phrase) for p in (_EARLIER, _MONTH, _YEAR)) or dated_by_decade(phrase)


@per_document  # asked again by recurring (habitual.py) for the same trigger (session 17)
def _time_scope(sentence: Span, trigger: Span) -> tuple[int, int]:
    """Character bounds of what dates the trigger: its comma-delimited part of the
    sentence, with an opening time phrase."""
    text = span_text(sentence)
    at = trigger.start_char - sentence.start_char
    begin, end, paragraph = 0, len(text), 0
    for found in _SCOPE_BREAK.finditer(text):
        if found.end() <= at:
            begin = found.end()
            if "\n" in found.group():
                paragraph = begin
        elif found.start() >= at + len(trigger.text):
            end = dated_aside(text, found.start())  # ", à Carhaix, l'an dernier," (session 13)
            break
    begin = aside_before(text, begin)  # ", l'an dernier, avait marqué" (session 13)
    # session 14: "By the time he stepped back in 1999, …" (later_years.py)
    opening = _OPENING.match(text, paragraph) or OPENING_WHEN.match(text, paragraph)
    if opening and opening.end() <= at and _dates_it(opening.group()):
        begin = paragraph
    elif begin > paragraph and (_AT_THAT_TIME.match(text, begin) or _NEXT_STEP.match(text, begin)):
        # "Il avait ouvert 40 postes en 2024, lors du lancement de sa gamme": the part
        # before dates this one.
        before = [f.end() for f in _SCOPE_BREAK.finditer(text, paragraph, begin - 1)]
        begin = before[-1] if before else paragraph
    final = _FINAL_DATE.search(text, end)
    if final is not None and paragraph <= begin and "\n" not in text[end : final.start()]:
        end = len(text)  # "Cegid bought Atlas, the Rennes start-up, in 2024." (session 12)
    return sentence.start_char + begin, sentence.start_char + end


# session 12: a date ending the sentence after an apposition ("Cegid itself bought Atlas,
# the Rennes payroll start-up, in 2024."): it dates the whole main clause.
_FINAL_DATE = re.compile(
    r",\s*(?:(?:en|in|au\s+cours\s+de|during|courant|back\s+in)\s+)?"
    r"(?:(?:d[ée]but|fin|mi-|early|late)\s*)?(?:[A-Za-zéû]+\s+)?(?:19|20)\d\d\s*[.!]?"
    r"(?=\s*\n|\s*\Z)",
    re.IGNORECASE,
)


# A word that each way of _EARLIER to match holds whole ("il y a" holds both "il" and
# "y"), and each of _MONTH's, lowercased: a clause with none of them is not searched (most
# are not; the searches cost about 20 us a trigger).
_EARLIER_WORDS = frozenset(
    {"dernier", "derniere", "dernière", "passe", "passé", "passee", "passée", "tot", "tôt"}
    | {"auparavant", "après", "avant", "naguère", "jadis", "depuis", "last", "earlier"}
    | {"ago", "before", "after", "since", "past", "back", "formerly"}
    | {"derniers", "dernières", "dernieres", "recent"}
)
_MONTH_WORDS = frozenset(MONTHS)
_WORD = re.compile(r"\w+")
# Letters that the expressions' case-insensitive matching takes for i, s or k but that
# lowercasing keeps apart: with one of them, the clause is searched whatever its words.
_ODD_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")


def _words(clause: str) -> frozenset[str] | None:
    if any(odd in clause for odd in _ODD_CASES):
        return None
    return frozenset(_WORD.findall(clause.lower()))


def _may_be_earlier(words: frozenset[str] | None) -> bool:
    return words is None or not words.isdisjoint(_EARLIER_WORDS) or {"il", "y"} <= words


def _earlier(month: int | None, year: int | None, published: datetime, past: bool) -> bool:
    """Whether a month or a year is before the article's; a month without a year is dated
    by the tense: "a levé … en décembre" in a January article is last December, "fermera
    en mars" in a December article next March (session 7)."""
    if year is not None and year != published.year:
        return year < published.year
    if month is None or (year is None and not past):
        return False
    return month < published.month or (year is None and month > published.month)


def is_background(
    sentence: Span, trigger: Span, published: datetime | None, title_end: int
) -> bool:
    """Whether the event that ``trigger`` reports in ``sentence`` is a fact of the past."""
    if trigger.start_char < title_end:
        return False
    doc = sentence.doc
    # "a déjà levé", "is already building a €22m plant": the marker just before the
    # trigger, or just before a verb that leads to it.
    first = max(sentence.start, trigger.start - _BEFORE_WINDOW - 2)
    norms = columns_of(doc)[1]  # each token's norm_ as a hash: no Token for most words
    for i in range(first, trigger.start):
        if norms[i] in _BEFORE_TRIGGER_IDS:
            if (
                i >= trigger.start - _BEFORE_WINDOW or doc[i + 1].pos_ in ("VERB", "AUX")
            ) and not backshifted(text_of(doc), sentence.start_char, doc[i].idx):
                return True
        elif norms[i] in _SINCE_IDS:
            if doc[i + 1].pos_ == "VERB":
                return True
            # "vide depuis la liquidation de X", "since its 2019 takeover": the event a
            # state dates from is over.
            if all(t.pos_ in _DETERMINERS for t in doc[i + 1 : trigger.start]):
                return True
    # antecedents.py: "following its takeover", "grâce à son partenariat avec X"
    if antecedent(sentence, trigger):
        return True
    begin, end = _time_scope(sentence, trigger)
    end = _before_other_participle(trigger, end)
    clause = text_of(doc)[begin:end]
    words = _words(clause)
    if _may_be_earlier(words) and _EARLIER.search(clause):
        return True
    if _OVER_YEARS.search(clause) and not _RECORD.search(clause):
        return True
    if later_than_told(text_of(doc), sentence.start_char, end, published):
        return True  # later_years.py: "en 2018, … Trois ans plus tard, Océalg rachète"
    dates: list[tuple[int | None, int | None]] = []
    for found in _MONTH.finditer(clause) if words is None or words & _MONTH_WORDS else ():
        if _AHEAD.search(
            clause, 0, found.start("month") if found.group("month") else found.start()
        ):
            continue
        name = (found.group("month") or found.group("month2")).casefold()
        year = found.group("year") or found.group("year2")
        dates.append((MONTHS[name], int(year) if year else None))
    if "19" in clause or "20" in clause:  # every year _YEAR reads
        dates += [
            (None, int(m.group("year")))
            for m in _YEAR.finditer(clause)
            if not _AHEAD.search(clause, 0, m.start("year"))
        ]
    dates += [(None, year) for year in decade_years(clause)]  # "dans les années 2000"
    # "le rachat de 2019", "its 2019 takeover" (antecedents.py)
    dates += [(None, year) for year in modifier_years(sentence, trigger)]
    if not dates:
        return False
    past = past_tense(list(sentence)) or any(
        "Part" in feature(t, "VerbForm")
        and "Past" in feature(t, "Tense")
        and not any(ahead_helper(h) for h in doc[max(sentence.start, t.i - 3) : t.i])
        for t in sentence
        if begin <= t.idx < end
    )
    # session 13 (events recall): a trigger's own verb in the future ("cessera son activité
    # le 31 mars, a annoncé sa direction jeudi") dates its month ahead, whatever the tense
    # of the clause that reports it
    past = past and not any(finite(t) and "Fut" in feature(t, "Tense") for t in trigger)
    if published is None:
        return past
    return any(_earlier(month, year, published, past) for month, year in dates)
