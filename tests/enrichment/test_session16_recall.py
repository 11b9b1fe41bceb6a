"""Missed events on fresh text (session 16, events recall):

- a subsidiary opened or created in overseas France ("ouvre une filiale en Martinique",
  "crée une filiale à Mayotte") is an investment at home, not an export (events.yaml,
  `# s16 recall`; French only: the English export trigger "subsidiary in" reads any
  place); one opened abroad stays the export (sites_abroad.py);
- a further piece of news told as such ("Par ailleurs, X a signé …") is the news of the
  firm the top reports on also when one of the two names carries the legal form and the
  other not ("Nordelec SAS" / "Nordelec"; additive_news.py).

Every text here was written for these tests (none comes from an evaluation set); the firms
are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.additive_news import more_news_of_the_firm
from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

# (language, title, text)
OVERSEAS_SUBSIDIARIES = [
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries ouvre une filiale commerciale en Martinique, à Fort-de-France, "
        "pour servir ses clients des Antilles.",
    ),
    (
        "fr",
        "Verlande Industries crée une filiale à Mayotte",
        "Le fabricant de cocottes y emploiera huit personnes dès le printemps.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), OVERSEAS_SUBSIDIARIES)
def test_subsidiary_opened_in_overseas_france_is_investment(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "investment" in found
    assert "export" not in found


# Guards: a subsidiary opened abroad is the export, not an investment.
SUBSIDIARIES_ABROAD = [
    (
        "fr",
        VERLANDE_TITLE["fr"],
        "Verlande Industries ouvre une filiale commerciale au Brésil, à São Paulo, pour "
        "servir ses clients d'Amérique du Sud.",
    ),
    (
        "en",
        VERLANDE_TITLE["en"],
        "Verlande Industries has set up a sales subsidiary in Poland to serve retailers "
        "across central Europe.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), SUBSIDIARIES_ABROAD)
def test_subsidiary_opened_abroad_stays_export(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "export" in found
    assert "investment" not in found


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        (
            "Par ailleurs, Nordelec et Brisants Énergie ont signé un accord de partenariat.",
            "Nordelec",
        ),
        ("Separately, Nordelec has signed a supply agreement with a Lyon grocer.", "NORDELEC"),
    ],
)
def test_more_news_of_the_firm_named_with_its_legal_form(sentence: str, company: str) -> None:
    assert more_news_of_the_firm(sentence, company, {"Nordelec SAS"})


def test_more_news_of_another_firm_stays_in_passing() -> None:
    sentence = "Par ailleurs, son concurrent Brisants Énergie a signé un accord de partenariat."
    assert not more_news_of_the_firm(sentence, "Brisants Énergie", {"Nordelec SAS"})
