"""``myrtille demo``: serve the demo site, collect it with the embedded defaults, show what
was collected."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from myrtille.config.loading import load_settings
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.corpus import load_corpus
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import BODACC_PATH, FEED_PATHS, DemoSite
from myrtille.pipeline.intake import Intake
from myrtille.reporting import CrawlProgress, print_crawl_report
from myrtille.store.database import open_database
from myrtille.store.schema import Document

DEMO_CONFIG = """\
# Written by `myrtille demo`: the demo news site on localhost, embedded defaults.
# Re-run the demo to refresh it (the port may change between runs).
data_dir: .
crawl:
  autothrottle: false          # a local site: no need to slow down
  concurrency_per_domain: 8
  timeout: 10s
sources:
  - id: eco-regions
    kind: feed
    name: "L'Éco des Régions (RSS)"
    url: {base}{rss}
  - id: industrie-hebdo
    kind: feed
    name: "Industrie Hebdo (Atom)"
    url: {base}{atom}
  - id: france-business-review
    kind: sitemap
    name: "France Business Review (Google News sitemap)"
    url: {base}{sitemap}
  - id: bodacc-demo
    kind: opendata
    preset: bodacc
    name: "BODACC (demo open-data API)"
    url: {base}{bodacc}
"""


def start_server(port: int, console: Console) -> RouteServer:
    try:
        server = RouteServer(port=port)
    except OSError:
        server = RouteServer(port=0)
        console.print(
            f"Port {port} is busy; the demo site uses port {server.port} instead.", markup=False
        )
    site = DemoSite(load_corpus(), server.base_url)
    server.routes.update(site.routes())
    return server.start()


def run_demo(console: Console, data_dir: Path, *, port: int, fresh: bool, serve: bool) -> int:
    if fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    server = start_server(port, console)
    try:
        console.print(
            f"Demo news site: {server.base_url}/ ({len(corpus.articles)} articles, "
            f"{len(corpus.notices)} notices)",
            markup=False,
        )
        config_path = data_dir / "demo.yaml"
        config_path.write_text(
            DEMO_CONFIG.format(
                base=server.base_url,
                rss=FEED_PATHS["eco-regions"],
                atom=FEED_PATHS["industrie-hebdo"],
                sitemap=FEED_PATHS["france-business-review"],
                bodacc=BODACC_PATH,
            ),
            encoding="utf-8",
        )
        # The demo shows the embedded defaults: the environment's settings are not used.
        settings = load_settings(config_path, env={})
        database = open_database(settings.state_url)
        with CrawlProgress(console, [s.id for s in settings.sources]) as progress:
            report = run_crawl(settings, database, settings.sources, on_event=progress.handle)
        print_crawl_report(console, report)
        print_collection(console, database)
        console.print(
            f"State: {data_dir.resolve()} · config: {config_path} · try "
            f"`myrtille --config {config_path} sources` or `… export`",
            markup=False,
        )
        if serve:
            console.print("Serving the demo site; Ctrl-C to stop.", markup=False)
            while True:
                time.sleep(3600)
        return 1 if report.failed else 0
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()


def print_collection(console: Console, database) -> None:  # type: ignore[no-untyped-def]
    intake = Intake(database)
    documents = list(intake.documents())
    by_source = Counter(d.source_id for d in documents)
    by_language = Counter(d.language or "?" for d in documents)
    by_extraction = Counter(d.extraction for d in documents)
    table = Table(
        title=f"Collected: {len(documents)} documents in the intake", title_justify="left"
    )
    table.add_column("source")
    table.add_column("documents", justify="right")
    for source, count in sorted(by_source.items()):
        table.add_row(source, str(count))
    console.print(table)
    console.print(
        "Languages: "
        + ", ".join(f"{k} {v}" for k, v in by_language.most_common())
        + " · text from: "
        + ", ".join(f"{k} {v}" for k, v in by_extraction.items()),
        markup=False,
    )
    with database.session() as session:
        shared = session.execute(
            select(Document.cluster_id, func.count())
            .group_by(Document.cluster_id)
            .having(func.count() > 1)
        ).all()
    titles = {d.id: d for d in documents}
    if shared:
        console.print(
            f"Stories reported by several sources ({len(shared)} clusters):", markup=False
        )
        for cluster_id, count in shared:
            members = [d for d in documents if d.cluster_id == cluster_id]
            lead = titles.get(cluster_id) or members[0]
            sources = ", ".join(sorted({m.source_id for m in members}))
            console.print(f"  • {lead.title} — {count} documents ({sources})", markup=False)
    samples = sorted(documents, key=lambda d: d.published_at or d.collected_at, reverse=True)[:5]
    console.print("Latest:", markup=False)
    for doc in samples:
        date = f"{doc.published_at:%Y-%m-%d}" if doc.published_at else "undated"
        console.print(f"  {date}  [{doc.source_id}] {doc.title}", markup=False)
