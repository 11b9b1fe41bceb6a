"""Which commune a name shared by several stands for: the one in a department (or region)
the document names, the one whose department is in brackets after it ("Saint-Denis (93)"),
else the largest only when it dwarfs the others ("Saint-Pierre" is La Réunion's, 85,000
inhabitants, not Martinique's, 4,000); "Saint-Denis" alone (Réunion 156,000, Seine-Saint-
Denis 149,000) is no place at all. Small communes (under 10,000 inhabitants) need more:
a neighbour, a bracket, or a place cue when no other commune has their name."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from myrtille.enrichment.geography import Gazetteer, Place, place_key

# A small commune named by one word counts after a cue from this population up.
SMALL_ALONE = 1000
# Among large homonyms, the largest is meant without context from this ratio up.
DWARFS = 3


def bracketed_department(text: str, end: int, place: Place, gazetteer: Gazetteer) -> bool:
    """ "Laval (Mayenne)", "Laval (53)": the department in brackets just after the name."""
    match = re.match(r"\s*\(([^)]{1,40})\)", text[end : end + 45])
    if not match or not place.department:
        return False
    inside = match.group(1).strip()
    return inside.upper() == place.department or place_key(inside) == place_key(
        gazetteer.department_names.get(place.department, "")
    )


def located(
    place: Place, end: int, neighbours: Collection[str | None], text: str, gazetteer: Gazetteer
) -> bool:
    """Whether the text ties a name ending at ``end`` to its French department: another
    place of it among ``neighbours`` (the departments of the text's other places), or the
    department in brackets after it."""
    return place.department in neighbours or bracketed_department(text, end, place, gazetteer)


# "Vire, dans le Calvados", "Vienne, en Isère": the department in apposition.
_APPOSED = re.compile(r"\s*,\s*(?:dans\s+(?:le|la|les)\s+|dans\s+l['’]\s*|en\s+)([^\W\d][\w'’-]*)")


def apposed_department(text: str, end: int, gazetteer: Gazetteer) -> str | None:
    """The code of the department named in apposition just after ``end``, if any."""
    match = _APPOSED.match(text, end)
    if not match:
        return None
    place = gazetteer.places.get(place_key(match.group(1)))
    return place.department if place is not None and place.kind == "department" else None


def _by_context(
    homonyms: Sequence[Place],
    text: str,
    end: int,
    departments: Collection[str | None],
    gazetteer: Gazetteer,
) -> Place | bool | None:
    """The homonym the document points to; False when an apposition names a department
    none of them is in ("Vire, dans le Calvados" is not the Vire of Saône-et-Loire)."""
    apposed = apposed_department(text, end, gazetteer)
    if apposed is not None:
        return next((p for p in homonyms if p.department == apposed), False)
    for place in homonyms:
        if place.department in departments:
            return place
    for place in homonyms:
        if bracketed_department(text, end, place, gazetteer):
            return place
    return None


def large_homonym(
    homonyms: Sequence[Place],
    text: str,
    end: int,
    departments: Collection[str | None],
    regions: Collection[str],
    gazetteer: Gazetteer,
) -> Place | None:
    """``homonyms``: communes of 10,000+ inhabitants sharing a name, largest first; ``end``:
    where the name ends in ``text``; ``departments``, ``regions``: the document's other
    places."""
    chosen = _by_context(homonyms, text, end, departments, gazetteer)
    if chosen is not None:
        return chosen or None
    for place in homonyms:
        if place.region in regions:
            return place
    if homonyms[0].population >= DWARFS * homonyms[1].population:
        return homonyms[0]
    return None


def small_commune(
    homonyms: Sequence[Place],
    text: str,
    end: int,
    departments: Collection[str | None],
    gazetteer: Gazetteer,
    *,
    cue: bool,
    one_word: bool,
) -> Place | None:
    """The commune a small commune's name stands for: the homonym in a department the
    document names, or in the department in brackets, or the only one after a cue."""
    chosen = _by_context(homonyms, text, end, departments, gazetteer)
    if chosen is not None or not cue or len(homonyms) != 1:
        return chosen or None
    # A one-word hamlet after "à" is as often a first name or a word ("à Marie").
    return homonyms[0] if not one_word or homonyms[0].population >= SMALL_ALONE else None


def commune_named_so(
    homonyms: Sequence[Place],
    place: Place,
    departments: Collection[str | None],
    regions: Collection[str],
) -> Place | None:
    """The commune among ``homonyms`` (small communes named like the department or region
    ``place``) whose department the document names while it names nothing else of
    ``place``'s department or region: "Roussillon, en Isère" is the Isère commune, not the
    province."""
    if place.kind == "commune" or place.department in departments or place.region in regions:
        return None
    return next((c for c in homonyms if c.department in departments), None)
