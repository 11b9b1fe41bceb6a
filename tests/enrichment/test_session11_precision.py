"""False events (issue 14, session 11, precision): hires with no figure or no timetable,
advisers hired for a sale, staff a purchase brings, a new manager's roadmap, a line of a
transport network, something new bought.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, events_of, types

REGISTRY = [
    VAUBRUNE,
]

# (rule, language, title, text, type that must not be found)
CASES = [
    (
        "hires with no timetable (passing_news.py)",
        "en",
        "Forges de Vaubrune raises €4m",
        "Forges de Vaubrune, a Dijon forging firm, has closed a €4m round. The company will "
        "put the money into robots and triple its staff of 18, though it set no timetable "
        "for the hiring.",
        "hiring",
    ),
    (
        "hires with no timetable (passing_news.py)",
        "fr",
        "Forges de Vaubrune lève 4 millions d'euros",
        "Les Forges de Vaubrune, forgeron dijonnais, ont bouclé un tour de table de 4 millions "
        "d'euros. L'entreprise recrutera des opérateurs pour sa presse, mais aucun calendrier "
        "n'a été fixé.",
        "hiring",
    ),
    (
        "hires with no figure (no_new_jobs.py)",
        "fr",
        "Forges de Vaubrune lève 4 millions d'euros",
        "Les Forges de Vaubrune, forgeron dijonnais, ont bouclé un tour de table de 4 millions "
        "d'euros. L'argent doit aussi servir au recrutement de techniciens de maintenance, "
        "sans objectif chiffré pour l'instant.",
        "hiring",
    ),
    (
        "hires with no figure (no_new_jobs.py)",
        "en",
        "Forges de Vaubrune raises €4m",
        "Forges de Vaubrune, a Dijon forging firm, has closed a €4m round. Part of the money "
        "will go to the recruitment of maintenance technicians, though it gave no figure.",
        "hiring",
    ),
    (
        "advisers hired for a sale (senses.py)",
        "en",
        "Forges de Vaubrune names a new chief executive",
        "Forges de Vaubrune has named Claire Dumas as chief executive. A trade weekly wrote "
        "this week that Forges de Vaubrune has hired bankers to find a buyer.",
        "hiring",
    ),
    (
        "advisers hired for a sale (senses.py)",
        "fr",
        "Forges de Vaubrune : une nouvelle directrice générale",
        "Les Forges de Vaubrune ont nommé Claire Dumas directrice générale. Selon un "
        "hebdomadaire, les Forges de Vaubrune ont recruté une banque d'affaires pour chercher "
        "un repreneur.",
        "hiring",
    ),
    (  # the French wording ("L'achat apporte quelque 45 chauffeurs") finds no hiring
        "staff a purchase brings (no_new_jobs.py)",
        "en",
        "Forges de Vaubrune buys a Beaune haulier",
        "Forges de Vaubrune has bought Transports Sauvin, a haulier in Beaune. The purchase "
        "widens its network to the south and adds about 45 drivers and 30 trucks.",
        "hiring",
    ),
    (  # the English "new school bus lines" finds no investment
        "a line of a transport network (senses.py)",
        "fr",
        "Forges de Vaubrune recrute",
        "Les Forges de Vaubrune lancent une campagne : 25 conducteurs pour les nouvelles "
        "lignes scolaires de l'Eure.",
        "investment",
    ),
    (
        "something new bought (senses.py)",
        "fr",
        "Dijon : les Forges de Vaubrune s'offrent une nouvelle ligne de forgeage",
        "Les Forges de Vaubrune investissent 3 millions d'euros à Dijon.",
        "acquisition",
    ),
    (
        "something new bought (senses.py)",
        "en",
        "Forges de Vaubrune equips its Dijon plant",
        "Forges de Vaubrune has acquired two new forging robots for its Dijon plant.",
        "acquisition",
    ),
    (
        "a new manager's roadmap (hypotheses.py)",
        "fr",
        "Forges de Vaubrune : une nouvelle directrice générale",
        "Les Forges de Vaubrune ont nommé Claire Dumas directrice générale. Sa feuille de "
        "route : recruter 50 techniciens et ouvrir une usine en Pologne.",
        "hiring",
    ),
    (
        "a new manager's roadmap (hypotheses.py)",
        "en",
        "Forges de Vaubrune names a new chief executive",
        "Forges de Vaubrune has named Claire Dumas as chief executive. Her roadmap is set: "
        "hire 50 technicians and win contracts in Northern Europe.",
        "hiring",
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
        "fr",
        "Dijon : les Forges de Vaubrune s'offrent l'outilleur Sauvin",
        "Les Forges de Vaubrune ont racheté Outillage Sauvin, un outilleur de Beaune.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune acquires a Beaune toolmaker",
        "Forges de Vaubrune has acquired Outillage Sauvin, a toolmaker in Beaune.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune to hire 40 welders",
        "Forges de Vaubrune will hire 40 welders by June for its new press line in Dijon.",
        "hiring",
    ),
    (
        "fr",
        "Forges de Vaubrune recrute",
        "Les Forges de Vaubrune vont recruter 40 soudeurs d'ici juin pour leur nouvelle ligne "
        "de presses, à Dijon.",
        "hiring",
    ),
    (
        "en",
        "Forges de Vaubrune hires engineers",
        "Forges de Vaubrune has hired 30 engineers to design its next generation of presses.",
        "hiring",
    ),
    (
        "fr",
        "Forges de Vaubrune décroche une commande",
        "Claire Dumas a présenté mardi sa feuille de route. Les Forges de Vaubrune ont décroché "
        "une commande de 12 millions d'euros auprès d'un constructeur ferroviaire.",
        "contract",
    ),
    (
        "en",
        "Forges de Vaubrune wins an order",
        "Claire Dumas presented her roadmap on Tuesday. Forges de Vaubrune has won a €12m "
        "order from a rolling stock maker.",
        "contract",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "kept"), KEPT)
def test_true_events_stay(
    registry_enricher: Enricher, language: str, title: str, text: str, kept: str
) -> None:
    assert kept in types(events_of(registry_enricher, text, language, title=title))
