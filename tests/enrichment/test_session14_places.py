"""Places (session 14): an inhabitants' name opening the first paragraph under a title.

A lowercase inhabitants' name after a capitalised word that does not open a sentence closes
a title ("Le Courrier picard", "le Stade rennais"); the title above the text ends without a
full stop, so a lead opening on "Le montpelliérain Hélionergie" or "La lyonnaise Ydral" had
its demonym read as such a title and gave no place. A line break before the capitalised
word now opens a sentence. Guards: a title mid-sentence, and one opening the lead, stay no
place.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-lead-demonym-masculine",
        "Hélionergie s'allie à un installateur de Toulon",
        "Le montpelliérain Hélionergie, spécialiste des centrales photovoltaïques, a signé "
        "mardi un accord de partenariat pour développer des centrales solaires couplées à "
        "des batteries.",
        {"34", "83"},
        {"76", "93"},
    ),
    (
        "fr-lead-demonym-feminine",
        "Ydral lève 4 millions d'euros pour sa pompe à chaleur",
        "La lyonnaise Ydral a bouclé un tour de table de 4 millions d'euros auprès de deux "
        "fonds. La jeune pousse embauchera vingt ingénieurs d'ici à la fin de l'année.",
        {"69"},
        {"84"},
    ),
    (
        "fr-guard-club-mid-sentence",
        "Ydral signe un contrat de sponsoring",
        "La jeune pousse Ydral a signé un contrat de sponsoring avec le Stade rennais pour "
        "deux saisons, a-t-elle annoncé mardi.",
        set(),
        set(),
    ),
    (
        "fr-guard-club-opening-the-lead",
        "Ydral signe un contrat de sponsoring",
        "Le Stade rennais a signé un contrat de sponsoring de deux saisons avec la jeune "
        "pousse Ydral, a annoncé le club mardi.",
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "text", "departments", "regions"), CASES, ids=[c[0] for c in CASES]
)
def test_places(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


# A round-up: each item under a heading in capitals is news of its own; a place opening the
# item's first sentence is that item's firm's, never one in passing.
ROUNDUP_EN = (
    "FRENCH COMPANIES - Caldor, Brévia",
    "RENNES, March 6 - The following is a round-up of news from companies in Brittany.\n\n"
    "CALDOR\n"
    "The Brest shipbuilder said it had won a contract to build two ferries at its Brest "
    "yard. Work in Brest starts in May and will keep 300 people busy in Brest.\n\n"
    "BRÉVIA\n"
    "{brevia}\n\n"
    "MARKET CONTEXT\n"
    "Industrial hiring in the region slowed this year, the statistics office said.",
)
ROUNDUP_FR = (
    "Les brèves de l'industrie de l'Ouest",
    "Les informations des entreprises de l'Ouest cette semaine.\n\n"
    "KERLAN\n"
    "Le chantier brestois Kerlan a livré un navire à Brest. Il en construira deux autres à "
    "Brest l'an prochain, et embauchera vingt soudeurs sur son site de Brest.\n\n"
    "LAITERIE DU BLAVET\n"
    "{blavet}",
)
ROUNDUP_CASES = [
    (
        "en-roundup-item-subject",
        ROUNDUP_EN,
        {"brevia": "The Vannes-based dairy said it would hire 40 people next year."},
        {"35", "29", "56"},  # the wire dateline "RENNES, March 6 -" counts (session 15)
    ),
    (
        "fr-roundup-item-subject",
        ROUNDUP_FR,
        {"blavet": "La laiterie de Pontivy embauchera trente personnes d'ici à l'été."},
        {"29", "56"},
    ),
    (
        "en-guard-roundup-place-later-in-the-item",
        ROUNDUP_EN,
        {"brevia": "The dairy said it would hire 40 people to supply a cheese maker in Vannes."},
        {"35", "29"},
    ),
    (
        "en-guard-one-heading-is-no-roundup",
        (
            "Caldor wins ferry order",
            "PRESS RELEASE\n"
            "The Brest shipbuilder Caldor has won a contract to build two ferries at its Brest "
            "yard. Work in Brest starts in May and will keep 300 people busy in Brest.\n\n"
            "The Vannes-based consultancy Marinor advised the buyer.",
        ),
        {},
        {"29"},
    ),
]


@pytest.mark.parametrize(
    ("name", "document", "item", "departments"), ROUNDUP_CASES, ids=[c[0] for c in ROUNDUP_CASES]
)
def test_roundup_items(
    enricher: Enricher,
    name: str,
    document: tuple[str, str],
    item: dict[str, str],
    departments: set[str],
) -> None:
    title, text = document
    found, regions = places_of(enricher, name, title, text.format(**item))
    assert (found, regions) == (departments, {"53"})


# A department listed with the subject one after "neighbouring" keeps its department, as in
# any list ("dans le Finistère et le Morbihan"); another party's department stays a region.
NEIGHBOURS = (
    "Agen fruit group Vergers d'Albret equips orchards with probes",
    "Vergers d'Albret, the Agen-based fruit group, will equip 1,200 hectares of orchards "
    "around Villeneuve-sur-Lot with soil probes and automated valves.\n\n"
    "{growers}",
)
NEIGHBOUR_CASES = [
    (
        "en-neighbouring-department-listed",
        "Its 310 member growers farm some 4,500 hectares in the Lot-et-Garonne and the "
        "neighbouring Tarn-et-Garonne.",
        {"47", "82"},
    ),
    (
        "en-guard-other-party-department",
        "Its 310 member growers farm some 4,500 hectares in the Lot-et-Garonne, and a rival "
        "group in the Tarn-et-Garonne chose another supplier.",
        {"47"},
    ),
]


@pytest.mark.parametrize(
    ("name", "growers", "departments"), NEIGHBOUR_CASES, ids=[c[0] for c in NEIGHBOUR_CASES]
)
def test_neighbouring_departments(
    enricher: Enricher, name: str, growers: str, departments: set[str]
) -> None:
    title, text = NEIGHBOURS
    found, regions = places_of(enricher, name, title, text.format(growers=growers))
    assert found == departments
    assert "75" in regions
