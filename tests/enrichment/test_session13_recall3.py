"""A further piece of news told as such, and a month dated by the trigger's own future
(issue 14, session 13, events recall).

salience.py keeps an event type found once below the lead only as a follow-up of the
main news; the press announces a second piece of news of the same firm with an additive
word ("a par ailleurs signé", "At the same time, X announced", "has also signed"), which
additive_news.py reads. background.py dated a month without a year by the tense of the
whole sentence, so that "cessera son activité le 31 mars, a annoncé sa direction jeudi"
in a December article was last March: the trigger's own future now dates it ahead.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

TOP = {
    "fr": (
        "Verlande Industries investit 5 millions d'euros à Roanne",
        "Verlande Industries va investir 5 millions d'euros dans une nouvelle ligne de "
        "presses à Roanne, a annoncé la direction mardi. Les travaux commenceront au "
        "printemps et la ligne doit tourner à l'automne. ",
    ),
    "en": (
        "Verlande Industries invests €5m in Roanne",
        "Verlande Industries will invest €5m in a new press line in Roanne, the company "
        "said on Tuesday. Work will start in the spring and the line is due to run by the "
        "autumn. ",
    ),
}

# (language, further sentence, its type)
FURTHER_NEWS = [
    (
        "fr",
        "Verlande Industries a par ailleurs signé un accord de partenariat avec l'école "
        "d'ingénieurs de Saint-Étienne.",
        "partnership",
    ),
    (
        "fr",
        "Dans le même temps, l'entreprise vient de signer un partenariat avec l'école "
        "d'ingénieurs de Saint-Étienne.",
        "partnership",
    ),
    (
        "en",
        "At the same time, Verlande Industries announced a technical partnership with "
        "a Liège radar maker.",
        "partnership",
    ),
    (
        "en",
        "Verlande Industries has also signed a partnership with an engineering school "
        "in Saint-Étienne.",
        "partnership",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), FURTHER_NEWS)
def test_further_news_told_as_such_is_news(
    registry_enricher: Enricher, language: str, sentence: str, expected: str
) -> None:
    title, lead = TOP[language]
    assert expected in types(events_of(registry_enricher, lead + sentence, language, title))


# A further remark that is no news of the document's firm.
NOT_NEWS = [
    # another firm's news, in passing
    (
        "fr",
        "Par ailleurs, son concurrent Forges de Vaubrune a signé un partenariat avec "
        "l'école d'ingénieurs de Saint-Étienne.",
        "partnership",
    ),
    # talks ended, no purchase
    (
        "en",
        "At the same time, Verlande Industries has ended talks to buy a smaller rival.",
        "acquisition",
    ),
    # the pluperfect is the past
    (
        "en",
        "Verlande Industries had also signed a partnership with an engineering school.",
        "partnership",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "absent"), NOT_NEWS)
def test_further_remark_is_no_news(
    registry_enricher: Enricher, language: str, sentence: str, absent: str
) -> None:
    title, lead = TOP[language]
    assert absent not in types(events_of(registry_enricher, lead + sentence, language, title))


DECEMBER = datetime(2026, 12, 4)


def test_a_month_ahead_of_the_triggers_future_is_no_background(
    registry_enricher: Enricher,
) -> None:
    text = (
        "Verlande Industries, qui emploie 48 personnes à Roanne, cessera son activité le "
        "31 mars, a annoncé sa direction aux salariés jeudi."
    )
    title = "Verlande Industries : les nouvelles de la semaine"
    assert "closure" in types(events_of(registry_enricher, text, "fr", title, DECEMBER))


def test_a_month_of_a_past_act_stays_background(registry_enricher: Enricher) -> None:
    text = (
        "Verlande Industries a fermé son atelier de Roanne le 31 mars, a rappelé sa "
        "direction jeudi, avant de présenter ses nouveaux produits."
    )
    title = "Verlande Industries : les nouvelles de la semaine"
    assert "closure" not in types(events_of(registry_enricher, text, "fr", title, DECEMBER))
