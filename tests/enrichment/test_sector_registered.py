"""A company the document is about gives its registered sector (its NAF code) when no term
of another sector outweighs it: a notice or a brief about a firm need not name its trade."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import sector_codes

# Invented firms: a dairy (10.51C, agrifood) and a software house (58.29C, digital).
REGISTRY = [
    CompanyRecord(
        "912345674",
        "Laiterie Brenaz SAS",
        "912345674",
        ("Brenaz",),
        None,
        "10.51C",
        "73",
        "84",
        False,
    ),
    CompanyRecord(
        "923456785", "Quorvex SAS", "923456785", ("Quorvex",), None, "58.29C", "35", "53", False
    ),
]

ABOUT_THE_FIRM = [
    (
        "fr",
        "agrifood",
        "Changement de direction chez Brenaz",
        "Le conseil d'administration de Brenaz a nommé Paul Girod directeur général. Il "
        "remplace Henri Favre, qui dirigeait Brenaz depuis 2011.",
    ),
    (
        "en",
        "digital",
        "Quorvex names a new chief financial officer",
        "Quorvex said on Monday it had appointed Anne Le Goff as chief financial officer. "
        "She joins from a Rennes accounting firm, and Quorvex said she would take up the post "
        "in February.",
    ),
]


@pytest.mark.parametrize(("language", "code", "title", "text"), ABOUT_THE_FIRM)
def test_the_firm_the_text_is_about_gives_its_sector(
    registry_enricher: Enricher, language: str, code: str, title: str, text: str
) -> None:
    assert code in sector_codes(registry_enricher, language, title, text)


def test_a_sector_the_text_names_more_outweighs_it(registry_enricher: Enricher) -> None:
    title = "Brenaz couvre ses toits de panneaux solaires"
    text = (
        "Brenaz installe 4 000 panneaux solaires sur ses bâtiments d'Albertville. La centrale "
        "photovoltaïque couvrira un tiers de sa consommation d'électricité."
    )
    codes = sector_codes(registry_enricher, "fr", title, text)
    assert "energy" in codes and "agrifood" not in codes
