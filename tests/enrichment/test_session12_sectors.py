"""Sector words and rules of session 12, from the sector errors of news13 and traps14.

- Everyday words of a trade missing from the lexicon: coach firms and their lines, shunting
  locomotives, call centres, boat trips and yacht charter, design-build contracts, the
  through-life support of military equipment, a French perfumer's name in English text.
- Equipment for the armed forces is defence, though a product's users are otherwise no
  evidence (`sector_asides.USERS_ARE_TRADE`).

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
Case = tuple[str, str, str, str]

WORDS: list[Case] = [
    (
        "transport",
        "en",
        "Rise in passengers for Morvan operator",
        "Passenger numbers on the Autun to Dijon intercity coach route rose by 7% this "
        "year, said Claire Bonnot, who runs the family coach business founded by her father.",
    ),
    (
        "transport",
        "fr",
        "Une PME de Tergnier dévoile un nouveau locotracteur",
        "La société Ferrolys a présenté à Tergnier un locotracteur électrique pour les "
        "embranchements industriels, dont elle espère vendre dix exemplaires.",
    ),
    (
        "digital",
        "en",
        "Limoges operator to add 40 staff",
        "Helvox, which runs a call centre in Limoges for insurers, will hire 40 advisers "
        "next year to cope with new contracts.",
    ),
    (
        "digital",
        "fr",
        "Guéret : Helvox recrute 40 conseillers",
        "Helvox, qui exploite un centre d'appels à Guéret, va recruter 40 conseillers "
        "l'an prochain pour faire face à de nouveaux contrats.",
    ),
    (
        "tourism",
        "en",
        "Receivership for Ajaccio boat firm",
        "Activity: yacht charter and boat trips along the coast. The court opened "
        "receivership proceedings on 2 March.",
    ),
    (
        "tourism",
        "fr",
        "Quiberon : la société Marivent reprise",
        "La société Marivent, qui propose des promenades en mer au départ de Quiberon, a été "
        "reprise par son directeur.",
    ),
    (
        "defence",
        "fr",
        "Bourges : Axantis remporte un contrat de huit ans",
        "Axantis assurera le maintien en condition opérationnelle de radars pendant huit "
        "ans, pour un montant de 12 millions d'euros.",
    ),
    (
        "construction",
        "en",
        "Award notice: Vannes school extension",
        "Object: design-build contract for the extension of a secondary school, with "
        "structural works and a new gymnasium. Amount: EUR 9,400,000 excl. VAT.",
    ),
    (
        "textile_luxury",
        "en",
        "Parfums Orvane opens a boutique in Milan",
        "Grasse-based Parfums Orvane has opened its first shop in Italy, in Milan's Brera "
        "district, and plans two more next year.",
    ),
]


ARMED: list[Case] = [
    (
        "defence",
        "fr",
        "Lannion : Optilum s'allie à un industriel",
        "La PME Optilum, spécialisée dans les lasers, fournira des modules de visée "
        "destinés aux armées à un industriel de Bourges.",
    ),
    (
        "defence",
        "en",
        "Lannion laser firm signs supply deal",
        "Optilum will supply laser modules designed for the armed forces to a larger group "
        "based in Bourges.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{sector}-{language}-{i}" for i, (sector, language, *_) in enumerate(cases)]


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_everyday_words_of_a_trade(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), ARMED, ids=_ids(ARMED))
def test_equipment_for_the_armed_forces_is_defence(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}
