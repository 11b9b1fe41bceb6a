"""A headline of two clauses, each with its own subject (session 12).

"Ohio graphite supplier files for Chapter 11; Cellvia says supply secure", "Cellvia commits
€250m to its plant, subsidiary to hire 300", "Semaine normande : des dockers recherchés, une
papeterie ferme" join two pieces of news in one line. The parse of such a line is poor (a
headline has no full stop and few function words), and it often hangs the first clause on
the second's verb, whose subject is the firm the article names. An event of a clause whose
subject is a firm only described — by its tie to another (a supplier, a subsidiary, a
customer), or as some firm ("a paper mill", "un sous-traitant") — is that other firm's,
whose name the line does not give: neither the firm of the other clause nor the article's.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.indefinite_firms import FIRM_WORDS, INDEFINITE
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.ties import TIE_LEMMAS

# Where a headline's clauses meet: a semicolon, or a comma before the next clause.
_SEPARATOR = re.compile(r";|,\s")
# A kicker before the headline proper ("Normandie : …", "Week in review — …").
_KICKER = re.compile(r"[:—–]\s")
_TIES = frozenset(fold(word) for word in TIE_LEMMAS) | {"suppliers", "subsidiaries"}


def described_other(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], text: str
) -> bool:
    """Whether ``trigger`` is in a clause of the headline whose subject is a firm described,
    not named, beside another clause: its event is no firm's the document names."""
    title_end = text.find("\n")
    if title_end < 0 or trigger.start_char >= title_end:
        return False
    kicker = max((m.end() for m in _KICKER.finditer(text, 0, title_end)), default=0)
    separators = [m for m in _SEPARATOR.finditer(text, kicker, title_end)]
    if not separators:
        return False
    begin = max((m.end() for m in separators if m.end() <= trigger.start_char), default=kicker)
    if any(begin <= m.start < trigger.start_char for m in mentions if m.end > m.start):
        return False  # the clause names its subject
    words = [
        fold(t.lower_)
        for t in sentence.doc[trigger.start - min(trigger.start, 8) : trigger.start]
        if t.idx >= begin and not t.is_punct and not t.is_space
    ]
    if not words:
        return False
    if words[0] in INDEFINITE and any(w in FIRM_WORDS for w in words[1:]):
        return True  # "…, a paper mill shuts", "…, une fonderie ferme"
    # "Ohio graphite supplier files …; Cellvia says …": a tie to the firm another clause
    # names as its own subject.
    others = [m for m in mentions if kicker <= m.start < title_end and m.end > m.start]
    return any(w in _TIES for w in words) and any(
        not begin <= m.start < trigger.start_char for m in others
    )


__all__ = ["described_other"]
