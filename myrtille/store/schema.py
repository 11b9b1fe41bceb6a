"""The relational state: sources and their health, seen URLs, the intake queue, story clusters,
documents and their enrichment, agents and their sign-ins; the declarative base of them all.

One schema for SQLite and PostgreSQL; times are stored in UTC. The company registry and
portfolios are in ``store/companies.py``, subscriptions and the outbox in
``store/subscriptions.py`` (``store/migrations/env.py`` imports every one).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


# The largest integer key SQLite and PostgreSQL (bigint) can hold: a larger id from a URL
# names no row, and binding it would raise OverflowError in the driver.
MAX_ROW_ID = 2**63 - 1


def is_row_id(value: int) -> bool:
    """True when ``value`` can be an integer primary key (1 … 2**63-1)."""
    return 0 < value <= MAX_ROW_ID


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes in, UTC out, whatever the database keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SourceState(Base):
    """Poll state and health of one configured source."""

    __tablename__ = "source_state"

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # Conditional GET validators of the source URL's last 200 answer.
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    items_found: Mapped[int] = mapped_column(Integer, default=0)
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    http_status: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    total_items_new: Mapped[int] = mapped_column(Integer, default=0)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    poll_interval_seconds: Mapped[int | None] = mapped_column(Integer)
    backing_off: Mapped[bool] = mapped_column(default=False)


class SeenUrl(Base):
    """An article URL already fetched (or judged useless), so re-polls skip it."""

    __tablename__ = "seen_url"

    url_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(String(64), index=True)
    document_id: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16), default="collected")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoryCluster(Base):
    """Documents that tell the same story, from one source or several."""

    __tablename__ = "story_cluster"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Document(Base):
    """A collected document; its ``status`` makes this table the intake queue."""

    __tablename__ = "document"
    __table_args__ = (Index("ix_document_status_collected", "status", "collected_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="article")
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("story_cluster.id"), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    extraction: Mapped[str] = mapped_column(String(16), default="page")
    # Queue bookkeeping for the stages downstream.
    status: Mapped[str] = mapped_column(String(16), default="pending")
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)


class Enrichment(Base):
    """What the processing stage found in one document."""

    __tablename__ = "enrichment"

    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), primary_key=True)
    language: Mapped[str | None] = mapped_column(String(16))
    language_source: Mapped[str] = mapped_column(String(16), default="declared")
    entities: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    companies: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    sectors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    events: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    departments: Mapped[list[str]] = mapped_column(JSON, default=list)
    places: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Folded lemmas, space-separated, so that the index finds "usines" from "usine".
    title_lemmas: Mapped[str] = mapped_column(Text, default="")
    text_lemmas: Mapped[str] = mapped_column(Text, default="")
    truncated: Mapped[bool] = mapped_column(default=False)
    model: Mapped[str | None] = mapped_column(String(64))
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Agent(Base):
    """Someone (or something) allowed to call the REST API, with one API key.

    Only a SHA-256 of the key is kept: the key is shown once, when the agent is created."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    email: Mapped[str | None] = mapped_column(Text)
    # The key's public part, to find the row and to show which key is which.
    key_prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    # For the web UI's sign-in (scrypt, see web/auth.py); None: API key only.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(default=False)


class AgentSession(Base):
    """An agent signed in to the web UI. The cookie carries the signed session id; only its
    SHA-256 is kept, so the table cannot be turned back into cookies. Signing out deletes
    the row; a password change or ``users revoke`` marks every row of the agent revoked."""

    __tablename__ = "agent_session"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SignInFailure(Base):
    """One failed sign-in, for the throttle (web/throttle.py): ``name`` is the casefolded
    agent name tried (known or not), ``client`` the client address or known browser."""

    __tablename__ = "signin_failure"
    __table_args__ = (
        Index("ix_signin_failure_name_client", "name", "client", "failed_at"),
        Index("ix_signin_failure_name_failed_at", "name", "failed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128))
    client: Mapped[str] = mapped_column(String(128))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class SignInPace(Base):
    """When the next attempt for a name under attack may be let through (one shared slot
    per name, taken by a conditional UPDATE, so several web processes share it)."""

    __tablename__ = "signin_pace"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    next_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class RequestStamp(Base):
    """One request counted by a rate limit (web/rate_limits.py): ``scope`` names the limit
    (``api``, ``public``), ``subject`` who is counted (an agent, a client address). Rows, not
    a process's memory, so that every web process behind one proxy enforces one limit."""

    __tablename__ = "request_stamp"
    __table_args__ = (Index("ix_request_stamp_scope_subject", "scope", "subject", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
