"""Second look at the place names found in a text, with the whole text in view: a name
that one mention makes a town makes every plain mention of it that town, a small town
wins its name from a larger one when the text dwells on the small one's department, and a
word the text uses with a number is that word throughout.

Why: the name matcher judges each mention alone. "Résinal to shut Vienne plant … its
factory in Vienne, some 30 km south of Lyon" is the Isère town in all three mentions,
though only one says so; "à Valence … la Valence du Tarn-et-Garonne … Moissac,
Castelsarrasin" is Valence (82), not the Drôme's prefecture; "Lot 1 : lignes … Lot
infructueux" speaks of a tender's lots, not of the Lot.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from myrtille.enrichment.area_communes import area_communes
from myrtille.enrichment.geography import Gazetteer, Place, PlaceName, place_key
from myrtille.enrichment.placechoice import apposed_department, apposed_place
from myrtille.enrichment.placelists import extra_names

# A small town takes its name from a larger one only when the text names its department
# this often (other places than the name itself), and more than twice as often as the
# larger one's.
_SMALL_TOWN_WEIGHT = 2
# "la Vienne", "the Vienne", "de la Vienne", "dans la Vienne": a department (a town's
# name takes no article); "the Vienne department", "le département de la Vienne".
_DEPARTMENT_BEFORE = re.compile(r"(?i:\b(?:la|the|l['’]|département|department)\s*)$")
_DEPARTMENT_AFTER = re.compile(r"(?i:\s+(?:department|département)\b)")


def namesakes(
    names: Sequence[PlaceName],
    text: str,
    gazetteer: Gazetteer,
    shadowed: Mapping[str, Sequence[Place]],
    small: Mapping[str, Sequence[Place]],
) -> list[PlaceName]:
    """``names``: the place names found in ``text``; ``shadowed``: communes named like a
    department or a region, by folded name; ``small``: communes under 10,000 inhabitants,
    by folded name, largest first."""
    names = _placed_communes(names, text, gazetteer, shadowed, small)
    names = _towns_in_apposition(names, text, gazetteer, shadowed)
    names = _small_towns(names, small)
    return [n for n in names if not _numbered_word(n, text)]


_BRACKET = re.compile(r"\s*\(([^)]{1,40})\)")
_CODE = re.compile(r"\d{2,3}|2[AB]")


def _stated_area(text: str, end: int, gazetteer: Gazetteer) -> Place | None:
    """The department or region a commune's name ending at ``end`` is put in: in brackets
    ("Valence (Tarn-et-Garonne)", "(82)", "(La Réunion)"), in apposition ("Valence, dans le
    Tarn-et-Garonne") or by a town nearby ("Montreuil, près de Berck")."""
    bracket = _BRACKET.match(text, end)
    if bracket:
        inside = bracket.group(1).strip()
        if _CODE.fullmatch(inside.upper()):
            return gazetteer.by_code(f"department:{inside.upper()}")
        place = gazetteer.places.get(place_key(inside))
        if place is not None and place.kind != "commune":
            return place
    code = apposed_department(text, end, gazetteer)
    if code is not None:
        return gazetteer.by_code(f"department:{code}")
    return apposed_place(text, end, gazetteer)


def _placed_communes(
    names: Sequence[PlaceName],
    text: str,
    gazetteer: Gazetteer,
    shadowed: Mapping[str, Sequence[Place]],
    small: Mapping[str, Sequence[Place]],
) -> list[PlaceName]:
    """ "à Valence (Tarn-et-Garonne)", "à Montreuil, près de Berck": a commune's name put in
    another department than the commune found is that department's commune of the name
    (or, said short, of a longer name: Montreuil-sur-Mer), in every mention."""
    towns: dict[str, Place] = {}
    for name in names:
        key = place_key(name.text)
        if name.place.kind != "commune" or key in towns:
            continue
        area = _stated_area(text, name.end, gazetteer)
        if area is None or area.department == name.place.department:
            continue
        if not area.department and area.region == name.place.region:
            continue  # "Saint-Denis (La Réunion)": the region of the commune found
        town = _commune_in(key, area, gazetteer, shadowed, small)
        if town is not None:
            towns[key] = town
    if not towns:
        return list(names)
    return [replace(n, place=towns.get(place_key(n.text), n.place)) for n in names]


def _commune_in(
    key: str,
    area: Place,
    gazetteer: Gazetteer,
    shadowed: Mapping[str, Sequence[Place]],
    small: Mapping[str, Sequence[Place]],
) -> Place | None:
    """The commune named ``key`` in ``area`` (a department, or a region), else the largest
    there whose name goes on after it ("Montreuil" for Montreuil-sur-Mer)."""

    def inside(place: Place) -> bool:
        if area.department:
            return place.department == area.department
        return place.region == area.region

    named = [*gazetteer.homonyms.get(key, ()), *small.get(key, ()), *shadowed.get(key, ())]
    found = next((p for p in named if inside(p)), None)
    if found is not None:
        return found
    head = key + " "
    # the area's communes, listed once per gazetteer (area_communes.py, session 13)
    longer = [
        p for p in area_communes(area, gazetteer, small) if place_key(p.name).startswith(head)
    ]
    return max(longer, key=lambda p: p.population, default=None)


def _towns_in_apposition(
    names: Sequence[PlaceName],
    text: str,
    gazetteer: Gazetteer,
    shadowed: Mapping[str, Sequence[Place]],
) -> list[PlaceName]:
    """ "Vienne, south of Lyon": the town named like a department, placed by the place in
    apposition after one mention; every mention without an article or "department" is
    that town then."""
    towns: dict[str, Place] = {}
    for name in names:
        key = place_key(name.text)
        if name.place.kind == "commune" or key not in shadowed or key in towns:
            continue
        near = apposed_place(text, name.end, gazetteer)
        if near is None or near.department == name.place.department:
            continue
        homonyms = shadowed[key]
        town = next((c for c in homonyms if c.department == near.department), None)
        town = town or next((c for c in homonyms if c.region == near.region), None)
        if town is not None:
            towns[key] = town
    if not towns:
        return list(names)
    chosen = []
    for name in names:
        town = towns.get(place_key(name.text))
        if town is not None and name.place.kind != "commune" and not _as_department(name, text):
            name = replace(name, place=town)
        chosen.append(name)
    return chosen


def _as_department(name: PlaceName, text: str) -> bool:
    before = text[max(name.start - 14, 0) : name.start]
    return bool(_DEPARTMENT_BEFORE.search(before) or _DEPARTMENT_AFTER.match(text, name.end))


def _small_towns(
    names: Sequence[PlaceName], small: Mapping[str, Sequence[Place]]
) -> list[PlaceName]:
    """ "à Valence … le Tarn-et-Garonne … Moissac, Castelsarrasin": a town's name shared by a
    small commune of a department the text dwells on, while it names the larger town's
    department far less, is the small commune."""
    keys = [place_key(n.text) for n in names]
    chosen = []
    for name, key in zip(names, keys, strict=True):
        homonyms = small.get(key, ()) if name.place.kind == "commune" else ()
        if homonyms and name.place not in homonyms:  # a small one was chosen by context
            others = zip(names, keys, strict=True)
            counts = Counter(n.place.department for n, k in others if k != key)
            larger = counts[name.place.department]
            for homonym in homonyms:
                weight = counts[homonym.department]
                if weight >= _SMALL_TOWN_WEIGHT and weight > 2 * larger:
                    name = replace(name, place=homonym)
                    break
        chosen.append(name)
    return chosen


# "Lot 1", "lot n° 2": a tender's lot.
_NUMBER_AFTER = r"\s*(?:n[°ºo]\.?\s*)?\d"


@cache
def _word_names() -> frozenset[str]:
    """The names ``names.csv`` gives as common words too ("Lot", "Sens", "Tours")."""
    rules = extra_names(Gazetteer.default())[1]
    return frozenset(key for key, rule in rules.items() if rule == "word")


def _numbered_word(name: PlaceName, text: str) -> bool:
    """Whether a name that is also a word ("Lot") is written with a number somewhere in the
    text ("Lot 2 : lignes 120 à 126"): the text uses the word, and its bare "Lot
    infructueux" is that word too (a place cue would have to say otherwise)."""
    if name.place.kind == "commune" or place_key(name.text) not in _word_names():
        return False
    if re.match(r"(?i:\s*(?:-et-|et\b))", text[name.end : name.end + 6]):
        return False  # "Lot-et-Garonne" is found as one name; a list "Lot et Aveyron"
    numbered = re.search(rf"\b{re.escape(name.text)}{_NUMBER_AFTER}", text) is not None
    cue = re.search(r"(?i:\b(?:dans|in|du|of|en|à)\s+(?:le\s+|the\s+)?)$", text[: name.start])
    return numbered and cue is None
