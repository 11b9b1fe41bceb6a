"""The relational state: sources and their health, seen URLs, the intake queue, story clusters.

One schema for SQLite and PostgreSQL; times are stored in UTC.
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
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


class Company(Base):
    """A company of the registry: the config watchlist and imported Sirene units."""

    __tablename__ = "company"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    siren: Mapped[str | None] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    acronym: Mapped[str | None] = mapped_column(String(64))
    naf: Mapped[str | None] = mapped_column(String(8))
    website: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String(3))
    region: Mapped[str | None] = mapped_column(String(2))
    # Sirene's categorieEntreprise: PME, ETI or GE (None when the file does not say).
    category: Mapped[str | None] = mapped_column(String(8))
    ceased: Mapped[bool] = mapped_column(default=False)
    # A sole trader (a natural person): linked by SIREN only, never by name in press text.
    person: Mapped[bool] = mapped_column(default=False)
    origin: Mapped[str] = mapped_column(String(16), default="sirene")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CompanyWord(Base):
    """One folded word of a company's name, aliases or acronym: a company search by the
    start of a word is a range over this primary key, not a scan of a million names."""

    __tablename__ = "company_word"

    # Byte order on PostgreSQL (as SQLite's BINARY): a locale collation would put "ga{" before
    # "gaz", and the prefix range of company_words.starts_with would miss or mix words.
    word: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True
    )
    company_id: Mapped[str] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), primary_key=True, index=True
    )


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


class Subscriber(Base):
    """An SME or an agent who receives alerts; nothing but the confirmation request is
    sent before ``confirmed_at`` is set (double opt-in)."""

    __tablename__ = "subscriber"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8), default="sme")
    language: Mapped[str] = mapped_column(String(8), default="fr")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # How consent was had: "link" (double opt-in) or "operator" (recorded elsewhere).
    consent: Mapped[str | None] = mapped_column(String(16))
    paused: Mapped[bool] = mapped_column(default=False)
    paused_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Subscription(Base):
    """A query, a frequency and its destinations (one per channel); inactive until its
    subscriber confirms."""

    __tablename__ = "subscription"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscriber.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    query: Mapped[str] = mapped_column(Text)
    frequency: Mapped[str] = mapped_column(String(16), default="immediate")
    # Legal notices about a company of a portfolio its query names are sent at once, even
    # to a daily or weekly subscription (no effect on a query without portfolio:).
    urgent: Mapped[bool] = mapped_column(default=True)
    # Loaded with the subscription: every reader of a subscription wants its channels.
    destinations: Mapped[list[SubscriptionDestination]] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="SubscriptionDestination.id",
    )
    active: Mapped[bool] = mapped_column(default=False)
    # The agent who set it up for a firm in the web UI (None: API, CLI).
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"), index=True)
    # Paused by its agent: not matched and nothing delivered until resumed.
    paused: Mapped[bool] = mapped_column(default=False)
    # Unsubscribed or deleted: no confirmation link activates it again.
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    @property
    def channels(self) -> list[str]:
        """The channels it delivers on: its destinations not disabled, in creation order."""
        return [d.channel for d in self.destinations if d.disabled_at is None]

    def destination(self, channel: str) -> SubscriptionDestination | None:
        """Its destination on ``channel`` (disabled or not), or None."""
        return next((d for d in self.destinations if d.channel == channel), None)


class SubscriptionDestination(Base):
    """Where one channel of a subscription delivers; what ``address`` and ``secret`` mean is
    the channel's business (a webhook's URL and signing secret, an Apprise URL; nothing for
    email and the stream, whose address is the subscriber). A channel that a delivery
    disabled (410 Gone, an unusable URL) keeps its row, with when and why."""

    __tablename__ = "subscription_destination"
    __table_args__ = (UniqueConstraint("subscription_id", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(Text)
    secret: Mapped[str | None] = mapped_column(Text)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxItem(Base):
    """One match to deliver: unique per (subscription, story cluster, channel), so a
    story told by five sources is delivered once ("also reported by …")."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("subscription_id", "cluster_id", "channel"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id"))
    cluster_id: Mapped[str] = mapped_column(String(32))
    document_id: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    also_reported_by: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # A legal notice about a portfolio company: delivered at once, marked urgent.
    urgent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Portfolio(Base):
    """An agent's named list of SIRENs (clients, suppliers), usable as ``portfolio:NAME``.
    Names are unique across agents: a stored query names one portfolio, whoever reads it."""

    __tablename__ = "portfolio"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"), index=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Changes with every import: the matcher re-resolves portfolio: queries when it moves.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class PortfolioCompany(Base):
    """One SIREN of a portfolio, with the agent's own label for it."""

    __tablename__ = "portfolio_company"

    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), primary_key=True
    )
    siren: Mapped[str] = mapped_column(String(9), primary_key=True, index=True)
    label: Mapped[str | None] = mapped_column(Text)


class DigestRun(Base):
    """The watermark of digests: one row per subscriber, frequency and slot (a local day
    or week), written with the bookkeeping of the send, so a slot is never sent twice."""

    __tablename__ = "digest_run"
    __table_args__ = (UniqueConstraint("subscriber_id", "frequency", "slot"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscriber.id"))
    frequency: Mapped[str] = mapped_column(String(8))
    slot: Mapped[str] = mapped_column(String(16))
    items: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
