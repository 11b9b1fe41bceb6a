"""The communes of a department or a region, listed once per gazetteer (issue 14, session 13).

``placenamesakes._commune_in`` looks for the largest commune of an area whose name goes on
after a shorter one ("Montreuil" for Montreuil-sur-Mer). It went through the ~68,000
communes of the gazetteer and of its small-commune lists at each call: 40 to 100 ms a call
(the bench corpus's "Evry-Courcouronnes (Paris)", twice in 136 documents, cost ~0.7 ms a
document on average). The same walk is done here once per gazetteer and kept by area, in
the walk's order, so that a call reads (and folds the names of) only the area's communes,
as the walk did, and picks the same one (``max`` keeps the first of equals).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from myrtille.enrichment.geography import Gazetteer, Place

_ByArea = dict[str, list[Place]]
# The gazetteer and small-commune lists indexed, with their sizes when indexed (a place
# added since makes a new index), then the communes by department and by region.
_Index = tuple[Gazetteer, Mapping[str, Sequence[Place]], int, int, _ByArea, _ByArea]
_INDEXES: dict[tuple[int, int], _Index] = {}


def area_communes(
    area: Place, gazetteer: Gazetteer, small: Mapping[str, Sequence[Place]]
) -> list[Place]:
    """The communes of ``gazetteer.codes`` then of ``small`` (in that order, as listed
    there) that lie in ``area``'s department, or in its region when it has none."""
    key = (id(gazetteer), id(small))
    index = _INDEXES.get(key)
    if (
        index is None
        or index[0] is not gazetteer
        or index[1] is not small
        or index[2] != len(gazetteer.codes)
        or index[3] != len(small)
    ):
        by_department: _ByArea = defaultdict(list)
        by_region: _ByArea = defaultdict(list)
        for place in (*gazetteer.codes.values(), *(c for cs in small.values() for c in cs)):
            if place.kind == "commune":
                by_department[place.department or ""].append(place)
                by_region[place.region].append(place)
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        index = _INDEXES[key] = (
            gazetteer,
            small,
            len(gazetteer.codes),
            len(small),
            dict(by_department),
            dict(by_region),
        )
    if area.department:
        return index[4].get(area.department, [])
    return index[5].get(area.region, [])
