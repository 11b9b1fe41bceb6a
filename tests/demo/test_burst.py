"""The demo's newsroom publishes a burst about one company, and the spike rule marks it.

The first articles the newsroom publishes (one every few seconds, all dated the day the
demo runs) are four about Aérovolt. The test counts mentions per day as the demo's index
would see them — the base corpus on its own dates, the burst on the demo's day — taking
the worst case for the burst: a demo run the day after the corpus's last Aérovolt
article, so that the corpus's articles are in the seven days it is compared with.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from myrtille.demo.corpus import load_corpus, load_upcoming
from myrtille.index.trends import MIN_SPIKE_COUNT, trend

COMPANY = "Aérovolt"
# Articles the newsroom publishes first: within a minute at the demo's default pace.
FIRST = 5


def mentions(title: str, body: str) -> bool:
    return COMPANY in title or COMPANY in body


def test_the_first_articles_published_make_a_spike_for_one_company() -> None:
    corpus = load_corpus()
    dated = [a.published.date() for a in corpus.articles if mentions(a.title, a.body)]
    demo_day = max(dated) + timedelta(days=1)
    burst = [item for item in load_upcoming()[:FIRST] if mentions(item["title"], item["body"])]
    assert len(burst) >= MIN_SPIKE_COUNT + 1
    per_day = Counter(dated)
    per_day[demo_day] += len(burst)
    points = trend(
        [(day.isoformat(), n) for day, n in per_day.items()],
        end=demo_day,
        interval="day",
        periods=30,
        baseline=7,
    )
    assert points[-1].period == demo_day and points[-1].count == len(burst)
    assert points[-1].spike, points[-1]
    # Quieter days before: no other spike in the shown month.
    assert [p.period for p in points if p.spike] == [demo_day]


def test_the_burst_is_new_stories_in_outlets_the_demo_serves() -> None:
    outlets = {o.id for o in load_corpus().outlets}
    burst = [item for item in load_upcoming()[:FIRST] if mentions(item["title"], item["body"])]
    assert {item["outlet"] for item in burst} <= outlets
    assert len({item["slug"] for item in load_upcoming()}) == len(load_upcoming())
