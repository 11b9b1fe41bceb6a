"""Missed events on fresh text (session 15, events recall):

- a hub opened ("opens Rennes hub", "ouvre à Rennes un hub logistique") is an investment,
  a deal landed with its term before the noun ("has landed a three-year deal with") a
  contract (events.yaml);
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


# A hub opened; a deal or a contract landed with words between the verb and the noun.
OPENED_AND_LANDED = [
    ("en", "Verlande Industries opens Roanne hub", "The site employs 60 people.", "investment"),
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has opened a parcel hub near Roanne.",
        "investment",
    ),
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries ouvre à Roanne un hub logistique de 12 000 mètres carrés.",
        "investment",
    ),
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has landed a three-year deal with Rail Nord, its largest so far.",
        "contract",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "kind"), OPENED_AND_LANDED)
def test_opened_or_landed(
    registry_enricher: Enricher, language: str, title: str, text: str, kind: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language, title))


# A site that opened long ago is background.
def test_site_opened_long_ago_is_no_investment(registry_enricher: Enricher) -> None:
    text = "Verlande Industries runs a cookware warehouse near Roanne which opened in 1998."
    assert "investment" not in types(events_of(registry_enricher, text, "en", VERLANDE_TITLE["en"]))
