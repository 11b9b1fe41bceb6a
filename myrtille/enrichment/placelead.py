"""The lead's subject: a place in the noun phrase that opens a sentence of the first
paragraph ("Le constructeur nantais a signé jeudi...", "Le sous-traitant palois, qui usine
...", "A Lyon-based logistics developer, Rhodanis, has received...") describes the firm the
news is about, named just before or after: it is a place of the news, never one in
passing, however strongly the title names another region. In a round-up ("CALÉO RAIL",
"CELLVIA", "RÉSINAL": headings in capitals over each firm's item) each item's first
paragraph is such a lead ("The Compiègne-based chemicals group said...")."""

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


# A round-up's heading: a line of one to six words in capitals, no full stop, opening a
# paragraph (the item's text under it, after one line break or two).
_HEADING = re.compile(r"\n\n([^\S\n]*[^\W\d_][^\n.:!?]{0,58})\n\n?(?=\S)")
_ROUNDUP_HEADINGS = 2  # a single "PRESS RELEASE" or "AVIS D'ATTRIBUTION" is no round-up


def item_leads(text: str, title_end: int) -> list[tuple[int, int]]:
    """The first paragraph of each item of a round-up (spans of ``text``): the paragraphs
    under headings in capitals, when the text has two headings or more."""
    leads = []
    for heading in _HEADING.finditer(text, max(title_end - 2, 0)):
        line = heading.group(1)
        if len(line.split()) > 6 or not line.isupper():
            continue
        end = text.find("\n\n", heading.end())
        leads.append((heading.end(), len(text) if end < 0 else end))
    return leads if len(leads) >= _ROUNDUP_HEADINGS else []


def keep_lead_subjects(
    kept: list[PlaceName], names: list[PlaceName], text: str, title_end: int, lead_end: int
) -> list[PlaceName]:
    """``kept`` with every place of ``names`` that opens a sentence of the lead, or of a
    round-up item's first paragraph, as found."""
    by_start = {n.start: n for n in kept}
    dropped = [n for n in names if by_start.get(n.start) is not n]
    # Round-ups are looked for only when a place was left out (most texts leave none).
    leads = [(title_end, lead_end)] + (item_leads(text, title_end) if dropped else [])
    for name in dropped:
        if any(lead_subject(text, name, start, end) for start, end in leads):
            by_start[name.start] = name
    return sorted(by_start.values(), key=lambda n: n.start)
