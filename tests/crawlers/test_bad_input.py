"""Bad input never crashes a crawl: every case is recorded on its source, the other
sources go on, and nothing already collected is lost.

One crawl (one child process) covers all the sources; each test checks one of them.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from myrtille.config.settings import Settings
from myrtille.crawlers.runner import CrawlReport, SourceOutcome, run_crawl
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database, open_database
from tests.conftest import make_settings
from tests.crawlers.pages import article_html, rss, sitemap
from tests.web.test_sources_page import load_state

RSS = "application/rss+xml"
CAP = 64 * 1024
DATE = "Sat, 03 Oct 2026 08:15:00 +0200"


def slow(request: Request, server: RouteServer) -> Route:
    time.sleep(3)
    return Route(rss([]).encode(), RSS)


def build_routes(server: RouteServer) -> dict[str, tuple[str, str]]:
    """Routes for every bad case; returns source id -> (kind, path)."""
    url = server.url
    r = server.routes
    r["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    r["/page.html"] = Route(article_html("Une page partagée").encode())
    r["/page2.html"] = Route(article_html("Une autre page", name="Lumen").encode())
    r["/good-page.html"] = Route(article_html("Une page normale", name="Bonne Source").encode())
    r["/good.xml"] = Route(
        rss([{"title": "Une page normale", "link": url("/good-page.html"), "date": DATE}]).encode(),
        RSS,
    )
    good = rss(
        [
            {"title": "Un", "link": url("/page.html"), "date": DATE},
            {"title": "Deux", "link": url("/page2.html"), "date": DATE},
        ]
    ).encode()
    # Not well-formed: a bare '&' and an unclosed tag; the entries are still readable.
    r["/malformed.xml"] = Route(
        good.replace(b"<title>Deux</title>", b"<title>Deux & Co</titl>"), RSS
    )
    r["/truncated.xml"] = Route(good[: good.index(b"<title>Deux")], RSS)
    latin = rss(
        [{"title": "Société générale de mécanique", "link": url("/page.html"), "date": DATE}],
        encoding="utf-8",
    ).encode("utf-8")
    # Declares UTF-8 but is Latin-1; and one with no declaration, charset in the header.
    r["/wrong-encoding.xml"] = Route(latin.decode("utf-8").encode("latin-1"), RSS)
    r["/header-encoding.xml"] = Route(
        latin.replace(b' encoding="utf-8"', b"").decode("utf-8").encode("latin-1"),
        "application/rss+xml; charset=iso-8859-1",
    )
    r["/html-not-feed.xml"] = Route(
        b'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
        b'href="/good.xml"></head><body><p>Bienvenue</p></body></html>'
    )
    r["/server-error.xml"] = Route(b"oops", "text/plain", status=500)
    r["/slow.xml"] = slow
    r["/loop-a"] = Route(b"", status=302, headers={"Location": url("/loop-b")}, conditional=False)
    r["/loop-b"] = Route(b"", status=302, headers={"Location": url("/loop-a")}, conditional=False)
    r["/huge.xml"] = Route(
        rss([{"title": "x" * (CAP * 2), "link": url("/page.html")}]).encode(), RSS
    )
    r["/bomb.xml"] = Route(b"<rss>" + b" " * (CAP * 40) + b"</rss>", RSS, gzip=True)
    r["/private/feed.xml"] = Route(good, RSS)
    r["/holes.xml"] = Route(
        rss(
            [
                {"title": "Sans lien", "description": "Une entrée sans lien."},
                {"title": "Sans date", "link": url("/undated.html")},
            ]
        ).encode(),
        RSS,
    )
    r["/undated.html"] = Route(article_html("Sans date", published=None, name="Datex").encode())
    r["/empty-page.xml"] = Route(
        rss(
            [
                {
                    "title": "Page vide",
                    "link": url("/empty.html"),
                    "date": DATE,
                    "description": "Le résumé remplace une page sans texte.",
                },
                {"title": "Vide sans résumé", "link": url("/empty2.html"), "date": DATE},
            ]
        ).encode(),
        RSS,
    )
    r["/empty.html"] = Route(b"<html><body><nav>Menu</nav><div id='app'></div></body></html>")
    r["/empty2.html"] = Route(b"<html><body><p>Chargement...</p></body></html>")
    r["/not-sitemap.xml"] = Route(b"<html><body>Not a sitemap</body></html>")
    r["/sitemap-bomb.xml.gz"] = Route(
        gzip.compress(sitemap([url("/page.html")]).encode() + b" " * (CAP * 40)),
        "application/x-gzip",
        conditional=False,
    )
    return {
        "good": ("feed", "/good.xml"),
        "malformed": ("feed", "/malformed.xml"),
        "truncated": ("feed", "/truncated.xml"),
        "wrong-encoding": ("feed", "/wrong-encoding.xml"),
        "header-encoding": ("feed", "/header-encoding.xml"),
        "html-not-feed": ("feed", "/html-not-feed.xml"),
        "not-found": ("feed", "/missing.xml"),
        "server-error": ("feed", "/server-error.xml"),
        "timeout": ("feed", "/slow.xml"),
        "redirect-loop": ("feed", "/loop-a"),
        "too-big": ("feed", "/huge.xml"),
        "gzip-bomb": ("feed", "/bomb.xml"),
        "robots": ("feed", "/private/feed.xml"),
        "holes": ("feed", "/holes.xml"),
        "empty-page": ("feed", "/empty-page.xml"),
        "not-sitemap": ("sitemap", "/not-sitemap.xml"),
        "sitemap-bomb": ("sitemap", "/sitemap-bomb.xml.gz"),
        "unreachable": ("feed", "http://127.0.0.1:9/feed.xml"),
    }


class BadInputCrawl:
    def __init__(
        self, server: RouteServer, settings: Settings, database: Database, report: CrawlReport
    ) -> None:
        self.server = server
        self.settings = settings
        self.database = database
        self.report = report

    def outcome(self, source_id: str) -> SourceOutcome:
        return self.report.outcomes[source_id]

    def titles(self, source_id: str) -> list[str]:
        return sorted(d.title for d in Intake(self.database).documents(source_ids=[source_id]))


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BadInputCrawl]:
    with RouteServer() as server:
        sources = [
            {"id": sid, "kind": kind, "url": path if path.startswith("http") else server.url(path)}
            for sid, (kind, path) in build_routes(server).items()
        ]
        data_dir: Path = tmp_path_factory.mktemp("bad") / "data"
        settings = make_settings(data_dir, sources, timeout="1s", max_size=CAP)
        database = open_database(settings.state_url)
        report = run_crawl(settings, database, settings.sources)
        yield BadInputCrawl(server, settings, database, report)
        database.dispose()


def test_the_crawl_finishes_and_the_good_source_is_collected(bad: BadInputCrawl) -> None:
    assert bad.report.exit_code == 0
    assert set(bad.report.outcomes) == {s.id for s in bad.settings.sources}
    assert bad.outcome("good").error is None
    assert bad.titles("good") == ["Une page normale"]


def test_malformed_xml_is_read_with_a_warning(bad: BadInputCrawl) -> None:
    outcome = bad.outcome("malformed")
    assert outcome.error is None
    assert any("not well-formed XML" in w for w in outcome.warnings)
    assert outcome.found >= 1


def test_truncated_xml_keeps_the_complete_entries(bad: BadInputCrawl) -> None:
    outcome = bad.outcome("truncated")
    assert outcome.error is None
    assert outcome.found >= 1
    assert any("not well-formed XML" in w for w in outcome.warnings)


def test_wrong_or_missing_encoding_declarations_still_decode(bad: BadInputCrawl) -> None:
    for source_id in ("wrong-encoding", "header-encoding"):
        outcome = bad.outcome(source_id)
        assert outcome.error is None, (source_id, outcome.error)
        assert outcome.found == 1
    state = load_state(bad.database, "header-encoding")
    assert state is not None and state.items_found == 1


def test_an_html_page_is_not_a_feed(bad: BadInputCrawl) -> None:
    error = bad.outcome("html-not-feed").error or ""
    assert "HTML page, not a feed" in error
    assert "advertises a feed at" in error and "/good.xml" in error


def test_http_errors_are_named(bad: BadInputCrawl) -> None:
    assert "HTTP 404 not found" in (bad.outcome("not-found").error or "")
    assert "HTTP 500 server error" in (bad.outcome("server-error").error or "")
    state = load_state(bad.database, "server-error")
    assert state is not None and state.http_status == {"500": 1}
    assert state.consecutive_failures == 1 and state.last_success_at is None


def test_timeouts_and_unreachable_hosts(bad: BadInputCrawl) -> None:
    assert "timed out after 1s" in (bad.outcome("timeout").error or "")
    assert "connection refused" in (bad.outcome("unreachable").error or "")


def test_redirect_loops_stop(bad: BadInputCrawl) -> None:
    assert "too many redirects" in (bad.outcome("redirect-loop").error or "")


def test_bodies_over_the_size_cap_are_refused(bad: BadInputCrawl) -> None:
    assert "larger than the size cap" in (bad.outcome("too-big").error or "")
    # Small on the wire, huge once decompressed.
    assert "larger than the size cap" in (bad.outcome("gzip-bomb").error or "")
    assert "size cap" in (bad.outcome("sitemap-bomb").error or "")


def test_robots_txt_is_obeyed(bad: BadInputCrawl) -> None:
    assert "blocked by robots.txt" in (bad.outcome("robots").error or "")
    assert bad.server.hits["/private/feed.xml"] == 0


def test_entries_without_link_or_date(bad: BadInputCrawl) -> None:
    outcome = bad.outcome("holes")
    assert outcome.error is None
    assert any("'Sans lien' has no link; skipped" in w for w in outcome.warnings)
    assert any("no date in the feed" in w for w in outcome.warnings)
    docs = list(Intake(bad.database).documents(source_ids=["holes"]))
    assert [d.title for d in docs] == ["Sans date"]
    assert docs[0].published_at is None or docs[0].published_at.year == 2026


def test_pages_without_text_fall_back_or_are_reported(bad: BadInputCrawl) -> None:
    outcome = bad.outcome("empty-page")
    assert outcome.error is None
    assert any("no extractable article text ×2" in w for w in outcome.warnings)
    docs = {d.title: d for d in Intake(bad.database).documents(source_ids=["empty-page"])}
    assert list(docs) == ["Page vide"]
    assert docs["Page vide"].extraction == "summary"
    # The page without text or summary is remembered, not fetched again and again.
    assert Intake(bad.database).is_seen(bad.server.url("/empty2.html"))


def test_a_sitemap_that_is_html(bad: BadInputCrawl) -> None:
    assert "HTML page, not a sitemap" in (bad.outcome("not-sitemap").error or "")


def test_failures_are_shown_where_users_look(bad: BadInputCrawl) -> None:
    states = {sid: load_state(bad.database, sid) for sid in bad.report.outcomes}
    failing = {sid for sid, s in states.items() if s is not None and s.last_error}
    assert failing == {
        "html-not-feed",
        "not-found",
        "server-error",
        "timeout",
        "redirect-loop",
        "too-big",
        "gzip-bomb",
        "robots",
        "not-sitemap",
        "sitemap-bomb",
        "unreachable",
    }


def test_a_later_failure_loses_nothing_already_collected(bad: BadInputCrawl) -> None:
    before = load_state(bad.database, "good")
    assert before is not None and before.etag
    bad.server.routes["/good.xml"] = Route(b"down", "text/plain", status=503)
    again = run_crawl(bad.settings, bad.database, [bad.settings.source("good")])
    assert "HTTP 503" in (again.outcomes["good"].error or "")
    assert bad.titles("good") == ["Une page normale"]
    after = load_state(bad.database, "good")
    assert after is not None
    assert after.last_success_at == before.last_success_at
    assert after.etag == before.etag  # validators of the last good answer are kept
    assert after.consecutive_failures == 1
