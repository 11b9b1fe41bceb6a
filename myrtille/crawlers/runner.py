"""The one crawl entry point: choose the due sources, crawl them in a child process,
report what each one gave."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.crawlers.health import SourceRun, all_states, record_runs
from myrtille.crawlers.heartbeat import PROGRESS
from myrtille.crawlers.polling import effective_interval
from myrtille.crawlers.watchdog import StallWatchdog, stall_limit
from myrtille.store.database import Database
from myrtille.store.health_texts import said, stored
from myrtille.store.schema import SourceState, utcnow

EventHandler = Callable[[dict[str, Any]], None]
# Each source waits up to this fraction of its interval more, always the same for one
# source, so that sources configured alike do not all fall due on the same scheduler run.
JITTER = 0.10


@dataclass
class SourceOutcome:
    source_id: str
    found: int = 0
    new: int = 0
    known: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class CrawlReport:
    outcomes: dict[str, SourceOutcome]
    exit_code: int
    log_path: Path

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes.values())

    @property
    def failed(self) -> list[str]:
        return [o.source_id for o in self.outcomes.values() if o.error]


def poll_offset(source_id: str, interval: timedelta) -> timedelta:
    """The source's own extra wait: a stable share (0 to ``JITTER``) of its interval,
    from a hash of its id, so it is the same on every run and on every machine."""
    share = int.from_bytes(hashlib.sha256(source_id.encode()).digest()[:8], "big") / 2**64
    return timedelta(seconds=int(interval.total_seconds() * JITTER * share))


def due_sources(
    settings: Settings, database: Database, now: datetime | None = None
) -> list[SourceBase]:
    """Enabled sources whose interval (plus their own offset) has passed since their
    last attempt: the adapted interval kept in ``source_state`` when there is one, else
    the configured one. A source never crawled is due at once."""
    now = now or utcnow()
    states = all_states(database)
    due = []
    for source in settings.sources:
        if not source.enabled:
            continue
        at = _due_at(source, states.get(source.id))
        if at is None or at <= now:
            due.append(source)
    return due


def next_due(
    settings: Settings, database: Database, now: datetime | None = None
) -> datetime | None:
    """When the first enabled source that is not due at ``now`` falls due (None: none)."""
    now = now or utcnow()
    states = all_states(database)
    later = [
        at
        for source in settings.sources
        if source.enabled
        and (at := _due_at(source, states.get(source.id))) is not None
        and at > now
    ]
    return min(later, default=None)


def _due_at(source: SourceBase, state: SourceState | None) -> datetime | None:
    """When ``source`` falls due (None: never crawled, due at once)."""
    if state is None or state.last_attempt_at is None:
        return None
    interval = effective_interval(
        source.interval, state.poll_interval_seconds, bool(state.backing_off)
    )
    return state.last_attempt_at + interval + poll_offset(source.id, interval)


def select_sources(
    settings: Settings, database: Database, requested: Sequence[str], *, ignore_schedule: bool
) -> list[SourceBase]:
    """Named sources (always crawled), else all enabled ones or only the due ones."""
    if requested:
        return [settings.source(source_id) for source_id in requested]
    if ignore_schedule:
        return [s for s in settings.sources if s.enabled]
    return due_sources(settings, database)


def run_crawl(
    settings: Settings,
    database: Database,
    sources: Sequence[SourceBase],
    on_event: EventHandler | None = None,
) -> CrawlReport:
    """Crawl ``sources`` in a child process; never raises for a source's failure. A child
    that sends nothing for ``crawl.stall_timeout`` is killed with the processes it
    started (crawlers/watchdog.py), and its unfinished sources are recorded as failed."""
    log_dir = settings.data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / "crawl.log"
    outcomes = {s.id: SourceOutcome(s.id) for s in sources}
    if not sources:
        return CrawlReport(outcomes, 0, log_path)
    finished: set[str] = set()
    with tempfile.NamedTemporaryFile(
        "w", suffix=".json", delete=False, encoding="utf-8", dir=settings.data_dir
    ) as handle:
        handle.write(settings.model_dump_json())
        settings_file = Path(handle.name)
    stderr_path = log_dir / "crawl-stderr.log"
    try:
        with stderr_path.open("ab") as stderr:
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "myrtille.crawlers.child",
                    str(settings_file),
                    *(s.id for s in sources),
                ],
                stdout=subprocess.PIPE,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                # Its own process group, with its extraction workers: killed as one.
                process_group=0,
            )
            assert child.stdout is not None
            with StallWatchdog(child, stall_limit(settings.crawl)) as watchdog:
                try:
                    for event in read_events(watchdog.lines(child.stdout), outcomes, finished):
                        if on_event:
                            on_event(event)
                except KeyboardInterrupt:
                    # The terminal's Ctrl-C reaches our process group only: pass it on
                    # (the crawl stops gracefully on it, as when it reached the child).
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(child.pid, signal.SIGINT)
                    raise
            exit_code = child.wait()
    finally:
        settings_file.unlink(missing_ok=True)
    stalled = watchdog.limit if watchdog.stalled else None
    record_unfinished(
        database, sources, finished, exit_code, stderr_path, log_path, outcomes, stalled=stalled
    )
    return CrawlReport(outcomes, exit_code, log_path)


def read_events(
    lines: Iterable[str], outcomes: dict[str, SourceOutcome], finished: set[str]
) -> Iterator[dict[str, Any]]:
    """The child's progress events, one JSON object a line; each ``source_finished``
    is noted in ``outcomes`` and ``finished`` before it is passed on. The ``progress``
    events, meant for the stall watchdog, are not."""
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") == PROGRESS:
            continue
        if event.get("event") == "source_finished":
            source_id = event["source"]
            finished.add(source_id)
            outcome = outcomes[source_id]
            for key in (
                "found",
                "new",
                "known",
                "duplicates",
                "not_modified",
                "error",
                "warnings",
            ):
                setattr(outcome, key, event.get(key, getattr(outcome, key)))
        yield event


def record_unfinished(
    database: Database,
    sources: Sequence[SourceBase],
    finished: set[str],
    exit_code: int,
    stderr_path: Path,
    log_path: Path,
    outcomes: dict[str, SourceOutcome],
    *,
    stalled: timedelta | None = None,
) -> None:
    """Each source the crawl process ended before it finished gets its error, recorded
    against the source as any failed crawl (all of them in one transaction). ``stalled``:
    the process was killed after sending nothing for that long."""
    unfinished = [source for source in sources if source.id not in finished]
    if not unfinished:
        return
    # The child died before these sources finished: say so where users look.
    tail = _tail(stderr_path)
    if stalled is not None:
        seconds = f"{stalled.total_seconds():g}"
        ended = said("process_stalled", seconds=seconds, log=str(log_path))
    elif tail:
        ended = said("process_ended_tail", ending=_ending(exit_code), log=str(log_path), tail=tail)
    else:
        ended = said("process_ended", ending=_ending(exit_code), log=str(log_path))
    message = stored(ended)
    runs = []
    for source in unfinished:
        run = SourceRun(source_id=source.id, kind=source.kind, interval=source.interval)
        run.fail(message)
        runs.append(run)
        outcomes[source.id].error = message
    record_runs(database, runs)


def _tail(path: Path, lines: int = 1) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(text[-lines:])[:300]


def _ending(exit_code: int) -> dict[str, object]:
    if exit_code < 0:
        try:
            return said("killed_by", signal=signal.Signals(-exit_code).name)
        except ValueError:
            return said("killed_by", signal=f"signal {-exit_code}")
    return said("exit_code", code=exit_code)
