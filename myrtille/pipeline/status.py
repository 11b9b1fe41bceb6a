"""The state of the pipeline at a glance: queues, sources' health, deliveries, and the
same figures as Prometheus metrics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from myrtille.store.database import Database
from myrtille.store.health_texts import english
from myrtille.store.schema import Document, Enrichment, SourceState, utcnow
from myrtille.store.subscriptions import OutboxItem, Subscription


@dataclass
class PipelineStatus:
    documents: dict[str, int] = field(default_factory=dict)  # intake status -> count
    by_source: dict[str, int] = field(default_factory=dict)
    enriched: int = 0
    indexed: int | None = None
    deliveries: dict[tuple[str, str], int] = field(default_factory=dict)  # (channel, status)
    sources_failing: list[tuple[str, str, int]] = field(default_factory=list)
    sources: int = 0
    active_subscriptions: int = 0
    # Mean seconds from collection to enrichment over the last day (a stage latency).
    processing_lag_seconds: float | None = None
    # Mean seconds from a match being queued to its delivery, over the last day.
    delivery_lag_seconds: float | None = None
    # Storage problems the service's jobs are backing off from, filled by the caller
    # from the service's health: (job, kind, message, failures in a row).
    service_problems: list[tuple[str, str, str, int]] = field(default_factory=list)


def read_status(database: Database, indexed: int | None = None) -> PipelineStatus:
    status = PipelineStatus(indexed=indexed)
    with database.session() as session:
        status.documents = dict(
            session.execute(select(Document.status, func.count()).group_by(Document.status)).all()
        )
        status.by_source = dict(
            session.execute(
                select(Document.source_id, func.count()).group_by(Document.source_id)
            ).all()
        )
        status.enriched = int(session.scalar(select(func.count()).select_from(Enrichment)) or 0)
        status.deliveries = {
            (channel, state): count
            for channel, state, count in session.execute(
                select(OutboxItem.channel, OutboxItem.status, func.count()).group_by(
                    OutboxItem.channel, OutboxItem.status
                )
            )
        }
        states = list(session.scalars(select(SourceState)))
        status.sources = len(states)
        status.sources_failing = sorted(
            (s.source_id, english(s.last_error or ""), s.consecutive_failures or 0)
            for s in states
            if s.last_error
        )
        status.active_subscriptions = int(
            session.scalar(
                select(func.count()).select_from(Subscription).where(Subscription.active.is_(True))
            )
            or 0
        )
        since = utcnow().replace(microsecond=0)
        rows = session.execute(
            select(Enrichment.processed_at, Document.collected_at)
            .join(Document, Document.id == Enrichment.document_id)
            .order_by(Enrichment.processed_at.desc())
            .limit(500)
        ).all()
        status.processing_lag_seconds = _mean_lag(rows, since)
        sent = session.execute(
            select(OutboxItem.sent_at, OutboxItem.created_at)
            .where(OutboxItem.status == "sent", OutboxItem.sent_at.is_not(None))
            .order_by(OutboxItem.sent_at.desc())
            .limit(500)
        ).all()
        status.delivery_lag_seconds = _mean_lag(sent, since)
    return status


def _mean_lag(pairs: Iterable[Any], now: datetime) -> float | None:
    """Mean seconds from start to end over the (end, start) pairs that ended within the
    last day; None when none did."""
    lags = [
        (end - start).total_seconds()
        for end, start in pairs
        if end and start and (now - end).total_seconds() < 86400
    ]
    return sum(lags) / len(lags) if lags else None


def _line(name: str, value: float, labels: dict[str, str] | None = None) -> str:
    if labels:
        rendered = ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(labels.items()))
        return f"{name}{{{rendered}}} {value}"
    return f"{name} {value}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


Sample = tuple[float, dict[str, str] | None]


def _gauge(
    name: str, help_text: str, samples: Iterable[Sample], blank: dict[str, str] | None = None
) -> list[str]:
    """A gauge with its samples; with no sample, one 0 with ``blank`` labels (when given),
    so that the series exists before anything happens."""
    lines = [_line(name, value, labels) for value, labels in samples]
    if not lines and blank is not None:
        lines = [_line(name, 0, blank)]
    return [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", *lines]


def prometheus_text(status: PipelineStatus) -> str:
    """The Prometheus text exposition format (version 0.0.4)."""
    total = sum(status.documents.values())
    lines: list[str] = []
    lines += _gauge(
        "myrtille_documents_collected",
        "Documents in the intake, by source.",
        [(n, {"source": s}) for s, n in sorted(status.by_source.items())],
        blank={"source": ""},
    )
    lines += _gauge("myrtille_documents_total", "Documents in the intake.", [(total, None)])
    lines += _gauge(
        "myrtille_queue_depth",
        "Documents per intake status (pending is the processing queue).",
        [
            (status.documents.get(s, 0), {"status": s})
            for s in ("pending", "claimed", "done", "failed")
        ],
    )
    lines += _gauge(
        "myrtille_documents_processed", "Enriched documents.", [(status.enriched, None)]
    )
    if status.indexed is not None:
        lines += _gauge(
            "myrtille_documents_indexed", "Documents in the index.", [(status.indexed, None)]
        )
    lines += _gauge(
        "myrtille_deliveries",
        "Outbox rows by channel and status.",
        [(n, {"channel": c, "status": s}) for (c, s), n in sorted(status.deliveries.items())],
        blank={"channel": "", "status": ""},
    )
    lines += _gauge(
        "myrtille_source_errors",
        "Sources whose last crawl failed, with their failures in a row.",
        [(n, {"source": s}) for s, _, n in status.sources_failing],
        blank={"source": ""},
    )
    lines += _gauge(
        "myrtille_subscriptions_active",
        "Active subscriptions.",
        [(status.active_subscriptions, None)],
    )
    lines += _gauge(
        "myrtille_service_degraded",
        "1 while a job of the service backs off from a storage problem, else 0.",
        [(int(bool(status.service_problems)), None)],
    )
    lines += _gauge(
        "myrtille_service_problem_failures",
        "Failures in a row of a job that meets a storage problem (locked, disk full, …).",
        [(n, {"job": job, "kind": kind}) for job, kind, _, n in status.service_problems],
        blank={"job": "", "kind": ""},
    )
    if status.processing_lag_seconds is not None:
        lines += _gauge(
            "myrtille_processing_lag_seconds",
            "Mean seconds from collection to enrichment, over the last day.",
            [(round(status.processing_lag_seconds, 3), None)],
        )
    if status.delivery_lag_seconds is not None:
        lines += _gauge(
            "myrtille_delivery_lag_seconds",
            "Mean seconds from a match being queued to its delivery, over the last day.",
            [(round(status.delivery_lag_seconds, 3), None)],
        )
    return "\n".join(lines) + "\n"
