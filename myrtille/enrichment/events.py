"""Economic events: lexicon patterns matched in sentences, with the company the sentence
is about, and the amount or number of jobs it states."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.amounts import parse_amount, parse_jobs
from myrtille.enrichment.attribution import BUYER, UNKNOWN, subject_of
from myrtille.enrichment.background import is_background
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.costs import costs
from myrtille.enrichment.deliveries import deliveries
from myrtille.enrichment.denials import hedge_scope
from myrtille.enrichment.distribution_deals import territory_next
from myrtille.enrichment.doctext import lemmas_of, sentence_of, span_text, text_of
from myrtille.enrichment.firm_mandates import firm_mandates
from myrtille.enrichment.headline_firms import unlisted_headline
from myrtille.enrichment.launch_objects import launched_products
from myrtille.enrichment.launches import named_launches
from myrtille.enrichment.lexicons import LexiconEntry
from myrtille.enrichment.market_entries import market_entries
from myrtille.enrichment.news_reading import not_news, ruled_out
from myrtille.enrichment.newsworthy import DESCRIPTORS
from myrtille.enrichment.notice_reading import dated_act, dropped, in_activity_field, paired
from myrtille.enrichment.partners import with_partners
from myrtille.enrichment.patterns import PatternSet
from myrtille.enrichment.salience import in_passing, news_events
from myrtille.enrichment.settlements import settlements
from myrtille.enrichment.sites_abroad import sites_abroad
from myrtille.enrichment.syntax import HEDGING_LEMMAS, SentenceParser
from myrtille.enrichment.syntax import hedged as governed_by_doubt
from myrtille.enrichment.takeovers import takeovers
from myrtille.enrichment.ties import former_employer
from myrtille.enrichment.won_objects import won_objects

MAX_SENTENCE_CHARS = 600
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DISTRIBUTION = re.compile(r"\bdistribu\w*|\bimport(?:at|er)\w*|\bcommerciali\w*", re.I)
# A deal called a partnership (session 12).
_CALLED_PARTNERSHIP = re.compile(r"\bpartena\w*|\bpartner\w*", re.IGNORECASE)
# A sentence that denies, doubts or asks reports no event ("n'exclut pas une levée de
# fonds", "dément toute fermeture", "could hire", "Allez-vous lever des fonds ?").
HEDGES = re.compile(
    r"\bn['’]\s?(?:exclu\w*|envisag\w*|a jamais|est pas|a pas)\b|"
    r"\bne\s+(?:(?:se|s['’]|le|la|les|l['’]|lui|leur|y|en)\s?)?\w+\s+pas\b|"
    r"\bd[ée]men(?:t|ti|tent)\b|\bd[ée]mentir\b|\bpas question\b|\bpourr(?:ait|aient|ions|ons)\b|"
    r"\brumeurs?\b|\bsi (?:une|un|le|la|les)\b|\bn['’]\s?y\s+a\s+(?:pas|aucun\w*|plus)\b|"
    r"\bh[ée]sit\w*|\bhesitat\w*|"
    r"\b(?:denied|denies|deny|rules? out|ruled out|could|might|would|considering|"
    r"no\s+(?:\w+\s+)?plans?|not)\b",
    re.IGNORECASE,
)


# Reported speech announces: "said it would recruit 70 technicians" is no hypothesis, nor
# is "said it had laid up a third of its fleet and would close its depot" (session 8).
REPORTED = re.compile(
    r"\b(?:said|says|announced|confirmed|added|told\s+\w+)\s+(?:that\s+)?"
    r"(?:it|they|the\s+(?:company|group|firm))\s+"
    r"(?:(?:had|has|have)\s+[^.;:?!\"“”,]{1,60}?\s+and\s+)?would\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def hedged(sentence: str) -> bool:
    # Memoised: a function of the text alone, asked again for each trigger in a sentence.
    sentence = REPORTED.sub(lambda m: m.group()[:-5] + "will", sentence)
    return sentence.rstrip().endswith("?") or HEDGES.search(sentence) is not None


@dataclass
class Event:
    type: str
    sentence: str
    start: int
    end: int
    company_id: str | None
    company: str | None
    amount: float | None = None
    currency: str | None = None
    jobs: int | None = None


class EventMatcher:
    def __init__(self, nlp: Language, events: list[LexiconEntry], language: str) -> None:
        self.matcher = PatternSet.from_lexicon(nlp.vocab, "event", events, language)
        self.parse = SentenceParser(nlp)
        # Triggers found by parse_ahead, per document (by id, with the document).
        self._ahead: dict[int, tuple[Doc, list[tuple[str, int, int]]]] = {}
        # Per document, the part of each trigger's sentence shown (None: hedged, background).
        self._shown_ahead: dict[int, tuple[Doc, dict[tuple[int, int], Span | None]]] = {}

    def parse_ahead(
        self, documents: list[tuple[Doc, list[CompanyMention], datetime | None, int]]
    ) -> None:
        """Parse in one call of the parser the sentences ``find`` may want parsed in each
        of ``documents`` (doc, mentions, published, title_end), which costs about half as
        much as one sentence at a time (syntax.py). A trigger of a type already shown in
        its sentence is left to ``find``, which reads it only when the first gave no
        event (then it is parsed on its own): what ``find`` answers does not change."""
        self._ahead, self._shown_ahead = {}, {}
        sentences = []
        for doc, mentions, published, title_end in documents:
            triggers = self._triggers(doc)
            self._ahead[id(doc)] = (doc, triggers)
            shown_of: dict[tuple[int, int], Span | None] = {}
            self._shown_ahead[id(doc)] = (doc, shown_of)
            # A type shown once in a sentence: ``find`` keys its events so, and reads the
            # next trigger of that key only when the first gave no event.
            shown_keys: set[tuple[str, int]] = set()
            for label, start, end in triggers:
                sentence = sentence_of(doc, start)
                key = (label, sentence.start_char)
                if key in shown_keys:
                    continue
                trigger = doc[start:end]
                shown = shown_of[(start, end)] = _shown(sentence, trigger, published, title_end)
                if shown is None or ruled_out(label.split(":", 1)[1], shown, trigger, text_of(doc)):
                    continue  # session 15: ruled out by its words alone, it is not parsed
                shown_keys.add(key)
                if _worth_parsing(shown, trigger, mentions):
                    sentences.append(shown)
        self.parse.parse_ahead(sentences)

    def forget(self) -> None:
        """Let go of the documents kept by ``parse_ahead``."""
        self._ahead, self._shown_ahead = {}, {}
        self.parse.parse_ahead([])

    def _triggers(self, doc: Doc) -> list[tuple[str, int, int]]:
        ahead = self._ahead.pop(id(doc), None)
        if ahead is not None and ahead[0] is doc:
            return ahead[1]
        found = [
            *self.matcher(doc),
            *_purchases(doc),
            *takeovers(doc),
            *deliveries(doc),
            *costs(doc),
            *named_launches(doc),
            *launched_products(doc),
            *market_entries(doc),
            *settlements(doc),
        ]
        # s12: a firm hired for a job is a contract (firm_mandates.py), a loan won none
        # (won_objects.py); s15: a site opened abroad is an export (sites_abroad.py)
        return won_objects(doc, firm_mandates(doc, sites_abroad(doc, found)))

    def find(
        self,
        doc: Doc,
        mentions: list[CompanyMention],
        main_company: str | None,
        names: dict[str, str],
        *,
        published: datetime | None = None,
        title_end: int = 0,
    ) -> list[Event]:
        """``published``: the article's date, against which dated sentences are background;
        ``title_end``: where the title ends (a title is never background)."""
        # A sentence naming no firm: whose, read once if at all (the headline test: 0.3 ms)
        fallback: list[tuple[str | None, CompanyMention | None]] = []
        events: dict[tuple[str, int], Event] = {}
        buyers_of: list[tuple[str, int]] = []  # events of "the buyer", resolved at the end
        doc_text = text_of(doc)  # built once: Doc.text joins every token
        ahead = self._shown_ahead.pop(id(doc), None)
        shown_of = ahead[1] if ahead is not None and ahead[0] is doc else {}
        for label, start, end in self._triggers(doc):
            kind = label.split(":", 1)[1]
            sentence = sentence_of(doc, start)
            key = (kind, sentence.start_char)
            trigger = doc[start:end]
            if key in events and not _hidden_lead(events[key], start, doc, title_end):
                continue
            shown = (
                shown_of[(start, end)]
                if (start, end) in shown_of
                else _shown(sentence, trigger, published, title_end)
            )
            if shown is None or ruled_out(kind, shown, trigger, doc_text):
                continue  # no event whatever the parse (news_reading.py): none parsed
            parsed = self.parse(shown) if _worth_parsing(shown, trigger, mentions) else None
            if parsed is not None and governed_by_doubt(parsed.trigger(trigger)):
                continue
            if not_news(kind, shown, trigger, parsed, doc_text):
                continue
            subject = subject_of(shown, trigger, kind, mentions, parsed, doc_text)
            company_id, company = (subject.company_id, subject.name) if subject else (None, None)
            if key in events:  # session 13: the lead's firm for a title naming none
                if company_id is not None:
                    events[key] = replace(events[key], company_id=company_id, company=company)
                continue
            if subject is BUYER:
                buyers_of.append(key)
                company = None
            elif subject is UNKNOWN:
                company = None
            elif company_id is None and company is None:
                if not fallback:
                    fallback.append(_fallback(doc, mentions, main_company, title_end))
                main, passing = fallback[0]
                if main:
                    company_id, company = main, names.get(main)
                elif _next_to(passing, sentence):
                    company_id, company = passing.company_id, names.get(passing.company_id or "")
            text = span_text(sentence).strip()
            amount = (
                parse_amount(text)
                if kind in ("fundraising", "acquisition", "investment", "contract")
                else None
            )
            jobs = parse_jobs(text) if kind in ("hiring", "closure", "investment") else None
            events[key] = Event(
                type=kind,
                sentence=span_text(shown).strip()[:MAX_SENTENCE_CHARS],
                start=shown.start_char,
                end=shown.end_char,
                company_id=company_id,
                company=company,
                amount=amount[0] if amount else None,
                currency=amount[1] if amount else None,
                jobs=jobs,
            )
        # "le repreneur", "the new owner": the buyer of the takeover the document reports.
        bought = sorted(
            (e for k, e in events.items() if e.type == "acquisition" and k not in buyers_of),
            key=lambda e: e.start,
        )
        for key in buyers_of if bought else ():
            events[key] = replace(
                events[key], company_id=bought[0].company_id, company=bought[0].company
            )
        for (kind, at), event in list(events.items()):
            # A contract won abroad is export news too (abroad.py), and so is a deal with a
            # distributor or importer abroad ("a distribution deal with a Japanese retailer").
            sells = kind == "contract" or (
                kind == "partnership" and _DISTRIBUTION.search(event.sentence) is not None
            )
            if sells and ("export", at) not in events and names_abroad(event.sentence):
                events[("export", at)] = replace(
                    event, type="export", amount=None, currency=None, jobs=None
                )
            elif sells and ("export", at) not in events and territory_next(doc, event):
                # session 13: a distribution deal whose territory the next sentence names is
                # that export, not a customer's contract (distribution_deals.py)
                events[("export", at)] = replace(
                    event, type="export", amount=None, currency=None, jobs=None
                )
                if kind == "contract":
                    del events[(kind, at)]
            # session 12: an agreement with a distributor or importer abroad, or to distribute
            # abroad ("a conclu avec le distributeur émirien X un accord pour vendre", "an
            # agreement to distribute its cheeses across Japan") is that export, not a
            # partnership, unless the text calls it one (as aboutness.py reads "un accord de
            # distribution")
            if (
                kind == "partnership"
                and ("export", at) in events
                and _DISTRIBUTION.search(event.sentence)
                and not _CALLED_PARTNERSHIP.search(event.sentence)
            ):
                del events[(kind, at)]
        # A sale plan or a closing judgment, a call for tenders: no such news (notice_reading).
        gone = {kind: dropped(kind, doc_text) for kind in {kind for kind, _ in events}}
        events = {k: e for k, e in events.items() if not gone[k[0]]}
        # The events the document is about, not those it mentions in passing (salience.py).
        news = news_events(sorted(events.values(), key=lambda e: (e.start, e.type)), doc, title_end)
        return with_partners(paired(news, doc_text), doc_text, mentions, names)  # partners.py


def _hidden_lead(title_event: Event, start: int, doc: Doc, title_end: int) -> bool:
    """Whether a trigger of the lead the recogniser ran into the title may name the firm the
    title only describes ("Rodez joiner wins …" over "X, the Rodez joinery shop, has won")."""
    return title_event.company_id is None and title_event.start < title_end <= doc[start].idx


def _fallback(
    doc: Doc, mentions: list[CompanyMention], main_company: str | None, title_end: int
) -> tuple[str | None, CompanyMention | None]:
    """The company of the events whose sentence names none: the document's main company,
    unless the headline is about a firm outside the registry; or, when the main company is
    named once below the top, that mention (the subject only of the sentences next to its
    name: "X, in Bourges, … The company is recruiting 70 engineers")."""
    if main_company and unlisted_headline(doc, mentions, title_end):
        return None, None  # an article about a firm outside the registry
    passing = in_passing(doc, mentions, main_company, title_end) if main_company else None
    return (None, passing) if passing is not None else (main_company, None)


def _shown(
    sentence: Span, trigger: Span, published: datetime | None, title_end: int
) -> Span | None:
    """The part of ``sentence`` an event of ``trigger`` is read in and shown with, or None
    when the sentence denies or doubts, or tells of the past."""
    # A title has no full stop: the sentence recogniser may run it into the text's first
    # sentence, so the trigger's own paragraph part is read, parsed and shown.
    part = _within_paragraph(sentence, trigger)
    if in_activity_field(trigger) or hedged(_hedge_scope(part, trigger)):
        return None  # a notice's activity field states a trade (notice_reading.py)
    if is_background(sentence, trigger, published, title_end) and not dated_act(sentence):
        return None  # a notice's dated judgment is its news (notice_reading.py)
    return part


# A relative clause that comes after the trigger qualifies a noun, not the event: "un
# accord avec une maison de couture, dont le nom n'a pas été révélé", "an order from a
# retailer, which did not disclose its value".
_TRAILING_RELATIVE = re.compile(r",\s*(?:dont|qui|où|whose|which|where)\b[^,;:()]*", re.IGNORECASE)


def _hedge_scope(part: Span, trigger: Span) -> str:
    """The text of ``part`` whose hedges weigh on ``trigger``: its own clause
    (denials.py), without the relative clauses that open after it."""
    text = span_text(part)
    begin, end = hedge_scope(text, trigger.start_char - part.start_char, trigger)
    after = trigger.end_char - part.start_char
    kept = _TRAILING_RELATIVE.sub(lambda m: "" if m.start() >= after else m.group(), text[:end])
    return kept[begin:]


def _next_to(mention: CompanyMention | None, sentence: Span) -> bool:
    """Whether ``mention`` is in ``sentence`` or in the one before it, in its paragraph,
    and not as someone's former employer (session 13, ties.py: "elle a passé quinze ans
    chez X")."""
    if mention is None:
        return False
    begin = sentence_of(sentence.doc, sentence.start - 1).start_char if sentence.start else 0
    text = text_of(sentence.doc)
    if PARAGRAPH_BREAK.search(text, mention.end, max(mention.end, sentence.start_char)):
        return False  # another paragraph's firm
    return begin <= mention.start < sentence.end_char and not former_employer(text, mention.start)


