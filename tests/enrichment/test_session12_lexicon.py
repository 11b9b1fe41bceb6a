"""Events lexicon precision (session 12): a firm hired, appointed or mandated for a job is a
contract, never a hiring or a leadership change (firm_mandates.py), and what a firm "won"
is a contract only when it is one: a credit line, a loan, a grant, a prize or a label won
is none (won_objects.py).

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (language, text, the event types found)
WORDINGS = [
    # a firm hired or appointed for works: the contract alone
    (
        "en",
        "Verlande Industries has been hired to refurbish the old swimming pool in Roanne.",
        {"contract"},
    ),
    ("en", "Verlande Industries was appointed to build the new bridge on the river.", {"contract"}),
    ("en", "The city appointed Verlande Industries to build the new school.", {"contract"}),
    ("en", "Verlande Industries was named to build the new stadium.", {"contract"}),
    ("fr", "Verlande Industries a été nommée pour construire la nouvelle gare.", {"contract"}),
    ("fr", "Verlande Industries a été désignée pour rénover la halle du marché.", {"contract"}),
    # people hired or appointed stay hiring and leadership
    ("en", "Verlande Industries has hired 20 welders for its Roanne plant.", {"hiring"}),
    ("en", "Verlande Industries appointed Marie Durand as chief executive.", {"leadership"}),
    ("en", "Verlande Industries appointed Anne Roy to rebuild its sales team.", {"leadership"}),
    ("fr", "Verlande Industries a nommé Marie Durand directrice générale.", {"leadership"}),
    # a loan, a credit line, a grant, a prize, a label won: no contract
    ("fr", "Verlande Industries décroche une ligne de crédit de 5 millions d'euros.", set()),
    ("fr", "Verlande Industries remporte une ligne de crédit de 3 millions.", set()),
    ("fr", "Verlande Industries remporte une subvention de 300 000 euros.", set()),
    ("fr", "Verlande Industries remporte le trophée de l'innovation.", set()),
    ("fr", "Verlande Industries décroche le label Origine France Garantie.", set()),
    ("en", "Verlande Industries lands a €5m loan from its banks.", set()),
    ("en", "Verlande Industries wins the regional innovation prize.", set()),
    # contracts won stay contracts
    ("fr", "Verlande Industries décroche un marché de 3 millions d'euros.", {"contract"}),
    ("fr", "Verlande Industries décroche 12 M€ auprès de la SNCF.", {"contract"}),
    ("en", "Verlande Industries lands an order for 40 cranes.", {"contract"}),
]


@pytest.mark.parametrize(("language", "text", "want"), WORDINGS)
def test_event_types(registry_enricher: Enricher, language: str, text: str, want: set[str]) -> None:
    assert types(events_of(registry_enricher, text, language, TITLE[language])) == want
