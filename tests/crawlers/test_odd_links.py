"""Odd item links in a feed lose only themselves (issues 10 and 11): an IPv6-literal
host, a link the intake's http(s)-only rule refuses. A real local feed, the real crawl
entry point; the other items are stored and the odd ones show on the source's health."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.normalise import canonical_url
from myrtille.store.database import open_database
from tests.crawlers.pages import rss
from tests.web.test_sources_page import load_state

RSS = "application/rss+xml; charset=utf-8"


def summary_feed(server: RouteServer, odd: list[str]) -> None:
    """Two good items around the odd links, each with a summary (fetch_articles is off)."""
    items = [{"title": "Bonne nouvelle 1", "link": server.url("/a/1.html"), "description": "Un"}]
    items += [
        {"title": f"Lien étrange {n}", "link": link, "description": f"Résumé étrange {n}"}
        for n, link in enumerate(odd)
    ]
    items.append(
        {"title": "Bonne nouvelle 2", "link": server.url("/a/2.html"), "description": "Deux"}
    )
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)


def test_canonical_url_keeps_ipv6_brackets_and_never_raises() -> None:
    assert canonical_url("http://[2001:DB8::1]/a#x") == "http://[2001:db8::1]/a"
    assert canonical_url("https://[2606:4700::1111]:443/x?utm_source=a") == (
        "https://[2606:4700::1111]/x"
    )
    assert canonical_url("http://[2606:4700::1111]:8080/x") == "http://[2606:4700::1111]:8080/x"
    # What cannot be normalised is given back as written (the intake refuses it).
    assert canonical_url(" http://[bad/x ") == "http://[bad/x"
    assert canonical_url("http://example.org:99999/x") == "http://example.org:99999/x"


def test_an_ipv6_item_link_does_not_lose_the_feed(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    public = "http://[2606:4700::1111]/x"
    summary_feed(server, [public, "http://[2001:db8::1]/a"])
    settings = settings_for(
        [{"id": "v6", "kind": "feed", "url": server.url("/feed.xml"), "fetch_articles": False}]
    )
    outcome = crawl(settings).outcomes["v6"]
    assert outcome.error is None, outcome.error
    stored = {d.title: d.url for d in Intake(open_database(settings.state_url)).documents()}
    assert stored == {
        "Bonne nouvelle 1": server.url("/a/1.html"),
        "Bonne nouvelle 2": server.url("/a/2.html"),
        "Lien étrange 0": public,  # a public address: kept with its brackets
    }
    state = load_state(open_database(settings.state_url), "v6")
    assert state is not None and state.last_error is None
    # The documentation range is no public address: refused, and said so.
    assert any(
        w.startswith("Refused links: 1 link from") and "2001:db8::1" in w for w in state.warnings
    )


def test_links_the_intake_refuses_show_on_the_sources_health(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport], tmp_path: Path
) -> None:
    # The first two are refused by the crawler's URL rule, the third by the intake's.
    odd = ["javascript:alert(1)", "data:text/html,<b>piège</b>", "http://exa mple.org/x"]
    summary_feed(server, odd)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "fetch_articles": False}]
    )
    outcome = crawl(settings).outcomes["eco"]
    assert outcome.error is None, outcome.error
    assert outcome.new == 2
    titles = sorted(d.title for d in Intake(open_database(settings.state_url)).documents())
    assert titles == ["Bonne nouvelle 1", "Bonne nouvelle 2"]
    # Nothing fetched: only the feed was asked for.
    assert set(server.hits) <= {"/feed.xml", "/robots.txt"}

    state = load_state(open_database(settings.state_url), "eco")
    assert state is not None and state.last_error is None and state.items_new == 2
    refused = [w for w in state.warnings if w.startswith("Refused links: 2 links from")]
    assert refused and "only http and https" in refused[0], state.warnings
    not_stored = [w for w in state.warnings if w.startswith("Document not stored:")]
    assert not_stored and "spaces or control characters" in not_stored[0], state.warnings

    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"data_dir: {settings.data_dir}\nsources:\n  - {{id: eco, kind: feed, "
        f"url: '{server.url('/feed.xml')}', fetch_articles: false}}\n",
        encoding="utf-8",
    )
    shown = subprocess.run(
        [sys.executable, "-m", "myrtille", "--config", str(config), "sources"],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "COLUMNS": "400"},  # one line per cell: the warnings read whole
    )
    assert shown.returncode == 0, shown.stderr.decode()
    out = shown.stdout.decode()
    assert "eco" in out and "Refused links: 2 links from" in out, out
    assert "Document not stored: http://exa mple.org/x" in out, out
