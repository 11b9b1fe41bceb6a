"""What the terminal shows: crawl progress, crawl reports, the sources table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from myrtille import texts
from myrtille.config.durations import format_duration
from myrtille.config.settings import Settings
from myrtille.crawlers.polling import effective_interval
from myrtille.crawlers.runner import CrawlReport
from myrtille.store.health_texts import shown
from myrtille.store.schema import SourceState


class CrawlProgress:
    """A live line per source: documents collected so far, then its outcome."""

    def __init__(self, console: Console, source_ids: list[str]) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[source]:<24}"),
            BarColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self.tasks = {
            source_id: self.progress.add_task("", total=None, source=source_id, status="waiting")
            for source_id in source_ids
        }
        self.counts = dict.fromkeys(source_ids, 0)

    def __enter__(self) -> CrawlProgress:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def handle(self, event: dict[str, Any]) -> None:
        source = event.get("source")
        if source not in self.tasks:
            return
        task = self.tasks[source]
        kind = event.get("event")
        if kind == "source_started":
            self.progress.update(task, status="crawling")
        elif kind == "document":
            self.counts[source] += 1
            self.progress.update(task, status=f"{self.counts[source]} documents")
        elif kind == "source_finished":
            if event.get("error"):
                status = "[red]failed[/]"
            elif event.get("not_modified"):
                status = "not modified (304)"
            else:
                status = f"{event.get('new', 0)} new, {event.get('known', 0)} known"
            self.progress.update(task, status=status, total=1, completed=1)


def print_crawl_report(console: Console, report: CrawlReport) -> None:
    table = Table(title="Crawl", title_justify="left")
    for column in ("source", "found", "new", "known", "dupes", "outcome"):
        table.add_column(
            column, justify="right" if column in ("found", "new", "known", "dupes") else "left"
        )
    lang = texts.locale_language()  # health texts in the terminal's language (docs/cli.md)
    for outcome in report.outcomes.values():
        if outcome.error:
            text = f"[red]error:[/] {_escape(shown(outcome.error, lang))}"
        elif outcome.not_modified:
            text = "not modified"
        else:
            text = "ok"
        if outcome.warnings:
            text += "".join(
                f"\n[yellow]warning:[/] {_escape(shown(w, lang))}" for w in outcome.warnings
            )
        table.add_row(
            outcome.source_id,
            str(outcome.found),
            str(outcome.new),
            str(outcome.known),
            str(outcome.duplicates),
            text,
        )
    console.print(table)
    failed = report.failed
    summary = texts.ngettext(lang, "{n} new document", "{n} new documents", report.new)
    if failed:
        summary += texts.ngettext(
            lang,
            "; {n} source failed: {names} (see `myrtille sources`)",
            "; {n} sources failed: {names} (see `myrtille sources`)",
            len(failed),
            names=", ".join(failed),
        )
    console.print(summary, markup=False)


def _ago(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    seconds = int((datetime.now(UTC) - moment).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{max(seconds, 0)}s ago"


def _escape(text: str) -> str:
    return text.replace("[", r"\[")


def _interval(configured: timedelta, state: SourceState) -> str:
    """The interval in force (adaptive polling), with the configured one when it differs."""
    current = effective_interval(configured, state.poll_interval_seconds, bool(state.backing_off))
    text = format_duration(current)
    if current != configured:
        text += f" (set {format_duration(configured)})"
    if state.backing_off:
        text += "\n[yellow]backing off[/]"
    return text


def print_sources(console: Console, settings: Settings, states: dict[str, SourceState]) -> None:
    lang = texts.locale_language()  # health texts in the terminal's language (docs/cli.md)
    table = Table(title=f"Sources ({len(settings.sources)})", title_justify="left")
    for column in (
        "id",
        "kind",
        "interval",
        "last attempt",
        "last success",
        "found",
        "new",
        "HTTP",
        "last error / warnings",
    ):
        table.add_column(column, overflow="fold")
    for source in settings.sources:
        state = states.get(source.id)
        if state is None:
            table.add_row(
                source.id,
                source.kind,
                format_duration(source.interval),
                "never",
                "never",
                "-",
                "-",
                "-",
                "" if source.enabled else "disabled",
            )
            continue
        statuses = " ".join(f"{code}×{n}" for code, n in (state.http_status or {}).items())
        notes = []
        if state.last_error:
            streak = (
                f" ({state.consecutive_failures} failures in a row)"
                if state.consecutive_failures > 1
                else ""
            )
            notes.append(f"[red]{_escape(shown(state.last_error, lang))}[/]{streak}")
        notes += [f"[yellow]{_escape(shown(w, lang))}[/]" for w in state.warnings or []]
        if not source.enabled:
            notes.insert(0, "disabled")
        table.add_row(
            source.id,
            source.kind,
            _interval(source.interval, state),
            _ago(state.last_attempt_at),
            _ago(state.last_success_at),
            str(state.items_found),
            str(state.items_new),
            statuses or "-",
            "\n".join(notes),
        )
    console.print(table)
    unknown = sorted(set(states) - {s.id for s in settings.sources})
    if unknown:
        console.print(
            f"State kept for sources no longer configured: {', '.join(unknown)}", markup=False
        )
