"""A firm described by its trade and its place, as the subject or the patient of an event
(session 13).

"The Grand-Couronne paper mill will close", "la liquidation judiciaire de la fonderie de
Nouzonville": a definite description that names a firm by what it makes and where it is,
not by its name. When no registry firm is named before it in its paragraph or in the
title (which the description would stand for: "The Toulouse company is putting €1m into
…"), nor in a sentence with that place, the firm is another than the article's (a
neighbour in a round-up, a firm the models did not recognise), and its event is no firm's
the document names. A site word ("the Rouen plant",
"l'usine de Calais") is left out: a site is its owner's, the article's firm.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.indefinite_firms import FIRM_WORDS
from myrtille.enrichment.patterns import fold

_DEFINITE = frozenset({"the", "la", "le", "l'", "l’"})
_OF = frozenset({"de", "du", "d'", "d’", "of"})
# Kinds whose firm the trigger's complement names ("la liquidation de la fonderie de X").
_PATIENT_KINDS = frozenset({"insolvency", "closure"})
# How many words the description may hold before its noun ("the Grand-Couronne paper mill").
_WITHIN = 4


def placed_firm(
    sentence: Span, begin: int, trigger: Span, kind: str, mentions: list[CompanyMention]
) -> bool:
    """Whether the trigger's subject (its clause from ``begin``), or for an insolvency or a
    closure its complement, is a firm described by its trade and a place that no registry
    firm of the document is named near."""
    doc = sentence.doc
    words = (t for t in doc[sentence.start : trigger.start] if t.idx >= begin and not t.is_space)
    opening = next((t for t in words if not t.is_punct), None)
    place = None
    # A description opens with its article: without one, the clause's words are not read
    # (``_described`` asks for it first; the trigger's noun would come after it).
    if opening is not None and opening.lower_ in _DEFINITE:
        before = [opening, *words]
        # The noun may open the trigger ("mill will close" is one trigger).
        before += [t for t in trigger[:1] if fold(t.lower_) in FIRM_WORDS]
        place = _described(before, whole=True)
    if place is None and kind in _PATIENT_KINDS:
        # "la liquidation judiciaire de la fonderie de X": past the trigger's adjectives
        following = (t for t in doc[trigger.end : sentence.end] if not t.is_space)
        after = list(islice((t for t in following if t.pos_ != "ADJ"), _WITHIN + 5))
        if after and after[0].lower_ in _OF:
            place = _described(after[1:], whole=False)
    if place is None:
        return False
    if _antecedent(sentence, mentions):
        return False  # "X won a contract. The Valenciennes-based manufacturer will recruit"
    return not any(place in sentence_text for sentence_text in _firms_sentences(sentence, mentions))


def _antecedent(sentence: Span, mentions: list[CompanyMention]) -> bool:
    """Whether a registry firm is named before ``sentence`` in its paragraph or in the
    title, which a description of a firm then stands for ("The Toulouse company is
    putting €1.2 million into …")."""
    text = text_of(sentence.doc)
    title_end = text.find("\n")
    paragraph = max(text.rfind("\n\n", 0, sentence.start_char), 0)
    return any(
        m.company_id and (paragraph <= m.start < sentence.start_char or m.start < title_end)
        for m in mentions
    )


def _firms_sentences(sentence: Span, mentions: list[CompanyMention]) -> list[str]:
    """The texts of the other sentences that name a registry firm, each within its line (a
    title has no full stop, and the recogniser may run it into the text)."""
    doc, text = sentence.doc, text_of(sentence.doc)
    found = []
    for mention in mentions:
        if mention.company_id and not sentence.start_char <= mention.start < sentence.end_char:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            around = span[0].sent
            begin = max(around.start_char, text.rfind("\n", 0, mention.start) + 1)
            end = text.find("\n", mention.end)
            found.append(text[begin : around.end_char if end < 0 else min(end, around.end_char)])
    return found


def _described(tokens: list[Token], whole: bool) -> str | None:
    """The place of a definite description of a firm that opens ``tokens`` ("the
    Grand-Couronne paper mill", "la papeterie de Grand-Couronne"), which are all the
    clause's words before its verb when ``whole``; None when they open with no such
    description."""
    if len(tokens) < 2 or tokens[0].lower_ not in _DEFINITE:
        return None
    words = tokens[1 : 1 + _WITHIN + 1]
    noun = next((i for i, t in enumerate(words) if fold(t.lower_) in FIRM_WORDS), None)
    if noun is None:
        return None
    places = [t for t in words[:noun] if t.text[:1].isupper() and t.pos_ == "PROPN"]
    rest = tokens[noun + 2 :]
    if len(rest) >= 2 and rest[0].lower_ in _OF and rest[1].text[:1].isupper():
        places.append(rest[1])  # "la fonderie de Nouzonville"
        rest = rest[2:]
    if whole and any(t.pos_ not in _VERBAL for t in rest):
        return None  # "the Rouen paper mill's owner …", "la papeterie de X, qui …"
    return max((t.text for t in places), key=len) if places else None  # "Grand-Couronne"


# What may stand between the subject and the trigger: "will", "a été", "va", "now".
_VERBAL = frozenset({"AUX", "VERB", "ADV", "PART"})
