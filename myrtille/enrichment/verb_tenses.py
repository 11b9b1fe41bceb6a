"""Verb tenses as background.py reads them: a finite verb, a past or perfect, and the
helpers that put what follows ahead ("will be created", "seront créés").

Moved out of background.py (session 13), which dates an event by these readings.
"""

from __future__ import annotations

from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Token

from myrtille.enrichment.morphs import feature

_VERBS = frozenset({VERB, AUX})


def finite(token: Token) -> bool:
    """A finite verb or auxiliary."""
    return token.pos in _VERBS and "Fin" in feature(token, "VerbForm")


def ahead_helper(helper: Token) -> bool:
    """A modal, a future or an infinitive auxiliary: what it leads to is yet to come."""
    return helper.pos == AUX and (
        helper.tag_ == "MD"
        or "Fut" in feature(helper, "Tense")
        or "Inf" in feature(helper, "VerbForm")
    )


def past_tense(tokens: list[Token]) -> bool:
    """A finite past ("leva", "raised", "avait") or a perfect ("a levé", "has hired");
    a participle after an infinitive ("doivent être créés", "will be built") is not one."""
    for position, token in enumerate(tokens):
        if token.tag_ == "VBD":
            return True
        if token.pos not in _VERBS or "Past" not in feature(token, "Tense"):
            continue
        if "Fin" in feature(token, "VerbForm"):
            return True
        helpers = [h for h in tokens[max(0, position - 3) : position] if h.pos == AUX]
        # "will be created", "seront créés", "is to be built": a passive ahead, not a past.
        if any(ahead_helper(h) for h in helpers):
            continue
        if any("Fin" in feature(h, "VerbForm") or h.tag_ in ("VBZ", "VBP") for h in helpers):
            return True
    return False
