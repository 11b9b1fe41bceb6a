"""Everyday wordings of events the rules missed (issue 14, session 11, events recall): a
firm bought in everyday words (takeovers.py: "absorbe X", "s'offre X", "a été cédée à la
société X", "l'a cédé à X", "devient propriétaire de X", "snaps up X", "has been bought by
X", "took control of X"), a court choosing a buyer's offer, a firm changing hands, a sale
plan adopted in English notices, and lexicon lines for French present tenses the model
leaves unlemmatised ("ferme sa fromagerie", "étoffe ses effectifs", "présente un
prototype", "change de patron"), contracts signed to do the work, rounds and shares of
capital (events.yaml).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (family, language, text, expected type)
WORDINGS = [
    # a firm bought by name, in everyday words (takeovers.py)
    ("absorber", "fr", "Verlande Industries absorbe Ducros Mécanique.", "acquisition"),
    ("s-offrir", "fr", "Verlande Industries s'offre Ducros Mécanique.", "acquisition"),
    (
        "cédée-société",
        "fr",
        "Ducros Mécanique a été cédée à la société Verlande Industries.",
        "acquisition",
    ),
    (
        "vendu-holding",
        "fr",
        "Le domaine de la Combe a été vendu à la holding Verlande Participations.",
        "acquisition",
    ),
    (
        "l-a-cédé",
        "fr",
        "Le fondateur l'a cédé à Séjours Verlande, un opérateur de campings.",
        "acquisition",
    ),
    (
        "propriétaire",
        "fr",
        "Verlande Industries devient propriétaire de Ducros Mécanique.",
        "acquisition",
    ),
    ("swallow", "en", "Verlande Industries swallows Lacombe Fermetures.", "acquisition"),
    ("scoop-up", "en", "Verlande Industries scooped up Lacombe Fermetures.", "acquisition"),
    ("bought-by", "en", "Lacombe has been bought by Verlande Industries.", "acquisition"),
    (
        "taken-over-by",
        "en",
        "Lacombe, the Lyon pump maker, has been taken over by Verlande Industries.",
        "acquisition",
    ),
    ("control-of", "en", "Verlande took control of Ducros Mecanique.", "acquisition"),
    # a name the English model calls a place, which an apposition calls a firm
    (
        "apposition",
        "en",
        "Verlande Industries takes over Ostrevia, a Lyon pump maker.",
        "acquisition",
    ),
    (
        "apposition",
        "en",
        "Verlande Industries has taken over Hydrelis, the century-old Lyon foundry.",
        "acquisition",
    ),
    # a court choosing a buyer, a firm changing hands, a sale plan in English (events.yaml)
    (
        "offre-pour-reprise",
        "fr",
        "Le tribunal de commerce a retenu l'offre de Verlande Industries pour la reprise "
        "de Ducros Mécanique.",
        "acquisition",
    ),
    (
        "confier-reprise",
        "fr",
        "Le tribunal a confié la reprise de Ducros Mécanique à Verlande Industries.",
        "acquisition",
    ),
    ("change-de-mains", "fr", "L'hôtel du Port change de mains.", "acquisition"),
    ("changed-hands", "en", "The Harbour Hotel has changed hands.", "acquisition"),
    (
        "court-offer",
        "en",
        "The commercial court accepted Verlande Industries's offer for the foundry.",
        "acquisition",
    ),
    (
        "sale-plan",
        "en",
        "The judge ordered the adoption of the sale plan for the business and its 30 jobs.",
        "acquisition",
    ),
    (
        "sold-out-of",
        "en",
        "Verlande Industries' Roanne foundry was sold out of receivership on Monday.",
        "acquisition",
    ),
    (
        "reprise-à-la-barre",
        "fr",
        "Reprise à la barre : le tribunal de Roanne a tranché pour la fonderie de Verlande.",
        "acquisition",
    ),
    (
        "aux-mains",
        "fr",
        "Verlande Industries passe aux mains d'un fonds d'investissement américain.",
        "acquisition",
    ),
    ("hands", "en", "Verlande Industries falls into German hands.", "acquisition"),
    ("ownership", "en", "Verlande Industries is under new ownership.", "acquisition"),
    ("by-managers", "en", "Verlande Industries bought by its managers.", "acquisition"),
    (
        "prend-pourcent",
        "fr",
        "Verlande Industries prend 51 % du capital de Ducros Mécanique.",
        "acquisition",
    ),
    ("reprendre-camping", "fr", "Verlande Industries reprend le camping des Pins.", "acquisition"),
    # a site shut, staff let go
    ("ferme-sa", "fr", "Verlande Industries ferme sa fromagerie de Poligny.", "closure"),
    (
        "arrêtera",
        "fr",
        "Verlande Industries arrêtera à la fin de l'année la fabrication à Roanne.",
        "closure",
    ),
    ("redundant", "en", "Verlande Industries is to make 40 staff redundant.", "closure"),
    # a contract signed to do the work, a customer's order
    (
        "signed-with",
        "en",
        "We signed with Alcor Energies to supply 24 floating foundations, the chief said.",
        "contract",
    ),
    (
        "signé-avec",
        "fr",
        "Verlande Industries a signé avec la métropole pour fournir 40 pompes.",
        "contract",
    ),
    ("record", "fr", "Verlande Industries : une commande record de la SNCF.", "contract"),
    ("commande-à", "fr", "La SNCF commande 40 pompes à Verlande Industries.", "contract"),
    ("order-from", "en", "The port authority orders 40 pumps from Verlande.", "contract"),
    (
        "tapped",
        "en",
        "Verlande Industries has been tapped to supply pumps for the network.",
        "contract",
    ),
    # capital opened, a round led or closed with its amount between
    (
        "faire-entrer",
        "fr",
        "Verlande Industries fait entrer le fonds Siparex à son capital.",
        "fundraising",
    ),
    ("ouvrir-au", "fr", "Verlande Industries ouvre son capital au fonds Siparex.", "fundraising"),
    (
        "lead-round",
        "en",
        "Kestrel Ventures leads an €8m round in Verlande Industries.",
        "fundraising",
    ),
    # present tenses the French model leaves unlemmatised
    ("étoffe", "fr", "Verlande Industries étoffe ses effectifs de 40 personnes.", "hiring"),
    ("implante", "fr", "Verlande Industries implante une usine à Roanne.", "investment"),
    ("double", "fr", "Verlande Industries double la surface de son atelier.", "investment"),
    ("présente", "fr", "Verlande Industries présente un prototype de pompe.", "innovation"),
    ("faire-équipe", "fr", "Verlande Industries fait équipe avec Hydrelis.", "partnership"),
    ("alliance", "fr", "Verlande Industries et Hydrelis font alliance.", "partnership"),
    ("change-patron", "fr", "Verlande Industries change de patron.", "leadership"),
    ("rênes", "fr", "Marie Dupont reprend les rênes de Verlande Industries.", "leadership"),
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


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # the same verbs with no firm's name after them
    ("fr", "Verlande Industries absorbe la hausse du prix de l'acier.", "acquisition"),
    ("en", "Verlande Industries took control of its energy costs.", "acquisition"),
    ("en", "Verlande Industries' posters took over Paris, the capital, last week.", "acquisition"),
    ("en", "The pumps have been bought by farmers across the region.", "acquisition"),
    ("fr", "Verlande Industries devient propriétaire de ses locaux.", "acquisition"),
    # "reprendre" of work resumed, not of a business
    ("fr", "Verlande Industries reprend la production après l'incendie.", "acquisition"),
    # a system made redundant is no job cut
    ("en", "The new sensor makes the old gauge redundant at Verlande Industries.", "closure"),
    # an order book at a record is no order won; ownership changing hands along a coast
    (
        "fr",
        "Portée par un carnet de commandes record, Verlande Industries recrute.",
        "contract",
    ),
    ("en", "Ownership on the coast has been changing hands for years.", "acquisition"),
    # a door shut to investors is no site closed
    ("fr", "Verlande Industries ferme sa porte aux investisseurs étrangers.", "closure"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
