"""An event celebrated as an anniversary (issue 14, session 11, precision, third part).

"Technoval fête les 20 ans de l'ouverture de son usine", "célèbre le dixième anniversaire
de l'inauguration de son site", "celebrates the 20th anniversary of the opening of its
plant", "marks 50 years since its takeover": the event named is years old; the
celebration is the news, and it is no event of the sets' kinds.

The anniversary word comes just before the trigger, joined by "de"/"of"/"since" and at
most a few words ("les 20 ans de l'ouverture de", "the 20th anniversary of the opening
of"); a number of years only after a verb of celebrating ("une nouveauté qui a demandé
deux ans de mise au point" is time spent). "fête ses 50 ans en ouvrant une usine" (an
opening for the birthday) is news.
"""

from __future__ import annotations

import re

_NUMBERS = (
    r"\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|quarante|"
    r"cinquante|soixante|cent|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|a\s+hundred|hundred"
)
# A number of years counts only after a verb of celebrating: "a demandé deux ans de mise
# au point", "ten years of research" are a time spent, not an anniversary.
_ANNIVERSARY = re.compile(
    rf"\b(?:anniversaire|anniversary|centenaire|centenary|jubil[ée]e?|bougies|"
    rf"(?:f[êe]t|c[ée]l[ée]br|souffl|comm[ée]mor|celebrat|mark|commemorat)\w*\s+"
    rf"(?:(?:les|ses|leurs|son|its|their|the)\s+)?(?:{_NUMBERS})\s+(?:ans|years))\s+"
    r"(?:de|du|des|d['’]|of|since)\b[^.;:,!?]{0,30}\Z",
    re.IGNORECASE,
)


def celebrated(text: str, sentence_start: int, trigger_start: int) -> bool:
    """Whether the trigger at ``trigger_start`` names the event an anniversary marks."""
    begin = max(sentence_start, trigger_start - 120)
    return _ANNIVERSARY.search(text, begin, trigger_start) is not None
