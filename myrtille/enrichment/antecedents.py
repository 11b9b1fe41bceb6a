"""An event named as the antecedent or the cause of the news (issue 14, session 7).

News writing states its news in the main clause and names what led to it in a phrase of
time or cause before an event noun: "following its acquisition by a Danish group, the plant
is hiring", "after raising €12m last year", "helped by its partnership with X", "suite au
rachat de 2019", "grâce à son contrat avec la SNCF", "après avoir levé 5 millions". The
event in that phrase happened before the news, which is about something else: background.

The same holds for an event noun dated by a year as its modifier, "le rachat de 2019",
"its 2019 takeover", "the 2021 acquisition", when the year is before the article's (or,
the article undated, when the sentence speaks in the past).

Session 10 (news8): the event may be what was obtained, "after obtaining US regulatory
clearance", "after winning the Navy's order", "après avoir décroché le marché": a verb of
getting and a name may stand between the preposition and the event's noun.

The title is never read so (background.py): an article is about what its title says.
"""

from __future__ import annotations

import re

from spacy.parts_of_speech import ADJ, AUX, DET, NUM, PROPN, VERB
from spacy.tokens import Span, Token

from myrtille.enrichment.cues import cued
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.morphs import feature

# A preposition of time or cause, said just before the event's words (and their
# determiners): what follows is the news's antecedent.
_CAUSE = re.compile(
    r"(?:\b(?:after|(?<!the\s)following|thanks\s+to|helped\s+by|on\s+the\s+back\s+of|"
    r"in\s+the\s+wake\s+of|buoyed\s+by|boosted\s+by|fuell?ed\s+by|"
    r"apr[èe]s|gr[âa]ce|suite|la\s+suite|forte?s?|dans\s+la\s+foul[ée]e)"
    r"(?:\s+(?:[àa]|au|aux|de|du|des|d['’]|de\s+la|de\s+l['’]))?)\s*\Z",
    re.IGNORECASE,
)
_CAUSE = cued(
    _CAUSE, "after following thanks helped back wake buoyed boosted fuel apr gr suite fort foul"
)
# "grâce", "suite", "fort" need their preposition: "la suite" alone is no cause.
_BARE = re.compile(r"\b(?:gr[âa]ce|suite|forte?s?|la\s+suite|dans\s+la\s+foul[ée]e)\s*\Z", re.I)
# Words that may stand between the preposition and the event's noun: determiners,
# possessives, numbers, adjectives, an auxiliary of a perfect infinitive ("après avoir
# levé", "after having raised").
_BETWEEN_POS = frozenset({DET, NUM, ADJ})
_VERBS = frozenset({VERB, AUX})
_AUXILIARIES = frozenset({"avoir", "être", "having", "been", "etre"})
# session 10: a verb of getting before what was got ("after obtaining US clearance").
_GETTING = frozenset(
    {"obtaining", "receiving", "securing", "winning", "getting", "landing", "signing"}
    | {"completing", "obtained", "received", "secured", "won", "got", "landed", "signed"}
    | {"completed", "obtenu", "obtenue", "reçu", "reçue", "décroché", "signé", "remporté"}
    | {"conclu", "bouclé", "finalisé", "obtenir", "décrocher", "signer", "remporter"}
)
_BETWEEN = 4
_YEAR = re.compile(r"(?:19|20)\d\d\Z")
# _YEAR without its end: found in any text that holds a word _YEAR matches.
_YEAR_IN = re.compile(_YEAR.pattern.removesuffix(r"\Z"), _YEAR.flags)
# "le rachat de 2019", "the acquisition of 2021": a year right after the event's noun.
_YEAR_AFTER = re.compile(r"\s+(?:de|of)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:à|-|to)\s)")
_YEAR_JOINED = re.compile(r"\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:à|-|to)\s)")


def antecedent(sentence: Span, trigger: Span) -> bool:
    """Whether ``trigger`` names the antecedent of the news in ``sentence``: its words
    follow a preposition of time or cause ("after", "following", "grâce à", "suite au")."""
    doc = sentence.doc
    at = _opening(sentence, trigger)
    if at <= sentence.start:
        return False
    said = text_of(doc)[sentence.start_char : doc[at - 1].idx + len(doc[at - 1])]
    cause = _CAUSE.search(said)
    if cause is None or _BARE.search(said) is not None:
        return False
    # a sentence with no finite verb is none: its words read first, its verbs (a Token
    # each) only once they hold a cause (session 18)
    if not any(_finite(t) for t in sentence):
        return False
    # a notice's verbless line, opening on a bare noun ("Removal from the register
    # following the closure of liquidation proceedings", "Radiation suite à la clôture de
    # la liquidation"): what follows "following" is its news too
    # (the line's opening: a title without a full stop may share the sentence)
    line = sentence.start_char + said.rfind("\n", 0, cause.start()) + 1
    opening = next(
        (t for t in sentence if t.idx >= line and not (t.is_space or t.is_punct)), trigger[0]
    )
    return not (opening.pos_ == "NOUN" and opening.idx < sentence.start_char + cause.start())


def modifier_years(sentence: Span, trigger: Span) -> list[int]:
    """The years that modify the event's noun: "its 2019 takeover", "le rachat de 2019"
    (the caller weighs them against the article's date, as any other date)."""
    doc = sentence.doc
    years: list[int] = []
    # the words the noun phrase may open on (_opening goes back _BETWEEN words at most)
    # are read only when their text holds a year: most triggers' do not (session 19)
    first = max(trigger.start - _BETWEEN, sentence.start + 1)
    if first < trigger.end and _YEAR_IN.search(text_of(doc), doc[first].idx, trigger.end_char):
        at = _opening(sentence, trigger)
        # a year after a determiner ("its 2019 takeover"), not a count ("hired 2000 people")
        years = [
            int(t.text)
            for t in doc[max(at, sentence.start + 1) : trigger.end]
            if _YEAR.match(t.text) and _determiner(doc[t.i - 1])
        ]
    # the trigger may end on the preposition: "rachat de" + " 2019"
    joined = trigger[-1].lower_ in ("de", "of")
    after = (_YEAR_JOINED if joined else _YEAR_AFTER).match(text_of(doc), trigger.end_char)
    return years + ([int(after.group("year"))] if after else [])


def _opening(sentence: Span, trigger: Span) -> int:
    """Where the event's noun phrase opens: the trigger, with the determiners, numbers
    and adjectives just before it."""
    doc = sentence.doc
    at = trigger.start
    while at > sentence.start and trigger.start - at < _BETWEEN and _between(doc[at - 1]):
        at -= 1
    return at


def _finite(token: Token) -> bool:
    return token.pos in _VERBS and (
        "Fin" in feature(token, "VerbForm") or token.tag_ in ("VBD", "VBZ", "VBP", "MD")
    )


def _determiner(token: Token) -> bool:
    return token.pos == DET or "Yes" in feature(token, "Poss")


def _between(token: Token) -> bool:
    return (
        token.pos in _BETWEEN_POS
        or "Yes" in feature(token, "Poss")
        or token.lower_ in _AUXILIARIES
        or token.lower_ in _GETTING
        or (token.pos == PROPN and token.i > 0 and token.doc[token.i - 1].lower_ in _GETTING)
    )
