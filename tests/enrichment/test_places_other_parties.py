"""Places (issue 14, session 4): a firm named only by its kind and its home, in an
indefinite phrase a verb or a preposition governs ("construite par un chantier naval
charentais", "led by a Lyon-based investment fund"), is a builder, a backer or a customer
left unnamed: its home is no place of the news unless the text names it elsewhere. The
firm the sentence is about keeps its home ("Kerlann, une PME vendéenne", "is a Lyon-based
maker").

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-constructeur",
        "Une navette électrique pour les Vedettes du Golfe",
        "Les Vedettes du Golfe ont reçu mardi à Vannes une navette électrique de 90 places, "
        "construite par un chantier naval charentais pour 3 millions d'euros.",
        {"56"},
        {"53"},
    ),
    (
        "fr-client",
        "Les Tissages Morvan signent un contrat de cinq ans",
        "Les Tissages Morvan, installés à Roanne, ont signé un contrat de cinq ans avec une "
        "grande enseigne lyonnaise de prêt-à-porter, qui leur achètera 200 000 mètres de "
        "toile par an.",
        {"42"},
        {"84"},
    ),
    (
        "en-investor",
        "Knitwear maker Maison Ternier raises 6 million euros",
        "Maison Ternier, the Troyes knitwear maker, has raised 6 million euros in a round "
        "led by a Strasbourg-based investment fund, to buy two circular knitting machines.",
        {"10"},
        {"44"},
    ),
    (
        "en-customer",
        "Ateliers Quillec win a five-year order",
        "Ateliers Quillec, a Brest maker of marine winches, has won a five-year order from a "
        "Bordeaux yacht builder worth 8 million euros.",
        {"29"},
        {"53"},
    ),
    (
        # The firm the text is about, in apposition or after a copula, keeps its home.
        "fr-apposition",
        "Kerlann lève 4 millions d'euros",
        "Kerlann, une PME vendéenne qui fabrique des remorques, a levé 4 millions d'euros. "
        "Le fabricant est une entreprise familiale choletaise depuis trois générations.",
        {"85", "49"},
        {"52"},
    ),
    (
        # Named elsewhere as a place, the other party's home stays.
        "en-named-elsewhere",
        "Maison Ternier opens a shop",
        "Maison Ternier, a Troyes knitwear maker, will supply a Reims department store. It "
        "opened a shop in Reims, in the Marne, last month.",
        {"10", "51"},
        {"44"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_an_unnamed_party_s_home_is_no_place_of_the_news(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
