"""The sources page over HTTP, after real crawls of a local site: health of each source,
hostile error texts escaped, and "poll now" (session + CSRF) crawling for real."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import closing
from html import unescape
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.store.database import Database
from myrtille.store.schema import Document, SourceState
from tests.crawlers.pages import article_html, rss
from tests.waiting import wait_until
from tests.web.conftest import Live, csrf_of, signed_in, start_live

RSS = "application/rss+xml; charset=utf-8"
SCRIPT = "<script>alert(1)</script>"
CRAWL = {"autothrottle": False, "timeout": "10s", "retries": 0, "concurrency_per_domain": 8}


def load_state(database: Database, source_id: str) -> SourceState | None:
    with database.session() as session:
        return session.get(SourceState, source_id)


def serve_feed(site: RouteServer, feed: str, count: int) -> None:
    items = []
    for n in range(count):
        path = f"/{feed}/{n}.html"
        site.routes[path] = Route(
            article_html(
                f"{feed} article {n}",
                name=f"Société {feed} {n}",
                event=f"un investissement numéro {n} à {feed}",
                canonical=site.url(path),
            ).encode()
        )
        items.append({"title": f"{feed} article {n}", "link": site.url(path)})
    site.routes[f"/{feed}.xml"] = Route(rss(items).encode(), RSS)


class Gate:
    """A feed that answers only once the test opens the gate: its crawl is surely
    still running while the test clicks."""

    def __init__(self, site: RouteServer) -> None:
        self.opened = threading.Event()
        serve_feed(site, "slow", 1)
        self.route = site.routes["/slow.xml"]
        site.routes["/slow.xml"] = self.answer

    def answer(self, _request: Request, _site: RouteServer) -> Route:
        self.opened.wait(30)
        return self.route  # type: ignore[return-value]


@pytest.fixture(scope="module")
def site() -> Iterator[RouteServer]:
    with RouteServer() as running:
        serve_feed(running, "eco", 2)
        running.routes["/broken.xml"] = Route(b"<h1>Internal error</h1>", status=500)
        # An HTML page instead of a feed, advertising a "feed" whose URL carries a script:
        # the crawl's error message quotes that URL.
        running.routes["/hostile.xml"] = Route(
            (
                '<html><head><link rel="alternate" type="application/rss+xml" '
                f'href="/feed?x={SCRIPT}"></head><body>Nothing here</body></html>'
            ).encode()
        )
        yield running


@pytest.fixture(scope="module")
def gate(site: RouteServer) -> Gate:
    return Gate(site)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, site: RouteServer, gate: Gate) -> Iterator[Live]:
    sources = [
        {"id": "eco", "kind": "feed", "url": site.url("/eco.xml"), "name": "Éco du jour"},
        {"id": "broken", "kind": "feed", "url": site.url("/broken.xml")},
        {"id": "hostile", "kind": "feed", "url": site.url("/hostile.xml")},
        {"id": "slow", "kind": "feed", "url": site.url("/slow.xml"), "interval": "2h"},
    ]
    data_dir = tmp_path_factory.mktemp("sources") / "data"
    with start_live(data_dir, sources=sources, crawl=CRAWL) as running:
        settings = running.settings
        # The crawl entry point the scheduler and `myrtille crawl` use (a child process).
        report = run_crawl(
            settings, running.database, [settings.source(s) for s in ("eco", "broken", "hostile")]
        )
        assert report.outcomes["eco"].new == 2, report.outcomes
        assert report.failed == ["broken", "hostile"], report.outcomes
        yield running


def row(html: str, source_id: str) -> str:
    found = re.search(rf'<tr class="source[^"]*" data-source="{source_id}">(.*?)</tr>', html, re.S)
    assert found, f"no row for {source_id}"
    return found.group(1)


def cell(html: str, source_id: str, name: str) -> str:
    found = re.search(
        rf'<td class="[^"]*\b{name}\b[^"]*"[^>]*>(.*?)</td>', row(html, source_id), re.S
    )
    assert found, f"no {name} cell for {source_id}"
    return found.group(1)


def text(fragment: str) -> str:
    """The words of an HTML fragment, as a reader sees them."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def documents_of(live: Live, source_id: str) -> int:
    with live.database.session() as session:
        query = select(func.count()).where(Document.source_id == source_id)
        return int(session.execute(query).scalar_one())


def test_every_source_with_its_health(live: Live) -> None:
    with live.client() as http:
        response = http.get("/sources")
    assert response.status_code == 200
    html = response.text
    assert re.findall(r'data-source="([^"]+)"', html) == ["eco", "broken", "hostile", "slow"]

    eco = load_state(live.database, "eco")
    assert eco is not None and eco.last_success_at is not None
    shown = eco.last_success_at.strftime("%d/%m/%Y %H:%M UTC")  # as French writes it
    assert text(cell(html, "eco", "last-success")) == shown
    assert text(cell(html, "eco", "last-error")) == "aucune"
    assert text(cell(html, "eco", "failures")) == "0"
    assert text(cell(html, "eco", "total")) == str(documents_of(live, "eco")) == "2"
    assert text(cell(html, "eco", "per-day")) == "0,3"  # 2 documents in 7 days
    assert "Éco du jour" in row(html, "eco")
    # A success shortens the interval (30 min × 0.75), from the last attempt on.
    assert text(cell(html, "eco", "interval")).startswith("22 min réglée à 30 min")
    assert eco.last_attempt_at is not None

    assert text(cell(html, "broken", "last-success")) == "jamais"
    broken = text(cell(html, "broken", "last-error"))
    # Stored as a code (store/health_texts.py): the page's language, the URL as data.
    assert broken.startswith("Le ") and "HTTP 500 : erreur du serveur pour http://" in broken
    assert "server error" not in broken
    assert "Internal error" not in html  # the body of the error page is not shown
    assert text(cell(html, "broken", "failures")) == "1"
    assert text(cell(html, "broken", "total")) == "0"

    hostile = cell(html, "hostile", "last-error")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "<script" not in html
    assert "pas un flux" in text(hostile)  # the French page, from the catalogue

    assert text(cell(html, "slow", "last-success")) == "jamais"
    assert text(cell(html, "slow", "next-due")) == "dès que possible"
    assert text(cell(html, "slow", "interval")) == "2 h"
    # Public and read-only: no poll button without a session.
    assert "poll-now" not in html and "/poll" not in html


