"""``myrtille demo``: the whole service (scheduler and web UI) on the demo news site, with
a newsroom that keeps publishing articles, so that alerts visibly arrive.

The demo collects the site once, then starts the service. Once the service has enriched
that first collection, the demo subscriptions are created (so that alerts are about news,
not the back catalogue) and the newsroom publishes an upcoming article every ``every``
seconds; the service's own jobs crawl, enrich, match and deliver it.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from urllib.parse import quote

from rich.console import Console

from myrtille.config.loading import SMTP_ENV, load_settings
from myrtille.config.settings import Settings
from myrtille.demo.config import open_site, usable_port, write_config
from myrtille.demo.corpus import data_file, load_corpus, load_upcoming
from myrtille.demo.mailwatch import MailFolder, SentOutbox
from myrtille.demo.newsroom import STATE_NAME, Newsroom
from myrtille.demo.subscribers import SUBSCRIPTIONS, AgentAccess, ensure_agent
from myrtille.store.database import Database, open_database

log = logging.getLogger("myrtille.demo")

# The service's job intervals while the demo runs (its config file), unless the
# environment sets them: short, so that a published article is mailed within seconds.
JOB_SECONDS = 5
SERVICE_ENV_PREFIX = "MYRTILLE_SERVICE__"
EXAMPLE_QUERIES = (
    "event:acquisition region:occitanie",
    "company:Cellvia",
    "sector:energy event:contract",
    '"levée de fonds"',
)


@dataclass(frozen=True)
class LiveOptions:
    site_port: int = 8642
    ui_port: int = 8000
    every: float = 45.0  # seconds between two published articles
    poll: int = 15  # seconds between two polls of each demo source
    duration: float | None = None  # stop after this many seconds
    fresh: bool = False
    access_log: bool = False  # one line per HTTP request of the web UI


def _interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run_live_demo(console: Console, data_dir: Path, options: LiveOptions) -> int:
    from myrtille.crawlers.runner import run_crawl
    from myrtille.enrichment.registry import import_sirene
    from myrtille.reporting import CrawlProgress, print_crawl_report
    from myrtille.service.runner import run_service

    started = time.monotonic()
    # Until the service takes over the signals, SIGTERM ends the demo as Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    if options.fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    server = open_site(options.site_port, console)
    newsroom = Newsroom(server, corpus, load_upcoming(), data_dir / STATE_NAME)
    newsroom.serve()
    server.start()
    try:
        ui_port = usable_port(options.ui_port, console, "the web UI")
        ui_url = f"http://127.0.0.1:{ui_port}"
        config_path = write_config(
            data_dir,
            corpus,
            server.base_url,
            interval=f"{options.poll}s",
            notices_interval="10m",
            public_url=ui_url,
            job_interval=f"{min(JOB_SECONDS, options.poll)}s",
        )
        # Embedded defaults, except an SMTP server the user may name to receive the alerts
        # and the service's job intervals.
        settings = load_settings(
            config_path,
            env={
                k: v
                for k, v in os.environ.items()
                if k in SMTP_ENV or k.startswith(SERVICE_ENV_PREFIX)
            },
        )
        database = open_database(settings.state_url)
        console.print(
            f"Demo news site: {server.base_url}/ ({len(corpus.articles)} articles, "
            f"{len(corpus.notices)} notices; {newsroom.remaining} more to come)",
            markup=False,
        )
        import_sirene(database, Path(str(data_file("sirene_demo.csv"))))
        with CrawlProgress(console, [s.id for s in settings.sources]) as progress:
            report = run_crawl(settings, database, settings.sources, on_event=progress.handle)
        print_crawl_report(console, report)
        access = ensure_agent(database)
        # With jobs this frequent, "skipped: an instance is still running" is no news.
        logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
        # The demo's narration shows each email once, with its file: not the channel's log too.
        logging.getLogger("myrtille.alerts.smtp").setLevel(logging.WARNING)
        # Its "consent recorded by the operator" line says what the operator warning would.
        logging.getLogger("myrtille.alerts.subscriptions").setLevel(logging.ERROR)
        demo = LiveDemo(console, settings, database, newsroom, access, ui_url, options, started)
        code = run_service(
            settings,
            database,
            "127.0.0.1",
            ui_port,
            on_serving=demo.on_serving,
            access_log=options.access_log,
        )
        demo.stopping.set()
        console.print(
            f"Demo stopped. State kept in {data_dir}: run it again to go on, "
            "or with --fresh to start over.",
            markup=False,
        )
        return code
    except KeyboardInterrupt:
        console.print("Demo stopped before the service started.", markup=False)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()


class LiveDemo:
    """What runs beside the service: the console's story, the newsroom's clock, the end
    of ``--duration``."""

    def __init__(
        self,
        console: Console,
        settings: Settings,
        database: Database,
        newsroom: Newsroom,
        access: AgentAccess,
        ui_url: str,
        options: LiveOptions,
        started: float,
    ) -> None:
        self.console = console
        self.settings = settings
        self.database = database
        self.newsroom = newsroom
        self.access = access
        self.ui_url = ui_url
        self.options = options
        self.deadline = started + options.duration if options.duration else math.inf
        self.stopping = threading.Event()
        self.smtp = bool(settings.email.smtp_host)
        self.mail_folder = settings.data_dir / "mail"
        # Watching starts now: messages of a previous run are not shown again.
        self.deliveries = SentOutbox(database) if self.smtp else MailFolder(self.mail_folder)
        self.ready = False  # the first collection is enriched, the subscriptions exist
        self.next_article = math.inf
        self.shown: tuple[int, int] | None = None

    def say(self, text: str) -> None:
        self.console.print(text, markup=False)

    def on_serving(self, stop: Callable[[], None]) -> None:
        """The service's hook, in its own thread, once the web UI answers."""
        self.welcome()
        tick = min(1.0, self.options.every / 2)
        while not self.stopping.wait(tick):
            if time.monotonic() >= self.deadline:
                self.say(f"--duration {self.options.duration:g} s is over: stopping.")
                stop()
                return
            try:
                self.step(time.monotonic())
            except Exception:
                # The demo's narration must not take the service down; say it and go on.
                log.exception("the demo's newsroom or watch failed; trying again")

    def step(self, now: float) -> None:
        for line in self.deliveries.new():
            self.say(line)
        if not self.ready:
            waiting, done = self.backlog()
            if waiting:
                if (waiting, done) != self.shown:
                    self.say(f"Enriching the first collection: {done} done, {waiting} to go")
                    self.shown = (waiting, done)
                return
            self.ready = True
            self.subscribe(done)
            self.next_article = now + self.options.every
        elif now >= self.next_article:
            self.next_article = self.publish(now)

    def welcome(self) -> None:
        url = self.ui_url
        self.say("")
        self.say(f"Myrtille is running. Web UI: {url}/search")
        self.say(
            f"  Sign in at {url}/signin as '{self.access.name}' "
            f"with the password {self.access.password}"
        )
        if self.access.api_key:
            self.say(f"  REST API key of '{self.access.name}' (shown once): {self.access.api_key}")
        for query in EXAMPLE_QUERIES:
            self.say(f"  Try: {url}/search?q={quote(query)}")
        if self.smtp:
            where = f"sent through {self.settings.email.smtp_host}:{self.settings.email.smtp_port}"
        else:
            where = (
                f"written as .eml files to {self.mail_folder} "
                "(no SMTP server: set MYRTILLE_SMTP_HOST and MYRTILLE_SMTP_PORT to send them)"
            )
        self.say(f"  Alert emails are {where}")
        self.say("  Ctrl-C stops everything.")
        self.say("")

    def backlog(self) -> tuple[int, int]:
        from myrtille.pipeline.intake import Intake

        counts = Intake(self.database).counts()
        return counts.get("pending", 0) + counts.get("claimed", 0), counts.get("done", 0)

    def subscribe(self, documents: int) -> None:
        from myrtille.alerts.tokens import secret_key
        from myrtille.demo.subscribers import ensure_subscriptions

        secret = secret_key(self.settings.secret_key, self.settings.data_dir)
        created = ensure_subscriptions(self.database, secret)
        self.say(f"Index ready: {documents} documents enriched and searchable.")
        self.say(
            f"Demo subscriptions ({created} new, consent recorded by the operator); "
            "daily digests go out at "
            f"{self.settings.email.digest_time} ({self.settings.email.timezone}):"
        )
        for wanted in SUBSCRIPTIONS:
            self.say(f"  {wanted.email:<32} {wanted.frequency:<9} {wanted.query}")
        config = self.settings.config_path
        self.say(f"  A digest now: myrtille --config {config} digest --frequency daily --now")
        remaining = self.newsroom.remaining
        if remaining:
            self.say(
                f"The newsroom publishes a new article every {self.options.every:g} s "
                f"({remaining} to come)."
            )

    def publish(self, now: float) -> float:
        """Publish the next article; returns when to publish the one after."""
        article = self.newsroom.publish_next()
        if article is None:
            self.say(
                "The newsroom has published all its upcoming articles; the service keeps "
                "running (restart with --fresh to see them again)."
            )
            return math.inf
        self.say(
            f"📰 published in {article.outlet}: {article.title}  ({self.newsroom.url(article)})"
        )
        return now + self.options.every
