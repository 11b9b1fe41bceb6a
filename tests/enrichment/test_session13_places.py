"""Places (session 13): names that are no place under any convention of the sets.

- a department named after its river, read as the river beside it or across it ("en
  bordure du Rhône", "de l'autre côté de l'Isère", "by the Rhône", "on the other side of the
  Loire"), unless an institution of the department follows ("by the Isère department");
- a town's name the text shows to be a person's surname: an age in apposition ("Albi, 48,"),
  or the surname alone as a speech verb's subject in a text that also writes it after a
  first name ("Pascale Florange ... Florange added"); a place word keeps the town ("the
  mayor of Albi said"). The French model tags such full names itself (the older rule then
  drops the surname alone), so the French texts guard; the English ones fail without it.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-river-beside",
        "Cartonnages Ferrandon rachète un entrepôt à Tournon-sur-Rhône",
        "Le fabricant d'emballages Cartonnages Ferrandon, installé à Montélimar (Drôme), a "
        "racheté un entrepôt de 9 000 m² à Tournon-sur-Rhône (Ardèche), situé en bordure du "
        "Rhône, pour y regrouper ses stocks.",
        {"26", "07"},
        {"84"},
    ),
    (
        "fr-river-across",
        "Aubrac Bois ouvre un atelier à Guilherand-Granges",
        "La menuiserie Aubrac Bois, basée à Valence, ouvre un second atelier à "
        "Guilherand-Granges (Ardèche), de l'autre côté du Rhône, pour 2 millions d'euros.",
        {"26", "07"},
        {"84"},
    ),
    (
        "en-river-beside",
        "Cartonnages Ferrandon buys Montélimar warehouse",
        "Packaging maker Cartonnages Ferrandon, based in Valence (Drôme), has bought a "
        "9,000 sq m warehouse in Montélimar by the Rhône and will move its stock there.",
        {"26"},
        {"84"},
    ),
    (
        "en-river-across",
        "Aubrac Bois to open Guilherand-Granges workshop",
        "Joinery firm Aubrac Bois, based in Valence, will open a second workshop in "
        "Guilherand-Granges, on the other side of the Rhône, for 2 million euros.",
        {"26", "07"},
        {"84"},
    ),
    (
        "en-surname-age",
        "Coralis names Mathilde Albi chief executive",
        "Coralis, a Toulouse maker of drone batteries, has named Mathilde Albi chief "
        'executive from March.\n\nAlbi, 51, joins from a satellite maker. "Our priority is '
        'certification," Albi said.',
        {"31"},
        {"76"},
    ),
    (
        "en-surname-speech",
        "Hydronord signs bus fuel deal in Nancy",
        "Hydronord, a Nancy-based hydrogen producer, will fuel the city's buses for ten "
        'years. "Long contracts make hydrogen bankable," chief executive Pascale Millau '
        "said.\n\nMillau added that the Nancy plant would run at full capacity from 2027.",
        {"54"},
        {"44"},
    ),
    # Guards. The French model tags these full names, so the surname alone was already
    # no place: the rule must not change that.
    (
        "fr-surname-age",
        "Coralis nomme Mathilde Albi à sa direction générale",
        "Le fabricant de batteries pour drones Coralis, installé à Toulouse, a nommé "
        "Mathilde Albi directrice générale.\n\nAlbi, 51 ans, vient d'un constructeur de "
        "satellites.",
        {"31"},
        {"76"},
    ),
    (
        "fr-surname-speech",
        "Hydronord alimentera les bus de Nancy",
        "Hydronord, producteur d'hydrogène basé à Nancy, alimentera les bus de la ville "
        "pendant dix ans, selon sa présidente, Pascale Millau.\n\nMillau a précisé que "
        "l'usine de Nancy tournerait à plein dès 2027.",
        {"54"},
        {"44"},
    ),
    # A place word keeps the town; an institution keeps the department.
    (
        "en-mayor-of-the-town",
        "Coralis to build battery plant in Albi",
        "Coralis, a Toulouse maker of drone batteries, will build a plant in Albi. The mayor "
        "of Albi said the town had sold it the land.",
        {"31", "81"},
        {"76"},
    ),
    (
        "fr-maire-de-la-ville",
        "Coralis construira une usine de batteries à Albi",
        "Le fabricant toulousain Coralis construira une usine à Albi. Le maire d'Albi a "
        "déclaré que la ville lui avait cédé le terrain.",
        {"31", "81"},
        {"76"},
    ),
    (
        "fr-town-named-for-a-bridge",
        "Un décolleteur recrute à Pont-de-Chéruy",
        "Le décolleteur Dauphitec, installé à Pont-de-Chéruy (Isère), recrute vingt régleurs.",
        {"38"},
        {"84"},
    ),
    (
        "en-department-institution",
        "Aubrac Bois gets grant for Vienne workshop",
        "Joinery firm Aubrac Bois will open a workshop in Vienne, near Lyon, partly funded "
        "by the Isère department.",
        {"38"},
        {"84"},
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "text", "departments", "regions"), CASES, ids=[c[0] for c in CASES]
)
def test_places(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


# A one-word hamlet heading a sentence, written in lowercase elsewhere in the text, is that
# word, though the text names the hamlet's department (Son and This are Ardennes hamlets).
WORDS = [
    (
        "fr-hamlet-word",
        "Une fonderie des Ardennes en redressement judiciaire",
        "La fonderie Marbeuf, installée à Charleville-Mézières (Ardennes), a été placée en "
        "redressement judiciaire. Son chiffre d'affaires a reculé de 30 % et son carnet de "
        "commandes reste mince.",
        "Son",
    ),
    (
        "en-hamlet-word",
        "Ardennes foundry Marbeuf cuts 40 jobs",
        "Marbeuf, a foundry in Charleville-Mézières in the Ardennes, will cut 40 jobs. "
        '"We had no choice," its chief executive said. "This is the hardest part of this '
        'job."',
        "This",
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "word"), WORDS, ids=[c[0] for c in WORDS])
def test_hamlet_named_like_a_word(
    enricher: Enricher, name: str, title: str, text: str, word: str
) -> None:
    [result] = enricher.enrich([DocumentInput(name, title, text, name[:2])])
    assert "08" in result.departments
    assert word not in {place["text"] for place in result.places}
