"""Sectors a text names beside its news: for a product's users, or in one sentence only.

- A product's users: "un utilitaire électrique destiné aux artisans et aux livreurs", "a
  geotextile aimed at road builders", "intended for hospitals", "à destination des
  hôteliers" name the firm's clients, not its trade, like "pour les hôpitaux".
- One sentence: a second sector all of whose mentions stand in one sentence of the text
  (not the title, no trade stated, no company registered in it) is an aside: the farms
  that supply a biogas unit, a manager's former career, a market background sentence.
- Little beside much: a second sector with under 45% of the lead's evidence is what a
  text about the lead names beside it: a client industry, a partner, a parent company.
"""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc

from myrtille.enrichment.doctext import sentence_of
from myrtille.enrichment.sector_buyers import bought_by
from myrtille.enrichment.sector_clients import named_clients
from myrtille.enrichment.sector_cues import CueWords, cues_of

# Words that address a product or a service to its users (folded lemmas and forms).
AIMED_WORDS = frozenset(
    {
        *("destiner", "destine", "destinee", "destines", "destinees", "destination"),
        *("aimed", "aim", "intended", "intend", "targeted", "target", "geared"),
        *("designed", "dedicated"),
    }
)
# What links them to the users: "destiné aux", "à destination des", "aimed at", "for".
AIMED_LINKS = frozenset({"a", "à", "au", "aux", "at", "for", "to", "de", "des", "du"})
# What may stand between: the users named before the term ("aux artisans et aux
# livreurs"), their articles and adjectives.
AIMED_BETWEEN = ("DET", "ADJ", "CCONJ", "NOUN", "PROPN", "ADP", "PUNCT")
AIMED_REACH = 8
AIMED_CUES = CueWords(lowered=AIMED_WORDS, lowers=AIMED_WORDS)  # `sector_cues`
SENTENCE_ENDS = frozenset({".", ";", ":", "!", "?"})


def aimed_at(doc: Doc, start: int, end: int | None = None, code: str = "") -> bool:
    """Whether the term at ``start`` names the users a product is aimed at ("destiné aux
    livreurs urbains", "aimed at road builders and river authorities"), or a firm's
    clients (`sector_clients`: "nos clients sont des maraîchers") or buyers
    (`sector_buyers`: "sold to hauliers")."""
    stop = start + 1 if end is None else end
    if named_clients(doc, start, stop) or bought_by(doc, start, stop, code):
        return True
    if not cues_of(doc).near(AIMED_CUES, start - AIMED_REACH, start):
        return False
    linked = False
    for i in range(start - 1, max(start - AIMED_REACH - 1, -1), -1):
        token = doc[i]
        if token.lemma_.lower() in AIMED_WORDS or token.lower_ in AIMED_WORDS:
            return linked
        if token.lower_ in AIMED_LINKS:
            linked = True
        elif token.pos_ not in AIMED_BETWEEN or token.text in SENTENCE_ENDS:
            return False
    return False


# Sectors whose users are the trade itself: equipment "destiné aux armées", "designed for
# the armed forces" is defence equipment, whoever makes it (session 12: a laser maker's
# detection systems for the army, filed under defence by its annotator, lost it here), and
# "for the armed forces" names no class of clients (`sectors._client`) either.
USERS_ARE_TRADE = frozenset({"defence"})


class Scored(Protocol):
    sentences: set[int]
    trade: bool
    evidence: list[dict[str, Any]]


def aside(score: Scored) -> bool:
    """Whether a sector is named in one sentence of the text only, with no trade stated,
    not in the title and no company registered in it: dropped when another sector is
    named more widely (`sectors.SectorMatcher.score`). The farms that supply a biogas unit
    ("manure and crop residues supplied by 35 farms", however many words that sentence
    lists), a new manager's former trade, a background sentence. Session 8: tuning fp 56
    -> 54, tp 1084 -> 1083 (a chamber's survey naming its sectors in one sentence)."""
    return (
        len(score.sentences) == 1
        and not score.trade
        and not any(e.get("where") == "title" or "company" in e for e in score.evidence)
    )


# A second sector is kept only with at least this share of the leading sector's evidence.
# Session 9, from news8-10 (by six authors): a plastics maker's car-industry clients, a
# software firm's hospital partner, a hydrogen venture's chemical parent each weighed
# 4-5 points beside a lead of 11-12. Tuning (with the registry) fp 74 -> 68, tp
# unchanged; at 50% two true sectors were lost (a lead of 10-12.5 beside 4.5-6).
BESIDE_SHARE = 0.45


def overshadowed(score: float, lead: float) -> bool:
    """Whether a sector beside the lead weighs too little to be news of its own: named
    by a text about the lead's firm, it is a client, a partner or a parent ("resins for
    the car industry ... a customer, a tier-one supplier to carmakers", "teams up with
    Caen University Hospital")."""
    return score < BESIDE_SHARE * lead


def sentence_start(doc: Doc, start: int) -> int:
    """The first token of the sentence that holds the term at ``start``."""
    return sentence_of(doc, start).start
