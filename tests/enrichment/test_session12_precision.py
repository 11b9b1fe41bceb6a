"""False events (issue 14, session 12, precision), read off traps14: a tie with a school
(school_ties.py); a generic truth, the other term of a comparison, a skill or time as an
event word's object, an indirect question (generic_statements.py); a distribution deal's
terms and a product in use already (product_news.py); a post named by its export
(senses.py); a road or a tunnel shut (routine_senses.py); habits and a workforce grown
since a past point (habitual.py); a priority, a wish, a plan being drawn up
(hypotheses.py); a negation split by an adverb (denials.py); a renewal under discussion
(aboutness.py); partnerships with a class of partners (partner_classes.py); a past date
after an apposition or after "from" and a name (background.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

# (rule, language, text, type that must not be found); the title reports nothing.
CASES = [
    (
        "school tie",
        "fr",
        "Verlande Industries a noué un partenariat avec trois lycées professionnels de la "
        "Loire pour faire découvrir ses métiers aux élèves.",
        "partnership",
    ),
    (
        "school tie",
        "en",
        "Verlande Industries has a partnership with the local vocational school so that "
        "teenagers can try machining.",
        "partnership",
    ),
    (
        "class of partners",
        "fr",
        "Sous sa direction, Verlande Industries a recentré son activité sur les robots de "
        "soudage et les collaborations avec les constructeurs navals.",
        "partnership",
    ),
    (
        "class of partners",
        "en",
        "Verlande Industries has built its growth on partnerships with the big shipyards.",
        "partnership",
    ),
    (
        "generic truth",
        "en",
        "Building a factory is a marathon, says the chief executive of Verlande Industries.",
        "investment",
    ),
    (
        "generic truth",
        "fr",
        "Construire une usine, c'est dix ans de travail, estime le patron de Verlande Industries.",
        "investment",
    ),
    (
        "other term of a comparison",
        "fr",
        "Chez Verlande Industries, la formation compte plus que le rachat de concurrents.",
        "acquisition",
    ),
    (
        "other term of a comparison",
        "en",
        "At Verlande Industries, training matters more than the acquisition of rivals.",
        "acquisition",
    ),
    (
        "skill as the object",
        "fr",
        "Pour Verlande Industries, l'acquisition de compétences passe par l'apprentissage.",
        "acquisition",
    ),
    (
        "indirect question",
        "en",
        "Customers often ask whether Verlande Industries will build a second plant in Lyon.",
        "investment",
    ),
    (
        "a distribution deal's terms",
        "fr",
        "Verlande Industries a signé un accord de distribution avec un importateur coréen, "
        "qui commercialisera ses robots de soudage à Séoul.",
        "innovation",
    ),
    (
        "a partnership's purpose",
        "en",
        "Verlande Industries has signed a partnership with Forges de Vaubrune, a forging "
        "firm in Rive-de-Gier, to launch a repair service for presses.",
        "innovation",
    ),
    (
        "product in use already",
        "fr",
        "Au salon, Verlande Industries présentait son capteur de vibrations, déjà déployé "
        "dans 80 usines.",
        "innovation",
    ),
    (
        "post named by its export",
        "fr",
        "Sa directrice générale a fait carrière chez un fabricant de pompes de Lyon, dont "
        "elle fut directrice export, avant de rejoindre Verlande Industries.",
        "export",
    ),
    (
        "post named by its export",
        "en",
        "Before joining Verlande Industries, she was export manager at a pump maker in Lyon.",
        "export",
    ),
    (
        "tunnel shut",
        "en",
        "The closure of the Fréjus tunnel this autumn hurt Verlande Industries' deliveries "
        "to Turin.",
        "closure",
    ),
    (
        "habit every single month",
        "en",
        'The head of Verlande Industries says he recruits "every single month" and still '
        "loses welders.",
        "hiring",
    ),
    (
        "habit regularly",
        "fr",
        "Verlande Industries, qui recrute régulièrement des soudeurs, prépare une nouvelle gamme.",
        "hiring",
    ),
    (
        "grown since a past point",
        "en",
        "Verlande Industries was bought by its managers in 2015 and has doubled its "
        "headcount since then.",
        "hiring",
    ),
    (
        "grown over years, second person",
        "fr",
        "Vous avez doublé vos effectifs en cinq ans chez Verlande Industries.",
        "hiring",
    ),
    (
        "priority",
        "en",
        '"Recruitment will be a priority next year," said the head of Verlande Industries.',
        "hiring",
    ),
    (
        "plan being drawn up",
        "en",
        "Verlande Industries is working out its hiring plan for 2027.",
        "hiring",
    ),
    (
        "wish in the conditional",
        "fr",
        "« Nous aimerions lever des fonds l'an prochain », confie la présidente de Verlande "
        "Industries.",
        "fundraising",
    ),
    (
        "negation split by an adverb",
        "fr",
        "Verlande Industries a remporté une commande de la SNCF, qui ne s'accompagnera "
        "toutefois pas d'embauches.",
        "hiring",
    ),
    (
        "renewal under discussion",
        "en",
        'Verlande Industries said it was "in discussions" with the navy about renewing its '
        "maintenance contract.",
        "contract",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent"), CASES)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, text: str, absent: str
) -> None:
    title = VERLANDE_TITLE[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert absent not in found, rule


# (language, text, type that must not be found) in an article of 1 December 2026: a date
# of the past after an apposition, a past year after "from" and a name (background.py).
DATED = [
    (
        "en",
        "Forges de Vaubrune itself bought Atlas, a Rennes robotics start-up, in 2024.",
        "acquisition",
    ),
    (
        "fr",
        "Les Forges de Vaubrune ont elles-mêmes racheté Atlas, une jeune pousse rennaise, en 2023.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune, which employs 230 people in Lyon, raised €30m from Keensight "
        "Capital in 2022 to fund its growth.",
        "fundraising",
    ),
]


@pytest.mark.parametrize(("language", "text", "absent"), DATED)
def test_past_date_is_background(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    title = VERLANDE_TITLE[language]
    found = events_of(
        registry_enricher, text, language, title=title, published=datetime(2026, 12, 1)
    )
    assert absent not in types(found)


# (language, text, type that must stay): the true events of the near wordings.
KEPT = [
    (
        "fr",
        "Verlande Industries a signé un partenariat avec l'Université de Lyon pour créer un "
        "laboratoire commun de robotique.",
        "partnership",
    ),
    (
        "en",
        "Verlande Industries has signed a partnership with a German robot maker.",
        "partnership",
    ),
    ("en", "Verlande Industries will build a new plant in Lyon.", "investment"),
    ("en", "Verlande Industries launches a vibration sensor for wind turbines.", "innovation"),
    ("fr", "Verlande Industries recrute 40 soudeurs pour son usine de Roanne.", "hiring"),
    (
        "fr",
        "Verlande Industries a remporté une commande de la SNCF et embauchera 30 techniciens.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries ferme définitivement son usine de Saint-Chamond.",
        "closure",
    ),
    (
        "en",
        "Verlande Industries has signed partnerships with the main shipyards.",
        "partnership",
    ),
    (
        "en",
        "Forges de Vaubrune has acquired the know-how of a Lyon start-up.",
        "acquisition",
    ),
]


@pytest.mark.parametrize(("language", "text", "kept"), KEPT)
def test_true_events_stay(registry_enricher: Enricher, language: str, text: str, kept: str) -> None:
    title = VERLANDE_TITLE[language]
    assert kept in types(events_of(registry_enricher, text, language, title=title))
