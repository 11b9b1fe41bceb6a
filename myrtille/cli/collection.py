"""Collection commands: init, crawl, sources, export, demo."""

from __future__ import annotations

import sys
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import click

from myrtille.cli.command import (
    ACCESS_LOG_HELP,
    DEFAULT_CONFIG_NAME,
    AppContext,
    err,
    main,
    out,
    reports_config_errors,
)
from myrtille.cli.language import number, say, say_n
from myrtille.config.loading import load_settings
from myrtille.exceptions import ConfigError


@main.command()
@click.argument(
    "path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_CONFIG_NAME
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented starter configuration to PATH (default ./myrtille.yaml)."""
    if path.exists() and not force:
        err.print(
            say(
                "{path} already exists; use {option} to overwrite it.", path=path, option="--force"
            ),
            markup=False,
        )
        sys.exit(1)
    starter = (resources.files("myrtille.config") / "starter.yaml").read_text(encoding="utf-8")
    path.write_text(starter, encoding="utf-8")
    command = f"myrtille --config {path} crawl"
    out.print(
        say("Wrote {path}. Edit its sources, then run: {command}", path=path, command=command),
        markup=False,
    )


@main.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--all", "ignore_schedule", is_flag=True, help="Crawl every enabled source, due or not."
)
@click.pass_obj
@reports_config_errors
def crawl(app: AppContext, sources: tuple[str, ...], ignore_schedule: bool) -> None:
    """Collect every due source once (or the SOURCES named) and exit."""
    from myrtille.crawlers.runner import run_crawl, select_sources
    from myrtille.reporting import CrawlProgress, print_crawl_report

    settings = app.settings
    try:
        chosen = select_sources(settings, app.database, sources, ignore_schedule=ignore_schedule)
    except KeyError:
        known = [s.id for s in settings.sources]
        unknown = next(name for name in sources if name not in known)
        err.print(
            say(
                "No source '{id}' is configured (known: {known}).",
                id=unknown,
                known=", ".join(known) or "-",
            ),
            markup=False,
        )
        sys.exit(2)
    if not settings.sources:
        if settings.config_path:
            said = say(
                "No sources are configured in {path}; add some under 'sources:'.",
                path=settings.config_path,
            )
        else:
            said = say(
                "No configuration file was given (--config), so no sources: "
                "add some under 'sources:' in one."
            )
        out.print(said, markup=False)
        return
    if not chosen:
        out.print(
            say("No source is due. Use --all to crawl anyway, or name sources."), markup=False
        )
        return
    with CrawlProgress(out, [s.id for s in chosen]) as progress:
        report = run_crawl(settings, app.database, chosen, on_event=progress.handle)
    print_crawl_report(out, report)


@main.command(name="export")
# The choices are pipeline.export.WRITERS' names (not imported here: commands load lazily).
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--since", metavar="DATE", help="Only documents published on or after DATE.")
@click.option("--source", "source_ids", multiple=True, help="Only these sources.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of standard output.",
)
@click.pass_obj
@reports_config_errors
def export(
    app: AppContext, fmt: str, since: str | None, source_ids: tuple[str, ...], output: Path | None
) -> None:
    """Write collected documents, one JSON object per line."""
    from myrtille.crawlers.dates import parse_datetime
    from myrtille.pipeline.export import WRITERS, export_records

    since_at: datetime | None = None
    if since:
        since_at = parse_datetime(since)
        if since_at is None:
            err.print(
                say(
                    "{option}: '{value}' is not a date; use YYYY-MM-DD or ISO 8601.",
                    option="--since",
                    value=since,
                ),
                markup=False,
            )
            sys.exit(2)
    documents = export_records(app.database, since_at, source_ids)
    if output:
        with output.open("w", encoding="utf-8") as handle:
            count = WRITERS[fmt](documents, handle)
        err.print(
            say_n(
                "{n} document written to {path}",
                "{n} documents written to {path}",
                count,
                path=output,
            ),
            markup=False,
        )
    else:
        WRITERS[fmt](documents, sys.stdout)


@main.group(invoke_without_command=True)
@click.pass_context
@reports_config_errors
def sources(ctx: click.Context) -> None:
    """Show the configured sources and their health; import and export OPML."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(sources_list)


@sources.command(name="list")
@click.pass_obj
@reports_config_errors
def sources_list(app: AppContext) -> None:
    """Table of sources: last attempt, last success, items, HTTP statuses, last error."""
    from myrtille.crawlers.health import all_states
    from myrtille.reporting import print_sources

    print_sources(out, app.settings, all_states(app.database))


@sources.command(name="import")
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be added, change nothing.")
@click.pass_obj
@reports_config_errors
def sources_import(app: AppContext, opml_file: Path, dry_run: bool) -> None:
    """Add the feeds of an OPML file to the configuration file's sources."""
    from myrtille.config.editing import add_sources
    from myrtille.config.opml import read_opml, slug, unique_id

    settings = app.settings
    if settings.config_path is None:
        raise ConfigError(
            "no configuration file to add sources to",
            hint="create one with 'myrtille init' and pass it with --config",
        )
    taken = {s.id for s in settings.sources}
    known_urls = {s.url for s in settings.sources}
    added: list[dict[str, Any]] = []
    skipped = 0
    for feed in read_opml(opml_file):
        if feed.url in known_urls or not feed.url.startswith(("http://", "https://")):
            skipped += 1
            continue
        source_id = unique_id(slug(feed.title or feed.url), taken)
        taken.add(source_id)
        known_urls.add(feed.url)
        entry: dict[str, Any] = {"id": source_id, "kind": "feed", "url": feed.url}
        if feed.title:
            entry["name"] = feed.title
        if feed.language:
            entry["language"] = feed.language.split("-")[0].lower()
        added.append(entry)
    for entry in added:
        out.print(f"  + {entry['id']}: {entry['url']}", markup=False)
    if not dry_run and added:
        add_sources(settings.config_path, added)
        load_settings(settings.config_path)  # the file must still be valid
    added_text = (
        say_n("{n} feed would be added", "{n} feeds would be added", len(added))
        if dry_run
        else say_n("{n} feed added", "{n} feeds added", len(added))
    )
    out.print(
        say(
            "{added} to {path}; {skipped} skipped (already configured or not http/https).",
            added=added_text,
            path=settings.config_path,
            skipped=number(skipped),
        ),
        markup=False,
    )


@sources.command(name="export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
@reports_config_errors
def sources_export(app: AppContext, output: Path | None) -> None:
    """Write the feed sources as OPML (for feed readers)."""
    from myrtille.config.opml import write_opml

    settings = app.settings
    text = write_opml(settings.sources)
    others = sum(1 for s in settings.sources if s.kind != "feed")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if others:
        err.print(
            say_n(
                "{n} source that is no feed (site, sitemap, opendata) has no OPML form "
                "and was left out.",
                "{n} sources that are no feeds (site, sitemap, opendata) have no OPML form "
                "and were left out.",
                others,
            ),
            markup=False,
        )


@main.command()
@click.option(
    "--port",
    type=int,
    default=8642,
    show_default=True,
    help="Port of the demo news site on 127.0.0.1 (another is used if busy).",
)
@click.option(
    "--ui-port",
    type=int,
    default=8000,
    show_default=True,
    help="Port of the web UI on 127.0.0.1 (another is used if busy).",
)
@click.option(
    "--every",
    type=click.FloatRange(min=0.5),
    default=45.0,
    show_default=True,
    metavar="SECONDS",
    help="Publish a new demo article this often.",
)
@click.option(
    "--poll",
    type=click.IntRange(min=1),
    default=15,
    show_default=True,
    metavar="SECONDS",
    help="Poll interval of the demo sources.",
)
@click.option(
    "--duration",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop after this long (default: run until Ctrl-C or SIGTERM).",
)
@click.option("--fresh", is_flag=True, help="Start from an empty demo data directory.")
@click.option(
    "--once",
    is_flag=True,
    help="Only collect and enrich the demo site once, print what was found, and exit.",
)
@click.option("--serve", is_flag=True, help="With --once: keep serving the demo site after.")
@click.option("--access-log", is_flag=True, help=ACCESS_LOG_HELP)
@click.pass_obj
@reports_config_errors
def demo(
    app: AppContext,
    port: int,
    ui_port: int,
    every: float,
    poll: int,
    duration: float | None,
    fresh: bool,
    once: bool,
    serve: bool,
    access_log: bool,
) -> None:
    """Run the whole service on the bundled demo news site, which keeps publishing."""
    data_dir = Path(app.data_dir) if app.data_dir else Path("demo-data")
    if once:
        from myrtille.demo.run import collect_once

        sys.exit(collect_once(out, data_dir, port=port, fresh=fresh, serve=serve))
    from myrtille.demo.live import LiveOptions, run_live_demo

    options = LiveOptions(
        site_port=port,
        ui_port=ui_port,
        every=every,
        poll=poll,
        duration=duration,
        fresh=fresh,
        access_log=access_log,
    )
    sys.exit(run_live_demo(out, data_dir, options))
