"""The processing stage: claim documents from the intake, enrich them, store the result
and mark them done in one transaction."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import Insert, Select, bindparam, func, insert, select, update

from myrtille.alerts.matcher import Matcher
from myrtille.alerts.outbox import record_matches
from myrtille.alerts.subscriptions import load_matcher
from myrtille.config.settings import Settings
from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.enrichment.registry import load_registry, sync_watchlist
from myrtille.index.base import IndexBackend
from myrtille.index.records import indexed_document, load_documents
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.stories import join_across_languages
from myrtille.store.companies import Portfolio
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment, utcnow
from myrtille.store.subscriptions import Subscription

log = logging.getLogger(__name__)

# A document claimed this many times without being finished (its worker died each time)
# is given up on rather than retried forever.
MAX_ATTEMPTS = 3
STALE_CLAIM = timedelta(hours=1)


@dataclass
class ProcessReport:
    processed: int = 0
    failed: int = 0
    batches: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    indexed: int = 0
    alerts_queued: int = 0
    alerts_folded: int = 0
    index_errors: list[str] = field(default_factory=list)
    stories_joined: int = 0  # stories merged across languages (pipeline/stories.py)


# The statements of every batch are built once and given their values when run (as the
# story join's, session 18): building one, and its key in SQLAlchemy's cache of compiled
# statements, costs about 0.25 ms. The SQL and the values sent are those of one built each
# time (tests/pipeline/test_session19_speed_stage.py).
@cache
def _stored() -> Select[Any]:
    """The enrichment rows of the documents ``ids`` already holds (a replayed batch's)."""
    return select(Enrichment.document_id).where(
        Enrichment.document_id.in_(bindparam("ids", expanding=True))
    )


@cache
def _new_rows() -> Insert:
    """New enrichment rows, as a plain table insert: the ORM's bulk insert of the same
    rows sends the same statement and values, after more bookkeeping (~0.3 ms a batch)."""
    return insert(Enrichment.__table__)


@cache
def _versions() -> Select[Any]:
    """What ``subscriptions_version`` and ``portfolios_version`` read (each table's count
    of rows and latest change), in one statement: the stage asks every batch."""
    return select(
        select(func.count()).select_from(Subscription).scalar_subquery(),
        select(func.max(Subscription.updated_at)).scalar_subquery(),
        select(func.count()).select_from(Portfolio).scalar_subquery(),
        select(func.max(Portfolio.updated_at)).scalar_subquery(),
    )


def stored_versions(database: Database) -> tuple[tuple[int, str], tuple[int, str]]:
    """``(subscriptions_version(database), portfolios_version(database))``, read at once."""
    with database.session() as session:
        subscriptions, changed, portfolios, imported = session.execute(_versions()).one()
        return (int(subscriptions), str(changed)), (int(portfolios), str(imported))


class ProcessingStage:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        enricher: Enricher | None = None,
        index: IndexBackend | None = None,
    ) -> None:
        self.settings = settings
        self.database = database
        self.intake = Intake(database, settings.dedup)
        if enricher is None:
            sync_watchlist(database, settings.companies)
            enricher = Enricher(settings.enrichment, load_registry(database))
        self.enricher = enricher
        self.index = index
        self._matcher: Matcher | None = None
        # Claims a failed batch could not give back (the database refused the write too):
        # ours, so the next run gives them back, not the stale age an hour later.
        self._owed: list[Document] = []
        self._matcher_version: tuple[tuple[int, str], tuple[int, str]] | None = None

    def run(
        self, limit: int | None = None, on_batch: Callable[[ProcessReport], None] | None = None
    ) -> ProcessReport:
        """Enrich everything pending (or ``limit`` documents) and return what happened."""
        report = ProcessReport()
        if self._owed:
            self.intake.give_back(self._owed)
            self._owed = []
        self.intake.release_stale(STALE_CLAIM)
        orphaned = self.intake.release_orphaned()
        if orphaned:
            log.warning("%d document(s) claimed by a worker that died given back", orphaned)
        size = self.settings.enrichment.batch_size
        while limit is None or report.processed + report.failed < limit:
            take = size if limit is None else min(size, limit - report.processed - report.failed)
            batch = self.intake.claim(take, stage="process")
            if not batch:
                break
            try:
                self._batch(batch, report)
            finally:
                # Its outcome is committed (or the process is going down): let go.
                self.intake.settle(batch)
            if on_batch:
                on_batch(report)
        return report

    def _batch(self, batch: list[Document], report: ProcessReport) -> None:
        exhausted = [d for d in batch if d.attempts > MAX_ATTEMPTS]
        for document in exhausted:
            message = (
                f"gave up after {MAX_ATTEMPTS} attempts that did not finish "
                "(the worker stopped each time)"
            )
            self.intake.fail(document.id, message)
            report.failed += 1
            report.errors.append((document.id, message))
        batch = [d for d in batch if d.attempts <= MAX_ATTEMPTS]
        if not batch:
            return
        try:
            results = self.enricher.enrich(
                [
                    DocumentInput(
                        id=d.id,
                        title=d.title,
                        text=d.text,
                        language=d.language,
                        kind=d.kind,
                        fields=d.fields or {},
                        published=d.published_at,
                    )
                    for d in batch
                ]
            )
        except BaseException:
            # Whatever happened, the claims go back to the queue for another try.
            self._release_quietly(batch)
            raise
        try:
            moved = self._store(results, report)
        except BaseException:
            # The batch's transaction rolled back: nothing of it was stored. Give the
            # claims back now rather than after STALE_CLAIM (a locked or full database
            # would otherwise hold these documents for an hour).
            self._release_quietly(batch)
            raise
        # Documents of earlier batches that joined a story here are indexed again.
        done = {r.document_id for r in results if not r.error}
        self._index([*sorted(done), *sorted(moved - done)], report)
        report.batches += 1

    def _release_quietly(self, batch: list[Document]) -> None:
        try:
            self.intake.give_back(batch)
        except Exception:
            # The database that failed the batch may refuse this too: the next run tries
            # again (a restart of `myrtille run` gives every claim back as well).
            self._owed.extend(batch)
            log.warning("could not give back %d claimed document(s) yet", len(batch))

    def matcher(self) -> Matcher:
        """The active subscriptions; reloaded when they or a portfolio change, without a
        restart (portfolio:NAME is resolved to the portfolio's SIRENs when loading)."""
        version = stored_versions(self.database)
        if self._matcher is None or version != self._matcher_version:
            self._matcher = load_matcher(self.database, CodeResolver(database=self.database))
            self._matcher_version = version
        return self._matcher

    def _index(self, ids: list[str], report: ProcessReport) -> None:
        """The last step: make the batch searchable. The state is already committed, so
        a failing index loses nothing: ``myrtille index rebuild`` fills it again."""
        if self.index is None or not ids:
            return
        try:
            for chunk in load_documents(self.database, ids):
                report.indexed += self.index.index(chunk)
        except Exception as exc:
            log.exception("indexing failed")
            report.index_errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")

    def _store(self, results: list[EnrichmentResult], report: ProcessReport) -> set[str]:
        """Store the batch; returns the documents whose story changed by a join."""
        moved: set[str] = set()
        with self.database.session() as session:
            # The rows a replayed batch already has, in one query: they are merged, the
            # others added (merge would read each one first).
            stored = set(session.scalars(_stored(), {"ids": [r.document_id for r in results]}))
            fresh: list[dict[str, Any]] = []
            for result in results:
                if result.error:
                    session.execute(
                        update(Document)
                        .where(Document.id == result.document_id)
                        .values(status="failed", error=result.error)
                    )
                    report.failed += 1
                    report.errors.append((result.document_id, result.error))
                    continue
                row = dict(
                    document_id=result.document_id,
                    language=result.language,
                    language_source=result.language_source,
                    entities=result.entities,
                    companies=result.companies,
                    sectors=result.sectors,
                    events=result.events,
                    regions=result.regions,
                    departments=result.departments,
                    places=result.places,
                    title_lemmas=result.title_lemmas,
                    text_lemmas=result.text_lemmas,
                    truncated=result.truncated,
                    model=result.model,
                    processed_at=utcnow(),
                )
                if result.document_id in stored:
                    session.merge(Enrichment(**row))
                else:
                    fresh.append(row)
                    stored.add(result.document_id)
                report.processed += 1
                report.languages[result.language or "unknown"] += 1
            if fresh:
                # One bulk INSERT: the unit of work's per-object bookkeeping costs more
                # than the statement (session 16).
                session.execute(_new_rows(), fresh)
            done = [r.document_id for r in results if not r.error]
            if done:
                self.intake.complete(done, session)
                # Matches are queued in the same transaction as the batch's completion:
                # a crash replays the batch and its matches together, or neither.
                session.flush()
                # After enrichment (the join reads companies and events) and before the
                # matches, so that a story told in two languages alerts once.
                # The join is handed what was just stored rather than reading it back
                # (the rows' JSON gives back these values, session 16).
                enriched = {
                    r.document_id: (r.language, r.companies, r.events)
                    for r in results
                    if not r.error
                }
                joined = join_across_languages(
                    session, done, self.settings.dedup.cross_language_days, enriched
                )
                report.stories_joined += joined.merged
                moved = joined.moved or set()
                matcher = self.matcher()
                if matcher.size:  # without subscriptions, nothing to read back for matching
                    documents = [
                        indexed_document(doc, session.get(Enrichment, doc.id))
                        for doc in session.scalars(select(Document).where(Document.id.in_(done)))
                    ]
                    outbox = record_matches(session, matcher, documents)
                    report.alerts_queued += outbox.queued
                    report.alerts_folded += outbox.folded
        return moved
