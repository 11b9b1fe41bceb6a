"""A headline's vague verb of progress is no investment.

Headlines say that a firm or its plant moves on without saying how: "Verlande
s'agrandit", "La gigafactory de X accélère", "X's gigafactory ramps up". The site's noun
("gigafactory") or the bare verb of growth ("agrandir") opens an investment pattern, but
such a title tells a plant at work or a firm growing; when the article reports a real
investment (a building, an amount), its body says so and is read there (session 13).

Kept: a growth verb with an object or a figure ("s'agrandit avec un bâtiment de 5 000
m²", "agrandit son usine pour 4 M€"), and a site noun that the title's verb opens, builds
or inaugurates ("La gigafactory de X ouvrira en 2027").
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Span

# Bare investment triggers that name a site or growth, not a decision.
_VAGUE_TRIGGERS = frozenset({"agrandir", "gigafactory", "giga-usine", "expand"})
# Words of a plant's pace or a firm's progress, by their start: the small models have no
# parser and tag a headline's verb as anything ("accélère" ADJ, "accelerates" NOUN).
_PACE_WORDS = (
    *("accélèr", "ralenti", "avance", "tourne", "monte", "progresse"),
    *("accelerat", "ramp", "speed", "slow", "gather"),
)
# What gives a growth its substance: a thing, a figure or an amount after the verb.
_SUBSTANCE_TAGS = frozenset({"NOUN", "NUM", "SYM"})


def _in_title(text: str, trigger: Span) -> bool:
    """The title is the document's first line (the body follows a blank line)."""
    return "\n" not in text[: trigger.start_char]


def vague_headline(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger is a title's bare growth verb or site noun of a vague
    verb of progress ("s'agrandit", "La gigafactory de X accélère")."""
    if kind != "investment" or len(trigger) != 1 or not _in_title(text, trigger):
        return False
    token = trigger[0]
    if token.lemma_.lower() not in _VAGUE_TRIGGERS and token.lower_ not in _VAGUE_TRIGGERS:
        return False
    # the whole title: the sentence recogniser may cut it at a name ("de Verlande | …")
    title_end = text.find("\n")
    doc = sentence.doc
    title = list(takewhile(lambda t: title_end < 0 or t.idx < title_end, doc))
    after = title[token.i + 1 :]
    if any(t.like_num or t.is_currency for t in title):
        return False  # "s'agrandit pour 4 M€": a figure tells the investment
    if token.pos_ in ("VERB", "AUX"):
        # "s'agrandit", "expands à Saint-Étienne": nothing grown named after it
        return not any(t.pos_ in _SUBSTANCE_TAGS for t in after)
    return any(t.lower_.startswith(_PACE_WORDS) for t in after)
