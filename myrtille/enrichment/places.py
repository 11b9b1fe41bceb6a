"""Places of a document: the place names it mentions (found in the gazetteer), the
territory its notice fields give, and where the company it is about is registered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from myrtille.enrichment.geography import Gazetteer
from myrtille.enrichment.placenames import PlaceName
from myrtille.enrichment.registry import CompanyRecord


@dataclass
class DocumentPlaces:
    places: list[dict[str, Any]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # INSEE codes, first found first
    departments: list[str] = field(default_factory=list)


def document_places(
    names: Iterable[PlaceName],
    fields: Mapping[str, Any],
    gazetteer: Gazetteer,
    company: CompanyRecord | None,
) -> DocumentPlaces:
    """``names``: the place names found on the document's text (``placenames.py``);
    ``fields``: its source's structured fields (an open-data notice's department or
    region); ``company``: the registry record of the company it is about, if any."""
    found = DocumentPlaces()
    regions: dict[str, None] = {}
    departments: dict[str, None] = {}
    for name in names:
        place = name.place
        found.places.append(
            {
                "text": name.text,
                "kind": place.kind,
                "code": place.code,
                "region": place.region,
                "department": place.department,
            }
        )
        regions[place.region] = None
        if place.department:
            departments[place.department] = None
    for department in [fields.get("department"), *(fields.get("departments") or [])]:
        region = gazetteer.department_region.get(str(department or ""))
        if region:
            departments[str(department)] = None
            regions[region] = None
    if fields.get("region_code") in gazetteer.region_names:
        regions[str(fields["region_code"])] = None
    if company is not None:
        if company.department and company.department in gazetteer.department_region:
            departments[company.department] = None
            regions[gazetteer.department_region[company.department]] = None
        elif company.region in gazetteer.region_names:
            regions[str(company.region)] = None
    found.regions = list(regions)
    found.departments = list(departments)
    return found
