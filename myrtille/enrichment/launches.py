"""A product launched under its name in quotation marks: innovation news (session 8).

The press names a new product in quotation marks and says what it is in an apposition:
"a présenté mardi « Plume », un assistant fondé sur l'intelligence artificielle", "dévoile
cette semaine « Atelier », sa première collection de bougies", "unveiled 'Nova', a compact
heat pump". The lexicon cannot list every kind of product after "présenter" or
"dévoiler", but the layout says it: a verb of launching, a capitalised name in quotation
marks right after it (a day or a week between), then a comma and a determiner. A plan, a
campaign or a report named so ("présente « Cap 2030 », son plan stratégique") is no
product.
"""

from __future__ import annotations

import itertools

from spacy.parts_of_speech import DET, NOUN, PUNCT, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.doctext import lemmas_of


def _ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


# Folded lemmas of verbs of launching a product.
_LAUNCHING = _ids(
    "lancer",
    "devoiler",
    "presenter",
    "commercialiser",
    "launch",
    "unveil",
    "introduce",
    "present",
    "debut",
)
_OPENING = frozenset("«“\"'‘")
_CLOSING = frozenset("»”\"'’")
# Words between the verb and the name ("mardi", "cette semaine", "on Tuesday").
_BETWEEN = 3
_NAME_LENGTH = 4
# What a name in quotes may be that is no product: a plan, a campaign, a report.
_NOT_PRODUCTS = _ids(
    "plan",
    "programme",
    "projet",
    "strategie",
    "campagne",
    "operation",
    "initiative",
    "feuille",
    "rapport",
    "etude",
    "bilan",
    "enquete",
    "manifeste",
    "program",
    "project",
    "strategy",
    "campaign",
    "operation",
    "report",
    "study",
    "survey",
    "roadmap",
)


def named_launches(doc: Doc) -> list[tuple[str, int, int]]:
    """Innovation triggers (label, start, end): the verb, when a product's name in
    quotation marks follows it with an apposition that is no plan or report (the
    trigger stops before the marks, which would read as two clauses: other_readings.py)."""
    lemmas = lemmas_of(doc)
    found = []
    # the verbs' lemmas picked out of the column at C speed: a Token for those only
    for i in itertools.compress(itertools.count(), map(_LAUNCHING.__contains__, lemmas)):
        if doc[i].pos != VERB:
            continue
        opening = next(
            (j for j in range(i + 1, min(len(doc), i + 2 + _BETWEEN)) if doc[j].text in _OPENING),
            None,
        )
        if opening is None or any(t.pos == PUNCT for t in doc[i + 1 : opening]):
            continue
        closing = next(
            (
                j
                for j in range(opening + 2, min(len(doc), opening + 2 + _NAME_LENGTH))
                if doc[j].text in _CLOSING
            ),
            None,
        )
        if closing is None or not doc[opening + 1].text[:1].isupper():
            continue
        after = doc[closing + 1 : closing + 8]
        if len(after) < 3 or after[0].text != "," or after[1].pos != DET:
            continue
        head = next((t for t in after[2:] if t.pos == NOUN), None)
        if head is not None and lemmas[head.i] not in _NOT_PRODUCTS:
            found.append(("event:innovation", i, i + 1))
    return found
