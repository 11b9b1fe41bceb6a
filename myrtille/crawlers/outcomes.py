"""Sources' crawls ended: their outcomes written to ``source_state``, then announced.

The announcement (``source_finished``) comes after the commit: the parent, and the
service it wakes, may read a finished source's health and documents at once, and a child
that dies leaves unannounced exactly the sources whose outcome was not written.
"""

from __future__ import annotations

from typing import Any

from myrtille.crawlers.health import SourceRun, record_runs
from myrtille.crawlers.progress import ProgressEvents
from myrtille.store.database import Database
from myrtille.store.health_texts import said, stored


def finish_runs(database: Database, events: ProgressEvents, runs: list[SourceRun]) -> None:
    """Write ``runs`` in one transaction, then one ``source_finished`` event each."""
    if not runs:
        return
    record_runs(database, runs)
    events.emit_many("source_finished", (finished_event(run) for run in runs))


def announce(events: ProgressEvents, run: SourceRun) -> None:
    events.emit_many("source_finished", [finished_event(run)])


def finished_event(run: SourceRun) -> dict[str, Any]:
    """What the parent learns of a finished source (``runner.read_events``)."""
    return {
        "source": run.source_id,
        "found": run.found,
        "new": run.new,
        "known": run.known,
        "duplicates": run.duplicates,
        "error": run.error,
        "warnings": run.all_warnings(),
        "not_modified": run.not_modified,
    }


def note_internal_error(run: SourceRun, failure: object, response: object = None) -> None:
    """An exception in a spider callback or an item pipeline loses what it was handling;
    Scrapy only logs it, so the source's crawl becomes an error here."""
    value = getattr(failure, "value", failure)
    url = getattr(response, "url", None)
    detail = (str(value).splitlines() or [""])[0][:200]
    error = f"{type(value).__name__}{': ' + detail if detail else ''}"
    if url:
        run.fail(stored(said("internal_error_at", url=url, error=error)))
    else:
        run.fail(stored(said("internal_error", error=error)))
