"""The sector a short text is about, stated twice in its body (issue 14, sector recall).

A brief rarely names its sector three times: two distinct terms of the document's leading
sector are enough, and so is one statement of a firm's trade ("a Quimper cheese maker"),
while a sector that two terms name in passing, beside a sector the text
says more about, is still left out. Texts written for this module, none from an
evaluation set. Runs in about 5 s (the session's enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text): the title names no sector; the body names it twice, or
# says once what the firm is.
LEADING: list[tuple[str, str, str, str]] = [
    (
        "digital",
        "fr",
        "Un nouveau directeur général chez Pixalis",
        "L'éditeur de logiciels grenoblois a nommé Claire Vasseur à sa tête. Elle dirigeait "
        "jusqu'ici une société de cybersécurité lyonnaise.",
    ),
    (
        "health",
        "fr",
        "Saint-Brieuc : Armorique Soins recrute vingt personnes",
        "La clinique costarmoricaine cherche des infirmiers pour son nouveau service, qui "
        "ouvrira au printemps.",
    ),
    (
        "transport",
        "en",
        "Rhône Fret to hire 40 drivers",
        "The Lyon haulier will add 25 lorries to its fleet next year to serve new "
        "customers in the Alps.",
    ),
    (
        "agrifood",
        "en",
        "Maison Perrel names a new chief executive",
        "The Beaujolais estate, which farms 80 hectares of vineyards, has appointed its "
        "former finance director to succeed the founder. Half of its wine goes to Japan.",
    ),
    # One statement of what the firm is, and nothing else.
    (
        "agrifood",
        "en",
        "Lesquer to cut 12 jobs in Finistère",
        "Lesquer, a Quimper cheese maker, will cut 12 of its 60 jobs after losing a "
        "supermarket contract, the company said on Monday.",
    ),
    (
        "aeronautics",
        "fr",
        "Tarbes : Usimeca embauche trente personnes",
        "Le sous-traitant aéronautique tarbais recrutera des régleurs et des contrôleurs "
        "d'ici à l'été, a indiqué sa présidente.",
    ),
]

# (sector, language, title, text): two terms of the sector in passing, while the text says
# more about another sector.
IN_PASSING: list[tuple[str, str, str, str]] = [
    (
        "health",
        "fr",
        "Reprise de la biscuiterie Lanvaux",
        "La biscuiterie bretonne, qui fabrique galettes, palets et crêpes dentelle, est "
        "reprise par un meunier. Son ancien dirigeant rejoint une clinique où il sera "
        "infirmier.",
    ),
    (
        "digital",
        "en",
        "Vauclair to double its capacity",
        "The brewer will double its brewing capacity and bottle more of its craft beer, "
        "helped by new brewery software and a mobile app for its pub customers.",
    ),
    (
        "agrifood",
        "en",
        "Trans-Armor to buy 30 electric lorries",
        "The Rennes haulier will run them on short routes for its largest customer, a "
        "cheese maker in Normandy.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), LEADING, ids=[c[2][:40] for c in LEADING]
)
def test_the_leading_sector_named_twice_in_a_brief(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), IN_PASSING, ids=[c[2][:40] for c in IN_PASSING]
)
def test_a_sector_named_twice_in_passing(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in sector_codes(enricher, language, title, text)
