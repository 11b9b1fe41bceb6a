"""False events of trade, takeover, investment, contract and partnership (session 15,
events precision B), grouped by their general cause: a firm's profile told with its
headcount, a total since a past fact, more capacity as what money raised is for, time
spent rather than money, a customer's own news.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]
PUBLISHED = datetime(2026, 12, 7)

# firm_profiles.py: what the firm does, said with its headcount.
PROFILES = [
    (
        "en",
        "The court ruled against Verlande Industries, which employs about 130 people and "
        "sells forecasting tools to retailers and logistics groups.",
        "acquisition",
    ),
    (
        "en",
        "Forges de Vaubrune, based in Dijon, has 45 employees and sells to clinics in "
        "Switzerland and Germany.",
        "export",
    ),
    (
        "en",
        "For Forges de Vaubrune, which employs 70 people and is investing €50m in its new "
        "site, the deal brings a large customer.",
        "investment",
    ),
    (
        "fr",
        "Les Forges de Vaubrune, qui emploient 80 salariés et investissent 20 millions "
        "d'euros dans leur nouvelle usine, y gagnent un client de poids.",
        "investment",
    ),
    (
        "fr",
        "Installée à Dijon, la société Forges de Vaubrune compte 45 salariés et exporte "
        "vers la Suisse et l'Allemagne.",
        "export",
    ),
]
# firm_profiles.py: where the firm stands, a bare participle after its trade.
SETTLED = [
    (
        "fr",
        "Verlande Industries, producteur de spécialités chimiques implanté sur la plateforme "
        "de Saint-Fons, et les Forges de Vaubrune annoncent la signature d'un accord de "
        "partenariat.",
    ),
]
SETTLED_KEPT = [
    (
        "fr",
        "Verlande Industries s'est implantée à Tanger, où elle a ouvert une usine de 150 salariés.",
    ),
]
# The headcount joined to a recent act: news.
PROFILES_KEPT = [
    (
        "en",
        "Forges de Vaubrune, which employs 70 people, has won a €12m contract from the "
        "French navy.",
        "contract",
    ),
    (
        "fr",
        "Verlande Industries, qui emploie 130 salariés et vient d'investir 8 millions "
        "d'euros dans une nouvelle usine à Roanne, double sa capacité.",
        "investment",
    ),
]
# since_then.py: what was done since a past fact told before.
SINCE = [
    (
        "fr",
        "En 2020, l'entreprise avait été reprise par Verlande Industries. Depuis, la "
        "nouvelle direction a investi 15 millions d'euros dans une presse de 8 000 tonnes.",
        "investment",
    ),
    (
        "en",
        "Verlande Industries was bought by its managers in 2019. Since then, it has "
        "invested €15m in a new press.",
        "investment",
    ),
    (
        "fr",
        "Depuis sa reprise, Verlande Industries a racheté les Forges de Vaubrune et deux "
        "autres concurrents.",
        "acquisition",
    ),
    (
        "en",
        "Ever since the takeover, Verlande Industries has signed a partnership with Forges "
        "de Vaubrune.",
        "partnership",
    ),
]
SINCE_KEPT = [
    (
        "fr",
        "Verlande Industries a investi 15 millions d'euros dans une presse de 8 000 tonnes "
        "à Roanne.",
        "investment",
    ),
]
# fund_uses.py: growth that money raised is meant to pay for.
FUNDED_GROWTH = [
    (
        "en",
        "Verlande Industries has raised EUR 8 million from a regional fund, money it will "
        "use to double capacity at its Roanne plant.",
    ),
    (
        "en",
        "Verlande Industries raised €40m. The new money will go towards doubling production "
        "capacity, the company said.",
    ),
    ("fr", "Verlande Industries lève 7 millions d'euros pour doubler sa production."),
    (
        "fr",
        "Verlande Industries a bouclé un tour de table de 5 millions d'euros. Les fonds "
        "serviront à augmenter ses capacités de production.",
    ),
]
FUNDED_GROWTH_KEPT = [
    (
        "en",
        "Verlande Industries will invest €30m in its Roanne plant to double its capacity "
        "for sterile injectable drugs.",
    ),
]
# spent_time.py: nights or days spent, no money (French says 'passer': no trigger).
TIME_SPENT = [
    (
        "en",
        "Visitors from the UK spent 1.9 million nights in the department's hotels, a "
        "record, Verlande Industries said.",
    ),
    (
        "en",
        "Guests spent 2.3 million nights in the region's campsites this summer, Verlande "
        "Industries said.",
    ),
]
TIME_SPENT_KEPT = [
    ("en", "Verlande Industries spent €12 million on a new paint line in Roanne."),
]

# customer_news.py: the customer's own news, in a supplier's story.
CUSTOMER_NEWS = [
    (
        "fr",
        "Forges de Vaubrune a signé un contrat de cinq ans avec un grand équipementier. Le "
        "donneur d'ordre, lui, venait d'annoncer un investissement de 60 millions dans son "
        "site de Bordes.",
        "investment",
    ),
    (
        "fr",
        "Forges de Vaubrune livre des pièces à un avionneur. Le client, de son côté, a "
        "investi 40 millions d'euros dans une nouvelle usine à Toulouse.",
        "investment",
    ),
    (
        "en",
        "Forges de Vaubrune makes parts for a truck maker. The client, meanwhile, raised "
        "€30m from investors last week.",
        "fundraising",
    ),
    (
        "en",
        "Forges de Vaubrune supplies a French shipyard. The customer has just invested €60m "
        "in a new dry dock.",
        "investment",
    ),
]
CUSTOMER_NEWS_KEPT = [
    (
        "fr",
        "Forges de Vaubrune livre des pièces à un avionneur. L'entreprise a investi 40 "
        "millions d'euros dans une nouvelle usine à Dijon.",
        "investment",
    ),
]


def _events(enricher: Enricher, language: str, text: str) -> set[object]:
    return types(events_of(enricher, text, language, VERLANDE_TITLE[language], PUBLISHED))


@pytest.mark.parametrize(("language", "text", "kind"), PROFILES)
def test_profile_with_headcount_is_no_event(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), PROFILES_KEPT)
def test_headcount_with_a_recent_act_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), SINCE)
def test_done_since_a_past_fact_is_background(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), SINCE_KEPT)
def test_done_without_since_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), FUNDED_GROWTH)
def test_growth_paid_by_a_round_is_no_investment(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "investment" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), FUNDED_GROWTH_KEPT)
def test_growth_by_investing_stays(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "investment" in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), TIME_SPENT)
def test_time_spent_is_no_investment(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "investment" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), TIME_SPENT_KEPT)
def test_money_spent_stays(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "investment" in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), CUSTOMER_NEWS)
def test_customer_news_is_not_the_supplier_s(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), CUSTOMER_NEWS_KEPT)
def test_supplier_s_own_news_stays(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), SETTLED)
def test_where_a_firm_stands_is_no_investment(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "investment" not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text"), SETTLED_KEPT)
def test_a_firm_settling_somewhere_stays(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "investment" in _events(registry_enricher, language, text)
