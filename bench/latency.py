"""Publish -> alert email: how long a new article takes to reach a subscriber's mailbox.

``myrtille run`` (a subprocess, as an operator starts it) watches the demo site's
eco-regions feed, polled every ``--poll`` seconds as in the demo; a subscriber asks for
every article whose title has a bench word. One at a time, ``--articles`` new articles are
published in the feed, each after a random wait of up to one poll interval (so that
publishing falls anywhere in the poll cycle), and the time from publishing to the email
arriving at a local aiosmtpd server is measured. The peer is the poll interval itself:
no alert can come sooner than the next poll, so ``aim_ratio`` = p95 ÷ (poll + 10 s), the
aim of issue 16, is at most 1 when the stages hand work over at once.

    .venv/bin/python bench/latency.py [--articles 20] [--poll 15] [--job-interval 5]
    .venv/bin/python bench/latency.py --tree /path/to/older/checkout   # the same, before

``--job-interval`` is the interval of the crawl job (and, unless ``--handoff-interval``
says otherwise, of processing and dispatch): the demo uses min(5 s, poll). Checks: each
article alerts exactly once, and the pre-existing articles never.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from bench.benchlib import check, log, report  # noqa: E402
from myrtille.demo.corpus import Article, load_corpus  # noqa: E402
from myrtille.demo.httpserver import RouteServer  # noqa: E402
from myrtille.demo.site import FEED_PATHS, DemoSite  # noqa: E402
from myrtille.pipeline.intake import Intake  # noqa: E402
from myrtille.store.database import open_database  # noqa: E402

WORD = "Myrtillebench"
SECRET = "a benchmark secret, long enough"
NUMBER = re.compile(rf"{WORD} (\d+)")


class Mailbox:
    """An SMTP server that notes when each bench alert arrived."""

    def __init__(self) -> None:
        self.arrived: dict[int, list[float]] = {}
        self.strays = 0

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        found = NUMBER.search(str(message["Subject"]))
        if found:
            self.arrived.setdefault(int(found.group(1)), []).append(time.monotonic())
        else:
            self.strays += 1
        return "250 OK"


def article(n: int, vocabulary: list[str]) -> Article:
    """A new article; its text drawn from the corpus's words, so that no two are near
    duplicates (the intake would fold them into one story)."""
    rng = random.Random(n)
    sentences = [" ".join(rng.choices(vocabulary, k=14)).capitalize() + "." for _ in range(8)]
    return Article(
        slug=f"myrtillebench-{n}",
        outlet="eco-regions",
        language="fr",
        title=f"Aérovolt signe un contrat {WORD} {n} à Toulouse",
        author="Bench",
        published=datetime.now(UTC),
        summary=sentences[0],
        body=" ".join(sentences[:4]) + "\n\n" + " ".join(sentences[4:]),
        story=None,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--poll", type=int, default=15)
    parser.add_argument("--job-interval", type=int, default=5)
    parser.add_argument("--handoff-interval", type=str, default=None)
    parser.add_argument("--tree", type=Path, default=None, help="run the service from there")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    corpus = load_corpus()
    jobs = f"{args.job_interval}s"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYRTILLE")} | {
        "MYRTILLE_SERVICE__CRAWL_INTERVAL": jobs,
        "MYRTILLE_SERVICE__PROCESS_INTERVAL": args.handoff_interval or jobs,
        "MYRTILLE_SERVICE__DISPATCH_INTERVAL": args.handoff_interval or jobs,
    }
    if args.tree is not None:
        env["PYTHONPATH"] = str(args.tree.resolve())
    latencies: list[float] = []
    try:
        with tempfile.TemporaryDirectory(prefix="myrtille-latency-") as tmp, RouteServer() as site:
            site.routes.update(DemoSite(corpus, site.base_url).routes())
            data_dir = Path(tmp) / "data"
            config = Path(tmp) / "myrtille.yaml"
            config.write_text(
                f'data_dir: {data_dir}\nsecret_key: "{SECRET}"\n'
                "crawl:\n  autothrottle: false\n  concurrency_per_domain: 8\n"
                "sources:\n  - id: eco-regions\n    kind: feed\n"
                f"    url: {site.url(FEED_PATHS['eco-regions'])}\n    interval: {args.poll}s\n"
                f"email:\n  smtp_host: 127.0.0.1\n  smtp_port: {smtp_port}\n",
                encoding="utf-8",
            )
            base = [sys.executable, "-m", "myrtille", "--config", str(config)]
            subprocess.run(
                [
                    *base,
                    "subscribe",
                    "--email",
                    "pme@exemple.fr",
                    "--query",
                    f"title:{WORD.lower()}",
                    "--confirmed",
                ],
                env=env,
                check=True,
                capture_output=True,
                timeout=120,
            )
            service_log = Path(tmp) / "service.log"
            with service_log.open("wb") as output:
                service = subprocess.Popen(
                    [*base, "run", "--port", str(free_port())],
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                )
            try:
                database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
                intake = Intake(database)
                expected = len(corpus.articles_of("eco-regions"))
                log("waiting for the first crawl to be processed…")
                deadline = time.monotonic() + 600
                while intake.counts().get("done", 0) < expected:
                    if service.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(service_log.read_text()[-4000:])
                    time.sleep(0.5)
                database.dispose()
                published = list(corpus.articles)
                vocabulary = sorted(
                    {w for a in corpus.articles for w in re.findall(r"[a-zéèêàç]{4,}", a.body)}
                )
                for n in range(args.articles):
                    time.sleep(rng.uniform(0, args.poll))
                    published.append(article(n, vocabulary))
                    site.routes.update(
                        DemoSite(replace(corpus, articles=published), site.base_url).routes()
                    )
                    at = time.monotonic()
                    while n not in mailbox.arrived:
                        if time.monotonic() - at > 300 or service.poll() is not None:
                            crawl_log = data_dir / "logs" / "crawl.log"
                            raise SystemExit(
                                service_log.read_text()[-3000:] + crawl_log.read_text()[-3000:]
                            )
                        time.sleep(0.05)
                    latencies.append(mailbox.arrived[n][0] - at)
                    log(f"article {n}: {latencies[-1]:.1f} s")
                time.sleep(2)  # a late duplicate would arrive by now
            finally:
                service.send_signal(signal.SIGTERM)
                service.wait(timeout=120)
    finally:
        controller.stop()
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    aim = args.poll + 10
    results: dict[str, object] = {
        "articles": args.articles,
        "poll_seconds": args.poll,
        "job_interval_seconds": args.job_interval,
        "handoff_interval": args.handoff_interval or jobs,
        "p50_seconds": round(statistics.median(ordered), 1),
        "p95_seconds": round(p95, 1),
        "max_seconds": round(ordered[-1], 1),
        "aim_seconds": aim,
        "aim_ratio": round(p95 / aim, 3),
    }
    passed = check(
        {
            "each article alerted once": all(len(v) == 1 for v in mailbox.arrived.values()),
            "no other alert": mailbox.strays == 0,
        }
    )
    report(results, as_json=args.json)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
