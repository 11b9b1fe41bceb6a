"""A wire dateline opening an article's text: the town the story was filed from.

"PARIS, Nov 18 (Wire) - Chimirex, based in Saint-Fons, …", "LYON, Dec 5 (Reuters) -",
"STRASBOURG (AFP) -", "GRENOBLE, France —": the annotators count the town whatever else
the text names (46 of the tuning set's 48 datelines beside other places are gold, Paris
among them), so it is never a place in passing, not even Paris named once.
"""

from __future__ import annotations

import re

from myrtille.enrichment.geography import PlaceName

# What follows the town: a date, a news agency in brackets or a dash.
_DATELINE_AFTER = re.compile(r"(?:,\s*France)?\s*(?:,|\(|—|–|-\s)")
# A dash, an agency or a full stop after a line's first words in capitals: "CALACUCCIA — Au
# pied du Monte Cinto…", "GHISONACCIA (AFP) -", "MAGNY-EN-VEXIN. La Brasserie du Vexin…".
_DASHED = re.compile(r"[ \t\u00a0]*(?:—|–|-[ \t\u00a0]|\(|\.[ \t\u00a0]+[A-ZÀ-Ý])")


def wire_dateline(names: list[PlaceName], text: str, title_end: int) -> PlaceName | None:
    """The place name in capitals that opens the text after the title, followed by a
    date, an agency or a dash ("PARIS, Nov 18 (Wire) -"), if any."""
    opening = len(text) - len(text[title_end:].lstrip())
    for name in names:
        if name.start == opening and name.text.isupper() and _DATELINE_AFTER.match(text, name.end):
            return name
    return None


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) of ``text``, in capitals, opens a line and a dash or
    an agency follows it: a dateline, which says where the story was filed even for a
    village ("CALACUCCIA — …") that the matcher otherwise needs a cue for and never takes
    in capitals ("EU" is no Eu)."""
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start and text[start:end].isupper() and bool(_DASHED.match(text, end))


def with_dateline(kept: list[PlaceName], dateline: PlaceName | None) -> list[PlaceName]:
    """``kept`` (the places the passing rules weighed without the dateline) with the
    dateline's place first."""
    return kept if dateline is None else [dateline, *kept]


__all__ = ["opens_dateline", "wire_dateline", "with_dateline"]
