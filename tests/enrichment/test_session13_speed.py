"""Issue 14, session 13, speed: the same answers with less work.

``placenamesakes._commune_in`` reads the communes of one area, listed once per gazetteer
(``area_communes.py``), instead of walking every commune of the gazetteer at each call: it
must pick the commune the walk picked, for departments and regions, names that go on
("Montreuil" for Montreuil-sur-Mer) and names that do not.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment import placenamesakes
from myrtille.enrichment.area_communes import area_communes
from myrtille.enrichment.geography import Gazetteer, Place, place_key


def _walked(key: str, area: Place, gazetteer: Gazetteer) -> Place | None:
    """What ``_commune_in`` gave before session 13: the commune of the name in the area,
    else the largest one there whose name goes on after ``key``, by a full walk."""

    def inside(place: Place) -> bool:
        if area.department:
            return place.department == area.department
        return place.region == area.region

    small = gazetteer.small
    named = [*gazetteer.homonyms.get(key, ()), *small.get(key, ())]
    found = next((p for p in named if inside(p)), None)
    if found is not None:
        return found
    longer = [
        p
        for p in (*gazetteer.codes.values(), *(c for cs in small.values() for c in cs))
        if p.kind == "commune" and inside(p) and place_key(p.name).startswith(key + " ")
    ]
    return max(longer, key=lambda p: p.population, default=None)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("key", "area"),
    [
        ("montreuil", "department:62"),
        ("montreuil", "department:93"),
        ("saint", "department:38"),
        ("saint", "department:974"),
        ("la", "department:2A"),
        ("evry", "department:75"),
        ("chalons", "region:44"),
        ("saint", "region:84"),
        ("villeneuve", "region:76"),
        ("zzz", "region:11"),
    ],
)
def test_commune_in_picks_what_the_walk_picked(gazetteer: Gazetteer, key: str, area: str) -> None:
    place = gazetteer.by_code(area)
    assert place is not None
    expected = _walked(key, place, gazetteer)
    assert placenamesakes._commune_in(key, place, gazetteer, {}, gazetteer.small) == expected


def test_area_communes_lists_the_walks_communes_in_order(gazetteer: Gazetteer) -> None:
    for code in ("department:69", "department:971", "region:53"):
        area = gazetteer.by_code(code)
        assert area is not None
        listed = area_communes(area, gazetteer, gazetteer.small)
        small = [c for cs in gazetteer.small.values() for c in cs]
        walked = [
            p
            for p in (*gazetteer.codes.values(), *small)
            if p.kind == "commune"
            and (p.department == area.department if area.department else p.region == area.region)
        ]
        assert listed == walked
        assert len(listed) > 10
