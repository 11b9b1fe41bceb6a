"""What a document's top makes news (issue 14, session 9, second round; salience.py).

- The machines or the workshop a firm pays for to meet a contract just won, said once
  below the lead, are the contract's follow-up, an investment the annotators of news7 to
  news10 label.
- A rubric label before a title's colon ("Défaillances : …") heads one firm's case: its
  insolvency is news, the title counts no insolvencies.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from myrtille.enrichment.salience import _statistics_title
from tests.enrichment.enriching import events_of, types

REGISTRY: list[CompanyRecord] = []  # the firms here are outside any registry

CONTRACT_THEN_MACHINES = [
    (
        "fr",
        "Les Forges Rivolet décrochent un contrat de cinq ans",
        "ANNECY. Les Forges Rivolet ont remporté un contrat de cinq ans auprès du "
        "constructeur ferroviaire Alvéa pour la fabrication d'essieux. Le montant n'a pas "
        "été communiqué.\n\n"
        "« Nous attendions ce marché depuis longtemps », explique le dirigeant, Marc "
        "Rivolet. Pour suivre les volumes, l'entreprise va installer une nouvelle presse "
        "dans son usine de Cran-Gevrier, un investissement de 4 millions d'euros.",
    ),
    (
        "en",
        "Rivolet Forge wins five-year axle contract",
        "ANNECY. Rivolet Forge has won a five-year contract from the rail maker Alvea to "
        "forge axles. Terms were not disclosed.\n\n"
        '"We had waited a long time for this deal," said its head, Marc Rivolet. To keep '
        "up with the volumes, the company will invest 4 million euros in a new press at "
        "its Cran-Gevrier plant.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), CONTRACT_THEN_MACHINES)
def test_the_machines_bought_to_meet_a_contract_are_an_investment(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=title))
    assert {"contract", "investment"} <= found, found


@pytest.mark.parametrize(
    ("title", "counts"),
    [
        ("Défaillances : la menuiserie Garnaud, à Niort, en liquidation", False),
        ("Insolvencies: Niort joinery Garnaud goes into liquidation", False),
        ("Défaillances : 14 % de plus en Poitou sur un an", True),
        ("Défaillances d'entreprises : la Vienne au-dessus de la moyenne", True),
        ("Business failures rise again in the West", True),
    ],
)
def test_a_rubric_label_heads_one_case(title: str, counts: bool) -> None:
    assert _statistics_title(title) is counts


def test_a_firms_insolvency_under_a_rubric_label_is_news(registry_enricher: Enricher) -> None:
    found = types(
        events_of(
            registry_enricher,
            "Le tribunal de commerce de Niort a prononcé mardi la liquidation judiciaire "
            "de la menuiserie Garnaud, qui employait onze salariés.",
            "fr",
            title="Défaillances : la menuiserie Garnaud, à Niort, en liquidation",
        )
    )
    assert "insolvency" in found, found
