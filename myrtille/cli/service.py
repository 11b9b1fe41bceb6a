"""Service commands: run (the whole service in one process), worker (some of its jobs,
for several machines) and status."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from myrtille.cli.command import ACCESS_LOG_HELP, AppContext, main, out, reports_config_errors
from myrtille.cli.language import number, say, say_n
from myrtille.texts import N_, format_datetime, locale_language

DELIVERY_COLUMNS = (N_("channel"), N_("pending"), N_("sending"), N_("sent"), N_("failed"))
# The kinds store/health.py gives a storage problem, by name.
STORAGE_KINDS = {
    "locked": N_("locked"),
    "disk full": N_("disk full"),
    "I/O error": N_("I/O error"),
    "cannot open": N_("cannot open"),
    "corrupt": N_("corrupt"),
    "out of resources": N_("out of resources"),
    "unreachable": N_("unreachable"),
    "file too large": N_("file too large"),
    "read-only": N_("read-only"),
}


@main.command()
@click.pass_obj
@reports_config_errors
def status(app: AppContext) -> None:
    """Queues, sources' health and deliveries at a glance."""
    from myrtille.index.factory import open_index
    from myrtille.pipeline.status import read_status
    from myrtille.store.health import current_problems

    index = open_index(app.settings)
    state = read_status(app.database, indexed=index.count())
    problems = current_problems(app.settings.data_dir)
    if problems:
        out.print(say("Service degraded: jobs waiting out a storage problem"), markup=False)
        lang = locale_language()
        for problem in problems:
            said = say_n(
                "{job}: {kind} ({n} failure in a row since {since} UTC; next try after "
                "{retry} UTC): {message}",
                "{job}: {kind} ({n} failures in a row since {since} UTC; next try after "
                "{retry} UTC): {message}",
                problem.failures,
                job=problem.job,
                kind=say(STORAGE_KINDS.get(problem.kind, problem.kind)),
                since=format_datetime(problem.since, lang),
                retry=format_datetime(problem.retry_at, lang),
                message=problem.message,
            )
            out.print("  " + said, markup=False)
    docs = state.documents
    out.print(
        say_n(
            "Intake: {n} document — {pending} pending, {claimed} being processed, "
            "{done} done, {failed} failed; {indexed} indexed.",
            "Intake: {n} documents — {pending} pending, {claimed} being processed, "
            "{done} done, {failed} failed; {indexed} indexed.",
            sum(docs.values()),
            pending=number(docs.get("pending", 0)),
            claimed=number(docs.get("claimed", 0)),
            done=number(docs.get("done", 0)),
            failed=number(docs.get("failed", 0)),
            indexed=number(state.indexed),
        ),
        markup=False,
    )
    if state.processing_lag_seconds is not None:
        out.print(
            say(
                "Collection to enrichment: {seconds} s on average over the last day.",
                seconds=f"{state.processing_lag_seconds:.0f}",
            ),
            markup=False,
        )
    out.print(
        say(
            "Sources: {crawled} crawled, {failing} failing.",
            crawled=number(state.sources),
            failing=number(len(state.sources_failing)),
        ),
        markup=False,
    )
    for source, error, streak in state.sources_failing[:10]:
        out.print(
            "  " + say("{source}: {error} ({n} in a row)", source=source, error=error, n=streak),
            markup=False,
        )
    table = Table(
        title=say_n(
            "Deliveries ({n} active subscription)",
            "Deliveries ({n} active subscriptions)",
            state.active_subscriptions,
        ),
        title_justify="left",
    )
    for column in DELIVERY_COLUMNS:
        table.add_column(say(column))
    from myrtille.alerts.channels import CHANNELS

    names = CHANNELS.labels()
    for channel in sorted({c for c, _ in state.deliveries}):
        table.add_row(
            say(names.get(channel, channel)),
            *(
                number(state.deliveries.get((channel, s), 0))
                for s in ("pending", "sending", "sent", "failed")
            ),
        )
    out.print(table)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--access-log", is_flag=True, help=ACCESS_LOG_HELP)
@click.pass_obj
@reports_config_errors
def run(app: AppContext, host: str, port: int, access_log: bool) -> None:
    """Run the service: scheduled crawl, processing, alerts, digests, and the web app.

    Stops on SIGTERM or Ctrl-C once the running jobs have finished.
    """
    from myrtille.service.runner import run_service

    url = f"http://{host}:{port}"
    out.print(say("Myrtille running; web app on {url}", url=url), markup=False)
    sys.exit(run_service(app.settings, app.database, host, port, access_log=access_log))


@main.command()
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice(["crawl", "process", "dispatch", "digest", "housekeeping"]),
    help="Jobs this worker runs (repeat the option for several); all of them by default.",
)
@click.pass_obj
@reports_config_errors
def worker(app: AppContext, roles: tuple[str, ...]) -> None:
    """Run some of the service's jobs, for several machines sharing one PostgreSQL state.

    Digests and housekeeping run only in the worker holding the scheduler lock; the others
    stand by. Stops on SIGTERM or Ctrl-C once the running jobs have finished.
    """
    from myrtille.service.worker import ROLES, run_worker

    chosen = list(roles) or list(ROLES)
    out.print(say("Myrtille worker: {roles}", roles=", ".join(chosen)), markup=False)
    sys.exit(run_worker(app.settings, app.database, chosen))
