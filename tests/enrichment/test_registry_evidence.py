"""What a linked company's registry data adds to a document: weight to its NAF code's
sector (never the sector on its own), and its registered places — both switchable off
(``registry_implies_sectors``, ``registry_implies_places``)."""

from __future__ import annotations

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.enricher import Enricher
from tests.enrichment.test_enricher import REGISTRY, enrich

# Aérovolt's NAF (30.30Z) is aeronautics; it is registered in Haute-Garonne (31, region 76).
# Named once, outside the title: a company the document is not about (one it is about
# gives its sector as the lead: tests/enrichment/test_sector_registered.py).
NO_SECTOR_WORD = (
    "Prud'hommes : 40 000 euros pour un ancien salarié",
    "Le conseil de prud'hommes a condamné Aérovolt à verser 40 000 euros à un ancien "
    "salarié licencié l'an dernier. La direction a fait savoir qu'elle ferait appel.",
)
ONE_SECTOR_WORD = (
    "Aérovolt condamnée aux prud'hommes",
    "Le conseil de prud'hommes a condamné Aérovolt à verser 40 000 euros à un ancien "
    "salarié licencié l'an dernier. La société, dont le moteur d'avion est en essais, fera "
    "appel.",
)


def sectors(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {s["code"] for s in result.sectors}


def test_a_linked_company_alone_does_not_give_its_sector(enricher: Enricher) -> None:
    result = enrich(enricher, *NO_SECTOR_WORD)
    assert {c["siren"] for c in result.companies} == {"919985002"}
    assert "aeronautics" not in sectors(result)


def test_a_linked_company_and_one_sector_word_give_the_sector(enricher: Enricher) -> None:
    result = enrich(enricher, *ONE_SECTOR_WORD)
    [aeronautics] = [s for s in result.sectors if s["code"] == "aeronautics"]
    assert {"company": "919985002", "naf": "30.30Z"} in aeronautics["evidence"]
    # The longest term found there is the evidence ("moteur d'avion", not also "avion").
    assert {"term": "moteur d'avion", "where": "text", "count": 1} in aeronautics["evidence"]


def test_the_registry_contribution_can_be_switched_off(enricher: Enricher) -> None:
    text_only = Enricher(
        EnrichmentSettings(
            max_chars=5000, registry_implies_sectors=False, registry_implies_places=False
        ),
        REGISTRY,
        models=enricher.models,  # same registry, so the shared pipelines stay valid
    )
    with_registry = enrich(enricher, *ONE_SECTOR_WORD)
    without = enrich(text_only, *ONE_SECTOR_WORD)
    assert (with_registry.regions, with_registry.departments) == (["76"], ["31"])
    assert (without.regions, without.departments) == ([], [])
    assert "aeronautics" in sectors(with_registry)
    # Without the registry, no sector rests on the company (the text's one term may still
    # give its sector as the only one named: sectors._sole, session 6).
    assert not any("company" in e for s in without.sectors for e in s["evidence"])
    assert {c["siren"] for c in without.companies} == {"919985002"}
