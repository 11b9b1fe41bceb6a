"""Missed events on fresh text (session 15, events recall):

- a site opened abroad, told with the site and its kind between the verb and the country
  ("has opened a packing station near Agadir, in Morocco", "ouvre un atelier de finition en
  Suisse", "opens Moroccan packing station"), is the firm's export and no investment
  (sites_abroad.py); the same site opened at home stays an investment.

Every text here was written for these tests (none comes from an evaluation set); the firms
are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

# (language, title, text)
SITES_ABROAD = [
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has opened a cookware finishing workshop near Tangier, in "
        "Morocco, to serve its customers in North Africa.",
    ),
    (
        "en",
        "Verlande Industries opens Mexican assembly plant",
        "The plant will employ 40 people.",
    ),
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries is opening its first casting plant outside France, close to "
        "the customers it serves.",
    ),
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries vient d'ouvrir un atelier de finition et un entrepôt en "
        "Pologne, à une heure de Varsovie.",
    ),
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries a inauguré jeudi une usine de cocottes au Vietnam, sa première "
        "en Asie.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), SITES_ABROAD)
def test_site_opened_abroad_is_export(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "export" in found
    assert "investment" not in found


# The same sites at home, or a foreign word that is not where the site is.
SITES_AT_HOME = [
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has opened a cookware finishing workshop near Roanne, in the "
        "Loire, to serve its customers in the Rhône valley.",
    ),
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has opened a new assembly plant in Lyon for German carmakers.",
    ),
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries vient d'ouvrir un atelier de finition à Roanne pour ses clients "
        "allemands.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), SITES_AT_HOME)
def test_site_opened_at_home_stays_investment(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "investment" in found
    assert "export" not in found
