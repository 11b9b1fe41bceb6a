"""Everyday wordings of events the rules missed (issue 14, session 12, events recall): a
firm settled in a town, in the compound past ("s'est implantée à Roanne": the model folds
the auxiliary's lemma, settlements.py), a centre for a trade of the firm opened ("ouvre un
centre d'ingénierie", "opens an engineering centre"), investors tapped, a filing for
administration, works or routes a customer hands over ("attribue la rénovation du pont à
la PME X", "a attribué à X six lignes", "retient X pour la rénovation"), a package of a
tender won ("wins the fit-out package"), a deal with the partner named between ("a conclu
avec le distributeur X un accord").

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
    # settled in a French town, in the compound past (settlements.py)
    ("fr", "Le groupe Verlande Industries s'est implanté à Saint-Étienne.", "investment"),
    (
        "fr",
        "Verlande Industries s'est implantée à Roanne, où elle emploie déjà 40 personnes.",
        "investment",
    ),
    # a centre for one of the firm's trades opened
    ("fr", "Verlande Industries ouvre un centre d'ingénierie à Roanne.", "investment"),
    ("fr", "Verlande Industries annonce l'ouverture d'un centre de maintenance.", "investment"),
    ("en", "Verlande Industries opens a new engineering centre in Roanne.", "investment"),
    ("en", "Verlande Industries is opening a maintenance hub near Lyon.", "investment"),
    # investors tapped
    ("en", "Verlande Industries taps investors for €12m.", "fundraising"),
    ("en", "Verlande Industries has tapped its existing backers again.", "fundraising"),
    # a filing for administration
    ("en", "Verlande Industries files for administration.", "insolvency"),
    ("en", "Verlande Industries filed for administration on Friday.", "insolvency"),
    # works or routes handed over by a customer, a firm kept for the works
    (
        "fr",
        "Le département de la Loire attribue la rénovation du pont à la PME Verlande Industries.",
        "contract",
    ),
    (
        "fr",
        "La métropole a attribué l'entretien des espaces verts à Verlande Industries.",
        "contract",
    ),
    (
        "fr",
        "La Région a attribué à Verlande Industries six lignes de transport scolaire.",
        "contract",
    ),
    (
        "fr",
        "Le syndicat des eaux retient Verlande Industries pour la réhabilitation du réseau.",
        "contract",
    ),
    ("fr", "Verlande Industries rafle quatre lignes de car interurbaines.", "contract"),
    ("fr", "Verlande Industries rafle le chantier du futur hôpital.", "contract"),
    # a tender's package won
    (
        "en",
        "Verlande Industries has won the €2.4 million interior fit-out package for the museum.",
        "contract",
    ),
    ("en", "Verlande Industries lands the mechanical works package at the airport.", "contract"),
    # the partner named between the verb and the deal
    (
        "fr",
        "Verlande Industries a conclu avec le distributeur lyonnais Rhône Pompes un accord.",
        "partnership",
    ),
    (
        "fr",
        "Verlande Industries a signé avec le distributeur émirien Gulf Pumps un accord "
        "pour vendre ses pompes à Dubaï.",
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
    # settled abroad is no site in France
    ("fr", "Verlande Industries s'est implantée à Montréal.", "investment"),
    # a subsidy handed over, a town kept for the firm's own plant, a credit line
    (
        "fr",
        "La mairie a attribué une subvention de 20 000 euros à Verlande Industries pour "
        "la rénovation de son atelier.",
        "contract",
    ),
    (
        "fr",
        "Verlande Industries a retenu le site de Roanne pour la construction de sa future usine.",
        "contract",
    ),
    ("fr", "Verlande Industries obtient une ligne de crédit auprès de sa banque.", "contract"),
    # markets tapped, an aid package
    ("en", "Verlande Industries taps new markets in Asia.", "fundraising"),
    ("en", "Verlande Industries won a €2 million aid package from the region.", "contract"),
    # an agreement with a distributor abroad is the export, not a partnership (events.py)
    (
        "fr",
        "Verlande Industries a signé avec le distributeur émirien Gulf Pumps un accord "
        "pour vendre ses pompes à Dubaï.",
        "partnership",
    ),
    (
        "fr",
        "Verlande Industries signe un accord avec un importateur japonais pour vendre ses "
        "pompes à Tokyo.",
        "partnership",
    ),
    (
        "en",
        "Verlande Industries has inked a deal with a Japanese importer to sell its pumps in Tokyo.",
        "partnership",
    ),
    # a call centre answered
    ("fr", "Verlande Industries a ouvert un centre d'appels à ses clients.", "investment"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
