"""Everyday wordings of events the rules missed (issue 14, session 13, events recall,
second round): the nouns of the press ("annonce la signature d'un contrat", "l'arrivée de
X à la direction générale", "l'entrée du fonds X à son capital", "the creation of 40
jobs", "the opening of its new plant"), a consortium handed the works ("a attribué au
groupement formé par X et Y le renforcement du quai"), a shop shut ("ferme boutique"), a
firm closing down, a share of its workforce cut, money set aside; and a distribution deal
whose territory the next sentence names, which is the firm's export and not a customer's
contract (distribution_deals.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (language, text, expected type)
WORDINGS = [
    # the nouns of the press
    ("fr", "Verlande Industries annonce la signature d'un contrat avec la SNCF.", "contract"),
    (
        "fr",
        "Verlande Industries annonce l'arrivée de Claire Dubois à la direction générale.",
        "leadership",
    ),
    (
        "fr",
        "Verlande Industries annonce l'entrée du fonds Demeter à son capital.",
        "fundraising",
    ),
    ("en", "Verlande Industries announced the creation of 40 jobs in Roanne.", "hiring"),
    ("en", "Verlande Industries celebrated the opening of its new Roanne plant.", "investment"),
    # a consortium handed the works
    (
        "fr",
        "La Région a attribué au groupement formé par Verlande Industries et la société "
        "Marnier le renforcement du quai.",
        "contract",
    ),
    # a shop shut, a firm closing down, a share of the workforce cut
    ("fr", "Après quarante ans, Verlande Industries ferme boutique.", "closure"),
    ("en", "Verlande Industries is closing down after forty years.", "closure"),
    ("en", "Verlande Industries is to cut a quarter of its workforce.", "closure"),
    # money set aside for the works
    ("en", "Verlande Industries has set aside €5m to modernise its Roanne plant.", "investment"),
    # a distribution deal whose territory the next sentence names
    (
        "fr",
        "Verlande Industries a signé un contrat de distribution exclusif avec la société "
        "Hydro Benelux. Le distributeur vendra ses pompes en Wallonie et à Bruxelles.",
        "export",
    ),
    (
        "en",
        "Verlande Industries has signed a distribution contract with Nordpump AB. The "
        "distributor will sell its pumps across Sweden and Norway from March.",
        "export",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), WORDINGS)
def test_wording_reports_its_event(
    registry_enricher: Enricher, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # a distribution deal abroad is no customer's contract
    (
        "fr",
        "Verlande Industries a signé un contrat de distribution exclusif avec la société "
        "Hydro Benelux. Le distributeur vendra ses pompes en Wallonie et à Bruxelles.",
        "contract",
    ),
    # a distribution deal at home, then a sentence of another paragraph abroad
    (
        "fr",
        "Verlande Industries a signé un contrat de distribution avec un grossiste lyonnais."
        "\n\nSon concurrent allemand vend déjà ses pompes en Belgique.",
        "export",
    ),
    # a shop's hours, the down time of a line
    ("en", "Verlande Industries' shop closes down the road from the station.", "closure"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
