"""Which commune a name shared by several stands for: the one in a department (or region)
the document names, the one whose department is in brackets after it ("Saint-Denis (93)"),
else the largest only when it dwarfs the others ("Saint-Pierre" is La Réunion's, 85,000
inhabitants, not Martinique's, 4,000); "Saint-Denis" alone (Réunion 156,000, Seine-Saint-
Denis 149,000) is no place at all. Small communes (under 10,000 inhabitants) need more:
a neighbour, a bracket, or a place cue when no other commune has their name."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from myrtille.enrichment.geography import Gazetteer, Place, place_key

# A small commune named by one word counts after a cue from this population up.
SMALL_ALONE = 1000
# Among large homonyms, the largest is meant without context from this ratio up.
DWARFS = 3
# A town, not a hamlet, for a commune named like its department's or region's neighbour
# (Vienne, Roussillon, Mayenne; not Loiré, Indre, Doubs).
TOWN = 5_000


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


# "Saint-Denis, on Réunion island", "Saint-Denis, just north of Paris", "Saint-Pierre, à La
# Réunion", "Saint-Denis, near Paris": a place in apposition (an island, a region, a town
# nearby) says which homonym it is: the one of its department, else of its region.
_APPOSED_PLACE = re.compile(
    r"\s*,\s*(?:(?:just|some|about|à)\s+)?(?:\d+\s*(?:km|kilomètres|kilometres|miles)\s+)?"
    r"(?:(?:north|south|east|west|north-east|north-west|south-east|south-west)\s+of"
    r"|(?:au\s+)?(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)\s+d[e'’]"
    r"|near|outside|close\s+to|in|on|on\s+the\s+island\s+of|à|sur\s+l['’]île\s+de"
    r"|près\s+d[e'’]|aux\s+portes\s+d[e'’])"
    r"\s*(?:the\s+|la\s+|l['’]\s*)?([A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?)"
)


def apposed_place(text: str, end: int, gazetteer: Gazetteer) -> Place | None:
    """The place named in apposition just after ``end`` ("Saint-Denis, on Réunion island"),
    if the gazetteer knows it (its first word alone when the two do not make a name)."""
    match = _APPOSED_PLACE.match(text, end)
    if not match:
        return None
    words = match.group(1).split()
    for length in range(len(words), 0, -1):
        place = gazetteer.places.get(place_key(" ".join(words[:length])))
        if place is not None:
            return place
    return None


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
    near = apposed_place(text, end, gazetteer)
    if near is not None:
        chosen = None
        if near.department:
            chosen = next((p for p in homonyms if p.department == near.department), None)
        chosen = chosen or next((p for p in homonyms if p.region == near.region), None)
        if chosen is not None:
            return chosen
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
    province; failing its department, its region will do."""
    if place.kind == "commune" or place.department in departments or place.region in regions:
        return None
    # "its site in Vienne, south of Lyon ... a new centre near Lyon": a town's region named,
    # the department's nowhere, is the town's too (not a hamlet's: "the Loire" is no Loiré).
    return next((c for c in homonyms if c.department in departments), None) or next(
        (c for c in homonyms if c.region in regions and c.population >= TOWN), None
    )


# "26000 Valence", "93200 Saint-Denis", "20600 Bastia": a French postcode before a town is
# an address, and its first digits are the town's department (two, three overseas; Corsica's
# 20 is either half). Not a mailbox number ("BP 12345", "CS 20001") nor part of a longer number.
_POSTCODE = re.compile(
    r"(?<![\w/.,-])(?<!BP )(?<!CS )(\d{5})[ \t\u00a0]+(?:(?:L[ae]s?|L['’])[ \t\u00a0]*)?$",
    re.IGNORECASE,
)


# "plan de cession ... au profit de la société X, siège social ..., 29300 Quimperlé": a
# buyer's seat in a judgment, which annotators leave out as often as not.
_BUYER = re.compile(r"au\s+profit\s+d|\bcessionnaire\b", re.IGNORECASE)


def addressed(text: str, start: int) -> bool:
    """Whether the place name at ``start`` follows a postcode: an address (not a buyer's)."""
    if _POSTCODE.search(text, max(start - 16, 0), start) is None:
        return False
    return not _BUYER.search(text, max(start - 160, 0), start)


# "RCS Dijon": a trade register's town, where a firm is registered.
_REGISTER = re.compile(r"(?:RCS|R\.C\.S\.)\s+$")


def stated(text: str, start: int, end: int, place: Place) -> bool:
    """Whether the name at [start, end) of ``text`` is stated as a seat or a site: its
    department in brackets after it ("Dijon (Côte-d'Or)", "Poligny (39)", a notice's
    winner or buyer) or a trade register before it ("RCS Dijon")."""
    if _REGISTER.search(text, max(start - 8, 0), start):
        return True
    return bracketed_department(text, end, place, Gazetteer.default())


def postcode_place(
    text: str, start: int, key: str, place: Place, gazetteer: Gazetteer, shadowed: Sequence[Place]
) -> Place | None:
    """The commune named ``key`` (found as ``place``, starting at ``start``) in the
    department of the postcode just before it, among every commune of that name (large,
    small, or named like a department: ``shadowed``); None without a postcode or when no
    commune of that name is in its department."""
    match = _POSTCODE.search(text, max(start - 16, 0), start)
    if match is None:
        return None
    code = match.group(1)
    department = code[:3] if code.startswith("97") else code[:2]
    candidates = [place, *gazetteer.homonyms.get(key, ()), *gazetteer.small.get(key, ())]
    for candidate in [*candidates, *shadowed]:
        found = candidate.department or ""
        if found == department or (department == "20" and found in ("2A", "2B")):
            return candidate
    return None


def shortened(place: Place, others: Iterable[Place]) -> Place:
    """A commune whose name is the head of a longer commune's the text names, in another
    department, is that commune said short: "Clermont's new aquatic centre" in a text about
    Clermont-Ferrand is not Clermont in the Oise."""
    if place.kind != "commune":
        return place
    head = place_key(place.name) + " "
    for other in others:
        if (
            other.kind == "commune"
            and other.department != place.department
            and place_key(other.name).startswith(head)
        ):
            return other
    return place
