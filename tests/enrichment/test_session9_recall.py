"""Event wordings the lexicon missed (issue 14, session 9, events recall), read off the
missed events of news8, news9 and news10 (texts by six outside authors): a tender's lot
priced, a firm a customer picks with its name and description between the verb and the
work, a trade's work entrusted, a deal to supply, a contract told by its term, a customer
signed, a contract sized by an adjective, an order from abroad, a team taken from one size
to another, a site shut for good or permanently, a liquidation closed for want of assets in
English, and a change of officers as notices write it.

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000913",
        "Brévanne Métal",
        "900000913",
        ("Brevanne Metal", "Brévanne"),
        None,
        "25.11Z",
        "18",
        "24",
        False,
    ),
]

TITLE = {
    "fr": "Brévanne Métal : les nouvelles de la semaine",
    "en": "Brevanne Metal: the week",
}

# (family, language, text, expected type)
WORDINGS = [
    # a tender's lot priced
    (
        "lot",
        "fr",
        "La métropole de Tours a retenu Brévanne Métal pour la serrurerie du futur "
        "conservatoire, un lot de 2,4 millions d'euros.",
        "contract",
    ),
    (
        "lot",
        "fr",
        "Pour Brévanne Métal, le lot, d'un montant de 860 000 euros, porte sur les "
        "garde-corps de la passerelle.",
        "contract",
    ),
    # a firm picked by its customer, its name and description between
    (
        "picked",
        "fr",
        "Le département du Cher a désigné l'entreprise Brévanne Métal, installée près de "
        "Vierzon, pour réaliser les garde-corps du nouveau pont.",
        "contract",
    ),
    (
        "picked",
        "en",
        "Brevanne Metal has been chosen by the Loire department, which looks after some 40 "
        "road bridges, to supply new steel guardrails.",
        "contract",
    ),
    # a trade's work entrusted, in the passive
    (
        "entrusted",
        "fr",
        "La couverture du futur gymnase de Vierzon, confiée à Brévanne Métal, sera posée au "
        "printemps.",
        "contract",
    ),
    # a deal to supply, a contract by its term
    (
        "supply",
        "en",
        "Brevanne Metal has signed a six-year agreement to supply handrails to a regional "
        "rail operator.",
        "contract",
    ),
    (
        "term",
        "en",
        "For Brevanne Metal, the three-year contract, which starts in March, covers the "
        "upkeep of 40 footbridges.",
        "contract",
    ),
    # a customer signed, a contract sized by an adjective, as titles write them
    (
        "customer",
        "en",
        "Brevanne Metal has signed its first rail customer, a regional operator in Brittany.",
        "contract",
    ),
    (
        "customer",
        "fr",
        "Brévanne Métal a signé son premier client dans le ferroviaire, un opérateur breton.",
        "contract",
    ),
    (
        "customer",
        "fr",
        "Un gros contrat pour Brévanne Métal, qui fabriquera 300 garde-corps pour la SNCF.",
        "contract",
    ),
    # an order or a contract from abroad
    ("abroad", "en", "Brevanne Metal has landed its first foreign order.", "export"),
    (
        "abroad",
        "en",
        "Brevanne Metal has won its first contract outside France, for a rail operator.",
        "export",
    ),
    # a team taken from one size to another
    (
        "team",
        "fr",
        "Brévanne Métal va porter son équipe de 25 à 40 soudeurs d'ici deux ans.",
        "hiring",
    ),
    (
        "team",
        "en",
        "Brevanne Metal will grow its team from 25 to 40 welders over the next two years.",
        "hiring",
    ),
    # a site shut for good or permanently
    (
        "shut",
        "en",
        "The Brevanne Metal galvanising shop in Vierzon closes for good on Friday.",
        "closure",
    ),
    (
        "shut",
        "en",
        "Brevanne Metal is closing its Vierzon showroom permanently after a year of losses.",
        "closure",
    ),
]


@pytest.mark.parametrize(
    ("family", "language", "text", "expected"),
    WORDINGS,
    ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WORDINGS)],
)
def test_wording_reports_its_event(
    registry_enricher: Enricher, family: str, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


# (language, title, text, expected type): legal notices as pages reproduce them
NOTICES = [
    (
        "en",
        "BODACC B: amendments, Bourges",
        "Registry: Commercial court of Bourges\nName: BREVANNE METAL SARL\n"
        "Amendment: change of manager. Outgoing manager: Mr Paul Roche. Incoming manager: "
        "Ms Claire Vidal.",
        "leadership",
    ),
    (
        "fr",
        "BODACC B : modifications, Bourges",
        "Greffe du tribunal de commerce de Bourges\nDénomination : BRÉVANNE MÉTAL\n"
        "Nouveau gérant : Mme Claire Vidal, demeurant à Vierzon.",
        "leadership",
    ),
    (
        "en",
        "BODACC A: collective proceedings, Bourges",
        "BREVANNE METAL SARL, Vierzon. Judgment of 2 December closing the proceedings for "
        "lack of assets.",
        "closure",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "expected"), NOTICES)
def test_notice_layout_reports_its_event(
    registry_enricher: Enricher, language: str, title: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, title))


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # a lot of goods, not of a tender; a market's size
    ("fr", "Brévanne Métal a reçu un lot de 2 millions de vis de son fournisseur.", "contract"),
    (
        "fr",
        "Le marché français de la serrurerie, qui pèse 3 milliards d'euros, recule.",
        "contract",
    ),
    # a contract that runs out is no contract won
    ("fr", "Le contrat de Brévanne Métal avec la SNCF arrive à échéance en juin.", "contract"),
    # chosen by readers, not by a customer
    (
        "en",
        "Brevanne Metal's railings were chosen by readers of a design magazine as the best "
        "of the year.",
        "contract",
    ),
    # a change in the way managers are paid is no change of leader
    (
        "en",
        "Brevanne Metal has announced a change in the way its managers are paid.",
        "leadership",
    ),
    # a shop closed for the holidays
    (
        "en",
        "The Brevanne Metal shop in Vierzon closes for the Christmas holidays.",
        "closure",
    ),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_EVENTS)
def test_a_close_wording_reports_no_such_event(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language, TITLE[language]))
