"""A headline verb the English model tags as a plural noun.

"Brenova Systems names Marie Dupont chief executive", "Orvanne heads …": in the terse
present of news the small English model reads "names" as the plural of "name" between two
proper nouns. ``newsworthy`` drops a verb-only trigger tagged as a noun ("brand names",
"the heads of"); this tells apart the verb, which stands between a firm's name and a
person's or a figure (session 11).
"""

from __future__ import annotations

from spacy.tokens import Token

# English lemmas that open an event pattern as verbs only (moved from newsworthy.py).
_VERBS_ONLY = frozenset({"name", "head", "chair", "land", "bag", "net", "book", "fire", "sack"})
# What may follow the verb: the person named or the thing won ("bags £2m order").
_OBJECTS = frozenset({"PROPN", "NUM", "SYM"})


def verb_read_as_noun(token: Token) -> bool:
    """Whether ``token``, tagged as a plural noun, is a third-person present verb: it ends
    in "s", a capitalised name (the firm) comes just before it and a name, a figure or a
    currency sign just after."""
    doc = token.doc
    if token.tag_ != "NNS" or not token.text.endswith("s") or token.i == 0:
        return False
    if token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    firm = before.pos_ in ("PROPN", "NOUN") and before.text[:1].isupper()
    return firm and after.pos_ in _OBJECTS


def noun_for_a_verb(token: Token) -> bool:
    """Whether ``token``, a lemma that opens an event pattern as a verb only, is read as a
    noun ("brand names", "the heads of"), not a verb the model tagged as one."""
    return (
        token.lemma_ in _VERBS_ONLY
        and token.pos_ not in ("VERB", "AUX")
        and not verb_read_as_noun(token)
    )
