"""Events said in another time or mode than the news (issue 14, session 10; news8-11).

A journalist or a court clerk reports what happened or was decided. The same event words
also tell what is hoped, aimed at, needed or expected, what waits on its money, what will
be announced, the history of a firm over years, a habit, the crews of a building phase or
what was obtained before the news: none of them is an event of the document.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY: list[CompanyRecord] = []  # the firms here are outside any registry

# (language, text, the event type that must not be read)
NOT_EVENTS = [
    # what money or a project is to allow (hypotheses.py)
    (
        "fr",
        "Verrerie Dauphine a levé 6 millions d'euros auprès de deux fonds. L'opération doit "
        "permettre de doubler l'équipe commerciale d'ici deux ans.",
        "hiring",
    ),
    (
        "en",
        "Dauphine Glassworks raised €6m from two funds, money which should allow it to hire "
        "more sales staff.",
        "hiring",
    ),
    # an aim, a priority or an intention (hypotheses.py)
    (
        "fr",
        "Verrerie Dauphine a nommé Paul Ricard directeur général. « Ma priorité sera "
        "d'augmenter nos capacités de production », a-t-il déclaré.",
        "investment",
    ),
    (
        "en",
        'Dauphine Glassworks named Paul Ricard chief executive. "Our priority will be to '
        'increase production capacity," he said.',
        "investment",
    ),
    (
        "fr",
        "Verrerie Dauphine a annoncé son intention de racheter son concurrent Cristaux du Vercors.",
        "acquisition",
    ),
    (
        "en",
        "Dauphine Glassworks has announced its intention to acquire its rival Vercors Crystal.",
        "acquisition",
    ),
    (
        "en",
        "Dauphine Glassworks has signed a letter of intent to buy Vercors Crystal.",
        "acquisition",
    ),
    # an announcement still to come (hypotheses.py)
    (
        "en",
        "Dauphine Glassworks is expected to announce the acquisition of a smaller rival "
        "next month, according to people familiar with the matter.",
        "acquisition",
    ),
    (
        "fr",
        "Verrerie Dauphine devrait annoncer le rachat d'un concurrent le mois prochain, "
        "selon plusieurs sources.",
        "acquisition",
    ),
    # the crews of a building phase (hypotheses.py)
    (
        "en",
        "The plant will create around 80 jobs during construction and a dozen permanent ones.",
        "hiring",
    ),
    # a workforce's growth told over years, with a past verb (habitual.py)
    ("en", "Dauphine Glassworks has hired 300 people in five years.", "hiring"),
    (
        "fr",
        "Verrerie Dauphine a investi 40 millions d'euros sur les cinq dernières années.",
        "investment",
    ),
    # a continuous habit (habitual.py)
    (
        "fr",
        "« Nous recrutons en permanence : nous étions 90 il y a trois ans, nous sommes 190 "
        "aujourd'hui », explique la dirigeante de Verrerie Dauphine.",
        "hiring",
    ),
    ("en", "Dauphine Glassworks is hiring constantly to keep up with demand.", "hiring"),
    # what was obtained before the news (antecedents.py)
    (
        "en",
        "Dauphine Medical said on Friday it had shipped its first heart monitors to "
        "American clinics, after obtaining US regulatory clearance in the summer.",
        "innovation",
    ),
    # a plan that waits on its money or a study (conditions.py)
    (
        "en",
        "Dauphine Glassworks plans to build a €20m plant in Grenoble, subject to "
        "financing being secured.",
        "investment",
    ),
    (
        "fr",
        "Verrerie Dauphine prévoit de construire une usine de 20 millions d'euros à "
        "Grenoble, sous réserve de boucler son financement.",
        "investment",
    ),
    (
        "en",
        "Dauphine Glassworks will build a €20m plant in Grenoble, conditional on a final "
        "investment decision next year.",
        "investment",
    ),
]

# Families that rules of others (or of earlier sessions) already read: kept as guards.
STILL_NOT_EVENTS = [
    # a need or a forecast of a trade
    (
        "en",
        "The region's shipbuilding industry will need 3,000 recruits over the next two "
        "years, according to a study by the employers' federation.",
        "hiring",
    ),
    (
        "fr",
        "La filière navale de la région aura besoin de 3 000 recrutements d'ici à 2028, "
        "selon une étude de la fédération patronale.",
        "hiring",
    ),
    # "sans" a few words before
    (
        "fr",
        "Verrerie Dauphine évoque à terme 120 emplois supplémentaires, sans calendrier "
        "précis de recrutement.",
        "hiring",
    ),
    # a forecast counted after its noun
    (
        "fr",
        "Selon l'observatoire de l'emploi, 4 000 recrutements sont attendus l'an prochain "
        "dans la métallurgie régionale.",
        "hiring",
    ),
    (
        "en",
        "Some 4,000 hires are expected in the region's metalworking industry next year, "
        "the employment observatory said.",
        "hiring",
    ),
    (
        "fr",
        "Les entreprises du bâtiment emploieront jusqu'à 300 personnes au plus fort du "
        "chantier, qui commence en mars.",
        "hiring",
    ),
    (
        "fr",
        "Son concurrent Cristaux du Vercors, qui a doublé ses effectifs en trois ans, dit "
        "concentrer ses moyens sur le flaconnage.",
        "hiring",
    ),
    (
        "en",
        "Dauphine Glassworks has acquired four smaller rivals over the past decade.",
        "acquisition",
    ),
    ("fr", "Verrerie Dauphine envisage de construire une nouvelle usine à Grenoble.", "investment"),
    ("fr", "Verrerie Dauphine pourrait supprimer 40 postes l'an prochain.", "closure"),
    (
        "fr",
        "Verrerie Dauphine serait en discussions avec un fonds pour une levée de 10 millions "
        "d'euros.",
        "fundraising",
    ),
    (
        "fr",
        "Selon nos informations, Verrerie Dauphine aurait racheté son concurrent Cristaux du "
        "Vercors.",
        "acquisition",
    ),
    (
        "en",
        "Dauphine Glassworks confirmed it was in talks to acquire its rival Vercors Crystal.",
        "acquisition",
    ),
    (
        "en",
        "Ten years after its takeover by a Danish group, the Dauphine Glassworks plant in "
        "Grenoble is still growing.",
        "acquisition",
    ),
    (
        "fr",
        "Dix ans après son rachat par un groupe danois, l'usine de Verrerie Dauphine à "
        "Grenoble continue de grandir.",
        "acquisition",
    ),
    (
        "en",
        "Dauphine Glassworks dismissed reports that it had hired a bank to find a buyer.",
        "hiring",
    ),
]

# Decided or done: still events.
EVENTS = [
    (
        "en",
        "Dauphine Glassworks will build a €20m plant in Grenoble; the board approved the "
        "project on Monday.",
        "investment",
    ),
    (
        "fr",
        "Verrerie Dauphine va construire une usine de 20 millions d'euros à Grenoble ; le "
        "conseil d'administration a validé le projet lundi.",
        "investment",
    ),
    (
        "en",
        "Dauphine Glassworks will invest €20m in a plant in Grenoble, subject to the usual "
        "regulatory approvals.",
        "investment",
    ),
    (
        "fr",
        "Verrerie Dauphine a recruté 40 personnes depuis septembre pour sa nouvelle ligne.",
        "hiring",
    ),
    ("en", "Dauphine Glassworks has hired 40 people since September.", "hiring"),
    (
        "en",
        "Dauphine Glassworks plans to recruit 200 people by 2029, the first 60 of them next year.",
        "hiring",
    ),
    (
        "fr",
        "L'objectif de ce rachat, finalisé lundi, est de doubler la taille de Verrerie "
        "Dauphine : le groupe a racheté Cristaux du Vercors.",
        "acquisition",
    ),
    (
        "en",
        "The new plant of Dauphine Glassworks is expected to create 150 jobs by 2028.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_EVENTS + STILL_NOT_EVENTS)
def test_no_event_in_another_time_or_mode(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language))


@pytest.mark.parametrize(("language", "text", "kind"), EVENTS)
def test_a_decided_or_done_event_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))
