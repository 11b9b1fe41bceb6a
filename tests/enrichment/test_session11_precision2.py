"""False events (issue 14, session 11, precision, second part): patients recruited for a
trial, a share buyback, a site shut for a while, a call for tenders launched by a buyer, a
firm that has exported for long (routine_senses.py, habitual.py); then figures of speech:
customers recruited, a skill acquired, a firm's own units merged, a warning launched, a
success or a rank won (routine_senses.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import VAUBRUNE, events_of, types

REGISTRY = [
    VAUBRUNE,
    CompanyRecord(
        "900001149",
        "Laboratoires Orvanne",
        "900001149",
        ("Orvanne",),
        None,
        "21.20Z",
        "21",
        "27",
        False,
    ),
]

# (rule, language, title, text, type that must not be found)
CASES = [
    (
        "patients recruited for a trial",
        "fr",
        "Laboratoires Orvanne",
        "Les Laboratoires Orvanne ont recruté leurs premiers patients pour leur essai de phase II.",
        "hiring",
    ),
    (
        "patients recruited for a trial",
        "fr",
        "Laboratoires Orvanne",
        "Les Laboratoires Orvanne ont débuté le recrutement des patients de leur essai de "
        "phase III, dans douze hôpitaux.",
        "hiring",
    ),
    (
        "patients recruited for a trial",
        "en",
        "Laboratoires Orvanne",
        "Laboratoires Orvanne is recruiting 60 healthy volunteers for a first-in-human study.",
        "hiring",
    ),
    (
        "patients recruited for a trial",
        "en",
        "Laboratoires Orvanne",
        "Laboratoires Orvanne has completed patient recruitment for its phase III study.",
        "hiring",
    ),
    (
        "a share buyback",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune rachète ses propres actions pour 20 millions d'euros.",
        "acquisition",
    ),
    (
        "a share buyback",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune investit 20 millions d'euros dans le rachat de ses propres actions.",
        "investment",
    ),
    (
        "a share buyback",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune launched a €20m share buyback programme.",
        "investment",
    ),
    (
        "a share buyback",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune acquired 2% of its own shares under its buyback plan.",
        "acquisition",
    ),
    (
        "a site shut for a while",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune ferme son usine de Dijon pendant trois semaines pour maintenance.",
        "closure",
    ),
    (
        "a site shut for a while",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune arrête temporairement la production de son usine de Dijon.",
        "closure",
    ),
    (
        "a site shut for a while",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune's Dijon plant will shut for two weeks in August for maintenance.",
        "closure",
    ),
    (
        "a site shut for a while",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune shuts its Dijon plant for its annual summer break.",
        "closure",
    ),
    (
        "a call for tenders launched",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune launched a call for tenders to choose its new logistics partner.",
        "innovation",
    ),
    (
        "an exporter of long standing",
        "fr",
        "Forges de Vaubrune",
        "Les Forges de Vaubrune exportent leur savoir-faire depuis trente ans.",
        "export",
    ),
    (
        "an exporter of long standing",
        "fr",
        "Forges de Vaubrune",
        "Depuis vingt ans, Forges de Vaubrune exporte ses presses au Maroc.",
        "export",
    ),
    (
        "an exporter of long standing",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has been exporting to Japan for thirty years.",
        "export",
    ),
    (
        "an exporter of long standing",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has long exported its presses to Germany.",
        "export",
    ),
    (
        "customers recruited",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune a recruté 200 nouveaux clients cette année.",
        "hiring",
    ),
    (
        "customers recruited",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune recruited 3,000 new subscribers in a month.",
        "hiring",
    ),
    (
        "a skill acquired",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has acquired solid expertise in rail.",
        "acquisition",
    ),
    (
        "a firm's own units merged",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune a fusionné ses deux ateliers de Dijon.",
        "acquisition",
    ),
    (
        "a warning launched",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune lance un cri d'alarme sur le prix de l'acier.",
        "innovation",
    ),
    (
        "a warning launched",
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune launched a stark warning on steel prices.",
        "innovation",
    ),
    (
        "a success won",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune remporte un franc succès avec sa presse.",
        "contract",
    ),
    (
        "a rank won",
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune a décroché la première place du classement des PME.",
        "contract",
    ),
]


@pytest.mark.parametrize(("rule", "language", "title", "text", "absent"), CASES)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, title: str, text: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=title))
    assert absent not in found, rule


# (language, title, text, type that must stay): the true events of the near wordings.
KEPT = [
    (
        "fr",
        "Laboratoires Orvanne recrute",
        "Les Laboratoires Orvanne recrutent 40 infirmiers et techniciens pour leur centre "
        "d'essais cliniques.",
        "hiring",
    ),
    (
        "en",
        "Laboratoires Orvanne hires",
        "Laboratoires Orvanne will hire 40 nurses for its clinical trial unit.",
        "hiring",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune rachète les actions de son concurrent Sauvin.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune buys out its co-founder's shares.",
        "acquisition",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune fermera définitivement son usine de Dijon.",
        "closure",
    ),
    ("fr", "Forges de Vaubrune", "Forges de Vaubrune ferme son site de Dijon.", "closure"),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune will close its Dijon plant for good.",
        "closure",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune will close its Dijon plant in two months, cutting 80 jobs.",
        "closure",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune lance un nouveau produit, une presse électrique.",
        "innovation",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune a remporté l'appel d'offres lancé par la Région pour 40 rames.",
        "contract",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has won the tender launched by the region for 40 trains.",
        "contract",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune signe son premier contrat à l'export, au Canada.",
        "export",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune décroche sa plus grosse commande à l'export depuis dix ans, au Canada.",
        "export",
    ),
    ("en", "Forges de Vaubrune", "Forges de Vaubrune starts exporting to Canada.", "export"),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune recrute 30 commerciaux pour démarcher de nouveaux clients.",
        "hiring",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune will hire 30 sales staff to win new customers.",
        "hiring",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has acquired Dubois Expertise, a Lyon consultancy.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune",
        "Forges de Vaubrune has acquired the know-how of a Lyon start-up.",
        "acquisition",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune a fusionné avec son concurrent Sauvin.",
        "acquisition",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune remporte un contrat de 5 millions d'euros auprès de la SNCF.",
        "contract",
    ),
    (
        "fr",
        "Forges de Vaubrune",
        "Forges de Vaubrune lance une nouvelle presse électrique.",
        "innovation",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "kept"), KEPT)
def test_true_events_stay(
    registry_enricher: Enricher, language: str, title: str, text: str, kept: str
) -> None:
    assert kept in types(events_of(registry_enricher, text, language, title=title))
