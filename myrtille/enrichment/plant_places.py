"""A plant named as the place of a hiring, not built (issue 14, session 10, second round).

Read off the false investments of the tuning set: a hiring headline or sentence names the
plant the people will work in ("Cellvia's Douai gigafactory starts second hiring wave",
"Gigafactory de Douai : 300 embauches avant l'été", "is hiring 50 operators to run its
second electrolysis unit, which enters service in the spring", "recrute 40 techniciens
pour sa nouvelle unité de Lannion"). The plant is where the jobs are; the article is
about the hiring, and the authors label no investment unless a verb builds, opens,
extends or pays for it, or an amount is spent on it; a new plant or more capacity said in
the sentence ("une nouvelle usine à Briec et 70 embauches", "doubles capacity, will hire
60") stays news of its own.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

# A word of hiring in the sentence.
_HIRING = re.compile(
    r"\b(?:recrut\w*|embauch\w*|hir(?:e|es|ed|ing)|recruit\w*|job\s+fair|forum\s+emploi)\b",
    re.IGNORECASE,
)
_HIRING = gated(_HIRING)  # session 19: only where one of its words is
# A verb or noun that builds, opens, extends, funds or buys the plant: then it is news.
_BUILT = re.compile(
    r"\b(?:build\w*|built|construct\w*|construi\w*|construction|b[âa]ti\w*|open\w*|ouvr\w*|"
    r"ouvert\w*|ouverture|inaugur\w*|invest\w*|extend\w*|extension|expan\w*|agrandi\w*|"
    r"[ée]tend\w*|financ\w*|fund\w*|lease\w*|bail|acqui\w*|achet\w*|bought|buy\w*|"
    r"sortir\s+de\s+terre|works|travaux|chantier|tranche|phase|erect\w*|[ée]rig\w*|"
    r"convert\w*|reconvert\w*|modernis\w*|moderniz\w*|"
    # a new plant or more capacity is news of its own: "une nouvelle usine et 70 embauches",
    # "doubles capacity, will hire 60"
    r"new|nouve(?:l|lle|au|aux|lles)|capacit\w*|doubl\w*|tripl\w*)",
    re.IGNORECASE,
)
# Money said in the sentence (an amount spent on the plant).
_MONEY = re.compile(
    r"(?:[€$£]\s?\d|\d\s?(?:€|[mk]?€)|\b(?:EUR|USD|GBP)\s?\d|\d[\d\s,.]*\s*(?:million|milliard|"
    r"billion|bn|M€|m€|Md€)\w*)",
    re.IGNORECASE,
)


def place_of_hiring(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` (investment) trigger is a plant named only as where a hiring
    in the same sentence takes place (see the module's docstring)."""
    if kind != "investment":
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in trigger):
        return False  # the trigger itself builds or opens: "construire une usine"
    # the hiring words looked for within the sentence's bounds of the text lowered once
    if _HIRING.search_part(text, sentence.start_char, sentence.end_char) is None:
        return False
    said = text[sentence.start_char : sentence.end_char]
    return _BUILT.search(said) is None and _MONEY.search(said) is None
