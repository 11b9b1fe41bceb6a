"""Places: names of French regions, departments and communes mapped to INSEE codes,
from the gazetteer shipped as package data (INSEE Code officiel géographique)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from myrtille.enrichment.patterns import fold

_PREFIXES = (
    "region ",
    "departement de la ",
    "departement des ",
    "departement du ",
    "departement de l'",
    "departement de ",
    "departement ",
    "la ",
    "le ",
    "les ",
    "l'",
    "the ",
    "en ",
    "au ",
    "aux ",
    "a ",
    "dans le ",
    "dans la ",
)
_SEPARATORS = re.compile(r"[\s\-'’]+")
_SAINT = re.compile(r"^(st|ste) ")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # region, department or commune
    region: str
    department: str | None
    code: str  # the INSEE code of the place itself
    population: int = 0  # given for communes only


@dataclass(frozen=True)
class PlaceName:
    """A place name found in a text, at [start, end) of it."""

    text: str
    start: int
    end: int
    place: Place


# The rules of one document key the same few names again and again (each name found against
# every other, at each pass): the last keys made are kept.
@lru_cache(maxsize=4096)
def place_key(name: str) -> str:
    """Folded, articles and 'région'/'département' dropped, hyphens as spaces, St -> saint."""
    text = fold(name).strip()
    # Most names (every commune is keyed at load) start with no prefix: one test skips the
    # passes.
    changed = text.startswith(_PREFIXES)
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix) + 1:
                text = text[len(prefix) :]
                changed = True
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith(("st ", "ste ")):
        text = _SAINT.sub(_saint, text)
    return text


def _saint(match: re.Match[str]) -> str:
    return "saint " if match.group(1) == "st" else "sainte "


class Gazetteer:
    """Place names to places; a name shared by several communes goes to the largest."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.region_names: dict[str, str] = {}
        self.department_region: dict[str, str] = {}
        self.department_names: dict[str, str] = {}
        self.codes: dict[str, Place] = {}  # "kind:INSEE code" -> the place
        self.acronyms: set[str] = set()  # names written in capitals ("PACA", "IDF")
        # The communes below 10,000 inhabitants that are not chefs-lieux, by name: every
        # homonym kept, for the document's other places to choose among them.
        self.small: dict[str, list[Place]] = {}
        # The names shared by several communes of 10,000+ inhabitants ("Saint-Denis" in
        # Seine-Saint-Denis and in La Réunion), largest first.
        self.homonyms: dict[str, list[Place]] = {}

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        gazetteer = cls()
        base = resources.files("myrtille.config").joinpath("data/geography")
        with base.joinpath("regions.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                gazetteer.region_names[row["code"]] = row["name"]
                for name in [row["name"], *_aliases(row.get("aliases"))]:
                    gazetteer._add(
                        name, Place(row["name"], "region", row["code"], None, row["code"])
                    )
        with base.joinpath("departments.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                gazetteer.department_region[row["code"]] = row["region"]
                gazetteer.department_names[row["code"]] = row["name"]
                for name in [row["name"], *_aliases(row.get("aliases"))]:
                    gazetteer._add(
                        name,
                        Place(row["name"], "department", row["region"], row["code"], row["code"]),
                    )
        communes = []
        with base.joinpath("communes.csv").open(encoding="utf-8") as handle:
            communes = list(csv.DictReader(handle))
        communes.sort(key=lambda r: -int(r.get("population") or 0))
        for row in communes:
            region = gazetteer.department_region.get(row["department"])
            if region:
                place = Place(
                    row["name"],
                    "commune",
                    region,
                    row["department"],
                    row["insee"],
                    int(row.get("population") or 0),
                )
                gazetteer._add(row["name"], place)
                gazetteer.homonyms.setdefault(place_key(row["name"]), []).append(place)
        gazetteer.homonyms = {k: v for k, v in gazetteer.homonyms.items() if len(v) > 1}
        with base.joinpath("small_communes.csv").open(encoding="utf-8") as handle:
            small = sorted(csv.DictReader(handle), key=lambda r: -int(r["population"] or 0))
            for row in small:
                region = gazetteer.department_region.get(row["department"])
                if region:
                    place = Place(
                        row["name"],
                        "commune",
                        region,
                        row["department"],
                        row["insee"],
                        int(row["population"] or 0),
                    )
                    gazetteer.codes[f"commune:{row['insee']}"] = place
                    gazetteer.small.setdefault(place_key(row["name"]), []).append(place)
        return gazetteer

    def _add(self, name: str, place: Place) -> None:
        key = place_key(name)
        self.codes.setdefault(f"{place.kind}:{place.code}", place)
        if len(name) > 1 and name.isupper():
            self.acronyms.add(name)
        # Regions and departments are added first and win over homonymous communes;
        # among communes the most populous (added first) wins.
        if key and key not in self.places:
            self.places[key] = place

    def region_departments(self, region: str) -> list[str]:
        return [d for d, r in self.department_region.items() if r == region]

    def resolve(self, name: str) -> Place | None:
        return self.places.get(place_key(name))

    def by_code(self, reference: str) -> Place | None:
        """``reference``: "commune:13055", "department:29" or "region:53"."""
        return self.codes.get(reference)


def _aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]