def _purchases(doc: Doc) -> list[tuple[str, int, int]]:
    """Bare buying verbs ("has bought Ateliers Kermor"), outside the lexicon, which
    cannot tell a firm from a machine: ``newsworthy`` keeps those whose object the parse
    shows to be a firm."""
    # The lemma column, picked at C speed: a Token only for the buying words (their POS).
    buying = map(_BUYING.__contains__, lemmas_of(doc))
    return [
        ("event:acquisition", i, i + 1)
        for i in itertools.compress(itertools.count(), buying)
        if doc[i].pos == VERB
    ]


_BUYING = frozenset(get_string_id(word) for word in ("buy", "purchase"))


# Words that only the parse can weigh: verbs of intention or doubt, a firm's trade.
_PARSE_WORDS = HEDGING_LEMMAS | DESCRIPTORS | {"buy", "purchase"}
_PARSE_LEMMAS = frozenset(get_string_id(word) for word in _PARSE_WORDS)


def _worth_parsing(sentence: Span, trigger: Span, mentions: list[CompanyMention]) -> bool:
    """Whether the parse can change what word order finds, which keeps the parser to a
    few sentences: one with a word only the parse can weigh, or with companies unless a
    single one opens it ("Cellvia investit …" needs no parse)."""
    # The lemmas' hashes from the document's array: no Python Token per word.
    if any(h in _PARSE_LEMMAS for h in lemmas_of(sentence.doc)[sentence.start : sentence.end]):
        return True
    inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char]
    if not inside:
        return False
    opening = next((t for t in sentence if not t.is_space and not t.is_punct), trigger[0])
    return len(inside) > 1 or inside[0].start > opening.idx


def _within_paragraph(sentence: Span, trigger: Span) -> Span:
    """The part of ``sentence`` between the blank lines around ``trigger``: a title has
    no full stop, and the sentence recogniser would otherwise run it into the text's
    first sentence."""
    text = span_text(sentence)
    at = trigger.start_char - sentence.start_char
    begin, end = 0, len(text)
    for gap in PARAGRAPH_BREAK.finditer(text):
        if gap.end() <= at:
            begin = gap.end()
        elif gap.start() >= at:
            end = gap.start()
            break
    if (begin, end) == (0, len(text)):
        return sentence
    part = sentence.doc.char_span(
        sentence.start_char + begin, sentence.start_char + end, alignment_mode="expand"
    )
    return part if part is not None and len(part) else sentence
