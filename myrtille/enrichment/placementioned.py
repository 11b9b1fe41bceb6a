"""Departments mentioned, not only the subject's (session 10): a department named once after
the first paragraph while another is the subject (a rival "in the Landes", a customer "in
Rodez", a fair "in Rennes", a plan "à Mulhouse") keeps its department, not its region only.

The newer sets' authors (news8, news10, news11, and the validation set's) list every French
place a text mentions; the older ones listed the subject's, and their region rule stays
(``places.py``: a region named once in passing is left out). What is kept back here is the
department of a region already kept, so a user subscribed to ``dept:`` gets the news its
region subscribers get. A background told in the pluperfect ("avait racheté en 2019 un
façonnier de Chartres", "had bought a yard in Vendée") stays the region's: the older sets
leave those out, and the newer sets' authors rarely write them. So does an adjective alone
("un concurrent toulousain", "les grandes maisons lyonnaises"): the validation set's
authors do not count one as a place, and on the tuning set the adjectives so kept back
were false places twice as often as right ones (6 against 3)."""

from __future__ import annotations

import re

from myrtille.enrichment.placenames import PlaceName

# "avait racheté", "avaient repris", "had bought", "had failed to buy": a time before the
# story's, told as such.
_PLUPERFECT = re.compile(r"\b(?:avait|avaient|had)\b", re.IGNORECASE)
# The last sentence end before a point: a greedy run then one of these, matched once.
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[.!?]\s|\n)")
_WINDOW = 300  # characters looked back for the sentence's start


def background(text: str, name: PlaceName) -> bool:
    """Whether ``name``'s sentence, before it, is in the pluperfect."""
    window = max(name.start - _WINDOW, 0)
    found = _LAST_SENTENCE_END.match(text, window, name.start)
    start = found.end() if found else window
    return bool(_PLUPERFECT.search(text, start, name.start))


def keep_departments(kept: list[PlaceName], names: list[PlaceName], text: str) -> list[PlaceName]:
    """``kept`` with the department given back to every name the department rule in
    passing left its region only (``places._departments_in_passing``), unless its sentence
    is a pluperfect background or the name a lowercase adjective. ``names``: the same names
    before that rule."""
    found = {n.start: n for n in names}
    restored = []
    for name in kept:
        original = found.get(name.start)
        if (
            original is not None
            and original.place.department
            and not name.place.department
            and not background(text, original)
            and not original.text[:1].islower()
        ):
            name = original
        restored.append(name)
    return restored
