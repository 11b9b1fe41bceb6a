"""Who receives alerts and what is owed to them: subscribers, their subscriptions and each
subscription's destinations, the outbox of matches to deliver, and the digest watermark."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from myrtille.store.schema import Base, UTCDateTime, utcnow


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


class DigestRun(Base):
    """The watermark of digests: one row per subscriber, frequency and slot (a local day
    or week), written with the bookkeeping of the send, so a slot is never sent twice."""

    __tablename__ = "digest_run"
    __table_args__ = (UniqueConstraint("subscriber_id", "frequency", "slot"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscriber.id"))
    frequency: Mapped[str] = mapped_column(String(8))
    slot: Mapped[str] = mapped_column(String(40))
    items: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
