"""Conditional re-polling of many feeds: what our crawl costs when almost nothing changed.

What it measures
    A local server (127.0.0.1) serves N small RSS feeds (``--feeds``, default 1,000; each
    with ``--entries`` entries, default 5, whose article pages it also serves), configured
    as N ``feed`` sources ``feed-0000``…, with ``fetch_articles: false`` unless
    ``--articles`` is given (the entries are stored from the feed, as a feed reader does).
    A first crawl primes the state database (ETags, seen URLs); its time is printed but is
    not the result. Then ``--changed`` (default 10%) of the feeds get one new entry each
    (new body, so a new ETag) and all N are crawled again through ``run_crawl`` (child
    process, Scrapy, state database, feed parsing, intake of the new entries; with
    ``--articles`` also fetching and extracting their pages): that re-poll is the result,
    in feeds/s. About 90% of the feeds must answer 304 and only the new entries' pages may
    be fetched (none without ``--articles``); the script checks both (from the crawl report
    and the server's hit counts) and exits non-zero when a check fails.

Peer (same run, same feeds, interleaved)
    rss2email 3.14 (bench/rss2email_peer.py): sequential, single-threaded, conditional
    GETs with its stored validators, one email per new entry sent over SMTP to a local
    aiosmtpd server. Primed once without mail after our priming crawl; each round then
    runs ours (one-shot and resident), rss2email and the bare spider on the same changed
    feeds, in an order that rotates from round to round. ``ratio_vs_rss2email`` = our
    feeds/s ÷ rss2email's (≥ 1 is the aim); checks: one email per new entry, each feed
    fetched once with its ETag.

Ours twice: one-shot and resident
    ``ratio_vs_rss2email`` times ``run_crawl`` as ``myrtille crawl`` runs it: a fresh crawl
    child per crawl, whose start-up (Python, Scrapy, the settings) is part of the result.
    ``resident_ratio_vs_rss2email`` times the same re-poll through the warm crawl child that
    ``myrtille run`` and the crawl workers keep (crawlers/resident.py: one process forked
    per crawl from a child that loaded all that once), on a second state database primed
    the same way, so that both see the same changed feeds each round.

Baseline (same run, same machine)
    bench/bare_spider.py: a plain ``scrapy.Spider`` in its own process (``CrawlerProcess``,
    the same Scrapy settings: concurrency, timeouts, no robots.txt; no item pipeline) that
    sends the same N conditional GETs with the same If-None-Match / If-Modified-Since
    headers and ignores the answers. Both are timed wall-clock, process start to exit.

Settings
    autothrottle off, no retries, no robots.txt, concurrency 32 and 32 per domain: the
    benchmark measures our code, not politeness delays (all feeds are on one host here).

How to read the output
    ``ratio`` = our re-poll feeds/s ÷ the bare spider's feeds/s. Below 1 is expected: the
    gap is our bookkeeping (child start-up and imports, one Scrapy crawler per source,
    state reads and writes per source, parsing the changed feeds, fetching, extracting and
    storing their new entries). ``fixed_cost_seconds`` is a crawl of one empty feed (what
    any crawl pays once, mostly the child's start-up); ``repoll_first_started_seconds``
    is when the re-poll's child announced its first source. ``repoll_ms_per_source`` =
    (re-poll − fixed cost) ÷ N, to set against ``bare_ms_per_feed`` = the bare spider's
    crawl time (spider open to close, without its start-up) ÷ N: their quotient
    ``per_source_cost_ratio`` is how much dearer one source is for us, start-up aside.
    With ``--repeats`` > 1, a different 10% changes each time and medians are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchlib
from repoll_feeds import Feeds
from rss2email_peer import PeerRun, Rss2Email, check_peer

from myrtille.config.settings import Settings
from myrtille.crawlers.resident import ResidentCrawler
from myrtille.crawlers.scrapy_settings import scrapy_settings
from myrtille.demo.httpserver import RouteServer
from myrtille.store.database import open_database

BARE_SPIDER = Path(__file__).resolve().parent / "bare_spider.py"


@dataclass
class BareRun:
    seconds: float
    crawl_seconds: float
    statuses: dict[str, int]
    errors: int


def run_bare(settings: Settings, plan: list[list[str]], work_dir: Path) -> BareRun:
    """The bare spider over ``plan`` ([url, etag, last_modified]) in a child process."""
    # The bare spider's URLs stand for operator-written ones (the URL rule lets them be local).
    scrapy = scrapy_settings(settings.crawl, work_dir / "bare.log", [url for url, *_ in plan])
    scrapy["ITEM_PIPELINES"] = {}
    scrapy["ROBOTSTXT_OBEY"] = False
    plan_file = work_dir / "bare-plan.json"
    plan_file.write_text(json.dumps({"settings": scrapy, "requests": plan}), encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(BARE_SPIDER), str(plan_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"the bare spider failed ({done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return BareRun(seconds, result["crawl_seconds"], result["statuses"], result["errors"])


def timed_resident(resident: ResidentCrawler, settings: Settings) -> benchlib.CrawlTiming:
    """One crawl of every source through the warm child, timed as ``timed_crawl`` is."""
    first_started: list[float] = []

    def on_event(event: dict[str, Any]) -> None:
        if event.get("event") == "source_started" and not first_started:
            first_started.append(time.perf_counter())

    start = time.perf_counter()
    report = resident.crawl(settings.sources, on_event=on_event)
    seconds = time.perf_counter() - start
    started = first_started[0] - start if first_started else None
    return benchlib.CrawlTiming(seconds, report, started)


def check_prime(timing: benchlib.CrawlTiming, feeds: Feeds) -> bool:
    outcomes = timing.report.outcomes.values()
    errors = [o.error for o in outcomes if o.error]
    return benchlib.check(
        {
            f"prime: no source failed ({len(errors)} failed: {errors[:2]})": not errors,
            f"prime: every entry stored ({timing.report.new}/{sum(feeds.counts)})": (
                timing.report.new == sum(feeds.counts)
            ),
        }
    )


def check_repoll(
    timing: benchlib.CrawlTiming,
    server: RouteServer,
    changed: set[str],
    new_pages: set[str],
    sent: dict[str, tuple[str, str]],
) -> bool:
    """304s, the new pages and nothing else were fetched, with the stored validators."""
    outcomes = timing.report.outcomes
    feed_count = len(outcomes)
    not_modified = sum(o.not_modified for o in outcomes.values())
    errors = [o.error for o in outcomes.values() if o.error]
    new_by_feed = {sid for sid, o in outcomes.items() if o.new == 1}
    feed_hits = {p: n for p, n in server.hits.items() if p.startswith("/feeds/")}
    page_hits = {p: n for p, n in server.hits.items() if p.startswith("/articles/")}
    wrong_headers = sum(
        1
        for request in server.requests
        if request.path in sent and request.headers.get("if-none-match") != sent[request.path][0]
    )
    expected_changed = {f"feed-{int(Path(p).stem):04d}" for p in changed}
    return benchlib.check(
        {
            f"re-poll: no source failed ({len(errors)} failed: {errors[:2]})": not errors,
            f"re-poll: {not_modified}/{feed_count} feeds not modified (expected "
            f"{feed_count - len(changed)})": not_modified == feed_count - len(changed),
            f"re-poll: one new document from each changed feed ({len(new_by_feed)}"
            f"/{len(changed)}), {timing.report.new} in all": new_by_feed == expected_changed
            and timing.report.new == len(changed),
            f"re-poll: each feed fetched once ({len(feed_hits)} feeds, "
            f"{sum(feed_hits.values())} requests)": len(feed_hits) == feed_count
            and set(feed_hits.values()) == {1},
            f"re-poll: only the new entries' pages fetched ({sum(page_hits.values())} "
            f"requests for {len(new_pages)} new pages)": set(page_hits) == new_pages
            and all(n == 1 for n in page_hits.values()),
            f"re-poll: every feed request sent the stored ETag ({wrong_headers} did not)": (
                wrong_headers == 0
            ),
        }
    )


def check_bare(bare: BareRun, feed_count: int, changed: int) -> bool:
    return benchlib.check(
        {
            f"bare: {bare.statuses.get('304', 0)} x 304 and {bare.statuses.get('200', 0)} x 200 "
            f"(expected {feed_count - changed} and {changed}), {bare.errors} errors": (
                bare.statuses == {"304": feed_count - changed, "200": changed} and bare.errors == 0
            ),
        }
    )


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000, help="number of feeds (1000)")
    parser.add_argument("--entries", type=int, default=5, help="entries per feed (5)")
    parser.add_argument("--changed", type=float, default=0.10, help="share of feeds changed (0.10)")
    parser.add_argument("--repeats", type=int, default=1, help="timed re-polls (1)")
    parser.add_argument("--seed", type=int, default=7, help="which feeds change")
    parser.add_argument(
        "--articles", action="store_true", help="also fetch the new entries' pages (off)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    rng = random.Random(args.seed)
    changed_per_round = max(1, round(args.feeds * args.changed))
    if changed_per_round * args.repeats > args.feeds:
        raise SystemExit("--changed × --repeats must not exceed 1")
    ours: list[benchlib.CrawlTiming] = []
    warm: list[benchlib.CrawlTiming] = []
    bares: list[BareRun] = []
    peers: list[PeerRun] = []
    passed = True
    with (
        contextlib.ExitStack() as stack,
        RouteServer() as server,
        tempfile.TemporaryDirectory(prefix="myrtille-bench-") as tmp,
    ):
        feeds = Feeds(server, [args.entries] * args.feeds, args.articles)
        feeds.publish_all()
        fixed = benchlib.fixed_cost(server)
        benchlib.log(f"fixed cost (crawl of one empty feed): {fixed:.2f}s")
        settings = benchlib.make_settings(Path(tmp) / "data", feeds.sources())
        server.hits.clear()
        prime = benchlib.timed_crawl(settings)
        benchlib.log(
            f"prime crawl: {args.feeds} feeds, {prime.report.new} pages in {prime.seconds:.1f}s"
        )
        passed &= check_prime(prime, feeds)
        urls = {str(s["id"]): str(s["url"]) for s in feeds.sources()}
        warm_settings = benchlib.make_settings(Path(tmp) / "warm", feeds.sources())
        warm_database = open_database(warm_settings.state_url)
        stack.callback(warm_database.dispose)
        resident = ResidentCrawler(warm_settings, warm_database)
        stack.callback(resident.close)
        server.hits.clear()
        warm_prime = timed_resident(resident, warm_settings)
        benchlib.log(f"resident child prime: {warm_prime.seconds:.1f}s")
        passed &= check_prime(warm_prime, feeds)
        r2e = stack.enter_context(Rss2Email(Path(tmp), urls))
        benchlib.log(f"rss2email prime (no mail): {r2e.prime():.1f}s")
        untouched = list(range(args.feeds))
        rng.shuffle(untouched)
        for round_ in range(args.repeats):
            picked = [untouched.pop() for _ in range(changed_per_round)]
            sent = feeds.validators()
            plan = [[server.url(path), etag, modified] for path, (etag, modified) in sent.items()]
            new_pages = {feeds.add_entry(feed) for feed in picked}
            changed = {Feeds.feed_path(feed) for feed in picked}
            if not args.articles:
                new_pages = set()
            # Rotate which runs first, so none always gets the warmer machine.
            order = ["ours", "rss2email", "resident", "bare"]
            for which in order[round_ % 4 :] + order[: round_ % 4]:
                server.hits.clear()
                server.requests.clear()
                if which == "ours":
                    timing = benchlib.timed_crawl(settings)
                    ours.append(timing)
                    benchlib.log(
                        f"re-poll {round_ + 1}: {timing.seconds:.2f}s "
                        f"(first source started at {timing.first_started_seconds or 0:.2f}s)"
                    )
                    passed &= check_repoll(timing, server, changed, new_pages, sent)
                elif which == "resident":
                    timing = timed_resident(resident, warm_settings)
                    warm.append(timing)
                    benchlib.log(f"resident re-poll {round_ + 1}: {timing.seconds:.2f}s")
                    passed &= check_repoll(timing, server, changed, new_pages, sent)
                elif which == "rss2email":
                    peer = r2e.repoll()
                    peers.append(peer)
                    benchlib.log(f"rss2email {round_ + 1}: {peer.seconds:.2f}s")
                    passed &= check_peer(peer, server, changed, sent)
                else:
                    bare = run_bare(settings, plan, Path(tmp))
                    bares.append(bare)
                    benchlib.log(
                        f"bare spider {round_ + 1}: {bare.seconds:.2f}s "
                        f"(crawl {bare.crawl_seconds:.2f}s)"
                    )
                    passed &= check_bare(bare, args.feeds, len(picked))
    ours_s = benchlib.median([t.seconds for t in ours])
    bare_s = benchlib.median([b.seconds for b in bares])
    warm_s = benchlib.median([t.seconds for t in warm])
    peer_s = benchlib.median([p.seconds for p in peers])
    bare_crawl_s = benchlib.median([b.crawl_seconds for b in bares])
    per_source_ms = max(ours_s - fixed, 0.0) / args.feeds * 1000
    bare_ms = max(bare_crawl_s, 1e-6) / args.feeds * 1000
    results: dict[str, Any] = {
        "feeds": args.feeds,
        "changed_feeds": changed_per_round,
        "article_pages": args.articles,
        "repeats": args.repeats,
        "fixed_cost_seconds": fixed,
        "prime_seconds": prime.seconds,
        "repoll_seconds": ours_s,
        "repoll_first_started_seconds": benchlib.median(
            [t.first_started_seconds or 0.0 for t in ours]
        ),
        "repoll_feeds_per_s": args.feeds / ours_s,
        "repoll_ms_per_source": per_source_ms,
        "rss2email_seconds": peer_s,
        "rss2email_feeds_per_s": args.feeds / peer_s,
        "ratio_vs_rss2email": peer_s / ours_s,
        "resident_repoll_seconds": warm_s,
        "resident_feeds_per_s": args.feeds / warm_s,
        "resident_ratio_vs_rss2email": peer_s / warm_s,
        "bare_seconds": bare_s,
        "bare_crawl_seconds": bare_crawl_s,
        "bare_feeds_per_s": args.feeds / bare_s,
        "bare_ms_per_feed": bare_ms,
        "per_source_cost_ratio": per_source_ms / bare_ms,
        "ratio": (args.feeds / ours_s) / (args.feeds / bare_s),
        "checks": "passed" if passed else "FAILED",
    }
    benchlib.report(results, as_json=args.json)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
