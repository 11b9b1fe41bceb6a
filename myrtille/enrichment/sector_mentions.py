"""A document's sector mentions: its matches, each part of a longer one merged into it.

A match inside a longer match is part of that mention, not more evidence ("éolien en
mer" is one term, not also "éolien"), and two terms of one sector that overlap are one
mention (`sectors.SectorMatcher.score` weighs the mentions). Moved out of sectors.py,
which had reached its size, when the cue gates (`sector_cues`) were added there.
"""

from __future__ import annotations


def mentions_of(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """(sector code, start, end) of each mention: a match inside a longer match is part
    of that mention, not more evidence ("éolien en mer" is one term, not also "éolien";
    "air taxi" is aeronautics, not also a taxi; "port de pêche" not also a port)."""
    reach, inner = -1, set[tuple[int, int]]()  # by start, longest first: one sweep
    for start, end in sorted({(s, e) for _, s, e in matches}, key=lambda m: (m[0], -m[1])):
        if reach >= end:
            inner.add((start, end))
        reach = max(reach, end)
    kept = {(label.split(":", 1)[1], s, e) for label, s, e in matches if (s, e) not in inner}
    # Two terms of a sector that overlap are one mention too ("electricity grid" and
    # "grid operators" in "electricity grid operators"): the first stands for it.
    mentions: list[tuple[str, int, int]] = []
    reaches: dict[str, int] = {}  # per sector, the furthest end of its mentions so far
    for code, start, end in sorted(kept, key=lambda m: (m[1], m[2], m[0])):
        if reaches.get(code, -1) <= start:
            mentions.append((code, start, end))
            reaches[code] = max(reaches.get(code, -1), end)
    return mentions
