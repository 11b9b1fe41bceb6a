"""Enrichment commands: process, companies, eval."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.table import Table

from myrtille.cli.command import AppContext, err, main, out, reports_config_errors
from myrtille.cli.language import say, say_n


@main.command()
@click.option("--limit", type=int, help="Process at most this many documents.")
@click.pass_obj
@reports_config_errors
def process(app: AppContext, limit: int | None) -> None:
    """Enrich every document pending in the intake, then exit."""
    from myrtille.index.factory import open_index
    from myrtille.service.processing import ProcessingStage

    stage = ProcessingStage(app.settings, app.database, index=open_index(app.settings))
    with out.status("Loading language models and the company registry…"):
        stage.enricher.index  # noqa: B018 (compile the registry before the first batch)
    report = stage.run(
        limit,
        on_batch=lambda r: out.print(
            "  "
            + say("{processed} enriched, {failed} failed", processed=r.processed, failed=r.failed),
            markup=False,
        ),
    )
    languages = ", ".join(f"{k} {v}" for k, v in report.languages.most_common()) or "-"
    out.print(
        say_n(
            "{n} document enriched ({languages}); {failed} failed.",
            "{n} documents enriched ({languages}); {failed} failed.",
            report.processed,
            languages=languages,
            failed=report.failed,
        ),
        markup=False,
    )
    if report.indexed or report.index_errors:
        out.print(
            say_n("{n} document indexed.", "{n} documents indexed.", report.indexed),
            markup=False,
        )
    for error in report.index_errors[:5]:
        err.print(
            f"  indexing failed: {error} (run `myrtille index rebuild` once fixed)", markup=False
        )
    for document_id, error in report.errors[:20]:
        out.print(f"  failed {document_id}: {error}", markup=False)


@main.group()
def companies() -> None:
    """The company registry: watchlist (config) and Sirene imports."""


@companies.command(name="import")
@click.argument("kind", type=click.Choice(["sirene"]))
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--include-persons",
    is_flag=True,
    help="Also import sole traders (natural persons), linked by SIREN only.",
)
@click.pass_obj
@reports_config_errors
def companies_import(app: AppContext, kind: str, csv_file: Path, include_persons: bool) -> None:
    """Import an INSEE Sirene StockUniteLegale CSV (streamed: any size)."""
    from myrtille.enrichment.registry import import_sirene

    with out.status(f"Importing {csv_file}…"):
        report = import_sirene(app.database, csv_file, include_persons)
    persons = (
        f"{report.persons} of them sole traders (linked by SIREN only)"
        if include_persons
        else f"{report.skipped_individuals} sole traders skipped (--include-persons keeps them)"
    )
    out.print(
        f"{report.imported} companies imported ({report.ceased} ceased, kept and "
        f"flagged); {persons}; {report.bad_count} bad rows.",
        markup=False,
    )
    for line, reason in report.bad_rows:
        err.print(f"  {csv_file}:{line}: {reason}", markup=False)
    if report.bad_count > len(report.bad_rows):
        err.print(f"  … and {report.bad_count - len(report.bad_rows)} more bad rows", markup=False)


@companies.command(name="list")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_obj
@reports_config_errors
def companies_list(app: AppContext, limit: int) -> None:
    """The registry: watchlist first, then imported companies."""
    from myrtille.enrichment.registry import load_registry, sync_watchlist

    sync_watchlist(app.database, app.settings.companies)
    records = load_registry(app.database)
    table = Table(title=f"Companies ({len(records)})", title_justify="left")
    for column in ("id", "name", "acronym", "NAF", "department", "status"):
        table.add_column(column)
    for record in records[:limit]:
        table.add_row(
            record.id,
            record.name,
            record.acronym or "",
            record.naf or "",
            record.department or "",
            "ceased" if record.ceased else "active",
        )
    out.print(table)


@main.group(name="eval")
def evaluation() -> None:
    """Measure the pipeline against annotated data."""


@evaluation.command(name="enrichment")
@click.option(
    "--errors", "show_errors", type=int, default=0, help="Also print up to N errors per field."
)
@click.pass_obj
@reports_config_errors
def eval_enrichment(app: AppContext, show_errors: int) -> None:
    """Precision, recall and F1 per field on the annotated set."""
    from myrtille.evaluation.enrichment import run_evaluation

    with out.status("Enriching the annotated set…"):
        scores, count = run_evaluation(app.settings.enrichment)
    table = Table(title=f"Enrichment on {count} annotated documents", title_justify="left")
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, score in scores.items():
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    out.print(table)
    if show_errors:
        for name, score in scores.items():
            for line in score.errors[:show_errors]:
                out.print(f"  [{name}] {line}", markup=False)
    sys.stdout.flush()
