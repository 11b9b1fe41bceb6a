"""Enrichment commands: process, companies, eval."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.table import Table

from myrtille.cli.command import (
    AppContext,
    err,
    main,
    out,
    print_file_problems,
    reports_config_errors,
)
from myrtille.cli.language import number, say, say_n
from myrtille.texts import N_, locale_language
from myrtille.texts.formats import locale

COMPANY_COLUMNS = (N_("id"), N_("name"), N_("acronym"), "NAF", N_("department"), N_("status"))


@main.command()
@click.option("--limit", type=int, help="Process at most this many documents.")
@click.pass_obj
@reports_config_errors
def process(app: AppContext, limit: int | None) -> None:
    """Enrich every document pending in the intake, then exit."""
    from myrtille.index.factory import open_index
    from myrtille.service.processing import ProcessingStage

    stage = ProcessingStage(app.settings, app.database, index=open_index(app.settings))
    with out.status(say("Loading language models and the company registry…")):
        stage.enricher.index  # noqa: B018 (compile the registry before the first batch)
    report = stage.run(
        limit,
        on_batch=lambda r: out.print(
            "  "
            + say(
                "{processed} enriched, {failed} failed",
                processed=number(r.processed),
                failed=number(r.failed),
            ),
            markup=False,
        ),
    )
    # Languages by name in the CLI's language ("français 3, anglais 2"), not by code.
    names = locale(locale_language()).languages
    languages = (
        ", ".join(f"{names.get(k, k)} {number(v)}" for k, v in report.languages.most_common())
        or "-"
    )
    out.print(
        say_n(
            "{n} document enriched ({languages}); {failed} failed.",
            "{n} documents enriched ({languages}); {failed} failed.",
            report.processed,
            languages=languages,
            failed=number(report.failed),
        ),
        markup=False,
    )
    if report.indexed or report.index_errors:
        out.print(
            say_n("{n} document indexed.", "{n} documents indexed.", report.indexed),
            markup=False,
        )
    for error in report.index_errors[:5]:
        said = say(
            "indexing failed: {error} (run {command} once fixed)",
            error=error,
            command="myrtille index rebuild",
        )
        err.print("  " + said, markup=False)
    for document_id, error in report.errors[:20]:
        said = say("failed {document}: {error}", document=document_id, error=error)
        out.print("  " + said, markup=False)


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

    with out.status(say("Importing {path}…", path=csv_file)):
        report = import_sirene(app.database, csv_file, include_persons)
    if include_persons:
        persons = say_n(
            "{n} of them a sole trader (linked by SIREN only)",
            "{n} of them sole traders (linked by SIREN only)",
            report.persons,
        )
    else:
        persons = say_n(
            "{n} sole trader skipped ({option} keeps them)",
            "{n} sole traders skipped ({option} keeps them)",
            report.skipped_individuals,
            option="--include-persons",
        )
    summary = say(
        "{imported} ({ceased}); {persons}; {bad}.",
        imported=say_n("{n} company imported", "{n} companies imported", report.imported),
        ceased=say_n("{n} ceased, kept and flagged", "{n} ceased, kept and flagged", report.ceased),
        persons=persons,
        bad=say_n("{n} bad row", "{n} bad rows", report.bad_count),
    )
    out.print(summary, markup=False)
    more = (N_("… and {n} more bad row"), N_("… and {n} more bad rows"))
    problems = [(line, say(reason, **params)) for line, reason, params in report.bad_reasons]
    print_file_problems(csv_file, problems, report.bad_count, more)


@companies.command(name="list")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_obj
@reports_config_errors
def companies_list(app: AppContext, limit: int) -> None:
    """The registry: watchlist first, then imported companies."""
    from myrtille.enrichment.registry import load_registry, sync_watchlist

    sync_watchlist(app.database, app.settings.companies)
    records = load_registry(app.database)
    table = Table(title=say("Companies ({n})", n=number(len(records))), title_justify="left")
    for column in COMPANY_COLUMNS:
        table.add_column(say(column))
    for record in records[:limit]:
        table.add_row(
            record.id,
            record.name,
            record.acronym or "",
            record.naf or "",
            record.department or "",
            say("ceased") if record.ceased else say("active"),
        )
    out.print(table)


@main.group(name="eval")
def evaluation() -> None:
    """Measure the pipeline against annotated data."""


@evaluation.command(name="enrichment")
@click.option(
    "--set",
    "set_names",
    type=click.Choice(["tuning", "validation", "heldout"]),
    multiple=True,
    help="Score only this set (repeatable; default: tuning and heldout, each apart; "
    "validation prints aggregates only).",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The repository's evaluation/ directory (default: found from here upwards).",
)
@click.option(
    "--refreeze",
    is_flag=True,
    help="Record the held-out files' current hashes in SHA256SUMS first (a reviewed act).",
)
@click.option(
    "--with-registry-only",
    is_flag=True,
    help="Skip the second run without the registry's sectors and places.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--errors", "show_errors", type=int, default=0, help="Also print up to N errors per field."
)
@click.pass_obj
@reports_config_errors
def eval_enrichment(
    app: AppContext,
    set_names: tuple[str, ...],
    data_dir: Path | None,
    refreeze: bool,
    with_registry_only: bool,
    as_json: bool,
    show_errors: int,
) -> None:
    """Precision, recall and F1 per field, for each annotated set apart."""
    import json

    from myrtille.demo.gold import demo_gold_documents, demo_registry
    from myrtille.evaluation.enrichment import run_evaluation
    from myrtille.evaluation.sets import AGGREGATE_ONLY, SET_NAMES, EvaluationDataError

    try:
        with out.status("Enriching the annotated sets…"):
            reports = run_evaluation(
                app.settings.enrichment,
                data_dir=data_dir,
                sets=set_names or SET_NAMES,
                without_registry=not with_registry_only,
                refreeze_heldout=refreeze,
                registry=demo_registry(),
                demo_documents=demo_gold_documents,
            )
    except EvaluationDataError as exc:
        err.print(f"myrtille eval enrichment: {exc}", markup=False)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps({"sets": [r.as_dict() for r in reports]}, ensure_ascii=False))
        return
    for report in reports:
        how = (
            "with the registry" if report.registry else "without the registry's sectors and places"
        )
        table = Table(
            title=f"{report.set}: {report.documents} documents, {how} ({report.seconds:.0f} s)",
            title_justify="left",
        )
        languages = sorted(report.languages)
        for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "field" else "right")
        for language in languages:
            table.add_column(f"F1 {language}", justify="right")
        for name, score in report.fields.items():
            table.add_row(
                name,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                str(score.tp),
                str(score.fp),
                str(score.fn),
                *(f"{report.languages[lang][name].f1:.3f}" for lang in languages),
            )
        out.print(table)
        if show_errors and report.registry and report.set in AGGREGATE_ONLY:
            out.print(
                f"  ({report.set}: its errors are never shown -- only its aggregate scores "
                "are read, so that it keeps telling whether the rules generalise)",
                markup=False,
            )
        elif show_errors and report.registry:
            for name, score in report.fields.items():
                for line in score.errors[:show_errors]:
                    out.print(f"  [{report.set} {name}] {line}", markup=False)
    sys.stdout.flush()
