"""The outbox: one row per (subscription, story cluster, channel), written in the same
transaction as the processing batch that found the match. A later document of the same
story does not alert again: it is folded into the row as "also reported by"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from myrtille.alerts.matcher import Matcher
from myrtille.alerts.urgency import is_urgent
from myrtille.index.base import IndexedDocument
from myrtille.pipeline.normalise import web_url
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import OutboxItem


@dataclass
class OutboxReport:
    queued: int = 0
    folded: int = 0


def record_matches(
    session: Session, matcher: Matcher, documents: Sequence[IndexedDocument]
) -> OutboxReport:
    report = OutboxReport()
    for document in documents:
        cluster = document.cluster or document.id
        for subscription_id in matcher.match(document):
            subscription = matcher.get(subscription_id)
            for channel in subscription.channels if subscription else ():
                existing = session.scalar(
                    select(OutboxItem).where(
                        OutboxItem.subscription_id == subscription_id,
                        OutboxItem.cluster_id == cluster,
                        OutboxItem.channel == channel,
                    )
                )
                if existing is None:
                    session.add(
                        OutboxItem(
                            subscription_id=subscription_id,
                            cluster_id=cluster,
                            document_id=document.id,
                            channel=channel,
                            status="pending",
                            next_attempt_at=utcnow(),
                            also_reported_by=[],
                            urgent=bool(subscription)
                            and is_urgent(document, subscription.urgent_sirens),
                        )
                    )
                    session.flush()
                    report.queued += 1
                elif existing.document_id != document.id and document.id not in {
                    r.get("id") for r in existing.also_reported_by
                }:
                    existing.also_reported_by = [
                        *existing.also_reported_by,
                        {
                            "id": document.id,
                            "source": document.source,
                            "url": web_url(document.url),
                            "title": document.title,
                        },
                    ]
                    report.folded += 1
    return report
