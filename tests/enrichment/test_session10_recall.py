"""Event wordings the rules missed (issue 14, session 10, events recall), read off the
missed events of news11 and the older sets: a product launched or unveiled whatever it is
(launch_objects.py), a foreign market entered (market_entries.py), a record of performance,
leave to sell from a health authority, a team hired (events.yaml).

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (family, language, text, expected type)
WORDINGS = [
    # a product unveiled or launched, of a kind no list foresees
    (
        "unveil",
        "en",
        "Verlande Industries has unveiled a pump housing cast in recycled aluminium, "
        "40% lighter than the part it replaces.",
        "innovation",
    ),
    (
        "launch",
        "en",
        "Verlande Industries launches low-sugar oat biscuits for school canteens.",
        "innovation",
    ),
    (
        "launch-of",
        "en",
        "Verlande Industries today announces the launch of Ardent, a wood-fired pizza oven "
        "for restaurant kitchens.",
        "innovation",
    ),
    (
        "unveil-name",
        "en",
        "Verlande Industries today unveils Solstice, a cordless hedge trimmer.",
        "innovation",
    ),
    (
        "lancement-de",
        "fr",
        "Verlande Industries a annoncé mardi le lancement d'une ligne de sandales en liège "
        "fabriquées dans son atelier de Saint-Étienne.",
        "innovation",
    ),
    (
        "dévoiler",
        "fr",
        "Verlande Industries dévoile une poignée de porte en bois massif qui se passe de vis.",
        "innovation",
    ),
    # a foreign market entered, the country right after the verb or noun
    ("enter", "en", "Verlande Industries enters Mexico with its garden tools.", "export"),
    (
        "break-into",
        "en",
        "Verlande Industries has broken into South Korea with a cordless mower.",
        "export",
    ),
    (
        "foray",
        "en",
        "The order marks Verlande Industries' first foray into Latin America.",
        "export",
    ),
    ("débarquer", "fr", "Les tondeuses de Verlande Industries débarquent au Mexique.", "export"),
    ("installer", "fr", "Verlande Industries s'est installée en Corée le mois dernier.", "export"),
    (
        "débouché",
        "fr",
        "Pour Verlande Industries, c'est un premier débouché en Asie.",
        "export",
    ),
    # a record of performance, leave to sell, a team hired
    (
        "record",
        "en",
        "Verlande Industries says its heat pump has broken an efficiency record.",
        "innovation",
    ),
    (
        "record",
        "fr",
        "La pompe à chaleur de Verlande Industries bat un record de rendement.",
        "innovation",
    ),
    (
        "authorisation",
        "en",
        "Verlande Industries has won marketing authorisation for its wound dressing.",
        "innovation",
    ),
    (
        "cleared",
        "en",
        "The wound dressing made by Verlande Industries has been cleared for sale in Europe.",
        "innovation",
    ),
    (
        "team",
        "en",
        "Verlande Industries raised EUR 8 million and will hire a team of 25 engineers.",
        "hiring",
    ),
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
    # a project, works or a plan launched is no product
    ("fr", "Verlande Industries a lancé l'extension de son usine de Saint-Étienne.", "innovation"),
    ("fr", "Verlande Industries lance sa deuxième tranche de travaux.", "innovation"),
    (
        "fr",
        "Verlande Industries a lancé un appel d'offres pour son nouveau bâtiment.",
        "innovation",
    ),
    ("en", "Verlande Industries launched a recruitment drive in the Loire.", "innovation"),
    ("en", "Verlande Industries has unveiled a plan to cut its energy bill.", "innovation"),
    # a works site launched this autumn: the participle qualifies a noun
    (
        "fr",
        "Verlande Industries achève la rénovation de son siège, un chantier lancé cet automne.",
        "innovation",
    ),
    # a person introduced, not a product
    ("en", "Verlande Industries unveiled Claire Morel, its new chief executive.", "innovation"),
    # a rocket's launch
    ("en", "Verlande Industries machined parts for the launch of Ariane 6.", "innovation"),
    # a foreign firm described, a deal entered into with a foreign firm
    (
        "fr",
        "Verlande Industries achète ses moteurs à un fournisseur installé en Corée.",
        "export",
    ),
    (
        "en",
        "Verlande Industries entered into talks with a Korean investor over its capital.",
        "export",
    ),
    # a team funded may be the staff the firm already has
    ("en", "The grant will fund a team of 25 researchers at Verlande Industries.", "hiring"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
