"""Sectors: lexicon terms found on lemmas, weighed into a decision with its evidence.

A document gets a sector when the evidence is strong enough: a term in the title, several
distinct terms (or one term repeated) in the text, or a company it is about whose NAF code
belongs to the sector together with at least one term of the sector in the text. The
document's leading sector needs less: two distinct terms, as a short brief gives, or one
term a trade noun governs ("Gaudard, a Dijon mustard maker, cuts 25 jobs"). A
mention counts once (the longest term found there; its forms one term), and a term a
trade noun governs ("le fabricant de fromages") weighs more than one in passing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from myrtille.enrichment.doctext import columns_of, text_of
from myrtille.enrichment.lexicons import LexiconEntry, naf_sectors
from myrtille.enrichment.morphs import feature
from myrtille.enrichment.patterns import PatternSet
from myrtille.enrichment.sector_asides import (
    USERS_ARE_TRADE,
    aimed_at,
    aside,
    overshadowed,
    sentence_start,
)
from myrtille.enrichment.sector_cues import CueWords, LemmaCases, cues_of
from myrtille.enrichment.sector_forms import TermForms
from myrtille.enrichment.sector_fuel import DETERMINERS, FUEL_SECTOR, fuel
from myrtille.enrichment.sector_idioms import set_phrase
from myrtille.enrichment.sector_leads import lead_sentence, on_lead_weight
from myrtille.enrichment.sector_mentions import mentions_of
from myrtille.enrichment.trade_statements import heading, made, named, stated_trades

TITLE_WEIGHT = 3.0
TERM_WEIGHT = 1.0
REPEAT_WEIGHT = 0.5
# Below THRESHOLD: a linked company's NAF code alone does not make a document about its
# sector when the text names another sector as much (the company may be named for a site,
# a supplier deal); with one term of the sector in the text, or as the lead, it does.
COMPANY_WEIGHT = 2.0
THRESHOLD = 3.0
# The sector with the most evidence in a document is what it is about when two distinct
# terms name it ("l'éditeur de logiciels Quadrix … son logiciel"): a brief rarely says its
# sector three times, and a sector named in passing (a client, a comparison) is seldom the
# leading one. Tuning set: recall 0.840 -> 0.875 with the registry, 0.806 -> 0.859 without,
# one more false sector; on the 120 news3 documents nobody had tuned for, F1 0.871 -> 0.913.
LEAD_THRESHOLD = 2.0
LEAD_TERMS = 2
# So is the leading sector of a firm whose trade the text states once ("a building firm",
# "le sous-traitant automobile X", "a Dijon mustard maker"): what the firm is, the text's
# subject. Tuning recall 0.875 -> 0.880 (one more false sector, a bike maker the
# annotators gave no sector); news3 F1 0.913 -> 0.924.
# A term governed by a trade noun ("le fabricant de fromages", "a cheese maker") states
# what a firm does, not something it mentions: it weighs more than a term in passing (tuning
# set: precision and recall unchanged at 1.5; on new text recall rose, at 2 precision fell).
TRADE_WEIGHT = 1.5
# When the leading sector is the firm's own (its trade stated, or its registered code), a
# second sector whose evidence states no firm's trade is what the firm serves, supplies or
# stands beside ("a software firm wins a hospital contract", "a solar farm on vineyard
# land", "hydrogen for the chemical platform next door"): it needs the title and two
# mentions, or as much. Session 5: tuning 15 false sectors fewer, 2 found fewer.
SERVED_THRESHOLD = 4.5
LEAD_TRADE_WEIGHT = TITLE_WEIGHT  # Session 13: the lead's first trade (`sector_leads`)
WEIGHTS = {"title": TITLE_WEIGHT, "lead": LEAD_TRADE_WEIGHT, "trade": TRADE_WEIGHT}
WEIGHTS |= {"text": TERM_WEIGHT, "header": TITLE_WEIGHT}  # `trade_statements.heading`
# Session 13: nouns said of a firm as often as "maker" ("l'éditeur rennais de logiciels").
TRADES_SAID_OF_A_FIRM = (
    *("editeur", "distributeur", "negociant", "transformateur", "concepteur", "installateur"),
    *("prestataire", "publisher", "distributor", "merchant", "processor", "contractor"),
    *("installer", "designer"),
)
# Nouns that name what a firm is (folded lemmas).
TRADE_NOUNS = frozenset(
    {
        *("fabricant", "producteur", "specialiste", "constructeur", "fournisseur"),
        *("equipementier", "sous-traitant", "industriel", "groupe", "entreprise", "societe"),
        *("pme", "eti", "acteur", "leader", "exploitant", "operateur"),
        *("maker", "manufacturer", "producer", "supplier", "specialist", "firm", "company"),
        *("group", "business", "startup", "start-up", "operator", "provider", "giant", "player"),
        *TRADES_SAID_OF_A_FIRM,
    }
)
PREPOSITIONS = frozenset({"de", "du", "des", "d'", "en", "dans", "of", "in"})
# Words that may stand between a trade noun and its "de": adjectives of place or kind
# ("le groupe nantais de bâtiment", "le fabricant familial de fromages").
QUALIFIERS = ("ADJ",)
# What stands before a class of clients: "pour les hôpitaux", "for the hospitals".
CLIENT_LINKS = frozenset({"pour", "for", "from", "auprès"})
CLIENT_ARTICLES = frozenset({"les", "des", "la", "le", "l'", "the", "de"})
# How far back a trade noun may govern a term across qualifiers, and what may stand
# between them ("a maker of long - range inspection drones").
ACROSS = 8
ACROSS_TAGS = ("ADJ", "NUM", "DET")
# The words `_client` and a trade noun's rules hold at (`sector_cues`), and the verbs'.
TRADE_CUES = CueWords(lemmas=TRADE_NOUNS)
LINK_CUES = CueWords(lowers=CLIENT_LINKS)
VERBAL_POS = frozenset({IDS["VERB"], IDS["AUX"]})


@dataclass
class SectorScore:
    code: str
    score: float = 0.0
    terms: int = 0  # distinct terms found (the title's and the text's apart)
    trade: bool = False  # one of them governed by a trade noun
    sentences: set[int] = field(default_factory=set)  # where the text's mentions stand
    evidence: list[dict[str, Any]] = field(default_factory=list)


class SectorMatcher:
    def __init__(self, nlp: Language, sectors: list[LexiconEntry], language: str) -> None:
        self.sectors = {s.code: s for s in sectors}
        self.matcher = PatternSet.from_lexicon(nlp.vocab, "sector", sectors, language)
        self.forms = TermForms(nlp, sectors, language)
        self._cases = LemmaCases()  # `sector_cues`

    def naf_sectors(self, naf: str | None) -> tuple[str, ...]:
        return naf_sectors(naf, list(self.sectors.values()))

    def score(
        self, doc: Doc, title_end: int, companies_naf: list[tuple[str, str | None]]
    ) -> list[SectorScore]:
        """Sectors whose evidence reaches the threshold, strongest first."""
        scores: dict[str, SectorScore] = {}
        # Per sector and term (its lemmas): where it weighs most, how often, as first seen.
        found: dict[str, dict[tuple[bool, str], list[Any]]] = defaultdict(dict)
        sentences: dict[str, set[int]] = defaultdict(set)
        cues_of(doc, self._cases)
        # Each match once (matcher and forms find most terms two or three times: ~40 matches
        # a document, 14 distinct); what follows reads a match alone, `mentions_of` a set.
        matches = list(dict.fromkeys(self.matcher(doc) + self.forms(doc)))
        matches = [m for m in matches if not _verb(doc, m[1], m[2])]
        mentions = mentions_of([m for m in matches if not set_phrase(doc, m[1], m[2], m[0])])
        mentions, stated, clients = stated_trades(doc, mentions)
        own_words: set[str] = set()  # sectors named other than as a class of clients
        lead_start, lead_end = lead_sentence(doc, title_end)
        lead_sector = ""
        for code, start, end in mentions:
            # A notice's clients, a vehicle's fuel and a product's users are no evidence.
            if (
                (code, start, end) in clients
                or (code == FUEL_SECTOR and fuel(doc, start, end))
                or (aimed_at(doc, start, end, code) and code not in USERS_ARE_TRADE)
            ):
                continue
            if code in USERS_ARE_TRADE or not _client(doc, start, end):
                own_words.add(code)
            where = (
                "title"
                if doc[start].idx < title_end
                else "trade"
                if (code, start, end) in stated or _trade(doc, start, end)
                else "text"
            )
            where = "header" if where == "trade" and heading(doc, start) else where
            if lead_start <= start < lead_end:
                # The lead's first sector is its firm's; a trade stated after it, a
                # client's or a partner's ("the haulier … for a cheese maker"). A name
                # ("TAXIS DU LÉMAN, SARL") states nothing.
                lead_sector = lead_sector or code
                if where == "trade" and code == lead_sector and not named(doc, start, end):
                    where = "lead"
            # The title's terms and the text's are evidence apart, as before.
            key = (where == "title", _term(doc, start, end))
            term = found[code].get(key)
            if term is None:  # the term's text made once, where it is first seen
                term = found[code][key] = [_text(doc, start, end).lower(), where, 0]
            if WEIGHTS[where] > WEIGHTS[term[1]]:
                term[1] = where
            term[2] += 1
            if where != "title":
                sentences[code].add(sentence_start(doc, start))
        # Sorted: the order of equal scores must not follow the process's hash seed.
        for code in sorted(found):
            entry = scores.setdefault(code, SectorScore(code, sentences=sentences[code]))
            for (in_title, _), (text, where, count) in sorted(found[code].items(), reverse=True):
                entry.terms += 1
                if in_title:
                    entry.score += TITLE_WEIGHT
                    entry.evidence.append({"term": text, "where": "title"})
                    continue
                entry.score += WEIGHTS[where] + REPEAT_WEIGHT * (count - 1)
                entry.trade = entry.trade or where in ("trade", "lead", "header")
                entry.evidence.append({"term": text, "where": where, "count": count})
        for company_id, naf in companies_naf:
            for code in self.naf_sectors(naf):
                entry = scores.setdefault(code, SectorScore(code))
                entry.score += COMPANY_WEIGHT
                entry.evidence.append({"company": company_id, "naf": naf})
        lead = max((s.score for s in scores.values()), default=0.0)
        kept = [
            s
            for s in scores.values()
            if s.score >= THRESHOLD
            or (
                s.score == lead
                and (
                    s.trade
                    or (s.score >= LEAD_THRESHOLD and s.terms >= LEAD_TERMS)
                    or _registered(s)
                )
            )
        ]
        if not kept:
            kept = _sole(scores, own_words)
        kept.sort(key=lambda s: (-s.score, s.code))
        if kept and _own(kept[0]):
            kept[1:] = [s for s in kept[1:] if _own(s) or s.score >= SERVED_THRESHOLD]
        kept[1:] = [s for s in kept[1:] if not _passing(s)]
        if any(not aside(s) for s in kept):
            kept = [s for s in kept if not aside(s)]
        kept = kept[:1] + [s for s in kept[1:] if not overshadowed(s.score, kept[0].score)]
        return kept[:1] + [s for s in kept[1:] if not on_lead_weight(s, THRESHOLD)]


def _passing(score: SectorScore) -> bool:
    """Whether a sector beside the lead rests on a registered company and a term in
    passing only: the company is a client, a neighbour or a shareholder the text names
    ("to supply hydrogen to its neighbour Chimirex ... its chemical platform"), or its
    activity code files it elsewhere than its text (a hydrogen producer registered in
    industrial gases, 20.11); with neither its trade stated nor the title naming it, it
    needs SERVED_THRESHOLD. Session 6: tuning 0.945 -> 0.947 (tp 970 -> 968, fp 61 ->
    56), validation 0.947 -> 0.954 (fp 6 -> 4)."""
    return (
        _registered(score)
        and score.score < SERVED_THRESHOLD
        and not score.trade
        and not any(e.get("where") == "title" for e in score.evidence)
    )


def _sole(scores: dict[str, SectorScore], own_words: set[str]) -> list[SectorScore]:
    """The only sector the text names at all, when none reaches its threshold: a brief,
    a notice or a staff letter often names its firm's trade once and nothing else ("PAB,
    which machines parts for helicopter engines", "fonds de commerce de restaurant", "le
    spécialiste des capteurs optroniques"); with nothing else named, it is what the text
    is about. A sector of a company alone (no term) is left to `_registered`, and one
    named only as a class of clients ("demand from chemical companies", "des
    applications pour les hôpitaux") is not the firm's. Session 6: tuning tp 954 -> 964,
    fp 56 -> 61; validation F1 0.933 -> 0.947 (3 found, none false). Session 8: sectors
    named only as clients do not count as others ("un utilitaire électrique destiné aux
    livreurs", "German carmakers' plants"): tuning tp +2, fp unchanged."""
    named = [
        s for s in scores.values() if any("term" in e for e in s.evidence) and s.code in own_words
    ]
    return named if len(named) == 1 else []


def _client(doc: Doc, start: int, end: int) -> bool:
    """Whether the term names a class of clients or peers: a trade noun in the plural
    holds it ("chemical companies", "plusieurs groupes pharmaceutiques"), or "pour",
    "for", "from" and an article stand before it ("pour les hôpitaux"). (A product's
    users are no evidence at all: `sector_asides.aimed_at`.)"""
    cues = cues_of(doc)
    # The trade nouns of the term, the word after it and the two before (their positions
    # are those of TRADE_CUES, the lemmas of TRADE_NOUNS: no other token is read).
    for i in cues.within(TRADE_CUES, start - 2, end + 1):
        if "Plur" in feature(doc[i], "Number"):
            return True
    if not cues.near(LINK_CUES, start - 2, start - 1):
        return False
    before = [t.lower_ for t in doc[max(start - 2, 0) : start]]
    return len(before) == 2 and before[0] in CLIENT_LINKS and before[1] in CLIENT_ARTICLES


def _own(score: SectorScore) -> bool:
    """Whether the sector is a firm's own: a term of it in the text states a trade ("le
    fabricant de fromages", "a software firm"), or a company the document is about is
    registered in it. (A trade in the title only was tried too: 3 more false sectors.)"""
    return score.trade or _registered(score)


def _registered(score: SectorScore) -> bool:
    """Whether the (leading) sector is that of a company the document is about (its NAF
    code): no term of another sector outweighs it, and a notice or a brief about a firm
    need not say its trade ("X, société par actions simplifiée. Président : …", "L'éditeur
    X a été choisi par…", "X invests in a cellar for 60,000 wheels of Comté"). Readers
    file such news under the firm's sector. Tuning (with the registry) F1 0.924 -> 0.927
    (7 more sectors found, 2 more false); validation unchanged (0.893)."""
    return any("company" in e for e in score.evidence)


def _term(doc: Doc, start: int, end: int) -> str:
    # The folded lemmas (which the patterns matched on): "entrepôts" and "entrepôt" are
    # one term, repeated, not two distinct terms. Read on the lemma column, no Token made.
    lemmas, strings = columns_of(doc)[0], doc.vocab.strings
    return " ".join(strings[h] or doc[i].lower_ for i, h in enumerate(lemmas[start:end], start))


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the document's text (no Span made, no join)."""
    last = doc[end - 1]
    return text_of(doc)[doc[start].idx : last.idx + len(last)]


def _verb(doc: Doc, start: int, end: int) -> bool:
    """A one-word term the text uses as a conjugated verb is another word: "le groupe
    conserve son siège" (the lemmatizer gives "conserve"). Only finite forms: taggers
    read nouns at the head of a title as infinitives ("Hydropower plant ...")."""
    if end - start != 1:
        return False
    token = doc[start]
    return token.pos in VERBAL_POS and "Fin" in feature(token, "VerbForm")


def _trade(doc: Doc, start: int, end: int) -> bool:
    """Whether a trade noun governs the term: "le fabricant de fromages", "la PME
    textile", "a maker of aircraft parts", "a cheese maker", "specialist in logistics";
    or the term holds its own ("le sous-traitant automobile", "a building firm")."""
    if not cues_of(doc).near(TRADE_CUES, start - ACROSS, end + 1):
        return made(doc, start) or named(doc, start, end)
    if end - start > 1 and (_firm(doc[start]) or _firm(doc[end - 1])):
        return True
    # The three words before the term, read by position (no Span made).
    if start >= 1 and _firm(doc[start - 1]):
        return True
    if start >= 2 and doc[start - 1].lemma_ in PREPOSITIONS and _firm(doc[start - 2]):
        return True
    if (
        start >= 3
        and doc[start - 1].lemma_ in DETERMINERS
        and doc[start - 2].lemma_ in PREPOSITIONS
        and _firm(doc[start - 3])
    ):
        return True
    if end < len(doc) and _firm(doc[end]):
        return True
    return (
        _governed(doc, start) or _across(doc, start) or made(doc, start) or named(doc, start, end)
    )


def _across(doc: Doc, start: int) -> bool:
    """Whether a trade noun governs the term across what the windows above do not see:
    a compound qualifier ("a maker of long-range inspection drones", split long - range)
    or the noun the term qualifies ("le spécialiste des capteurs optroniques", "le
    fabricant de pièces automobiles"). That noun must hold the term directly: in "le
    constructeur de bateaux de pêche" the firm makes boats, and fishing is its clients'."""
    nouns = prepositions = 0
    for i in range(start - 1, max(start - ACROSS, -1), -1):
        token = doc[i]
        if _firm(token):
            return prepositions > 0
        if token.lemma_ in PREPOSITIONS or token.lower_ in PREPOSITIONS:
            prepositions += 1
        elif token.pos_ == "NOUN" and nouns == 0 and prepositions == 0:
            nouns += 1
        elif not (token.lemma_ in DETERMINERS or token.pos_ in ACROSS_TAGS or token.text == "-"):
            return False
    return False


def _firm(token: Token) -> bool:
    """A trade noun naming one firm: in the plural it names a class of firms, most
    often the text's clients or peers ("steelmakers and chemical companies want price
    certainty", "demand from grid operators", "plusieurs groupes de luxe"), not what
    the firm the text is about is."""
    return token.lemma_ in TRADE_NOUNS and "Plur" not in feature(token, "Number")


def _governed(doc: Doc, start: int) -> bool:
    """Whether a trade noun governs the term across one or two adjectives, which the word
    window above does not see: "le groupe nantais de bâtiment et de travaux publics", "le
    fabricant alsacien de choucroute", "l'exploitant régional de lignes de car"."""
    i = start - 1
    if i >= 0 and doc[i].lemma_ in DETERMINERS:
        i -= 1
    if i < 0 or doc[i].lemma_ not in PREPOSITIONS:
        return False
    i -= 1
    skipped = 0
    while i >= 0 and skipped < 2 and doc[i].pos_ in QUALIFIERS:
        i, skipped = i - 1, skipped + 1
    return skipped > 0 and i >= 0 and doc[i].lemma_ in TRADE_NOUNS
