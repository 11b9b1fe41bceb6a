"""Places (session 10), from the errors of news11 (four authors who list every French place
a text mentions):

- a department named once in passing, after the first paragraph, while another is the
  subject (a customer's town, a plan, a fair's town) keeps its department, not its region
  only; a background told in the pluperfect ("avait racheté en 2019 un atelier à Lorient")
  still gives its region only.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

MENTIONED = [
    (
        "fr-customer-town",
        "Brest : la biscuiterie Ty Gwenn va recruter 40 personnes",
        "La biscuiterie Ty Gwenn, installée à Brest, va recruter 40 salariés l'an prochain "
        "pour sa nouvelle ligne de galettes, a-t-elle annoncé mardi.\n\n"
        "L'entreprise livre déjà des épiceries fines à Lorient et vise les grandes surfaces.",
        {"29", "56"},
        {"53"},
    ),
    (
        "en-customer-town",
        "Brest biscuit maker Ty Gwenn to hire 40",
        "Ty Gwenn, a biscuit maker based in Brest, will hire 40 people next year for its new "
        "line of butter biscuits, the company said on Tuesday.\n\n"
        "It already supplies delicatessens in Lorient and wants to reach supermarkets.",
        {"29", "56"},
        {"53"},
    ),
    (
        "fr-pluperfect-background",
        "Brest : la biscuiterie Ty Gwenn va recruter 40 personnes",
        "La biscuiterie Ty Gwenn, installée à Brest, va recruter 40 salariés l'an prochain "
        "pour sa nouvelle ligne de galettes, a-t-elle annoncé mardi.\n\n"
        "L'entreprise avait racheté en 2019 une petite boulangerie à Lorient.",
        {"29"},
        {"53"},
    ),
    (
        "en-pluperfect-background",
        "Brest biscuit maker Ty Gwenn to hire 40",
        "Ty Gwenn, a biscuit maker based in Brest, will hire 40 people next year for its new "
        "line of butter biscuits, the company said on Tuesday.\n\n"
        "The company had bought a small bakery in Lorient in 2019.",
        {"29"},
        {"53"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), MENTIONED)
def test_a_department_mentioned_keeps_its_department(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
