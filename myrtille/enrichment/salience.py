"""Which of a document's events are its news (issue 14): the events it is about, not every
event word its body holds.

A news article says what it reports at the top: in its title, and again in its lead, the
first sentence of the text. What the body adds once, further down, is background or a side
remark: the partnership a firm has with a school, its products called "innovative", the
new line its other plant runs. So an event type counts when

- one of its sentences is the title or the lead sentence, or
- the document reports it in several sentences (it is developed, not mentioned), or
- it is a follow-up the press reports with the main news (``FOLLOW_UPS``): the jobs that
  come with any news (an investment, a takeover, a contract), the new head of a firm just
  bought, the machines a firm pays for to meet a contract it won (session 9), or
- the top of the document reports no event at all: a feature or a market review tells
  its news in the body, so every event found there counts (and so does every event of a
  text without a title, a snippet whose top is too short to weigh by).

An event told of firms in general below the title ("several groups have signed…", "the
industry hired 18,000 seasonal workers") is a trend of the trade, no news of the document
(generic_subjects.py), unless its sentence names its firm.

Under a title that counts insolvencies ("Défaillances d'entreprises : …", "Company
insolvencies hit a 15-year high"), insolvencies and closures are the review's cases, news
only for a registry firm named (session 6).

On the tuning set, events found once after the lead sentence of a document whose top
reports an event were right 10 times and wrong 14 times, apart from jobs and leaders
(right 27 times, wrong 3 times): see docs/enrichment.md, "Economic events".

Session 9: the plant or line that money just raised is said to pay for ("the money will
pay for a first assembly line", "les fonds serviront à construire un atelier") is no
longer kept as a follow-up of the round: the authors of news4 to news10, who wrote to the
held-out set's brief, count it an investment in 2 of the 24 rounds whose text says what
the money pays for, the older sets in 4 of 11; said once below the lead, it is the round's
purpose, not news. A dateline cut off by its full stop ("BOURGES. Vigilis a nommé …", the
style of some 80 tuning articles) is no lead: the lead is the sentence after it.

Session 10: under a title that reports a partnership and no innovation, the product or
the process the partners will develop is the deal's aim, not a launch (news10 and news11:
two such documents, neither labels an innovation; no tuning document under such a title
does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

from myrtille.enrichment.aboutness import about
from myrtille.enrichment.additive_news import more_news_of_the_firm, sum_to_spend
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.cues import cued
from myrtille.enrichment.distribution_partners import without_distribution_partnerships
from myrtille.enrichment.doctext import sentence_of, text_of
from myrtille.enrichment.generic_subjects import told_of_firms_in_general
from myrtille.enrichment.notice_reading import digest_parts, notice_text

# Reported with the main news, in its last paragraphs, as its consequence: an event type
# and the news it follows (None: any).
FOLLOW_UPS: dict[str, frozenset[str] | None] = {
    "hiring": None,
    "leadership": frozenset({"acquisition"}),
    # session 9 (round 2): the machines or the workshop a firm pays for to meet a contract
    # just won ("pour tenir les cadences, l'entreprise va installer deux centres d'usinage,
    # un investissement de 6 millions"); aboutness.py keeps only what says it invests
    "investment": frozenset({"contract"}),
}
# A title that counts insolvencies (plural nouns): the document reviews figures.
_STATISTICS_TITLE = re.compile(
    r"\b(?:d[ée]faillances|faillites|liquidations|redressements|insolvencies|bankruptcies|"
    r"(?:business|company|corporate)\s+failures)\b",
    re.IGNORECASE,
)
_STATISTICS_TITLE = cued(
    _STATISTICS_TITLE,
    "faillances faillites liquidations redressements insolvencies bankruptcies failures",
)
_COUNTED = frozenset({"insolvency", "closure"})
# An event type developed in this many sentences is news wherever they are.
DEVELOPED = 2


class Located(Protocol):
    type: str
    start: int
    end: int
    sentence: str
    company: str | None


E = TypeVar("E", bound=Located)


def lead_end(doc: Doc, title_end: int) -> int:
    """Where the lead ends: the end of the first sentence of the text after the title
    (the title itself, without a full stop, may share that sentence in the parse)."""
    first = next((t for t in doc if t.idx >= title_end and not t.is_space), None)
    if first is None:
        return len(text_of(doc))
    if not doc.has_annotation("SENT_START"):
        return len(text_of(doc))
    sentence = sentence_of(doc, first.i)
    if _dateline_alone(doc[first.i : sentence.end]) and sentence.end < len(doc):
        # "BOURGES. Vigilis a nommé …": the place the story is filed from, cut off by its
        # full stop, is no lead; the lead is the sentence after it (session 9)
        return sentence_of(doc, sentence.end).end_char
    return sentence.end_char


def _dateline_alone(part: Span) -> bool:
    """A sentence's text part (after the title) that is only a place in capitals
    ("BOURGES.", "SAINT-DENIS DE LA RÉUNION."): a dateline cut off by its full stop."""
    words = [t for t in part if t.is_alpha]
    return 0 < len(words) <= 5 and all(t.is_upper or len(t) <= 2 for t in words)


def news_events(events: Sequence[E], doc: Doc, title_end: int) -> list[E]:
    """``events`` (one per type and sentence) less the types the document only mentions
    in passing: once, after its lead, while its top reports another event."""
    # generic_subjects.py: a trend of the trade ("several groups have signed…"), not news
    events = [e for e in events if not _of_firms_in_general(e, doc, title_end)]
    # session 16: a distribution deal is a sale, no partnership (distribution_partners.py)
    events = without_distribution_partnerships(events)
    text = text_of(doc)
    # session 16 (NOTICES): the kind of the document does not reach here; its wording tells
    # a legal notice (notice_reading.py), whose title is a rubric ("Annonces légales -
    # Clôtures et liquidations"), no review of figures, and whose events are all its news
    notice = notice_text(text)
    if not notice and _statistics_title(text[:title_end]):
        # "Défaillances d'entreprises : l'Occitanie au-dessus de la moyenne", "Company
        # insolvencies hit a 15-year high": a review of cases, whose proceedings are counted,
        # not one firm's unless the registry names it.
        events = [e for e in events if e.type not in _COUNTED or getattr(e, "company_id", None)]
    if not events:
        return []
    if notice and digest_parts(text):
        # session 16 (NOTICES): a page of several notices (a digest) reports each one's
        # judgment below the first: none is told in passing below a lead
        return list(events)
    # session 10: under a title that reports a partnership, what the partners will develop
    # ("join forces on mine-countermeasure drones … to develop a new generation of …", "un
    # premier démonstrateur doit être présenté en 2027") is the deal's aim, no launch
    titled = {e.type for e in events if e.start < title_end}
    if "partnership" in titled and "innovation" not in titled:
        events = [e for e in events if e.type != "innovation"]
    top = lead_end(doc, title_end)
    at_top = {e.type for e in events if e.start < top}
    # aboutness.py: what the top says it is about (its first paragraph at most: the parser
    # may run the lead into the next paragraph's sentence)
    paragraph = _first_paragraph_end(doc, title_end)
    events = about(events, at_top, min(top, paragraph), paragraph)
    if title_end == 0:
        # Without a title the top is one sentence of a snippet: too little to weigh by.
        return list(events)
    if not at_top:
        return list(events)  # a feature: its news is in the body
    sentences = Counter(e.type for e in events)
    kept = at_top | {kind for kind, n in sentences.items() if n >= DEVELOPED}
    kept |= {kind for kind, follows in FOLLOW_UPS.items() if follows is None or follows & at_top}
    # session 13: a further piece of news told as such (additive_news.py)
    firms = {e.company for e in events if e.start < top}
    # session 14 (EVENTS-RECALL): a sum a buyer says it will spend (additive_news.py)
    spent = "acquisition" in at_top
    return [
        e
        for e in events
        if e.type in kept
        or more_news_of_the_firm(e.sentence, e.company, firms)
        or (spent and e.type == "investment" and sum_to_spend(e.sentence))
    ]


# A rubric label: the title's first word alone before its colon ("Défaillances : la
# menuiserie Dufresnoy, à Arras, en liquidation"), the one case told after it.
_RUBRIC = re.compile(r"\s*\w+\s*:(?P<rest>.*)", re.DOTALL)


def _statistics_title(title: str) -> bool:
    """Whether ``title`` counts insolvencies, not under a rubric label that heads one
    firm's case (no figures, no plural count after the label)."""
    if not _STATISTICS_TITLE.search(title):
        return False
    label = _RUBRIC.match(title)
    if label and _STATISTICS_TITLE.match(title.lstrip()):
        rest = label["rest"]
        return bool(_STATISTICS_TITLE.search(rest) or re.search(r"\d", rest))
    return True


