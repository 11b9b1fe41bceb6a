"""Terms in an English headline written in title case (issue 14, sector recall): the
tagger reads its words as proper nouns and leaves "Hauliers" or "Ferries" unlemmatised,
so a term's last word also matches its regular plural. Texts written for this module,
none from an evaluation set. Runs in about 3 s (the session's enricher, models loaded
once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.sector_forms import plural
from tests.enrichment.test_enricher import enrich


@pytest.mark.parametrize(
    ("sector", "title"),
    [
        ("transport", "Breton Hauliers Warn Of Winter Shortage"),
        ("agrifood", "Normandy Cheese Makers Face A Dry Summer"),
    ],
)
def test_a_plural_term_in_a_title_case_headline(
    enricher: Enricher, sector: str, title: str
) -> None:
    text = "Prices will rise next month, the federation said on Monday."
    assert sector in {s["code"] for s in enrich(enricher, title, text, "en").sectors}


def test_regular_plurals() -> None:
    assert plural("cheese maker") == ["cheese makers"]
    assert plural("ferry") == ["ferries"]
    assert plural("bus") == []  # already ends in s: "buses" is the lemmatizer's
    assert plural("tax") == ["taxes"]
