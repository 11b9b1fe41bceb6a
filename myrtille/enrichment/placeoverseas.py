"""A mainland hamlet's name in a text placed overseas is a district or a hamlet of the
island: "Les Délices de Bourbon investissent à Pierrefonds", the business park of
Saint-Pierre de La Réunion, is not Pierrefonds in the Oise. Overseas towns name their
districts, business parks and lieux-dits after mainland villages ("Pierrefonds", "Bellevue",
"Montgaillard"), and a cue ("à", "la zone de") is all the text gives them.

A mainland village (under 5,000 inhabitants) found once as a place, in a text whose every
other place is overseas, is left out. A mainland place found twice or more ("Chamonix
hotelier buys beachfront hotel on Réunion … six mountain hotels in Chamonix"), a town, a
department or a region keeps every mainland place. (A village found once may be a mainland
firm's home, "chalets in Megève"; no tuning text has one, and the district is the commoner.)
"""

from __future__ import annotations

from collections.abc import Sequence

from myrtille.enrichment.geography import PlaceName
from myrtille.enrichment.placechoice import TOWN

# Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
OVERSEAS_REGIONS = frozenset({"01", "02", "03", "04", "06"})


def without_mainland_hamlets(names: Sequence[PlaceName]) -> list[PlaceName]:
    """``names`` without the mainland village found once in a text whose other places are
    all overseas."""
    regions = {n.place.region for n in names}
    if not regions & OVERSEAS_REGIONS:
        return list(names)
    mainland = [n for n in names if n.place.region not in OVERSEAS_REGIONS]
    villages = [n for n in mainland if n.place.kind == "commune" and n.place.population < TOWN]
    if len(villages) != len(mainland) or len({n.place for n in villages}) != len(villages):
        return list(names)  # a mainland town, department or region, or one named again
    return [n for n in names if n.place.region in OVERSEAS_REGIONS]


__all__ = ["OVERSEAS_REGIONS", "without_mainland_hamlets"]
