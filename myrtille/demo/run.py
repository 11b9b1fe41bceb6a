"""``myrtille demo --once``: serve the demo site, collect and enrich it once with the
embedded defaults, show what was collected."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.config import open_site, write_config
from myrtille.demo.corpus import data_file, load_corpus
from myrtille.demo.site import DemoSite
from myrtille.pipeline.intake import Intake
from myrtille.reporting import CrawlProgress, print_crawl_report
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Document, Enrichment


def collect_once(console: Console, data_dir: Path, *, port: int, fresh: bool, serve: bool) -> int:
    if fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    server = open_site(port, console)
    server.routes.update(DemoSite(corpus, server.base_url).routes())
    server.start()
    try:
        console.print(
            f"Demo news site: {server.base_url}/ ({len(corpus.articles)} articles, "
            f"{len(corpus.notices)} notices)",
            markup=False,
        )
        config_path = write_config(data_dir, corpus, server.base_url)
        # The demo shows the embedded defaults: the environment's settings are not used.
        settings = load_settings(config_path, env={})
        database = open_database(settings.state_url)
        with CrawlProgress(console, [s.id for s in settings.sources]) as progress:
            report = run_crawl(settings, database, settings.sources, on_event=progress.handle)
        print_crawl_report(console, report)
        print_collection(console, database)
        enrich(console, settings, database)
        console.print(
            f"State: {data_dir.resolve()} · config: {config_path} · try `myrtille --config "
            f"{config_path} search 'event:acquisition region:occitanie' --facets`",
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


def enrich(console: Console, settings: Settings, database: Database) -> None:
    """Import the demo Sirene file, enrich the intake, show what was found."""
    from myrtille.enrichment.registry import import_sirene
    from myrtille.index.factory import open_index
    from myrtille.service.processing import ProcessingStage

    imported = import_sirene(database, Path(str(data_file("sirene_demo.csv"))))
    console.print(
        f"Company registry: {imported.imported} Sirene units imported "
        f"({imported.ceased} ceased) + {len(settings.companies)} in the watchlist",
        markup=False,
    )
    stage = ProcessingStage(settings, database, index=open_index(settings))
    with console.status("Enriching (loading the French and English spaCy models)…"):
        report = stage.run()
    languages = ", ".join(f"{k} {v}" for k, v in report.languages.most_common())
    console.print(
        f"Enriched {report.processed} documents ({languages}); {report.failed} failed.",
        markup=False,
    )
    print_enrichment(console, database)


def print_enrichment(console: Console, database: Database) -> None:
    with database.session() as session:
        rows = list(session.scalars(select(Enrichment)))
    companies: Counter[str] = Counter()
    sectors: Counter[str] = Counter()
    events: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for row in rows:
        companies.update({c["name"] for c in row.companies if c.get("siren")})
        sectors.update({s["code"] for s in row.sectors})
        events.update({e["type"] for e in row.events})
        regions.update(row.regions)
    from myrtille.enrichment.geography import Gazetteer

    names = Gazetteer.default().region_names
    table = Table(
        title="Found in the collected documents (documents per value)", title_justify="left"
    )
    for column in ("companies (registry)", "sectors", "events", "regions"):
        table.add_column(column)
    columns = [
        [f"{n} {name}" for name, n in companies.most_common(12)],
        [f"{n} {code}" for code, n in sectors.most_common(12)],
        [f"{n} {code}" for code, n in events.most_common(12)],
        [f"{n} {names.get(code, code)}" for code, n in regions.most_common(12)],
    ]
    for i in range(max(len(c) for c in columns) if rows else 0):
        table.add_row(*[c[i] if i < len(c) else "" for c in columns])
    console.print(table)
    # Events that state an amount make the best examples.
    examples = sorted(
        (e for row in rows for e in row.events if e.get("company")),
        key=lambda e: e.get("amount") is None,
    )[:4]
    for event in examples:
        extra = f" — {event['amount']:,.0f} {event['currency']}" if event.get("amount") else ""
        console.print(
            f"  [{event['type']}] {event['company']}{extra}: "
            + " ".join(event["sentence"].split())[:140],
            markup=False,
        )


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
