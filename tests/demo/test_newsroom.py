"""The demo's newsroom on a real local server: what it publishes appears in the outlet's
feed and as a page, dated when published; a newsroom restarted on the same state serves
the same articles again and goes on with the next one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import httpx

from myrtille.demo.corpus import load_corpus, load_upcoming
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.newsroom import Newsroom
from myrtille.demo.site import FEED_PATHS

WHEN = datetime(2026, 11, 28, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))


def feed_links(site: RouteServer, outlet: str) -> list[str]:
    body = httpx.get(site.url(FEED_PATHS[outlet]), timeout=10).content
    return [entry.link.split("?")[0] for entry in feedparser.parse(body).entries]


def test_published_articles_appear_and_survive_a_restart(tmp_path: Path) -> None:
    corpus, upcoming = load_corpus(), load_upcoming()
    state = tmp_path / "newsroom.json"
    first = upcoming[0]
    assert first["outlet"] == "eco-regions"
    with RouteServer() as site:
        newsroom = Newsroom(site, corpus, upcoming, state)
        newsroom.serve()
        before = feed_links(site, "eco-regions")
        assert len(before) == len(corpus.articles_of("eco-regions"))
        assert newsroom.remaining == len(upcoming)

        article = newsroom.publish_next(WHEN)
        assert article is not None and article.slug == first["slug"]
        assert article.published == WHEN
        links = feed_links(site, "eco-regions")
        assert links[0] == newsroom.url(article)  # newest first
        assert links[1:] == before
        page = httpx.get(newsroom.url(article), timeout=10)
        assert page.status_code == 200 and "Aérodyne Légère" in page.text

    with RouteServer() as site:
        again = Newsroom(site, corpus, upcoming, state)
        again.serve()
        assert [a.slug for a in again.published] == [first["slug"]]
        assert again.published[0].published == WHEN
        assert feed_links(site, "eco-regions")[0] == again.url(again.published[0])
        assert again.remaining == len(upcoming) - 1
        following = again.publish_next()
        assert following is not None and following.slug == upcoming[1]["slug"]
        while again.publish_next() is not None:
            pass
        assert again.remaining == 0
        slugs = [a.slug for a in again.published]
        assert slugs == [item["slug"] for item in upcoming]
