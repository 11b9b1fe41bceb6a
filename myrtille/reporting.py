"""What the terminal shows: crawl progress, crawl reports, the sources table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

from babel.dates import format_timedelta
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
from myrtille.texts import N_, gettext, ngettext
from myrtille.texts.formats import locale

# Column headings of the terminal's tables, translated when shown.
COLUMNS = {
    "source": N_("source"),
    "found": N_("found"),
    "new": N_("new"),
    "known": N_("known"),
    "dupes": N_("dupes"),
    "outcome": N_("outcome"),
    "id": N_("id"),
    "kind": N_("kind"),
    "interval": N_("interval"),
    "last attempt": N_("last attempt"),
    "last success": N_("last success"),
    "HTTP": N_("HTTP"),
    "last error / warnings": N_("last error / warnings"),
}


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
        self.lang = texts.locale_language()
        waiting = gettext(self.lang, "waiting")
        self.tasks = {
            source_id: self.progress.add_task("", total=None, source=source_id, status=waiting)
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
        lang = self.lang
        if kind == "source_started":
            self.progress.update(task, status=gettext(lang, "crawling"))
        elif kind == "document":
            self.counts[source] += 1
            count = self.counts[source]
            status = ngettext(lang, "{n} document", "{n} documents", count)
            self.progress.update(task, status=status)
        elif kind == "source_finished":
            if event.get("error"):
                status = gettext(lang, "failed")
            elif event.get("not_modified"):
                status = gettext(lang, "not modified (304)")
            else:
                status = gettext(
                    lang,
                    "{new} new, {known} known",
                    new=event.get("new", 0),
                    known=event.get("known", 0),
                )
            self.progress.update(task, status=status, total=1, completed=1)


def print_crawl_report(console: Console, report: CrawlReport) -> None:
    lang = texts.locale_language()  # the terminal's language (docs/cli.md)
    table = Table(title=gettext(lang, "Crawl"), title_justify="left")
    counted = ("found", "new", "known", "dupes")
    for column in ("source", *counted, "outcome"):
        table.add_column(
            gettext(lang, COLUMNS[column]), justify="right" if column in counted else "left"
        )
    for outcome in report.outcomes.values():
        if outcome.error:
            error = gettext(lang, "error:")
            text = f"{error} {shown(outcome.error, lang)}"
        elif outcome.not_modified:
            text = gettext(lang, "not modified")
        else:
            text = gettext(lang, "ok")
        if outcome.warnings:
            warning = gettext(lang, "warning:")
            text += "".join(f"\n{warning} {shown(w, lang)}" for w in outcome.warnings)
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


def _ago(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return gettext(lang, "never")
    if moment.tzinfo is None:  # stored times are UTC
        moment = moment.replace(tzinfo=UTC)
    elapsed = min(moment - datetime.now(UTC), timedelta(0))
    return format_timedelta(elapsed, locale=locale(lang), format="short", add_direction=True)


def _interval(configured: timedelta, state: SourceState, lang: str) -> str:
    """The interval in force (adaptive polling), with the configured one when it differs."""
    current = effective_interval(configured, state.poll_interval_seconds, bool(state.backing_off))
    text = format_duration(current)
    if current != configured:
        text += " " + gettext(lang, "(set {interval})", interval=format_duration(configured))
    if state.backing_off:
        text += "\n" + gettext(lang, "backing off")
    return text


def print_sources(console: Console, settings: Settings, states: dict[str, SourceState]) -> None:
    lang = texts.locale_language()  # health texts in the terminal's language (docs/cli.md)
    title = gettext(lang, "Sources ({n})", n=len(settings.sources))
    table = Table(title=title, title_justify="left")
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
        table.add_column(gettext(lang, COLUMNS[column]), overflow="fold")
    never, disabled = gettext(lang, "never"), gettext(lang, "disabled")
    for source in settings.sources:
        state = states.get(source.id)
        if state is None:
            table.add_row(
                source.id,
                source.kind,
                format_duration(source.interval),
                never,
                never,
                "-",
                "-",
                "-",
                "" if source.enabled else disabled,
            )
            continue
        statuses = " ".join(f"{code}×{n}" for code, n in (state.http_status or {}).items())
        notes = []
        if state.last_error:
            streak = (
                " "
                + ngettext(
                    lang,
                    "({n} failure in a row)",
                    "({n} failures in a row)",
                    state.consecutive_failures,
                )
                if state.consecutive_failures > 1
                else ""
            )
            notes.append(f"{shown(state.last_error, lang)}{streak}")
        notes += [shown(w, lang) for w in state.warnings or []]
        if not source.enabled:
            notes.insert(0, disabled)
        table.add_row(
            source.id,
            source.kind,
            _interval(source.interval, state, lang),
            _ago(state.last_attempt_at, lang),
            _ago(state.last_success_at, lang),
            str(state.items_found),
            str(state.items_new),
            statuses or "-",
            "\n".join(notes),
        )
    console.print(table)
    unknown = sorted(set(states) - {s.id for s in settings.sources})
    if unknown:
        console.print(
            gettext(
                lang,
                "State kept for sources no longer configured: {names}",
                names=", ".join(unknown),
            ),
            markup=False,
        )
