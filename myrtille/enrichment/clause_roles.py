"""Roles of the words before an event's trigger that tell a clause's subject from a
complement: a connective that opens the sentence, a capitalised name before the trigger, a
firm named inside a relative clause (split out of ``attribution.py``)."""

from __future__ import annotations

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.firmnames import connective

_RELATIVES = frozenset({"qui", "que", "qu'", "dont", "which", "who", "whose", "that", "whom"})


def connective_opening(sentence: Span) -> bool:
    """Whether the sentence opens with a connective before its comma ("Instead, the group
    …", "Ensuite, l'entreprise …"), which is no firm's name in apposition."""
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return first is not None and connective(first)


def named_before(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether the trigger's clause names someone before it with a capitalised name
    ("L'américain Sorbex rachète …"), not a pronoun or a common noun ("L'entreprise
    rachète …")."""
    return any(
        t.idx >= begin
        and t.text[:1].isupper()
        and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.idx > begin and not t.is_sent_start))
        for t in sentence
        if t.i < trigger.start
    )


def object_before(sentence: Span, mention: CompanyMention) -> bool:
    """Whether ``mention`` stands in a relative clause before it ("…, qui compte les
    Tissages Morvelle parmi ses clients, va recruter", "whose customers include X"): an
    object there, not the subject."""
    segment = [t for t in sentence if t.idx < mention.start]
    for position in range(len(segment) - 1, -1, -1):
        if segment[position].text in ",;:()—–":
            opening = segment[position + 1 : position + 2]
            return bool(opening) and opening[0].lower_ in _RELATIVES
    return False
