"""A town and the name of one of its districts, stations or business parks joined by a
hyphen: "Tours-Nord", "Lyon-Part-Dieu", "Nantes-Atlantique", "Rennes-Atalante". The
gazetteer holds no such compound, and a hyphenated compound is otherwise no place (it is
a longer name: "Montoir-de-Bretagne"). The compound is the town's when what follows the
hyphen is capitalised (no link word: "Saint-Quentin-en-Yvelines" is a new town, not
Saint-Quentin) and is no region, department or city abroad ("Caen-Normandie",
"Lyon-Turin"); another French commune joins the town to its neighbour ("Lens-Dourges",
"Caen-Ouistreham", "Belfort-Montbéliard", "Marseille-Fos": an area, a port, a logistics
hub named after both, whose first town the annotators count; session 15), and when the
town's name is no common word or other name: "Croix-Rousse" is
Lyon's, not Croix's. A compass point alone is a district of any town ("Tours-Nord")
except Paris, whose compounds name places around it ("Paris-Nord Villepinte", "Paris-Sud"
in Orsay, "Paris-La Défense"): Paris never gets them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from myrtille.enrichment.abroad import CITIES_ABROAD, names_abroad
from myrtille.enrichment.geography import Place, place_key
from myrtille.enrichment.placewords import Word

_HYPHENS = ("-", "‐")
_COMPASS = frozenset({"nord", "sud", "est", "ouest"})
_PARIS = "75056"
# "Lyon-Turin", "Paris-Florence": a route or a pair of cities (each rule of the list).
_CITIES = frozenset(place_key(row["name"]) for row in CITIES_ABROAD)
_LONGEST_SUFFIX = 3  # words: "Part-Dieu", "Saint-Charles", "Porte-de-..." is too long


def district_of_town(
    text: str,
    words: Sequence[Word],
    end: int,
    place: Place,
    place_named: Callable[[tuple[str, ...]], Place | None],
    *,
    plain: bool,
) -> bool:
    """Whether the hyphenated words after ``words[:end]`` (a commune's name) are a district
    of that commune. ``place_named``: the gazetteer's place of a name's folded words;
    ``plain``: the commune's name is no common word, no other name and no homonym."""
    if place.kind != "commune" or place.code == _PARIS:
        return False
    suffix: list[Word] = []
    at = end
    while at < len(words) and text[words[at - 1][2] : words[at][1]] in _HYPHENS:
        suffix.append(words[at])
        at += 1
    if not suffix or len(suffix) > _LONGEST_SUFFIX:
        return False
    if not all(text[word[1]].isupper() for word in suffix):
        return False  # "Saint-Quentin-en-Yvelines", "Saint-Denis-de-la-Réunion"
    if at < len(words) and text[words[at - 1][2] : words[at][1]] in ("'", "’"):
        return False  # "Villeneuve-d'Ascq": a longer name cut by an apostrophe
    written = text[suffix[0][1] : suffix[-1][2]]
    if len(suffix) == 1 and suffix[0][0] in _COMPASS:
        return True
    if not plain or names_abroad(written) or place_key(written) in _CITIES:
        return False
    folded = [word[0] for word in suffix]
    named = (place_named(tuple(folded[:n])) for n in range(1, len(folded) + 1))
    return all(place is None or place.kind == "commune" for place in named)
