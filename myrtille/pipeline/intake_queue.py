"""The queue side of the intake: stages claim collected documents, complete, fail or
release them, and read them back in collection order.

Claims use ``FOR UPDATE SKIP LOCKED`` where the database has it (PostgreSQL); on SQLite the
status condition of the update keeps two workers from taking the same row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, Update, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from myrtille.store.claims import INTAKE, ClaimHolds, held
from myrtille.store.database import Database
from myrtille.store.schema import Document, utcnow

# The mark of a claim whose holder keeps its lock for as long as it lives (store/claims.py).
HELD = ":held"


def _claim_key(token: str) -> int:
    return int(token.split(":")[1][:7], 16)


# The statements a batch runs are built once and given their values when run (as the story
# join's, session 18): building one, and its key in SQLAlchemy's cache of compiled
# statements, costs about 0.25 ms, several a batch. The SQL and the values sent are those
# of one built each time (tests/pipeline/test_session19_speed_stage.py).
@cache
def _pending(limit: int, skip_locked: bool) -> Select[Any]:
    """The ids of up to ``limit`` pending documents, in collection order."""
    pending = (
        select(Document.id)
        .where(Document.status == "pending")
        .order_by(Document.collected_at, Document.id)
        .limit(limit)
    )
    return pending.with_for_update(skip_locked=True) if skip_locked else pending


@cache
def _claiming() -> Update:
    """The claim of the pending documents ``ids`` by ``token`` at ``now``."""
    return (
        update(Document)
        .where(Document.id.in_(bindparam("ids", expanding=True)), Document.status == "pending")
        .values(
            status="claimed",
            claimed_by=bindparam("token"),
            claimed_at=bindparam("now"),
            attempts=Document.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )


@cache
def _claimed() -> Select[Any]:
    """The documents ``token`` claimed, in collection order."""
    return (
        select(Document)
        .where(Document.claimed_by == bindparam("token"), Document.status == "claimed")
        .order_by(Document.collected_at, Document.id)
    )


@cache
def _stale() -> Update:
    """Claims taken before ``before`` given back. Nothing to synchronise: it runs in a
    session of its own, which holds no document."""
    return (
        update(Document)
        .where(Document.status == "claimed", Document.claimed_at < bindparam("before"))
        .values(status="pending", claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )


@cache
def _setting_status(pending: bool) -> Update:
    """The documents ``ids`` set to ``new_status`` with ``new_error``; given back
    (``pending``), their claim is dropped."""
    return (
        update(Document)
        .where(Document.id.in_(bindparam("ids", expanding=True)))
        .values(
            status=bindparam("new_status"),
            error=bindparam("new_error"),
            claimed_by=None if pending else Document.claimed_by,
        )
        .execution_options(synchronize_session=False)
    )


class IntakeQueue:
    """Hands collected documents out to the stages downstream, one claim per worker."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.holds = ClaimHolds(database)

    # -- the queue ---------------------------------------------------------------------

    def claim(self, limit: int, *, stage: str = "process") -> list[Document]:
        """Take up to ``limit`` pending documents for one worker; nobody else gets them."""
        token = f"{stage}:{uuid.uuid4().hex[:16]}"
        # Held before the claim commits, so that a committed claim without its lock is a
        # dead worker's (release_orphaned).
        if self.holds.hold(INTAKE, [_claim_key(token)]):
            token += HELD
        with self.database.session() as session:
            # Rows are locked by the select on PostgreSQL; on SQLite the status condition
            # makes a second claimer's update miss rows another worker took first.
            ids = list(session.scalars(_pending(limit, self.database.supports_skip_locked)))
            if not ids:
                return []
            session.execute(_claiming(), {"ids": ids, "token": token, "now": utcnow()})
            # Read back in the claim's own transaction (one commit a batch, not two); the
            # session keeps loaded values on commit, so the documents stay readable.
            return list(session.scalars(_claimed(), {"token": token}))

    def complete(self, ids: Sequence[str], session: Session | None = None) -> None:
        self._set_status(ids, "done", None, session)

    def release(self, ids: Sequence[str]) -> None:
        """Give claimed documents back, e.g. on shutdown."""
        self._set_status(ids, "pending", None, None)

    def fail(self, doc_id: str, error: str) -> None:
        self._set_status([doc_id], "failed", error, None)

    def settle(self, documents: Sequence[Document]) -> None:
        """Let go of the claims of ``documents``, once their outcome is committed."""
        tokens = {d.claimed_by for d in documents if (d.claimed_by or "").endswith(HELD)}
        self.holds.let_go(INTAKE, [_claim_key(t) for t in tokens if t])

    def give_back(self, documents: Sequence[Document]) -> int:
        """Give back this claim of ``documents`` (those still claimed by it)."""
        with self.database.session() as session:
            given = 0
            for token in {d.claimed_by for d in documents if d.claimed_by}:
                ids = [d.id for d in documents if d.claimed_by == token]
                given += (
                    session.execute(
                        update(Document)
                        .where(
                            Document.id.in_(ids),
                            Document.status == "claimed",
                            Document.claimed_by == token,
                        )
                        .values(status="pending", claimed_by=None, claimed_at=None)
                    ).rowcount
                    or 0
                )
            return given

    def release_orphaned(self) -> int:
        """Give back at once the claims whose holder died (its lock is gone with its
        session; PostgreSQL). Claims held by no lock wait for their stale age."""
        if not self.holds.enabled:
            return 0
        with self.database.session() as session:
            tokens = set(
                session.scalars(
                    select(Document.claimed_by)
                    .where(Document.status == "claimed", Document.claimed_by.like(f"%{HELD}"))
                    .distinct()
                )
            )
            if not tokens:
                return 0
            live = held(session, INTAKE)
            dead = [t for t in tokens if t and _claim_key(t) not in live]
            if not dead:
                return 0
            # A claim settled meanwhile is no longer "claimed": the condition skips it.
            result = session.execute(
                update(Document)
                .where(Document.status == "claimed", Document.claimed_by.in_(dead))
                .values(status="pending", claimed_by=None, claimed_at=None)
            )
            return result.rowcount or 0

    def release_stale(self, older_than: timedelta) -> int:
        """Return claims left by a worker that died to the queue."""
        limit = datetime.now(UTC) - older_than
        with self.database.session() as session:
            result = session.execute(_stale(), {"before": limit})
            return result.rowcount or 0

    def _set_status(
        self, ids: Sequence[str], status: str, error: str | None, session: Session | None
    ) -> None:
        if session is None:
            with self.database.session() as own:
                self._set_status(ids, status, error, own)
            return
        session.execute(
            _setting_status(status == "pending"),
            {"ids": list(ids), "new_status": status, "new_error": error},
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
