"""Works objects, dredging and surname particles (session 15, sectors).

- A contract notice whose object opens on building or civil-engineering work ("Object:
  extension of the passenger terminal at … airport", "Objet : réhabilitation de la gare
  maritime …") is construction news, with no "Type: works" field: the airport, the
  station, the hospital it names (in the object, and again in the title) is the worksite
  (`sector_works`). An object that is a service or the operation of what is built keeps
  its sector.
- Dredging ("dragage") is civil-engineering work.
- "Van" inside a name ("Van Dijk", "Jan van Roekel") is a surname's particle, no vehicle
  (`sector_names`).

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sectors, language, title, text)
Case = tuple[set[str], str, str, str]

WORKS_OBJECTS: list[Case] = [
    (
        {"construction"},
        "en",
        "Award notice: Figari airport terminal extension",
        "CONTRACT AWARD NOTICE\n"
        "Contracting authority: Chambre de commerce de Corse-du-Sud, 20090 Ajaccio.\n"
        "Object: extension of the passenger terminal at Figari airport: 2,100 m² of new "
        "floor space and a new baggage hall.\n"
        "Procedure: open procedure.\n"
        "Awardee: Moretti Frères SAS, 20137 Porto-Vecchio.\n"
        "Amount: €11,400,000 excl. VAT.\n",
    ),
    (
        {"construction"},
        "fr",
        "Avis d'attribution : la gare maritime de Cherbourg réhabilitée",
        "Avis d'attribution de marché public\n"
        "Pouvoir adjudicateur : Ports de Normandie, 50100 Cherbourg-en-Cotentin.\n"
        "Objet du marché : réhabilitation de la gare maritime et du terminal ferry du "
        "port de Cherbourg.\n"
        "Procédure : appel d'offres ouvert.\n"
        "Attributaire : Lecoq Bâtiment SAS, 50000 Saint-Lô.\n"
        "Montant : 6 300 000 euros HT.\n",
    ),
    (
        {"construction"},
        "en",
        "Award notice: dredging of Lorient fishing harbour",
        "Contract award notice. English summary.\n"
        "Contracting authority: Lorient Agglomération, 56100 Lorient.\n"
        "Object: maintenance dredging of the fishing harbour and its access channel, 2027 "
        "to 2029.\n"
        "Awardee: Armor Dragage SAS, 29200 Brest. Amount: €4.8m excluding VAT.\n",
    ),
]

NOT_WORKS: list[Case] = [
    (
        {"transport"},
        "en",
        "Award notice: coach services for the Quimper–Brest line",
        "Contract award notice\n"
        "Contracting authority: Région Bretagne, 35000 Rennes.\n"
        "Object: coach services during track works on the Quimper–Brest rail line, "
        "2027.\n"
        "Awardee: Cars de l'Odet SARL, 29000 Quimper.\n",
    ),
    (
        {"energy"},
        "fr",
        "Avis d'attribution : les toits des bâtiments publics de Nîmes",
        "Avis d'attribution de marché public\n"
        "Pouvoir adjudicateur : Nîmes Métropole.\n"
        "Objet : construction et exploitation de centrales photovoltaïques en toiture "
        "sur douze bâtiments publics.\n"
        "Attributaire : Soleil du Gard SAS, 30000 Nîmes.\n",
    ),
]

WORDS: list[Case] = [
    (
        {"construction"},
        "fr",
        "Saint-Malo : Dragages de la Rance recrute",
        "Dragages de la Rance, spécialiste du dragage des ports et des estuaires, va "
        "recruter douze personnes cette année à Saint-Malo.",
    ),
    (
        {"agrifood"},
        "en",
        "Flemish cheese group Van Hecke buys Normandy dairy",
        "Van Hecke, the Flemish cheese group, has bought Laiterie du Bessin, a Normandy "
        "dairy that makes camembert and butter. Van Hecke said it would keep all 90 jobs.",
    ),
    (
        {"transport"},
        "en",
        "Dutch group Van Dam buys Breton haulier Transports Quéré",
        "Transports Quéré, a Breton haulier with 60 trucks, has been sold to the Dutch "
        "logistics group of Pieter van Dam. Van Dam said the Rennes depot would stay open.",
    ),
]


# "Brasserie" is a restaurant (tourism) in English, unless the text speaks of beer: then
# a French brewery's name (`sector_idioms`).
BRASSERIES: list[Case] = [
    (
        {"agrifood"},
        "en",
        "Brasserie du Lac invests €4m in Savoie canning line",
        "Brasserie du Lac, the Annecy craft brewer, will invest €4m in a canning line for "
        "its lagers and pale ales. The brewery employs 35 people.",
    ),
    (
        {"tourism"},
        "en",
        "Brasserie Lorraine reopens in Nancy with 40 staff",
        "Brasserie Lorraine, the art nouveau restaurant on Place Stanislas, has reopened "
        "after a year of works and hired 40 waiters and cooks.",
    ),
    (
        {"agrifood"},
        "fr",
        "La Brasserie du Lac investit 4 millions d'euros",
        "La Brasserie du Lac, à Annecy, va investir 4 millions d'euros dans une ligne de "
        "canettes pour ses bières blondes et ambrées.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [
        f"{'-'.join(sorted(codes))}-{language}-{i}" for i, (codes, language, *_) in enumerate(cases)
    ]


@pytest.mark.parametrize(
    ("codes", "language", "title", "text"), WORKS_OBJECTS, ids=_ids(WORKS_OBJECTS)
)
def test_a_works_object_makes_its_site_no_sector(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes


@pytest.mark.parametrize(("codes", "language", "title", "text"), NOT_WORKS, ids=_ids(NOT_WORKS))
def test_a_service_or_operation_object_keeps_its_sector(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes


@pytest.mark.parametrize(("codes", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_dredging_and_surname_particles(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes


@pytest.mark.parametrize(("codes", "language", "title", "text"), BRASSERIES, ids=_ids(BRASSERIES))
def test_a_brasserie_in_a_text_about_beer_is_a_brewery(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes
