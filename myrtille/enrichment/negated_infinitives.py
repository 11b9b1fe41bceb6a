"""An event word under a negated French infinitive (issue 14, session 13, genre probes).

French puts both words of a negation before an infinitive: "Un regret ? Ne pas avoir
racheté notre concurrent", "la direction dit ne pas prévoir de recrutement", "a décidé de
ne plus investir en France", "assure ne jamais avoir envisagé de vente". Interviews and
tributes say so often (a regret, a choice, a promise), and the sentence-wide hedge
("ne … pas" around a finite verb) does not see it: "ne pas" stands together, the verb
after it.

The negation weighs on the infinitive after it and on that verb's object: the trigger is
the infinitive itself ("ne pas recruter"), or starts a few words after it with no other
verb and no word that opens a purpose or a time between ("ne pas exclure d'autres
rachats", but not "a choisi de ne pas attendre pour recruter", where "recruter" is done).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

_NEGATION = re.compile(
    r"\bne\s+(?:pas|plus|jamais|point|gu[èe]re)\s+(?:(?:encore|toujours)\s+)?"
    r"(?:(?:avoir|être|s['’]|se|en|y|l['’]|le|la|les)\s*)?(?=\w)",
    re.IGNORECASE,
)
_NEGATION = gated(_NEGATION)  # session 18: only where one of its words is
# Words after the negated verb that open another clause: the event is its own.
_OPENERS = frozenset(
    {"pour", "afin", "avant", "sans", "mais", "et", "car", "puis", "qui", "que", "quand"}
)
_WINDOW = 5


def negated_infinitive(sentence: Span, trigger: Span, text: str) -> bool:
    """Whether ``trigger`` is a French infinitive negated before it, or that verb's
    object (see the module's docstring)."""
    if trigger[0].lang_ != "fr":
        return False
    doc = sentence.doc
    for found in _NEGATION.finditer(text, sentence.start_char, trigger.start_char + 1):
        verb = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if verb is None:
            continue
        at = verb.start
        if at == trigger.start:
            return True  # "ne pas recruter", "ne pas avoir racheté"
        if not at < trigger.start <= at + _WINDOW:
            continue
        between = doc[at + 1 : trigger.start]
        if not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _OPENERS for t in between):
            return True  # "ne pas exclure d'autres rachats", "ne pas prévoir de recrutement"
    return False
