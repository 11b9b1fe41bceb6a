"""A product said made with a partner is the product's story, not a partnership (session 16).

A new product or process is told with who helped make it: "Mis au point avec un
laboratoire de l'université, il a déjà été installé chez trois clients", "Le procédé a été
mis au point avec un laboratoire de l'université de Reims", "Developed with the research
centre in Avignon, it will first be installed …", "The device was developed with
clinicians at the university hospital". The participle describes the thing made: the
collaboration is its past, and the news is the product (innovation). Of the fifteen tuning
documents (news3 to news17, both languages) with a thing "mis au point / développé / conçu
avec" or "developed / designed with" someone, none labels a partnership. A firm's own
perfect ("Verlande a développé avec le CEA un capteur", "has developed with") is left to
the partnership rules: its subject is the firm, the act may be the news.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

# The participle of making, then "with" (or "in partnership with"); not after the firm's
# own perfect ("a mis au point avec", "has developed with").
_MADE_WITH = re.compile(
    r"(?<!\ba\s)(?<!\bont\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)"
    r"\b(?:mis(?:e|es)?\s+au\s+point|(?:co-?)?d[ée]velopp[ée]e?s?|con[çc]ue?s?|"
    r"[ée]labor[ée]e?s?|(?:co-?)?developed|designed|devised|engineered)\s+"
    r"(?:(?:jointly|conjointement|together)\s+)?"
    r"(?:avec|with|en\s+(?:partenariat|collaboration|lien)\s+avec|"
    r"in\s+(?:partnership|collaboration|conjunction)\s+with)\b",
    re.IGNORECASE,
)
_MADE_WITH = gated(_MADE_WITH)  # session 19: only where one of its words is
_CUES = ("point", "velop", "con", "labor", "design", "devis", "engineer")
# How far after "with" the partnership trigger may start (the partner's name).
_REACH = 60


def made_with_a_partner(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the partnership ``trigger`` is the partner a product is said made with (see
    the module's docstring); ``text``: the document's text."""
    if kind != "partnership":
        return False
    # a little past the trigger: "in partnership with", whose trigger is "partnership"
    start, end = sentence.start_char, min(sentence.end_char, trigger.end_char + 20)
    lowered = text[start:end].lower()
    if not any(cue in lowered for cue in _CUES):
        return False
    return any(
        trigger.start_char - made.end() <= _REACH for made in _MADE_WITH.finditer(text, start, end)
    )
