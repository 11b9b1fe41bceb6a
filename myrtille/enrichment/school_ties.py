"""A firm's tie with a school: a training or outreach arrangement, not a business
partnership (issue 14, session 12, precision).

Read off traps14 (sixty documents written by two outside authors to test precision) and
the gold notes of earlier sets ("a partnership with a school is a training arrangement,
not a business partnership"; "partnership with schools is CSR"): a firm that "a noué un
partenariat avec une quinzaine de collèges pour faire découvrir les métiers", "misent sur
des partenariats avec les lycées professionnels", "has a partnership with the local
vocational school so young people discover the trade", or schools that "have set up
partnerships with several suppliers so that pupils can visit workshops" report no deal of
the firm's trade. The school is named by its kind, in lower case, next to the trigger:
a university, a laboratory or a named grande école ("École Centrale", "Business School")
may be a research partner and is left alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

# Schools and training bodies, in lower case (a capitalised "École X" is a named school).
_SCHOOL = re.compile(
    r"\b(?:lyc[ée]es?|coll[èe]ges|(?:[ée]coles?|etablissements?\s+scolaires?)(?!\s+d['’]\s?"
    r"ing[ée]nieurs|\s+sup[ée]rieures?|\s+nationales?|\s+doctorales?)|"
    r"centres?\s+de\s+formation|CFA|maisons?\s+familiales?|"
    r"(?:vocational|high|secondary|primary|local|technical|trade|nursery)\s+schools?|"
    r"[Ss]chools|[Pp]upils|[ée]l[èe]ves|coll[ée]giens|lyc[ée]ens|apprentices\s+centres?|"
    r"training\s+cent(?:re|er)s?)\b"
)
_SCHOOL = gated(_SCHOOL)  # session 19: only where one of its words is
_CAPITAL_SCHOOL = re.compile(
    r"(?<![\w])(?:Lyc[ée]es?|Coll[èe]ges)\s+(?:professionnels?|techniques?)"
)
# How far after the trigger the school may stand ("un partenariat avec une quinzaine de
# collèges d'Ille-et-Vilaine").
_AFTER = 60


def tie_with_a_school(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether a partnership trigger is a tie with schools: a school named in lower case in
    its sentence, before the trigger (the schools that set it up) or just after it (the
    partner)."""
    if kind != "partnership":
        return False
    end = min(sentence.end_char, trigger.end_char + _AFTER)
    return (
        _SCHOOL.search(text, sentence.start_char, end) is not None
        or _CAPITAL_SCHOOL.search(text, trigger.end_char, end) is not None
    )
