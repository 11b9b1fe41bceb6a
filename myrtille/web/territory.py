"""The territory map: how many documents a query matches in each region or department,
and the shaded areas that draw those counts.

Counts are a facet over every match (``dept`` or ``region``), so the map and the search's
facet always agree. The shapes come from ``geodata/france.json`` (CC BY 4.0, see
``geodata/LICENSE-svg-maps.md``), shipped with the package and never fetched at run time.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from myrtille.index.base import FacetCount, IndexBackend, SearchRequest
from myrtille.index.query import And, DateBound, Node, Or
from myrtille.texts import labels

Level = Literal["department", "region"]
LEVELS: tuple[Level, ...] = ("department", "region")
# The query language's field for each level, also the index facet that counts it.
FIELDS: dict[Level, str] = {"department": "dept", "region": "region"}
# Shades above zero; zero has its own light class so "none" never looks like "few".
CLASSES = 5
# A facet limit above the number of areas of any level (101 departments): counts complete.
EVERY_AREA = 500
ATTRIBUTION = "© Victor Cazanave (svg-maps) after MapSVG, CC BY 4.0; modified"
ATTRIBUTION_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class AreaCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class TerritoryCounts:
    level: Level
    total: int  # documents matched, placed or not
    areas: list[AreaCount]  # every area of the level, zeros included, in code order

    @property
    def top(self) -> int:
        return max((a.count for a in self.areas), default=0)


def codes(level: Level) -> dict[str, str]:
    """INSEE code → name of every area of a level (names are the same in both languages)."""
    return dict(labels("fr")[level])


def period_query(node: Node, after: date | None, before: date | None) -> Node:
    bounds = [DateBound(name, day) for name, day in (("after", after), ("before", before)) if day]
    return And((node, *bounds)) if bounds else node


def territory_counts(index: IndexBackend, node: Node, level: Level) -> TerritoryCounts:
    facet = FIELDS[level]
    result = index.search(
        SearchRequest(query=node, per_page=1, facets=(facet,), facet_limit=EVERY_AREA)
    )
    return from_facet(level, result.facets.get(facet, []), result.total)


def from_facet(level: Level, facet: Sequence[FacetCount], total: int) -> TerritoryCounts:
    """Every area of ``level`` with its count from a complete facet (``EVERY_AREA``)."""
    names = codes(level)
    # Index values are folded ("2a"); the map speaks INSEE codes ("2A"). A value that is
    # no INSEE code (an older gazetteer's) has no place on the map.
    by_folded = {code.lower(): code for code in names}
    counted = {by_folded[f.value.lower()]: f.count for f in facet if f.value.lower() in by_folded}
    areas = [AreaCount(code, name, counted.get(code, 0)) for code, name in sorted(names.items())]
    return TerritoryCounts(level=level, total=total, areas=areas)


def shade(count: int, top: int) -> int:
    """Class 0 for none, else 1..CLASSES in equal steps of the largest count."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, -(-count * CLASSES // top))


def legend(top: int) -> list[tuple[int, int, int]]:
    """(class, lowest, highest count) of each class that a whole count can fall in."""
    rows = [(0, 0, 0)]
    for k in range(1, CLASSES + 1):
        low, high = (k - 1) * top // CLASSES + 1, k * top // CLASSES
        if low <= high:
            rows.append((k, low, high))
    return rows


def narrowed_query(
    q: str, node: Node, level: Level, code: str, after: date | None, before: date | None
) -> str:
    """The search for ``q`` in one area and period, written in the query language."""
    parts = []
    if q.strip():
        # "a OR b dept:31" would narrow only b: a top-level OR is grouped first.
        parts.append(f"({q.strip()})" if isinstance(node, Or) else q.strip())
    parts.append(f"{FIELDS[level]}:{code}")
    parts += [
        f"{name}:{day.isoformat()}" for name, day in (("after", after), ("before", before)) if day
    ]
    return " ".join(parts)


@cache
def geometry() -> dict[str, Any]:
    path = resources.files("myrtille.web").joinpath("geodata/france.json")
    return json.loads(path.read_text(encoding="utf-8"))


def map_areas(counts: TerritoryCounts, href: dict[str, str]) -> dict[str, Any]:
    """What the map template draws: the viewBox, one shaded path per area with its link,
    and the overseas insets' frames."""
    shapes = geometry()["departments" if counts.level == "department" else "regions"]
    top = counts.top
    field = "department" if counts.level == "department" else "region"
    inset_boxes = {inset[field]: inset["box"] for inset in geometry()["insets"]}
    areas = [
        {
            "code": area.code,
            "name": area.name,
            "count": area.count,
            "shade": shade(area.count, top),
            "d": shapes[area.code],
            "href": href[area.code],
            # An overseas area's whole inset is its link: islands are too small to tap.
            "inset": inset_boxes.get(area.code),
        }
        for area in counts.areas
        if area.code in shapes
    ]
    names = codes(counts.level)
    insets = [
        {"box": inset["box"], "name": names.get(inset[field], inset[field])}
        for inset in geometry()["insets"]
    ]
    return {
        "view_box": " ".join(f"{v:g}" for v in geometry()["view_box"]),
        "areas": areas,
        "insets": insets,
        "legend": legend(top),
        "top": top,
    }


def counts_csv(counts: TerritoryCounts) -> str:
    """code,name,count per area, every area of the level (zeros included)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["code", "name", "count"])
    writer.writerows([a.code, a.name, a.count] for a in counts.areas)
    return out.getvalue()
