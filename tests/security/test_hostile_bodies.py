"""Answers too big or too long to commit, made by a raw local server at test time and
crawled through the real entry point in one crawl child (measured): a feed of 100,000
entries, gzip and brotli bombs, a chunked body that never ends, a body that drips one byte
at a time, a 5-million-character title, and records APIs that page for ever or ignore
``limit``. Each is held by a setting: ``crawl.max_feed_entries``, ``crawl.max_size``,
``crawl.timeout``, ``crawl.max_title``, an open-data source's ``max_records``."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from myrtille.config.loading import load_settings
from myrtille.exceptions import ConfigError
from tests.conftest import make_settings
from tests.crawlers.test_hostile_feeds import documents, measured_crawl
from tests.security.corpus import CRAWL_PEAK_MB, READER_SECONDS, crash_in
from tests.security.hostile_server import (
    RSS_HEAD,
    HostileServer,
    brotli_bomb,
    endless_chunked,
    entries_feed,
    fixed,
    gzip_bomb,
    slow_drip,
)

# Long enough that, on a loaded machine, the endless body and the huge title still reach
# their caps before it; the slow drip alone waits it out.
TIMEOUT_S = 10
MAX_SIZE = 10 * 2**20  # the default
MAX_ENTRIES = 200
MAX_RECORDS = 250  # not a multiple of page_size: the last page asks for 50
# The crawl of every source below: the slow drip alone waits for its timeout.
CRAWL_SECONDS = 60


def records_page(total: Any, size_of: Any = None) -> Any:
    """An OpenDataSoft-like endpoint: ``total_count`` as given, fresh records at every
    offset, and 400 past offset + limit = 10,000 as the real API answers."""

    def write(conn: socket.socket, target: str) -> None:
        query = parse_qs(urlsplit(target).query)
        offset, limit = int(query["offset"][0]), int(query["limit"][0])
        if offset + limit > 10_000:
            fixed(b'{"error": "offset + limit > 10000"}', "application/json")(conn, target)
            return
        count = size_of(limit) if size_of else limit
        rows = [
            {"id": f"R{offset + n}", "familleavis_lib": "Ventes", "commercant": f"S{offset + n}"}
            for n in range(count)
        ]
        body = json.dumps({"total_count": total, "results": rows}).encode()
        fixed(body, "application/json")(conn, target)

    return write


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    huge_title = RSS_HEAD + b"<item><title>" + b"T" * 5_000_000 + b"</title>"
    huge_title += b"<link>https://news.example/t</link></item></channel></rss>"
    server = HostileServer(
        {
            "/entries.xml": fixed(entries_feed(100_000)),
            "/gzip-bomb.xml": fixed(gzip_bomb(), Content_Encoding="gzip"),
            "/brotli-bomb.xml": fixed(brotli_bomb(), Content_Encoding="br"),
            "/endless.xml": endless_chunked,
            "/drip.xml": slow_drip,
            "/title.xml": fixed(huge_title),
            "/records-forever": records_page(10**9),
            "/records-ignoring-limit": records_page(10**9, size_of=lambda limit: 5_000),
        }
    )
    yield server
    server.close()


@pytest.fixture(scope="module")
def crawled(hostile: HostileServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    feeds = ("entries", "gzip-bomb", "brotli-bomb", "endless", "drip", "title")
    sources: list[dict[str, Any]] = [
        {"id": name, "kind": "feed", "url": hostile.url(f"/{name}.xml"), "fetch_articles": False}
        for name in feeds
    ]
    sources += [
        {"id": name, "kind": "opendata", "preset": "bodacc", "url": hostile.url(f"/{name}"),
         "max_records": MAX_RECORDS}
        for name in ("records-forever", "records-ignoring-limit")
    ]  # fmt: skip
    settings = make_settings(
        tmp_path_factory.mktemp("hostile") / "data",
        sources,
        timeout=f"{TIMEOUT_S}s",
        max_size=MAX_SIZE,
        max_feed_entries=MAX_ENTRIES,
        max_title=200,
    )
    result = measured_crawl(settings)
    result["documents"] = documents(settings)
    return result


def outcome(crawled: dict[str, Any], source: str) -> dict[str, Any]:
    found = crawled["outcomes"][source]
    assert crash_in(found) is None, crash_in(found)
    return found


def test_the_whole_crawl_is_bounded(crawled: dict[str, Any]) -> None:
    assert crawled["seconds"] < CRAWL_SECONDS, crawled["seconds"]
    assert crawled["peak_mb"] < CRAWL_PEAK_MB, crawled["peak_mb"]


def test_a_feed_of_100000_entries_is_read_up_to_max_feed_entries(crawled: dict) -> None:
    # Regression (issue 15): feedparser built all 100,000 entries (20 s) and every one
    # became a document.
    found = outcome(crawled, "entries")
    assert found["error"] is None, found["error"]
    assert (found["found"], found["new"]) == (MAX_ENTRIES, MAX_ENTRIES)
    assert any(
        f"the feed has 100000 entries; only the first {MAX_ENTRIES} were read" in w
        for w in found["warnings"]
    ), found["warnings"]


@pytest.mark.parametrize("source", ["gzip-bomb", "brotli-bomb", "endless"])
def test_bombs_and_endless_bodies_stop_at_max_size(crawled: dict, source: str) -> None:
    # Regression (issue 15): the endless body was reported as "download cancelled", a
    # passing failure, instead of the size cap it passed.
    found = outcome(crawled, source)
    assert found["error"] and "larger than the size cap" in found["error"], found["error"]
    assert found["new"] == 0


def test_a_dripping_body_stops_at_the_timeout(crawled: dict) -> None:
    found = outcome(crawled, "drip")
    assert found["error"] and f"timed out after {TIMEOUT_S}s" in found["error"], found["error"]


def test_a_five_million_character_title_is_capped(crawled: dict) -> None:
    assert outcome(crawled, "title")["new"] == 1
    [document] = [d for d in crawled["documents"].values() if d.source_id == "title"]
    assert len(document.title) == 200 and document.title.endswith("…")


@pytest.mark.parametrize("source", ["records-forever", "records-ignoring-limit"])
def test_records_paging_stops_at_max_records(
    crawled: dict, hostile: HostileServer, source: str
) -> None:
    found = outcome(crawled, source)
    assert found["error"] is None, found["error"]
    assert found["new"] == MAX_RECORDS
    asked = [parse_qs(urlsplit(t).query) for t in hostile.requests if t.startswith(f"/{source}?")]
    # No page asks past max_records, whatever total_count claims.
    assert max(int(q["offset"][0]) + int(q["limit"][0]) for q in asked) == MAX_RECORDS


def test_max_records_cannot_pass_the_apis_paging_limit(tmp_path: Path) -> None:
    source = {"id": "o", "kind": "opendata", "preset": "bodacc", "url": "https://o.example/r"}
    with pytest.raises(ConfigError, match="max_records"):
        load_settings(
            None,
            env={},
            overrides={"data_dir": str(tmp_path), "sources": [{**source, "max_records": 20_000}]},
        )


BIG_SUMMARY_CHILD = """
import json, time
from myrtille.crawlers.feeds import parse_feed
from tests.security.hostile_server import big_summary_feed

body = big_summary_feed()
started = time.monotonic()
feed = parse_feed(body, "http://127.0.0.1:9/feed.xml", {"content-type": "application/rss+xml"})
print(json.dumps({"seconds": time.monotonic() - started, "bytes": len(body),
                  "summary": len(feed.entries[0].summary)}))
"""


def test_a_feed_with_a_seven_megabyte_description_is_read_within_the_reader_bound() -> None:
    # Regression (issue 15): feedparser's HTML sanitizer and link rewriting took 40 s on
    # this 7 MB description (under the 10 MB cap), stalling every source of the crawl.
    done = subprocess.run(
        [sys.executable, "-c", BIG_SUMMARY_CHILD],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["bytes"] > 6_000_000
    assert measured["seconds"] < READER_SECONDS, measured
    assert measured["summary"] <= 100_000 + 100  # crawl.max_entry_text's default
