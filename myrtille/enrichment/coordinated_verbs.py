"""A verb in a list of verbs shares the first one's modal (issue 14, session 13, genre
probes).

Editorials and opinion pieces list what a trade should do: "Il faudra investir dans la
décarbonation, recruter des techniciens et nouer des partenariats", "To survive, they
should merge, invest in recycled fibre and export more". The modal ("il faudra",
"should", "devraient", "could") stands before the first verb only; the verbs after it,
each in its own comma-delimited part, are bare infinitives that the hedges of their own
clause do not reach. Each is as hypothetical as the first: no event.

The chain runs back from the trigger's infinitive over its list's commas and "et"/"and"
(and "de"/"to" before each verb) to the first infinitive; the modal is read just before
that one. A list after a verb that commits ("va investir 10 millions, recruter 50
personnes et ouvrir un site") has no modal there: kept. "Would" is no modal here: after a verb of
saying it is the future of reported speech ("said it would open a site office and hire 50
local workers", "said it would keep the brand and invest in a new line"): news.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# A modal or a need just before the list's first verb (a word or two may stand between:
# "il faudra aussi", "should also", "devraient donc").
_MODAL = re.compile(
    r"\b(?:should|could|might|must|ought\s+to|need\s+to|needs\s+to|have\s+to|"
    r"faut|faudra|faudrait|fallait|devr(?:a|ait|aient|ont|ions)|doi(?:t|vent)|"
    r"pourr(?:a|ait|aient|ont|ions)|devons|doivent)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:de|d['’]|to)\s*)?\Z",
    re.IGNORECASE,
)
_LIST_LINKS = frozenset({",", "et", "and", "ou", "or", "puis", "then"})
_BEFORE_VERB = frozenset({"de", "d'", "d’", "to"})


def _bare_verb(token: Token) -> bool:
    """An infinitive (French) or a base form (English)."""
    return (token.lang_ == "fr" and "Inf" in token.morph.get("VerbForm")) or (
        token.lang_ == "en" and token.tag_ == "VB"
    )


def _finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        "Fin" in token.morph.get("VerbForm") or token.tag_ in ("MD", "VBZ", "VBP", "VBD")
    )


def _item_verb(sentence: Span, trigger: Span) -> Token | None:
    """The bare verb that heads the trigger's item: in the trigger, or just before it with
    its object's determiner between ("nouer des partenariats"), or an English word the
    tagger read as a noun right after the list's link ("and export more")."""
    doc = sentence.doc
    for token in trigger:
        if token.pos_ in ("VERB", "AUX"):
            return token if _bare_verb(token) else None
    at = trigger.start - 1
    while at > sentence.start and trigger.start - at <= 3 and doc[at].pos_ in ("DET", "NUM", "ADJ"):
        at -= 1
    if at > sentence.start and doc[at].pos_ == "VERB" and _bare_verb(doc[at]):
        return doc[at]
    first = trigger[0]
    if first.lang_ == "en" and first.tag_ in ("NN", "VB") and first.i > sentence.start:
        return first if doc[first.i - 1].lower_ in _LIST_LINKS else None
    return None


def hedged_list(sentence: Span, trigger: Span, text: str) -> bool:
    """Whether ``trigger`` is a later verb of a list whose first verb follows a modal."""
    verb = _item_verb(sentence, trigger)
    if verb is None:
        return False
    doc = sentence.doc
    first = verb.i
    at = verb.i - 1
    while at > sentence.start and doc[at].lower_ in _BEFORE_VERB:
        at -= 1
    if at <= sentence.start or doc[at].lower_ not in _LIST_LINKS:
        return False  # the trigger opens no later item of a list
    # walk back over the list's earlier items, up to a finite verb (the modal's, or the
    # verb that commits) or the sentence's start; the earliest bare verb heads the list
    for i in range(at - 1, sentence.start - 1, -1):
        token = doc[i]
        if _finite(token):
            break
        if token.pos_ in ("VERB", "AUX") and _bare_verb(token):
            first = i
    if first == verb.i:
        return False
    return _MODAL.search(text, sentence.start_char, doc[first].idx) is not None
