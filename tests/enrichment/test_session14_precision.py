"""False events of fresh text (issue 14, session 14, events precision), read off news15's
genres: talks not concluded, a portrait's story told year by year, an event word in
another sense, hiring named as a trade's hardship, an event that waits on something else.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]
PUBLISHED = datetime(2026, 11, 3)

# aboutness.py: talks whose purpose is the deal, a deal only neared.
TALKS = [
    (
        "en",
        "Verlande Industries is in advanced talks to buy Forges de Vaubrune, two people "
        "familiar with the matter said.",
    ),
    ("en", "Verlande Industries has opened talks to acquire Forges de Vaubrune."),
    ("en", "Verlande Industries is close to a deal to buy Forges de Vaubrune, sources said."),
    ("fr", "Verlande Industries a entamé des pourparlers pour racheter les Forges de Vaubrune."),
    ("fr", "Verlande Industries poursuit les négociations pour reprendre les Forges de Vaubrune."),
    (
        "fr",
        "Verlande Industries est en phase finale de négociation pour racheter les Forges "
        "de Vaubrune.",
    ),
]
# later_years.py: a time counted from a year told before, earlier than the article's.
STORY = [
    (
        "fr",
        "Elle fonde la société en 2009. En 2014, l'entreprise lève 800 000 euros. Trois "
        "ans plus tard, l'entreprise lyonnaise rachète les Forges de Vaubrune.",
    ),
    (
        "fr",
        "Verlande ouvre un premier atelier en 2012. L'année suivante, l'entreprise "
        "rachète les Forges de Vaubrune, son principal concurrent.",
    ),
    (
        "en",
        "Verlande opened its first shop in 2015. Two years later, it bought Forges de "
        "Vaubrune, a rival.",
    ),
    (
        "en",
        "In 2016 the founder moved the firm to Lyon. The following year, Verlande "
        "acquired Forges de Vaubrune.",
    ),
    (
        "en",
        "By the time he stepped back from day-to-day management in 1999, the firm was "
        "exporting to a dozen countries.",
    ),
    ("fr", "Lorsqu'il a pris sa retraite en 2005, la maison exportait dans douze pays."),
]
# Counted from a year near the article's, or ahead: today's news or a plan.
STORY_KEPT = [
    (
        "fr",
        "Verlande Industries a été fondée en 2019 à Lyon. Sept ans plus tard, "
        "l'entreprise lève 20 millions d'euros auprès de fonds régionaux.",
        "fundraising",
    ),
    (
        "en",
        "Verlande Industries was founded in 2020. Six years later, it has raised €20m "
        "from regional funds.",
        "fundraising",
    ),
    (
        "fr",
        "La nouvelle usine sera mise en service en 2027. Deux ans plus tard, Verlande "
        "Industries embauchera 80 personnes.",
        "hiring",
    ),
]
# routine_senses.py: a taste or a habit acquired, a person's or a household's buyback.
SENSES = [
    ("en", "The son of a fisherman, he acquired a taste for baking as an apprentice."),
    ("en", "She acquired the habit of walking the shore at dawn."),
    ("fr", "Il a fait racheter ses trimestres de retraite avant de quitter Verlande."),
    ("fr", "Le courtier propose le rachat de crédits aux ménages endettés."),
]
# generic_statements.py: hiring named as a trade's hardship.
HARDSHIP = [
    ("fr", "Les artisans se plaignent de la flambée de l'énergie et des problèmes de recrutement."),
    ("fr", "Dans la région, les délais de recrutement dépassent souvent quatre mois."),
    ("en", "Hauliers complain about fuel prices and hiring problems."),
    ("en", "Restaurants are grappling with a hiring crunch and soaring energy bills."),
]
# conditions.py: the event's noun, then a wait on something else.
WAITING = [
    ("fr", "Les 60 embauches envisagées restent suspendues à cette décision.", "hiring"),
    ("fr", "L'extension de l'usine dépend désormais de l'issue du procès.", "investment"),
    ("en", "The 60 planned hires remain on hold pending the ruling.", "hiring"),
    ("en", "The 60 hires depend on the outcome of the tender.", "hiring"),
]
# denials.py: "ne" before the verb, the negation after it.
NEGATED = [
    (
        "fr",
        "« Les gens parlent de rachat de points, alors qu'on ne rachète rien », sourit le gérant.",
        "acquisition",
    ),
    ("fr", "Verlande Industries ne recrute plus depuis la crise.", "hiring"),
    ("fr", "Le groupe ne ferme jamais un site sans plan social.", "closure"),
]
# The same shapes that report news.
KEPT = [
    (
        "en",
        "Verlande Industries has agreed to buy Forges de Vaubrune after months of talks.",
        "acquisition",
    ),
    (
        "fr",
        "Verlande Industries a racheté les Forges de Vaubrune au terme de longues négociations.",
        "acquisition",
    ),
    # talks brought to their end are the deal done
    (
        "fr",
        "Verlande Industries a finalisé les négociations pour racheter les Forges de Vaubrune.",
        "acquisition",
    ),
    (
        "en",
        "Verlande Industries has concluded talks to acquire Forges de Vaubrune for €40m.",
        "acquisition",
    ),
    (
        "en",
        "Verlande Industries has wrapped up negotiations to buy Forges de Vaubrune.",
        "acquisition",
    ),
    (
        "en",
        "Verlande Industries has acquired Points Services, a Lyon software firm.",
        "acquisition",
    ),
    ("fr", "Verlande Industries annonce le recrutement de 40 soudeurs à Saint-Étienne.", "hiring"),
    ("en", "Verlande Industries announced the hiring of 40 welders in Saint-Étienne.", "hiring"),
    (
        "fr",
        "Verlande Industries recrute 40 soudeurs, dont l'arrivée dépend du calendrier du chantier.",
        "hiring",
    ),
    ("fr", "Verlande Industries n'embauche pas moins de 40 personnes cette année.", "hiring"),
    (
        "en",
        "Verlande Industries, founded in 1921, says another 25 posts will be filled over "
        "the next year.",
        "hiring",
    ),
]


def _events(enricher: Enricher, language: str, text: str) -> set[object]:
    return types(events_of(enricher, text, language, VERLANDE_TITLE[language], PUBLISHED))


@pytest.mark.parametrize(("language", "text"), TALKS)
def test_talks_are_no_takeover(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "acquisition" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), STORY)
def test_story_told_from_an_earlier_year_is_background(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert not _events(registry_enricher, language, text) & {"acquisition", "export"}


@pytest.mark.parametrize(("language", "text", "kind"), STORY_KEPT)
def test_story_reaching_today_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), SENSES)
def test_private_or_figurative_acquiring(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "acquisition" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), HARDSHIP)
def test_hiring_as_a_hardship(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "hiring" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), WAITING)
def test_event_waiting_on_something(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), NEGATED)
def test_negation_after_the_verb(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), KEPT)
def test_news_of_the_same_shape_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in _events(registry_enricher, language, text)
