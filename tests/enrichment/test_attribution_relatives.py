"""Which company an event belongs to when its trigger's subject is a relative pronoun
separated from the firm it stands for by an apposition or a place ("… à Kessler Malz, un
groupe allemand qui y investira …", "… at Tissages Morvelle, in Roanne, which has won …"):
the parser hangs the relative on the apposition's noun or on the place, which names no
firm, and the event went to the article's main company or to a firm named after it.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 5 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry, or ("not", SIREN): there is such an event, and none is that company's.
CASES: list[tuple[str, str, str, str, object]] = [
    (
        "fr",
        "La Brasserie Vallorin se sépare de sa malterie",
        "La Brasserie Vallorin se recentre sur la bière. Elle a vendu sa malterie de Redon "
        "à Kessler Malz, un groupe familial allemand qui y investira 5 millions d'euros.",
        "investment",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Brasserie Vallorin sells its malt house",
        "Brasserie Vallorin is refocusing on beer. It sold its Redon malt house to Kessler "
        "Malz, a German family group which will invest €5m in the site.",
        "investment",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "Roanne : trente emplois aux Tissages Morvelle",
        "Trente emplois seront créés d'ici un an aux Tissages Morvelle, à Roanne, qui ont "
        "décroché la fourniture des housses de sièges des trains de la Compagnie "
        "Ferroviaire Rhodanienne.",
        "contract",
        MORVELLE,
    ),
    (
        "en",
        "Thirty jobs at Tissages Morvelle",
        "Thirty jobs will be created within a year at Tissages Morvelle, in Roanne, which "
        "has won a contract to supply seat covers for Rhone Valley Rail Company's trains.",
        "contract",
        MORVELLE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_relative_firm(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert companies, (title, results[position])
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, results[position])
    else:
        assert want in companies, (title, results[position])
