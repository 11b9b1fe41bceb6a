"""False events found by probing genres the evaluation sets hold little of (issue 14,
session 13): a firm's history told by decades in a profile or a tribute (decades.py,
read by background.py); a regret or a choice under a negated French infinitive in an
interview (negated_infinitives.py); a patent fought over in a court column
(patent_suits.py); the later verbs of a list after a modal in an editorial
(coordinated_verbs.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

# (rule, language, text, type that must not be found); the title reports nothing.
CASES = [
    (
        "decade",
        "fr",
        "Verlande Industries est née en 1931 à Saint-Étienne. Dans les années 2000, elle a "
        "ouvert une filiale en Pologne et lancé sa gamme de robots de soudage. Elle emploie "
        "aujourd'hui 210 personnes.",
        "innovation",
    ),
    (
        "decade",
        "en",
        "The family has run the firm for four generations. In the 1990s Verlande Industries "
        "bought a rival toolmaker in Lyon and began exporting to Germany. It now employs 210 "
        "people.",
        "acquisition",
    ),
    (
        "negated infinitive",
        "fr",
        "Votre plus grand regret ? Ne pas avoir racheté notre concurrent quand il était à "
        "vendre, répond la présidente de Verlande Industries.",
        "acquisition",
    ),
    (
        "negated infinitive",
        "fr",
        "La présidente de Verlande Industries assure ne pas prévoir de recrutements cette "
        "année, faute de commandes.",
        "hiring",
    ),
    (
        "patent suit",
        "en",
        "Verlande Industries won its patent case against a German rival in a Lyon court on "
        "Monday, ending a four-year dispute.",
        "innovation",
    ),
    (
        "patent suit",
        "fr",
        "Verlande Industries a été condamnée mardi pour contrefaçon de brevet à verser "
        "200 000 euros à un concurrent italien.",
        "innovation",
    ),
    (
        "list after a modal",
        "fr",
        "Pour tenir face aux géants, Verlande Industries devra moderniser ses ateliers, "
        "recruter des soudeurs et nouer des partenariats avec les écoles d'ingénieurs.",
        "hiring",
    ),
    (
        "list after a modal",
        "en",
        "To survive, toolmakers such as Verlande Industries should modernise their workshops, "
        "cut costs and export more.",
        "export",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "kind"), CASES)
def test_a_genre_reading_is_no_event(
    registry_enricher: Enricher, rule: str, language: str, text: str, kind: str
) -> None:
    events = events_of(registry_enricher, text, language, VERLANDE_TITLE[language])
    assert kind not in types(events), (rule, events)


# The same constructions when the event is the news: they are kept.
KEPT = [
    (
        "since a decade",
        "fr",
        "Verlande Industries a racheté mardi le fabricant lyonnais Outimec, sa première "
        "acquisition depuis les années 1990.",
        "acquisition",
    ),
    (
        "chose not to wait",
        "fr",
        "Verlande Industries a choisi de ne pas attendre la fin du chantier pour recruter "
        "40 soudeurs, a annoncé sa direction mardi.",
        "hiring",
    ),
    (
        "patent filed",
        "en",
        "Verlande Industries has filed a patent for its new welding head, its chief "
        "executive said on Tuesday.",
        "innovation",
    ),
    (
        "list after a commitment",
        "fr",
        "Verlande Industries va moderniser ses ateliers, recruter 40 soudeurs et ouvrir un "
        "centre de formation à Saint-Étienne, a annoncé sa direction mardi.",
        "hiring",
    ),
    (
        "list in reported speech",
        "en",
        "Verlande Industries, which employs 400 people in the Loire, said it would open a "
        "site office in Roanne and hire around 50 local welders for the construction phase.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "kind"), KEPT)
def test_the_event_itself_is_kept(
    registry_enricher: Enricher, rule: str, language: str, text: str, kind: str
) -> None:
    events = events_of(registry_enricher, text, language, VERLANDE_TITLE[language])
    assert kind in types(events), (rule, events)
