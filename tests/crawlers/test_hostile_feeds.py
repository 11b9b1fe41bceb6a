"""feedparser-style hostile feeds, crawled through the real entry point (a child process)
from a real local server: internal entity blow-ups at several sizes, and links to files,
other schemes, other local ports and a redirect to loopback.

Each crawl runs in a driver process of its own, whose only child is the crawl child, so
``RUSAGE_CHILDREN`` is that child's peak memory. The bounds are the ones stated in
docs/sources.md ("Hostile feeds"): a crawl of such a feed takes under 60 s and its
process peaks under 400 MB, and nothing it stores exceeds the text caps.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.document import TRUNCATION_NOTE
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.conftest import make_settings
from tests.crawlers.canaries import INTERNAL, SECRET, Canary
from tests.crawlers.pages import article_html, rss
from tests.crawlers.test_url_guard import nothing_stored_holds

RSS = "application/rss+xml; charset=utf-8"
# The bounds stated in docs/sources.md.
MAX_SECONDS = 60
MAX_PEAK_MB = 400
# Small caps, so that a blow-up the fix missed shows at once (and is cheap to store).
ENTRY_CAP = 5_000
DOCUMENT_CAP = 20_000
TITLE_CAP = 200

DRIVER = """
import json, resource, sys, time
from dataclasses import asdict
from myrtille.config.settings import Settings
from myrtille.crawlers.runner import run_crawl
from myrtille.store.database import open_database

settings = Settings.model_validate_json(sys.stdin.read())
database = open_database(settings.state_url)
started = time.monotonic()
report = run_crawl(settings, database, settings.sources)
seconds = time.monotonic() - started
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the crawl child's
print(json.dumps({
    "seconds": seconds,
    "peak_mb": peak_kib / 1024,
    "outcomes": {k: asdict(v) for k, v in report.outcomes.items()},
}))
"""


def measured_crawl(settings: Settings) -> dict[str, Any]:
    """Crawl every source of ``settings`` in a fresh driver; its time, the crawl child's
    peak resident memory, and the outcomes."""
    open_database(settings.state_url).dispose()  # migrated here, as `myrtille crawl` does
    done = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input=settings.model_dump_json(),
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS * 5,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def hostile_settings(data_dir: Path, url: str) -> Settings:
    return make_settings(
        data_dir,
        [{"id": "hostile", "kind": "feed", "url": url, "fetch_articles": True}],
        max_entry_text=ENTRY_CAP,
        max_document_text=DOCUMENT_CAP,
        max_title=TITLE_CAP,
    )


def entity_bomb(entity_chars: int, uses: int, *, extra_items: str = "") -> bytes:
    """One internal entity of ``entity_chars`` characters, used ``uses`` times in an
    entry's description and 50 times in its title, beside an ordinary entry."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<!DOCTYPE rss [\n<!ENTITY e "{"A" * entity_chars}">\n]>\n'
        '<rss version="2.0"><channel><title>Bombe</title><link>http://fixture.example/</link>'
        f"<item><title>{'&e;' * 50}</title><link>/bomb.html</link>"
        f"<description>{'&e;' * uses}</description></item>"
        "<item><title>Fusion &amp; acquisition chez Aérovolt &eacute;t&eacute;</title>"
        "<link>/ordinary.html</link>"
        "<description><![CDATA[<p>Caf&eacute; &amp; th&eacute; &lt;b&gt;</p>]]></description>"
        f"</item>{extra_items}</channel></rss>"
    ).encode()


def documents(settings: Settings) -> dict[str, Any]:
    database = open_database(settings.state_url)
    try:
        return {d.url: d for d in Intake(database).documents()}
    finally:
        database.dispose()


def assert_bounded(result: dict[str, Any]) -> None:
    assert result["seconds"] < MAX_SECONDS, result
    assert result["peak_mb"] < MAX_PEAK_MB, result


@pytest.fixture
def site() -> Iterator[RouteServer]:
    with RouteServer() as running:
        # Both article pages fail (404), so the feed's own text becomes the document.
        yield running


