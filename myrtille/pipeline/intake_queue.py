"""The queue side of the intake: stages claim collected documents, complete, fail or
release them, and read them back in collection order.

Claims use ``FOR UPDATE SKIP LOCKED`` where the database has it (PostgreSQL); on SQLite the
status condition of the update keeps two workers from taking the same row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from myrtille.store.database import Database
from myrtille.store.schema import Document, utcnow


class IntakeQueue:
    """Hands collected documents out to the stages downstream, one claim per worker."""

    def __init__(self, database: Database) -> None:
        self.database = database

    # -- the queue ---------------------------------------------------------------------

    def claim(self, limit: int, *, stage: str = "process") -> list[Document]:
        """Take up to ``limit`` pending documents for one worker; nobody else gets them."""
        token = f"{stage}:{uuid.uuid4().hex[:16]}"
        pending = (
            select(Document.id)
            .where(Document.status == "pending")
            .order_by(Document.collected_at, Document.id)
            .limit(limit)
        )
        if self.database.supports_skip_locked:
            pending = pending.with_for_update(skip_locked=True)
        with self.database.session() as session:
            # Rows are locked by the select on PostgreSQL; on SQLite the status condition
            # makes a second claimer's update miss rows another worker took first.
            ids = list(session.scalars(pending))
            if not ids:
                return []
            session.execute(
                update(Document)
                .where(Document.id.in_(ids), Document.status == "pending")
                .values(
                    status="claimed",
                    claimed_by=token,
                    claimed_at=utcnow(),
                    attempts=Document.attempts + 1,
                )
                .execution_options(synchronize_session=False)
            )
        with self.database.session() as session:
            return list(
                session.scalars(
                    select(Document)
                    .where(Document.claimed_by == token, Document.status == "claimed")
                    .order_by(Document.collected_at, Document.id)
                )
            )

    def complete(self, ids: Sequence[str], session: Session | None = None) -> None:
        self._set_status(ids, "done", None, session)

    def release(self, ids: Sequence[str]) -> None:
        """Give claimed documents back, e.g. on shutdown."""
        self._set_status(ids, "pending", None, None)

    def fail(self, doc_id: str, error: str) -> None:
        self._set_status([doc_id], "failed", error, None)

    def release_stale(self, older_than: timedelta) -> int:
        """Return claims left by a worker that died to the queue."""
        limit = datetime.now(UTC) - older_than
        with self.database.session() as session:
            result = session.execute(
                update(Document)
                .where(Document.status == "claimed", Document.claimed_at < limit)
                .values(status="pending", claimed_by=None, claimed_at=None)
            )
            return result.rowcount or 0

    def _set_status(
        self, ids: Sequence[str], status: str, error: str | None, session: Session | None
    ) -> None:
        if session is None:
            with self.database.session() as own:
                self._set_status(ids, status, error, own)
            return
        session.execute(
            update(Document)
            .where(Document.id.in_(list(ids)))
            .values(
                status=status,
                error=error,
                claimed_by=None if status == "pending" else Document.claimed_by,
            )
            .execution_options(synchronize_session=False)
        )

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.database.session() as session:
            rows = session.execute(select(Document.status, func.count()).group_by(Document.status))
            return {status: count for status, count in rows}

    def documents(
        self, since: datetime | None = None, source_ids: Sequence[str] | None = None
    ) -> Iterator[Document]:
        """Documents in collection order; ``since`` compares the publication date, or the
        collection date when a document has none."""
        query = select(Document).order_by(Document.collected_at, Document.id)
        if since is not None:
            query = query.where(
                or_(
                    Document.published_at >= since,
                    (Document.published_at.is_(None)) & (Document.collected_at >= since),
                )
            )
        if source_ids:
            query = query.where(Document.source_id.in_(list(source_ids)))
        with self.database.session() as session:
            for document in session.scalars(query.execution_options(yield_per=500)):
                # Detached, so the object stays readable if the caller stops early.
                session.expunge(document)
                yield document
