"""False events (issue 14, session 13, precision), read off news13-14 and traps14 as
general rules: an event named as what comes later ("ahead of a funding round", "en vue
d'une levée de fonds"; unfinished.py); an owner who leaves by selling the firm ("Its
founder retires as part of the deal", "prend sa retraite et cède l'entreprise";
seller_exits.py); "named" as mentioned ("named in the report as a potential suitor";
senses.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

# (rule, language, text, type that must not be found); the title reports nothing.
CASES = [
    (
        "anticipated",
        "en",
        "The appointment of a finance director at Verlande Industries comes ahead of a "
        "funding round the company hopes to launch next year.",
        "fundraising",
    ),
    (
        "anticipated",
        "fr",
        "Verlande Industries a recruté un directeur financier en vue d'une levée de fonds "
        "prévue l'an prochain.",
        "fundraising",
    ),
    (
        "anticipated",
        "en",
        "Verlande Industries has hired bankers in preparation for a sale of its foundry division.",
        "acquisition",
    ),
    (
        "seller exit",
        "en",
        "Verlande Industries has bought Forges de Vaubrune. Its founder, Paul Marin, retires "
        "as part of the deal.",
        "leadership",
    ),
    (
        "seller exit",
        "en",
        "Verlande Industries has bought Forges de Vaubrune. The former owners, the Marin "
        "family, said they were stepping down after forty years.",
        "leadership",
    ),
    (
        "seller exit",
        "fr",
        "Après quarante ans à la tête des Forges de Vaubrune, Paul Marin prend sa retraite "
        "et cède l'entreprise à Verlande Industries.",
        "leadership",
    ),
    (
        "named as mentioned",
        "en",
        "Verlande Industries, named in the report as a possible buyer for the plant, "
        "declined to comment.",
        "leadership",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent"), CASES)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, text: str, absent: str
) -> None:
    title = VERLANDE_TITLE[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert absent not in found, rule


# (language, text, type that must stay): the same words around a true event.
KEPT = [
    (
        "en",
        "Ahead of the summer season, Verlande Industries is hiring 40 seasonal workers in "
        "Saint-Étienne.",
        "hiring",
    ),
    (
        "fr",
        "En vue de la saison d'été, Verlande Industries recrute 40 saisonniers à Saint-Étienne.",
        "hiring",
    ),
    (
        "en",
        "Verlande Industries has bought Forges de Vaubrune ahead of the 2027 season.",
        "acquisition",
    ),
    (
        "en",
        "Verlande Industries has appointed Anne Morel as chief executive, succeeding Paul "
        "Marin, who is retiring after twenty years at the helm.",
        "leadership",
    ),
    (
        "fr",
        "Verlande Industries a nommé Anne Morel directrice générale ; elle succède à Paul "
        "Marin, qui part à la retraite après vingt ans à la tête de l'entreprise.",
        "leadership",
    ),
    (
        "fr",
        "Paul Marin, 66 ans, passe la main à sa fille à la tête de Verlande Industries.",
        "leadership",
    ),
    ("en", "Verlande Industries has named Anne Morel as its new chief executive.", "leadership"),
]


@pytest.mark.parametrize(("language", "text", "kept"), KEPT)
def test_true_events_stay(registry_enricher: Enricher, language: str, text: str, kept: str) -> None:
    title = VERLANDE_TITLE[language]
    assert kept in types(events_of(registry_enricher, text, language, title=title))
