"""A registry firm whose name is also a common word ("Boussole", a compass) is linked where
the text writes it as a name inside a sentence ("a notifié à Boussole un marché", "has
awarded Boussole a contract"), and then wherever else the document names it; not where a
longer name holds it ("le plan Boussole 2030") or a person bears it ("Claire Boussole").

Every text was written for these tests; the companies are invented. Run time: about 5 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

BOUSSOLE = "900000033"
REGISTRY = [
    CompanyRecord(
        BOUSSOLE, "Boussole SAS", BOUSSOLE, ("Boussole",), None, "30.11Z", "50", "28", False
    ),
]

# (language, title, text, the SIREN that must be linked, or None: neither firm)
CASES: list[tuple[str, str, str, str | None]] = [
    (
        "fr",
        "Cherbourg : Boussole décroche deux vedettes",
        "La préfecture maritime a notifié à Boussole un marché de 12 millions d'euros pour "
        "deux vedettes de surveillance. « C'est notre plus grosse commande », se félicite "
        "la présidente de Boussole.",
        BOUSSOLE,
    ),
    (
        "en",
        "Cherbourg boatyard wins patrol boat order",
        "The maritime prefecture has awarded Boussole a €12m contract for two patrol boats. "
        "Founded in 2009, Boussole employs 80 people.",
        BOUSSOLE,
    ),
    (
        "fr",
        "Cherbourg mise sur la mer",
        "La ville présente le plan Boussole 2030 pour ses quais. La boussole des élus reste "
        "l'emploi, selon le maire.",
        None,
    ),
    (
        "fr",
        "Cherbourg : les quais seront refaits",
        "Les nouveaux quais seront prêts en 2029, a indiqué Claire Boussole, adjointe au "
        "maire. Le port en a besoin, a ajouté Boussole, qui préside le conseil portuaire.",
        None,
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "siren"), CASES)
def test_a_common_word_name_written_as_a_name_is_the_firm(
    registry_enricher: Enricher, language: str, title: str, text: str, siren: str | None
) -> None:
    [result] = registry_enricher.enrich([DocumentInput("d1", title, text, language)])
    assert result.error is None, result.error
    linked = {c["siren"] for c in result.companies if c["siren"]}
    assert linked == ({siren} if siren else set())
    if siren and language == "fr":
        assert siren in {e["siren"] for e in result.events if e["type"] == "contract"}
