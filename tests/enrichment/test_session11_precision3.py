"""Session 11, precision, third part: misses of the news rules (reported speech with its
day between, "since" a recent season, a headline's "names" read as a noun) and false
events of kinds the press writes (an anniversary of an old event, a round under way or
aimed at, a firm only bidding for another).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900001157", "Technoval", "900001157", ("Technoval",), None, "28.29B", "84", "69", False
    ),
    CompanyRecord(
        "900001165",
        "Brenova Systems",
        "900001165",
        ("Brenova",),
        None,
        "26.20Z",
        "32",
        "59",
        False,
    ),
]
PUBLISHED = datetime(2026, 12, 3)

# (rule, language, title, text, type that must be found)
NEWS = [
    (
        "reported speech, the day between",
        "en",
        "Brenova Systems",
        "Brenova Systems said on Thursday it had agreed to buy Halden Instruments, a Danish "
        "sensor maker, for €40m.",
        "acquisition",
    ),
    (
        "reported speech, the day between",
        "fr",
        "Technoval",
        "Technoval a annoncé jeudi qu'elle avait conclu un accord pour racheter Halden "
        "Instruments, un fabricant danois de capteurs.",
        "acquisition",
    ),
    (
        "reported speech, the channel between",
        "en",
        "Brenova Systems",
        "Brenova Systems said in a statement on Tuesday that it had completed the acquisition "
        "of Halden Instruments.",
        "acquisition",
    ),
    (
        "reported speech, the channel between",
        "fr",
        "Technoval",
        "Technoval a précisé dans un communiqué qu'elle avait signé un contrat de 12 millions "
        "d'euros avec la SNCF.",
        "contract",
    ),
    (
        "since a recent season",
        "en",
        "Brenova Systems",
        "Brenova Systems has hired 18 technicians since last summer at its Lille plant.",
        "hiring",
    ),
    (
        "since a recent season",
        "fr",
        "Technoval",
        "Technoval a embauché 18 techniciens depuis l'été dernier sur son site de Vénissieux.",
        "hiring",
    ),
    (
        "a headline's 'names'",
        "en",
        "Brenova Systems",
        "Brenova Systems names Marie Dupont chief executive.",
        "leadership",
    ),
    (
        "a headline's 'names'",
        "en",
        "Technoval",
        "Technoval names Marie Dupont chief executive, replacing Paul Martin.",
        "leadership",
    ),
]

# (rule, language, title, text, type that must not be found)
NOT_NEWS = [
    (
        "a total over years",
        "fr",
        "Technoval",
        "Technoval a embauché plus de 300 personnes depuis trente ans.",
        "hiring",
    ),
    (
        "an anniversary",
        "fr",
        "Technoval",
        "Technoval fête les 20 ans de l'ouverture de son usine de Lyon.",
        "investment",
    ),
    (
        "an anniversary",
        "fr",
        "Technoval",
        "Technoval célèbre le dixième anniversaire de l'inauguration de son usine de Lyon.",
        "investment",
    ),
    (
        "an anniversary",
        "en",
        "Brenova Systems",
        "Brenova Systems celebrates the 20th anniversary of the opening of its Lille plant.",
        "investment",
    ),
    (
        "a round under way",
        "fr",
        "Technoval",
        "Une levée de fonds de 10 millions d'euros est en cours chez Technoval.",
        "fundraising",
    ),
    (
        "a round under way",
        "fr",
        "Technoval",
        "Technoval est en train de lever 10 millions d'euros.",
        "fundraising",
    ),
    (
        "a round under way",
        "fr",
        "Technoval",
        "Technoval a entamé des discussions avec des investisseurs pour lever 10 millions d'euros.",
        "fundraising",
    ),
    (
        "a round under way",
        "en",
        "Brenova Systems",
        "Brenova Systems is in the process of raising €10m.",
        "fundraising",
    ),
    (
        "a round under way",
        "en",
        "Brenova Systems",
        "Brenova Systems has a €10m funding round under way.",
        "fundraising",
    ),
    (
        "a round as a target",
        "fr",
        "Technoval",
        "L'objectif de Technoval est de lever 20 millions d'euros d'ici 2027.",
        "fundraising",
    ),
    (
        "a round as a target",
        "en",
        "Brenova Systems",
        "Brenova Systems targets €20m in new funding by 2027.",
        "fundraising",
    ),
    (
        "a bidder only",
        "fr",
        "Technoval",
        "Technoval est candidate au rachat de Halden Instruments.",
        "acquisition",
    ),
]

# True wordings next to the rules: still events.
GUARDS = [
    (
        "fr",
        "Technoval",
        "Technoval a levé 5 millions d'euros pour financer les essais en cours.",
        "fundraising",
    ),
    (
        "fr",
        "Technoval",
        "Technoval a bouclé en cours d'année une levée de fonds de 5 millions d'euros.",
        "fundraising",
    ),
    ("en", "Brenova Systems", "Brenova Systems closed a €5m funding round.", "fundraising"),
    ("fr", "Technoval", "Technoval fête ses 50 ans en ouvrant une usine à Lyon.", "investment"),
    (
        "en",
        "Brenova Systems",
        "To mark its 20th anniversary, Brenova Systems is opening a second plant in Lille.",
        "investment",
    ),
    ("fr", "Technoval", "Technoval a embauché 25 ingénieurs depuis septembre.", "hiring"),
    (
        "en",
        "Brenova Systems",
        "Brenova Systems has hired 18 technicians since the summer.",
        "hiring",
    ),
]
# Still background: a year or a past not reported.
STILL_PAST = [
    ("en", "Brenova Systems", "Brenova Systems has hired 300 people since 1998.", "hiring"),
    (
        "en",
        "Brenova Systems",
        "Brenova Systems, which had raised €5m last year, makes sensors.",
        "fundraising",
    ),
]


@pytest.mark.parametrize(("rule", "language", "title", "text", "kind"), NEWS)
def test_news_found(
    registry_enricher: Enricher, rule: str, language: str, title: str, text: str, kind: str
) -> None:
    found = events_of(registry_enricher, text, language, title, PUBLISHED)
    assert kind in types(found), (rule, found)


@pytest.mark.parametrize(("rule", "language", "title", "text", "kind"), NOT_NEWS)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, title: str, text: str, kind: str
) -> None:
    found = events_of(registry_enricher, text, language, title, PUBLISHED)
    assert kind not in types(found), (rule, found)


@pytest.mark.parametrize(("language", "title", "text", "kind"), GUARDS)
def test_true_events_stay(
    registry_enricher: Enricher, language: str, title: str, text: str, kind: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language, title, PUBLISHED))


@pytest.mark.parametrize(("language", "title", "text", "kind"), STILL_PAST)
def test_past_stays_background(
    registry_enricher: Enricher, language: str, title: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language, title, PUBLISHED))


# Time spent, not an anniversary; a state lasting, not a total over years.
TIME_SPENT = [
    (
        "fr",
        "Technoval",
        "Technoval met en rayon un robot qui a demandé deux ans de mise au point.",
        "innovation",
    ),
    (
        "fr",
        "Technoval",
        "Fermé depuis cinq ans, un hôtel de 150 chambres de Lyon rouvre ses portes après des "
        "travaux de 20 millions d'euros.",
        "investment",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "kind"), TIME_SPENT)
def test_time_spent_is_no_date(
    registry_enricher: Enricher, language: str, title: str, text: str, kind: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language, title, PUBLISHED))
