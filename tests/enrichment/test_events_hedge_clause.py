"""A hedge, a plan or a denial weighs on its own clause, not on a coordinated one
("dément toute cession et recrute", "said the order would keep its yard busy and that it
was hiring", "…, faute de quoi les commandes ne pourraient être livrées"); a date that a
participle of another noun holds is not the event's ("pour la ligne inaugurée l'an
dernier"); a question about an event run into its answer is no news (denials.py,
background.py).

Every text here was written for these tests; the companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

KERVIAN = "900000421"
REGISTRY = [
    CompanyRecord(
        KERVIAN, "Ateliers Kervian", KERVIAN, ("Kervian",), None, "25.62A", "56", "53", False
    ),
]

HIRING = [
    ("fr", "Kervian dément toute cession et recrute douze soudeurs à Vannes."),
    (
        "en",
        "Kervian said the order would keep its yard busy and that it was hiring twelve "
        "welders in Vannes.",
    ),
    (
        "fr",
        "Kervian confirme l'embauche de douze soudeurs pour l'hiver, faute de quoi ses "
        "commandes ne pourraient être livrées.",
    ),
    (
        "en",
        "Kervian confirmed the hiring of twelve welders for the winter, otherwise its orders "
        "could not be delivered.",
    ),
    ("fr", "Kervian recrute douze soudeurs pour la ligne de découpe inaugurée l'an dernier."),
    ("en", "Kervian is hiring twelve welders for the cutting line installed last year."),
]


@pytest.mark.parametrize(("language", "text"), HIRING)
def test_a_hedge_or_a_date_of_another_clause_leaves_the_event(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" in types(events_of(registry_enricher, text, language))


NO_HIRING = [
    ("fr", "Kervian pourrait recruter douze soudeurs et ouvrir un atelier."),
    ("en", "Kervian could hire twelve welders and open a workshop."),
    ("en", "Kervian delivered. Will you hire welders to keep up? Perhaps, nothing is decided."),
    ("fr", "Kervian a livré. Embaucherez-vous des soudeurs ? Peut-être, rien n'est décidé."),
]


@pytest.mark.parametrize(("language", "text"), NO_HIRING)
def test_a_hedge_of_the_event_s_own_clause_still_counts(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" not in types(events_of(registry_enricher, text, language))


DENIED_CLOSURE = [
    (
        "en",
        "Kervian denied a union claim that it plans to shut its paint shop and cut 20 jobs.",
    ),
    ("fr", "Kervian dément vouloir fermer son atelier de peinture et supprimer 20 postes."),
]


@pytest.mark.parametrize(("language", "text"), DENIED_CLOSURE)
def test_a_verb_joined_to_a_denied_infinitive_stays_denied(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "closure" not in types(events_of(registry_enricher, text, language))
