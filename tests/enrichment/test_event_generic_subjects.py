"""Events told of firms in general (issue 14, generic_subjects.py): a clause whose subject is
a loose count of firms ("several groups", "de nombreux ateliers", "two-thirds of firms"),
an English bare plural ("larger mills") or the trade itself ("the industry", "la filière")
reports a trend of the market, not the news of the document's firm; a firm's own event in
the same document stays, and so do jobs said in the passive ("new jobs will be created").

Every text here was written for these tests (none comes from the tuning, validation or
held-out sets); the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord("900000901", "Ferlandine", "900000901", (), None, "13.20A", "69", "84", False),
    CompanyRecord("900000902", "Morvaline", "900000902", (), None, "11.02A", "21", "27", False),
]

# (language, title, text, types expected, types not expected)
CASES = [
    (
        "fr",
        "Ferlandine rachète un tissage de Tarare",
        "Le groupe textile Ferlandine a racheté jeudi le tissage Bérodier, à Tarare, dans le "
        "Rhône.\n\nLe secteur se concentre : de nombreux ateliers familiaux s'adossent à des "
        "groupes plus grands, faute de repreneur. Plusieurs tisseurs de la région ont recruté "
        "des apprentis cette année.",
        {"acquisition"},
        {"hiring"},
    ),
    (
        "en",
        "Ferlandine buys Tarare weaving mill",
        "Textile group Ferlandine has acquired the Bérodier weaving mill in Tarare, in the "
        "Rhône.\n\nThe trade is consolidating. Larger mills have so far avoided layoffs "
        "by freezing hiring, and several weavers in the region have recruited apprentices "
        "this year.",
        {"acquisition"},
        {"hiring"},
    ),
    (
        "en",
        "Burgundy wine estates count the cost of a wet summer",
        "Burgundy estates harvested 12% less wine than last year, the trade body said on "
        "Monday.\n\nAcross the Côte d'Or, the industry hired about 6,000 pickers for the "
        "harvest. Two-thirds of estates in the Yonne say they will recruit fewer seasonal "
        "workers next year.",
        set(),
        {"hiring"},
    ),
    (
        "fr",
        "Bourgogne : les domaines viticoles face à une vendange maigre",
        "Les domaines bourguignons ont récolté 12 % de vin de moins que l'an dernier, selon "
        "l'interprofession.\n\nEn Côte-d'Or, la filière a embauché près de 6 000 "
        "vendangeurs. La plupart des domaines de l'Yonne recruteront moins de saisonniers "
        "l'an prochain.",
        set(),
        {"hiring"},
    ),
]

# The firm's own event, said in the passive or with its name, stays.
KEPT = [
    (
        "en",
        "Morvaline opens a winery in Nuits-Saint-Georges",
        "Wine merchant Morvaline has opened a new winery in Nuits-Saint-Georges, a EUR 9m "
        "investment.\n\nSeveral growers of the village say Morvaline will hire 20 cellar "
        "workers by the spring.",
        {"investment", "hiring"},
        set(),
    ),
    (
        "fr",
        "Morvaline inaugure un chai à Nuits-Saint-Georges",
        "Le négociant Morvaline a inauguré un nouveau chai à Nuits-Saint-Georges, un "
        "investissement de 9 millions d'euros.\n\nDe nouveaux postes seront créés sur le "
        "site : plusieurs vignerons du village disent que Morvaline recrutera vingt cavistes.",
        {"investment", "hiring"},
        set(),
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "expected", "unexpected"), CASES + KEPT)
def test_events_of_firms_in_general(
    registry_enricher: Enricher,
    language: str,
    title: str,
    text: str,
    expected: set[str],
    unexpected: set[str],
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert expected <= found
    assert not unexpected & found
