"""A new head's second sentence: the firm of the post the sentence before gave.

People-moves columns ("Ils bougent", "Nominations", "People moves", "On the move") give
each appointment a paragraph: "Paul Verdun est le nouveau président de Menuiseries X. Cet
ingénieur de 52 ans succède à Denis Claudel …", "Jane Roe has been named chief executive of
Y Foods. The 48-year-old replaces …". The second sentence names no firm: its change of
leader is news of the firm of the post just given, listed or not, not of the article's main
company (often the column's first item). A former post ("ancien directeur de X", "former
head of X") is the person's past, not the firm (``ties.py`` reads those).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import sentence_of
from myrtille.enrichment.patterns import fold

# A post and its "of" just before the firm ("nouvelle directrice générale de", "président
# du directoire de", "chief executive of", "head of"), read on folded text.
_POST = re.compile(
    r"\b(?:president|presidente|directeur|directrice|pdg|dg|gerante?|patronne|patron|"
    r"chief\s+(?:executive|financial|operating)(?:\s+officer)?|ceo|cfo|chair(?:man|woman)?|"
    r"managing\s+director|head|boss)"
    r"(?:\s+(?:general|generale|delegue|deleguee|executive|officer))?"
    r"(?:\s+du\s+(?:directoire|conseil(?:\s+d['’]administration|\s+de\s+surveillance)?))?"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|of\s+(?:the\s+)?|at\s+)$"
)
# The post is a past one: "ancien président de", "former head of", "jusqu'ici directeur".
_FORMER = re.compile(
    r"\b(?:ancien(?:ne)?|ex|former|previously|jusqu['’]ici|until)\b\W+(?:\w+\W+){0,3}$"
)
_LOOKBEHIND = 60


def post_firm(sentence: Span, mentions: list[CompanyMention], text: str) -> CompanyMention | None:
    """The firm whose post the sentence before ``sentence``, in its paragraph, gives
    ("… est le nouveau président de X."), for a change of leader naming no firm."""
    if sentence.start == 0:
        return None
    previous = sentence_of(sentence.doc, sentence.start - 1)
    if "\n" in text[previous.end_char : sentence.start_char]:
        return None  # another paragraph: another item of the column
    # Its last paragraph's part (a title the recogniser ran into the lead: the lead).
    start = text.rfind("\n", previous.start_char, previous.end_char) + 1 or previous.start_char
    for mention in mentions:
        if not (start <= mention.start and mention.end <= previous.end_char):
            continue
        before = fold(text[max(start, mention.start - _LOOKBEHIND) : mention.start])
        post = _POST.search(before)
        if post is not None and _FORMER.search(before[: post.start()]) is None:
            return mention
    return _unfound_firm(text, start, previous.end_char)


# A post and the capitalised name after it, for a firm the models did not find ("has been
# appointed managing director of Kelvedon Joinery"), on the text as written.
_UPPER = "A-ZÀ-ÖØ-Þ"
_POST_NAME = re.compile(
    r"\b(?i:pr[ée]sidente?|directeur|directrice|pdg|g[ée]rante?|chief\s+executive|ceo|"
    r"chair(?:man|woman)?|managing\s+director)"
    r"(?:\s+(?i:g[ée]n[ée]rale?|d[ée]l[ée]gu[ée]e?|officer))?\s+"
    r"(?i:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)"
    rf"(?P<name>[{_UPPER}][\w'’&-]*(?:\s+(?:(?:de|du|des|et|and|&)\s+)?[{_UPPER}][\w'’&-]*)*)"
)


def _unfound_firm(text: str, start: int, end: int) -> CompanyMention | None:
    """The firm named after a present post in ``text[start:end]`` when the models found no
    firm there: a firm outside the registry."""
    for found in _POST_NAME.finditer(text, start, end):
        before = fold(text[max(start, found.start() - _LOOKBEHIND) : found.start()])
        if _FORMER.search(before) is None:
            name = found.group("name")
            return CompanyMention(None, name, found.start("name"), found.end("name"), "named")
    return None