@pytest.mark.parametrize(
    ("entity_chars", "uses"),
    [
        (2_000, 2_000),  # 8 KB feed, 4 million characters once expanded
        (20_000, 4_000),  # 36 KB, 80 million
        (20_000, 20_000),  # the 80 KB feed: 400 million characters
        (20_000, 50_000),  # the 200 KB variant (MemoryError in the intake)
    ],
)
def test_an_entity_blow_up_is_not_expanded(
    site: RouteServer, tmp_path: Path, entity_chars: int, uses: int
) -> None:
    site.routes["/feed.xml"] = Route(entity_bomb(entity_chars, uses), RSS)
    settings = hostile_settings(tmp_path / "data", site.url("/feed.xml"))

    result = measured_crawl(settings)

    assert_bounded(result)
    outcome = result["outcomes"]["hostile"]
    assert outcome["error"] is None, outcome["error"]
    assert (outcome["found"], outcome["new"]) == (2, 2)
    assert any("DOCTYPE" in w and "ignored" in w for w in outcome["warnings"])
    stored = documents(settings)
    bomb, ordinary = stored[site.url("/bomb.html")], stored[site.url("/ordinary.html")]
    # The declared entity was never expanded: its references stay as written, and no
    # stored text comes near what an expansion would have made.
    assert "A" * 100 not in bomb.text and "A" * 100 not in bomb.title
    assert len(bomb.text) <= ENTRY_CAP + len(TRUNCATION_NOTE) + 10
    assert len(bomb.title) <= TITLE_CAP
    if len("&e" * uses) > ENTRY_CAP:  # each reference is kept as "&e"
        assert bomb.text.endswith(TRUNCATION_NOTE.format(limit=ENTRY_CAP))
    # Ordinary XML and HTML entities are still read.
    assert ordinary.title == "Fusion & acquisition chez Aérovolt été"
    assert ordinary.text == "Café & thé <b>"
    database_file = settings.data_dir / "myrtille.db"
    assert database_file.stat().st_size < 20 * 1024 * 1024


def test_a_long_page_and_a_long_title_are_capped(site: RouteServer, tmp_path: Path) -> None:
    long_page = article_html("T" * 5_000, name="Longtexte", paragraphs=400)
    site.routes["/long.html"] = Route(long_page.encode())
    site.routes["/feed.xml"] = Route(
        rss([{"title": "Long", "link": site.url("/long.html")}]).encode(), RSS
    )
    settings = hostile_settings(tmp_path / "data", site.url("/feed.xml"))

    assert_bounded(result := measured_crawl(settings))
    assert result["outcomes"]["hostile"]["new"] == 1
    document = documents(settings)[site.url("/long.html")]
    assert document.text.endswith(TRUNCATION_NOTE.format(limit=DOCUMENT_CAP))
    assert len(document.text) <= DOCUMENT_CAP + len(TRUNCATION_NOTE) + 10
    assert len(document.title) == TITLE_CAP and document.title.endswith("…")


def test_links_to_files_other_schemes_and_local_services_store_nothing(
    site: RouteServer, tmp_path: Path
) -> None:
    canary, ftp_canary = Canary(http=True), Canary(http=False)
    secret_file = tmp_path / "private" / "secret.html"
    secret_file.parent.mkdir()
    secret_file.write_text(article_html(f"Secret {SECRET}", name=SECRET), encoding="utf-8")
    internal = f"127.0.0.1:{canary.port}"
    # This machine's own name looks like any public host name, but resolves to loopback.
    public_looking = socket.gethostname()
    hostile = [
        f"file://{secret_file}",
        f"file://localhost{secret_file}",
        f"ftp://127.0.0.1:{ftp_canary.port}/secret.key",
        f"data:text/html,{article_html(f'Donnée {SECRET}', name=SECRET)}",
        f"javascript:fetch('http://{internal}/')",
        f"http://{internal}/internal/other-port",
        f"http://localhost:{canary.port}/internal/localhost",
        f"http://{public_looking}:{canary.port}/internal/by-name",
        # A link of the site itself that redirects, as link shorteners do, to loopback.
        site.url("/go/article-du-jour"),
    ]
    site.routes["/go/article-du-jour"] = Route(
        b"", status=302, headers={"Location": f"http://{internal}/internal/redirected"}
    )
    site.routes["/news/own.html"] = Route(article_html("Page du site").encode())
    items = "".join(
        f"<item><title>Piège {n}</title><link>{link.replace('&', '&amp;').replace('<', '&lt;')}"
        f"</link><description>Résumé {n}</description></item>"
        for n, link in enumerate(hostile)
    )
    items += f"<item><title>Page du site</title><link>{site.url('/news/own.html')}</link></item>"
    site.routes["/feed.xml"] = Route(entity_bomb(20_000, 20_000, extra_items=items), RSS)
    settings = hostile_settings(tmp_path / "data", site.url("/feed.xml"))
    try:
        result = measured_crawl(settings)
    finally:
        canary.close()
        ftp_canary.close()

    assert_bounded(result)
    assert canary.connections == 0 and ftp_canary.connections == 0
    nothing_stored_holds(settings, SECRET)
    nothing_stored_holds(settings, INTERNAL)
    # Only the site's own pages (here their feed text, as the pages are missing) are kept.
    own = {site.url(p) for p in ("/bomb.html", "/ordinary.html", "/news/own.html")}
    assert set(documents(settings)) == own
    outcome = result["outcomes"]["hostile"]
    assert outcome["error"] is None, outcome["error"]
    assert any(
        w.startswith(f"Refused links: {len(hostile)} links from") for w in outcome["warnings"]
    )
