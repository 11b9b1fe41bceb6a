"""Source health: what happened on each source's last crawl, kept where users see it."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from myrtille.crawlers.polling import next_interval
from myrtille.store.database import Database
from myrtille.store.health_texts import said, stored
from myrtille.store.schema import SourceState, utcnow

MAX_WARNINGS = 20
# Starts the health warning that counts links refused by the URL rule (urlguard).
REFUSED_PREFIX = "Refused links:"


@dataclass
class SourceRun:
    """Counters of one crawl of one source, written to ``source_state`` when it ends."""

    source_id: str
    kind: str
    started_at: datetime = field(default_factory=utcnow)
    found: int = 0
    new: int = 0
    known: int = 0
    duplicates: int = 0
    skipped: int = 0
    summaries_used: int = 0
    not_modified: bool = False
    statuses: Counter[str] = field(default_factory=Counter)
    # Why article pages could not be used: coded health texts (as JSON) and their counts.
    article_failures: Counter[str] = field(default_factory=Counter)
    # Learned links not followed because of the URL rule (urlguard): how many, the last.
    refused: int = 0
    last_refusal: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    validators_seen: bool = False
    # The source's configured interval; when known, the run adapts the poll interval.
    interval: timedelta | None = None

    def warn(self, message: str) -> None:
        if message not in self.warnings and len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)

    def fail(self, message: str) -> None:
        # The first error is the cause; later ones are usually its consequences.
        if self.error is None:
            self.error = message

    def article_failed(self, reason: dict[str, Any]) -> None:
        """An article page could not be used, for ``reason`` (a coded health text)."""
        self.article_failures[json.dumps(reason, sort_keys=True, ensure_ascii=False)] += 1

    def refuse(self, url: str, reason: str) -> None:
        """A learned link was not followed: a warning, not a failure of the source."""
        self.refused += 1
        self.last_refusal = f"{url[:200]} ({reason})"

    def all_warnings(self) -> list[str]:
        warnings = list(self.warnings)
        if self.refused:
            refused = said("refused_links", n=self.refused, last=self.last_refusal)
            warnings.insert(0, stored(refused))
        if self.article_failures:
            reasons = [
                said("counted", reason=json.loads(reason), count=count)
                if count > 1
                else json.loads(reason)
                for reason, count in self.article_failures.most_common()
            ]
            total = sum(self.article_failures.values())
            if self.summaries_used:
                failed = said(
                    "article_failures_summaries",
                    n=total,
                    reasons=reasons,
                    used=self.summaries_used,
                )
            else:
                failed = said("article_failures", n=total, reasons=reasons)
            warnings.insert(0, stored(failed))
        return warnings[:MAX_WARNINGS]


def mark_attempts(database: Database, kinds: dict[str, str]) -> dict[str, SourceState]:
    """Every source of a run ({source id: kind}) marked as attempted, in one transaction,
    returning the states that existed before (validators to send): a thousand feeds then cost one
    commit here instead of a thousand, and none of them a read of its own."""
    now = utcnow()
    with database.session() as session:
        ids = list(kinds)
        found: dict[str, SourceState] = {}
        for start in range(0, len(ids), 500):  # within every database's bound on parameters
            chunk = ids[start : start + 500]
            query = select(SourceState).where(SourceState.source_id.in_(chunk))
            found.update((state.source_id, state) for state in session.scalars(query))
        for source_id, kind in kinds.items():
            state = found.get(source_id)
            if state is None:  # first crawl: nothing to send, hence not returned
                state = SourceState(source_id=source_id, kind=kind)
                session.add(state)
            state.kind = kind
            state.last_attempt_at = now
    return found


def record_run(database: Database, run: SourceRun) -> None:
    """Store the outcome of one crawl; a failure keeps the last good validators."""
    record_runs(database, [run])


def record_runs(database: Database, runs: list[SourceRun]) -> None:
    """``record_run`` for several sources in one transaction (one read of their states):
    the outcomes of a run's feeds cost a few commits, not one each."""
    with database.session() as session:
        found: dict[str, SourceState] = {}
        ids = [run.source_id for run in runs]
        for start in range(0, len(ids), 500):  # within every database's bound on parameters
            query = select(SourceState).where(SourceState.source_id.in_(ids[start : start + 500]))
            found.update((state.source_id, state) for state in session.scalars(query))
        for run in runs:
            state = found.get(run.source_id)
            if state is None:
                state = SourceState(
                    source_id=run.source_id,
                    kind=run.kind,
                    warnings=[],
                    http_status={},
                    items_found=0,
                    items_new=0,
                    consecutive_failures=0,
                    total_items_new=0,
                    runs=0,
                )
                session.add(state)
                found[run.source_id] = state
            _apply(state, run)


def _apply(state: SourceState, run: SourceRun) -> None:
    """``run``'s outcome written onto its source's state."""
    state.kind = run.kind
    state.last_attempt_at = run.started_at
    state.runs = (state.runs or 0) + 1
    state.warnings = run.all_warnings()
    state.http_status = dict(sorted(run.statuses.items()))
    state.items_found = run.found
    state.items_new = run.new
    state.total_items_new = (state.total_items_new or 0) + run.new
    if run.interval is not None:
        current = state.poll_interval_seconds
        interval, backing_off = next_interval(
            run.interval,
            timedelta(seconds=current) if current else None,
            new_items=run.new,
            failed=run.error is not None,
            consecutive_failures=state.consecutive_failures or 0,
        )
        state.poll_interval_seconds = round(interval.total_seconds())
        state.backing_off = backing_off
    if run.error:
        state.last_error = run.error
        state.last_error_at = utcnow()
        state.consecutive_failures = (state.consecutive_failures or 0) + 1
    else:
        state.last_success_at = utcnow()
        state.last_error = None
        state.consecutive_failures = 0
        if run.validators_seen:
            state.etag = run.etag
            state.last_modified = run.last_modified


def all_states(database: Database) -> dict[str, SourceState]:
    with database.session() as session:
        return {s.source_id: s for s in session.query(SourceState).all()}
