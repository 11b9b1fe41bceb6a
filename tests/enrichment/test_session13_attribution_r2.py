"""Which company an event belongs to (session 13, round 2): a headline that the sentence
recogniser runs into the lead's first sentence (a title has no full stop) does not hide
the lead's event of the same type. "Rodez joiner wins …" names its firm only by a
description, which the rules give to no firm (or to a place the models took for one); the
lead's "Menuiseries X, the Rodez joinery shop, has won …" names the firm, and its event is
kept beside the title's.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with the rule switched off.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

CARVALLE = "900003501"
ALPINE = "900003502"


REGISTRY = [
    registry_firm(CARVALLE, "Menuiseries Carvalle", ("Carvalle",), "43.32A", "12", "76"),
    registry_firm(ALPINE, "Hôtels Solvaret", ("Solvaret",), "55.10Z", "74", "84"),
]

CASES: list[tuple[str, str, str, str, object]] = [
    (
        "en",
        "Millau joiner wins Annecy chalet fit-out",
        "Menuiseries Carvalle, the Millau joinery shop, has won the €1.4 million interior "
        "fit-out package for a chalet hotel in Annecy. Work starts in March.",
        "contract",
        CARVALLE,
    ),
    (
        "en",
        "Megève hotelier buys seaside hotel in Corsica",
        "Hôtels Solvaret, which runs four hotels in Megève, has bought the Marina d'Oro, a "
        "60-room hotel near Porto-Vecchio. The price was not disclosed.",
        "acquisition",
        ALPINE,
    ),
    (
        "fr",
        "Hôtellerie de Megève rachète la Marina d'Oro",
        "Hôtels Solvaret, qui exploite quatre hôtels à Megève, a racheté la Marina d'Oro, un "
        "hôtel de 60 chambres près de Porto-Vecchio. Le prix n'a pas été communiqué.",
        "acquisition",
        ALPINE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
