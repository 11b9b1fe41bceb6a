"""Places (session 8): the gold lists every French place a document mentions as a place,
so wordings that the rules of places in passing dropped, or that no name matched, now count:

- the lead's subject: a place in the noun phrase opening a sentence of the first paragraph
  ("Le chaudronnier nantais a signé...", "A Lyon-based developer, ..., has won") describes
  the firm the news is about, however strongly the title names another region;
- the English names of Corsica's halves: "in southern Corsica", "South Corsica" (Corse-du-
  Sud), "Upper Corsica" (Haute-Corse).

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.placenames import default_matcher
from tests.enrichment.enriching import places_of

LEAD_SUBJECTS = [
    (
        "fr-lead-subject-demonym",
        "Corvalis reprend la fonderie d'Épinal",
        "Le chaudronnier nantais a signé jeudi la reprise de la fonderie spinalienne, qui "
        "emploie 85 personnes dans les Vosges.\n\n"
        "La fonderie d'Épinal était en redressement judiciaire depuis le printemps.",
        {"88", "44"},
        {"44", "52"},
    ),
    (
        "en-lead-subject-based",
        "Vosges foundry in Épinal finds a buyer",
        "A Nantes-based boilermaker, Corvalis, has agreed to take over the Épinal foundry, "
        "which employs 85 people in the Vosges.\n\n"
        "The Épinal foundry had been in receivership since the spring.",
        {"88", "44"},
        {"44", "52"},
    ),
    (
        # Further on, the same phrase is a rival's in passing: the rule reads the lead only.
        "fr-not-lead-rival",
        "Corvalis reprend la fonderie d'Épinal",
        "Corvalis a signé jeudi la reprise de la fonderie spinalienne, qui emploie 85 "
        "personnes dans les Vosges.\n\n"
        "La fonderie d'Épinal était en redressement judiciaire depuis le printemps. Le "
        "chaudronnier nantais Ferlac avait aussi déposé une offre.",
        {"88"},
        {"44"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), LEAD_SUBJECTS)
def test_the_leads_subject_keeps_its_place(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


CORSICA = [
    ("The campsite, in southern Corsica, has 300 pitches.", "2A"),
    ("A hotel group in South Corsica is hiring.", "2A"),
    ("The cooperative, based in Upper Corsica, grows clementines.", "2B"),
    ("La coopérative, installée en Haute-Corse, produit des clémentines.", "2B"),
]


@pytest.mark.parametrize(("text", "department"), CORSICA)
def test_corsicas_halves_by_their_english_names(text: str, department: str) -> None:
    found = default_matcher().find(text)
    assert [n.place.department for n in found] == [department]


# A street, a square or a quarter named after a commune's namesake is no place ("rue
# Saint-Esprit" is not Saint-Esprit in Martinique, "place Vendôme" not Vendôme, 41); a
# commune whose name has an article, written without it but hyphenated, is that commune
# ("l'atelier de Pont-de-Claix": Le Pont-de-Claix, 38).
MATCHED = [
    ("Acheteur : mairie de Riom, 4 rue Saint-Esprit, 63200 Riom.", {"63"}),
    ("Les joailliers de la place Vendôme lui achètent ses pierres.", set()),
    ("The jewellers of the Place Vendôme buy its stones.", set()),
    ("Le chimiste a repris l'atelier de Pont-de-Claix et ses 47 salariés.", {"38"}),
    ("The chemicals maker took over the Pont-de-Claix workshop and its 47 staff.", {"38"}),
    # A department named after its river, listed with a river that names no department or
    # after a sailing verb, is the river.
    ("The boat will sail the Garonne and the Dordogne from Bordeaux.", {"33"}),
    ("Ses bateaux navigueront sur la Garonne et la Dordogne depuis Bordeaux.", {"33"}),
    ("The cruise line sails the Charente from Saintes in summer.", {"17"}),
]


@pytest.mark.parametrize(("text", "departments"), MATCHED)
def test_streets_and_names_without_their_article(text: str, departments: set[str]) -> None:
    assert {n.place.department for n in default_matcher().find(text)} == departments