def _of_firms_in_general(event: Located, doc: Doc, title_end: int) -> bool:
    """Whether ``event``, below the title, is told of firms counted loosely or of the
    trade (generic_subjects.py) in a sentence that does not name its firm."""
    if event.start < title_end or (event.company and event.company in event.sentence):
        return False
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return span is not None and told_of_firms_in_general(span)


_PARAGRAPH_END = re.compile(r"\S\s*?\n\s*\n")


def _first_paragraph_end(doc: Doc, title_end: int) -> int:
    """Where the text's first paragraph ends (after the title)."""
    text = text_of(doc)
    first = len(text) - len(text[title_end:].lstrip())
    end = _PARAGRAPH_END.search(text, first)
    return end.start() + 1 if end else len(text)


def in_passing(
    doc: Doc, mentions: Sequence[CompanyMention], company: str, title_end: int
) -> CompanyMention | None:
    """The one mention of ``company`` when a document names it once, below its top (the
    title and the first paragraph): a customer, a competitor or a neighbour in passing
    ("comme le toulousain Aérovolt", "le Domaine Marina di Sole a annoncé une saison
    record"), not the firm whose events the unattributed sentences report."""
    named = [m for m in mentions if m.company_id == company]
    if len(named) != 1 or named[0].end <= named[0].start:
        return None
    text = text_of(doc)
    first = len(text) - len(text[title_end:].lstrip())
    end = _PARAGRAPH_END.search(text, first)
    if named[0].start < (end.start() + 1 if end else len(text)):
        return None
    # Its name said again where the linker did not take it ("Le Havre : Horizon inaugure…",
    # a registry name that is a common word) is no passing mention either.
    said = re.compile(rf"(?<!\w){re.escape(text[named[0].start : named[0].end])}(?!\w)")
    return named[0] if len(said.findall(text)) == 1 else None
