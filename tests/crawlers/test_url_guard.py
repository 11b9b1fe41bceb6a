"""The URL rule: crawled content cannot make the crawler read local files or reach
internal services (issue 10). Real local servers, the real crawl entry point; canary
listeners on other local ports must see no connection, and a file's secret must be
stored nowhere."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.crawlers.canaries import INTERNAL, SECRET, Canary
from tests.crawlers.pages import article_html, rss, sitemap, sitemap_index
from tests.web.test_sources_page import load_state

RSS = "application/rss+xml; charset=utf-8"


def nothing_stored_holds(settings, marker: str) -> None:  # type: ignore[no-untyped-def]
    """No row of any table of the state database, and no byte of any file under the
    data directory (database, WAL, index, logs), holds ``marker``."""
    database = Path(settings.state_url.removeprefix("sqlite:///"))
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                assert marker not in repr(row), f"{marker} stored in table {table}: {row!r}"
    for path in settings.data_dir.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), f"{marker} found in {path}"


def stored_urls(settings) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(d.url for d in Intake(open_database(settings.state_url)).documents())


def refused_warning(settings, source_id: str) -> str:  # type: ignore[no-untyped-def]
    state = load_state(open_database(settings.state_url), source_id)
    assert state is not None
    return next((w for w in state.warnings if w.startswith("Refused links:")), "")


def test_feed_links_to_files_and_internal_services_are_refused(
    server: RouteServer,
    canary: Canary,
    ftp_canary: Canary,
    secret_file: Path,
    settings_for,
    crawl: Callable[..., CrawlReport],
) -> None:
    internal = f"127.0.0.1:{canary.port}"
    hostile = [
        f"file://localhost{secret_file}",
        f"file://x{secret_file}",
        f"file://{secret_file}",
        f"http://{internal}/internal/plain",
        f"http://2130706433:{canary.port}/internal/decimal",
        f"http://0x7f.1:{canary.port}/internal/hex",
        f"http://127.1:{canary.port}/internal/short",
        f"http://localhost:{canary.port}/internal/name",
        f"http://[::ffff:127.0.0.1]:{canary.port}/internal/mapped",
        f"https://{internal}/internal/tls",
        f"ftp://127.0.0.1:{ftp_canary.port}/secret.key",
        # Same host as the source, another port: no pivot to a neighbouring service.
        f"http://127.0.0.1:{ftp_canary.port}/internal/other-port",
        server.url("/jump-internal"),
        server.url("/jump-file"),
    ]
    server.routes["/jump-internal"] = Route(
        b"", status=302, headers={"Location": f"http://{internal}/internal/redirected"}
    )
    server.routes["/jump-file"] = Route(
        b"", status=302, headers={"Location": f"file://{secret_file}"}
    )
    server.routes["/news/own.html"] = Route(article_html("Page du site").encode())
    items = [
        {"title": f"Piège {n}", "link": link, "description": ""} for n, link in enumerate(hostile)
    ]
    items.append({"title": "Page du site", "link": server.url("/news/own.html")})
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)
    settings = settings_for([{"id": "hostile", "kind": "feed", "url": server.url("/feed.xml")}])

    report = crawl(settings)

    assert canary.connections == 0
    assert ftp_canary.connections == 0
    nothing_stored_holds(settings, SECRET)
    nothing_stored_holds(settings, INTERNAL)
    # The source's own pages are still fetched: the demo site and local tests live on 127.0.0.1.
    assert stored_urls(settings) == [server.url("/news/own.html")]
    outcome = report.outcomes["hostile"]
    assert outcome.error is None, outcome.error  # one bad link does not fail the source
    warning = refused_warning(settings, "hostile")
    assert warning.startswith(f"Refused links: {len(hostile)} links from"), warning
    assert "only http and https" in warning or "non-public address" in warning


def test_a_redirect_of_the_operators_url_to_an_internal_service_is_refused(
    server: RouteServer, canary: Canary, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    # The operator's URL is fetched as written, but where it redirects is learned.
    server.routes["/feed.xml"] = Route(
        b"", status=301, headers={"Location": f"http://127.0.0.1:{canary.port}/feed.xml"}
    )
    settings = settings_for([{"id": "moved", "kind": "feed", "url": server.url("/feed.xml")}])
    report = crawl(settings)
    assert canary.connections == 0
    error = report.outcomes["moved"].error or ""
    assert f"redirected to http://127.0.0.1:{canary.port}/feed.xml, refused" in error
    assert "loopback" in error


def test_a_name_resolving_to_an_internal_address_is_refused(
    server: RouteServer, canary: Canary, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        pytest.skip(f"this machine's name {name} does not resolve")
    if not address.startswith("127."):
        pytest.skip(f"this machine's name {name} resolves to {address}, not a loopback address")
    server.routes["/feed.xml"] = Route(
        rss([{"title": "Par nom", "link": f"http://{name}:{canary.port}/internal"}]).encode(), RSS
    )
    settings = settings_for([{"id": "named", "kind": "feed", "url": server.url("/feed.xml")}])
    crawl(settings)
    assert canary.connections == 0
    assert f"{name} is {address}, a loopback address" in refused_warning(settings, "named")


def test_sitemap_and_site_links_to_internal_services_are_refused(
    server: RouteServer,
    canary: Canary,
    secret_file: Path,
    settings_for,
    crawl: Callable[..., CrawlReport],
) -> None:
    internal = f"http://127.0.0.1:{canary.port}"
    server.routes["/sitemap.xml"] = Route(
        sitemap_index([server.url("/map-1.xml"), f"{internal}/map-2.xml"]).encode(),
        "application/xml",
    )
    server.routes["/map-1.xml"] = Route(
        sitemap([f"{internal}/internal/page", server.url("/a/own.html")]).encode(),
        "application/xml",
    )
    server.routes["/a/own.html"] = Route(
        article_html("Article du plan", name="Cassiopée", event="un rachat").encode()
    )
    server.routes["/liste/"] = Route(
        (
            f"<html><body><a href='{internal}/internal/listed'>interne</a>"
            f"<a href='file://{secret_file}'>fichier</a>"
            "<a href='/b/own.html'>article</a></body></html>"
        ).encode()
    )
    server.routes["/b/own.html"] = Route(
        article_html("Article de la liste", name="Bélénos", event="un nouveau site").encode()
    )
    settings = settings_for(
        [
            {"id": "plan", "kind": "sitemap", "url": server.url("/sitemap.xml")},
            {"id": "liste", "kind": "site", "url": server.url("/liste/")},
        ]
    )
    report = crawl(settings)
    assert canary.connections == 0
    nothing_stored_holds(settings, INTERNAL)
    nothing_stored_holds(settings, SECRET)
    assert stored_urls(settings) == sorted([server.url("/a/own.html"), server.url("/b/own.html")])
    assert report.outcomes["plan"].error is None
    assert refused_warning(settings, "plan").startswith("Refused links: 2 links from")
    assert refused_warning(settings, "liste").startswith("Refused links: 1 link from")


def test_opendata_record_urls_to_internal_addresses_are_not_kept(
    server: RouteServer, canary: Canary, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    records = [
        {"id": "A1", "familleavis_lib": "Ventes", "commercant": "Alpha SAS",
         "url_complete": f"http://127.0.0.1:{canary.port}/internal/a1"},
        {"id": "A2", "familleavis_lib": "Ventes", "commercant": "Beta SAS",
         "url_complete": server.url("/annonce/A2")},
    ]  # fmt: skip
    server.routes["/records"] = Route(
        json.dumps({"total_count": 2, "results": records}).encode(),
        "application/json",
        conditional=False,
    )
    settings = settings_for(
        [{"id": "bodacc", "kind": "opendata", "preset": "bodacc", "url": server.url("/records")}]
    )
    crawl(settings)
    assert canary.connections == 0
    # The refused record URL gives way to one under the API's URL; the notice is kept.
    assert stored_urls(settings) == sorted([server.url("/records/A1"), server.url("/annonce/A2")])
    assert "/internal/a1" in refused_warning(settings, "bodacc")


def test_refused_links_show_in_myrtille_sources(
    tmp_path: Path, server: RouteServer, canary: Canary
) -> None:
    server.routes["/feed.xml"] = Route(
        rss([{"title": "Piège", "link": f"http://127.0.0.1:{canary.port}/internal"}]).encode(),
        RSS,
    )
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        "data_dir: ./data\ncrawl: {autothrottle: false, timeout: 5s, retries: 0}\n"
        f"sources:\n  - id: eco\n    kind: feed\n    url: {server.url('/feed.xml')}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    crawled = runner.invoke(main, ["--config", str(config), "crawl"])
    assert crawled.exit_code == 0, crawled.output
    listed = runner.invoke(main, ["--config", str(config), "sources"], terminal_width=400)
    assert listed.exit_code == 0, listed.output
    text = " ".join(listed.output.split())
    assert "Refused links: 1 link from" in text, listed.output
    assert canary.connections == 0


def test_refused_links_show_on_the_sources_page(
    tmp_path: Path, server: RouteServer, canary: Canary
) -> None:
    from myrtille.crawlers.runner import run_crawl
    from tests.web.conftest import start_live

    server.routes["/feed.xml"] = Route(
        rss([{"title": "Piège", "link": f"http://127.0.0.1:{canary.port}/internal"}]).encode(),
        RSS,
    )
    sources = [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}]
    crawl_settings = {"autothrottle": False, "timeout": "5s", "retries": 0}
    with start_live(tmp_path / "data", sources=sources, crawl=crawl_settings) as live:
        run_crawl(live.settings, live.database, live.settings.sources)
        with live.client() as client:
            page = client.get("/sources", params={"lang": "en"})
    assert page.status_code == 200
    refused = re.search(r'<div class="meta refused">(.*?)</div>', page.text, re.S)
    assert refused, page.text
    words = " ".join(unescape(refused.group(1)).split())
    assert words.startswith("Refused links (the URL rule, see docs/security.md): 1 link from")
    assert f"127.0.0.1:{canary.port}/internal" in words and "loopback" in words
    assert canary.connections == 0


def test_a_link_to_another_sources_local_site_is_refused(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    """The exception is the source's *own* origin: one local source cannot pivot to
    another local source's site, even when both are crawled together."""
    with RouteServer() as neighbour:
        neighbour.routes["/feed.xml"] = Route(
            rss([{"title": "Voisin", "link": neighbour.url("/news/b.html")}]).encode(), RSS
        )
        neighbour.routes["/news/b.html"] = Route(
            article_html("Page du voisin", name="Bélénos", event="un nouveau site").encode()
        )
        neighbour.routes["/private/only.html"] = Route(
            article_html(f"Privé {INTERNAL}", name=INTERNAL).encode()
        )
        server.routes["/news/a.html"] = Route(article_html("Page du site").encode())
        server.routes["/feed.xml"] = Route(
            rss(
                [
                    {"title": "Pivot", "link": neighbour.url("/private/only.html")},
                    {"title": "Page du site", "link": server.url("/news/a.html")},
                ]
            ).encode(),
            RSS,
        )
        settings = settings_for(
            [
                {"id": "a", "kind": "feed", "url": server.url("/feed.xml")},
                {"id": "b", "kind": "feed", "url": neighbour.url("/feed.xml")},
            ]
        )
        report = crawl(settings)
        assert neighbour.hits["/private/only.html"] == 0
    assert report.outcomes["a"].error is None and report.outcomes["b"].error is None
    nothing_stored_holds(settings, INTERNAL)
    assert stored_urls(settings) == sorted(
        [server.url("/news/a.html"), neighbour.url("/news/b.html")]
    )
    warning = refused_warning(settings, "a")
    assert warning.startswith("Refused links: 1 link from"), warning
    assert "/private/only.html" in warning
    assert refused_warning(settings, "b") == ""
