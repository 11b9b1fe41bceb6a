"""A patent in a lawsuit is no innovation (issue 14, session 13, genre probes).

A court column reports "Solvane wins patent case", "accused of infringing a rival's
patent", "condamnée pour contrefaçon de brevet", "le litige sur le brevet": the patent is
what the parties fight over, not an invention the firm has just made or filed. The word
"patent" or "brevet" is then read as the object of a dispute when its sentence speaks of
one.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

_PATENT = re.compile(r"\b(?:patent\w*|brevet\w*)\b", re.IGNORECASE)
# Words of a dispute in court.
_DISPUTE = re.compile(
    r"\b(?:case|cases|lawsuits?|suits?|sued|sues|su(?:e|ing)|dispute\w*|infring\w*|litigation|"
    r"court|courts|trial|damages|ruling|ruled|judge|tribunal|cour|proc[èe]s|litiges?|"
    r"contrefa[çc]on|plaintes?|poursuit\w*|condamn\w*|assign[ée]\w*|jugement|infraction)\b",
    re.IGNORECASE,
)


def patent_in_a_suit(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """An innovation trigger naming a patent, in a sentence that tells a dispute."""
    return (
        kind == "innovation"
        and _PATENT.search(trigger.text) is not None
        and _DISPUTE.search(text, sentence.start_char, sentence.end_char) is not None
    )
