"""The lead's subject: a place in the noun phrase that opens a sentence of the first
paragraph ("Le constructeur nantais a signé jeudi...", "Le sous-traitant palois, qui usine
...", "A Lyon-based logistics developer, Rhodanis, has received...") describes the firm the
news is about, named just before or after: it is a place of the news, never one in
passing, however strongly the title names another region."""

from __future__ import annotations

import re

from myrtille.enrichment.placenames import PlaceName

# A sentence's head: the text's start after the title, a paragraph or a full stop.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# A determiner, then at most four lowercase words: "Le constructeur", "The", "A leading".
_OPENING = re.compile(
    r"(?:Le|La|L['’]|Les|The|A|An|Un|Une)(?:\s+|(?<=['’]))(?:[a-zà-ÿ’'-]+\s+){0,4}",
)


def lead_subject(text: str, name: PlaceName, title_end: int, lead_end: int) -> bool:
    """Whether ``name``, in the first paragraph after the title, is in the noun phrase
    that opens its sentence."""
    if not title_end <= name.start < lead_end:
        return False
    window = max(name.start - 60, title_end)
    for opening in _OPENING.finditer(text, window, name.start):
        if opening.end() == name.start and _SENTENCE_START.search(
            text, max(opening.start() - 3, title_end - 1, 0), opening.start()
        ):
            return True
    return False


def keep_lead_subjects(
    kept: list[PlaceName], names: list[PlaceName], text: str, title_end: int, lead_end: int
) -> list[PlaceName]:
    """``kept`` with every place of ``names`` that opens a sentence of the lead, as found."""
    by_start = {n.start: n for n in kept}
    for name in names:
        if lead_subject(text, name, title_end, lead_end):
            by_start[name.start] = name
    return sorted(by_start.values(), key=lambda n: n.start)
