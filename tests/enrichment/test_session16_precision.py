"""False hiring events of news17 (session 16, events precision), grouped by kind of
sentence: a recruitment fair held for many employers (job_fairs.py), a French negation
without a verb opening its clause (denials.py); a distribution deal read as a
partnership (distribution_partners.py); a product said made with a partner
(product_making.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]
PUBLISHED = datetime(2026, 12, 7)

# job_fairs.py: a fair of many employers, or one a body hosts.
JOB_FAIRS = [
    (
        "en",
        "Verlande Industries said trade was steady. The chamber of commerce will hold a "
        "recruitment fair in Roanne next month, where 45 employers will meet candidates.",
    ),
    (
        "en",
        "Verlande Industries said trade was steady. The regional employers' federation "
        "will host a hiring fair for welders and machinists in Dijon on 3 March.",
    ),
    (
        "fr",
        "Verlande Industries a présenté ses résultats. Le salon du recrutement de Roanne "
        "accueillera le 12 mars une quarantaine d'entreprises, qui proposeront 400 postes.",
    ),
    (
        "fr",
        "Verlande Industries a présenté ses résultats. La fédération organise un forum de "
        "recrutement à Dijon, où les entreprises adhérentes offriront 250 emplois.",
    ),
]
# A firm's own recruitment day, with its jobs: hiring.
JOB_FAIRS_KEPT = [
    (
        "fr",
        "Verlande Industries organise samedi une journée de recrutement dans son usine de "
        "Roanne pour pourvoir 40 postes de soudeurs.",
    ),
    (
        "en",
        "Verlande Industries will recruit 60 technicians at its Roanne plant this spring, "
        "the company said.",
    ),
]
# denials.py: "pas de" opening the clause, without a verb.
VERBLESS_NO = [
    ("fr", "Verlande Industries déménage son atelier à Roanne. Pas d'embauches dans l'immédiat."),
    (
        "fr",
        "Verlande Industries modernise son atelier de Roanne. Côté emploi, pas de nouveaux "
        "recrutements à ce stade.",
    ),
    ("fr", "Verlande Industries réorganise sa production.\n\n**Pas de fermeture de site**\n"),
]
# "n'arrête pas de", a yes: hiring.
VERBLESS_NO_KEPT = [
    (
        "fr",
        "Verlande Industries n'arrête pas d'embaucher : 50 opérateurs recrutés à Roanne "
        "depuis septembre.",
    ),
]

# distribution_partners.py: a distribution deal is a sale, not a partnership.
DISTRIBUTION_DEALS = [
    (
        "fr",
        "Verlande Industries a signé un accord de distribution avec l'enseigne Boulanger, "
        "qui vendra ses bouilloires dans 90 magasins.",
    ),
    ("en", "Verlande Industries signs distribution agreement with Carrefour."),
]
# The text calls it a partnership: kept.
DISTRIBUTION_PARTNERSHIPS = [
    (
        "fr",
        "Verlande Industries a noué un partenariat de distribution avec les Forges de "
        "Vaubrune pour vendre ses bouilloires.",
    ),
]

# product_making.py: a product said made with a partner is no partnership.
MADE_WITH = [
    (
        "fr",
        "Verlande Industries lance une bouilloire connectée. Conçue avec un laboratoire de "
        "l'université de Lyon, elle coupe le chauffage à la bonne température.",
    ),
    (
        "en",
        "Developed in partnership with the University of Grenoble, the new kettle of "
        "Verlande Industries switches off at the right temperature.",
    ),
]
# A partnership signed to develop something: kept.
MADE_WITH_KEPT = [
    (
        "fr",
        "Verlande Industries a signé un accord de partenariat avec les Forges de Vaubrune "
        "pour développer un nouveau four.",
    ),
]


def _events(enricher: Enricher, language: str, text: str) -> set[object]:
    return types(events_of(enricher, text, language, VERLANDE_TITLE[language], PUBLISHED))


@pytest.mark.parametrize(("language", "text"), JOB_FAIRS)
def test_fair_of_many_employers_is_no_hiring(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), JOB_FAIRS_KEPT)
def test_firm_s_own_recruitment_stays(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), VERBLESS_NO)
def test_verbless_negation_denies(registry_enricher: Enricher, language: str, text: str) -> None:
    assert not {"hiring", "closure"} & _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), VERBLESS_NO_KEPT)
def test_negation_turned_into_a_yes_stays(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), DISTRIBUTION_DEALS)
def test_distribution_deal_is_no_partnership(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "partnership" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), DISTRIBUTION_PARTNERSHIPS)
def test_distribution_partnership_called_so_stays(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "partnership" in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), MADE_WITH)
def test_product_made_with_a_partner_is_no_partnership(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "partnership" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), MADE_WITH_KEPT)
def test_partnership_to_develop_stays(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "partnership" in _events(registry_enricher, language, text)
