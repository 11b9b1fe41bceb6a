"""Event words denied, avoided, frozen or looked for report no event (denials.py,
newsworthy.py), and an event a state dates from is background ("vide depuis la
liquidation", "idle since its takeover"; background.py).

Every text here was written for these tests; the companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

KERVIAN = "900000411"
REGISTRY = [
    CompanyRecord(
        KERVIAN, "Ateliers Kervian", KERVIAN, ("Kervian",), None, "25.62A", "56", "53", False
    ),
]

NO_EVENT = [
    (
        "fr",
        "hiring",
        "Kervian a livré sa commande. Il n'y aura pas de recrutements supplémentaires cet hiver.",
    ),
    ("en", "hiring", "Kervian delivered the order. The workshop won't hire extra welders."),
    ("en", "hiring", "Kervian delivered the order. Kervian can't hire welders this winter."),
    (
        "fr",
        "closure",
        "Kervian tient bon. Les ateliers ont évité des licenciements grâce au chômage partiel.",
    ),
    ("en", "closure", "Kervian held on. The workshops avoided layoffs by cutting overtime."),
    ("fr", "hiring", "Kervian tient bon. L'atelier décide un gel des embauches."),
    ("en", "hiring", "Kervian held on. The workshop kept costs down with a hiring freeze."),
    (
        "fr",
        "partnership",
        "Kervian se développe. L'atelier cherche à nouer un partenariat pour ses coques.",
    ),
    (
        "en",
        "partnership",
        "Kervian is growing. The workshop is looking for a partner to build its hulls.",
    ),
    (
        "fr",
        "insolvency",
        "Kervian s'installe à Vannes. L'atelier loué est vide depuis la liquidation "
        "d'un menuisier, a indiqué la mairie.",
    ),
    (
        "en",
        "acquisition",
        "Kervian moves to Vannes. The workshop it leases has stood idle since its takeover "
        "by a rival, the town hall said.",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text"), NO_EVENT)
def test_a_denied_avoided_frozen_or_sought_event_is_no_news(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language))


NEWS = [
    ("fr", "hiring", "Kervian recrute douze soudeurs pour son atelier de Vannes."),
    ("en", "hiring", "Kervian is hiring twelve welders for its Vannes workshop."),
    ("fr", "partnership", "Kervian a signé un partenariat avec un atelier de Lorient."),
    ("en", "partnership", "Kervian has signed a partnership with a Lorient workshop."),
]


@pytest.mark.parametrize(("language", "kind", "text"), NEWS)
def test_the_same_events_said_plainly_are_news(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))
