"""A sentence about a practice in general, not about the firm: a definition or a saying
("Un LBO, c'est de la dette qu'on rembourse avec nos marges", "Une levée de fonds, c'est
d'abord du temps", "A buyout is a bet on future margins", "An acquisition means …"). It
names no firm, and the document's main firm must not take the event its noun carries:
the event is no firm's (``attribution.py``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.doctext import span_text
from myrtille.enrichment.patterns import fold

# French: an indefinite noun phrase set apart and taken up by "c'est" ("Un LBO, c'est …",
# "Une levée de fonds, ce n'est pas …"); a demonstrative ("Ce rachat, c'est …") is about
# the deal the article reports and stays out.
_FRENCH = re.compile(
    r"\W*(?:un|une|des)\s+[\w' -]{1,40}?,\s*(?:c'est|ce\s+n'est|ca\s+(?:reste|veut\s+dire))\b"
)
# English: an indefinite noun phrase defined ("A buyout is about …", "An acquisition
# means …", "A fundraising is when …").
_ENGLISH = re.compile(
    r"\W*(?:an?)\s+[\w -]{1,30}?\s+(?:is\s+(?:all\s+)?(?:about|when|what|nothing\s+but|"
    r"nothing\s+more\s+than|always|never)|means|is\s+a\s+way)\b"
)


def general_statement(sentence: Span) -> bool:
    """Whether the sentence defines or comments on a practice in general."""
    words = fold(span_text(sentence))  # Span.text would join its tokens
    return bool(_FRENCH.match(words) or _ENGLISH.match(words))
