"""Which company an event belongs to (session 15): a new head's second sentence.

A people-moves column gives each appointment a paragraph ("Paul Verdun est le nouveau
président de X. Cet ingénieur de 52 ans succède à Y", "Jane Roe has been named chief
executive of X. The 48-year-old replaces Y"): the second sentence names no firm, and its
change of leader is the firm's of the post just given, listed or not, not the article's main
company's, the column's first item (posts.py). A former post ("ancienne directrice de X")
is no such firm: "Elle succède à …" is then the present post's firm. A bare surname the
column first gave a person in full ("has appointed Hugo Lemaury as chief executive. Lemaury,
51, succeeds …") is that person, not the registry firm bearing the name (honorifics.py).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with the rule switched off.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, registry_firm

ORVALIS = "900015101"
BRENMOOR = "900015102"
LEMAURY = "900015103"

REGISTRY = [
    registry_firm(ORVALIS, "Orvalis SAS", ("Orvalis",), "26.60Z", "67", "44"),
    registry_firm(BRENMOOR, "Brenmoor Foods SAS", ("Brenmoor Foods",), "10.71A", "29", "53"),
    registry_firm(LEMAURY, "Lemaury SAS", ("Lemaury",), "43.32A", "35", "53"),
]

_FR = (
    "Lucie Marchand prend la direction générale d'Orvalis. La start-up strasbourgeoise a "
    "annoncé lundi la nomination de cette ancienne de l'industrie pharmaceutique.\n\n"
    "Paul Verdun est le nouveau président des Menuiseries Vosgiennes Durand, à Épinal. Cet "
    "ingénieur de 52 ans, jusqu'ici directeur commercial, succède à Denis Claudel, parti à "
    "la retraite."
)
_EN = (
    "Lucy Marsh has taken over as chief executive of Orvalis, the Strasbourg medical "
    "device start-up said on Monday.\n\n"
    "Jane Roe has been appointed managing director of Brenmoor Foods, the Quimper biscuit "
    "maker. The 48-year-old succeeds John Doe, who is retiring after twenty years."
)
_FR_UNLISTED_EN = (
    "Lucy Marsh has taken over as chief executive of Orvalis, the Strasbourg medical "
    "device start-up said on Monday.\n\n"
    "Tom Green has been appointed managing director of Kelvedon Joinery, a window maker in "
    "Épinal. The 52-year-old succeeds Dan Grey, who is retiring after twenty years."
)
_FORMER_POST = (
    "Anne Blanc, ancienne directrice générale de Brenmoor Foods, a été nommée présidente "
    "d'Orvalis. Elle succède à Jean Noir, qui prend sa retraite."
)
_SURNAME_EN = (
    "Brenmoor Foods, the Quimper biscuit maker, has appointed Hugo Lemaury as chief "
    "executive. Lemaury, 51, succeeds Anne Keller, who is retiring after twelve years."
)
_SURNAME_FR = (
    "Orvalis, la start-up strasbourgeoise des dispositifs médicaux, a choisi Claire Lemaury "
    "pour présider son directoire. Lemaury, 47 ans, succède à Marc Heller, parti à la "
    "retraite."
)
_FAMILY_FIRM = (
    "Lemaury, la menuiserie rennaise fondée par Jean Lemaury, change de dirigeant. "
    "Lemaury a nommé Paul Durand directeur général."
)

# (language, title, text, the sentence's opening, the firm it belongs to or ("not", firm))
CASES = [
    ("fr", "Ils bougent", _FR, "Cet ingénieur", ("not", ORVALIS)),
    ("en", "People moves", _EN, "The 48-year-old", BRENMOOR),
    ("en", "On the move", _FR_UNLISTED_EN, "The 52-year-old", ("not", ORVALIS)),
    ("fr", "Nominations", _FORMER_POST, "Elle succède", ORVALIS),  # a former post is not the firm
    ("en", "People moves", _SURNAME_EN, "Lemaury, 51", ("not", LEMAURY)),
    ("fr", "Ils bougent", _SURNAME_FR, "Lemaury, 47", ("not", LEMAURY)),
    ("fr", "Nominations", _FAMILY_FIRM, "Lemaury a nommé", LEMAURY),  # the firm came first
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[3] for c in CASES])
def test_second_sentence_of_an_appointment(
    results: list[list[dict[str, object]]], position: int
) -> None:
    _, _, _, opening, want = CASES[position]
    found = [
        e["siren"]
        for e in results[position]
        if e["type"] == "leadership" and str(e["sentence"]).startswith(opening)
    ]
    assert found, results[position]
    if isinstance(want, tuple):
        assert want[1] not in found, results[position]
    else:
        assert want in found, results[position]
