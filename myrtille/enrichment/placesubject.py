"""The home of the firm a document is about: a place that describes a firm the title
names ("Sillage in talks over Lorient shipyard" ... "Sillage, the Toulon builder of patrol
boats"; "Paris cloud software firm Tessaly"; "L'éditeur parisien de logiciels Tessaly") is
where the news's firm is, never a place in passing, however strongly the title names
another region. So is a paragraph's dateline ("Charleville-Mézières. La Fonderie Marchal
poursuit...", "Saint-Nazaire — Éolia Marine a été retenue"): a round-up's news each."""

from __future__ import annotations

import re

from myrtille.enrichment.placenames import PlaceName

# A place opening a paragraph, then a full stop, a colon or a dash.
_PARAGRAPH_START = re.compile(r"\n[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\.|:|—|–|-\s)")
_NAME = re.compile(r"\b[A-ZÀ-Ý][\w’'-]{2,}")
# "Sillage, the Toulon builder", "Tessaly, l'éditeur parisien": an apposition after the
# name, the place in it.
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|le|la|l['’]|un|une)\s*[^,.;:!?()«»\"“”\n]{0,40}", re.IGNORECASE
)
# "Paris cloud software firm Tessaly", "le toulonnais Sillage", "L'éditeur parisien de
# logiciels de gestion Tessaly": the place, lowercase words, then the name.
_BEFORE_NAME = re.compile(r"(?:[-‐]based)?(?:\s+[a-zà-ÿ'’-]+){0,6}\s+$")
# Words that end the phrase: a relative clause or another party ("the Clermont-Ferrand
# carpenter which Vernay acquired", "supplied by Sillage").
_OTHER_CLAUSE = frozenset(
    {"which", "that", "who", "whom", "whose", "where", "qui", "que", "dont", "où", "and", "et"}
    | {"by", "par", "with", "avec", "for", "pour", "to", "from", "chez", "of"}
)


def title_firms(text: str, names: list[PlaceName], title_end: int) -> set[str]:
    """The capitalised words of the title that are no place of ``names``: the firms it may
    name (read once per document, not once per place)."""
    places = {n.text for n in names}
    return {m.group() for m in _NAME.finditer(text, 0, title_end)} - places


def subject_home(text: str, name: PlaceName, firms: set[str], title_end: int) -> bool:
    """Whether ``name`` (after the title) describes one of ``firms``, the firms the title
    names (``title_firms``)."""
    if name.start < title_end or not firms:
        return False
    before = text[max(name.start - 80, title_end) : name.start]
    for firm in firms:
        at = before.rfind(firm)
        if at >= 0 and _APPOSITION.fullmatch(before, at + len(firm)):
            return True
    after = text[name.end : name.end + 80]
    for firm in firms:
        at = after.find(firm)
        if at > 0 and _BEFORE_NAME.fullmatch(after, 0, at):
            return not _OTHER_CLAUSE & set(after[:at].lower().split())
    return False


def paragraph_dateline(text: str, name: PlaceName, title_end: int) -> bool:
    """Whether ``name`` opens a paragraph after the title as its dateline ("Metz. ...")."""
    if name.start < title_end or not _PARAGRAPH_START.search(text, 0, name.start):
        return False
    return bool(_DATELINE_AFTER.match(text, name.end))


def keep_homes(
    kept: list[PlaceName], names: list[PlaceName], text: str, title_end: int
) -> list[PlaceName]:
    """``kept`` (the places left after those in passing) with every home of the title's
    firm and every paragraph dateline of ``names`` as found (department and all)."""
    by_start = {n.start: n for n in kept}
    firms = title_firms(text, names, title_end)
    for name in names:
        if subject_home(text, name, firms, title_end) or paragraph_dateline(text, name, title_end):
            by_start[name.start] = name
    return sorted(by_start.values(), key=lambda n: n.start)
