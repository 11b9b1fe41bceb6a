"""False events, second round (issue 14, session 10): redundancy in the engineer's sense, a
plant named only as the place of a hiring, a first site outside mainland France,
proceedings said to go on.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900001021",
        "Combe Rousse Composites",
        "900001021",
        ("Combe Rousse",),
        None,
        "22.29A",
        "07",
        "84",
        False,
    ),
]

# (rule, language, title, text, type that must not be found)
CASES = [
    (
        "redundancy as a standard (senses.py)",
        "en",
        "Combe Rousse Composites opens a data room in Aubenas",
        "Combe Rousse Composites has opened a server room at its Aubenas site, built to the "
        "Tier III standard of redundancy.",
        "closure",
    ),
    (
        "redundancy of equipment (senses.py)",
        "en",
        "Combe Rousse Composites opens a data room in Aubenas",
        "Combe Rousse Composites has opened a server room at its Aubenas site. The room offers "
        "redundancy of the power supply and two separate fibre links.",
        "closure",
    ),
    (
        "a plant as the place of a hiring, English title (plant_places.py)",
        "en",
        "Combe Rousse's Aubenas gigafactory starts second hiring wave",
        "Combe Rousse Composites is looking for operators and maintenance technicians.",
        "investment",
    ),
    (
        "a plant as the place of a hiring, French title (plant_places.py)",
        "fr",
        "Gigafactory d'Aubenas : 120 embauches avant l'été",
        "Combe Rousse Composites cherche des opérateurs et des techniciens de maintenance.",
        "investment",
    ),
    (
        "a first site outside mainland France (senses.py)",
        "en",
        "Combe Rousse Composites opens a workshop on Réunion",
        "Combe Rousse Composites has opened a repair workshop in Le Port, on Réunion Island, "
        "its first site outside mainland France.",
        "export",
    ),
    (
        "a first site hors de France métropolitaine (senses.py)",
        "fr",
        "Combe Rousse Composites s'installe à La Réunion",
        "Combe Rousse Composites a ouvert une agence au Port, à La Réunion. C'est son premier "
        "site hors de France métropolitaine.",
        "export",
    ),
    (
        "proceedings that go on (habitual.py)",
        "fr",
        "Ardèche : l'industrie en trois dossiers",
        "Combe Rousse Composites poursuit sa période d'observation, ouverte au printemps. Le "
        "chantier naval voisin a livré son dernier bateau.",
        "insolvency",
    ),
    (
        "proceedings that go on (habitual.py)",
        "en",
        "Ardèche: industry in three stories",
        "Combe Rousse Composites remains in receivership, opened in the spring. The boatyard "
        "next door has delivered its last hull.",
        "insolvency",
    ),
]


@pytest.mark.parametrize(("rule", "language", "title", "text", "absent"), CASES)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, title: str, text: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=title))
    assert absent not in found, rule


# (language, title, text, type that must stay)
KEPT = [
    (
        "en",
        "Combe Rousse Composites to cut 40 jobs",
        "Combe Rousse Composites will cut 40 jobs at its Aubenas plant under a redundancy plan "
        "announced on Monday.",
        "closure",
    ),
    (
        "fr",
        "Combe Rousse Composites : une nouvelle usine à Aubenas et 70 embauches",
        "Combe Rousse Composites va construire une usine de 8 000 mètres carrés à Aubenas.",
        "investment",
    ),
    (
        "en",
        "Combe Rousse Composites doubles capacity, will hire 60",
        "Combe Rousse Composites will double the capacity of its Aubenas plant.",
        "investment",
    ),
    (
        "en",
        "Combe Rousse Composites ships hulls to Norway",
        "Combe Rousse Composites has shipped its first hulls to a boatyard in Bergen, Norway, "
        "its first sale outside Europe.",
        "export",
    ),
    (
        "fr",
        "Combe Rousse Composites en redressement judiciaire",
        "Le tribunal de commerce d'Aubenas a placé Combe Rousse Composites en redressement "
        "judiciaire et ouvert une période d'observation de six mois.",
        "insolvency",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "kept"), KEPT)
def test_true_events_stay(
    registry_enricher: Enricher, language: str, title: str, text: str, kept: str
) -> None:
    assert kept in types(events_of(registry_enricher, text, language, title=title))
