"""Feeds end to end: a real local server, the real crawl entry point (child process)."""

from __future__ import annotations

from collections.abc import Callable

from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.crawlers.pages import article_html, atom, rss
from tests.web.test_sources_page import load_state

RSS = "application/rss+xml; charset=utf-8"


def serve_feed(server: RouteServer, count: int) -> None:
    items = []
    for n in range(count):
        path = f"/news/{n}.html"
        server.routes[path] = Route(
            article_html(
                f"Article {n}",
                name=f"Société {n}",
                event=f"un investissement numéro {n}",
                canonical=server.url(path),
            ).encode()
        )
        items.append(
            {
                "title": f"Article {n}",
                "link": server.url(path) + "?utm_source=rss",
                "description": f"Résumé {n}",
                "date": "Sat, 03 Oct 2026 08:15:00 +0200",
            }
        )
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)


def test_feed_entries_are_fetched_extracted_and_stored(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 3)
    settings = settings_for([{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}])
    report = crawl(settings)
    outcome = report.outcomes["eco"]
    assert outcome.error is None, outcome.error
    assert (outcome.found, outcome.new) == (3, 3)
    documents = list(Intake(open_database(settings.state_url)).documents())
    assert sorted(d.title for d in documents) == ["Article 0", "Article 1", "Article 2"]
    first = next(d for d in documents if d.title == "Article 0")
    assert first.url == server.url("/news/0.html")  # utm_* removed
    assert "Société 0" in first.text and "<p>" not in first.text
    assert first.extraction == "page"
    assert first.language == "fr"
    assert first.author == "Claire Dumas"
    assert (
        first.published_at is not None
        and first.published_at.isoformat() == "2026-10-03T06:15:00+00:00"
    )
    state = load_state(open_database(settings.state_url), "eco")
    assert state is not None and state.items_new == 3 and state.http_status["200"] >= 4
    assert state.last_success_at is not None and state.last_error is None


def test_recrawl_fetches_nothing_twice_and_a_changed_feed_adds_only_new_entries(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 3)
    settings = settings_for([{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}])
    crawl(settings)
    intake = Intake(open_database(settings.state_url))
    assert sum(intake.counts().values()) == 3

    # Unchanged feed: answered 304 thanks to the stored ETag, nothing fetched or added.
    report = crawl(settings)
    assert report.outcomes["eco"].not_modified
    assert report.new == 0
    assert server.hits["/feed.xml"] == 2
    assert [r for r in server.requests if r.path == "/feed.xml"][-1].headers["if-none-match"]
    assert all(server.hits[f"/news/{n}.html"] == 1 for n in range(3))

    # The feed changes: one entry added. Only that page is fetched.
    serve_feed(server, 4)
    report = crawl(settings)
    assert report.outcomes["eco"].new == 1
    assert report.outcomes["eco"].known == 3
    assert [server.hits[f"/news/{n}.html"] for n in range(4)] == [1, 1, 1, 1]
    assert sum(intake.counts().values()) == 4


def test_atom_feed_and_summary_fallback(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    server.routes["/ok.html"] = Route(article_html("Page complète").encode())
    server.routes["/atom.xml"] = Route(
        atom(
            [
                {
                    "title": "Page complète",
                    "link": server.url("/ok.html"),
                    "description": "Résumé A",
                },
                {
                    "title": "Page absente",
                    "link": server.url("/gone.html"),
                    "description": "Le résumé du flux sert de texte quand la page manque.",
                },
            ]
        ).encode(),
        "application/atom+xml",
    )
    settings = settings_for([{"id": "hebdo", "kind": "feed", "url": server.url("/atom.xml")}])
    report = crawl(settings)
    outcome = report.outcomes["hebdo"]
    assert outcome.new == 2 and outcome.error is None
    assert any(
        "HTTP 404 not found" in w and "summary was used for 1" in w for w in outcome.warnings
    )
    docs = {d.title: d for d in Intake(open_database(settings.state_url)).documents()}
    assert docs["Page absente"].extraction == "summary"
    assert docs["Page absente"].text.startswith("Le résumé du flux")
    assert docs["Page complète"].extraction == "page"


def test_fetch_articles_off_keeps_feed_summaries(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 2)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "fetch_articles": False}]
    )
    assert crawl(settings).new == 2
    assert server.hits["/news/0.html"] == 0


def test_max_articles_defers_the_rest_to_the_next_crawl(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 5)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "max_articles": 3}]
    )
    first = crawl(settings)
    assert first.new == 3
    assert any("the rest waits" in w for w in first.outcomes["eco"].warnings)
    server.routes["/feed.xml"].last_modified = "Sun, 04 Oct 2026 00:00:00 GMT"
    server.routes["/feed.xml"].body += b" "  # new ETag: the feed is read again
    assert crawl(settings).new == 2


def test_many_sources_are_crawled_a_few_at_a_time(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    sources = []
    for n in range(6):
        path = f"/p{n}.html"
        server.routes[path] = Route(article_html(f"Page {n}", name=f"Firme {n}").encode())
        server.routes[f"/f{n}.xml"] = Route(
            rss([{"title": f"Page {n}", "link": server.url(path)}]).encode(), RSS
        )
        sources.append({"id": f"feed-{n}", "kind": "feed", "url": server.url(f"/f{n}.xml")})
    settings = settings_for(sources, parallel_sources=2)
    report = crawl(settings)
    assert [o.new for o in report.outcomes.values()] == [1] * 6
    assert all(o.error is None for o in report.outcomes.values())


def test_polling_adapts_to_what_a_crawl_finds(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 2)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "1h"}]
    )
    crawl(settings)  # new items: polled more often
    state = load_state(open_database(settings.state_url), "eco")
    assert state is not None and state.poll_interval_seconds == 45 * 60
    crawl(settings)  # nothing new (304): polled less often
    state = load_state(open_database(settings.state_url), "eco")
    assert state is not None and state.poll_interval_seconds == int(45 * 60 * 1.5)
    assert state.backing_off is False