def test_repeated_failures_back_off(live: Live) -> None:
    before = load_state(live.database, "broken")
    assert before is not None
    for _ in range(2):
        run_crawl(live.settings, live.database, [live.settings.source("broken")])
    after = load_state(live.database, "broken")
    assert after is not None and after.backing_off
    assert after.consecutive_failures == before.consecutive_failures + 2
    with live.client() as http:
        html = http.get("/sources", params={"lang": "en"}).text
    assert text(cell(html, "broken", "failures")) == str(after.consecutive_failures)
    assert "backing off (repeated failures)" in text(cell(html, "broken", "interval"))
    assert after.last_attempt_at is not None and after.poll_interval_seconds
    assert "backing off" not in text(cell(html, "eco", "interval"))


def test_english(live: Live) -> None:
    with live.client() as http:
        html = http.get("/sources", params={"lang": "en"}).text
    assert '<html lang="en">' in html
    assert "Last success" in html and "Failures in a row" in html
    assert text(cell(html, "slow", "last-success")) == "never"
    assert text(cell(html, "broken", "last-error")).startswith("On ")
    # Notices are the page's own sentences about a configured source, never URL text.
    with live.client() as http:
        for params in ({"notice": SCRIPT, "source": "eco"}, {"notice": "busy", "source": SCRIPT}):
            odd = http.get("/sources", params=params).text
            assert 'id="notice"' not in odd and "<script" not in odd


def test_poll_now_needs_a_session(live: Live) -> None:
    with live.client() as http:
        token = csrf_of(http.get("/signin").text)
        response = http.post("/sources/slow/poll", data={"csrf": token})
        assert response.status_code == 303
        assert response.headers["location"].startswith("/signin?next=%2Fsources%2Fslow%2Fpoll")
        assert "relevé en cours" not in http.get("/sources").text


def test_poll_now_needs_the_csrf_field(live: Live) -> None:
    with closing(signed_in(live)) as http:
        assert http.post("/sources/slow/poll", data={}).status_code == 403
        refused = http.post("/sources/slow/poll", data={"csrf": "0" * 64})
        assert refused.status_code == 403 and "Action refusée" in refused.text
        assert "relevé en cours" not in http.get("/sources").text


def test_polling_an_unknown_source_is_a_404(live: Live) -> None:
    with closing(signed_in(live)) as http:
        token = csrf_of(http.get("/sources").text)
        response = http.post("/sources/nosuch/poll", data={"csrf": token, "lang": "en"})
        assert response.status_code == 404
        assert "Unknown source" in response.text and "No source &#39;nosuch&#39;" in response.text


def poll(http: httpx.Client, source_id: str, **form: Any) -> httpx.Response:
    token = csrf_of(http.get("/sources").text)
    return http.post(f"/sources/{source_id}/poll", data={"csrf": token, **form})


def test_poll_now_crawls_the_source_once_at_a_time(
    live: Live, site: RouteServer, gate: Gate
) -> None:
    assert load_state(live.database, "slow") is None
    with closing(signed_in(live)) as http:
        page = http.get("/sources").text
        assert '<form method="post" action="/sources/slow/poll">' in page

        started = poll(http, "slow")
        assert started.status_code == 303
        assert started.headers["location"] == "/sources?notice=started&source=slow"
        html = http.get(started.headers["location"]).text
        assert "Relevé de « slow » lancé" in html
        assert "relevé en cours…" in text(row(html, "slow"))

        # The feed is held back: the crawl is still running, a second click is refused.
        again = poll(http, "slow", lang="en")
        assert again.headers["location"] == "/sources?notice=busy&source=slow&lang=en"
        assert "&#39;slow&#39; is already being polled." in http.get(again.headers["location"]).text

        gate.opened.set()
        latest: list[str] = []  # the last page read, which the checks below look at

        def poll_over() -> bool:
            latest[:] = [http.get("/sources").text]
            return "relevé en cours" not in row(latest[0], "slow")

        assert wait_until(poll_over, 90, 0.2), "the poll never finished"
        html = latest[0]

    state = load_state(live.database, "slow")
    assert state is not None and state.last_success_at is not None, state
    assert state.last_error is None
    assert documents_of(live, "slow") == 1
    assert site.hits["/slow/0.html"] == 1
    assert text(cell(html, "slow", "last-success")) == state.last_success_at.strftime(
        "%d/%m/%Y %H:%M UTC"
    )
    assert text(cell(html, "slow", "total")) == "1"
    assert "relevé en cours" not in row(html, "slow")
    # The notice of the first click now says the poll is over.
    with live.client() as http:
        done = http.get("/sources", params={"notice": "started", "source": "slow"}).text
    assert "Relevé de « slow » terminé" in done
